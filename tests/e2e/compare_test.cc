#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "app/common/utf8.h"
#include "run_binary.h"

namespace teamsim::e2e {
namespace {

const std::string kScenario =
    std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/compare-manager-first.yaml";

TEST(CompareCli, VariantsOfOneFileWriteTheTableAndBothFiles) {
  TempDir out;
  const CommandResult r =
      run_teamsim("compare '" + kScenario +
                  "' --variants manager_first,reps_first -n 60 -t 2 -q --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("A = manager_first"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("P(A>B)"), std::string::npos) << r.out;
  // Cash risk: the trough and the probability of running out, as a difference in points.
  EXPECT_NE(r.out.find("Lowest cash so far"), std::string::npos) << r.out;
  const std::size_t risk = r.out.find("P(cash < 0) by then");
  ASSERT_NE(risk, std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" pp (", risk), std::string::npos) << r.out;
  const std::string csv = read_file(out.path() + "/compare.csv");
  EXPECT_EQ(csv.rfind("row_kind,plan_a,plan_b,metric,unit,month,mean,se,", 0), 0u);
  const auto json = nlohmann::json::parse(read_file(out.path() + "/compare.json"));
  EXPECT_EQ(json["common_random_numbers"], true);
  EXPECT_EQ(json["plans"].size(), 2u);
  EXPECT_EQ(json["replications"], 60);
}

TEST(CompareCli, VariantsMayBeListedWithSpacesAfterTheirCommas) {
  // --variants 'manager_first, reps_first' said "unknown variant ' reps_first'; did you mean
  // 'reps_first'?".
  TempDir out;
  const CommandResult r =
      run_teamsim("compare '" + kScenario +
                  "' --variants 'manager_first, reps_first' -n 10 -q --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("B = reps_first"), std::string::npos) << r.out;
}

TEST(CompareCli, AWarningOfSomeVariantsNamesThem) {
  // reps_first's third AE waits for the founder's one search slot (a warning at that hire);
  // manager_first's hires do not. Two files' warnings are named by their file:line alone.
  TempDir out;
  CommandResult r =
      run_teamsim("compare '" + kScenario + "' --variants manager_first,reps_first -n 5 -q --out " +
                  out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("or spread the hires (in reps_first)\n"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("(in manager_first"), std::string::npos) << r.err;
  const std::string scenarios = std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/";
  r = run_teamsim("compare '" + scenarios + "manager-first.yaml' '" + scenarios +
                  "reps-first.yaml' -n 5 -q --out " + out.path() + "/files");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("reps-first.yaml:29:5: warning: hires[1]"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("(in "), std::string::npos) << r.err;
}

TEST(CompareCli, TheReportListsAPlansWarningsUnderItsName) {
  // report.html never mentioned reps_first's warning, which stderr gave: its numbers read as if
  // it ran as meant. Now the page says so under its title and lists it under the plan's name.
  TempDir out;
  const CommandResult r =
      run_teamsim("compare '" + kScenario +
                  "' --variants manager_first,reps_first -n 5 -q --report --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out.path() + "/report.html");
  EXPECT_NE(html.find("plausibility warning</a> Plan B = reps_first ran as written"),
            std::string::npos)
      << html;
  const std::size_t listed = html.find("<li><strong>B = reps_first</strong><ul><li><code>");
  ASSERT_NE(listed, std::string::npos) << html;
  EXPECT_NE(html.find("or spread the hires</li>", listed), std::string::npos) << html;
  EXPECT_EQ(html.find("<strong>A = manager_first</strong><ul>"), std::string::npos) << html;
}

TEST(SweepCli, TheReportListsTheWarningsAndThePointsThatGaveThem) {
  // report.html never mentioned a warning that stderr gave.
  TempDir out;
  const CommandResult r = run_teamsim(
      "sweep scenarios/default.yaml --vary pipeline.win_rate=0.15,0.35 -n 3 -q --report --out " +
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out.path() + "/report.html");
  EXPECT_NE(html.find("plausibility warning</a> The swept scenario ran as written"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<section id=\"warnings\">"), std::string::npos) << html;
  EXPECT_NE(html.find("max_open_opportunities (at sweep point pipeline.win_rate=0.15)</li>"),
            std::string::npos)
      << html;
}

TEST(CompareCli, EveryShippedPairSaysWhatTellsItsPlansApart) {
  // manager-first.yaml and reps-first.yaml differ only in the order of their month-1 hires,
  // which decides whose search the founder's one slot runs first: compare must say so, not that
  // the plans share every assumption.
  // Each run writes into a folder of its own: without --out, compare writes ./out of the source
  // tree, which tests running side by side would race for.
  const std::string scenarios = std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/";
  TempDir out;
  CommandResult r = run_teamsim("compare '" + scenarios + "manager-first.yaml' '" + scenarios +
                                "reps-first.yaml' -n 5 -q --out " + out.path() + "/pair");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  Dated hires\n"
                       "    A: 1 manager: month 1; 6 AEs: month 1\n"
                       "    B: 6 AEs: month 1; 1 manager: month 1\n"),
            std::string::npos)
      << r.out;
  // A file against itself, with only the run's keys changed, shares everything.
  r = run_teamsim("compare '" + scenarios + "default.yaml' '" + scenarios +
                  "default.yaml' -n 5 -q --set seed=3 --set name=other --out " + out.path() +
                  "/itself");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("The 2 plans share every assumption.\n"), std::string::npos) << r.out;
}

TEST(CompareCli, ATerritoryOfOnePlanOnlyIsOneRowNotOneRowPerKey) {
  // default.yaml sells in north_america and europe (accounts unlimited), territory-imbalance.yaml
  // in metro and rural (accounts finite, so shown by the Addressable accounts row; both plans'
  // lead flows by the Inbound leads row): each territory is one row of the rest of its keys.
  const std::string scenarios = std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/";
  TempDir out;
  const CommandResult r = run_teamsim("compare '" + scenarios + "default.yaml' '" + scenarios +
                                      "territory-imbalance.yaml' -n 3 -q --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  Territory north_america\n"
                       "    A: 4 settings: addressable accounts, cool-off, win-rate factor "
                       "and deal-size factor\n"
                       "    B: —\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  Territory metro\n"
                       "    A: —\n"
                       "    B: 3 settings: cool-off, win-rate factor and deal-size factor\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("Cool-off ("), std::string::npos) << r.out;
}

TEST(CompareCli, TheSalesValueScenariosCompareTheirVariants) {
  // The variants of the segment, billing and performance-management scenarios run (the
  // shipped-scenario test runs their bases) and report what they are about.
  const struct {
    const char* file;
    const char* variants;
    const char* metric;
  } cases[] = {
      {"segment-mix.yaml", "mid_market,up_market", ",segment.mid_market.arr,"},
      {"annual-upfront-billing.yaml", "billed_monthly,billed_upfront", ",deferred_revenue,"},
      {"performance-management.yaml", "manage_out,keep_everyone", ",performance_exits,"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    TempDir out;
    const CommandResult r =
        run_teamsim("compare '" + std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/" + c.file +
                    "' --variants " + c.variants + " -n " +
                    std::to_string(replications_for_build(20)) + " -t 2 -q --out " + out.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(read_file(out.path() + "/compare.csv").find(c.metric), std::string::npos);
  }
}

TEST(CompareCli, ReportOverlaysThePlansAndChartsTheirDifferences) {
  TempDir out;
  const CommandResult r = run_teamsim("compare '" + kScenario +
                                      "' --variants manager_first,reps_first -n 40 -t 2 -q "
                                      "--report --out " +
                                      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out.path() + "/report.html");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  for (const char* chart :
       {"compare.arr", "difference.arr", "compare.new_bookings", "compare.headcount_total",
        "compare.cash", "difference.cash", "p_greater"}) {
    SCOPED_TRACE(chart);
    const std::string svg = read_file(out.path() + "/charts/" + chart + ".svg");
    EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
    EXPECT_NE(html.find(std::string("id=\"chart-") + chart + "\""), std::string::npos);
  }
  EXPECT_NE(html.find("Seed-stage hiring order"), std::string::npos);
  EXPECT_NE(html.find("manager_first vs reps_first"), std::string::npos);
  // The report leaves compare.csv alone: the same bytes as without it.
  TempDir plain;
  ASSERT_EQ(run_teamsim("compare '" + kScenario +
                        "' --variants manager_first,reps_first -n 40 -t 1 -q --out " + plain.path())
                .exit_code,
            0);
  EXPECT_EQ(read_file(plain.path() + "/compare.csv"), read_file(out.path() + "/compare.csv"));
}

TEST(CompareCli, APlanAgainstItselfAndUsageErrors) {
  TempDir out;
  const std::string plan = "'" + kScenario + ":reps_first'";
  CommandResult r =
      run_teamsim("compare " + plan + " " + plan + " -n 30 -t 2 -q --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(read_file(out.path() + "/compare.json"));
  for (const auto& metric : json["metrics"]) {
    // A month where a ratio is undefined in every history (no deal closed yet) has no
    // difference at all: null, with a defined count of 0.
    const auto& difference = metric["differences"][0];
    for (std::size_t m = 0; m < difference["mean"].size(); ++m) {
      if (difference["mean"][m].is_null()) {
        EXPECT_EQ(difference["defined"][m], 0) << metric["name"];
      } else {
        EXPECT_EQ(difference["mean"][m], 0.0) << metric["name"];
      }
    }
  }
  r = run_teamsim("compare " + plan + " -q --out " + out.path());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  r = run_teamsim("compare '" + kScenario + "' --variants manager_frist,reps_first -q --out " +
                  out.path());
  EXPECT_EQ(r.exit_code, 2);  // the command line's mistake, not the scenario's
  EXPECT_NE(r.err.find("teamsim compare: error: " + kScenario +
                       " has no variant 'manager_frist'; did you mean 'manager_first'?\n"
                       "teamsim compare: error: 1 of 2 plans could not be loaded\n"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace teamsim::e2e

namespace teamsim::e2e {
namespace {

/// Sets an environment variable for the tests' child processes while in scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) { setenv(name, value, 1); }
  ~ScopedEnv() { unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
};

std::size_t widest_line(const std::string& text) {
  std::size_t widest = 0, width = 0;
  for (const char ch : text) {
    if (ch == '\n') {
      widest = std::max(widest, width);
      width = 0;
    } else {
      width += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;  // code points
    }
  }
  return std::max(widest, width);
}

TEST(CompareCli, VariantsThatSetANameAreCalledByIt) {
  TempDir dir, out;
  std::ofstream(dir.path() + "/plans.yaml")
      << "name: Order\nhorizon_months: 12\nseed: 3\n"
         "territories: {emea: {inbound_leads_per_month: 10}}\n"
         "variants:\n"
         "  early: {name: Hire two AEs in month 1, hires: [{role: account_executive, count: 2, "
         "month: 1}]}\n"
         "  late: {hires: [{role: account_executive, count: 2, month: 6}]}\n";
  const CommandResult r =
      run_teamsim("compare " + dir.path() +
                  "/plans.yaml --variants early,late -n 20 --report --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("A = Hire two AEs in month 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("B = late"), std::string::npos) << r.out;
  const std::string chart = read_file(out.path() + "/charts/compare.arr.svg");
  EXPECT_NE(chart.find(">Hire two AEs in month 1</text>"), std::string::npos) << chart;
  EXPECT_EQ(chart.find(">early</text>"), std::string::npos);
}

TEST(CompareCli, TablesFitColumnsAndKeepEveryColumn) {
  TempDir out;
  const std::string plans =
      "scenarios/manager-first.yaml scenarios/reps-first.yaml "
      "scenarios/default.yaml scenarios/small-business.yaml";
  {
    ScopedEnv columns("COLUMNS", "80");
    const CommandResult r = run_teamsim("compare " + plans + " -n 20 -q --out " + out.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The table, from its header to the note under it (the plans' names above may be longer).
    const std::string table = r.out.substr(r.out.find("\nmetric "));
    EXPECT_LE(widest_line(table), 80u) << r.out;
    for (const char* column : {"D p50", "P(A>B)", "P(A=B)", "P(A>D)", "P(A=D)", "A-C p10..p90"}) {
      EXPECT_NE(r.out.find(column), std::string::npos) << column << "\n" << r.out;
    }
    const CommandResult run =
        run_teamsim("run scenarios/default.yaml -n 20 -q --out " + out.path() + "/run");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string run_table = run.out.substr(run.out.find("\n\n"));  // after the heading
    EXPECT_LE(widest_line(run_table), 80u) << run.out;
    for (const char* month : {"month 12", "month 24", "month 36"}) {
      EXPECT_NE(run.out.find(month), std::string::npos) << month;
    }
  }
  // Without COLUMNS and with stdout not a terminal, rows stay whole for scripts.
  const CommandResult wide =
      run_teamsim("run scenarios/default.yaml -n 20 -q --out " + out.path() + "/wide");
  ASSERT_EQ(wide.exit_code, 0) << wide.err;
  EXPECT_GT(widest_line(wide.out), 100u);
}

TEST(SweepCli, AGridOfTwoParametersGivesOneColumnEach) {
  TempDir out;
  const CommandResult r = run_teamsim(
      "sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
      "/scenarios/compare-manager-first.yaml' --variant reps_first --vary "
      "pipeline.win_rate=0.15:0.25:0.05 --vary 'hires[2].month=3,9' -n 20 -t 2 -q --out " +
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = read_file(out.path() + "/sweep.csv");
  EXPECT_EQ(csv.rfind("pipeline.win_rate,hires[2].month,month,metric,unit,mean,se,", 0), 0u);
  EXPECT_NE(csv.find("\n0.25,9,24,arr,currency,"), std::string::npos);
  const auto json = nlohmann::json::parse(read_file(out.path() + "/sweep.json"));
  EXPECT_EQ(json["points"].size(), 6u);
  const CommandResult bad = run_teamsim("sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
                                        "/scenarios/compare-manager-first.yaml' --vary "
                                        "pipeline.win_rat=0.1,0.2 -q --out " +
                                        out.path());
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(bad.err.find("did you mean 'win_rate'?"), std::string::npos) << bad.err;
}

TEST(SweepCli, EveryInvalidValueIsSaidAtOnceWithItsPoint) {
  // 1.5 and -1 are both out of range: both are said, and the last line names the two points of
  // the three; nothing is written.
  TempDir out;
  const CommandResult r = run_teamsim("sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
                                      "/scenarios/default.yaml' --vary "
                                      "'pipeline.win_rate=0.2,1.5,-1' -n 5 -q --out " +
                                      out.path() + "/sweep");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("pipeline.win_rate: must be between 0 and 1, got 1.5\n"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("pipeline.win_rate: must be between 0 and 1, got -1\n"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("invalid scenario at 2 of 3 sweep points: pipeline.win_rate=1.5; "
                       "pipeline.win_rate=-1\n"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(out.path() + "/sweep"));
  // A mistake every point shares is said once.
  const CommandResult every = run_teamsim("sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
                                          "/scenarios/default.yaml' --vary "
                                          "'pipeline.win_rat=0.2,0.3' -n 5 -q --out " +
                                          out.path() + "/sweep");
  EXPECT_EQ(every.exit_code, 3);
  const std::string unknown = "unknown key 'win_rat'";
  const std::size_t first = every.err.find(unknown);
  ASSERT_NE(first, std::string::npos) << every.err;
  EXPECT_EQ(every.err.find(unknown, first + 1), std::string::npos) << every.err;
  EXPECT_NE(every.err.find("invalid scenario at every sweep point (2)"), std::string::npos)
      << every.err;
}

TEST(SweepCli, TheFilesAndTableSayWhichVariantAndSetWereSwept) {
  TempDir out;
  const CommandResult r =
      run_teamsim("sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
                  "/scenarios/compare-manager-first.yaml' --variant reps_first --set "
                  "money.starting_cash=2000000 --vary pipeline.win_rate=0.15,0.25 -n 5 -q --out " +
                  out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("Seed-stage hiring order [reps_first] — 2 points, 5 replications each", 0),
            0u)
      << r.out;
  const auto json = nlohmann::json::parse(read_file(out.path() + "/sweep.json"));
  EXPECT_EQ(json["name"], "Seed-stage hiring order [reps_first]");
  EXPECT_EQ(json["variant"], "reps_first");
  ASSERT_EQ(json["set"].size(), 1u);
  EXPECT_EQ(json["set"][0], "money.starting_cash=2000000");

  const CommandResult base = run_teamsim(
      "sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
      "/scenarios/default.yaml' --vary pipeline.win_rate=0.2 -n 5 -q --out " + out.path());
  ASSERT_EQ(base.exit_code, 0) << base.err;
  // One point is one point.
  EXPECT_EQ(base.out.rfind("Seed-stage SaaS: manager first, three AEs in year one — 1 point, 5 "
                           "replications each",
                           0),
            0u)
      << base.out;
  const auto base_json = nlohmann::json::parse(read_file(out.path() + "/sweep.json"));
  EXPECT_TRUE(base_json["variant"].is_null());
  EXPECT_TRUE(base_json["set"].empty());
}

TEST(SweepCli, AMetricDefinedInSomeReplicationsIsMarkedWithItsCount) {
  // Month 8 of the default plan: a hire starts in some histories only, so the mean time to
  // hire is over those; the table says so as run's does.
  TempDir out;
  const CommandResult r = run_teamsim(
      "sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
      "/scenarios/default.yaml' --vary pipeline.win_rate=0.2 --metric avg_time_to_hire_days "
      "--month 8 -n 50 -q --out " +
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The count the footnote gives is sweep.csv's `defined` (the last column) at month 8.
  const std::string csv = read_file(out.path() + "/sweep.csv");
  const std::size_t row = csv.find("\n0.2,8,avg_time_to_hire_days,");
  ASSERT_NE(row, std::string::npos) << csv;
  const std::string line = csv.substr(row + 1, csv.find('\n', row + 1) - row - 1);
  const int defined = std::stoi(line.substr(line.rfind(',') + 1));
  ASSERT_GT(defined, 0) << line;
  ASSERT_LT(defined, 50) << line;
  EXPECT_NE(r.out.find("* pipeline.win_rate=0.2: over the " + std::to_string(defined) +
                       " of 50 replications with a value\n"),
            std::string::npos)
      << r.out;
  // The point's line, under the table's header: its p10, p50, p90 and mean each marked.
  const std::size_t start = r.out.find('\n', r.out.find("pipeline.win_rate   ")) + 1;
  const std::string point = r.out.substr(start, r.out.find('\n', start) - start);
  EXPECT_EQ(std::count(point.begin(), point.end(), '*'), 4) << r.out;
}

TEST(SweepCli, RangeValuesArePrintedAsWrittenWithoutBinaryNoise) {
  TempDir out;
  const CommandResult r = run_teamsim(
      "sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
      "/scenarios/compare-manager-first.yaml' --vary pipeline.win_rate=0.1:0.3:0.1 -n 5 -q --out " +
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("0.30000000000000004"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" 0.3 "), std::string::npos) << r.out;
  EXPECT_EQ(read_file(out.path() + "/sweep.csv").find("0.30000000000000004"), std::string::npos);
}

TEST(SweepCli, RangesTakeNumbersAsSetDoesPercentagesAndUnderscores) {
  TempDir out;
  const std::string sweep = "sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
                            "/scenarios/compare-manager-first.yaml' -n 5 -q --out " + out.path();
  CommandResult r = run_teamsim(sweep + " --vary pipeline.win_rate=15%:30%:5%");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("20%"), std::string::npos) << r.out;
  auto json = nlohmann::json::parse(read_file(out.path() + "/sweep.json"));
  ASSERT_EQ(json["points"].size(), 4u);
  EXPECT_DOUBLE_EQ(json["points"][1]["values"]["pipeline.win_rate"].get<double>(), 0.2);

  r = run_teamsim(sweep + " --vary money.starting_cash=500_000:1_500_000:250_000");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json = nlohmann::json::parse(read_file(out.path() + "/sweep.json"));
  ASSERT_EQ(json["points"].size(), 5u);
  EXPECT_DOUBLE_EQ(json["points"][4]["values"]["money.starting_cash"].get<double>(), 1'500'000);

  r = run_teamsim(sweep + " --vary pipeline.win_rate=0.15:30%:5%");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("as percentages"), std::string::npos) << r.err;
}

TEST(CompareCli, PlansInDifferentCurrenciesAreRefusedNotMixed) {
  // A plan in euros against one in dollars was tabled in dollars, B's euros included, and A - B
  // subtracted one from the other. teamsim converts nothing: refused before anything runs.
  TempDir dir;
  std::ofstream(dir.path() + "/eu.yaml")
      << "extends: " << TEAMSIM_SOURCE_DIR << "/scenarios/small-business.yaml\n"
      << "money: {currency: EUR}\n";
  const CommandResult r = run_teamsim("compare scenarios/small-business.yaml " + dir.path() +
                                      "/eu.yaml -n 3 -q " + "--out " + dir.path() + "/out");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("teamsim compare: error: the plans give their amounts in different "
                       "currencies (small-business: USD, eu: EUR); teamsim converts nothing, so "
                       "their ARR, cash and differences would mix currencies. Give every plan "
                       "the same money.currency, with its amounts in that currency\n"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/out"));
  EXPECT_EQ(r.out, "");
}

TEST(CompareCli, PlansOfDifferentHorizonsSayTheyAreComparedOverTheShortest) {
  TempDir out;
  const CommandResult r = run_teamsim(
      "compare scenarios/manager-first.yaml scenarios/default.yaml -n 3 -q --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("24 months (the plans run 24, 36 months: compared over the first 24)\n"),
            std::string::npos)
      << r.out;
}

TEST(SweepCli, TheTableDefaultsToTheLastMonthAsRunAndCompareDo) {
  TempDir out;
  const CommandResult r =
      run_teamsim("sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
                  "/scenarios/compare-manager-first.yaml' --set horizon_months=30 --vary "
                  "pipeline.win_rate=0.1,0.2 -n 5 -q --out " +
                  out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ARR at month 30"), std::string::npos) << r.out;
}

TEST(SweepCli, AMetricOutsideTheKeyTableIsTitledAsTheChartsTitleIt) {
  // Not "cac_payback_months at month 36": its title, with the name --metric took beside it and
  // its unit in words (the table's values carry none), one parenthetical.
  TempDir out;
  const CommandResult r = run_teamsim("sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
                                      "/scenarios/default.yaml' --vary pipeline.win_rate=0.2,0.3 "
                                      "--metric cac_payback_months -n 5 -q --out " +
                                      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("; CAC payback in months (cac_payback_months) at month 36\n"),
            std::string::npos)
      << r.out;
}

TEST(SweepCli, AKeyMetricsTitleHasOneParentheticalTheName) {
  // Not "Logo churn (month) (logo_churn)": "at month 36" says which month.
  TempDir out;
  const CommandResult r = run_teamsim("sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
                                      "/scenarios/default.yaml' --vary pipeline.win_rate=0.2,0.3 "
                                      "--metric logo_churn -n 3 -q --out " +
                                      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("; Logo churn (logo_churn) at month 36\n"), std::string::npos) << r.out;
}

TEST(SweepCli, TheTableShowsValuesInTheMetricsUnitInAlignedColumns) {
  TempDir out;
  const CommandResult r =
      run_teamsim("sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
                  "/scenarios/default.yaml' --vary "
                  "roles.account_executive.annual_quota=300000,500000 --metric share_at_quota "
                  "-n 10 -q --out " +
                  out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("; Ramped AEs on quota (share_at_quota) at month 36\n"), std::string::npos)
      << r.out;
  // The header and both rows end at the same column, and a share is shown as a percentage; the
  // quota swept is money, in the scenario's currency, as the chart's axis says.
  const std::size_t header = r.out.find("roles.account_executive.annual_quota (USD)   ");
  ASSERT_NE(header, std::string::npos) << r.out;
  std::vector<std::string> lines;  // the header, the two points, then what the intervals are
  for (std::size_t at = header; at < r.out.size();) {
    const std::size_t end = r.out.find('\n', at);
    lines.push_back(r.out.substr(at, end - at));
    at = end + 1;
  }
  ASSERT_EQ(lines.size(), 6u) << r.out;
  EXPECT_EQ(lines[3].rfind("± 95% CI: of each point's mean alone.", 0), 0u) << r.out;
  lines.resize(3);
  EXPECT_EQ(lines[1].size(), lines[0].size());
  EXPECT_EQ(lines[2].size(), lines[0].size());
  // Right-aligned: every row has a cell ending where each statistic's heading ends.
  for (const char* heading : {" p10", " p50", " p90", " mean", " ± 95% CI"}) {
    const std::size_t found = lines[0].find(heading);
    ASSERT_NE(found, std::string::npos) << heading;
    const std::size_t end = found + std::string(heading).size();
    for (std::size_t row = 1; row < lines.size(); ++row) {
      EXPECT_NE(lines[row][end - 1], ' ') << heading << " in " << lines[row];
      EXPECT_TRUE(end == lines[row].size() || lines[row][end] == ' ') << lines[row];
    }
  }
  EXPECT_NE(lines[1].find('%'), std::string::npos) << lines[1];
  // A share's interval is in points, not a relative change.
  EXPECT_TRUE(lines[1].ends_with(" pts")) << lines[1];
}

TEST(SweepCli, AWarningOfSomePointsNamesThem) {
  // default.yaml's quota is beyond what a 15 % win rate can fill (its own warning), not 35 %.
  TempDir out;
  const CommandResult r = run_teamsim(
      "sweep scenarios/default.yaml --vary pipeline.win_rate=0.15,0.35 -n 3 --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::size_t at = r.err.find("warning: roles.account_executive.annual_quota");
  ASSERT_NE(at, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("warning: roles.account_executive.annual_quota", at + 1), std::string::npos);
  EXPECT_NE(r.err.find("max_open_opportunities (at sweep point pipeline.win_rate=0.15)\n"),
            std::string::npos)
      << r.err;
}

TEST(SweepCli, AKeyThePlanDrawsFromADistributionSaysItsPointsAreConstants) {
  // default.yaml's win rate is drawn per deal (beta, mean 0.22): --vary pipeline.win_rate=0.22
  // made it the constant 0.22 at that point, and nothing said that the point was not the plan.
  TempDir out;
  const CommandResult r = run_teamsim(
      "sweep scenarios/default.yaml --vary pipeline.win_rate=0.22,0.3 --vary "
      "'hires[1].month=3,4' -n 3 --out " +
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("teamsim sweep: warning: --vary pipeline.win_rate: the plan draws "
                       "pipeline.win_rate from a distribution (beta), and each point makes it a "
                       "constant, without that spread, so no point is the plan itself; to move "
                       "the distribution instead, write it out in the scenario and vary one of "
                       "its parameters (pipeline.win_rate.mean, pipeline.win_rate.median, ...)\n"),
            std::string::npos)
      << r.err;
  // A month, or a distribution's own parameter, is what it says: nothing to add.
  EXPECT_EQ(r.err.find("--vary hires[1].month"), std::string::npos) << r.err;
  const CommandResult mean = run_teamsim(
      "sweep scenarios/default.yaml --vary pipeline.win_rate.mean=0.22,0.3 -n 3 --out " +
      out.path());
  ASSERT_EQ(mean.exit_code, 0) << mean.err;
  EXPECT_EQ(mean.err.find("from a distribution"), std::string::npos) << mean.err;
}

TEST(SweepCli, AKeyThePlanDrawsOncePerReplicationSaysItsPointsAreConstantsToo) {
  // A number written with per: replication as a distribution's parameter (here the deal size's
  // median) was not warned of: the resolved scenario shows the distribution by its own
  // parameters, so the varied key was not found there as a distribution.
  TempDir out;
  const CommandResult r = run_teamsim(
      "sweep scenarios/uncertain-lead-flow.yaml --set 'pipeline.deal_size_acv={dist: lognormal, "
      "median: {dist: uniform, min: 10_000, max: 20_000, per: replication}, p90: 40_000}' "
      "--vary pipeline.deal_size_acv.median=12000,15000 "
      "--vary territories.main.inbound_leads_per_month=10,20 "
      "--vary customers.monthly_churn.max=3%,4% -n 3 --out " +
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("teamsim sweep: warning: --vary pipeline.deal_size_acv.median: the plan "
                       "draws pipeline.deal_size_acv.median once per replication (uniform, per: "
                       "replication), and each point makes it a constant, without that spread, "
                       "so no point is the plan itself; to move the distribution instead, vary "
                       "one of the parameters its map writes (pipeline.deal_size_acv.median.min, "
                       "pipeline.deal_size_acv.median.max)\n"),
            std::string::npos)
      << r.err;
  // One written in the key's own place (uncertain-lead-flow.yaml's leads) is said the same way.
  EXPECT_NE(r.err.find("--vary territories.main.inbound_leads_per_month: the plan draws "
                       "territories.main.inbound_leads_per_month once per replication (uniform, "
                       "per: replication), and each point makes it a constant, without that "
                       "spread, so no point is the plan itself; to move the distribution "
                       "instead, vary one of the parameters its map writes "
                       "(territories.main.inbound_leads_per_month.min, "
                       "territories.main.inbound_leads_per_month.max)\n"),
            std::string::npos)
      << r.err;
  // A parameter of the per-replication map moves the distribution: nothing to add.
  EXPECT_EQ(r.err.find("--vary customers.monthly_churn"), std::string::npos) << r.err;
}

TEST(SweepCli, AWarningOfSeveralPointsSaysSweepPointsOnce) {
  // It read "(at sweep point pipeline.win_rate=0.15, hires[1].month=2; sweep point
  // pipeline.win_rate=0.15, hires[1].month=4)".
  TempDir out;
  const CommandResult r = run_teamsim(
      "sweep scenarios/default.yaml --vary pipeline.win_rate=0.15,0.35 --vary 'hires[1].month=2,4' "
      "-n 3 -q --out " +
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("max_open_opportunities (at sweep points pipeline.win_rate=0.15, "
                       "hires[1].month=2; pipeline.win_rate=0.15, hires[1].month=4)\n"),
            std::string::npos)
      << r.err;
}

TEST(SweepCli, StrictSaysTheWarningsItRefuses) {
  // sweep and compare --strict refused a scenario for its warnings without saying one of them:
  // "invalid scenario at every sweep point (2)", and nothing to fix.
  TempDir dir;
  const std::string path = dir.path() + "/churn.yaml";
  std::ofstream(path) << "horizon_months: 12\n"
                         "customers: {monthly_churn: 1}\n"
                         "hires: [{role: account_executive, month: 1}]\n"
                         "variants: {a: {}, b: {}}\n";
  const std::string warning =
      "churn.yaml:2:28: warning: customers.monthly_churn: 1 means 100 %: every customer leaves";
  CommandResult r = run_teamsim("sweep " + path +
                                " --strict --vary money.starting_cash=1_000_000,2_000_000 -n 3 "
                                "--out " +
                                dir.path() + "/sweep");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(warning), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("error: " + path +
                       ": plausibility warnings at every sweep point (2), errors with --strict\n"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/sweep"));

  r = run_teamsim("compare " + path + ":a " + path + ":b --strict -n 3 --out " + dir.path() +
                  "/compare");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const std::size_t at = r.err.find(warning);
  ASSERT_NE(at, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(warning, at + 1), std::string::npos) << r.err;  // both plans', said once
  EXPECT_LT(at, r.err.find(path + ":a: 1 plausibility warning, an error with --strict")) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/compare"));
}

TEST(CompareCli, AWarningOfABaseSomePlansExtendNamesThem) {
  // base.yaml's monthly_churn: 1 (100 %) is kept by a.yaml and set to 1% by b.yaml: compare said
  // "base.yaml:2:28: warning: ..." as if its file:line named a plan, and neither was named.
  TempDir dir, out;
  std::ofstream(dir.path() + "/base.yaml") << "horizon_months: 12\n"
                                              "customers: {monthly_churn: 1}\n"
                                              "hires: [{role: account_executive, month: 1}]\n";
  std::ofstream(dir.path() + "/a.yaml") << "extends: base.yaml\nname: A\n";
  std::ofstream(dir.path() + "/b.yaml") << "extends: base.yaml\nname: B\n"
                                           "customers: {monthly_churn: 1%}\n";
  std::ofstream(dir.path() + "/c.yaml") << "extends: base.yaml\nname: C\n";
  const std::string plans = dir.path() + "/a.yaml " + dir.path() + "/b.yaml ";
  CommandResult r = run_teamsim("compare " + plans + "-n 5 -q --out " + out.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string churn = "base.yaml:2:28: warning: customers.monthly_churn: 1 means 100 %";
  std::size_t at = r.err.find(churn);
  ASSERT_NE(at, std::string::npos) << r.err;
  EXPECT_TRUE(r.err.substr(at, r.err.find('\n', at) - at).ends_with(" (in a)")) << r.err;
  // Two of three plans: both named.
  r = run_teamsim("compare " + plans + dir.path() + "/c.yaml -n 5 -q --out " + out.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  at = r.err.find(churn);
  ASSERT_NE(at, std::string::npos) << r.err;
  EXPECT_TRUE(r.err.substr(at, r.err.find('\n', at) - at).ends_with(" (in a, c)")) << r.err;
}

TEST(CompareCli, OneFileOfVariantsAloneComparesItsVariants) {
  // `teamsim compare plan.yaml` refused a file whose plans it could name ("give at least two
  // plans; ... compare them with teamsim compare plan.yaml --variants manager_first,reps_first"),
  // though batch runs such a file as its variants. Now it compares them, in the order written:
  // the same files as naming them.
  TempDir dir;
  CommandResult r =
      run_teamsim("compare scenarios/compare-manager-first.yaml -n 3 -o " + dir.path() + "/all");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("A = manager_first: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("B = reps_first: "), std::string::npos) << r.out;
  r = run_teamsim(
      "compare scenarios/compare-manager-first.yaml --variants manager_first,reps_first -n 3 -o " +
      dir.path() + "/named");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(dir.path() + "/all/compare.json"),
            read_file(dir.path() + "/named/compare.json"));

  // One variant: which two plans is not for teamsim to guess.
  const std::string one = dir.path() + "/one.yaml";
  std::ofstream(one)
      << "name: one\nhorizon_months: 6\nvariants:\n  cheaper:\n    horizon_months: 3\n";
  r = run_teamsim("compare " + one + " -n 3");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "teamsim compare: error: give at least two plans; " + one +
                       " holds one variant, cheaper: compare it with the file without it with "
                       "teamsim compare " +
                       one + " --variants base,cheaper\n");
  r = run_teamsim("compare scenarios/default.yaml -n 3");  // no variants: the forms
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "teamsim compare: error: give at least two plans (FILE FILE, FILE:VARIANT ..., or "
            "FILE --variants a,b)\n");
  // --variants naming one plan is one plan, not every variant.
  r = run_teamsim("compare scenarios/compare-manager-first.yaml --variants base -n 3");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(SweepCli, ATableOfWideCharactersLinesUp) {
  // Widths counted code points: under a column headed territories.東京.inbound_leads_per_month
  // (two wide characters, four columns) the values stood two columns left of the header's end.
  TempDir dir;
  const std::string path = dir.path() + "/tokyo.yaml";
  std::ofstream(path) << "horizon_months: 6\n"
                         "territories: {\xe6\x9d\xb1\xe4\xba\xac: {inbound_leads_per_month: 20}}\n"
                         "hires: [{role: account_executive, month: 1}]\n";
  const CommandResult r = run_teamsim("sweep " + path +
                                      " --vary 'territories.\xe6\x9d\xb1\xe4\xba\xac."
                                      "inbound_leads_per_month=10,20' -n 3 -q --out " +
                                      dir.path() + "/out");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::vector<std::size_t> widths;  // of the header and each point's row
  while (std::getline(lines, line)) {
    if (line.find("inbound_leads_per_month") != std::string::npos || !widths.empty()) {
      if (line.empty() || line.starts_with("± 95% CI:")) break;
      widths.push_back(app::utf8_width(line));
    }
  }
  ASSERT_EQ(widths.size(), 3u) << r.out;
  EXPECT_EQ(widths[1], widths[0]) << r.out;
  EXPECT_EQ(widths[2], widths[0]) << r.out;
}

TEST(SweepCli, WritesAChartAndWithReportAPage) {
  TempDir out;
  const std::string sweep = "sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
                            "/scenarios/compare-manager-first.yaml' --vary "
                            "pipeline.win_rate=0.1,0.2,0.3 -n 10 -q --out " +
                            out.path();
  CommandResult r = run_teamsim(sweep);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string svg = read_file(out.path() + "/sweep.svg");
  EXPECT_NE(svg.find("ARR at month 24, point by point"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">pipeline.win_rate</text>"), std::string::npos) << svg;  // the keys
  EXPECT_NE(svg.find("pipeline.win_rate=0.2: median"), std::string::npos);     // hover text
  for (const char* label : {">0.1</text>", ">0.2</text>", ">0.3</text>"}) {
    EXPECT_NE(svg.find(label), std::string::npos) << label;
  }
  EXPECT_FALSE(std::filesystem::exists(out.path() + "/report.html"));
  r = run_teamsim(sweep + " --report");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out.path() + "/report.html");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<svg "), std::string::npos);
  EXPECT_NE(html.find("<th class=\"num\">pipeline.win_rate</th>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // The p10-p90 line across each bar, and --png: the chart as PNG too.
  EXPECT_NE(svg.find("<g class=\"intervals\""), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(out.path() + "/sweep.png"));
  r = run_teamsim(sweep + " --png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(out.path() + "/sweep.png").rfind("\x89PNG", 0), 0u);
}

TEST(SweepCli, UnknownMetricOrMonthBeyondEveryHorizonIsAUsageError) {
  TempDir out;
  const std::string sweep = "sweep '" + std::string(TEAMSIM_SOURCE_DIR) +
                            "/scenarios/compare-manager-first.yaml' -n 5 -q --out " + out.path();
  CommandResult r = run_teamsim(sweep + " --vary pipeline.win_rate=0.1,0.2 --metric ar");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("teamsim sweep: error: --metric 'ar': unknown metric; did you mean 'arr'?"),
            std::string::npos)
      << r.err;
  // The shortest horizon of the grid bounds the month.
  r = run_teamsim(sweep + " --vary horizon_months=12,36 --month 20");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("teamsim sweep: error: --month 20: the scenario runs 12 months (1..12)"),
            std::string::npos)
      << r.err;
  r = run_teamsim(sweep + " --vary horizon_months=36,12");  // the shortest horizon's last month
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ARR at month 12"), std::string::npos) << r.out;
}

TEST(SweepCli, TheSeedAndReplicationsAreTheRunsNotAxesOfTheGrid) {
  // --vary seed=1,2 ran every point on the first point's seed: two identical rows headed
  // seed 1 and seed 2. Refused before anything runs or is written.
  TempDir out;
  const std::string sweep =
      "sweep scenarios/small-business.yaml -n 5 -q --out " + out.path() + "/s";
  CommandResult r = run_teamsim(sweep + " --vary seed=1,2");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("teamsim sweep: error: --vary seed: every point of a sweep runs on the "
                       "same seed, so that the points differ by their values and not by luck"),
            std::string::npos)
      << r.err;
  r = run_teamsim(sweep + " --vary pipeline.win_rate=0.1,0.2 --vary replications=10,50");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("teamsim sweep: error: --vary replications: every point of a sweep runs "
                       "the same replications"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(std::filesystem::exists(out.path() + "/s"));
}

}  // namespace
}  // namespace teamsim::e2e
