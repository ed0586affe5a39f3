#pragma once

#include <string>
#include <vector>

#include "models/scenario_spec.h"

// The documented defaults behind every scenario key. Each value's source is given in
// docs/scenario-reference.md; change both together.

namespace teamsim::model {

/// A role of `kind` named `name`, with the benchmark defaults for that kind.
RoleSpec default_role(RoleKind kind, std::string name);
/// The roles every scenario has without declaring them: account_executive and sales_manager.
std::vector<RoleSpec> default_roles();
/// The territory a scenario has when it declares none: "all", with default inbound lead flow.
TerritorySpec default_territory();
PipelineSpec default_pipeline();
CustomerSpec default_customers();
MoneySpec default_money();
/// A complete scenario made only of defaults (no hires, no starting staff).
ScenarioSpec default_scenario();

}  // namespace teamsim::model
