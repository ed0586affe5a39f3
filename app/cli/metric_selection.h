#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "models/metrics.h"

// The --metrics option of run: which of a scenario's metrics to keep.

namespace teamsim::app {

/// The layout columns that `run --metrics` keeps, in layout order: each pattern is a metric name
/// ("arr") or a prefix ending in '*' ("headcount.*", "territory.emea.*"). On a pattern that
/// matches nothing, returns nullopt and sets `error` ("unknown metric 'ar'; did you mean 'arr'?").
std::optional<std::vector<std::size_t>> select_metrics(const model::MetricLayout& layout,
                                                       const std::vector<std::string>& patterns,
                                                       std::string& error);

}  // namespace teamsim::app
