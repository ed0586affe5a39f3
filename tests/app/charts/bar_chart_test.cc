#include "app/charts/bar_chart.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <limits>

#include "tests/app/svg_test_util.h"

namespace teamsim::app {
namespace {

using testing::attribute_values;
using testing::count;
using testing::expect_matches_golden;
using testing::plot_area;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

BarChartSpec territories() {
  return {.title = "New bookings by territory",
          .subtitle =
              "Median of 1,000 replications, months 1\xE2\x80\x93"
              "24",
          .x_label = "New bookings (USD)",
          .y_label = "Territory",
          .currency_symbol = "$",
          .labels = {"North America \xE2\x80\x94 East", "North America \xE2\x80\x94 West", "EMEA",
                     "APAC", "LATAM (pilot)"},
          .values = {2'350'000, 1'870'000, 1'240'000, 610'000, -45'000},
          .orientation = BarOrientation::kHorizontal};
}

BarChartSpec histogram() {
  return {
      .title = "ARR at month 24",
      .subtitle = "Share of 1,000 replications",
      .x_label = "ARR (USD)",
      .y_label = "Replications",
      .currency_symbol = "",
      .labels = {"$0.5M", "$1M", "$1.5M", "$2M", "$2.5M", "$3M", "$3.5M", "$4M", "$4.5M", "$5M"},
      .values = {12, 48, 131, 212, 236, 178, 103, 52, 21, 7}};
}

TEST(BarChart, GoldenHorizontalTerritories) {
  expect_matches_golden("bar_territories.svg", render_bar_chart(territories()));
}

TEST(BarChart, GoldenVerticalHistogram) {
  expect_matches_golden("bar_histogram.svg", render_bar_chart(histogram()));
}

/// Every bar lies inside the plot area, so the value axis covers the data.
void expect_bars_inside_plot(const std::string& svg) {
  const testing::PlotArea area = plot_area(svg);
  const auto xs = attribute_values(svg, "rect", "x");
  const auto ys = attribute_values(svg, "rect", "y");
  const auto ws = attribute_values(svg, "rect", "width");
  const auto hs = attribute_values(svg, "rect", "height");
  // The first rect is the white background; the plot area's own rect is inside by definition.
  for (std::size_t i = 1; i < xs.size(); ++i) {
    const double x = std::stod(xs[i]), y = std::stod(ys[i]);
    EXPECT_GE(x, area.x - 0.01);
    EXPECT_LE(x + std::stod(ws[i]), area.x + area.width + 0.01);
    EXPECT_GE(y, area.y - 0.01);
    EXPECT_LE(y + std::stod(hs[i]), area.y + area.height + 0.01);
  }
}

TEST(BarChart, AxesCoverTheData) {
  expect_bars_inside_plot(render_bar_chart(territories()));
  expect_bars_inside_plot(render_bar_chart(histogram()));
  BarChartSpec mixed = histogram();
  mixed.values = {-937, 5, 12, 250, 0, -1, 3, 4, 8, 1};
  expect_bars_inside_plot(render_bar_chart(mixed));
}

TEST(BarChart, ValueLabelsAndHoverText) {
  const std::string svg = render_bar_chart(territories());
  EXPECT_NE(svg.find(">$2.35M</text>"), std::string::npos);
  EXPECT_NE(svg.find(">-$45k</text>"), std::string::npos);
  EXPECT_NE(svg.find("<title>EMEA: $1,240,000</title>"), std::string::npos);
  EXPECT_NE(render_bar_chart(histogram()).find(">236</text>"), std::string::npos);
}

TEST(BarChart, IntervalsAcrossHorizontalBarsOnTheBarsScale) {
  // Bars of 10 and 20 with intervals 5..15 and 12..40: the value axis reaches 40, and each
  // interval's length against its bar's is (15 - 5) / 10 = 1 and (40 - 12) / 20 = 1.4.
  BarChartSpec spec;
  spec.title = "t";
  spec.labels = {"a", "b"};
  spec.values = {10, 20};
  spec.intervals = {{5, 15}, {12, 40}};
  spec.orientation = BarOrientation::kHorizontal;
  const std::string svg = render_bar_chart(spec);
  EXPECT_NE(svg.find(">40</text>"), std::string::npos);
  const std::size_t begin = svg.find("<g class=\"intervals\"");
  ASSERT_NE(begin, std::string::npos);
  const std::string group = svg.substr(begin, svg.find("</g>", begin) - begin);
  EXPECT_EQ(count(group, "<line"), 6);  // a line and two caps per bar
  const std::vector<std::string> x1 = attribute_values(group, "line", "x1");
  const std::vector<std::string> x2 = attribute_values(group, "line", "x2");
  const std::size_t bars_at = svg.find("<g class=\"bars\"");
  const std::vector<std::string> widths =
      attribute_values(svg.substr(bars_at, svg.find("</g>", bars_at) - bars_at), "rect", "width");
  ASSERT_EQ(widths.size(), 2u);
  EXPECT_NEAR((std::stod(x2[0]) - std::stod(x1[0])) / std::stod(widths[0]), 1.0, 1e-2);
  EXPECT_NEAR((std::stod(x2[3]) - std::stod(x1[3])) / std::stod(widths[1]), 1.4, 1e-2);
  // The value label goes past the interval's end: right of the second line's cap.
  EXPECT_NE(svg.find(">20</text>"), std::string::npos);
  // An interval that is not finite draws nothing.
  spec.intervals = {{5, kNaN}, {12, 40}};
  const std::string partial = render_bar_chart(spec);
  const std::size_t at = partial.find("<g class=\"intervals\"");
  EXPECT_EQ(count(partial.substr(at, partial.find("</g>", at) - at), "<line"), 3);
}

TEST(BarChart, NegativeBarsInTheWarningColour) {
  EXPECT_EQ(count(render_bar_chart(territories()), "fill=\"#D55E00\""), 1);
}

TEST(BarChart, NaNValuesAreMarkedNotDrawn) {
  BarChartSpec spec = histogram();
  spec.values[3] = kNaN;
  spec.values.pop_back();  // fewer values than labels: the last one is missing too
  const std::string svg = render_bar_chart(spec);
  EXPECT_EQ(count(svg, ">n/a</text>"), 2);
  EXPECT_EQ(count(svg, "<title>"), 1 + 8);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
}

TEST(BarChart, EmptyAndAllZeroDoNotCrash) {
  BarChartSpec empty;
  empty.title = "Nothing";
  EXPECT_NE(render_bar_chart(empty).find(">No data</text>"), std::string::npos);
  empty.orientation = BarOrientation::kHorizontal;
  EXPECT_NE(render_bar_chart(empty).find(">No data</text>"), std::string::npos);

  BarChartSpec zeros = histogram();
  zeros.values.assign(zeros.labels.size(), 0.0);
  const std::string svg = render_bar_chart(zeros);
  EXPECT_EQ(count(svg, ">0</text>"), 10);  // the value labels; the axis runs 0.0 to 1.0
  expect_bars_inside_plot(svg);
}

TEST(BarChart, ManyBarsThinTheirLabels) {
  BarChartSpec spec;
  for (int i = 0; i < 60; ++i) {
    spec.labels.push_back(fmt::format("Territory {}", i));
    spec.values.push_back(i * 1000.0);
  }
  const std::string svg = render_bar_chart(spec);
  EXPECT_LT(count(svg, "\">Territory "), 60);
  expect_bars_inside_plot(svg);
  spec.orientation = BarOrientation::kHorizontal;
  expect_bars_inside_plot(render_bar_chart(spec));
}

}  // namespace
}  // namespace teamsim::app
