#include "app/charts/tornado_chart.h"

#include <gtest/gtest.h>

#include <limits>

#include "tests/app/svg_test_util.h"

namespace teamsim::app {
namespace {

using testing::attribute_values;
using testing::count;
using testing::expect_matches_golden;
using testing::plot_area;

TornadoChartSpec arr_tornado() {
  return {.title = "What moves ARR at month 24",
          .subtitle =
              "Mean of 1000 replications with one input pinned at a time; 4 uncertain "
              "inputs",
          .x_label = "Mean ARR at month 24",
          .currency_symbol = "$",
          .value_suffix = "",
          .base = 1'060'000,
          .low_legend = "input at its p10",
          .high_legend = "input at its p90",
          .bars = {{"pipeline.deal_size_acv", "4.8k .. 30k", 620'000, 1'710'000},
                   {"pipeline.win_rate", "0.14 .. 0.26", 810'000, 1'300'000},
                   // Longer ramps give less ARR: the low end is on the right.
                   {"roles.account_executive.ramp_months", "3.7 .. 6", 1'150'000, 980'000},
                   // Both ends on the same side of the base (a non-monotone effect).
                   {"roles.sales_manager.time_to_fill_days", "28 .. 120", 1'040'000, 1'020'000}}};
}

TEST(TornadoChart, GoldenArr) {
  expect_matches_golden("tornado_arr.svg", render_tornado_chart(arr_tornado()));
}

TEST(TornadoChart, BarsStartAtTheBaseAndStayInThePlot) {
  const std::string svg = render_tornado_chart(arr_tornado());
  const testing::PlotArea area = plot_area(svg);
  const auto xs = attribute_values(svg, "rect", "x");
  const auto ws = attribute_values(svg, "rect", "width");
  const auto fills = attribute_values(svg, "rect", "fill");
  // The base line is the only <line> with stroke-width 1.5; every bar has one end on it.
  const auto x1s = attribute_values(svg, "line", "x1");
  const auto widths = attribute_values(svg, "line", "stroke-width");
  double base_x = -1;
  for (std::size_t i = 0; i < x1s.size(); ++i)
    if (widths[i] == "1.5") base_x = std::stod(x1s[i]);
  ASSERT_GE(base_x, area.x);
  int bars = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (fills[i] != "#0072B2" && fills[i] != "#E69F00") continue;
    const double x = std::stod(xs[i]), w = std::stod(ws[i]);
    if (w == 12 && x < area.x) continue;  // a legend swatch
    ++bars;
    EXPECT_GE(x, area.x - 0.01);
    EXPECT_LE(x + w, area.x + area.width + 0.01);
    // (x and width are each rounded to 0.01 px.)
    EXPECT_TRUE(std::abs(x - base_x) < 0.02 || std::abs(x + w - base_x) < 0.02) << x << " " << w;
  }
  EXPECT_EQ(bars, 8);
}

TEST(TornadoChart, LabelsValuesAndHoverText) {
  const std::string svg = render_tornado_chart(arr_tornado());
  EXPECT_NE(svg.find(">pipeline.deal_size_acv</text>"), std::string::npos);
  EXPECT_NE(svg.find(">4.8k .. 30k</text>"), std::string::npos);
  EXPECT_NE(svg.find(">$1.71M</text>"), std::string::npos);
  EXPECT_NE(svg.find(">$620k</text>"), std::string::npos);
  EXPECT_NE(svg.find(">base $1.06M</text>"), std::string::npos);
  EXPECT_NE(svg.find("<title>pipeline.win_rate at its low: $810,000</title>"), std::string::npos);
  EXPECT_NE(svg.find(">input at its p90</text>"), std::string::npos);
}

TEST(TornadoChart, EmptyAndNaNDoNotCrash) {
  TornadoChartSpec empty;
  empty.title = "Nothing";
  EXPECT_NE(render_tornado_chart(empty).find(">No uncertain input to show</text>"),
            std::string::npos);
  TornadoChartSpec nan = arr_tornado();
  nan.bars[0].low = std::numeric_limits<double>::quiet_NaN();
  const std::string svg = render_tornado_chart(nan);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_EQ(count(svg, "<title>"), 1 + 7);
}

}  // namespace
}  // namespace teamsim::app
