#include "app/charts/fan_chart.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/app/svg_test_util.h"

namespace teamsim::app {
namespace {

using testing::count;
using testing::expect_matches_golden;
using testing::plot_area;
using testing::plotted_points;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A fan around a straight median line that widens with the months.
FanSeries linear_fan(std::string label, int months, double start, double slope, double spread) {
  FanSeries s;
  s.label = std::move(label);
  for (int m = 1; m <= months; ++m) {
    const double median = start + slope * m;
    const double half = spread * std::sqrt(static_cast<double>(m));
    s.p5.push_back(median - 1.6 * half);
    s.p25.push_back(median - 0.7 * half);
    s.p50.push_back(median);
    s.p75.push_back(median + 0.75 * half);
    s.p95.push_back(median + 1.8 * half);
  }
  return s;
}

FanChartSpec cash_spec() {
  FanChartSpec spec;
  spec.title = "Cash";
  spec.subtitle = "Seed-stage plan \xE2\x80\x94 1,000 replications";
  spec.y_label = "Cash at month end (USD)";
  spec.currency_symbol = "$";
  spec.series = {linear_fan("Seed plan", 12, 2.4e6, -190e3, 120e3)};
  spec.reference_line = 0;
  spec.marked_month = 10;
  spec.marked_label = "P(cash < 0) > 10% from month 10";
  return spec;
}

FanChartSpec comparison_spec() {
  FanChartSpec spec;
  spec.title = "ARR: hire 4 AEs now vs. 2 now and 2 in Q3";
  spec.subtitle = "Median and spread of 1,000 replications per plan";
  spec.y_label = "Annual recurring revenue (USD)";
  spec.currency_symbol = "$";
  spec.series = {linear_fan("4 AEs now", 24, 300e3, 95e3, 60e3),
                 linear_fan("2 now + 2 in Q3", 24, 300e3, 70e3, 40e3)};
  return spec;
}

TEST(FanChart, GoldenCashFanWithZeroLineAndMarker) {
  expect_matches_golden("fan_cash.svg", render_fan_chart(cash_spec()));
}

TEST(FanChart, GoldenComparisonOverlay) {
  expect_matches_golden("fan_compare.svg", render_fan_chart(comparison_spec()));
}

TEST(FanChart, GoldenHeadcountCounts) {
  FanChartSpec spec;
  spec.title = "Headcount";
  spec.y_label = "People";
  FanSeries s;
  const double medians[] = {4, 5, 5, 6, 7, 7, 8, 9, 9, 10, 11, 12};
  for (double m : medians) {
    s.p5.push_back(m - 2);
    s.p25.push_back(m - 1);
    s.p50.push_back(m);
    s.p75.push_back(m);
    s.p95.push_back(m + 1);
  }
  spec.series = {s};
  expect_matches_golden("fan_headcount.svg", render_fan_chart(spec));
}

/// The y tick labels of a chart, bottom to top.
std::vector<std::string> y_tick_labels(const std::string& svg) {
  const std::size_t begin = svg.find("class=\"y-axis\"");
  const std::size_t end = svg.find("</g>", begin);
  std::vector<std::string> labels;
  for (std::size_t at = svg.find("<text", begin); at < end; at = svg.find("<text", at + 1)) {
    const std::size_t open = svg.find('>', at) + 1;
    labels.push_back(svg.substr(open, svg.find('<', open) - open));
  }
  return labels;
}

TEST(FanChart, SmallCountsStartAtZeroWithWholeNumberTicks) {
  FanChartSpec spec;
  spec.title = "Customers";
  spec.whole_numbers = true;
  spec.series = {FanSeries{"s", {0, 1, 1}, {1, 1, 2}, {1, 2, 2}, {2, 2, 3}, {2, 3, 3}}};
  EXPECT_EQ(y_tick_labels(render_fan_chart(spec)), (std::vector<std::string>{"0", "1", "2", "3"}));
  // A headcount of 8 to 12 is drawn from zero too, in whole people.
  spec.series = {FanSeries{"s", {8, 9}, {9, 10}, {10, 10}, {10, 11}, {11, 12}}};
  EXPECT_EQ(y_tick_labels(render_fan_chart(spec)),
            (std::vector<std::string>{"0", "2", "4", "6", "8", "10", "12"}));
  // Without the option the same data gets a tighter axis.
  spec.whole_numbers = false;
  EXPECT_EQ(y_tick_labels(render_fan_chart(spec)).front(), "8");
}

/// Every plotted point lies inside the plot area, so the y axis covers all the data.
void expect_points_inside_plot(const std::string& svg) {
  const testing::PlotArea area = plot_area(svg);
  const auto points = plotted_points(svg);
  ASSERT_FALSE(points.empty());
  for (const auto& [x, y] : points) {
    EXPECT_GE(x, area.x - 0.01);
    EXPECT_LE(x, area.x + area.width + 0.01);
    EXPECT_GE(y, area.y - 0.01);
    EXPECT_LE(y, area.y + area.height + 0.01);
  }
}

TEST(FanChart, AxesCoverTheData) {
  expect_points_inside_plot(render_fan_chart(cash_spec()));
  expect_points_inside_plot(render_fan_chart(comparison_spec()));
  FanChartSpec spec;
  spec.series = {linear_fan("falling", 36, -5e3, -7.7e4, 3e4), linear_fan("rising", 30, 10, 1, 9)};
  expect_points_inside_plot(render_fan_chart(spec));
}

TEST(FanChart, TopAndBottomOfTheBandsReachTheirPlacesOnTheAxis) {
  // 0..937 makes a 0..1,000 axis: p95 = 937 sits at 93.7% of the plot height.
  FanChartSpec spec;
  spec.series = {FanSeries{"s", {0, 0}, {10, 10}, {100, 100}, {500, 500}, {937, 937}}};
  const std::string svg = render_fan_chart(spec);
  const testing::PlotArea area = plot_area(svg);
  double top = area.y + area.height, bottom = area.y;
  for (const auto& [x, y] : plotted_points(svg)) {
    top = std::min(top, y);
    bottom = std::max(bottom, y);
  }
  EXPECT_NEAR(top, area.y + area.height * (1 - 0.937), 0.02);
  EXPECT_NEAR(bottom, area.y + area.height, 0.02);
  EXPECT_NE(svg.find(">1,000</text>"), std::string::npos);
}

TEST(FanChart, HoverTextPerMonth) {
  FanChartSpec spec;
  spec.currency_symbol = "$";
  spec.series = {FanSeries{"s", {0.8e6}, {1e6}, {1.2e6}, {1.5e6}, {1.9e6}}};
  const std::string svg = render_fan_chart(spec);
  EXPECT_NE(svg.find("<title>Month 1: median $1.2M (p5 $800k \xE2\x80\x93 p95 $1.9M)</title>"),
            std::string::npos)
      << svg;
}

TEST(FanChart, ComparisonHoverListsEveryPlanAndLegendNamesThem) {
  const std::string svg = render_fan_chart(comparison_spec());
  EXPECT_EQ(count(svg, "<title>Month "), 24);
  EXPECT_NE(svg.find("<title>Month 12\n4 AEs now: median "), std::string::npos);
  EXPECT_NE(svg.find(">2 now + 2 in Q3</text>"), std::string::npos);
  // Only keys that match something drawn: each plan in its colour, no grey "median" or bands.
  for (const char* legend :
       {">median</text>", ">50% of outcomes</text>", ">90% of outcomes</text>"}) {
    EXPECT_EQ(count(svg, legend), 0) << legend;
  }
  EXPECT_NE(svg.find("#0072B2"), std::string::npos);
  EXPECT_NE(svg.find("#E69F00"), std::string::npos);
}

TEST(FanChart, ReferenceLineAndMarkerAreDrawnAndLabelled) {
  const std::string svg = render_fan_chart(cash_spec());
  EXPECT_NE(svg.find("class=\"reference\""), std::string::npos);
  EXPECT_NE(svg.find(">$0</text>"), std::string::npos);
  EXPECT_NE(svg.find(">P(cash &lt; 0) &gt; 10% from month 10</text>"), std::string::npos);
}

TEST(FanChart, ReferenceLineOutsideTheDataWidensTheAxis) {
  FanChartSpec spec;
  spec.series = {FanSeries{"s", {50, 60}, {55, 65}, {60, 70}, {65, 75}, {70, 80}}};
  spec.reference_line = -25;
  const std::string svg = render_fan_chart(spec);
  EXPECT_NE(svg.find(">-40</text>"), std::string::npos) << svg;
}

TEST(FanChart, EscapesTitlesAndLabels) {
  FanChartSpec spec = cash_spec();
  spec.title = "R&D <hires>";
  spec.series[0].label = "\"A\" & B";
  spec.series.push_back(spec.series[0]);
  const std::string svg = render_fan_chart(spec);
  EXPECT_NE(svg.find(">R&amp;D &lt;hires&gt;</text>"), std::string::npos);
  EXPECT_NE(svg.find("aria-label=\"R&amp;D &lt;hires&gt;\""), std::string::npos);
  EXPECT_EQ(svg.find("<hires>"), std::string::npos);
}

TEST(FanChart, NoSeriesDrawsAnEmptyFrame) {
  FanChartSpec spec;
  spec.title = "Nothing yet";
  const std::string svg = render_fan_chart(spec);
  EXPECT_NE(svg.find(">No data</text>"), std::string::npos);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  FanChartSpec empty_series;
  empty_series.series = {FanSeries{}};
  EXPECT_NE(render_fan_chart(empty_series).find(">No data</text>"), std::string::npos);
}

TEST(FanChart, OneMonthDrawsAPointAndABar) {
  FanChartSpec spec;
  spec.series = {FanSeries{"s", {1}, {2}, {3}, {4}, {5}}};
  const std::string svg = render_fan_chart(spec);
  EXPECT_EQ(count(svg, "<circle "), 1);
  EXPECT_EQ(count(svg, "<polygon "), 0);
  expect_points_inside_plot(svg);
}

TEST(FanChart, MissingValuesAreSkippedAndFlagged) {
  FanChartSpec spec;
  FanSeries s = linear_fan("s", 6, 100, 10, 5);
  s.p50[2] = kNaN;
  s.p95[4] = std::numeric_limits<double>::infinity();
  s.p75.pop_back();  // a shorter vector: its last month is missing
  spec.series = {s};
  const std::string svg = render_fan_chart(spec);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_EQ(svg.find("inf"), std::string::npos);
  EXPECT_NE(svg.find("Some values are missing"), std::string::npos);
  // The median splits into months 1-2 and 4-6; the outer band into months 1-4 and 6 alone.
  EXPECT_EQ(count(svg, "<polyline "), 2);
  expect_points_inside_plot(svg);
}

TEST(FanChart, AllNaNAndAllZeroDoNotCrash) {
  FanChartSpec all_nan;
  all_nan.series = {
      FanSeries{"s", {kNaN, kNaN}, {kNaN, kNaN}, {kNaN, kNaN}, {kNaN, kNaN}, {kNaN, kNaN}}};
  const std::string svg = render_fan_chart(all_nan);
  EXPECT_NE(svg.find(">No data</text>"), std::string::npos);
  FanChartSpec zeros;
  zeros.series = {FanSeries{"s", {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}}};
  const std::string zero_svg = render_fan_chart(zeros);
  expect_points_inside_plot(zero_svg);
  EXPECT_NE(zero_svg.find(">1.0</text>"), std::string::npos);
}

TEST(FanChart, TinySizesStillProduceADocument) {
  FanChartSpec spec = cash_spec();
  spec.width = 10;
  spec.height = 10;
  const std::string svg = render_fan_chart(spec);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
}

TEST(FanChart, SameSpecSameBytes) {
  EXPECT_EQ(render_fan_chart(comparison_spec()), render_fan_chart(comparison_spec()));
}

}  // namespace
}  // namespace teamsim::app
