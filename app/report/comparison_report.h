#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/analysis/plan_comparison.h"
#include "app/common/diagnostics.h"
#include "app/report/report_charts.h"

// The report of `teamsim compare --report`: the plans overlaid on one chart per key metric, the
// paired differences of the first plan against each other with P(A > B) per month, the
// key-metric table and every plan's resolved scenario, in one self-contained report.html.

namespace teamsim::app {

/// The metrics the comparison report charts, in report order.
inline constexpr std::string_view kComparisonChartMetrics[] = {"arr", "new_bookings", "customers",
                                                               "headcount_total", "cash"};

/// The comparison's charts. For each of kComparisonChartMetrics that the comparison has:
/// "compare.<metric>", every plan's median and p25-p75 band on one chart; "difference.<metric>",
/// the first plan minus each other per replication (for two plans the median with the p25-p75
/// and p5-p95 bands, for more the median and p25-p75 band of each pair) with the zero line.
/// Then per pair (first plan, plan j) "p_greater" (".<label j>" with three or more plans): the
/// share of replications in which the first plan's value is higher, each metric a line on a
/// 0-100% axis. The same comparison always gives the same bytes.
std::vector<ReportChart> comparison_charts(const PlanComparison& comparison,
                                           const std::vector<MetricComparison>& metrics);

/// What the comparison report says about how it was made; none of it enters compare.csv/json.
struct ComparisonContext {
  std::string generated_at;           ///< when the report was written
  std::optional<double> run_seconds;  ///< how long the runs took; unset when unknown
  std::vector<std::string> sources;   ///< per plan, the file (and variant) it came from
  /// Per plan, its plausibility warnings as validate says them: a notice under the title names
  /// the plans that have any and links to a section listing them plan by plan; empty: none.
  std::vector<std::vector<Diagnostic>> warnings = {};
};

/// The comparison's report.html (inline CSS and SVG, no scripts, no network): the plans, run
/// facts, the key-metric table with paired differences (as the terminal's comparison_table), the
/// plausibility warnings of each plan that has any, the charts, and each plan's resolved scenario.
std::string render_comparison_html(const PlanComparison& comparison,
                                   const std::vector<MetricComparison>& metrics,
                                   const std::vector<ComparedPlan>& plans,
                                   const std::vector<ReportChart>& charts,
                                   const ComparisonContext& context);

}  // namespace teamsim::app
