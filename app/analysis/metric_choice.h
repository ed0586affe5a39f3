#pragma once

#include <optional>
#include <string>

#include "models/metrics.h"

// The one metric and month a command focuses on (`--metric arr --month 24`): sensitivity ranks
// inputs by their effect on it, --precision runs until it is known well enough.

namespace teamsim::app {

/// A metric and month of a scenario's results.
struct MetricChoice {
  std::size_t index = 0;  ///< column in the scenario's MetricLayout
  std::string name;       ///< e.g. "arr"
  std::string unit;       ///< e.g. "currency"
  int month = 1;          ///< 1-based month of the horizon
};

/// Checks `metric` against `layout` and `month` (default: the last month) against the horizon.
/// A mistake throws UsageError, e.g. "--metric 'ar': unknown metric; did you mean 'arr'?" or
/// "--month 30: the scenario runs 24 months (1..24)".
MetricChoice choose_metric(const model::MetricLayout& layout, int horizon_months,
                           const std::string& metric, std::optional<int> month);

}  // namespace teamsim::app
