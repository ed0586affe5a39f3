#pragma once

#include <string>
#include <vector>

#include "app/analysis/run_summary.h"

namespace teamsim::app::testing {

/// A small RunSummary over `months` months whose metric `name` has percentiles
/// base + month * slope, spread by +-10% per percentile step.
void add_metric(RunSummary& summary, const std::string& name, const std::string& unit, double base,
                double slope, model::MetricKind kind = model::MetricKind::kStock);

/// A summary of "Test plan" over `months` months with arr, mrr, new_bookings, customers,
/// headcount_total, headcount.account_executive, ramped_capacity and cash.
RunSummary fake_summary(int months = 36);

}  // namespace teamsim::app::testing
