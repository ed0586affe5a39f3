#include "app/cli/histogram_option.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <system_error>

#include "app/common/errors.h"
#include "app/common/suggestions.h"
#include "app/scenario/plan_calendar.h"

namespace teamsim::app {

HistogramOption parse_histogram_option(std::string_view text) {
  const std::size_t at = text.rfind('@');
  if (at == std::string_view::npos || at == 0) {
    throw UsageError(fmt::format("'{}' is not METRIC@MONTH (e.g. arr@24 or customers@last)", text));
  }
  HistogramOption option;
  option.metric = std::string(text.substr(0, at));
  const std::string_view month = text.substr(at + 1);
  if (month == "last") return option;
  if (looks_like_calendar_month(month)) {
    option.calendar_month = std::string(month);
    return option;
  }
  int number = 0;
  const auto [end, problem] = std::from_chars(month.data(), month.data() + month.size(), number);
  if (month.empty() || problem != std::errc() || end != month.data() + month.size() || number < 1) {
    throw UsageError(
        fmt::format("'{}' is not a month: give a month number from 1, 'last', or with a "
                    "start_date a calendar month such as 2028-12",
                    month));
  }
  option.month = number;
  return option;
}

HistogramRequest resolve_histogram_option(const HistogramOption& option,
                                          const std::vector<std::string>& metric_names,
                                          int horizon_months,
                                          std::optional<CalendarMonth> start_date) {
  if (std::find(metric_names.begin(), metric_names.end(), option.metric) == metric_names.end()) {
    throw UsageError(fmt::format(
        "unknown metric '{}'{}", option.metric,
        suggestion_or_where(option.metric, metric_names,
                            "the metrics are the rows of summary.csv (docs/metrics.md)")));
  }
  if (!option.calendar_month.empty()) {
    std::string error;
    const auto month =
        calendar_month_number(option.calendar_month, start_date, 1, horizon_months, error);
    if (!month) throw UsageError(error);
    return HistogramRequest{option.metric, *month};
  }
  const int month = option.month.value_or(horizon_months);
  if (month > horizon_months) {
    throw UsageError(
        fmt::format("month {} is outside the horizon of {} months", month, horizon_months));
  }
  return HistogramRequest{option.metric, month};
}

HistogramRequest parse_histogram_request(std::string_view text,
                                         const std::vector<std::string>& metric_names,
                                         int horizon_months,
                                         std::optional<CalendarMonth> start_date) {
  try {
    return resolve_histogram_option(parse_histogram_option(text), metric_names, horizon_months,
                                    start_date);
  } catch (const UsageError&) {
    std::throw_with_nested(UsageError(fmt::format("--histogram {}", text)));
  }
}

}  // namespace teamsim::app
