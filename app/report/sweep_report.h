#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/common/calendar_month.h"
#include "app/common/diagnostics.h"
#include "app/report/report_charts.h"

namespace teamsim::app {

/// One point of a sweep as its chart and report show it.
struct SweepPointRow {
  std::vector<std::string> values;  ///< the value of each --vary key, as written
  double p10 = 0;                   ///< of the metric at the month, in its unit
  double p50 = 0;
  double p90 = 0;
  double mean = 0;
  /// Replications in which the metric has a value at the month: below the run's count for a
  /// ratio with nothing to divide by in some histories, whose statistics are then over these
  /// only (0: nowhere, or not given; the statistics are then NaN and shown as n/a).
  std::size_t defined = 0;
  double se = 0;  ///< standard error of the mean, in the metric's unit
};

/// What a sweep's chart and report show: the metric at one month, point by point.
struct SweepReportData {
  std::string scenario_file;            ///< as given on the command line
  std::string scenario_name;            ///< its `name:`, " [variant]" included; empty when none
  std::string variant;                  ///< --variant; empty: the base scenario
  std::vector<std::string> overrides;   ///< each --set KEY.PATH=VALUE, applied at every point
  std::vector<std::string> parameters;  ///< the --vary key paths, in order
  std::string metric;                   ///< e.g. "arr"
  std::string unit;                     ///< "currency", "count", "ratio", ...
  std::string currency;                 ///< e.g. "USD"
  int month = 0;                        ///< 1-based
  MonthNames
      months;  ///< how the months are named: calendar months when every point shares a start_date
  std::size_t replications = 0;  ///< per point
  std::uint64_t seed = 0;
  std::vector<SweepPointRow> points;
  /// The plausibility warnings, as validate says them, each once; one that only some points
  /// gave names them after its message ("(at sweep point hires[2].month=3)"). A notice under
  /// the title links to a section listing them; neither is written when empty.
  std::vector<Diagnostic> warnings = {};
};

/// What a table's or chart's column of a --vary key is headed: the key path, with the currency
/// after a key of money ("roles.account_executive.annual_quota (USD)"), which the values as
/// written (500000) do not show. Keys in days or months say so in their names
/// (sales_cycle_days, ramp_months).
std::string sweep_parameter_heading(const std::string& key_path, const std::string& currency);

/// True when a --vary value as written is a number (0.15, -2, 300_000, 25%): its column of the
/// report's table is aligned right, as the figures are; a word or a date (2027-03) stays left.
bool sweep_value_is_number(const std::string& value);

/// True when the point's statistics are over some but not all of its replications: a table
/// marks its cells `*`, as the run's table does.
bool defined_in_part(const SweepReportData& data, const SweepPointRow& point);

/// A line per point defined in only some replications: "* pipeline.win_rate=0.2: over the 12
/// of 50 replications with a value"; empty when every point is defined everywhere or nowhere.
std::string sweep_defined_footnote(const SweepReportData& data);

/// The 95% interval of a point's mean, in the metric's unit: "± $1.2M", "± 2.5 pts" for a share
/// (points, not a relative change), "n/a" where the mean has none.
std::string sweep_mean_interval(const SweepReportData& data, const SweepPointRow& point);

/// What the "± 95% CI" column means, said under a table of more than one point: each point's
/// interval is its own, and the points share their random numbers, so the difference between two
/// points is known more closely than two overlapping intervals suggest. Empty for one point.
std::string sweep_interval_note(const SweepReportData& data);

/// Points a sweep chart draws at most; a larger grid gets its table and files but no chart.
inline constexpr std::size_t kSweepChartMaxPoints = 60;

/// The sweep chart ("sweep"): one horizontal bar per point at the median of the metric, with
/// the 10th-90th percentile and mean in each bar's hover text; nullopt for more than
/// kSweepChartMaxPoints points.
std::optional<ReportChart> sweep_chart(const SweepReportData& data);

/// report.html of a sweep: what was varied, the table of every point (p10, p50, p90, mean), the
/// plausibility warnings and the chart when there is one. Self-contained, as the run report.
std::string render_sweep_html(const SweepReportData& data, const std::optional<ReportChart>& chart,
                              const std::string& generated_at);

}  // namespace teamsim::app
