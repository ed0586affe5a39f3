#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/analysis/cash_risk.h"
#include "app/analysis/run_summary.h"
#include "app/common/calendar_month.h"
#include "app/common/number_format.h"

namespace teamsim::app {

/// One row of the key-metric tables, on the terminal and in the report.
struct KeyMetricRow {
  std::string_view metric;  ///< the metric name, e.g. "arr"
  std::string_view label;   ///< what the row is called, e.g. "New bookings (month)"
};

/// The key metrics in table order. The report lists each role's headcount under
/// "headcount_total"; a metric the run lacks is left out.
inline constexpr KeyMetricRow kKeyMetricRows[] = {
    {"arr", "ARR"},
    {"mrr", "MRR"},
    {"new_bookings", "New bookings (month)"},
    {"customers", "Customers"},
    {"logo_churn", "Logo churn (month)"},
    {"headcount_total", "Sales headcount"},
    {"ramped_capacity", "Ramped AE capacity (FTE)"},
    {"share_at_quota", "Ramped AEs on quota (%)"},
    {"departures", "Departures (month)"},
    {"payroll", "Payroll (month)"},
    {"total_cost", "Total cost (month)"},
    {"cash", "Cash"},
    {"cash_low", "Lowest cash so far"},
};

/// True when `metric` at `month` (0-based) is defined in some replications but not all: a ratio
/// whose statistics are over fewer histories than the run has, which a table must say.
bool defined_in_part(const MetricSummary& metric, std::size_t replications, Eigen::Index month);

/// The footnotes a table prints under a metric defined in only some replications at some of
/// `months` (1-based), a line per such month: "* Ramped AEs on quota (%), month 12: over the 812
/// of 1000 replications with a value"; empty when it is defined everywhere or nowhere.
std::string defined_footnote(const MetricSummary& metric, std::string_view label,
                             const std::vector<int>& months, std::size_t replications,
                             const MonthNames& names = {});

/// The label of a key metric in kKeyMetricRows, or the name itself for any other metric.
std::string_view key_metric_label(std::string_view metric);

/// What a title calls a key metric: its label without the parenthetical a table row adds (the
/// month a flow covers, the unit), which a title says in its own words ("Logo churn (month)"
/// is "Logo churn", "Ramped AE capacity (FTE)" "Ramped AE capacity"); the name itself for any
/// other metric.
std::string_view key_metric_title(std::string_view metric);

/// A value of a metric for people: ratios as "12.5%", counts as whole numbers (percentiles of
/// counts interpolate: 37.1 customers), the rest as format_compact with `currency_symbol` for
/// money ("$1.25M", "12.3k"); "n/a" when not finite.
std::string format_metric_value(const model::MetricInfo& info, double value,
                                const std::string& currency_symbol);

/// The months the key-metric table shows: 12, 24 and 36 where the horizon reaches them, and the
/// horizon's last month (48 months: 12, 24, 36, 48; 9 months: 9).
std::vector<int> key_months(int horizon_months);

/// "Runway: P(cash < 0) stays below 10 % through month 36" or "Runway: P(cash < 0) reaches 10 %
/// in month 17 (50 % in month 23)", from the metric cash_ever_negative; "" without it.
std::string runway_line(const RunSummary& summary);

/// The key metrics (kKeyMetricRows) at the key months as p10 / p50 / p90, then the row "P(cash <
/// 0) by then" (the mean of cash_ever_negative) and the runway line, as an aligned plain-text
/// table ending in a newline. Wider than `max_columns` (0: no limit), its months are
/// cut into blocks stacked one under the other.
std::string key_metrics_table(const RunSummary& summary, std::size_t max_columns = 0);

}  // namespace teamsim::app
