#include "app/analysis/expectation_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <utility>

#include "app/common/calendar_month.h"
#include "app/common/number_format.h"
#include "sim/statistics.h"

namespace teamsim::app {
namespace {

bool compare(double actual, Comparison op, double value) {
  switch (op) {
    case Comparison::kLess:
      return actual < value;
    case Comparison::kLessEqual:
      return actual <= value;
    case Comparison::kGreater:
      return actual > value;
    case Comparison::kGreaterEqual:
      return actual >= value;
  }
  return false;
}

// "Gross revenue retention ..." inside a sentence.
std::string lower_first(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

}  // namespace

std::vector<ExpectationResult> check_expectations(const std::vector<Expectation>& expectations,
                                                  const RunSummary& summary) {
  std::vector<ExpectationResult> results;
  for (const Expectation& e : expectations) {
    ExpectationResult result;
    result.expectation = e;
    result.actual = std::numeric_limits<double>::quiet_NaN();
    const MetricSummary* metric = summary.find(e.metric);
    const Eigen::Index m = e.month - 1;
    const bool found = metric != nullptr && m >= 0 && m < metric->stats.mean.size();
    if (found) {
      if (e.stat == "mean") {
        result.actual = metric->stats.mean(m);
      } else {
        for (std::size_t p = 0; p < sim::kPercentileNames.size(); ++p) {
          if (e.stat == sim::kPercentileNames[p]) {
            result.actual = metric->stats.percentiles(m, static_cast<Eigen::Index>(p));
          }
        }
      }
    }
    // In the metric's unit, as the tables write it ("$3.95M", "4.2%", "73.1 days"), with the
    // digits that keep the actual value on its side of the threshold.
    const std::string unit = metric != nullptr ? metric->info.unit : "";
    const std::string symbol = currency_symbol(summary.currency);
    const std::string expected =
        metric != nullptr
            ? fmt::format("expected {} {}{}", comparison_symbol(e.op),
                          format_metric_number_beside(e.value, e.value, unit, symbol),
                          unit_after_number(unit))
            : fmt::format("expected {} {}", comparison_symbol(e.op), format_threshold(e.value));
    // The month as the scenario names it: "month 10", or "Jun 2028" with a start_date (where the
    // expectation was written `month: 2028-06`, as its default name and the report say it).
    const MonthNames months = summary.month_names();
    const std::string at = months.phrase(e.month);
    // Over how many replications a ratio was defined, when not over all of them.
    const double defined = found && metric->stats.defined.size() > m
                               ? metric->stats.defined(m)
                               : static_cast<double>(summary.replications);
    if (!found) {
      result.passed = false;
      result.message =
          fmt::format("{}({}) at {} is not in the results ({})", e.stat, e.metric, at, expected);
    } else if (std::isnan(result.actual) && e.month < metric->info.defined_from_month) {
      // Undefined in every history before its first month (models/metrics.def): not a division
      // by zero, and the fix is a later month. Its description says why.
      const int first = metric->info.defined_from_month;
      result.passed = false;
      result.note = fmt::format("undefined: {} has no value before {}{}; check it at {} or later",
                                e.metric, months.phrase(first),
                                metric->info.description.empty()
                                    ? ""
                                    : " (" + lower_first(metric->info.description) + ")",
                                months.phrase(first));
      result.message =
          fmt::format("{}({}) at {} is {} ({})", e.stat, e.metric, at, result.note, expected);
    } else if (std::isnan(result.actual)) {
      result.passed = false;
      result.note = fmt::format(
          "undefined: no replication had a value ({} divides by zero in every history that "
          "month)",
          e.metric);
      result.message =
          fmt::format("{}({}) at {} is {} ({})", e.stat, e.metric, at, result.note, expected);
    } else {
      result.passed = compare(result.actual, e.op, e.value);
      result.message =
          fmt::format("{}({}) at {} = {}{} ({})", e.stat, e.metric, at,
                      format_metric_number_beside(result.actual, e.value, unit, symbol),
                      unit_after_number(unit), expected);
      if (defined < static_cast<double>(summary.replications)) {
        result.note = fmt::format("over the {:.0f} of {} replications where it is defined", defined,
                                  summary.replications);
        result.message += " " + result.note;
      }
    }
    results.push_back(std::move(result));
  }
  return results;
}

std::size_t count_failures(const std::vector<ExpectationResult>& results) {
  return static_cast<std::size_t>(std::count_if(
      results.begin(), results.end(), [](const ExpectationResult& r) { return !r.passed; }));
}

}  // namespace teamsim::app
