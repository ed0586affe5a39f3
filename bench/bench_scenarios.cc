#include "bench/bench_scenarios.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "app/scenario/scenario_loader.h"

namespace teamsim::bench {
namespace {

int scale_count(int count, double factor) {
  return std::max(1, static_cast<int>(std::lround(count * factor)));
}

}  // namespace

model::ScenarioSpec load_scenario(const std::string& file_name) {
  auto loaded =
      app::load_scenario_file(std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/" + file_name);
  if (!loaded.ok()) throw std::runtime_error("cannot load scenario " + file_name);
  return *loaded.spec;
}

model::ScenarioSpec scaled(model::ScenarioSpec spec, double factor) {
  for (auto& staff : spec.starting_staff) staff.count = scale_count(staff.count, factor);
  for (auto& hire : spec.hires) hire.count = scale_count(hire.count, factor);
  for (auto& rule : spec.hiring_rules) {
    rule.count = scale_count(rule.count, factor);
    if (rule.max_count != model::kUnlimited) rule.max_count = scale_count(rule.max_count, factor);
  }
  for (auto& territory : spec.territories) {
    territory.inbound_leads_per_month *= factor;
    if (territory.accounts > 0) territory.accounts = scale_count(territory.accounts, factor);
  }
  spec.customers.initial_customers = scale_count(spec.customers.initial_customers, factor);
  return spec;
}

}  // namespace teamsim::bench
