#pragma once

#include <string>
#include <vector>

namespace teamsim::app {

/// One row of a tornado chart: an input and the outcome with it at its low and at its high value.
struct TornadoBar {
  std::string label;       ///< the input, e.g. "pipeline.deal_size_acv"
  std::string range_note;  ///< the input's low and high values, e.g. "6.2k .. 23k"
  double low = 0;          ///< the outcome with the input at its low value
  double high = 0;         ///< the outcome with the input at its high value
};

/// What a tornado chart shows: horizontal bars from the base outcome to the outcome with each
/// input at its low (one colour) and high value (another), largest swing first.
struct TornadoChartSpec {
  std::string title;            ///< e.g. "What moves ARR at month 24"
  std::string subtitle;         ///< e.g. "mean of 1,000 replications; inputs at p10 and p90"
  std::string x_label;          ///< under the value axis
  std::string currency_symbol;  ///< "$" for money, "" otherwise
  std::string value_suffix;     ///< after every value (axis, bar ends, hover), e.g. "%"
  double base = 0;              ///< the outcome of the base run: every bar starts there
  std::string low_legend = "input at p10";
  std::string high_legend = "input at p90";
  std::string low_short = "p10";  ///< names the ends when both lie on one side of the base
  std::string high_short = "p90";
  std::vector<TornadoBar> bars;  ///< top to bottom
  int width = 800;               ///< px; the height follows from the number of bars
};

/// The chart as a standalone SVG document: a legend, a value axis with grid, a line at the base
/// outcome, two bars per input with the outcome written at each bar's end and a hover <title>
/// naming the input's value. The same spec always gives the same bytes.
std::string render_tornado_chart(const TornadoChartSpec& spec);

}  // namespace teamsim::app
