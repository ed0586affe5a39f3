#include "app/scenario/hiring_plan_csv.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "app/scenario/scenario_json.h"
#include "app/scenario/scenario_loader.h"
#include "app/scenario/scenario_resolver.h"
#include "models/replication_inputs.h"

namespace teamsim::app {
namespace {

namespace fs = std::filesystem;

// A scenario file and its hiring-plan CSV in a fresh temp folder.
class HiresCsvTest : public ::testing::Test {
 protected:
  HiresCsvTest() {
    folder_ = fs::temp_directory_path() /
              fmt::format("teamsim-hires-csv-{}-{}",
                          ::testing::UnitTest::GetInstance()->current_test_info()->name(),
                          static_cast<unsigned>(std::hash<std::string>{}(fs::current_path())));
    fs::remove_all(folder_);
    fs::create_directories(folder_ / "plans");
  }
  ~HiresCsvTest() override { fs::remove_all(folder_); }

  void write(const std::string& name, const std::string& text) {
    std::ofstream(folder_ / name, std::ios::binary) << text;
  }
  /// Loads plans/plan.yaml naming plans/hires.csv (holding `csv`) after the YAML `extra` lines.
  LoadResult load(const std::string& csv, const std::string& extra = "") {
    write("plans/hires.csv", csv);
    write("plans/plan.yaml",
          "horizon_months: 24\n"
          "territories: {emea: {}, us: {}}\n" +
              extra + "hires_csv: hires.csv\n");
    return load_scenario_file((folder_ / "plans/plan.yaml").string());
  }
  std::vector<std::string> errors(const LoadResult& result) const {
    std::vector<std::string> out;
    const std::string prefix = (folder_ / "plans").string() + "/";
    for (const Diagnostic& d : result.diagnostics) {
      std::string line = format_diagnostic(d);
      if (line.starts_with(prefix)) line.erase(0, prefix.size());
      out.push_back(line);
    }
    return out;
  }

  fs::path folder_;
};

TEST_F(HiresCsvTest, RowsAreReadAsHiresAfterTheYamlOnes) {
  const LoadResult loaded = load(
      "\xEF\xBB\xBFRole,Count,Month,Start_Month,Territory,Source\r\n"
      "sales_manager,,1,,,\r\n"
      "\r\n"
      "account_executive, 2 ,,6,emea,referral\r\n"
      "\"account_executive\",1,3,,\"us\",\n",
      "hires: [{role: sales_operations, month: 2}]\n");
  ASSERT_TRUE(loaded.ok()) << fmt::format("{}", fmt::join(errors(loaded), "\n"));
  const auto& hires = loaded.spec->hires;
  ASSERT_EQ(hires.size(), 4u);
  EXPECT_EQ(hires[0].role, "sales_operations");
  EXPECT_EQ(hires[1].role, "sales_manager");
  EXPECT_EQ(hires[1].count, 1);
  EXPECT_EQ(hires[1].month, 1);
  EXPECT_EQ(hires[1].source, "experienced_external");
  EXPECT_EQ(hires[2].count, 2);
  EXPECT_EQ(hires[2].month, 6);
  EXPECT_TRUE(hires[2].by_start_month);
  EXPECT_EQ(hires[2].territory, "emea");
  EXPECT_EQ(hires[2].source, "referral");
  EXPECT_EQ(hires[3].territory, "us");
  EXPECT_FALSE(hires[3].by_start_month);
}

TEST_F(HiresCsvTest, EachMistakeIsReportedAtItsCell) {
  EXPECT_EQ(errors(load("role,month,count,teritory\nsales_manager,1,1,emea\n")),
            std::vector<std::string>{
                "hires.csv:1:18: unknown column 'teritory'; did you mean 'territory'?"});
  const LoadResult loaded = load(
      "role,month,count,territory\n"
      "account_executive,40,1,\n"
      "acount_executive,2,-1,\n"
      "sales_manager,,1,\n"
      "sales_manager,1,1,emea,extra\n");
  EXPECT_EQ(errors(loaded),
            (std::vector<std::string>{
                "hires.csv:2:19: hires_csv[0].month: must be between 1 and 24 (horizon_months), "
                "got 40",
                "hires.csv:3:1: hires_csv[1].role: unknown role 'acount_executive'; did you mean "
                "'account_executive'?",
                "hires.csv:3:20: hires_csv[1].count: must be between 0 and 100000, got -1",
                "hires.csv:4:1: hires_csv[2]: missing required key 'month'",
                "hires.csv:5:24: 5 cells, but the header names 4 columns",
            }));
}

TEST_F(HiresCsvTest, MalformedCsvIsReported) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "hires.csv: no header row; the first line names the columns, e.g. role,month,count"},
      {"role,month\n\"sales_manager,1\n",
       "hires.csv:2:1: a quoted field is not closed; add the closing \""},
      {"role,month\n\"sales\"_manager,1\n",
       "hires.csv:2:8: text after a quoted field's closing quote; write \"\" for a quote inside "
       "it"},
      {"role,month\nsales\"manager,1\n",
       "hires.csv:2:6: a quote inside an unquoted field; quote the whole field"},
      {"role,month,Role\n", "hires.csv:1:12: column 'role' appears twice (first at column 1)"},
      {"role,,month\n", "hires.csv:1:6: an empty column name; name every column of the header"},
      {std::string(17, ','), "hires.csv:1:17: more than 16 columns"},
  };
  for (const auto& [csv, message] : cases) {
    EXPECT_EQ(errors(load(csv)), std::vector<std::string>{message}) << csv;
  }
}

TEST_F(HiresCsvTest, LimitsAreReported) {
  std::string rows = "role,month\n";
  for (std::size_t i = 0; i <= kMaxHiresCsvRows; ++i) rows += "sales_manager,1\n";
  EXPECT_EQ(errors(load(rows)),
            std::vector<std::string>{fmt::format(
                "hires.csv:{}:1: more than 10000 rows; a hiring plan this long is surely not one",
                kMaxHiresCsvRows + 2)});
  const std::string huge = "role,month\n" + std::string(kMaxHiresCsvBytes, 'x') + "\n";
  EXPECT_EQ(
      errors(load(huge)),
      std::vector<std::string>{
          "hires.csv: larger than 1048576 bytes; a hiring plan this large is surely not one"});
}

TEST_F(HiresCsvTest, AMissingFileIsReportedAtTheKey) {
  write("plans/plan.yaml", "hires_csv: nowhere.csv\n");
  const LoadResult loaded = load_scenario_file((folder_ / "plans/plan.yaml").string());
  EXPECT_EQ(errors(loaded), std::vector<std::string>{fmt::format(
                                "plan.yaml:1:12: hires_csv: cannot read {}: No such file or "
                                "directory",
                                (folder_ / "plans/nowhere.csv").string())});
}

// A scenario with a per-replication input is loaded again for every replication, with the input's
// draw in place: each of those loads reads the rows read when the scenario was loaded, not the
// file, so an edit during a run cannot change the plan from one replication to the next.
TEST_F(HiresCsvTest, EachReplicationHasThePlanAsLoadedWhateverBecomesOfTheFile) {
  const LoadResult loaded =
      load("role,month,count\naccount_executive,3,2\n",
           "pipeline: {win_rate: {dist: uniform, min: 0.1, max: 0.3, per: replication}}\n");
  ASSERT_TRUE(loaded.ok()) << fmt::format("{}", fmt::join(errors(loaded), "\n"));
  ASSERT_TRUE(loaded.spec->respecifier);
  write("plans/hires.csv", "role,month,count\nsales_manager,9,1\n");
  const model::ScenarioSpec edited = loaded.spec->respecifier->respecify({0.25});
  fs::remove(folder_ / "plans/hires.csv");
  const model::ScenarioSpec removed = loaded.spec->respecifier->respecify({0.15});
  for (const model::ScenarioSpec& drawn : {edited, removed}) {
    ASSERT_EQ(drawn.hires.size(), 1u);
    EXPECT_EQ(drawn.hires[0].role, "account_executive");
    EXPECT_EQ(drawn.hires[0].month, 3);
    EXPECT_EQ(drawn.hires[0].count, 2);
  }
  EXPECT_EQ(removed.pipeline.win_rate.mean(), 0.15);
}

// In a file another extends, hires_csv is relative to the file that names it, as extends is.
TEST_F(HiresCsvTest, APathInAnExtendedFileIsRelativeToThatFile) {
  fs::create_directories(folder_ / "plans/shared");
  write("plans/shared/hires.csv", "role,month\nsales_manager,2\n");
  write("plans/shared/base.yaml", "hires_csv: hires.csv\n");
  write("plans/plan.yaml", "extends: shared/base.yaml\nhorizon_months: 12\n");
  const LoadResult loaded = resolve_scenario({(folder_ / "plans/plan.yaml").string(), "", {}});
  ASSERT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  ASSERT_EQ(loaded.spec->hires.size(), 1u);
  EXPECT_EQ(loaded.spec->hires[0].month, 2);
}

// The resolved plan written as CSV reads back into the same hires.
TEST_F(HiresCsvTest, TheWrittenPlanReadsBackTheSame) {
  write("plans/yaml.yaml",
        "horizon_months: 24\n"
        "territories: {emea: {}, \"us, east\": {}}\n"
        "hires:\n"
        "  - {role: sales_manager, month: 1}\n"
        "  - {role: account_executive, count: 3, start_month: 5, territory: \"us, east\"}\n"
        "  - {role: account_executive, count: 0, month: 24, territory: emea, source: referral}\n");
  const LoadResult from_yaml = load_scenario_file((folder_ / "plans/yaml.yaml").string());
  ASSERT_TRUE(from_yaml.ok()) << format_diagnostics(from_yaml.diagnostics);
  const std::string csv = hires_to_csv(*from_yaml.spec);
  write("plans/hires.csv", csv);
  write("plans/plan.yaml",
        "horizon_months: 24\nterritories: {emea: {}, \"us, east\": {}}\nhires_csv: hires.csv\n");
  const LoadResult from_csv = load_scenario_file((folder_ / "plans/plan.yaml").string());
  ASSERT_TRUE(from_csv.ok()) << format_diagnostics(from_csv.diagnostics) << csv;
  ASSERT_EQ(from_csv.spec->hires.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    const model::HireSpec& a = from_yaml.spec->hires[i];
    const model::HireSpec& b = from_csv.spec->hires[i];
    EXPECT_EQ(std::tie(a.role, a.count, a.month, a.territory, a.source, a.by_start_month),
              std::tie(b.role, b.count, b.month, b.territory, b.source, b.by_start_month))
        << i;
  }
  EXPECT_EQ(hires_to_csv(*from_csv.spec), csv);
}

// With a start date, a month cell holds a month number or a calendar month; a date before the
// start or past the horizon is reported at its cell, naming both.
TEST_F(HiresCsvTest, CellsMayHoldCalendarMonths) {
  const LoadResult loaded = load(
      "role,month,start_month,count\n"
      "sales_manager,2026-11,,1\n"
      "account_executive,,2027-01,2\n"
      "account_executive,5,,1\n",
      "start_date: 2026-11\n");
  ASSERT_TRUE(loaded.ok()) << fmt::format("{}", fmt::join(errors(loaded), "\n"));
  const auto& hires = loaded.spec->hires;
  ASSERT_EQ(hires.size(), 3u);
  EXPECT_EQ(hires[0].month, 1);
  EXPECT_EQ(hires[1].month, 3);  // Nov 2026, Dec 2026, Jan 2027
  EXPECT_TRUE(hires[1].by_start_month);
  EXPECT_EQ(hires[2].month, 5);
  EXPECT_EQ(errors(load("role,month\nsales_manager,2026-10\nsales_manager,2028-11\n",
                        "start_date: 2026-11\n")),
            (std::vector<std::string>{
                "hires.csv:2:15: hires_csv[0].month: 2026-10 is before the plan starts: the plan "
                "runs from 2026-11 (start_date) to 2028-10 (horizon_months 24)",
                "hires.csv:3:15: hires_csv[1].month: 2028-11 is past the horizon: the plan runs "
                "from 2026-11 (start_date) to 2028-10 (horizon_months 24)"}));
  EXPECT_EQ(errors(load("role,month\nsales_manager,2027-03\n")),
            std::vector<std::string>{
                "hires.csv:2:15: hires_csv[0].month: 2027-03 is a calendar month, but the scenario "
                "has no start_date: add start_date: YYYY-MM (the first simulated month) at its top "
                "level, or give the month's number (1 = the first)"});
}

// With a start date the plan is written with calendar months, and reads back into the same
// scenario (the same hash) as the YAML it came from.
TEST_F(HiresCsvTest, ADatedPlanIsWrittenWithDatesAndReadsBackTheSame) {
  const std::string common =
      "name: plan\nstart_date: 2027-11\nhorizon_months: 24\nterritories: {emea: {}}\n";
  write("plans/yaml.yaml", common +
                               "hires:\n"
                               "  - {role: sales_manager, month: 1}\n"
                               "  - {role: account_executive, count: 2, start_month: 2028-02}\n");
  const LoadResult from_yaml = load_scenario_file((folder_ / "plans/yaml.yaml").string());
  ASSERT_TRUE(from_yaml.ok()) << format_diagnostics(from_yaml.diagnostics);
  const std::string csv = hires_to_csv(*from_yaml.spec);
  EXPECT_EQ(csv,
            "role,month,start_month,count,territory,source\n"
            "sales_manager,2027-11,,1,,experienced_external\n"
            "account_executive,,2028-02,2,,experienced_external\n");
  write("plans/hires.csv", csv);
  write("plans/plan.yaml", common + "hires_csv: hires.csv\n");
  const LoadResult from_csv = load_scenario_file((folder_ / "plans/plan.yaml").string());
  ASSERT_TRUE(from_csv.ok()) << format_diagnostics(from_csv.diagnostics) << csv;
  EXPECT_EQ(scenario_hash(*from_csv.spec), scenario_hash(*from_yaml.spec));
  EXPECT_EQ(hires_to_csv(*from_csv.spec), csv);
}

// Hostile bytes (quotes, separators, line ends, BOM pieces, NULs) never crash or hang the
// reader: it returns rows or reports problems. A cheap stand-in for fuzz/hires_csv_fuzzer.cc.
TEST(HiresCsvRandomTest, ArbitraryBytesOnlyGiveRowsOrDiagnostics) {
  const std::string alphabet = std::string("\"\",,\r\n \t\xEF\xBB\xBFrole,month,count1a-") + '\0';
  std::mt19937 rng(15);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 200);
    for (int i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
    std::vector<Diagnostic> diagnostics;
    DiagnosticSink sink(diagnostics);
    const auto rows = parse_hires_csv(text, "r.csv", sink);
    if (!rows) {
      EXPECT_FALSE(diagnostics.empty()) << text;
    }
  }
}

}  // namespace
}  // namespace teamsim::app
