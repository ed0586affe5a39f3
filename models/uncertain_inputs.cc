#include "models/uncertain_inputs.h"

#include <type_traits>

namespace teamsim::model {
namespace {

// One walk for both constness: Spec is ScenarioSpec or const ScenarioSpec. Every Distribution
// field of scenario_spec.h must appear here (tests/models/uncertain_inputs_test.cc checks it).
template <class Spec, class Visit>
void walk(Spec& spec, const Visit& visit) {
  for (auto& role : spec.roles) {
    const std::string prefix = "roles." + role.name + ".";
    visit(prefix + "time_to_fill_days", role.time_to_fill_days);
    visit(prefix + "onboarding_days", role.onboarding_days);
    visit(prefix + "ramp_months", role.ramp_months);
    visit(prefix + "backfill_delay_days", role.backfill_delay_days);
    visit(prefix + "performance", role.performance);
  }
  visit("pipeline.win_rate", spec.pipeline.win_rate);
  visit("pipeline.deal_size_acv", spec.pipeline.deal_size_acv);
  visit("pipeline.sales_cycle_days", spec.pipeline.sales_cycle_days);
  visit("pipeline.specialist_help_days", spec.pipeline.specialist_help_days);
  for (auto& product : spec.products) {
    const std::string prefix = "products." + product.name + ".";
    visit(prefix + "win_rate", product.win_rate);
    visit(prefix + "deal_size_acv", product.deal_size_acv);
    visit(prefix + "sales_cycle_days", product.sales_cycle_days);
  }
  visit("customers.initial_mrr", spec.customers.initial_mrr);
  visit("customers.monthly_expansion", spec.customers.monthly_expansion);
}

}  // namespace

void for_each_uncertain_input(
    ScenarioSpec& spec, const std::function<void(const std::string&, sim::Distribution&)>& visit) {
  walk(spec, visit);
}

void for_each_uncertain_input(
    const ScenarioSpec& spec,
    const std::function<void(const std::string&, const sim::Distribution&)>& visit) {
  walk(spec, visit);
}

std::vector<UncertainInput> list_uncertain_inputs(const ScenarioSpec& spec) {
  std::vector<UncertainInput> inputs;
  for_each_uncertain_input(spec, [&](const std::string& path, const sim::Distribution& d) {
    inputs.push_back({path, &d});
  });
  return inputs;
}

}  // namespace teamsim::model
