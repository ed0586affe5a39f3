#include "app/cli/histogram_option.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <system_error>

#include "app/common/suggestions.h"

namespace teamsim::app {

std::optional<HistogramOption> parse_histogram_option(std::string_view text, std::string& error) {
  const std::size_t at = text.rfind('@');
  if (at == std::string_view::npos || at == 0) {
    error = fmt::format("'{}' is not METRIC@MONTH (e.g. arr@24 or customers@last)", text);
    return std::nullopt;
  }
  HistogramOption option;
  option.metric = std::string(text.substr(0, at));
  const std::string_view month = text.substr(at + 1);
  if (month == "last") return option;
  int number = 0;
  const auto [end, problem] = std::from_chars(month.data(), month.data() + month.size(), number);
  if (month.empty() || problem != std::errc() || end != month.data() + month.size() || number < 1) {
    error = fmt::format("'{}' is not a month: give a month number from 1, or 'last'", month);
    return std::nullopt;
  }
  option.month = number;
  return option;
}

std::optional<HistogramRequest> resolve_histogram_option(
    const HistogramOption& option, const std::vector<std::string>& metric_names, int horizon_months,
    std::string& error) {
  if (std::find(metric_names.begin(), metric_names.end(), option.metric) == metric_names.end()) {
    error = fmt::format("unknown metric '{}'{}", option.metric,
                        suggestion(option.metric, metric_names, "metrics are"));
    return std::nullopt;
  }
  const int month = option.month.value_or(horizon_months);
  if (month > horizon_months) {
    error = fmt::format("month {} is outside the horizon of {} months", month, horizon_months);
    return std::nullopt;
  }
  return HistogramRequest{option.metric, month};
}

std::optional<HistogramRequest> parse_histogram_request(
    std::string_view text, const std::vector<std::string>& metric_names, int horizon_months,
    std::string& error) {
  const std::optional<HistogramOption> option = parse_histogram_option(text, error);
  if (!option) return std::nullopt;
  return resolve_histogram_option(*option, metric_names, horizon_months, error);
}

}  // namespace teamsim::app
