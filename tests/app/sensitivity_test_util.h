#pragma once

#include <limits>

#include "app/analysis/sensitivity_analysis.h"

// A SensitivityResult as analyse_sensitivity makes it, written by hand, for the tests of what
// shows it (its files, its table and tornado).

namespace teamsim::app::testing {

/// ARR at month 24 (base mean $1M) with four inputs: a distribution (deal size, with a low value
/// that is not a round binary number), a constant lead flow (±20 %, its high value 24 with a
/// rounding error), a clamped probability (annual churn 90 % ± 20 %) and a constant at 0,
/// unchanged.
inline SensitivityResult sample_sensitivity_result() {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  SensitivityResult result;
  result.metric.name = "arr";
  result.metric.unit = "currency";
  result.metric.month = 24;
  result.replications = 100;
  result.seed = 7;
  result.base = {1e6, 1e4, 9.9e5};

  // Designated initializers: assigning to a copy's strings trips g++ 12's false -Wrestrict.
  const InputSensitivity size{.key_path = "pipeline.deal_size_acv",
                              .label = "Deal size (ACV)",
                              .unit = ValueUnit::kMoney,
                              .kind = InputKind::kDistribution,
                              .distribution = "lognormal(8.6, 0.9)",
                              .base_value = kNaN,
                              .range = kNaN,
                              .low_value = 5625.000000000006,
                              .high_value = 40000,
                              .low = {5e5, 1e4, 4.9e5},
                              .high = {2e6, 2e4, 1.9e6},
                              .swing = 1.5e6,
                              .swing_se = 1e4,
                              .replications = 100,
                              .rank_correlation = 0.12,
                              .correlation_replications = 100};
  const InputSensitivity leads{.key_path = "territories.east.inbound_leads_per_month",
                               .label = "Inbound leads a month (east)",
                               .unit = ValueUnit::kRate,
                               .kind = InputKind::kConstant,
                               .distribution = "20",
                               .base_value = 20,
                               .range = 0.2,
                               .low_value = 16,
                               .high_value = 24.000000000000004,
                               .low = {8e5, 1e4, 8e5},
                               .high = {1.2e6, 1e4, 1.2e6},
                               .swing = 4e5,
                               .swing_se = 5e3,
                               .replications = 100,
                               .rank_correlation = kNaN};
  const InputSensitivity churn{.key_path = "customers.annual_churn",
                               .label = "Annual-contract churn",
                               .unit = ValueUnit::kProbability,
                               .kind = InputKind::kConstant,
                               .distribution = "0.9",
                               .base_value = 0.9,
                               .range = 0.2,
                               .low_value = 0.72,
                               .high_value = 1,
                               .high_clamped = true,
                               .low = {1.1e6, 1e4, 1.1e6},
                               .high = {0.95e6, 1e4, 0.95e6},
                               .swing = -1.5e5,
                               .swing_se = 2e3,
                               .replications = 100,
                               .rank_correlation = kNaN};
  const InputSensitivity zero{.key_path = "pipeline.complex_share",
                              .label = "Complex-deal share",
                              .unit = ValueUnit::kProbability,
                              .kind = InputKind::kConstant,
                              .distribution = "0",
                              .status = InputStatus::kUnchanged,
                              .base_value = 0,
                              .range = 0.2,
                              .low_value = 0,
                              .high_value = 0,
                              .low = result.base,
                              .high = result.base,
                              .rank_correlation = kNaN};
  result.inputs = {size, leads, churn, zero};
  return result;
}

/// The same, screened with its first 20 replications: the churn's swing (its far end, -1.56e5,
/// under 5 % of the deal size's near end, 1.47e6) kept its 20-replication estimate.
inline SensitivityResult sample_screened_sensitivity_result() {
  SensitivityResult result = sample_sensitivity_result();
  result.screen_replications = 20;
  result.inputs[2].replications = 20;
  return result;
}

}  // namespace teamsim::app::testing
