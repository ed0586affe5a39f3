// End-to-end tests: the real binary on the real scenarios and on broken ones.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(fs::path(TEAMSIM_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(CliTest, MetricListsMayHaveSpacesAfterTheirCommas) {
  // --metrics 'arr, cash' said "no metric is named ' cash'; did you mean 'cash'?".
  TempDir out;
  const CommandResult r = run_teamsim(
      "run scenarios/small-business.yaml -n 5 -q --metrics 'arr, cash' --samples "
      "' arr , cash' --out " +
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = read_file(out.path() + "/summary.csv");
  EXPECT_NE(csv.find(",arr,"), std::string::npos);
  EXPECT_NE(csv.find(",cash,"), std::string::npos);
  EXPECT_EQ(csv.find(",customers,"), std::string::npos);
  // A misspelt name is still said, without the spaces.
  const CommandResult bad = run_teamsim(
      "run scenarios/small-business.yaml -n 5 -q --metrics 'arr, csh' --out " + out.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("no metric is named 'csh'; did you mean 'cash'?"), std::string::npos)
      << bad.err;
}

TEST(CliTest, EveryShippedScenarioRunsAndWritesBothFiles) {
  const auto scenarios = shipped_scenarios();
  ASSERT_GE(scenarios.size(), 3u);
  const int replications = replications_for_build(100);
  for (const std::string& scenario : scenarios) {
    SCOPED_TRACE(scenario);
    TempDir out;
    const CommandResult r =
        run_teamsim("run '" + scenario + "' --replications " + std::to_string(replications) +
                    " --threads 2 --out " + out.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("ARR"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("p50"), std::string::npos);
    const std::string csv = read_file(out.path() + "/summary.csv");
    const auto json = nlohmann::json::parse(read_file(out.path() + "/summary.json"));
    // A scenario set in the calendar (start_date) adds a date column and names the months.
    const bool dated = json.contains("start_date");
    EXPECT_EQ(csv.rfind(std::string("scenario,month,") + (dated ? "date," : "") +
                            "metric,unit,mean,se,p5,p10,p25,p50,p75,p90,p95,defined\n",
                        0),
              0u);
    EXPECT_EQ(json["schema_version"], 2);
    EXPECT_EQ(json["replications"], replications);
    EXPECT_EQ(json["scenario_hash"].get<std::string>().size(), 16u);
    // Only the result files (junit.xml for a scenario with expect:) and the list of them: no
    // temporaries left behind.
    for (const auto& entry : fs::directory_iterator(out.path())) {
      const std::string name = entry.path().filename().string();
      EXPECT_TRUE(name == "summary.csv" || name == "summary.json" || name == "summary_wide.csv" ||
                  name == "scenario.yaml" || name == "junit.xml" || name == ".teamsim-files")
          << name;
    }
    const std::string listed = read_file(out.path() + "/.teamsim-files");
    EXPECT_NE(listed.find("\nscenario.yaml\nsummary.csv\nsummary.json\nsummary_wide.csv\n"),
              std::string::npos)
        << listed;
    const std::string wide = read_file(out.path() + "/summary_wide.csv");
    EXPECT_EQ(wide.rfind(dated ? "metric,unit,statistic," : "metric,unit,statistic,M1,M2,", 0), 0u)
        << wide.substr(0, 200);
    EXPECT_EQ(wide.find(",M1,") == std::string::npos, dated) << wide.substr(0, 200);
    EXPECT_NE(wide.find("\narr,currency,p50,"), std::string::npos);
  }
}

TEST(CliTest, SameSeedGivesIdenticalBytesWithOneOrTwoThreads) {
  TempDir one, two, other;
  const std::string base = "run scenarios/default.yaml --replications 60 --seed 11 --out ";
  ASSERT_EQ(run_teamsim(base + one.path() + " --threads 1").exit_code, 0);
  ASSERT_EQ(run_teamsim(base + two.path() + " --threads 2").exit_code, 0);
  ASSERT_EQ(
      run_teamsim("run scenarios/default.yaml --replications 60 --seed 12 --out " + other.path())
          .exit_code,
      0);
  const std::string csv_one = read_file(one.path() + "/summary.csv");
  ASSERT_FALSE(csv_one.empty());
  EXPECT_EQ(csv_one, read_file(two.path() + "/summary.csv"));
  EXPECT_EQ(read_file(one.path() + "/summary.json"), read_file(two.path() + "/summary.json"));
  EXPECT_NE(csv_one, read_file(other.path() + "/summary.csv"));
}

TEST(CliTest, ResultsOnStdoutMessagesOnStderr) {
  TempDir out;
  const CommandResult r =
      run_teamsim("run scenarios/small-business.yaml -n 50 --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("replications/s"), std::string::npos);
  // small-business.yaml has expect: checks, so junit.xml too.
  const std::string& o = out.path();
  EXPECT_NE(r.err.find("wrote " + o + "/summary.csv, " + o + "/summary.json, " + o +
                       "/summary_wide.csv, " + o + "/scenario.yaml and " + o + "/junit.xml\n"),
            std::string::npos)
      << r.err;
  // stderr is not a terminal here, so no progress bar is drawn.
  EXPECT_EQ(r.err.find('\r'), std::string::npos);
}

TEST(CliTest, OneLogOfBothStreamsHasEveryLineWhereItWasWritten) {
  // stdout used to reach a shared log in 4 KiB blocks, so the timing line (stderr) landed in the
  // middle of a table row. Now the results are one unbroken block, before the timing and the
  // list of files written.
  TempDir out;
  const std::string args = "run scenarios/default.yaml -n 20 --out " + out.path();
  const CommandResult apart = run_teamsim(args);
  ASSERT_EQ(apart.exit_code, 0) << apart.err;
  const std::string log = run_teamsim_into_one_log(args);
  const std::size_t results = log.find(apart.out);
  ASSERT_NE(results, std::string::npos) << log;
  EXPECT_LT(results + apart.out.size(), log.find("replications/s")) << log;
  EXPECT_LT(log.find("replications/s"), log.find("wrote " + out.path())) << log;
}

TEST(CliTest, ARunSaysEveryFileItWroteAndCountsItsCharts) {
  TempDir out;
  const CommandResult r =
      run_teamsim("run scenarios/small-business.yaml -n 20 --report --xlsx --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& o = out.path();
  const std::string expected_start = "wrote " + o + "/summary.csv, " + o + "/summary.json, " + o +
                                     "/summary_wide.csv, " + o + "/scenario.yaml, " + o +
                                     "/results.xlsx, " + o + "/report.html";
  EXPECT_NE(r.err.find(expected_start), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" chart files under " + o + "/charts\n"), std::string::npos) << r.err;
}

TEST(CliTest, HelpTeachesCommandsAndExitCodes) {
  const CommandResult r = run_teamsim("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* text : {"run", "validate", "Exit codes", "invalid scenario", "Examples"}) {
    EXPECT_NE(r.out.find(text), std::string::npos) << text;
  }
  const CommandResult run_help = run_teamsim("run --help");
  EXPECT_EQ(run_help.exit_code, 0);
  EXPECT_NE(run_help.out.find("--replications"), std::string::npos);
  EXPECT_NE(run_help.out.find("summary.csv"), std::string::npos);
}

TEST(CliTest, CompareHelpNamesTheTiesColumn) {
  // compare.csv's header: ..., p95, defined, p_a_greater, p_equal. The help named p_a_greater
  // alone, as if P(B>A) were 1 - P(A>B).
  const CommandResult r = run_teamsim("compare --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("p_equal"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 - P(A>B) - P(A=B)"), std::string::npos) << r.out;
}

TEST(CliTest, VersionPrintsTheVersion) {
  const CommandResult r = run_teamsim("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("teamsim ", 0), 0u) << r.out;
}

TEST(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(run_teamsim("").exit_code, 2);
  EXPECT_EQ(run_teamsim("run").exit_code, 2);
  EXPECT_EQ(run_teamsim("run scenarios/default.yaml --bogus").exit_code, 2);
  EXPECT_EQ(run_teamsim("run scenarios/default.yaml --replications 0").exit_code, 2);
}

TEST(CliTest, NoCommandOrAMissingArgumentIsSaidInTeamsimsForm) {
  // `teamsim` alone said CLI11's "A subcommand is required", `teamsim run` "scenario is
  // required": neither named the command or what there is to type.
  const CommandResult none = run_teamsim("");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err,
            "teamsim: error: no command given; the commands are run, validate, compare, sweep, "
            "sensitivity, report, batch, init, schema, hires (teamsim init plan.yaml writes a "
            "first plan)\nRun with --help for more information.\n");
  const CommandResult run = run_teamsim("run");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "teamsim run: error: scenario is required\nRun with --help for more "
            "information.\n");
  const CommandResult sweep = run_teamsim("sweep scenarios/default.yaml");
  EXPECT_EQ(sweep.exit_code, 2);
  EXPECT_EQ(sweep.err,
            "teamsim sweep: error: --vary is required\nRun with --help for more "
            "information.\n");
}

TEST(CliTest, EveryMistakeOfTheCommandLineIsSaidInTeamsimsForm) {
  // CLI11's own lines came without the command: "--replications: 'abc' is not a whole number
  // ...", "The following argument was not expected: ...", and for an option before the command
  // "A subcommand is required" (or, for `-n 5 run`, that "5 -n" were not expected by run).
  const CommandResult n = run_teamsim("run scenarios/default.yaml -n abc");
  EXPECT_EQ(n.exit_code, 2);
  EXPECT_EQ(n.err,
            "teamsim run: error: --replications: 'abc' is not a whole number from 1 to 1000000\n"
            "Run with --help for more information.\n");
  const CommandResult month = run_teamsim("run scenarios/default.yaml --month 12");
  EXPECT_EQ(month.exit_code, 2);
  EXPECT_EQ(month.err.rfind("teamsim run: error: --month requires --precision\n", 0), 0u)
      << month.err;
  const CommandResult two = run_teamsim("run scenarios/default.yaml scenarios/small-business.yaml");
  EXPECT_EQ(two.exit_code, 2);
  EXPECT_EQ(two.err.rfind("teamsim run: error: The following argument was not expected: "
                          "scenarios/small-business.yaml\n",
                          0),
            0u)
      << two.err;
  const CommandResult before = run_teamsim("-n 5 run scenarios/default.yaml");
  EXPECT_EQ(before.exit_code, 2);
  EXPECT_EQ(before.err,
            "teamsim: error: unknown option '-n' before a command; teamsim takes --help and "
            "--version, and a command's options come after it (teamsim run plan.yaml -n 100)\n"
            "Run with --help for more information.\n");
}

// The fields of each line of a CSV text (RFC 4180: a quoted field may hold commas and doubled
// quotes), one vector per line.
std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  return rows;
}

TEST(CliTest, CsvFilesQuoteMetricNamesThatHoldACommaOrAQuote) {
  // A territory "Paris, FR" made its metrics' rows one field too long (territory.Paris,
  // FR.leads unquoted): pandas and spreadsheets read every column after it shifted.
  TempDir dir;
  const std::string path = dir.path() + "/paris.yaml";
  std::ofstream(path) << "horizon_months: 3\n"
                         "territories:\n"
                         "  \"Paris, FR\": {inbound_leads_per_month: 10}\n"
                         "  'Say \"hi\"': {inbound_leads_per_month: 10}\n"
                         "hires: [{role: account_executive, month: 1, territory: \"Paris, FR\"}]\n";
  ASSERT_EQ(
      run_teamsim("run " + path + " -n 3 -q --samples 'territory.*' --out " + dir.path() + "/run")
          .exit_code,
      0);
  ASSERT_EQ(std::system(("gzip -dc '" + dir.path() + "/run/samples.csv.gz' > '" + dir.path() +
                         "/run/samples.csv'")
                            .c_str()),
            0);
  ASSERT_EQ(
      run_teamsim("compare " + path + " " + path + " -n 3 -q --out " + dir.path() + "/compare")
          .exit_code,
      0);
  ASSERT_EQ(run_teamsim("sweep " + path +
                        " --vary 'territories.Paris, FR.inbound_leads_per_month=5,10' -n 3 -q "
                        "--out " +
                        dir.path() + "/sweep")
                .exit_code,
            0);
  for (const char* file : {"/run/summary.csv", "/run/summary_wide.csv", "/run/samples.csv",
                           "/compare/compare.csv", "/sweep/sweep.csv"}) {
    SCOPED_TRACE(file);
    const auto rows = csv_rows(read_file(dir.path() + file));
    ASSERT_GT(rows.size(), 1u);
    bool paris = false, hi = false;
    for (const auto& row : rows) {
      EXPECT_EQ(row.size(), rows.front().size());
      for (const std::string& field : row) {
        paris = paris || field == "territory.Paris, FR.leads";
        hi = hi || field == "territory.Say \"hi\".leads";
      }
    }
    EXPECT_TRUE(paris);
    EXPECT_TRUE(hi);
  }
}

TEST(CliTest, AMisspeltCommandOrOptionGetsADidYouMean) {
  // CLI11 alone said "A subcommand is required" and "The following arguments were not
  // expected: 5 --replication".
  const CommandResult command = run_teamsim("rn scenarios/default.yaml");
  EXPECT_EQ(command.exit_code, 2);
  EXPECT_EQ(command.err,
            "teamsim: error: unknown command 'rn'; did you mean 'run'?\n"
            "Run with --help for more information.\n");
  const CommandResult option = run_teamsim("run scenarios/default.yaml --replication 5");
  EXPECT_EQ(option.exit_code, 2);
  EXPECT_EQ(option.err,
            "teamsim run: error: unknown option '--replication'; did you mean '--replications'?\n"
            "Run with --help for more information.\n");
  const CommandResult far = run_teamsim("sweep scenarios/default.yaml --vary seed=1 --zzz=3");
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_NE(far.err.find("teamsim sweep: error: unknown option '--zzz'; the options of teamsim "
                         "sweep are: --help, -h, --variant, "),
            std::string::npos)
      << far.err;
}

TEST(CliTest, AMissingScenarioFileIsSaidByTheOnePrinter) {
  // Not CLI11's "scenario: File does not exist": the command's own prefix, the file and the
  // system's reason, exit code 2 (the command line names a file that is not there).
  for (const char* command : {"run", "sweep", "sensitivity"}) {
    const std::string args = std::string(command) + " no/such/file.yaml" +
                             (std::string(command) == "sweep" ? " --vary seed=1,2" : "");
    const CommandResult missing = run_teamsim(args);
    EXPECT_EQ(missing.exit_code, 2) << command;
    EXPECT_EQ(missing.err, std::string("teamsim ") + command +
                               ": error: cannot read the scenario file no/such/file.yaml: No such "
                               "file or directory\n")
        << command;
  }
}

TEST(CliTest, AFolderGivenForAScenarioIsAUsageErrorThatNamesBatch) {
  // `teamsim validate scenarios/` said "scenarios/: cannot read the file: Is a directory" and
  // "invalid scenario (1 problem)", exit 3, as if a scenario were wrong.
  for (const char* command : {"run", "validate", "sensitivity"}) {
    const CommandResult folder = run_teamsim(std::string(command) + " scenarios/");
    EXPECT_EQ(folder.exit_code, 2) << command;
    EXPECT_EQ(folder.err, std::string("teamsim ") + command +
                              ": error: scenarios is a folder, not a scenario file: name a file "
                              "in it (scenarios/plan.yaml), or run every scenario it holds with "
                              "teamsim batch scenarios\n")
        << command;
  }
}

TEST(CliTest, AVariantsFileRunWithoutAVariantSaysItsBaseEmploysNoOne) {
  // compare-manager-first.yaml keeps its hires in its variants: run without --variant gave a
  // table of zeros (headcount 0, ARR $0) and no word why.
  TempDir out;
  const CommandResult base =
      run_teamsim("run scenarios/compare-manager-first.yaml -n 2 -q --out " + out.path());
  EXPECT_EQ(base.exit_code, 0) << base.err;
  EXPECT_NE(base.err.find("teamsim run: warning: scenarios/compare-manager-first.yaml without a "
                          "variant is its base plan, which employs no one (no starting_staff, "
                          "hires or hiring_rules), so every result is a team of nobody; its "
                          "plans are its variants (manager_first, reps_first): choose one with "
                          "--variant manager_first, or compare them with teamsim compare "
                          "scenarios/compare-manager-first.yaml --variants "
                          "manager_first,reps_first\n"),
            std::string::npos)
      << base.err;
  const CommandResult hires = run_teamsim("hires scenarios/compare-manager-first.yaml");
  EXPECT_NE(hires.err.find("teamsim hires: warning: scenarios/compare-manager-first.yaml without"),
            std::string::npos)
      << hires.err;
  // A variant chosen, or a base that employs people (uncertain-lead-flow.yaml's variants vary
  // its rates): no warning.
  for (const std::string args : {"run scenarios/compare-manager-first.yaml --variant reps_first",
                                 "run scenarios/uncertain-lead-flow.yaml"}) {
    const CommandResult r = run_teamsim(args + " -n 2 -q --out " + out.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err.find("without a variant"), std::string::npos) << args << r.err;
  }
}

TEST(CliTest, AVariantsFileRunWithoutAVariantNotesThatNoneOfThemRan) {
  // A founder wrote two plans as variants over a base that employs two AEs today, then ran the
  // file as README's quick start does: the report said "Dated hires: none" and nothing told them
  // that neither plan had run.
  TempDir dir;
  const std::string path = dir.path() + "/plan.yaml";
  std::ofstream(path) << "horizon_months: 12\n"
                         "starting_staff: [{role: account_executive, count: 2}]\n"
                         "variants:\n"
                         "  three_aes: {hires: [{role: account_executive, count: 3, month: 1}]}\n"
                         "  one_ae: {hires: [{role: account_executive, month: 1}]}\n";
  const std::string note =
      "teamsim run: note: plan.yaml declares variants (three_aes, one_ae); without --variant this "
      "is its base plan, none of them: choose one with --variant three_aes, or compare them with "
      "teamsim compare plan.yaml --variants three_aes,one_ae\n";
  const CommandResult base = run_teamsim("run plan.yaml -n 2 -q", dir.path());
  EXPECT_EQ(base.exit_code, 0) << base.err;
  EXPECT_NE(base.err.find(note), std::string::npos) << base.err;
  EXPECT_EQ(base.err.find("warning"), std::string::npos) << base.err;
  const CommandResult chosen = run_teamsim("run plan.yaml --variant one_ae -n 2 -q", dir.path());
  EXPECT_EQ(chosen.exit_code, 0) << chosen.err;
  EXPECT_EQ(chosen.err.find("note:"), std::string::npos) << chosen.err;
}

TEST(CliTest, AnUnknownVariantIsAUsageErrorNamingTheFileAndItsVariants) {
  // --variant naming a variant the file does not declare exited 3 (invalid scenario) with
  // "<command line>: unknown variant ..." and "plan.yaml:NAME: invalid scenario (1 problem)"; it is
  // the command line's mistake, which the exit codes give 2.
  TempDir out;
  const std::string options = " -n 2 -q --out " + out.path();
  for (const auto& [command, rest] : std::vector<std::pair<std::string, std::string>>{
           {"run", options},
           {"validate", ""},
           {"hires", ""},
           {"sensitivity", options},
           {"sweep", options + " --vary pipeline.win_rate=0.2,0.3"}}) {
    const CommandResult r = run_teamsim(
        command + " scenarios/compare-manager-first.yaml --variant manager_frist" + rest);
    EXPECT_EQ(r.exit_code, 2) << command << r.err;
    EXPECT_NE(r.err.find(fmt::format("teamsim {}: error: scenarios/compare-manager-first.yaml has "
                                     "no variant 'manager_frist'; did you mean 'manager_first'?\n",
                                     command)),
              std::string::npos)
        << command << r.err;
    EXPECT_EQ(r.err.find("invalid scenario"), std::string::npos) << command << r.err;
  }
  CommandResult r = run_teamsim(
      "run scenarios/compare-manager-first.yaml --variant fast -n 2 -q --out " + out.path());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("teamsim run: error: scenarios/compare-manager-first.yaml has no variant "
                       "'fast'; its variants are: manager_first, reps_first\n"),
            std::string::npos)
      << r.err;
  r = run_teamsim("run scenarios/default.yaml --variant fast -n 2 -q --out " + out.path());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("teamsim run: error: scenarios/default.yaml has no variant 'fast': it "
                       "declares no variants\n"),
            std::string::npos)
      << r.err;
}

TEST(CliTest, InvalidScenarioExitsThreeWithEveryProblem) {
  const std::string file = "tests/e2e/data/broken.yaml";
  for (const char* command : {"run", "validate"}) {
    const CommandResult r = run_teamsim(std::string(command) + " " + file);
    EXPECT_EQ(r.exit_code, 3) << command;
    EXPECT_NE(r.err.find(file + ":4:5: roles.account_executive: unknown key 'anual_salary'"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("did you mean 'annual_salary'?"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(file + ":8:12: hires[0].role:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(file + ":10:18: customers.monthly_churn:"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
}

TEST(CliTest, PlausibilityWarningsAreSaidAndStopOnlyWithStrict) {
  TempDir dir;
  const std::string path = dir.path() + "/churn.yaml";
  std::ofstream(path) << "territories: {a: {inbound_leads_per_month: 60}}\n"
                         "starting_staff: [{role: account_executive, count: 2}]\n"
                         "customers: {initial: 10, monthly_churn: 1}\n";
  const std::string warning =
      path +
      ":3:41: warning: customers.monthly_churn: 1 means 100 %: every customer leaves at its "
      "first renewal, so ARR falls to 0. If you meant 1 %, write 1% or 0.01";
  const CommandResult valid = run_teamsim("validate " + path);
  EXPECT_EQ(valid.exit_code, 0) << valid.err;
  EXPECT_NE(valid.err.find(warning), std::string::npos) << valid.err;

  const CommandResult strict = run_teamsim("validate --strict " + path);
  EXPECT_EQ(strict.exit_code, 3) << strict.err;
  EXPECT_NE(strict.err.find(warning), std::string::npos) << strict.err;
  EXPECT_NE(strict.err.find("1 plausibility warning, an error with --strict"), std::string::npos)
      << strict.err;

  const std::string out = dir.path() + "/out";
  const CommandResult run = run_teamsim("run --strict " + path + " -n 10 --out " + out);
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_FALSE(std::filesystem::exists(out)) << "nothing is written when --strict stops a run";
  const CommandResult ran = run_teamsim("run " + path + " -n 10 -q --out " + out);
  EXPECT_EQ(ran.exit_code, 0) << ran.err;
  EXPECT_NE(ran.err.find(warning), std::string::npos) << ran.err;

  // A sweep loads the file once per point and compare once per plan: the warning of what they
  // share is said once, not three times.
  const auto times = [](const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
      ++n;
    }
    return n;
  };
  const CommandResult swept =
      run_teamsim("sweep " + path + " --vary pipeline.win_rate=0.1,0.2,0.3 -n 10 -q --out " +
                  dir.path() + "/sweep");
  EXPECT_EQ(swept.exit_code, 0) << swept.err;
  EXPECT_EQ(times(swept.err, warning), 1u) << swept.err;
  const CommandResult compared = run_teamsim("compare " + path + " " + path + " " + path +
                                             " -n 10 -q --out " + dir.path() + "/compare");
  EXPECT_EQ(compared.exit_code, 0) << compared.err;
  EXPECT_EQ(times(compared.err, warning), 1u) << compared.err;
}

TEST(CliTest, TheRunTableAnswersCashRisk) {
  // No staff, no customers: 100k less 40k a month is 60k, 20k, then -20k at month 3's end in
  // every history, and -380k at month 12; the trough is the month's own cash.
  TempDir dir;
  const std::string path = dir.path() + "/burn.yaml";
  std::ofstream(path) << "horizon_months: 12\n"
                         "money: {starting_cash: 100_000, other_monthly_costs: 40_000}\n";
  const CommandResult r = run_teamsim("run " + path + " -n 20 --out " + dir.path() + "/out");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Lowest cash so far         │   -$380k   -$380k   -$380k"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("P(cash < 0) by then        │                     100.0%"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Runway: P(cash < 0) reaches 10 % in month 3 (50 % in month 3)."),
            std::string::npos)
      << r.out;
}

TEST(CliTest, UndefinedRatiosAreEmptyNotZero) {
  // Nobody sells and nobody is hired: no deal ever closes, so win_rate has no value in any
  // history or month (docs/metrics.md, "Undefined ratios"): empty CSV fields, null in JSON,
  // "n/a" in the table, and a defined count of 0 — never a 0 % win rate.
  TempDir dir;
  const std::string path = dir.path() + "/nobody.yaml";
  std::ofstream(path) << "horizon_months: 12\nstarting_staff: []\n";
  const CommandResult r = run_teamsim("run " + path + " -n 20 --out " + dir.path() + "/out");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = read_file(dir.path() + "/out/summary.csv");
  EXPECT_NE(csv.find("\nnobody,12,win_rate,ratio,,,,,,,,,,0\n"), std::string::npos)
      << csv.substr(0, 300);
  EXPECT_NE(csv.find("\nnobody,12,deals_won,count,0,0,0,0,0,0,0,0,0,20\n"), std::string::npos);
  const auto json = nlohmann::json::parse(read_file(dir.path() + "/out/summary.json"));
  for (const auto& metric : json["metrics"]) {
    if (metric["name"] != "win_rate") continue;
    EXPECT_TRUE(metric["mean"][11].is_null());
    EXPECT_TRUE(metric["p50"][11].is_null());
    EXPECT_EQ(metric["defined"][11], 0);
    EXPECT_EQ(metric["can_be_undefined"], true);
    EXPECT_EQ(metric["mean_over"], "events");
  }
  EXPECT_NE(r.out.find("Ramped AEs on quota (%)    │      n/a      n/a      n/a"),
            std::string::npos)
      << r.out;
  const std::string wide = read_file(dir.path() + "/out/summary_wide.csv");
  EXPECT_NE(wide.find("\nwin_rate,ratio,defined,0,0,0,0,0,0,0,0,0,0,0,0\n"), std::string::npos);
  EXPECT_NE(wide.find("\nwin_rate,ratio,p50" + std::string(12, ',') + "\n"), std::string::npos);
}

TEST(CliTest, ATableCellOverFewerReplicationsIsMarkedAndCounted) {
  // One AE who leaves within the year with probability 0.9: in many histories there is no
  // ramped AE with a quota at month 12, so share_at_quota is undefined there; its cells are over
  // the other histories, marked *, and the footnote says over how many.
  TempDir dir;
  const std::string path = dir.path() + "/one.yaml";
  std::ofstream(path) << "horizon_months: 12\n"
                         "starting_staff: [{role: account_executive, count: 1}]\n"
                         "roles: {account_executive: {annual_attrition: 0.9}}\n";
  const CommandResult r = run_teamsim("run " + path + " -n 200 --out " + dir.path() + "/out");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Ramped AEs on quota (%)    │    "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("%*"), std::string::npos) << r.out;
  const std::size_t note = r.out.find("* Ramped AEs on quota (%), month 12: over the ");
  ASSERT_NE(note, std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" of 200 replications with a value\n", note), std::string::npos) << r.out;
}

TEST(CliTest, TheReadmeFiveLineScenarioRuns) {
  // The README promises that a five-line scenario runs on defaults; keep that promise checked.
  const std::string readme = read_file(std::string(TEAMSIM_SOURCE_DIR) + "/README.md");
  const std::size_t start = readme.find("```yaml\n");
  ASSERT_NE(start, std::string::npos);
  const std::size_t body = start + 8;
  const std::size_t end = readme.find("```", body);
  ASSERT_NE(end, std::string::npos);
  TempDir dir;
  const std::string path = dir.path() + "/five-lines.yaml";
  std::ofstream(path) << readme.substr(body, end - body);
  const CommandResult r = run_teamsim("run " + path + " -n 50 --out " + dir.path() + "/out");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("five-lines"), std::string::npos) << r.out;
}

TEST(CliTest, ValidateAcceptsEveryShippedScenario) {
  std::string args = "validate";
  for (const std::string& scenario : shipped_scenarios()) args += " '" + scenario + "'";
  const CommandResult r = run_teamsim(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(CliTest, ValidateCountsThePeopleTheDatedHiresBringNotTheirLines) {
  // "3 AEs now" written as one line with its count read "1 dated hire": the lines were counted.
  // Here 3 AEs in month 1, a manager in month 6 and a line of nobody: 3 + 1 + 0 = 4 people.
  TempDir dir;
  const std::string path = dir.path() + "/plan.yaml";
  std::ofstream(path) << "horizon_months: 12\n"
                         "hires:\n"
                         "  - {role: account_executive, count: 3, month: 1}\n"
                         "  - {role: sales_manager, month: 6}\n"
                         "  - {role: account_executive, count: 0, month: 2}\n";
  const CommandResult r = run_teamsim("validate " + path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(", 12 months, 2 roles, 1 territory, 4 dated hires\n"), std::string::npos)
      << r.out;
}

TEST(CliTest, ValidateCountsThePlansRolesNotTheBuiltInOnes) {
  // init's plan writes 2 roles (account_executive, sales_manager) and validate said "7 roles":
  // it counted the built-in roles every scenario has, one per kind.
  TempDir dir;
  ASSERT_EQ(run_teamsim("init t.yaml", dir.path()).exit_code, 0);
  CommandResult r = run_teamsim("validate t.yaml", dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(", 36 months, 2 roles, 1 territory, 0 dated hires\n"), std::string::npos)
      << r.out;
  // A role of its own, and a built-in one it hires without amending it: 2; a variant that
  // hires a third role counts it too.
  const std::string path = dir.path() + "/plans.yaml";
  std::ofstream(path) << "horizon_months: 12\n"
                         "roles:\n"
                         "  sdr: {kind: account_executive, annual_quota: 0}\n"
                         "starting_staff: [{role: sdr}]\n"
                         "hires: [{role: account_executive, month: 2}]\n"
                         "variants:\n"
                         "  managed: {hires: [{role: account_executive, month: 2}, "
                         "{role: sales_manager, month: 3}]}\n";
  r = run_teamsim("validate " + path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(
      r.out.find("plans.yaml: ok — \"plans\", 12 months, 2 roles, 1 territory, 1 dated hire\n"),
      std::string::npos)
      << r.out;
  EXPECT_NE(
      r.out.find(
          "plans.yaml:managed: ok — \"plans [managed]\", 12 months, 3 roles, 1 territory, 2 dated "
          "hires\n"),
      std::string::npos)
      << r.out;
}

TEST(CliTest, ValidateSaysWhatVariantsShareOnceAndNamesTheVariantsOfTheRest) {
  // validate loads the base and each variant: a warning of the base was printed once per load,
  // and a warning of one variant (at the file's first line, for a default) did not say whose.
  TempDir dir;
  const std::string path = dir.path() + "/plans.yaml";
  std::ofstream(path) << "horizon_months: 12\n"
                         "customers: {monthly_churn: 1}\n"
                         "hires:\n"
                         "  - {role: account_executive, month: 1}\n"
                         "variants:\n"
                         "  a: {money: {starting_cash: 1_000_000}}\n"
                         "  b: {hires: [{role: account_executive, count: 4, month: 1}]}\n";
  CommandResult r = run_teamsim("validate " + path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string churn = "plans.yaml:2:28: warning: customers.monthly_churn: 1 means 100 %";
  const std::size_t at = r.err.find(churn);
  ASSERT_NE(at, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(churn, at + 1), std::string::npos) << r.err;  // once, and for every plan
  EXPECT_NE(r.err.find("write 1% or 0.01\n", at), std::string::npos) << r.err;  // no "(in ...)"
  // Four AEs on 20 leads, and four searches at once on the founder's one slot: b's alone.
  EXPECT_NE(r.err.find("raise the lead flow or max_open_opportunities (in b)\n"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("plans.yaml:7:15: warning: hires[0]: the recruiting bandwidth"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("or spread the hires (in b)\n"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("plans.yaml: ok"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("plans.yaml:a: ok"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("plans.yaml:b: ok"), std::string::npos) << r.out;

  // A problem of the base is every variant's: said once, and each plan is counted invalid.
  std::ofstream(path) << "horizon_months: 12\n"
                         "customers: {monthly_churn: lots}\n"
                         "variants:\n"
                         "  a: {money: {starting_cash: 1_000_000}}\n"
                         "  b: {money: {starting_cash: 2_000_000}}\n";
  r = run_teamsim("validate " + path);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const std::string problem = "plans.yaml:2:28: customers.monthly_churn: expected a number";
  const std::size_t problem_at = r.err.find(problem);
  ASSERT_NE(problem_at, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(problem, problem_at + 1), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("error: " + path + ":b: invalid scenario (1 problem)"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("error: 3 of 3 scenarios checked are invalid"), std::string::npos) << r.err;
}

TEST(CliTest, ValidateGoesOnPastAFileItCannotRead) {
  // A missing file among several stopped the check there: the empty file after it went unchecked.
  TempDir dir;
  std::ofstream(dir.path() + "/empty.yaml") << "";
  const CommandResult r = run_teamsim("validate scenarios/small-business.yaml no/such/file.yaml " +
                                      dir.path() + "/empty.yaml");
  EXPECT_EQ(r.exit_code, 2) << r.err;  // a file the command line names is not there
  EXPECT_NE(r.out.find("scenarios/small-business.yaml: ok"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("cannot read the scenario file no/such/file.yaml"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("empty.yaml:1:1: the scenario is empty"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("teamsim validate: error: 1 of 3 files could not be read; 1 of 2 "
                       "scenarios checked is invalid\n"),
            std::string::npos)
      << r.err;
}

TEST(CliTest, ValidateOfSeveralFilesSaysWhichHaveNoSuchVariant) {
  // An unknown --variant closed with "2 of 2 files could not be read": they were read, and each
  // said it has no such variant just above.
  const std::string files = "scenarios/default.yaml scenarios/compare-manager-first.yaml";
  CommandResult r = run_teamsim("validate " + files + " --variant nosuch");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("compare-manager-first.yaml has no variant 'nosuch'; its variants are: "
                       "manager_first, reps_first"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("teamsim validate: error: 2 of 2 files have no variant 'nosuch'\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("could not be read"), std::string::npos) << r.err;

  // With a file that is not there and one that has the variant, each is counted as what it is.
  r = run_teamsim("validate " + files + " no/such/file.yaml --variant reps_first");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.out.find("compare-manager-first.yaml:reps_first: ok"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("teamsim validate: error: 1 of 3 files could not be read; 1 of 3 files has "
                       "no variant 'reps_first'\n"),
            std::string::npos)
      << r.err;
}

TEST(CliTest, UnwritableOutputFolderIsARuntimeErrorAndWritesNothing) {
  TempDir dir;
  const std::string blocker = dir.path() + "/a-file";
  { std::ofstream(blocker) << "x"; }
  const CommandResult r =
      run_teamsim("run scenarios/small-business.yaml -n 20 --out " + blocker + "/results");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot create folder"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(CliTest, AFileSystemThatFillsUpWhileWritingLeavesNothing) {
  // A file-size limit of 16 KiB (with SIGXFSZ ignored, so write() fails with EFBIG as it fails
  // with ENOSPC on a full disk) stops summary.csv, some 400 kB, part way through.
  TempDir dir;
  const std::string out = dir.path() + "/out";
  const std::string err = dir.path() + "/stderr";
  const std::string command = std::string("cd '") + TEAMSIM_SOURCE_DIR +
                              "' && (ulimit -f 16; trap '' XFSZ; exec '" + TEAMSIM_BINARY +
                              "' run scenarios/default.yaml -n 20 -q --out '" + out +
                              "') >/dev/null 2>'" + err + "' </dev/null";
  const int status = std::system(("bash -c \"" + command + "\"").c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1) << read_file(err);
  EXPECT_NE(read_file(err).find("teamsim run: error: cannot write " + out +
                                "/summary.csv: File too large"),
            std::string::npos)
      << read_file(err);
  // Neither result nor the temporary the partial write went to is left behind.
  EXPECT_TRUE(std::filesystem::is_empty(out));
}

}  // namespace
}  // namespace teamsim::e2e
