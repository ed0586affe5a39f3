#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "models/metrics.h"

// The --metrics option of run: which of a scenario's metrics to keep.

namespace teamsim::app {

/// The layout columns that `run --metrics` keeps, in layout order: each pattern is a metric name
/// ("arr") or a prefix ending in '*' ("headcount.*", "territory.emea.*"). A pattern that matches
/// nothing throws UsageError ("--metrics: no metric is named 'ar'; did you mean 'arr'?").
std::vector<std::size_t> select_metrics(const model::MetricLayout& layout,
                                        const std::vector<std::string>& patterns);

}  // namespace teamsim::app
