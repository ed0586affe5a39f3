#pragma once

#include <functional>
#include <string>
#include <vector>

#include "models/scenario_spec.h"
#include "sim/distribution.h"

// The uncertain inputs of a scenario: every sim::Distribution field of a ScenarioSpec, named by the
// key path a user writes in YAML or with --set ("roles.account_executive.ramp_months"). Sensitivity
// analysis pins them one at a time and records what each replication drew; both find the inputs
// here, so a Distribution field this visitor does not know about is invisible to them.

namespace teamsim::model {

/// Calls `visit(key_path, distribution)` for every Distribution field of `spec`, in a fixed order:
/// roles (in scenario order), the pipeline, products, customers.
void for_each_uncertain_input(
    ScenarioSpec& spec, const std::function<void(const std::string&, sim::Distribution&)>& visit);
/// The same, read-only.
void for_each_uncertain_input(
    const ScenarioSpec& spec,
    const std::function<void(const std::string&, const sim::Distribution&)>& visit);

/// One uncertain input: where it is in the scenario and its distribution (owned by the spec).
struct UncertainInput {
  std::string key_path;
  const sim::Distribution* distribution = nullptr;
};

/// Every uncertain input of `spec`, in for_each_uncertain_input's order. The pointers stay valid
/// while `spec` lives and its vectors are not resized.
std::vector<UncertainInput> list_uncertain_inputs(const ScenarioSpec& spec);

}  // namespace teamsim::model
