// End-to-end tests of output folders: a folder holds one command's files only, and teamsim never
// removes a file it did not write.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

namespace fs = std::filesystem;

void write_text(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

TEST(OutputFolderTest, ASecondRunReplacesTheFirstRunsReportChartsAndJunit) {
  TempDir out;
  // default.yaml has expect: (reps-first.yaml has not), so only the first run writes junit.xml.
  ASSERT_EQ(run_teamsim("run scenarios/default.yaml -n 20 --report --out " + out.path()).exit_code,
            0);
  ASSERT_TRUE(fs::exists(out.path() + "/report.html"));
  ASSERT_TRUE(fs::exists(out.path() + "/junit.xml"));
  ASSERT_TRUE(fs::exists(out.path() + "/charts"));
  const CommandResult r = run_teamsim("run scenarios/reps-first.yaml -n 20 --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out.path() + "/summary.json"));
  EXPECT_FALSE(fs::exists(out.path() + "/report.html"));
  EXPECT_FALSE(fs::exists(out.path() + "/junit.xml"));
  EXPECT_FALSE(fs::exists(out.path() + "/charts"));
}

TEST(OutputFolderTest, ACompareIntoARunsFolderLeavesNoSummaryOfTheRun) {
  TempDir out;
  ASSERT_EQ(run_teamsim("run scenarios/default.yaml -n 20 --out " + out.path()).exit_code, 0);
  const CommandResult r = run_teamsim(
      "compare scenarios/default.yaml scenarios/small-business.yaml -n 20 --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out.path() + "/compare.json"));
  EXPECT_FALSE(fs::exists(out.path() + "/summary.json"));
}

TEST(OutputFolderTest, AFolderWithAnotherFileIsRefusedAndLeftAlone) {
  TempDir out;
  write_text(out.path() + "/notes.txt", "mine\n");
  const CommandResult r = run_teamsim("run scenarios/default.yaml -n 20 --out " + out.path());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("notes.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did not write"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(out.path() + "/notes.txt"), "mine\n");
  EXPECT_FALSE(fs::exists(out.path() + "/summary.json"));
}

TEST(OutputFolderTest, AFileAddedToARunsFolderIsNeverRemoved) {
  TempDir out;
  ASSERT_EQ(run_teamsim("run scenarios/default.yaml -n 20 --report --out " + out.path()).exit_code,
            0);
  write_text(out.path() + "/charts/annotated.svg", "<svg/>");
  const CommandResult r = run_teamsim("run scenarios/default.yaml -n 20 --out " + out.path());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("charts/annotated.svg"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(out.path() + "/charts/annotated.svg"));
  EXPECT_TRUE(fs::exists(out.path() + "/report.html"));
}

TEST(OutputFolderTest, AReaderThatStopsEarlyLeavesAFolderTheNextRunMayReplace) {
  // `| true` reads nothing: the first line of the table ends teamsim by SIGPIPE, after its files
  // are written. They are listed as its own already, so the next run replaces them.
  TempDir scenarios;
  fs::copy_file(fs::path(TEAMSIM_SOURCE_DIR) / "scenarios/small-business.yaml",
                fs::path(scenarios.path()) / "small-business.yaml");
  for (const std::string& command :
       {std::string("run scenarios/default.yaml -n 20"),
        std::string("compare scenarios/manager-first.yaml scenarios/reps-first.yaml -n 20"),
        "batch " + scenarios.path() + " -n 10"}) {
    SCOPED_TRACE(command);
    TempDir out;
    run_teamsim_in_shell(command + " --out " + out.path() + " 2>/dev/null | true");
    ASSERT_TRUE(fs::exists(out.path() + "/.teamsim-files"));
    const CommandResult again = run_teamsim(command + " -q --out " + out.path());
    EXPECT_EQ(again.exit_code, 0) << again.err;
  }
}

TEST(OutputFolderTest, AReportAddedByTeamsimReportIsReplacedByTheNextRun) {
  TempDir out;
  ASSERT_EQ(run_teamsim("run scenarios/default.yaml -n 20 --out " + out.path()).exit_code, 0);
  ASSERT_EQ(run_teamsim("report " + out.path()).exit_code, 0);
  ASSERT_TRUE(fs::exists(out.path() + "/report.html"));
  const CommandResult r = run_teamsim("run scenarios/default.yaml -n 20 --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(out.path() + "/report.html"));
}

TEST(OutputFolderTest, AnotherCommandsFolderInsideIsLeftAlone) {
  // The defaults nest: run writes out/, batch out/batch.
  TempDir dir, out;
  fs::copy_file(fs::path(TEAMSIM_SOURCE_DIR) / "scenarios/reps-first.yaml", dir.path() + "/a.yaml");
  ASSERT_EQ(run_teamsim("run scenarios/reps-first.yaml -n 20 --out " + out.path()).exit_code, 0);
  ASSERT_EQ(run_teamsim("batch " + dir.path() + " -n 20 --out " + out.path() + "/batch").exit_code,
            0);
  ASSERT_TRUE(fs::exists(out.path() + "/batch/index.html"));
  const CommandResult r = run_teamsim("run scenarios/reps-first.yaml -n 20 --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out.path() + "/batch/index.html"));
  EXPECT_TRUE(fs::exists(out.path() + "/summary.json"));
}

TEST(OutputFolderTest, ABatchFolderHoldsOnlyThisBatchsScenarios) {
  TempDir dir, out;
  fs::copy_file(fs::path(TEAMSIM_SOURCE_DIR) / "scenarios/default.yaml", dir.path() + "/a.yaml");
  fs::copy_file(fs::path(TEAMSIM_SOURCE_DIR) / "scenarios/small-business.yaml",
                dir.path() + "/b.yaml");
  ASSERT_LE(run_teamsim("batch " + dir.path() + " -n 20 --out " + out.path()).exit_code, 4);
  ASSERT_TRUE(fs::exists(out.path() + "/b"));
  fs::remove(dir.path() + "/b.yaml");
  const CommandResult r = run_teamsim("batch " + dir.path() + " -n 20 --out " + out.path());
  ASSERT_LE(r.exit_code, 4) << r.err;
  EXPECT_TRUE(fs::exists(out.path() + "/a"));
  EXPECT_FALSE(fs::exists(out.path() + "/b"));
}

TEST(OutputFolderTest, ABatchOfAFolderPassesOverTheResultsWrittenInsideIt) {
  // Every run and batch folder holds a scenario.yaml (the scenario as run): a batch of the
  // folder they sit in runs its own scenario only, however often it is repeated.
  TempDir dir;
  fs::copy_file(fs::path(TEAMSIM_SOURCE_DIR) / "scenarios/small-business.yaml",
                dir.path() + "/a.yaml");
  ASSERT_EQ(run_teamsim("run a.yaml -n 10 -q", dir.path()).exit_code, 0);  // into out/
  ASSERT_TRUE(fs::exists(dir.path() + "/out/scenario.yaml"));
  for (int repeat = 0; repeat < 2; ++repeat) {
    const CommandResult r = run_teamsim("batch . -n 10 -q --out results", dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir.path() + "/results/a/scenario.yaml"));
    std::size_t folders = 0;
    for (const auto& entry : fs::directory_iterator(dir.path() + "/results")) {
      folders += entry.is_directory() ? 1 : 0;
    }
    EXPECT_EQ(folders, 1u) << "repeat " << repeat;
  }
}

}  // namespace
}  // namespace teamsim::e2e
