#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

const std::string kScenario =
    std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/compare-manager-first.yaml";

TEST(SensitivityCli, RanksTheInputsAndWritesCsvJsonAndTheTornadoChart) {
  TempDir out;
  const int n = replications_for_build(60);
  const CommandResult r =
      run_teamsim("sensitivity '" + kScenario + "' --variant reps_first --metric arr --month 24" +
                  " -n " + std::to_string(n) + " -t 2 -q --report --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ARR at month 24: base mean"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("swing ± 95% CI"), std::string::npos) << r.out;
  const std::string csv = read_file(out.path() + "/sensitivity.csv");
  EXPECT_EQ(csv.rfind("rank,input,label,kind,status,distribution,base_value,range,low_value,", 0),
            0u);
  EXPECT_NE(csv.find("\n1,"), std::string::npos);
  const auto json = nlohmann::json::parse(read_file(out.path() + "/sensitivity.json"));
  EXPECT_EQ(json["metric"], "arr");
  EXPECT_EQ(json["month"], 24);
  EXPECT_EQ(json["replications"], n);
  // The first input is analysed and has the largest swing; no analysed input follows a
  // skipped one.
  const auto& inputs = json["inputs"];
  ASSERT_GT(inputs.size(), 10u);
  EXPECT_EQ(inputs[0]["status"], "analysed");
  bool skipped = false;
  double previous = 1e300;
  for (const auto& input : inputs) {
    if (input["status"] != "analysed") {
      skipped = true;
      continue;
    }
    EXPECT_FALSE(skipped) << input["input"];
    const double swing = std::abs(input["swing"].get<double>());
    EXPECT_LE(swing, previous);
    previous = swing;
  }
  const std::string svg = read_file(out.path() + "/sensitivity.svg");
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("What moves ARR at month 24"), std::string::npos);
  // --report: report.html answers the question first, then the tornado and every input with
  // its key path; base-run.html is the base run's own report, linked from it.
  const std::string html = read_file(out.path() + "/report.html");
  EXPECT_NE(html.find("teamsim sensitivity report"), std::string::npos);
  const std::size_t answer = html.find("<section id=\"answer\">");
  const std::size_t tornado = html.find("<figure id=\"chart-sensitivity\" class=\"wide\">");
  const std::size_t table = html.find("<section id=\"inputs\">");
  ASSERT_NE(answer, std::string::npos);
  EXPECT_LT(answer, tornado);
  EXPECT_LT(tornado, table);
  EXPECT_NE(html.find("ARR at month 24: base mean"), std::string::npos);
  EXPECT_NE(html.find("The largest swings between an input"), std::string::npos);
  EXPECT_NE(html.find("<code>pipeline.deal_size_acv</code>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"base-run.html\">"), std::string::npos);
  const std::string base = read_file(out.path() + "/base-run.html");
  EXPECT_NE(base.find("teamsim projection report"), std::string::npos);
  EXPECT_NE(base.find("<section id=\"key-metrics\">"), std::string::npos);
  EXPECT_EQ(base.find("chart-sensitivity"), std::string::npos);
  // reps_first opens more searches than the founder runs at once: the base run's page says so,
  // as run's report.html does.
  EXPECT_NE(base.find("<section id=\"warnings\">"), std::string::npos);
  EXPECT_NE(base.find("compare-manager-first.yaml:34:9"), std::string::npos);
  // ... and so does the tornado page itself: a notice under its title, the warning listed.
  EXPECT_NE(html.find("href=\"#warnings\">1 plausibility warning</a>"), std::string::npos);
  EXPECT_NE(html.find("<section id=\"warnings\">"), std::string::npos);
  EXPECT_NE(html.find("compare-manager-first.yaml:34:9</code> hires[1]: the recruiting bandwidth"),
            std::string::npos)
      << html;
  EXPECT_EQ(read_file(out.path() + "/charts/sensitivity.svg"), svg);
  EXPECT_NE(read_file(out.path() + "/summary.csv"), "");
}

// Constants are ranked beside distributions, named in words with their values in units, at the
// range asked for (one key's own range too); --png writes the tornado as PNG; and `teamsim report`
// on the folder keeps the tornado chart.
TEST(SensitivityCli, RanksConstantsInWordsWritesPngAndReportKeepsTheTornado) {
  TempDir out;
  const CommandResult r = run_teamsim(
      "sensitivity '" + kScenario + "' --variant reps_first -n " +
      std::to_string(replications_for_build(30)) +
      " -t 2 -q --range 10% --range territories.east.inbound_leads_per_month=50% --top 60 --png "
      "--out " +
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Deal size (ACV)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Inbound leads a month (east)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("10 .. 30 (±50%)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Inbound leads a month (west)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("13.5 .. 16.5 (±10%)"), std::string::npos) << r.out;
  // No machine-length numbers anywhere a person reads.
  for (const std::string& text : {r.out, read_file(out.path() + "/sensitivity.svg")}) {
    EXPECT_EQ(text.find("0000000"), std::string::npos);
    EXPECT_EQ(text.find("9999999"), std::string::npos);
  }
  const auto json = nlohmann::json::parse(read_file(out.path() + "/sensitivity.json"));
  bool constant_found = false;
  for (const auto& input : json["inputs"]) {
    if (input["input"] == "territories.east.inbound_leads_per_month") {
      constant_found = true;
      EXPECT_EQ(input["kind"], "constant");
      EXPECT_EQ(input["status"], "analysed");
      EXPECT_EQ(input["range"], 0.5);
      EXPECT_EQ(input["low_text"], "10");
    }
  }
  EXPECT_TRUE(constant_found);
  const std::string png = read_file(out.path() + "/sensitivity.png");
  ASSERT_GT(png.size(), 1000u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  EXPECT_NE(read_file(out.path() + "/summary.json"), "");

  // The report of the folder, made afterwards, is the sensitivity report (it once dropped the
  // tornado), with the base run's beside it.
  const CommandResult report = run_teamsim("report -q " + out.path());
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const std::string html = read_file(out.path() + "/report.html");
  EXPECT_NE(html.find("teamsim sensitivity report"), std::string::npos);
  EXPECT_NE(html.find("<figure id=\"chart-sensitivity\" class=\"wide\">"), std::string::npos);
  EXPECT_NE(html.find("Inbound leads a month (east)"), std::string::npos);
  EXPECT_NE(html.find("<code>territories.east.inbound_leads_per_month</code>"), std::string::npos);
  // Its plausibility warning too, read back from summary.json (without where it was written).
  EXPECT_NE(html.find("href=\"#warnings\">1 plausibility warning</a>"), std::string::npos);
  EXPECT_NE(html.find("<li><code>hires[1]</code>: the recruiting bandwidth"), std::string::npos)
      << html;
  EXPECT_NE(read_file(out.path() + "/base-run.html").find("<section id=\"key-metrics\">"),
            std::string::npos);
  EXPECT_EQ(read_file(out.path() + "/charts/sensitivity.svg"),
            read_file(out.path() + "/sensitivity.svg"));
}

TEST(SensitivityCli, InputsTheScenarioLeftAtTheirDefaultsAreMarked) {
  // series-a-scale-up.yaml ranked "Performance (account_executive)" and the territories'
  // factors near the top, none of them in the file, and nothing said they were teamsim's
  // defaults. This plan writes its win rate and its AEs' ramp; its deal size and AE performance
  // are defaults.
  TempDir dir;
  const std::string plan = dir.path() + "/plan.yaml";
  std::ofstream(plan) << "name: defaults\nhorizon_months: 12\n"
                         "roles: {account_executive: {ramp_months: 3}}\n"
                         "starting_staff: [{role: account_executive, count: 2}]\n"
                         "pipeline: {win_rate: {dist: beta, mean: 0.25, sd: 0.05}}\n";
  const CommandResult r =
      run_teamsim("sensitivity " + plan + " -n 20 -t 2 -q --report --out " + dir.path() + "/out");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Deal size (ACV) [default]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Win rate [default]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[default]: not set by the scenario, teamsim's default ("),
            std::string::npos)
      << r.out;
  const auto json = nlohmann::json::parse(read_file(dir.path() + "/out/sensitivity.json"));
  std::map<std::string, bool> is_default;
  for (const auto& input : json["inputs"]) is_default[input["input"]] = input["default"];
  EXPECT_EQ(is_default.at("pipeline.win_rate"), false);
  EXPECT_EQ(is_default.at("roles.account_executive.ramp_months"), false);
  EXPECT_EQ(is_default.at("pipeline.deal_size_acv"), true);
  EXPECT_EQ(is_default.at("roles.account_executive.performance"), true);
  // The page, and the page rebuilt from sensitivity.json, say it too.
  EXPECT_NE(read_file(dir.path() + "/out/report.html").find("Deal size (ACV) [default]"),
            std::string::npos);
  std::filesystem::remove(dir.path() + "/out/report.html");
  const CommandResult rebuilt = run_teamsim("report " + dir.path() + "/out -q");
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_NE(read_file(dir.path() + "/out/report.html").find("Deal size (ACV) [default]"),
            std::string::npos);
}

TEST(SensitivityCli, BadRangeIsAUsageErrorNamingTheKeyWithAHint) {
  TempDir out;
  CommandResult r = run_teamsim("sensitivity '" + kScenario +
                                "' --variant reps_first -n 5 -q --range 'pipeline.win_rat=30%' "
                                "--out " +
                                out.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--range 'pipeline.win_rat=30%': pipeline.win_rat is not a constant of "
                       "this scenario; did you mean 'pipeline.win_rate'?"),
            std::string::npos)
      << r.err;
  r = run_teamsim("sensitivity '" + kScenario + "' -n 5 -q --range 120% --out " + out.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--range '120%': must be between 0% and 100%"), std::string::npos) << r.err;
  r = run_teamsim("sensitivity '" + kScenario + "' -n 5 -q --range=-20% --out " + out.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--range '-20%': must be between 0% and 100%"), std::string::npos) << r.err;
  r = run_teamsim("sensitivity '" + kScenario +
                  "' -n 5 -q --range pipeline.deal_size_acv=20% --out " + out.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("pipeline.deal_size_acv is a distribution"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(out.path() + "/sensitivity.csv"), "");
}

// A scenario whose every number is a constant: --range 0% would hold them all fixed and run
// nothing but the base run, so it is refused.
TEST(SensitivityCli, ARangeOfZeroWithNothingElseToVaryIsAUsageError) {
  TempDir out;
  const std::string path = out.path() + "/constants.yaml";
  std::ofstream(path) << "horizon_months: 6\n"
                         "pipeline: {win_rate: 0.2, deal_size_acv: 10000, sales_cycle_days: 30}\n"
                         "customers: {initial: 10, initial_mrr: 1000, monthly_expansion: 0}\n";
  CommandResult r =
      run_teamsim("sensitivity '" + path + "' -n 5 -q --range 0% --out " + out.path() + "/a");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--range 0% holds every constant fixed, and no distribution of this "
                       "scenario varies: there is nothing to analyse"),
            std::string::npos)
      << r.err;
  // With a distribution to vary, --range 0% analyses it alone.
  r = run_teamsim("sensitivity '" + kScenario + "' -n 3 -q --range 0% --out " + out.path() + "/b");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("each constant held fixed (--range 0%)"), std::string::npos) << r.out;
}

TEST(SensitivityCli, ScreeningRunsTheInputsThatMatterInFullAndMarksTheRest) {
  TempDir out;
  const CommandResult r =
      run_teamsim("sensitivity '" + kScenario + "' --variant reps_first --metric arr --month 24" +
                  " -n 40 --screen 10 -t 2 --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("runs of 40 replications (each input screened with 10 first)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("every input screened with its first 10"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("* screened: "), std::string::npos) << r.out;
  const auto json = nlohmann::json::parse(read_file(out.path() + "/sensitivity.json"));
  EXPECT_EQ(json["screen_replications"], 10);
  int full = 0, screened = 0;
  for (const auto& input : json["inputs"]) {
    if (input["status"] != "analysed") continue;
    const int replications = input["replications"].get<int>();
    EXPECT_TRUE(replications == 40 || replications == 10) << input["input"];
    (replications == 40 ? full : screened) += 1;
  }
  EXPECT_GT(full, 0);
  EXPECT_GT(screened, 0);
}

// Without --screen, a long analysis is screened with a tenth of its replications (at least 50)
// and says so; a short one runs every input in full. default.yaml varies 43 inputs: at -n 600
// its pinned runs would hold 43 x 2 x 600 = 51,600 replications, over the 50,000 that make an
// analysis long; sanitizer builds run a tenth, 5,160, and so in full.
TEST(SensitivityCli, ALongAnalysisIsScreenedByDefaultAndSaysHowToRunItInFull) {
  TempDir out;
  const int n = replications_for_build(600);
  const CommandResult r = run_teamsim("sensitivity scenarios/default.yaml -n " + std::to_string(n) +
                                      " -t 2 --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(read_file(out.path() + "/sensitivity.json"));
  if (n == 600) {
    EXPECT_NE(r.err.find("runs of 600 replications (each input screened with 60 first; "
                         "--screen 0: every input in full)"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.out.find("every input screened with its first 60"), std::string::npos) << r.out;
    EXPECT_EQ(json["screen_replications"], 60);
  } else {
    EXPECT_EQ(r.err.find("screened"), std::string::npos) << r.err;
    EXPECT_EQ(json["screen_replications"], 0);
  }
}

TEST(SensitivityCli, AScreenTooSmallToTellASwingFromNoiseIsAUsageError) {
  TempDir out;
  for (const char* screen : {"5", "abc", "-3"}) {
    const CommandResult r = run_teamsim("sensitivity '" + kScenario + "' -n 40 -q --screen " +
                                        screen + " --out " + out.path());
    EXPECT_EQ(r.exit_code, 2) << screen;
    EXPECT_NE(r.err.find("--screen"), std::string::npos) << r.err;
  }
  const CommandResult r =
      run_teamsim("sensitivity '" + kScenario + "' -n 40 -q --screen 5 --out " + out.path());
  EXPECT_NE(r.err.find("0 (off) or 10 .. 1000000 replications"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(out.path() + "/sensitivity.csv"), "");
}

TEST(SensitivityCli, BadMetricOrMonthIsAUsageErrorWithAHint) {
  TempDir out;
  CommandResult r = run_teamsim("sensitivity '" + kScenario +
                                "' --variant reps_first --metric ar -n 5 -q --out " + out.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--metric 'ar': unknown metric; did you mean 'arr'?"), std::string::npos)
      << r.err;
  r = run_teamsim("sensitivity '" + kScenario + "' --month 30 -n 5 -q --out " + out.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--month 30: the scenario runs 24 months (1..24)"), std::string::npos)
      << r.err;
  r = run_teamsim("sensitivity '" + kScenario + "' --variant nope -n 5 -q --out " + out.path());
  EXPECT_EQ(r.exit_code, 2) << r.err;  // a variant the file does not declare, as a bad --metric
  EXPECT_NE(r.err.find("has no variant 'nope'; its variants are: manager_first, reps_first"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(read_file(out.path() + "/sensitivity.csv"), "");
}

}  // namespace
}  // namespace teamsim::e2e
