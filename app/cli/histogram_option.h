#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/analysis/run_summary.h"
#include "app/common/calendar_month.h"

// The --histogram METRIC@MONTH option of run and batch, read into a HistogramRequest.

namespace teamsim::app {

/// A histogram asked for as "METRIC@MONTH" before it meets a scenario: the month may be "last".
struct HistogramOption {
  std::string metric;        ///< as written, not yet checked against a scenario's metrics
  std::optional<int> month;  ///< 1-based; nullopt for "last", the horizon's last month
  /// A calendar month ("2028-12") for a scenario with a start_date, instead of `month`.
  std::string calendar_month;
};

/// Parses the form of "METRIC@MONTH" ("arr@24", "customers@last", "arr@2028-12"): a metric name,
/// '@', then a month number from 1, "last" or a calendar month. Throws UsageError saying why
/// when it has another form.
HistogramOption parse_histogram_option(std::string_view text);

/// The request `option` makes of a scenario with these metric names, horizon (its "last"
/// month is the horizon) and start date (for a calendar month). Throws UsageError ("unknown
/// metric 'ar'; did you mean 'arr'?", "month 99 is outside the horizon of 36 months", a
/// calendar month outside the plan or without a start date) when the scenario has no such
/// metric or month.
HistogramRequest resolve_histogram_option(const HistogramOption& option,
                                          const std::vector<std::string>& metric_names,
                                          int horizon_months,
                                          std::optional<CalendarMonth> start_date = {});

/// parse_histogram_option, then resolve_histogram_option against one run's metrics, horizon and
/// start date; their UsageError is nested in a UsageError "--histogram TEXT".
HistogramRequest parse_histogram_request(std::string_view text,
                                         const std::vector<std::string>& metric_names,
                                         int horizon_months,
                                         std::optional<CalendarMonth> start_date = {});

}  // namespace teamsim::app
