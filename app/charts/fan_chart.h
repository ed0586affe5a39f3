#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common/calendar_month.h"

namespace teamsim::app {

/// One plan's distribution of a metric over months 1..N: the 5th, 25th, 50th, 75th and 95th
/// percentiles across replications, one entry per month. NaN marks a missing value, which is
/// left out of the chart (and flagged under it).
struct FanSeries {
  std::string label;                           ///< the plan's name, shown in a comparison's legend
  std::vector<double> p5, p25, p50, p75, p95;  ///< in the metric's unit
};

/// What a fan chart shows. One series draws a fan; two or more overlay plans for comparison,
/// each in its own colour with translucent bands.
struct FanChartSpec {
  std::string title;            ///< e.g. "ARR"
  std::string subtitle;         ///< e.g. "seed-stage plan, 1,000 replications"
  std::string y_label;          ///< e.g. "ARR (USD)"
  std::string currency_symbol;  ///< "$" for money, "" for counts
  std::string value_suffix;     ///< after every value on the axis and in hover text, e.g. "%"
  bool whole_numbers = false;   ///< counts: the y axis starts at 0 and has whole-number ticks
  /// Values the y axis covers besides the data, e.g. {0, 100} for a percentage.
  std::vector<double> y_extent;
  /// What the line of a series is called in the legend and hover text; empty: just the value.
  std::string line_label = "median";
  /// The series; a percentile vector left empty is not drawn (nor its band named in the legend),
  /// so a comparison can show medians and p25-p75 bands only, or bare lines.
  std::vector<FanSeries> series;
  std::optional<double> reference_line;  ///< a horizontal line, e.g. 0 for cash
  std::string reference_label;           ///< its label; empty shows the value itself
  MonthNames months;                     ///< how the x axis and hover text name the months
  std::optional<int> marked_month;       ///< a vertical marker at this month
  std::string marked_label;              ///< e.g. "P(cash < 0) > 10% from month 17"
  int width = 800;                       ///< px
  int height = 420;                      ///< px
};

/// The chart as a standalone SVG document: the p5-p95 and p25-p75 bands, the median line, grid,
/// axes, legend, title and a hover <title> per month. The same spec always gives the same bytes.
std::string render_fan_chart(const FanChartSpec& spec);

}  // namespace teamsim::app
