#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/analysis/run_summary.h"

// The --histogram METRIC@MONTH option of run and batch, read into a HistogramRequest.

namespace teamsim::app {

/// A histogram asked for as "METRIC@MONTH" before it meets a scenario: the month may be "last".
struct HistogramOption {
  std::string metric;        ///< as written, not yet checked against a scenario's metrics
  std::optional<int> month;  ///< 1-based; nullopt for "last", the horizon's last month
};

/// Parses the form of "METRIC@MONTH" ("arr@24", "customers@last"): a metric name, '@', then a
/// month number from 1 or "last"; nullopt with `error` set when it has another form.
std::optional<HistogramOption> parse_histogram_option(std::string_view text, std::string& error);

/// The request `option` makes of a scenario with these metric names and horizon (its "last"
/// month is the horizon); nullopt with `error` set ("unknown metric 'ar'; did you mean 'arr'?",
/// "month 99 is outside the horizon of 36 months") when the scenario has no such metric or month.
std::optional<HistogramRequest> resolve_histogram_option(
    const HistogramOption& option, const std::vector<std::string>& metric_names, int horizon_months,
    std::string& error);

/// parse_histogram_option, then resolve_histogram_option against one run's metrics and horizon.
std::optional<HistogramRequest> parse_histogram_request(
    std::string_view text, const std::vector<std::string>& metric_names, int horizon_months,
    std::string& error);

}  // namespace teamsim::app
