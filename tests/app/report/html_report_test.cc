#include "app/report/html_report.h"

#include <gtest/gtest.h>

#include <regex>

#include "app/analysis/cash_risk.h"
#include "app/analysis/expectation_check.h"
#include "tests/app/report_test_util.h"

namespace teamsim::app {
namespace {

SummaryDocument fake_document() {
  SummaryDocument document;
  document.summary = testing::fake_summary();
  document.tool_version = "9.9.9";
  document.resolved_scenario = {{"name", "Test plan"}, {"description", "A <test> plan"}};
  return document;
}

std::string render(const ReportContext& context = {"2030-01-02 03:04:05 UTC", "", {}, "", {}, {}}) {
  const SummaryDocument document = fake_document();
  return render_report_html(document, report_charts(document.summary), context);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(HtmlReportTest, IsSelfContained) {
  const std::string html = render();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  // Nothing is fetched: no src or href to another host, no url() in the styles.
  EXPECT_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=\s*"(https?:)?//)")));
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(HtmlReportTest, HoldsFactsTableChartsScenarioAndFooter) {
  ReportContext context{
      "2030-01-02 03:04:05 UTC", "2030-01-02 03:04:00 UTC", 1.5, "plans/test.yaml", {}, {}};
  const std::string html = render(context);
  for (const char* text : {"<h1>Test plan</h1>",
                           "A &lt;test&gt; plan",
                           "plans/<wbr>test.yaml",
                           ">500<",
                           ">7<",
                           "0123456789abcdef",
                           ">9.9.9<",
                           "2030-01-02 03:04:00 UTC",
                           "1.50 s",
                           "Month 12",
                           "Month 24",
                           "Month 36",
                           "<th>p50</th>",
                           "Key metrics",
                           "Appendix: resolved scenario",
                           "<details class=\"appendix\">",
                           "Why the result is what it is",
                           "\"name\": \"Test plan\"",
                           "<footer>",
                           "id=\"chart-cash\"",
                           "id=\"chart-headcount.account_executive\""}) {
    EXPECT_NE(html.find(text), std::string::npos) << text;
  }
  EXPECT_EQ(count(html, "<svg "), 8u);
  EXPECT_EQ(count(html, "<figure"), 8u);
  // ARR at month 12: p50 = 100,000 + 12 x 50,000 = $700k, p10 = 80% of it.
  EXPECT_NE(html.find("<td class=\"month-start\">$560k</td><td class=\"p50\">$700k</td>"),
            std::string::npos);
  // No timestamps when none are given.
  EXPECT_EQ(render().find("Run at"), std::string::npos);
}

TEST(HtmlReportTest, AScenarioPathBreaksOnlyAfterASlash) {
  ReportContext context{"2030-01-02 03:04:05 UTC",         "", {},
                        "/work/my plans/a&b/default.yaml", {}, {}};
  const std::string html = render(context);
  EXPECT_NE(html.find("<dt>Scenario file</dt><dd>/<wbr>work/<wbr>my plans/<wbr>a&amp;b/<wbr>"
                      "default.yaml</dd>"),
            std::string::npos)
      << html;
  // The facts may not break a word anywhere, or a narrow column splits "default.y / aml".
  EXPECT_EQ(html.find("dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere"),
            std::string::npos);
}

TEST(HtmlReportTest, ALongNameWithoutSpacesBreaksInsideThePage) {
  // A scenario named with one long word (a file stem, snake_case) ran past the page's right
  // edge and gave the whole report a horizontal scroll bar; words that fit are never broken.
  const std::string html = render({"2030-01-02 03:04:05 UTC", "", {}, "", {}, {}});
  EXPECT_NE(html.find("header h1 { font-size: 28px; line-height: 1.2; margin: 0 0 4px; "
                      "font-weight: 650;\n            overflow-wrap: break-word; }"),
            std::string::npos);
}

// A currency written as a code ("CHF 1.52M") must not break between the code and the number in
// a narrow headline card: each amount is one unbreakable span. ARR at month 36 of the fake
// summary: 100,000 + 36 x 50,000 = 1.9M, its p10 and p90 0.8 and 1.2 times that; cash
// 1,000,000 - 36 x 40,000 = -440k.
TEST(HtmlReportTest, HeadlineAmountsNeverBreakInside) {
  SummaryDocument document = fake_document();
  document.summary.currency = "CHF";
  const std::string html =
      render_report_html(document, {}, {"2030-01-02 03:04:05 UTC", "", {}, "", {}, {}});
  EXPECT_NE(html.find("<div class=\"value\"><span class=\"amount\">CHF 1.9M</span></div>"
                      "<div class=\"range\">80% range <span class=\"amount\">CHF 1.52M</span> to "
                      "<span class=\"amount\">CHF 2.28M</span></div>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<span class=\"amount\">-CHF 440k</span>"), std::string::npos);
  EXPECT_NE(html.find(".amount { white-space: nowrap; }"), std::string::npos);
}

TEST(HtmlReportTest, ExpectationResultsAppearWhenGiven) {
  Expectation e;
  e.metric = "arr";
  e.month = 24;
  e.stat = "p50";
  e.value = 2'000'000;
  e.name = "median ARR of at least $2M";
  ExpectationResult failed{e, 1'300'000, false, "p50(arr) at month 24 = 1,300,000", ""};
  // A metric the summary does not hold is written with grouped digits.
  Expectation unknown = e;
  unknown.metric = "not_a_metric";
  unknown.name = "unknown";
  ExpectationResult missing{unknown, 1'234'567, false, "", ""};
  // Unnamed, it is called by what it checks (the default name), which is not said twice; its
  // result rests on some replications only, which is said under it, as in its message.
  Expectation unnamed = e;
  unnamed.stat = "mean";
  unnamed.name = "mean(arr) at month 24 >= 2,000,000";
  ExpectationResult some{unnamed, 2'100'000, true, "",
                         "over the 2 of 100 replications where it is defined"};
  ReportContext context{"now", "", {}, "", {failed, missing, some}, {}};
  const std::string html = render(context);
  EXPECT_NE(html.find("1 of 3 expectations met"), std::string::npos);
  EXPECT_NE(html.find("status fail"), std::string::npos);
  // The bound and the result in the metric's unit, as the key-metric table writes them; under
  // a name of the user's, the statistic it checks.
  EXPECT_NE(html.find("<td>median ARR of at least $2M<div class=\"check\">p50(arr) at month "
                      "24</div></td><td>&gt;= $2M</td><td>$1.3M</td>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<td>1,234,567</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>mean(arr) at month 24 &gt;= 2,000,000</td><td>&gt;= $2M</td>"
                      "<td>$2.1M<div class=\"check\">over the 2 of 100 replications where it "
                      "is defined</div></td>"),
            std::string::npos)
      << html;
}

TEST(HtmlReportTest, BatchIndexLinksEachReport) {
  BatchIndexEntry ok{"default", "scenarios/default.yaml", fake_document(), "", 2, 1, {}};
  BatchIndexEntry broken{"broken", "scenarios/broken.yaml", std::nullopt, "invalid scenario", 0, 0,
                         {}};
  const std::string html = render_batch_index_html({ok, broken}, {"now", "", {}, "", {}, {}});
  EXPECT_NE(html.find("href=\"default/report.html\""), std::string::npos);
  EXPECT_NE(html.find("1 of 2 FAIL"), std::string::npos);
  EXPECT_NE(html.find("invalid scenario"), std::string::npos);
  EXPECT_NE(html.find("ERROR"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(HtmlReportTest, BatchIndexSaysWhereEachPlansRunwayEnds) {
  BatchIndexEntry risky{"risky", "risky.yaml", fake_document(), "", 0, 0, {}};
  // 1 % a month: 36 % by month 36, 10 % first in month 10.
  testing::add_metric(risky.document->summary, kCashEverNegativeMetric, "ratio", 0, 0.01);
  BatchIndexEntry unkept{"unkept", "unkept.yaml", fake_document(), "", 0, 0, {}};
  const std::string html = render_batch_index_html({risky, unkept}, {"now", "", {}, "", {}, {}});
  EXPECT_NE(html.find("<th>P(cash &lt; 0)</th>"), std::string::npos);
  EXPECT_NE(html.find("<td><strong>36.0%</strong><br><small>reaches 10% in month 10</small></td>"),
            std::string::npos)
      << html;
  // A run that did not keep the metric (--metrics) says nothing rather than 0 %.
  EXPECT_NE(html.find("<td>—</td><td><span class=\"status\">none</span>"), std::string::npos)
      << html;
}

TEST(HtmlReportTest, BatchIndexLinksAFolderWhoseNameHoldsAHashASpaceOrAnAccent) {
  // href="q3 #1/report.html" opened "q3 " at the fragment "1/report.html": no such page. Each
  // byte outside letters, digits, "-._~/" is written %XX: ' ' 20, '#' 23, '?' 3F, UTF-8 e-acute
  // C3 A9.
  BatchIndexEntry hash{"q3 #1", "plans/q3 #1.yaml", fake_document(), "", 0, 0, {}};
  BatchIndexEntry query{"a?b", "plans/a?b.yaml", fake_document(), "", 0, 0, {}};
  BatchIndexEntry accent{
      "caf\xC3\xA9-plan", "plans/caf\xC3\xA9-plan.yaml", fake_document(), "", 0, 0, {}};
  const std::string html =
      render_batch_index_html({hash, query, accent}, {"now", "", {}, "", {}, {}});
  EXPECT_NE(html.find("<a href=\"q3%20%231/report.html\">"), std::string::npos) << html;
  EXPECT_NE(html.find("<a href=\"a%3Fb/report.html\">"), std::string::npos) << html;
  EXPECT_NE(html.find("<a href=\"caf%C3%A9-plan/report.html\">"), std::string::npos) << html;
  EXPECT_NE(html.find("<code>plans/q3 #1.yaml</code>"), std::string::npos) << html;  // as named
}

TEST(HtmlReportTest, BatchIndexMarksAndListsAScenariosPlausibilityWarnings) {
  // index.html said nothing of them: a plan whose hires start 15 months late (the founder's one
  // recruiting slot) sat in the overview beside the others as if it ran as meant.
  BatchIndexEntry late{"reps-first", "scenarios/reps-first.yaml", fake_document(), "", 0, 0, {}};
  late.warnings = {{"scenarios/reps-first.yaml", 29, 5, "hires[1]",
                    "the recruiting bandwidth starts this search about 15 months late", true},
                   {"scenarios/reps-first.yaml", 12, 3, "customers.monthly_churn",
                    "1 means 100 % & more", true}};
  BatchIndexEntry fine{"default", "scenarios/default.yaml", fake_document(), "", 0, 0, {}};
  std::string html = render_batch_index_html({late, fine}, {"now", "", {}, "", {}, {}});
  EXPECT_NE(html.find("<code>scenarios/reps-first.yaml</code><br><a class=\"status warn\" "
                      "href=\"#warnings\">2 plausibility warnings</a></td>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<code>scenarios/default.yaml</code></td>"), std::string::npos) << html;
  EXPECT_NE(html.find("<section id=\"warnings\"><h2>Plausibility warnings</h2>"), std::string::npos)
      << html;
  EXPECT_NE(html.find("<li><strong>reps-first</strong> (<code>scenarios/reps-first.yaml</code>)"
                      "<ul><li><code>scenarios/reps-first.yaml:29:5</code> hires[1]: the "
                      "recruiting bandwidth starts this search about 15 months late</li><li>"
                      "<code>scenarios/reps-first.yaml:12:3</code> customers.monthly_churn: 1 "
                      "means 100 % &amp; more</li></ul></li>"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("<li><strong>default</strong>"), std::string::npos);
  // No warning anywhere: no section.
  html = render_batch_index_html({fine}, {"now", "", {}, "", {}, {}});
  EXPECT_EQ(html.find("id=\"warnings\""), std::string::npos);
  EXPECT_EQ(html.find("plausibility warning"), std::string::npos);
}

TEST(HtmlReportTest, ARunsPlausibilityWarningsAreNoticedUnderTheTitleAndListed) {
  // report.html said nothing of them: a plan with 'customers.monthly_churn: 1' (100 %) showed
  // its numbers as if it ran as meant, the warning only on stderr.
  ReportContext context{"2030-01-02 03:04:05 UTC", "", {}, "plans/churn.yaml", {}, {}};
  const std::string before = render(context);
  context.warnings = {
      {"plans/churn.yaml", 12, 18, "customers.monthly_churn", "1 means 100 % & more", true},
      {"plans/churn.yaml", 29, 5, "hires[1]",
       "the recruiting bandwidth starts this search about 15 months late", true}};
  const std::string html = render(context);
  const std::size_t notice = html.find(
      "</header>\n<p class=\"lead\"><a class=\"status warn\" href=\"#warnings\">2 "
      "plausibility warnings</a> This scenario ran as written, but probably not as "
      "meant: read its numbers with them in mind.</p>\n");
  ASSERT_NE(notice, std::string::npos) << html;
  const std::size_t section = html.find("<section id=\"warnings\"><h2>Plausibility warnings</h2>");
  ASSERT_NE(section, std::string::npos) << html;
  EXPECT_LT(notice, html.find("<section id=\"headlines\">"));
  EXPECT_LT(section, html.find("<section id=\"scenario\">"));
  EXPECT_NE(html.find("<ul class=\"why\">\n<li><code>plans/churn.yaml:12:18</code> "
                      "customers.monthly_churn: 1 means 100 % &amp; more</li><li><code>"
                      "plans/churn.yaml:29:5</code> hires[1]: the recruiting bandwidth starts "
                      "this search about 15 months late</li></ul>"),
            std::string::npos)
      << html;
  // One warning: said in the singular.
  context.warnings.resize(1);
  EXPECT_NE(render(context).find(">1 plausibility warning</a> This scenario ran as written, but "
                                 "probably not as meant: read its numbers with it in mind."),
            std::string::npos);
  // None: nothing at all, the page as it was.
  context.warnings.clear();
  EXPECT_EQ(render(context), before);
  EXPECT_EQ(before.find("plausibility warning"), std::string::npos);
  EXPECT_EQ(before.find("id=\"warnings\""), std::string::npos);
}

TEST(HtmlReportTest, EscapesText) {
  SummaryDocument document = fake_document();
  document.summary.scenario_name = "R&D <plan>";
  const std::string html = render_report_html(document, {}, {"now", "", {}, "", {}, {}});
  EXPECT_NE(html.find("<h1>R&amp;D &lt;plan&gt;</h1>"), std::string::npos);
  EXPECT_EQ(html.find("<plan>"), std::string::npos);
}

}  // namespace
}  // namespace teamsim::app
