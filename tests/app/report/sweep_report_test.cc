#include "app/report/sweep_report.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace teamsim::app {
namespace {

// A sweep of one variant of a file with variants, with a --set applied at every point.
SweepReportData variant_sweep() {
  SweepReportData data;
  data.scenario_file = "plans.yaml";
  data.scenario_name = "Seed-stage hiring order [reps_first]";
  data.variant = "reps_first";
  data.overrides = {"money.starting_cash=2000000"};
  data.parameters = {"pipeline.win_rate"};
  data.metric = "arr";
  data.unit = "currency";
  data.currency = "USD";
  data.month = 24;
  data.replications = 100;
  data.seed = 42;
  data.points = {{{"0.15"}, 1e6, 1.4e6, 1.8e6, 1.4e6}, {{"0.25"}, 1.5e6, 2.2e6, 2.9e6, 2.2e6}};
  return data;
}

TEST(SweepReport, TheChartsAxesSayTheUnitOfTheMetricAndOfAMoneyKey) {
  // ARR in USD on the value axis; a quota (money) swept, in USD; a share's key has no unit word.
  SweepReportData data = variant_sweep();
  data.parameters = {"roles.account_executive.annual_quota", "pipeline.win_rate"};
  data.points = {{{"500000", "0.15"}, 1e6, 1.4e6, 1.8e6, 1.4e6},
                 {{"700000", "0.15"}, 1.5e6, 2.2e6, 2.9e6, 2.2e6}};
  const std::string svg = sweep_chart(data)->svg;
  EXPECT_NE(svg.find(">annual recurring revenue (USD)</text>"), std::string::npos) << svg;
  // The quota's values as a slide reads money, "$500k", not 500000 (the share as written).
  EXPECT_NE(svg.find(">$500k, 0.15</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">$700k, 0.15</text>"), std::string::npos) << svg;
  EXPECT_EQ(svg.find(">500000, 0.15</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">roles.account_executive.annual_quota (USD), pipeline.win_rate</text>"),
            std::string::npos)
      << svg;
  // CAC payback in months: the unit once, in brackets, as money's currency is; a key in months
  // says so in its name already.
  data.metric = "cac_payback_months";
  data.unit = "months";
  data.parameters = {"roles.account_executive.ramp_months"};
  data.points = {{{"3"}, 6, 7, 9, 7.2}, {{"6"}, 7, 8, 10, 8.1}};
  const std::string months = sweep_chart(data)->svg;
  EXPECT_NE(months.find(">CAC payback (months)</text>"), std::string::npos) << months;
  EXPECT_NE(months.find(">roles.account_executive.ramp_months</text>"), std::string::npos)
      << months;
}

// The chart, pasted alone into a slide (sweep.png), says which plan was swept, as a run's charts
// do: it said only "median of 100 replications per point ...".
TEST(SweepReport, TheChartNamesTheSweptPlan) {
  SweepReportData data = variant_sweep();
  EXPECT_NE(sweep_chart(data)->svg.find(">Seed-stage hiring order [reps_first] · median of 100 "),
            std::string::npos)
      << sweep_chart(data)->svg;
  data.scenario_name.clear();
  EXPECT_NE(sweep_chart(data)->svg.find(">median of 100 replications per point"),
            std::string::npos);
}

// Each point's mean has its 95% interval: the table gave p10, p50, p90 and mean alone, so a
// client could not tell whether $2.2M against $1.4M, or two means $0.1M apart, is more than
// the luck of 100 replications. The note says the intervals are each point's own (the points
// share their random numbers, so a difference is known more closely).
TEST(SweepReport, EachMeanHasItsIntervalAndTheNoteSaysWhatItIs) {
  SweepReportData data = variant_sweep();
  data.points[0].se = 100'000;  // 1.96 x 100,000 = $196k
  data.points[1].se = 50'000;   // $98k
  EXPECT_EQ(sweep_mean_interval(data, data.points[0]), "± $196k");
  EXPECT_EQ(sweep_mean_interval(data, data.points[1]), "± $98k");
  const std::string html = render_sweep_html(data, sweep_chart(data), "2026-12-05 08:00 UTC");
  EXPECT_NE(html.find("<th>mean</th><th>± 95% CI</th>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td>$1.4M</td><td>± $196k</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("± 95% CI: of each point's mean alone. Every point runs on the same random "
                      "numbers"),
            std::string::npos)
      << html;
  // A share: 1.96 x 0.01 = 1.96 points, not "2.0%" (read as a relative change).
  data.unit = "ratio";
  data.points[0].mean = 0.2;
  data.points[0].se = 0.01;
  EXPECT_EQ(sweep_mean_interval(data, data.points[0]), "± 2.0 pts");
  // No interval where the mean has none; one point has nothing to tell apart, so no note.
  data.points[0].mean = std::nan("");
  EXPECT_EQ(sweep_mean_interval(data, data.points[0]), "n/a");
  data.points.resize(1);
  EXPECT_EQ(sweep_interval_note(data), "");
}

TEST(SweepReport, AMoneyKeysHeadingSaysTheCurrencyInTheTableAsOnTheChart) {
  EXPECT_EQ(sweep_parameter_heading("roles.account_executive.annual_quota", "EUR"),
            "roles.account_executive.annual_quota (EUR)");
  EXPECT_EQ(sweep_parameter_heading("pipeline.win_rate", "EUR"), "pipeline.win_rate");
  EXPECT_EQ(sweep_parameter_heading("roles.account_executive.annual_quota", ""),
            "roles.account_executive.annual_quota");
  SweepReportData data = variant_sweep();
  data.parameters = {"roles.account_executive.annual_quota", "pipeline.win_rate"};
  data.points = {{{"500000", "0.15"}, 1e6, 1.4e6, 1.8e6, 1.4e6}};
  const std::string html = render_sweep_html(data, sweep_chart(data), "2026-12-05 08:00 UTC");
  EXPECT_NE(html.find("<th class=\"num\">roles.account_executive.annual_quota (USD)</th>"
                      "<th class=\"num\">pipeline.win_rate</th>"),
            std::string::npos)
      << html;
}

TEST(SweepReport, ThePageSaysWhichVariantWasSweptAndWhatSetChanged) {
  const SweepReportData data = variant_sweep();
  const std::string html = render_sweep_html(data, sweep_chart(data), "2026-12-05 08:00 UTC");
  EXPECT_NE(html.find("Seed-stage hiring order [reps_first], varying pipeline.win_rate"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<dt>Variant</dt><dd>reps_first</dd>"), std::string::npos) << html;
  EXPECT_NE(html.find("<dt>--set (every point)</dt><dd>money.starting_cash=2000000</dd>"),
            std::string::npos)
      << html;
}

TEST(SweepReport, OnePointIsOnePointNotOnePoints) {
  SweepReportData data = variant_sweep();
  data.points.resize(1);
  const std::string html = render_sweep_html(data, sweep_chart(data), "2026-12-05 08:00 UTC");
  EXPECT_NE(html.find("<h1>ARR at month 24 across 1 point</h1>"), std::string::npos) << html;
  EXPECT_NE(render_sweep_html(variant_sweep(), std::nullopt, "")
                .find("<h1>ARR at month 24 across 2 points</h1>"),
            std::string::npos);
}

TEST(SweepReport, ABaseScenarioWithoutSetHasNeitherFact) {
  SweepReportData data = variant_sweep();
  data.scenario_name = "Seed-stage hiring order";
  data.variant.clear();
  data.overrides.clear();
  const std::string html = render_sweep_html(data, sweep_chart(data), "2026-12-05 08:00 UTC");
  EXPECT_NE(html.find("Seed-stage hiring order, varying pipeline.win_rate"), std::string::npos);
  EXPECT_EQ(html.find("<dt>Variant</dt>"), std::string::npos);
  EXPECT_EQ(html.find("<dt>--set"), std::string::npos);
}

TEST(SweepReport, APointOverFewerThanItsReplicationsIsMarkedAndCounted) {
  SweepReportData data = variant_sweep();
  data.metric = "avg_time_to_hire_days";
  data.unit = "days";
  data.replications = 50;
  data.points = {{{"0.15"}, 58, 80, 180, 102, 12},    // 12 of the 50 replications hired that month
                 {{"0.25"}, 40, 45, 60, 50, 50},      // all 50
                 {{"0.35"}, NAN, NAN, NAN, NAN, 0}};  // none: n/a, no footnote
  EXPECT_TRUE(defined_in_part(data, data.points[0]));
  EXPECT_FALSE(defined_in_part(data, data.points[1]));
  EXPECT_FALSE(defined_in_part(data, data.points[2]));
  EXPECT_EQ(sweep_defined_footnote(data),
            "* pipeline.win_rate=0.15: over the 12 of 50 replications with a value\n");
  const std::string html = render_sweep_html(data, sweep_chart(data), "2026-12-05 08:00 UTC");
  EXPECT_NE(html.find("<td>80*</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td>45</td>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<td>45*</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td>n/a</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("* pipeline.win_rate=0.15: over the 12 of 50 replications with a value"),
            std::string::npos)
      << html;
}

TEST(SweepReport, AKeysColumnOfNumbersIsAlignedRightAsTheFiguresAre) {
  // The first key's column was aligned left (the page's first column is a label's), the others
  // and the figures right, so 0.15 sat under the heading's left edge and 2 under its right.
  EXPECT_TRUE(sweep_value_is_number("0.15"));
  EXPECT_TRUE(sweep_value_is_number("2"));
  EXPECT_TRUE(sweep_value_is_number("-3"));
  EXPECT_TRUE(sweep_value_is_number("300_000"));
  EXPECT_TRUE(sweep_value_is_number("25%"));
  EXPECT_TRUE(sweep_value_is_number(".5"));
  EXPECT_FALSE(sweep_value_is_number(""));
  EXPECT_FALSE(sweep_value_is_number("round_robin"));
  EXPECT_FALSE(sweep_value_is_number("2027-03"));
  EXPECT_FALSE(sweep_value_is_number("inf"));
  EXPECT_FALSE(sweep_value_is_number("_1"));
  SweepReportData data = variant_sweep();
  data.parameters = {"pipeline.win_rate", "hires[1].month"};
  data.points = {{{"0.15", "2"}, 1e6, 1.4e6, 1.8e6, 1.4e6},
                 {{"0.25", "4"}, 1.5e6, 2.2e6, 2.9e6, 2.2e6}};
  std::string html = render_sweep_html(data, sweep_chart(data), "2026-12-05 08:00 UTC");
  EXPECT_NE(html.find("<th class=\"num\">pipeline.win_rate</th><th class=\"num\">hires[1].month"
                      "</th><th>p10</th>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<tr><td class=\"num\">0.25</td><td class=\"num\">4</td><td>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("th.num, td.num { text-align: right; }"), std::string::npos);
  // A column with a word in it is text: left, as before; the number beside it right.
  data.parameters = {"territories.emea.routing", "hires[1].month"};
  data.points = {{{"round_robin", "2"}, 1e6, 1.4e6, 1.8e6, 1.4e6},
                 {{"3", "4"}, 1.5e6, 2.2e6, 2.9e6, 2.2e6}};
  html = render_sweep_html(data, sweep_chart(data), "2026-12-05 08:00 UTC");
  EXPECT_NE(html.find("<tr><td>3</td><td class=\"num\">4</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("<th>territories.emea.routing</th><th class=\"num\">"), std::string::npos)
      << html;
}

TEST(SweepReport, PlausibilityWarningsAreNoticedUnderTheTitleAndListed) {
  // sweep --report said nothing of them, though stderr did: the points read as if the scenario
  // ran as meant.
  SweepReportData data = variant_sweep();
  const std::string before = render_sweep_html(data, sweep_chart(data), "2026-12-05 08:00 UTC");
  data.warnings = {{"plans.yaml", 41, 7, "variants.reps_first.hires[2]",
                    "the search waits 4 months for a slot (at sweep point pipeline.win_rate=0.15)",
                    true}};
  const std::string html = render_sweep_html(data, sweep_chart(data), "2026-12-05 08:00 UTC");
  const std::size_t notice = html.find(
      "</header>\n<p class=\"lead\"><a class=\"status warn\" href=\"#warnings\">1 "
      "plausibility warning</a> The swept scenario ran as written, but probably not as meant: "
      "read its numbers with it in mind.</p>\n");
  ASSERT_NE(notice, std::string::npos) << html;
  const std::size_t section = html.find("<section id=\"warnings\"><h2>Plausibility warnings</h2>");
  ASSERT_NE(section, std::string::npos) << html;
  EXPECT_NE(html.find("<li><code>plans.yaml:41:7</code> variants.reps_first.hires[2]: the search "
                      "waits 4 months for a slot (at sweep point pipeline.win_rate=0.15)</li>"),
            std::string::npos)
      << html;
  EXPECT_LT(html.find("<section id=\"points\">"), section);
  EXPECT_LT(section, html.find("<section id=\"chart\">"));
  // None: the page as it was, byte for byte.
  data.warnings.clear();
  EXPECT_EQ(render_sweep_html(data, sweep_chart(data), "2026-12-05 08:00 UTC"), before);
  EXPECT_EQ(before.find("plausibility warning"), std::string::npos);
}

}  // namespace
}  // namespace teamsim::app
