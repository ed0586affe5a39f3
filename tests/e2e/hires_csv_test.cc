// End-to-end tests of hiring plans as CSV: `teamsim hires` writes a scenario's resolved dated
// hires, a scenario naming that file in `hires_csv:` runs to the same results, and a mistake in
// the CSV is reported at its cell.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

namespace fs = std::filesystem;

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

TEST(HiresCsvTest, ThePlanWrittenAsCsvRunsToTheSameResults) {
  TempDir folder;
  const std::string source = std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/manager-first.yaml";
  const CommandResult hires = run_teamsim("hires " + source + " -o hires.csv", folder.path());
  ASSERT_EQ(hires.exit_code, 0) << hires.err;
  const std::string csv = read_file(folder.path() + "/hires.csv");
  EXPECT_TRUE(csv.starts_with("role,month,start_month,count,territory,source\n")) << csv;
  EXPECT_NE(csv.find("sales_manager,"), std::string::npos) << csv;
  EXPECT_EQ(run_teamsim("hires " + source).out, csv);  // stdout without -o

  // The same scenario with its hires: list replaced by the CSV.
  write(folder.path() + "/from-csv.yaml",
        "extends: " + source + "\nhires: []\nhires_csv: hires.csv\n");
  const CommandResult a = run_teamsim("run " + source + " -n 40 -q --out a", folder.path());
  const CommandResult b = run_teamsim("run from-csv.yaml -n 40 -q --out b", folder.path());
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(read_file(folder.path() + "/a/summary.csv"),
            read_file(folder.path() + "/b/summary.csv"));
}

TEST(HiresCsvTest, AMistakeInTheCsvIsReportedAtItsCell) {
  TempDir folder;
  write(folder.path() + "/plan.yaml", "horizon_months: 12\nhires_csv: plan.csv\n");
  write(folder.path() + "/plan.csv", "role,month\naccount_executive,13\n");
  const CommandResult result = run_teamsim("validate plan.yaml", folder.path());
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_NE(result.err.find("plan.csv:2:19: hires_csv[0].month: must be between 1 and 12 "
                            "(horizon_months), got 13"),
            std::string::npos)
      << result.err;
}

TEST(HiresCsvTest, AnInvalidScenarioWritesNoCsv) {
  TempDir folder;
  write(folder.path() + "/plan.yaml", "horizon_months: 0\n");
  const CommandResult result = run_teamsim("hires plan.yaml -o hires.csv", folder.path());
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_FALSE(fs::exists(folder.path() + "/hires.csv"));
}

}  // namespace
}  // namespace teamsim::e2e
