// End-to-end tests of the HTML report, the report command and batch runs with expectations.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "../app/xml_check.h"
#include "run_binary.h"

namespace teamsim::e2e {
namespace {

namespace fs = std::filesystem;

void write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path) << text;
}

/// A quick scenario with the given expect: block.
std::string scenario(const std::string& name, const std::string& expect) {
  return "name: \"" + name +
         "\"\nhorizon_months: 24\nreplications: 40\nseed: 5\n"
         "territories: {emea: {inbound_leads_per_month: 10}}\n"
         "hires:\n  - {role: account_executive, count: 2, month: 2}\n" +
         expect;
}

void expect_self_contained_report(const std::string& html) {
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=\s*"(https?:)?//)")));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("<svg "), std::string::npos);
  EXPECT_NE(html.find("id=\"chart-arr\""), std::string::npos);
  EXPECT_NE(html.find("id=\"chart-cash\""), std::string::npos);
  EXPECT_NE(html.find("class=\"key-metrics\""), std::string::npos);
  EXPECT_NE(html.find("Month 12"), std::string::npos);
  EXPECT_NE(html.find("Appendix: resolved scenario"), std::string::npos);
}

TEST(ReportTest, RunReportWritesReportAndChartsAndKeepsSummariesDeterministic) {
  TempDir plain, with_report;
  const std::string base = "run scenarios/small-business.yaml -n 60 --seed 3 ";
  ASSERT_EQ(run_teamsim(base + "--threads 1 --out " + plain.path()).exit_code, 0);
  const CommandResult r = run_teamsim(base + "--threads 2 --report --out " + with_report.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The report's timestamps stay out of the summaries.
  EXPECT_EQ(read_file(plain.path() + "/summary.csv"),
            read_file(with_report.path() + "/summary.csv"));
  EXPECT_EQ(read_file(plain.path() + "/summary.json"),
            read_file(with_report.path() + "/summary.json"));
  const std::string html = read_file(with_report.path() + "/report.html");
  expect_self_contained_report(html);
  EXPECT_NE(html.find("Small business: one rep on qualified leads"), std::string::npos);
  EXPECT_NE(html.find("scenarios/<wbr>small-business.yaml"), std::string::npos);
  for (const char* chart : {"arr", "mrr", "new_bookings", "customers", "headcount_total",
                            "headcount.account_executive", "ramped_capacity", "cash"}) {
    const std::string svg = read_file(with_report.path() + "/charts/" + chart + ".svg");
    EXPECT_EQ(svg.rfind("<svg ", 0), 0u) << chart;
    EXPECT_NE(html.find(svg.substr(0, 200)), std::string::npos) << chart << " is not inline";
  }
}

TEST(ReportTest, HistogramsAreBinnedAtRunTimeAndKeptInSummaryJson) {
  TempDir out;
  const CommandResult r = run_teamsim(
      "run scenarios/default.yaml -n 50 --seed 4 -q --histogram customers@6 "
      "--histogram new_bookings@last --out " +
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Without --report only the charts asked for are drawn.
  EXPECT_TRUE(fs::exists(out.path() + "/charts/histogram.customers.m6.svg"));
  EXPECT_FALSE(fs::exists(out.path() + "/report.html"));
  const auto json = nlohmann::json::parse(read_file(out.path() + "/summary.json"));
  const auto& histograms = json.at("histograms");
  ASSERT_EQ(histograms.size(), 3u);  // ARR at the last month always, then the two asked for
  const int horizon = json.at("horizon_months").get<int>();
  EXPECT_EQ(histograms[0].at("metric"), "arr");
  EXPECT_EQ(histograms[0].at("month"), horizon);
  EXPECT_EQ(histograms[1].at("metric"), "customers");
  EXPECT_EQ(histograms[2].at("month"), horizon);
  EXPECT_TRUE(fs::exists(out.path() + "/charts/histogram.new_bookings.m" + std::to_string(horizon) +
                         ".svg"));
  for (const auto& h : histograms) {
    std::size_t total = h.at("missing").get<std::size_t>();
    for (const auto& c : h.at("counts")) total += c.get<std::size_t>();
    EXPECT_EQ(total, 50u) << h.dump();
  }
  // teamsim report rebuilds the charts from summary.json alone: the same bytes.
  const std::string customers = read_file(out.path() + "/charts/histogram.customers.m6.svg");
  fs::remove_all(out.path() + "/charts");
  ASSERT_EQ(run_teamsim("report -q " + out.path()).exit_code, 0);
  EXPECT_EQ(read_file(out.path() + "/charts/histogram.customers.m6.svg"), customers);
  const std::string html = read_file(out.path() + "/report.html");
  EXPECT_NE(html.find("id=\"chart-histogram.arr.m" + std::to_string(horizon) + "\""),
            std::string::npos);
}

TEST(ReportTest, BadHistogramRequestsAreUsageErrors) {
  TempDir out;
  CommandResult r =
      run_teamsim("run scenarios/default.yaml -n 5 -q --histogram ar@3 --out " + out.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("teamsim run: error: --histogram ar@3\n  because: unknown metric 'ar'; did "
                       "you mean 'arr'?"),
            std::string::npos)
      << r.err;
  r = run_teamsim("run scenarios/default.yaml -n 5 -q --histogram arr@999 --out " + out.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("month 999 is outside the horizon"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out.path() + "/summary.json"));
}

TEST(ReportTest, ReportCommandRebuildsTheReportFromSummaryJson) {
  TempDir out;
  ASSERT_EQ(run_teamsim("run scenarios/default.yaml -n 40 -q --out " + out.path()).exit_code, 0);
  const std::string json_before = read_file(out.path() + "/summary.json");
  const CommandResult r = run_teamsim("report " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_self_contained_report(read_file(out.path() + "/report.html"));
  EXPECT_TRUE(fs::exists(out.path() + "/charts/arr.svg"));
  EXPECT_EQ(read_file(out.path() + "/summary.json"), json_before);
  // SOURCE_DATE_EPOCH makes the report reproducible.
  ASSERT_EQ(run_teamsim("report -q " + out.path()).exit_code, 0);
  const CommandResult fixed = run_teamsim("report -q " + out.path());
  EXPECT_EQ(fixed.exit_code, 0);
}

TEST(ReportTest, ARebuiltReportDoesNotPassACopysFileTimeOffAsTheRunsTime) {
  TempDir out;
  ASSERT_EQ(run_teamsim("run scenarios/default.yaml -n 20 -q --out " + out.path()).exit_code, 0);
  // As after a copy, a checkout or a CI artifact download: the file's time is not the run's.
  fs::last_write_time(out.path() + "/summary.json",
                      fs::file_time_type::clock::now() - std::chrono::hours(24 * 400));
  const CommandResult r = run_teamsim("report -q " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out.path() + "/report.html");
  EXPECT_EQ(html.find("Run at"), std::string::npos);
  EXPECT_NE(html.find("Report generated"), std::string::npos);
}

TEST(ReportTest, ReportCommandExplainsAMissingSummary) {
  TempDir empty;
  CommandResult r = run_teamsim("report " + empty.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(
      r.err.find(empty.path() + ": no summary.json here; give the --out folder of a teamsim run"),
      std::string::npos)
      << r.err;
  r = run_teamsim("report " + empty.path() + "/nowhere");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nowhere: no such folder"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("OUT_DIR"), std::string::npos) << r.err;  // no parser's internal name
  // A comparison's folder: its report comes from compare --report.
  r = run_teamsim("compare scenarios/default.yaml scenarios/manager-first.yaml -n 3 -q --out " +
                  empty.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_teamsim("report " + empty.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("holds a `teamsim compare` (compare.json), whose report `teamsim compare "
                       "... --report` writes"),
            std::string::npos)
      << r.err;
}

TEST(ReportTest, PngChartsThroughLibrsvg) {
  // Under AddressSanitizer fontconfig's caches, filled by librsvg, live until exit: the asan test
  // preset (CMakePresets.json) gives every test tests/e2e/data/lsan-librsvg.supp.
  TempDir out;
  const CommandResult r =
      run_teamsim("run scenarios/small-business.yaml -n 20 -q --png --out " + out.path());
  if (r.exit_code == 1 && r.err.find("without librsvg") != std::string::npos) {
    GTEST_SKIP() << "this build has no librsvg: " << r.err;
  }
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string png = read_file(out.path() + "/charts/arr.png");
  ASSERT_GT(png.size(), 1000u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
}

TEST(ReportTest, RunChecksExpectationsAndExitsFourOnFailure) {
  TempDir dir;
  write(
      dir.path() + "/pass.yaml",
      scenario("pass", "expect:\n  - {metric: arr, month: 24, stat: p50, op: \">=\", value: 0}\n"));
  write(dir.path() + "/fail.yaml",
        scenario("fail",
                 "expect:\n  - {metric: arr, month: 24, stat: p50, op: \">\", value: "
                 "1_000_000_000}\n"));
  const CommandResult ok =
      run_teamsim("run " + dir.path() + "/pass.yaml --out " + dir.path() + "/out-pass");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.err.find("PASS p50(arr) at month 24"), std::string::npos) << ok.err;
  const CommandResult bad =
      run_teamsim("run " + dir.path() + "/fail.yaml --out " + dir.path() + "/out-fail");
  EXPECT_EQ(bad.exit_code, 4) << bad.err;
  EXPECT_NE(bad.err.find("FAIL " + dir.path() + "/fail.yaml:9:5: p50(arr) at month 24 = "),
            std::string::npos)
      << bad.err;
  const std::string junit = read_file(dir.path() + "/out-fail/junit.xml");
  EXPECT_EQ(app::testing::xml_problem(junit), "") << junit;
  EXPECT_NE(junit.find("<failure"), std::string::npos);

  // The report rebuilt from summary.json alone keeps its Expectations section, checked again.
  const std::string out_fail = dir.path() + "/out-fail";
  ASSERT_EQ(run_teamsim("report -q " + out_fail).exit_code, 0);
  const std::string report = read_file(out_fail + "/report.html");
  EXPECT_NE(report.find("<section id=\"expectations\"><h2>Expectations</h2>\n<p class=\"lead\">0 "
                        "of 1 expectation met."),
            std::string::npos)
      << report;
  // Its default name writes the threshold as the PASS/FAIL line does: $1B, not 1,000,000,000.
  EXPECT_NE(report.find("p50(arr) at month 24 &gt; $1B"), std::string::npos) << report;
}

TEST(ReportTest, AReportRebuiltFromSummaryJsonListsThePlausibilityWarnings) {
  // `teamsim report OUT` could not show the warnings run's report.html showed: summary.json did
  // not hold them. It does now (key and message), and the rebuilt page notices and lists them.
  TempDir dir;
  write(dir.path() + "/churn.yaml",
        "horizon_months: 12\ncustomers: {monthly_churn: 1}\n"
        "hires: [{role: account_executive, month: 1}]\n");
  const std::string out = dir.path() + "/out";
  ASSERT_EQ(
      run_teamsim("run " + dir.path() + "/churn.yaml -n 5 -q --report --out " + out).exit_code, 0);
  const std::string notice =
      "<a class=\"status warn\" href=\"#warnings\">1 plausibility warning</a>";
  const std::string ran = read_file(out + "/report.html");
  EXPECT_NE(ran.find(notice), std::string::npos) << ran;
  EXPECT_NE(ran.find("<li><code>" + dir.path() +
                     "/churn.yaml:2:28</code> customers.monthly_churn: 1 means 100 %"),
            std::string::npos)
      << ran;
  const auto json = nlohmann::json::parse(read_file(out + "/summary.json"));
  ASSERT_EQ(json["warnings"].size(), 1u) << json.dump(2);
  EXPECT_EQ(json["warnings"][0]["key"], "customers.monthly_churn");
  EXPECT_EQ(json["warnings"][0]["message"].get<std::string>().rfind("1 means 100 %", 0), 0u);

  ASSERT_EQ(run_teamsim("report -q " + out).exit_code, 0);
  const std::string rebuilt = read_file(out + "/report.html");
  EXPECT_NE(rebuilt.find(notice), std::string::npos) << rebuilt;
  EXPECT_NE(rebuilt.find("<section id=\"warnings\"><h2>Plausibility warnings</h2>"),
            std::string::npos)
      << rebuilt;
  EXPECT_NE(rebuilt.find("<li><code>customers.monthly_churn</code>: 1 means 100 %"),
            std::string::npos)
      << rebuilt;

  // A run without warnings writes no "warnings" and its rebuilt report has no such section.
  write(dir.path() + "/fine.yaml",
        "horizon_months: 12\nroles: {account_executive: {annual_quota: 300_000}}\n"
        "hires: [{role: account_executive, month: 1}]\n");
  const std::string fine = dir.path() + "/fine-out";
  ASSERT_EQ(run_teamsim("run " + dir.path() + "/fine.yaml -n 5 -q --out " + fine).exit_code, 0);
  EXPECT_FALSE(nlohmann::json::parse(read_file(fine + "/summary.json")).contains("warnings"));
  ASSERT_EQ(run_teamsim("report -q " + fine).exit_code, 0);
  EXPECT_EQ(read_file(fine + "/report.html").find("id=\"warnings\""), std::string::npos);
}

TEST(ReportTest, ExpectationMistakesAreScenarioErrors) {
  TempDir dir;
  write(dir.path() + "/typo.yaml",
        scenario("typo", "expect:\n  - {metric: ar, month: 24, op: \">=\", value: 1}\n"));
  const CommandResult r = run_teamsim("validate " + dir.path() + "/typo.yaml");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("typo.yaml:9:14: expect[0].metric: unknown metric 'ar'; did you mean "
                       "'arr'?"),
            std::string::npos)
      << r.err;
}

TEST(ReportTest, BatchWritesATreeAnIndexJunitAndJson) {
  TempDir dir, out;
  write(dir.path() + "/b-pass.yaml",
        scenario("Plan B",
                 "expect:\n  - {metric: customers, month: last, op: \">=\", value: "
                 "0, name: has customers}\n"));
  write(dir.path() + "/a-fail.yaml",
        scenario("Plan A",
                 "expect:\n  - {metric: cash, month: 12, stat: p90, op: \"<\", value: "
                 "0}\n  - {metric: arr, month: 1, stat: mean, op: \">=\", value: 0}\n"));
  // Plan C starts without cash: below zero in the first month, in every run.
  write(dir.path() + "/nested/c-plain.yaml", scenario("Plan C", "money: {starting_cash: 0}\n"));
  write(dir.path() + "/notes.txt", "not a scenario");
  const CommandResult r =
      run_teamsim("batch " + dir.path() + " --out " + out.path() + " -n 30 --json");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  for (const char* folder : {"a-fail", "b-pass", "nested-c-plain"}) {
    SCOPED_TRACE(folder);
    const std::string base = out.path() + "/" + folder;
    for (const char* file : {"summary.csv", "summary.json", "report.html", "charts/arr.svg"}) {
      EXPECT_TRUE(fs::exists(base + "/" + file)) << file;
    }
  }
  const std::string index = read_file(out.path() + "/index.html");
  for (const char* link : {"href=\"a-fail/report.html\"", "href=\"b-pass/report.html\"",
                           "href=\"nested-c-plain/report.html\""}) {
    EXPECT_NE(index.find(link), std::string::npos) << link;
  }
  EXPECT_LT(index.find("a-fail/"), index.find("b-pass/"));
  const std::string junit = read_file(out.path() + "/junit.xml");
  EXPECT_EQ(app::testing::xml_problem(junit), "") << junit;
  EXPECT_NE(junit.find("tests=\"3\" failures=\"1\""), std::string::npos) << junit;
  EXPECT_NE(junit.find("name=\"has customers\""), std::string::npos);

  const auto json = nlohmann::json::parse(r.out);  // stdout holds only the JSON
  EXPECT_EQ(json["exit_code"], 4);
  EXPECT_EQ(json["expectations"], 3);
  EXPECT_EQ(json["expectations_failed"], 1);
  ASSERT_EQ(json["scenarios"].size(), 3u);
  EXPECT_EQ(json["scenarios"][0]["name"], "Plan A");
  EXPECT_EQ(json["scenarios"][0]["status"], "failed");
  EXPECT_EQ(json["scenarios"][0]["expectations"][0]["passed"], false);
  EXPECT_EQ(json["scenarios"][1]["status"], "passed");
  EXPECT_TRUE(json["scenarios"][2]["last_month"]["arr"].contains("p50"));
  EXPECT_EQ(json["scenarios"][2]["cash_negative_probability"], 1.0);
  EXPECT_EQ(json["scenarios"][2]["runway_end_month"], 1);
  EXPECT_TRUE(json["scenarios"][1]["cash_negative_probability"].is_number());
  EXPECT_TRUE(json["scenarios"][1].contains("runway_end_month"));
  EXPECT_NE(index.find("<td><strong>100.0%</strong><br><small>reaches 10% in month 1</small>"),
            std::string::npos)
      << index;
  // The table goes to stderr with --json, without colour codes when not on a terminal.
  EXPECT_NE(r.err.find("ARR p50"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("P(cash<0)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("100.0%"), std::string::npos) << r.err;

  // `teamsim report` of the batch's folder says which folder is a run's.
  const CommandResult report = run_teamsim("report " + out.path());
  EXPECT_EQ(report.exit_code, 2);
  EXPECT_NE(report.err.find("holds a `teamsim batch` (index.html, junit.xml): each scenario's "
                            "folder is a run's, so `teamsim report " +
                            out.path() + "/a-fail` remakes that one's report"),
            std::string::npos)
      << report.err;
  // Each column of the table is the last month's median: its header says so, customers too.
  EXPECT_NE(r.err.find("customers p50"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("\033["), std::string::npos);
}

TEST(ReportTest, BatchHistogramsApplyToEachScenarioAndSkipWhatOneLacks) {
  // Plan A: 24 months, territory emea. Plan B: 12 months, territory apac. "last" is each one's
  // last month; B has neither month 18 nor territory emea, so those two are skipped for B only.
  TempDir dir, out;
  write(dir.path() + "/a.yaml", scenario("Plan A", ""));
  write(dir.path() + "/b.yaml",
        "name: \"Plan B\"\nhorizon_months: 12\nseed: 5\n"
        "territories: {apac: {inbound_leads_per_month: 10}}\n"
        "hires:\n  - {role: account_executive, count: 1, month: 1}\n");
  const CommandResult r = run_teamsim("batch " + dir.path() + " --out " + out.path() +
                                      " -n 20 --json --histogram customers@last --histogram arr@18 "
                                      "--histogram territory.emea.leads@6");
  ASSERT_EQ(r.exit_code, 0) << r.err;  // a skipped histogram is not a failure
  const std::string a = out.path() + "/a/charts/", b = out.path() + "/b/charts/";
  for (const std::string& file :
       {a + "histogram.customers.m24.svg", a + "histogram.arr.m18.svg",
        a + "histogram.territory.emea.leads.m6.svg", b + "histogram.customers.m12.svg"}) {
    EXPECT_TRUE(fs::exists(file)) << file;
  }
  EXPECT_FALSE(fs::exists(b + "histogram.arr.m18.svg"));
  EXPECT_FALSE(fs::exists(b + "histogram.territory.emea.leads.m6.svg"));
  // In each report, and in summary.json after the key histogram (ARR at the last month).
  EXPECT_NE(read_file(out.path() + "/a/report.html").find("id=\"chart-histogram.arr.m18\""),
            std::string::npos);
  const auto b_json = nlohmann::json::parse(read_file(out.path() + "/b/summary.json"));
  ASSERT_EQ(b_json.at("histograms").size(), 2u);
  EXPECT_EQ(b_json.at("histograms")[1].at("metric"), "customers");
  EXPECT_EQ(b_json.at("histograms")[1].at("month"), 12);
  // Each skip said why, on stderr and in the JSON summary.
  EXPECT_NE(r.err.find("b.yaml: --histogram arr@18 skipped: month 18 is outside the horizon of "
                       "12 months"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("b.yaml: --histogram territory.emea.leads@6 skipped: this scenario has "
                       "no metric 'territory.emea.leads'\n"),
            std::string::npos)
      << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_TRUE(json["scenarios"][0]["histograms_skipped"].empty());
  ASSERT_EQ(json["scenarios"][1]["histograms_skipped"].size(), 2u);
  EXPECT_EQ(json["scenarios"][1]["histograms_skipped"][0]["histogram"], "arr@18");
}

TEST(ReportTest, BatchHistogramMistakesAreUsageErrorsBeforeAnythingRuns) {
  TempDir dir, out;
  write(dir.path() + "/a.yaml", scenario("Plan A", ""));
  const std::string base = "batch " + dir.path() + " --out " + out.path() + "/batch -n 5 ";
  // A metric no scenario has: a typo, refused with a suggestion.
  CommandResult r = run_teamsim(base + "--histogram ar@3");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--histogram ar@3: no scenario under " + dir.path() +
                       " has a metric 'ar'; did you mean 'arr'?"),
            std::string::npos)
      << r.err;
  // Not METRIC@MONTH at all.
  r = run_teamsim(base + "--histogram arr@soon");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'soon' is not a month"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out.path() + "/batch"));
}

TEST(ReportTest, BatchSaysAMissingFolderOrAFileInItsOwnWords) {
  // CLI11's "dir: Directory does not exist: ..." was the one message not in teamsim's form.
  TempDir dir, out;
  write(dir.path() + "/a.yaml", scenario("Plan A", ""));
  CommandResult r = run_teamsim("batch " + dir.path() + "/nowhere --out " + out.path() + "/b");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "teamsim batch: error: " + dir.path() +
                       "/nowhere: no such folder; give the folder that holds the scenarios "
                       "(*.yaml, *.yml)\n");
  r = run_teamsim("batch " + dir.path() + "/a.yaml --out " + out.path() + "/b");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "teamsim batch: error: " + dir.path() +
                       "/a.yaml is a file, not a folder: batch runs every scenario of a folder; "
                       "teamsim run " +
                       dir.path() + "/a.yaml runs this one\n");
  EXPECT_FALSE(fs::exists(out.path() + "/b"));
}

TEST(ReportTest, BatchRefusesTwoRunsThatWouldWriteIntoOneFolder) {
  // plan.fast.yaml and plan.yaml's variant fast both write OUT/plan.fast: the second run's
  // results replaced the first's, under both rows of the index, and junit.xml had two suites
  // named plan.fast. Refused before anything runs, as plan.yaml and plan.yml are.
  TempDir dir, out;
  write(dir.path() + "/plan.yaml",
        scenario("Plan", "variants:\n  fast: {seed: 1}\n  slow: {seed: 2}\n"));
  write(dir.path() + "/plan.fast.yaml", scenario("Plan fast", ""));
  CommandResult r = run_teamsim("batch " + dir.path() + " --out " + out.path() + "/b -n 20");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "teamsim batch: error: " + dir.path() + "/plan.fast.yaml and " + dir.path() +
                       "/plan.yaml --variant fast would write into the same folder " + out.path() +
                       "/b/plan.fast; rename one\n");
  EXPECT_FALSE(fs::exists(out.path() + "/b"));

  fs::remove(dir.path() + "/plan.fast.yaml");
  write(dir.path() + "/plan.yml", scenario("Plan Y", ""));
  r = run_teamsim("batch " + dir.path() + " --out " + out.path() + "/b -n 20");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "teamsim batch: error: " + dir.path() + "/plan.yaml and " + dir.path() +
                       "/plan.yml would write into the same folder " + out.path() +
                       "/b/plan; rename one\n");
  EXPECT_FALSE(fs::exists(out.path() + "/b"));
}

TEST(ReportTest, BatchWritesAVariantWithASlashInItsNameInOneFolderOfOut) {
  // A variant "eu/west" wrote OUT/plan.eu/west/, and one named "../../up" wrote its results
  // outside OUT, where the next batch never removed them.
  TempDir dir, out;
  write(dir.path() + "/plan.yaml",
        scenario("Plan", "variants:\n  eu/west: {seed: 1}\n  ../../up: {seed: 2}\n"));
  const CommandResult r =
      run_teamsim("batch " + dir.path() + " --out " + out.path() + "/b -n 20 --json -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out.path() + "/b/plan.eu-west/summary.json"));
  EXPECT_TRUE(fs::exists(out.path() + "/b/plan...-..-up/summary.json"));
  std::vector<std::string> beside_b;  // the batch wrote nothing beside its folder
  for (const auto& entry : fs::directory_iterator(out.path())) {
    beside_b.push_back(entry.path().filename().string());
  }
  EXPECT_EQ(beside_b, std::vector<std::string>{"b"});
  std::vector<std::string> in_b;  // and one folder per run directly in it
  for (const auto& entry : fs::directory_iterator(out.path() + "/b")) {
    if (entry.is_directory()) in_b.push_back(entry.path().filename().string());
  }
  std::sort(in_b.begin(), in_b.end());
  EXPECT_EQ(in_b, (std::vector<std::string>{"plan...-..-up", "plan.eu-west"}));
}

/// Every file under `dir` (by its path in `dir`) with its bytes.
std::map<std::string, std::string> files_under(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files[entry.path().lexically_relative(dir).string()] = read_file(entry.path().string());
    }
  }
  return files;
}

TEST(ReportTest, WithSourceDateEpochTheReportsAreTheSameBytesEachTime) {
  // docs/ci.md: only report.html and index.html carry timestamps, fixed by SOURCE_DATE_EPOCH. Each
  // report.html (batch, run, compare) still said its measured "Run time 0.03 s", so two runs of
  // one batch, or -t 1 beside -t 2, gave reports that differed.
  TempDir dir, one, two;
  write(dir.path() + "/a.yaml", scenario("Plan A", ""));
  write(dir.path() + "/b.yaml", scenario("Plan B", "variants:\n  x: {seed: 1}\n  y: {seed: 2}\n"));
  const std::string epoch = "SOURCE_DATE_EPOCH=1700000000";
  CommandResult r =
      run_teamsim("batch " + dir.path() + " --out " + one.path() + "/b -n 30 -t 1 -q", "", epoch);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_teamsim("batch " + dir.path() + " --out " + two.path() + "/b -n 30 -t 2 -q", "", epoch);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto first = files_under(one.path() + "/b");
  EXPECT_EQ(first.count("a/report.html"), 1u);
  EXPECT_EQ(first.count("b.y/report.html"), 1u);
  EXPECT_EQ(first, files_under(two.path() + "/b"));
  EXPECT_EQ(first.at("a/report.html").find("Run time"), std::string::npos);
  EXPECT_NE(first.at("a/report.html").find("2023-11-14 22:13:20 UTC"), std::string::npos);

  const std::string compare =
      "compare " + dir.path() + "/a.yaml " + dir.path() + "/b.yaml:x -n 30 -q --report --out ";
  r = run_teamsim(compare + one.path() + "/c -t 1", "", epoch);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_teamsim(compare + two.path() + "/c -t 2", "", epoch);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(one.path() + "/c/report.html"), read_file(two.path() + "/c/report.html"));
  EXPECT_EQ(read_file(one.path() + "/c/report.html").find("Run time"), std::string::npos);

  // Without it, a report says how long its run took, as before.
  r = run_teamsim("run " + dir.path() + "/a.yaml -n 30 -q --report --out " + one.path() + "/r");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read_file(one.path() + "/r/report.html").find("Run time</dt><dd>"), std::string::npos);
}

TEST(ReportTest, BatchPassesOverALinkLoopAndSaysAScenarioLinkToNothingCannotBeRead) {
  // A link to itself in the folder ended the batch before anything ran, 'teamsim batch: error:
  // filesystem error: status: Too many levels of symbolic links' (exit 1); a *.yaml link whose
  // target was gone was left out without a word, as if the plan had never been in the folder.
  TempDir dir, out;
  write(dir.path() + "/a.yaml", scenario("Plan A", ""));
  fs::create_directory_symlink("self", dir.path() + "/self");
  fs::create_directory_symlink("..", dir.path() + "/up");
  fs::create_symlink("nowhere.yaml", dir.path() + "/gone.yaml");
  const CommandResult r =
      run_teamsim("batch " + dir.path() + " --out " + out.path() + "/b -n 20 --json");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(dir.path() + "/gone.yaml: cannot read the file: No such file or directory"),
            std::string::npos)
      << r.err;
  const auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json["scenarios"].size(), 2u) << r.out;
  EXPECT_EQ(json["scenarios"][0]["file"], dir.path() + "/a.yaml");
  EXPECT_EQ(json["scenarios"][0]["status"], "passed");
  EXPECT_EQ(json["scenarios"][1]["file"], dir.path() + "/gone.yaml");
  EXPECT_EQ(json["scenarios"][1]["status"], "error");
  const std::string junit = read_file(out.path() + "/b/junit.xml");
  EXPECT_NE(junit.find(
                "<testsuites name=\"teamsim\" tests=\"1\" failures=\"0\" errors=\"1\" time=\"0\">"),
            std::string::npos)
      << junit;
}

TEST(ReportTest, BatchSaysAFolderNameTooLongForTheFileSystemAndRunsTheOthers) {
  // A 240-byte file name with a variant of 26 letters wants a 267-byte folder, longer than the
  // 255 bytes a name may have: the run went through, then 'cannot create folder ...' ended the
  // batch (exit 1) with neither index.html nor junit.xml, the other variant never run.
  TempDir dir, out;
  const std::string stem(240, 'x');
  write(dir.path() + "/" + stem + ".yaml",
        scenario("Long", "variants:\n  a_rather_long_variant_name: {seed: 1}\n  b: {seed: 2}\n"));
  const CommandResult r = run_teamsim("batch " + dir.path() + " --out " + out.path() + " -n 20");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("cannot run " + dir.path() + "/" + stem +
                       ".yaml --variant a_rather_long_variant_name\n  because: its folder's name "
                       "in " +
                       out.path() +
                       " would be 267 bytes, more than the 255 a file system allows; shorten the "
                       "file's name or the variant's\n"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(fs::exists(out.path() + "/" + stem + ".b/summary.json"));
  const std::string junit = read_file(out.path() + "/junit.xml");
  EXPECT_NE(junit.find("errors=\"1\""), std::string::npos) << junit;
}

TEST(ReportTest, BatchPassesOverHiddenFilesAndFolders) {
  // teamsim batch . in a repository ran its .gitlab-ci.yml and .github/workflows/ci.yml as
  // scenarios: two ERROR rows ("unknown key 'stages'") and exit 3 for a folder of good plans.
  TempDir dir, out;
  write(dir.path() + "/plans/a.yaml", scenario("Plan A", ""));
  write(dir.path() + "/.gitlab-ci.yml", "stages: [test]\n");
  write(dir.path() + "/.github/workflows/ci.yml", "on: push\n");
  write(dir.path() + "/plans/.draft.yaml", scenario("Draft", ""));
  const CommandResult r =
      run_teamsim("batch " + dir.path() + " --out " + out.path() + "/b -n 20 --json -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json["scenarios"].size(), 1u) << r.out;
  EXPECT_EQ(json["scenarios"][0]["file"], dir.path() + "/plans/a.yaml");
  // A hidden folder given as DIR is searched: only what is under it is passed over.
  const CommandResult hidden =
      run_teamsim("batch " + dir.path() + "/.github --out " + out.path() + "/h -n 20 --json -q");
  EXPECT_EQ(hidden.exit_code, 3) << hidden.err;
}

TEST(ReportTest, AFailedAssertionIsSaidWhereItIsWrittenInTheFileTheScenarioExtends) {
  // An assertion of base.yaml, line 5, failed as "FAIL plans/a.yaml:5:5: ..." on stderr, in
  // junit.xml (file="plans/a.yaml" line="5") and --json: a.yaml's line 5 is its hires.
  TempDir dir, out;
  write(dir.path() + "/base.yaml",
        "horizon_months: 12\n"
        "replications: 20\n"
        "territories: {na: {inbound_leads_per_month: 10}}\n"
        "expect:\n"
        "  - {metric: arr, month: last, op: \">=\", value: 100_000_000, name: unicorn}\n");
  write(dir.path() + "/plans/a.yaml",
        "extends: ../base.yaml\nname: A\n\n\nhires: [{role: account_executive, month: 1}]\n");
  const std::string base = dir.path() + "/base.yaml";
  CommandResult r = run_teamsim("batch " + dir.path() + "/plans --out " + out.path() + "/b --json");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("\nFAIL " + base + ":5:5: p50(arr) at month 12 = "), std::string::npos)
      << r.err;
  const std::string junit = read_file(out.path() + "/b/junit.xml");
  EXPECT_NE(junit.find("name=\"unicorn\" file=\"" + base + "\" line=\"5\" time=\"0\">"),
            std::string::npos)
      << junit;
  EXPECT_NE(junit.find("type=\"expectation\">" + base + ":5:5: "), std::string::npos) << junit;
  const auto json = nlohmann::json::parse(r.out);
  const auto& check = json["scenarios"][0]["expectations"][0];
  EXPECT_EQ(check["file"], base);
  EXPECT_EQ(check["line"], 5);
  EXPECT_EQ(check["column"], 5);

  r = run_teamsim("run " + dir.path() + "/plans/a.yaml --out " + out.path() + "/r");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("FAIL " + base + ":5:5: p50(arr) at month 12 = "), std::string::npos)
      << r.err;
  EXPECT_NE(
      read_file(out.path() + "/r/junit.xml").find("file=\"" + base + "\" line=\"5\" time=\"0\">"),
      std::string::npos);
}

TEST(ReportTest, BatchWithQuietStillSaysEachFailedAssertionUnderItsScenario) {
  // With -q, batch said no FAIL line, yet its closing line said "1 of 3 expectations failed (in
  // ...); each is said above": a CI log held no word of which assertion failed or by how much.
  TempDir dir, out;
  write(dir.path() + "/p.yaml",
        scenario("P",
                 "expect:\n"
                 "  - {metric: arr, month: last, op: \">=\", value: 1}\n"
                 "  - {metric: arr, month: last, op: \">=\", value: 100_000_000}\n"
                 "variants:\n"
                 "  a: {seed: 1}\n"
                 "  b: {expect: [{metric: arr, month: last, op: \">=\", value: 1}]}\n"));
  const CommandResult r =
      run_teamsim("batch " + dir.path() + " --out " + out.path() + " -n 20 -q --json");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find(dir.path() + "/p.yaml --variant a: 1 of 2 expectations failed\nFAIL " +
                       dir.path() + "/p.yaml:10:5: p50(arr) at month 24 = "),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("PASS"), std::string::npos) << r.err;  // quiet: only what failed
  EXPECT_EQ(r.err.find("--variant b:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 of 3 expectations failed (in " + dir.path() + "/p.yaml --variant a)"),
            std::string::npos)
      << r.err;
}

TEST(ReportTest, BatchPassesAndReportsInvalidScenarios) {
  TempDir dir, out;
  write(dir.path() + "/ok.yaml", scenario("ok", ""));
  {
    const CommandResult r = run_teamsim("batch " + dir.path() + " --out " + out.path() + " -n 20");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("ok"), std::string::npos);
  }
  write(dir.path() + "/zz-broken.yaml", "horizon_months: soon\n");
  const CommandResult r = run_teamsim("batch " + dir.path() + " --out " + out.path() + " -n 20");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("zz-broken.yaml:1:17: horizon_months"), std::string::npos) << r.err;
  EXPECT_NE(read_file(out.path() + "/index.html").find("ERROR"), std::string::npos);
  EXPECT_NE(read_file(out.path() + "/junit.xml").find("<error"), std::string::npos);
}

TEST(ReportTest, BatchClosesWithWhatFailedHowManyAndWhereToLook) {
  // The closing line said "1 of 3 scenarios could not run" then, as its "because", the last
  // failure again, and nothing of the failed assertion in another scenario.
  TempDir dir, out;
  write(dir.path() + "/a-broken.yaml", "horizon_months: soon\n");
  write(
      dir.path() + "/b-fail.yaml",
      scenario("fail",
               "expect:\n  - {metric: arr, month: 24, stat: p50, op: \">\", value: "
               "1_000_000_000}\n  - {metric: arr, month: 24, stat: p50, op: \">=\", value: 0}\n"));
  write(dir.path() + "/c-ok.yaml", scenario("ok", ""));
  CommandResult r = run_teamsim("batch " + dir.path() + " --out " + out.path() + " -n 20");
  EXPECT_EQ(r.exit_code, 3) << r.err;  // could not run outranks a failed assertion
  const std::string look = "; each is said above, and in " + out.path() + "/index.html and " +
                           out.path() + "/junit.xml\n";
  EXPECT_TRUE(r.err.ends_with("teamsim batch: error: 1 of 3 scenarios could not run (" +
                              dir.path() + "/a-broken.yaml); 1 of 2 expectations failed (in " +
                              dir.path() + "/b-fail.yaml)" + look))
      << r.err;
  // Each failure is still said where it happens, with its reason.
  EXPECT_NE(r.err.find("teamsim batch: error: cannot run " + dir.path() +
                       "/a-broken.yaml\n  because: invalid scenario (1 problem; run teamsim "
                       "validate " +
                       dir.path() + "/a-broken.yaml)\n"),
            std::string::npos)
      << r.err;
  fs::remove(dir.path() + "/a-broken.yaml");
  r = run_teamsim("batch " + dir.path() + " --out " + out.path() + " -n 20");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_TRUE(r.err.ends_with("teamsim batch: error: 1 of 2 expectations failed (in " + dir.path() +
                              "/b-fail.yaml)" + look))
      << r.err;
}

TEST(ReportTest, BatchRunsYmlFilesToo) {
  TempDir dir, out;
  write(dir.path() + "/plan.yml", scenario("Plan Y", ""));
  const CommandResult r =
      run_teamsim("batch " + dir.path() + " --out " + out.path() + " -n 20 --json -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json["scenarios"].size(), 1u);
  EXPECT_EQ(json["scenarios"][0]["name"], "Plan Y");
  EXPECT_TRUE(fs::exists(out.path() + "/plan/summary.json"));
}

TEST(ReportTest, BatchRunsAFilesVariantsNotTheBaseTheyShare) {
  TempDir dir, out;
  // The base has no team: the variants are the plans.
  write(dir.path() + "/order.yaml",
        "name: Order\nhorizon_months: 12\nreplications: 20\nseed: 3\n"
        "territories: {emea: {inbound_leads_per_month: 10}}\n"
        "variants:\n"
        "  early: {hires: [{role: account_executive, count: 2, month: 1}]}\n"
        "  late: {hires: [{role: account_executive, count: 2, month: 6}]}\n");
  const CommandResult r =
      run_teamsim("batch " + dir.path() + " --out " + out.path() + " --json -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json["scenarios"].size(), 2u) << r.out;
  EXPECT_FALSE(fs::exists(out.path() + "/order"));
  EXPECT_TRUE(fs::exists(out.path() + "/order.early/summary.json"));
  EXPECT_TRUE(fs::exists(out.path() + "/order.late/summary.json"));
  EXPECT_EQ(read_file(out.path() + "/index.html").find("href=\"order/report.html\""),
            std::string::npos);
}

TEST(ReportTest, BatchPrintsABasesProblemOnceAndPutsItInJunit) {
  TempDir dir, out;
  write(dir.path() + "/broken.yaml",
        "horizon_months: soon\nvariants:\n  a: {seed: 1}\n  b: {seed: 2}\n  c: {seed: 3}\n");
  const CommandResult r = run_teamsim("batch " + dir.path() + " --out " + out.path() + " -n 20");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const std::string problem = "broken.yaml:1:17: horizon_months";
  const std::size_t first = r.err.find(problem);
  ASSERT_NE(first, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(problem, first + 1), std::string::npos) << r.err;
  const std::string junit = read_file(out.path() + "/junit.xml");
  EXPECT_EQ(app::testing::xml_problem(junit), "") << junit;
  std::size_t cases = 0;
  for (std::size_t at = junit.find(problem); at != std::string::npos;
       at = junit.find(problem, at + 1)) {
    ++cases;
  }
  EXPECT_EQ(cases, 3u) << junit;  // in each variant's <error>
  // The last line names every scenario that could not run, not only the last one.
  EXPECT_NE(r.err.find("teamsim batch: error: 3 of 3 scenarios could not run (" + dir.path() +
                       "/broken.yaml --variant a, " + dir.path() + "/broken.yaml --variant b, " +
                       dir.path() + "/broken.yaml --variant c); each is said above, and in " +
                       out.path() + "/index.html and " + out.path() + "/junit.xml\n"),
            std::string::npos)
      << r.err;
}

// A batch folder with plausibility warnings: churn.yaml's `monthly_churn: 1` (100 %), at its line
// 2, column 28, for both variants, and variant b's four searches at once on the founder's one
// slot; fine.yaml has none (a quota one rep on 20 leads can reach).
void write_warning_folder(const std::string& dir) {
  write(dir + "/churn.yaml",
        "horizon_months: 12\n"
        "customers: {monthly_churn: 1}\n"
        "hires: [{role: account_executive, month: 1}]\n"
        "variants:\n"
        "  a: {}\n"
        "  b: {hires: [{role: account_executive, count: 4, month: 1}]}\n");
  write(dir + "/fine.yaml",
        "horizon_months: 12\n"
        "roles: {account_executive: {annual_quota: 300_000}}\n"
        "hires: [{role: account_executive, month: 1}]\n");
}

TEST(ReportTest, BatchSaysPlausibilityWarningsAndWithStrictRefusesThem) {
  // batch said no plausibility warning at all: `monthly_churn: 1` (100 %) ran into every report
  // with ARR 0, and a CI pipeline had no --strict to stop it as run and validate have.
  TempDir dir, out;
  write_warning_folder(dir.path());
  const std::string churn = "churn.yaml:2:28: warning: customers.monthly_churn: 1 means 100 %";
  CommandResult r = run_teamsim("batch " + dir.path() + " --out " + out.path() + " -n 5");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::size_t at = r.err.find(churn);
  ASSERT_NE(at, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(churn, at + 1), std::string::npos) << r.err;  // the file's, said once
  // Four searches at once on the founder's one slot: b's alone, and said as b's.
  EXPECT_NE(r.err.find("or spread the hires (in b)\n"), std::string::npos) << r.err;
  EXPECT_LT(at, r.err.find("churn.yaml --variant a: 5 replications")) << r.err;  // before runs

  r = run_teamsim("batch " + dir.path() + " --out " + out.path() + " -n 5 --strict");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  at = r.err.find(churn);
  ASSERT_NE(at, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(churn, at + 1), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("cannot run " + dir.path() +
                       "/churn.yaml --variant a\n  because: 1 plausibility warning, an error "
                       "with --strict\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("2 of 3 scenarios could not run"), std::string::npos) << r.err;
  EXPECT_TRUE(std::filesystem::exists(out.path() + "/fine/summary.csv"));  // the others run
  EXPECT_FALSE(std::filesystem::exists(out.path() + "/churn.a"));
  const std::string junit = read_file(out.path() + "/junit.xml");
  EXPECT_EQ(app::testing::xml_problem(junit), "") << junit;
  EXPECT_NE(junit.find("<error message=\"1 plausibility warning, an error with --strict\""),
            std::string::npos)
      << junit;
  EXPECT_NE(junit.find(churn), std::string::npos) << junit;  // the warning, as a problem is
}

TEST(ReportTest, BatchSaysABasesWarningOnceNamingTheScenariosThatExtendIt) {
  // A warning written in a base file was said once per file that extends it, the same line each
  // time, without a word of which scenarios it was about.
  TempDir dir, out;
  write(dir.path() + "/base.yaml",
        "horizon_months: 12\n"
        "customers: {monthly_churn: 1}\n"
        "hires: [{role: account_executive, month: 1}]\n");
  write(dir.path() + "/plans/a.yaml", "extends: ../base.yaml\nname: A\n");
  write(dir.path() + "/plans/b.yaml", "extends: ../base.yaml\nname: B\n");
  write(dir.path() + "/plans/c.yaml",
        "extends: ../base.yaml\nname: C\ncustomers: {monthly_churn: 1%}\n");
  write(dir.path() + "/plans/d.yaml",
        "extends: ../base.yaml\nname: D\n"
        "variants:\n  x: {customers: {monthly_churn: 1%}}\n  y: {}\n");
  const std::string plans = dir.path() + "/plans";
  const CommandResult r = run_teamsim("batch " + plans + " --out " + out.path() + " -n 5");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string churn = "base.yaml:2:28: warning: customers.monthly_churn: 1 means 100 %";
  const std::size_t at = r.err.find(churn);
  ASSERT_NE(at, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(churn, at + 1), std::string::npos) << r.err;
  const std::string line = r.err.substr(at, r.err.find('\n', at) - at);
  EXPECT_TRUE(line.ends_with(" (in " + plans + "/a.yaml, " + plans + "/b.yaml, " + plans +
                             "/d.yaml --variant y)"))
      << line;
}

TEST(ReportTest, BatchJsonListsEachScenariosPlausibilityWarnings) {
  // --json left the warnings out: a CI step reading the JSON saw `monthly_churn: 1` (100 %) run
  // as "passed", the warning only on stderr. Each scenario now lists its own, where written.
  TempDir dir, out;
  write_warning_folder(dir.path());
  CommandResult r = run_teamsim("batch " + dir.path() + " --out " + out.path() + " -n 5 --json -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json["scenarios"].size(), 3u) << r.out;
  const nlohmann::json a = json["scenarios"][0]["warnings"];
  ASSERT_EQ(a.size(), 1u) << r.out;
  EXPECT_EQ(a[0]["file"], dir.path() + "/churn.yaml");
  EXPECT_EQ(a[0]["line"], 2);
  EXPECT_EQ(a[0]["column"], 28);
  EXPECT_EQ(a[0]["key"], "customers.monthly_churn");
  EXPECT_EQ(a[0]["message"].get<std::string>().rfind("1 means 100 %: every customer leaves", 0), 0u)
      << a[0]["message"];
  EXPECT_EQ(json["scenarios"][0]["status"], "passed");  // a warning does not fail the run
  // b's five sellers on 20 leads: its quota, the churn and its four searches on one slot.
  const nlohmann::json b = json["scenarios"][1]["warnings"];
  ASSERT_EQ(b.size(), 3u) << r.out;
  EXPECT_EQ(b[0]["key"], "roles.account_executive.annual_quota");
  EXPECT_EQ(b[1]["key"], "customers.monthly_churn");
  EXPECT_EQ(b[2]["key"], "hires[0]");
  EXPECT_EQ(b[2]["line"], 6);
  EXPECT_EQ(json["scenarios"][2]["warnings"], nlohmann::json::array());
  // The fields that were there before are unchanged.
  EXPECT_EQ(json["scenarios"][2]["status"], "passed");
  EXPECT_TRUE(json["scenarios"][2]["histograms_skipped"].is_array());

  // With --strict a scenario the warnings stop says them beside its error.
  r = run_teamsim("batch " + dir.path() + " --out " + out.path() + " -n 5 --json -q --strict");
  ASSERT_EQ(r.exit_code, 3) << r.err;
  json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json["scenarios"][0]["status"], "error");
  EXPECT_EQ(json["scenarios"][0]["error"], "1 plausibility warning, an error with --strict");
  ASSERT_EQ(json["scenarios"][0]["warnings"].size(), 1u) << r.out;
  EXPECT_EQ(json["scenarios"][0]["warnings"][0]["key"], "customers.monthly_churn");
}

}  // namespace
}  // namespace teamsim::e2e
