#pragma once

#include <string>
#include <vector>

#include "models/scenario_spec.h"

// The documented defaults behind every scenario key. Each value's source is given in
// docs/scenario-reference.md; change both together.

namespace teamsim::model {

/// A role of `kind` named `name`, with the benchmark defaults for that kind.
RoleSpec default_role(RoleKind kind, std::string name);
/// The built-in roles every scenario has without declaring them, one per kind, named after it
/// (kRoleKinds).
std::vector<RoleSpec> default_roles();
/// The territory a scenario has when it declares none: "all", with default inbound lead flow.
TerritorySpec default_territory();
/// The built-in hire sources: experienced_external (the role's own values), internal_transfer,
/// referral and new_graduate.
std::vector<HireSourceSpec> default_hire_sources();
/// A hire source named `name` starting from neutral multipliers.
HireSourceSpec neutral_hire_source(std::string name);
/// A channel with the preset values of `name` when it is door_to_door, phone, email, virtual or
/// events; otherwise neutral (conversion 1, no cost).
ChannelSpec default_channel(std::string name);
/// A segment with the preset factors of `name` when it is smb, mid_market or enterprise;
/// otherwise neutral (every factor 1).
SegmentSpec default_segment(std::string name);
FounderSpec default_founder();
ManagementSpec default_management();
PipelineSpec default_pipeline();
CustomerSpec default_customers();
MoneySpec default_money();
/// Sets the pipeline's cycle, deal size and win rate and the customers' churn and contract terms
/// of `motion` on `spec`.
void apply_sales_motion(SalesMotion motion, ScenarioSpec& spec);
/// A complete scenario made only of defaults (no hires, no starting staff).
ScenarioSpec default_scenario();

}  // namespace teamsim::model
