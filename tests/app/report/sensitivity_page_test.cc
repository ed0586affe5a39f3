#include "app/report/sensitivity_page.h"

#include <gtest/gtest.h>

#include <string>

#include "app/report/sensitivity_report.h"
#include "tests/app/sensitivity_test_util.h"

namespace teamsim::app {
namespace {

using testing::sample_screened_sensitivity_result;
using testing::sample_sensitivity_result;

std::string page_of(const SensitivityResult& result, std::size_t chart_inputs = 15,
                    const std::string& base_report = "base-run.html") {
  SensitivityPageContext context;
  context.scenario_file = "plans/seed.yaml";
  context.scenario_name = "Seed plan";
  context.currency = "USD";
  context.generated_at = "2026-12-06 12:00:00 UTC";
  context.base_report = base_report;
  return render_sensitivity_html(result, sensitivity_report_chart(result, "USD", chart_inputs),
                                 context);
}

// The sample's swings, by hand: deal size +1.5e6 with 1.96 x 1e4 = $19.6k, the east's leads
// +4e5 ± 1.96 x 5e3 = $9,800, churn -1.5e5 ± 1.96 x 2e3 = $3,920; the base mean $1M ± $19.6k,
// its median $990k.
TEST(SensitivityPage, AnswersFirstWithTheBaseOutcomeAndTheLargestSwingsInOrder) {
  const std::string html = page_of(sample_sensitivity_result());
  EXPECT_NE(html.find("teamsim sensitivity report"), std::string::npos);
  EXPECT_NE(html.find("<h1>What moves ARR at month 24</h1>"), std::string::npos);
  EXPECT_NE(html.find("<strong>ARR at month 24: base mean $1M ± $19.6k (95% CI), p50 $990k"
                      "</strong>"),
            std::string::npos)
      << html;
  const std::size_t size = html.find("<strong>Deal size (ACV)</strong>");
  const std::size_t leads = html.find("<strong>Inbound leads a month (east)</strong>");
  const std::size_t churn = html.find("<strong>Annual-contract churn</strong>");
  ASSERT_NE(size, std::string::npos) << html;
  EXPECT_LT(size, leads);
  EXPECT_LT(leads, churn);
  EXPECT_NE(html.find("+$1.5M ± $19.6k", size), std::string::npos);
  EXPECT_NE(html.find("+$400k ± $9,800", leads), std::string::npos);
  EXPECT_NE(html.find("-$150k ± $3,920", churn), std::string::npos);
  // The answer comes before the tornado, the tornado before the table.
  EXPECT_LT(html.find("id=\"answer\""), html.find("id=\"chart-sensitivity\""));
  EXPECT_LT(html.find("id=\"chart-sensitivity\""), html.find("id=\"inputs\""));
}

TEST(SensitivityPage, TheTableListsEveryAnalysedInputWithItsKeyPathWhateverTheChartShows) {
  // A tornado of one bar; the table still has the three analysed inputs, and not the constant
  // its range leaves unchanged (counted in the note instead).
  const std::string html = page_of(sample_sensitivity_result(), 1);
  const std::size_t table = html.find("id=\"inputs\"");
  ASSERT_NE(table, std::string::npos);
  for (const char* key : {"pipeline.deal_size_acv", "territories.east.inbound_leads_per_month",
                          "customers.annual_churn"}) {
    EXPECT_NE(html.find(std::string("<code>") + key + "</code>", table), std::string::npos) << key;
  }
  EXPECT_EQ(html.find("pipeline.complex_share"), std::string::npos);
  EXPECT_NE(html.find("3 inputs analysed, all above. Left out: 1 unchanged by their range"),
            std::string::npos);
  // The terminal breaks the rank-correlation note in two; the page reads it as one paragraph.
  EXPECT_NE(html.find("(its mean draw) with ARR; below about 0.20"), std::string::npos) << html;
  EXPECT_NE(html.find("<a href=\"base-run.html\">base-run.html</a>"), std::string::npos);
}

TEST(SensitivityPage, TheRankColumnIsANumberAndRightAligned) {
  // The "#" column was a plain first cell, which the style sheet reads from the left (as a
  // name): the ranks 1..9 and 10.. did not line up. It is a number column now, as the terminal's.
  const std::string html = page_of(sample_sensitivity_result());
  const std::size_t table = html.find("id=\"inputs\"");
  ASSERT_NE(table, std::string::npos);
  EXPECT_NE(html.find("<thead><tr><th class=\"num\">#</th>", table), std::string::npos) << html;
  for (const char* rank : {"1", "2", "3"}) {
    EXPECT_NE(html.find(std::string("<tr><td class=\"num\">") + rank + "</td>", table),
              std::string::npos)
        << rank;
  }
  // td.num comes after td:first-child in the style sheet, so it wins (the same specificity).
  EXPECT_LT(html.find("th:first-child, td:first-child { text-align: left;"),
            html.find("th.num, td.num { text-align: right; }"));
}

TEST(SensitivityPage, SaysWhichInputsWereScreenedAndLinksNoBaseReportWhenThereIsNone) {
  const std::string html = page_of(sample_screened_sensitivity_result(), 15, "");
  EXPECT_NE(html.find("Screened with"), std::string::npos);
  EXPECT_NE(html.find("20 replications"), std::string::npos);
  EXPECT_NE(html.find("-$150k ± $3,920*"), std::string::npos);
  EXPECT_NE(html.find("* screened: 1 input ran 20 replications, not 100"), std::string::npos);
  EXPECT_EQ(html.find("base-run"), std::string::npos);
}

TEST(SensitivityPage, AScenarioWithNothingToVarySaysSo) {
  SensitivityResult result = sample_sensitivity_result();
  result.inputs.resize(0);
  const std::string html = page_of(result);
  EXPECT_NE(html.find("No input varies in this scenario."), std::string::npos);
  EXPECT_EQ(html.find("<tbody>"), std::string::npos);
}

TEST(SensitivityPage, NoticesThePlausibilityWarningsUnderTheTitleAndListsThem) {
  // Only base-run.html said them: the tornado page, the one a reader opens, looked clean.
  SensitivityPageContext context;
  context.scenario_file = "plans/seed.yaml";
  context.currency = "USD";
  context.generated_at = "2026-12-06 12:00:00 UTC";
  const SensitivityResult result = sample_sensitivity_result();
  const ReportChart tornado = sensitivity_report_chart(result, "USD", 15);
  const std::string clean = render_sensitivity_html(result, tornado, context);
  EXPECT_EQ(clean.find("plausibility warning"), std::string::npos);
  EXPECT_EQ(clean.find("id=\"warnings\""), std::string::npos);

  Diagnostic written;  // as the run says it, at its place in the file
  written.file = "plans/seed.yaml";
  written.line = 12;
  written.column = 3;
  written.key_path = "customers.monthly_churn";
  written.message = "1 is 100% a month & more";
  Diagnostic read_back;  // as a report rebuilt from summary.json has it
  read_back.key_path = "hires[1]";
  read_back.message = "the search starts late";
  context.warnings = {written, read_back};
  const std::string html = render_sensitivity_html(result, tornado, context);
  const std::size_t notice = html.find(
      "<a class=\"status warn\" href=\"#warnings\">2 plausibility warnings</a> This "
      "scenario ran as written, but probably not as meant: read its numbers with them "
      "in mind.");
  ASSERT_NE(notice, std::string::npos) << html;
  EXPECT_LT(html.find("</header>"), notice);
  EXPECT_LT(notice, html.find("id=\"answer\""));
  const std::size_t section = html.find("<section id=\"warnings\"><h2>Plausibility warnings</h2>");
  ASSERT_NE(section, std::string::npos) << html;
  EXPECT_LT(html.find("id=\"inputs\""), section);
  EXPECT_LT(section, html.find("id=\"base-run\""));
  EXPECT_NE(html.find("<li><code>plans/seed.yaml:12:3</code> customers.monthly_churn: 1 is 100% "
                      "a month &amp; more</li>",
                      section),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<li><code>hires[1]</code>: the search starts late</li>", section),
            std::string::npos)
      << html;
  // Everything else is the page without warnings.
  std::string without = html;
  without.erase(section, html.find("</section>", section) + 11 - section);
  without.erase(html.find("<p class=\"lead\"><a class=\"status warn\""),
                html.find("</p>\n", notice) + 5 - html.find("<p class=\"lead\"><a class"));
  EXPECT_EQ(without, clean);
}

}  // namespace
}  // namespace teamsim::app
