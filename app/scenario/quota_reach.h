#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "models/scenario_spec.h"

// What a ramped seller can book in a year at a scenario's average lead flow, odds and deal size:
// the yardstick the quota plausibility warning holds a quota against, and the quota `teamsim
// init` writes when its answers put the default out of reach. docs/scenario-reference.md,
// "Plausibility warnings".

namespace teamsim::app {

/// A quota more than 1 / kReachableShare times what a ramped rep can book is out of reach:
/// attainment is a noisy ratio, so a bound within 20 % of the quota is left alone.
inline constexpr double kReachableShare = 0.8;

/// One seller role's yearly bookings at full ramp, where they are least.
struct QuotaReach {
  std::string role;
  std::size_t role_index = 0;    ///< in ScenarioSpec::roles
  double bookings = 0;           ///< a year: the smaller of the two bounds below
  bool by_capacity = false;      ///< the open-opportunity limit binds, not the lead flow
  double capacity_bookings = 0;  ///< max_open_opportunities x 365.25 / mean cycle x per deal
  double lead_bookings = 0;      ///< 12 x leads a month per rep x per deal
  double leads_per_rep = 0;      ///< inbound and SDR leads / sellers, plus prospected, a month
  double shared_leads = 0;       ///< the territory's inbound and SDR leads a month
  double sellers = 0;            ///< the territory's sellers, planned
  std::string territory;   ///< where the bound is least; empty with one territory or rebalancing
  double win_rate = 0;     ///< mean, × the territory's win_rate_factor (at most 1)
  double deal_size = 0;    ///< mean ACV × the territory's deal_size_factor
  double cycle_days = 0;   ///< mean
  double conversion = 1;   ///< mean lead conversion over the channels
  double qualified = 1;    ///< 1 − unqualified_lead_share: the deals that can be won
  double performance = 1;  ///< the role's mean `performance` multiplier
};

/// Every seller role (an AE kind that works its own leads) with a quota and people on the
/// starting staff or in the dated hires: the end of the dated plan, as if every planned person
/// were selling (no attrition, backfills or hiring rules). Planned people without a territory go
/// where the model's rule sends them (model::least_staffed), starting staff first, then the hires
/// by their `month`. With a sales-ops person planned and `rebalance_every_months`, the sellers
/// follow the leads, so the territories count as one, their factors weighted by their leads.
/// Empty when products or segments are given: their own sizes and odds per lead make the
/// pipeline's averages the wrong yardstick.
std::vector<QuotaReach> quota_reach(const model::ScenarioSpec& spec);

}  // namespace teamsim::app
