#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/analysis/run_summary.h"
#include "app/charts/fan_chart.h"
#include "app/results/terminal_table.h"

namespace teamsim::app {

/// One chart of the report: where it goes and what it says.
struct ReportChart {
  std::string file_stem;  ///< the file name without .svg: the metric name, e.g. "headcount.ae"
  std::string title;      ///< the chart's title, also the report's figure caption
  std::string note;       ///< one sentence under the chart saying how to read it; may be empty
  std::string svg;        ///< the standalone SVG document
  bool wide = false;      ///< spans the report's full width (a tornado's long input labels)
};

/// The report's chart size in px: two side by side fill a laptop screen at about their own size.
inline constexpr int kReportChartWidth = 640, kReportChartHeight = 380;

/// The probability that cash fell below zero is the mean of this 0/1 per-replication metric.
/// Per-territory metrics are named "territory.<name>.<measure>"; bars use this measure.
inline constexpr const char* kTerritoryBookingsSuffix = ".bookings";
/// Quota-attainment bands are metrics named "quota_attainment.<band>", one per name of
/// model::kQuotaBandNames.
inline constexpr const char* kQuotaAttainmentPrefix = "quota_attainment.";

/// A title for a metric name: "ARR", "Headcount: account executive", "Bookings: emea"; a
/// duration with its unit in brackets: "CAC payback (months)", "Average cycle (days)".
std::string metric_title(const std::string& metric_name);

/// A duration's title with its unit in words instead of brackets, for a line that puts another
/// parenthetical after it: "CAC payback (months)" is "CAC payback in months"; any other title
/// as it is.
std::string unit_in_words(std::string title);

/// What the y axis of a metric's chart measures: "annual recurring revenue", "people"; for a
/// metric without a known label, its title in lower case (acronyms kept: "CAC payback (months)").
std::string metric_y_label(const std::string& metric_name);

/// `label` with the unit of a metric's values (`unit` as models/metrics.def names it) where it
/// has one: "(USD)" after money in `currency`, "(months)" or "(days)" in place of a last word
/// that names it ("CAC payback months" becomes "CAC payback (months)"), or nothing when `label`
/// ends with it in brackets already; else `label` as it is.
std::string with_unit(std::string label, const std::string& unit, const std::string& currency);

/// What an axis of a metric's values is called, with its unit: metric_y_label with with_unit,
/// "annual recurring revenue (USD)", "CAC payback (months)".
std::string metric_axis_label(const std::string& metric_name, const std::string& unit,
                              const std::string& currency);

/// A fan of statistics over months (p5, p25, p50, p75 and p95 of `stats`) named `label`.
FanSeries fan_series(const std::string& label, const sim::ColumnSummary& stats);

/// False when every percentile of every month is zero or less: a role nobody is ever hired into.
bool ever_positive(const MetricSummary& metric);

/// The bar chart of a histogram of the summary ("histogram.<metric>.m<month>"): replications per
/// bin, the bin edges on the x axis (or, for counts in bins of one, the values under the bars).
ReportChart histogram_chart(const RunSummary& summary, const HistogramSummary& histogram);

/// Every chart the report shows, in report order: fan charts of ARR, MRR, new bookings,
/// customers, total headcount, headcount per role, ramped capacity and cash, the histograms of
/// the summary, then per-territory bars and the quota-attainment chart when the summary has
/// those metrics. A metric the summary lacks is skipped. The same summary always gives the same
/// bytes.
std::vector<ReportChart> report_charts(const RunSummary& summary);

}  // namespace teamsim::app
