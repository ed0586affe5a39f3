#include "app/report/comparison_report.h"

#include <gtest/gtest.h>

#include <regex>

#include "tests/app/svg_test_util.h"

namespace teamsim::app {
namespace {

using testing::count;
using testing::expect_matches_golden;
using testing::plot_area;
using testing::plotted_points;

/// A comparison of `plans` plans over 6 months and 8 replications, with fixed samples: ARR of
/// plan i in replication r at month m is 100k m (1 + r / 10) + 40k i (m - 3), customers
/// round(ARR / 50k), cash 1M - 150k m + 30k r - 20k i m.
PlanComparison fixed_comparison(std::size_t plans) {
  PlanComparison c;
  const char* labels[] = {"manager_first", "reps_first", "hybrid"};
  c.replications = 8;
  c.horizon_months = 6;
  c.currency = "USD";
  c.metrics = {{"arr", "currency", model::MetricKind::kStock, "ARR"},
               {"customers", "count", model::MetricKind::kStock, "customers"},
               {"cash", "currency", model::MetricKind::kStock, "cash"}};
  for (std::size_t i = 0; i < plans; ++i) {
    c.labels.push_back(labels[i]);
    c.scenario_hashes.push_back("00000000000000a" + std::to_string(i));
    c.seeds.push_back(42);
    std::vector<Eigen::MatrixXd> samples(3, Eigen::MatrixXd(8, 6));
    for (int r = 0; r < 8; ++r) {
      for (int m = 0; m < 6; ++m) {
        const double month = m + 1, plan = static_cast<double>(i);
        const double arr = 100e3 * month * (1 + r / 10.0) + 40e3 * plan * (month - 3);
        samples[0](r, m) = arr;
        samples[1](r, m) = std::round(arr / 50e3);
        samples[2](r, m) = 1e6 - 150e3 * month + 30e3 * r - 20e3 * plan * month;
      }
    }
    c.samples.push_back(std::move(samples));
  }
  return c;
}

std::vector<std::string> stems(const std::vector<ReportChart>& charts) {
  std::vector<std::string> names;
  for (const ReportChart& chart : charts) names.push_back(chart.file_stem);
  return names;
}

const ReportChart& chart(const std::vector<ReportChart>& charts, const std::string& stem) {
  for (const ReportChart& c : charts) {
    if (c.file_stem == stem) return c;
  }
  throw std::runtime_error("no chart " + stem);
}

TEST(ComparisonReportTest, OverlayDifferenceAndProbabilityChartsInOrder) {
  const PlanComparison c = fixed_comparison(2);
  const auto charts = comparison_charts(c, summarize_comparison(c));
  EXPECT_EQ(stems(charts),
            (std::vector<std::string>{"compare.arr", "difference.arr", "compare.customers",
                                      "difference.customers", "compare.cash", "difference.cash",
                                      "p_greater", "p_equal"}));
}

TEST(ComparisonReportTest, GoldenCharts) {
  const PlanComparison c = fixed_comparison(2);
  const auto charts = comparison_charts(c, summarize_comparison(c));
  expect_matches_golden("compare_overlay_arr.svg", chart(charts, "compare.arr").svg);
  expect_matches_golden("compare_difference_arr.svg", chart(charts, "difference.arr").svg);
  expect_matches_golden("compare_p_greater.svg", chart(charts, "p_greater").svg);
  expect_matches_golden("compare_p_equal.svg", chart(charts, "p_equal").svg);
}

TEST(ComparisonReportTest, OverlayShowsEachPlansMedianAndMiddleHalfOnly) {
  const PlanComparison c = fixed_comparison(2);
  const std::string svg = chart(comparison_charts(c, summarize_comparison(c)), "compare.arr").svg;
  EXPECT_EQ(count(svg, ">manager_first</text>"), 1);
  EXPECT_EQ(count(svg, ">reps_first</text>"), 1);
  // The legend names the plans only: what line and band mean is in the subtitle.
  EXPECT_EQ(count(svg, "50% of outcomes"), 0);
  EXPECT_EQ(count(svg, "90% of outcomes"), 0);
  EXPECT_NE(svg.find("median and middle 50%"), std::string::npos);
  // Two medians and two p25-p75 bands, in the plans' colours.
  EXPECT_EQ(count(svg, "<polyline"), 2);
  EXPECT_EQ(count(svg, "<polygon"), 2);
  EXPECT_NE(svg.find("stroke=\"#0072B2\""), std::string::npos);
  EXPECT_NE(svg.find("stroke=\"#E69F00\""), std::string::npos);
}

TEST(ComparisonReportTest, DifferenceHasTheZeroLineAndCoversTheData) {
  const PlanComparison c = fixed_comparison(2);
  const std::string svg =
      chart(comparison_charts(c, summarize_comparison(c)), "difference.arr").svg;
  // A - B = -40k (m - 3) in every replication: +80k at month 1, -120k at month 6.
  EXPECT_NE(svg.find(">A = B</text>"), std::string::npos);
  EXPECT_NE(svg.find("Month 1: median $80k"), std::string::npos) << svg;
  EXPECT_NE(svg.find("Month 6: median -$120k"), std::string::npos);
  const testing::PlotArea area = plot_area(svg);
  for (const auto& [x, y] : plotted_points(svg)) {
    EXPECT_GE(y, area.y - 0.01);
    EXPECT_LE(y, area.y + area.height + 0.01);
  }
}

TEST(ComparisonReportTest, ProbabilityIsOnAZeroToHundredPercentAxis) {
  const PlanComparison c = fixed_comparison(2);
  const std::string svg = chart(comparison_charts(c, summarize_comparison(c)), "p_greater").svg;
  for (const char* tick : {">0%</text>", ">20%</text>", ">100%</text>", ">even odds</text>"}) {
    EXPECT_NE(svg.find(tick), std::string::npos) << tick;
  }
  // ARR: A > B in every replication at months 1 and 2, never from month 3 on (equal at 3).
  EXPECT_NE(svg.find("Month 1\nARR: 100%"), std::string::npos) << svg;
  EXPECT_NE(svg.find("\nARR: 0%"), std::string::npos);
  EXPECT_EQ(count(svg, "<polyline"), 3);  // ARR, customers, cash
}

TEST(ComparisonReportTest, TiesAreChartedApartNotCountedAsNotGreater) {
  const PlanComparison c = fixed_comparison(2);
  const auto charts = comparison_charts(c, summarize_comparison(c));
  // ARR is equal in every replication at month 3: P(A>B) 0% there, P(A=B) 100%.
  const std::string greater = chart(charts, "p_greater").svg;
  EXPECT_NE(greater.find("Month 3\nARR: 0%"), std::string::npos) << greater;
  EXPECT_NE(greater.find("charted apart"), std::string::npos) << greater;
  const std::string equal = chart(charts, "p_equal").svg;
  EXPECT_NE(equal.find("P(manager_first = reps_first) by month"), std::string::npos);
  EXPECT_NE(equal.find("Month 3\nARR: 100%"), std::string::npos) << equal;
  EXPECT_NE(equal.find("Month 4\nARR: 0%"), std::string::npos) << equal;
}

TEST(ComparisonReportTest, LongTitlesWrapInsteadOfBeingCut) {
  PlanComparison c = fixed_comparison(2);
  c.labels = {"Hire the sales manager first, then one AE every two months",
              "Hire three AEs at once and the manager once they are selling"};
  const auto charts = comparison_charts(c, summarize_comparison(c));
  for (const char* stem : {"compare.arr", "p_greater"}) {
    SCOPED_TRACE(stem);
    const std::string& svg = chart(charts, stem).svg;
    EXPECT_EQ(count(svg, "\xE2\x80\xA6"), 0) << svg;  // no ellipsis: nothing cut
    EXPECT_NE(svg.find("once they are selling"), std::string::npos) << svg;
  }
}

TEST(ComparisonReportTest, ThreePlansGiveAProbabilityChartPerPair) {
  const PlanComparison c = fixed_comparison(3);
  const auto charts = comparison_charts(c, summarize_comparison(c));
  const auto names = stems(charts);
  EXPECT_EQ(names[names.size() - 4], "p_greater.reps_first");
  EXPECT_EQ(names[names.size() - 2], "p_greater.hybrid");
  EXPECT_EQ(names.back(), "p_equal.hybrid");
  const std::string& difference = chart(charts, "difference.cash").svg;
  EXPECT_NE(difference.find("manager_first \xE2\x88\x92 hybrid"), std::string::npos);
  EXPECT_EQ(count(difference, "90% of outcomes"), 0);
}

TEST(ComparisonReportTest, PageIsSelfContainedWithTableChartsAndScenarios) {
  const PlanComparison c = fixed_comparison(2);
  const auto metrics = summarize_comparison(c);
  const auto charts = comparison_charts(c, metrics);
  std::vector<ComparedPlan> plans(2);
  plans[0].label = "manager_first";
  plans[0].spec.name = "Seed-stage hiring order";
  plans[0].spec.description = "Hire the <manager> first";
  plans[1].label = "reps_first";
  plans[1].spec.name = "Seed-stage hiring order";
  const std::string html = render_comparison_html(
      c, metrics, plans, charts, {"2030-01-02 03:04:05 UTC", 2.5, {"plan.yaml --variant a", "b"}});
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=\s*"(https?:)?//)")));
  for (const char* text : {"<h1>Seed-stage hiring order</h1>", "manager_first vs reps_first",
                           "Hire the &lt;manager&gt; first", "plan.yaml --variant a",
                           "common to every plan", "P(A&gt;B)", "A-B mean (95% CI)", "2.50 s",
                           "<details><summary>A = manager_first</summary>"}) {
    EXPECT_NE(html.find(text), std::string::npos) << text;
  }
  EXPECT_EQ(count(html, "<figure"), static_cast<int>(charts.size()));
  EXPECT_EQ(count(html, "<svg "), static_cast<int>(charts.size()));
}

TEST(ComparisonReportTest, LongPlanPathsWrapInsteadOfWideningThePlansTable) {
  // The Source cell was <code> in a cell that never wraps: a long absolute path scrolled the
  // Plans table sideways. It may now break after each '/', in a cell the style sheet wraps.
  const PlanComparison c = fixed_comparison(2);
  const auto metrics = summarize_comparison(c);
  std::vector<ComparedPlan> plans(2);
  plans[0].label = "manager_first";
  plans[1].label = "reps_first";
  const std::string html = render_comparison_html(
      c, metrics, plans, {},
      {"2030-01-02 03:04:05 UTC", 2.5, {"/home/a&b/plans/q3.yaml --variant a", "b.yaml"}});
  EXPECT_NE(html.find("<td class=\"path\"><code>/<wbr>home/<wbr>a&amp;b/<wbr>plans/<wbr>q3.yaml "
                      "--variant a</code></td>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<td class=\"path\"><code>b.yaml</code></td>"), std::string::npos);
  EXPECT_NE(html.find("td.path { white-space: normal; overflow-wrap: anywhere;"),
            std::string::npos);
}

TEST(ComparisonReportTest, APlansPlausibilityWarningsAreNoticedAndListedUnderItsName) {
  // compare --report said nothing of them: reps_first's third AE waiting months for the one
  // search slot was on stderr only, and its numbers read as if it ran as meant.
  const PlanComparison c = fixed_comparison(2);
  const auto metrics = summarize_comparison(c);
  std::vector<ComparedPlan> plans(2);
  plans[0].label = "manager_first";
  plans[1].label = "reps_first";
  ComparisonContext context{"2030-01-02 03:04:05 UTC", 2.5, {"plan.yaml --variant a", "b"}};
  const std::string before = render_comparison_html(c, metrics, plans, {}, context);
  context.warnings = {{},
                      {{"plans.yaml", 41, 7, "variants.reps_first.hires[2]",
                        "the search waits 4 months for a slot & more", true}}};
  const std::string html = render_comparison_html(c, metrics, plans, {}, context);
  const std::size_t notice = html.find(
      "</header>\n<p class=\"lead\"><a class=\"status warn\" href=\"#warnings\">1 "
      "plausibility warning</a> Plan B = reps_first ran as written, but probably not as meant: "
      "read its numbers with it in mind.</p>\n");
  ASSERT_NE(notice, std::string::npos) << html;
  // Marked beside its plan, listed under its name, and only there.
  EXPECT_NE(html.find("<td><strong>B = reps_first</strong><br><a class=\"status warn\" "
                      "href=\"#warnings\">1 plausibility warning</a></td>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<td><strong>A = manager_first</strong></td>"), std::string::npos) << html;
  const std::size_t section = html.find(
      "<section id=\"warnings\"><h2>Plausibility warnings</h2>\n<p class=\"lead\">Valid input "
      "that is probably not what was meant, plan by plan:");
  ASSERT_NE(section, std::string::npos) << html;
  EXPECT_NE(html.find("<ul class=\"why\">\n<li><strong>B = reps_first</strong><ul><li><code>"
                      "plans.yaml:41:7</code> variants.reps_first.hires[2]: the search waits 4 "
                      "months for a slot &amp; more</li></ul></li>\n</ul>\n</section>"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("<strong>A = manager_first</strong><ul>"), std::string::npos) << html;
  EXPECT_LT(html.find("<section id=\"key-metrics\">"), section);
  EXPECT_LT(section, html.find("<section id=\"charts\">"));
  // Warnings in both plans: both named, in the plural.
  context.warnings[0] = context.warnings[1];
  EXPECT_NE(render_comparison_html(c, metrics, plans, {}, context)
                .find(">2 plausibility warnings</a> Plans A = manager_first and B = reps_first "
                      "ran as written, but probably not as meant: read their numbers with them in "
                      "mind."),
            std::string::npos);
  // None: the page as it was, byte for byte.
  context.warnings = {{}, {}};
  EXPECT_EQ(render_comparison_html(c, metrics, plans, {}, context), before);
  EXPECT_EQ(before.find("plausibility warning"), std::string::npos);
  EXPECT_EQ(before.find("id=\"warnings\""), std::string::npos);
}

}  // namespace
}  // namespace teamsim::app
