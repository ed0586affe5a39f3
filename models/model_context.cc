#include "models/model_context.h"

#include <algorithm>
#include <cmath>

namespace teamsim::model {

ModelContext::ModelContext(const ScenarioSpec& scenario, sim::Simulator& clock, std::uint64_t seed,
                           std::uint64_t replication, const InputProbe* probe,
                           const ReplicationLimits& replication_limits)
    : spec(scenario),
      simulator(clock),
      limits(replication_limits),
      ledger(scenario.money.starting_cash, scenario.money.other_monthly_costs / kDaysPerMonth),
      month(scenario.territories.size(), scenario.products.size(), scenario.channels.size(),
            scenario.segments.size()),
      input_draws(probe != nullptr ? probe->make_totals() : InputDrawTotals{}),
      seed_(seed),
      replication_(replication),
      replication_key_(sim::replication_key(seed, replication)),
      probe_(probe) {}

sim::Rng ModelContext::stream(Stream stream) const {
  return sim::make_stream(seed_, replication_, static_cast<sim::StreamId>(stream));
}

std::optional<double> ModelContext::fixed_value(const sim::Distribution& input) const {
  if (probe_ != nullptr || input.family() != sim::Family::kConstant) return std::nullopt;
  return input.support_min();
}

std::size_t ModelContext::role_index(const std::string& name) const {
  return static_cast<std::size_t>(spec.find_role(name) - spec.roles.data());
}

std::size_t ModelContext::territory_index(const std::string& name) const {
  for (std::size_t t = 0; t < spec.territories.size(); ++t)
    if (spec.territories[t].name == name) return t;
  return kUnassigned;
}

std::size_t ModelContext::source_index(const std::string& name) const {
  for (std::size_t s = 0; s < spec.hire_sources.size(); ++s)
    if (spec.hire_sources[s].name == name) return s;
  return 0;
}

void ModelContext::fail_limit(const std::string& what, std::uint64_t limit,
                              const std::string& advice) const {
  std::string message = "replication ";
  message += std::to_string(replication_);
  message += " passed the limit of ";
  message += grouped(limit);
  message += " ";
  message += what;
  message += " in month ";
  message += std::to_string(current_month() + 1);
  message += " of ";
  message += std::to_string(spec.horizon_months);
  message += "; ";
  message += advice;
  throw LimitExceeded(message);
}

std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), 1, ',');
  }
  return digits;
}

}  // namespace teamsim::model
