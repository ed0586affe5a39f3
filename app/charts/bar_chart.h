#pragma once

#include <string>
#include <utility>
#include <vector>

namespace teamsim::app {

/// Which way bars grow: up from a category axis along the bottom (histograms), or right from
/// category labels down the left side (per-territory bars with long names).
enum class BarOrientation { kVertical, kHorizontal };

/// What a bar chart shows: one bar per label, with its value written at the bar's end.
struct BarChartSpec {
  std::string title;                ///< e.g. "Bookings by territory"
  std::string subtitle;             ///< e.g. "median over 1,000 replications, month 24"
  std::string x_label;              ///< under the horizontal axis
  std::string y_label;              ///< above the plot, at the top left
  std::string currency_symbol;      ///< "$" for money, "" for counts
  std::string value_suffix = {};    ///< after every value (axis, bar ends, hover), e.g. "%"
  bool whole_numbers = false;       ///< counts: whole-number ticks on the value axis
  std::vector<std::string> labels;  ///< one per bar
  std::vector<double> values;       ///< one per bar, in the metric's unit; NaN draws "n/a"
  /// Histograms: one label per bin edge (bars + 1), drawn at the edges instead of `labels`
  /// under the bars' centres, and the bars touch. Vertical charts only.
  std::vector<std::string> edge_labels = {};
  /// Hover text per bar instead of "label: value"; empty keeps the default.
  std::vector<std::string> hover_texts = {};
  /// Fill colour per bar ("#E69F00") instead of the series colour; empty keeps the default.
  std::vector<std::string> colours = {};
  /// Horizontal charts: a line across each bar from its first to its second number (p10 to p90,
  /// say), in the values' unit; empty, or a pair not finite, draws none.
  std::vector<std::pair<double, double>> intervals = {};
  bool value_labels = true;  ///< write each bar's value at its end (when it fits)
  /// Decimals of the value at each bar's end, the same for every bar ("12.0%" beside "39.8%");
  /// -1: about three significant digits (format_compact).
  int value_decimals = -1;
  BarOrientation orientation = BarOrientation::kVertical;
  int width = 800;   ///< px
  int height = 420;  ///< px
};

/// The chart as a standalone SVG document with a zero-based value axis, grid, value labels and a
/// hover <title> per bar. The same spec always gives the same bytes.
std::string render_bar_chart(const BarChartSpec& spec);

}  // namespace teamsim::app
