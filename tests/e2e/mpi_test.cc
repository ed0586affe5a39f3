// The same command under mpirun (sim/distributed.h) and in one process: the same files, byte for
// byte, and the same terminal output, with 2 and 3 processes; a replication failing in the last
// process ends every process with the one message a single process gives. Skipped when teamsim
// was built without MPI (CMake did not find it).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>

#include "tests/e2e/run_binary.h"

namespace teamsim::e2e {
namespace {

/// Every file under `dir` by its path relative to `dir`, with its bytes.
std::map<std::string, std::string> files_under(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    files[std::filesystem::relative(entry.path(), dir).string()] = read_file(entry.path().string());
  }
  return files;
}

/// `bytes` with a report's elapsed run time, which no two runs share, blanked (as
/// scripts/output-snapshot does).
std::string without_run_time(const std::string& bytes) {
  static const std::regex kRunTime("Run time</dt><dd>[^<]*");
  return std::regex_replace(bytes, kRunTime, "Run time</dt><dd>-");
}

class MpiTest : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override {
#ifndef TEAMSIM_MPIEXEC
    GTEST_SKIP() << "teamsim was built without MPI";
#endif
  }

  /// mpirun with GetParam() processes; more processes than cores (this machine has 2), and as
  /// root, need Open MPI's permission.
  std::string launcher() const {
#ifdef TEAMSIM_MPIEXEC
    std::string command =
        std::string(TEAMSIM_MPIEXEC) + " -n " + std::to_string(GetParam()) + " --oversubscribe";
    if (::geteuid() == 0) command += " --allow-run-as-root";
    return command;
#else
    return "";
#endif
  }

  /// Open MPI's session directory under `folder` (it follows TMPDIR): two mpiruns starting at
  /// once (ctest -j2) raced to create the same /tmp/ompi.<host>.<uid>, and one failed with
  /// "File exists".
  static std::string own_session_directory(const std::string& folder) {
    return "TMPDIR='" + folder + "' ";
  }

  /// Runs `args` (with "--out <folder>" appended) alone and under mpirun, and expects the same
  /// exit code, terminal output and files.
  void expect_same_bytes(const std::string& args) {
    const TempDir dir;
    // A fixed clock for the reports' time stamps, and no colours: Open MPI gives a process's
    // standard output a terminal of its own, where teamsim would colour its table.
    const std::string environment = "SOURCE_DATE_EPOCH=1700000000 NO_COLOR=1 ";
    const CommandResult alone =
        run_teamsim(args + " --out " + dir.path() + "/alone", "", environment);
    const CommandResult spread =
        run_teamsim(args + " --out " + dir.path() + "/spread", "",
                    environment + own_session_directory(dir.path()) + launcher());
    ASSERT_EQ(alone.exit_code, 0) << alone.err;
    ASSERT_EQ(spread.exit_code, 0) << spread.err;
    EXPECT_EQ(alone.out, spread.out);
    const auto expected = files_under(dir.path() + "/alone");
    const auto got = files_under(dir.path() + "/spread");
    ASSERT_FALSE(expected.empty());
    ASSERT_EQ(expected.size(), got.size());
    for (const auto& [name, bytes] : expected) {
      ASSERT_TRUE(got.contains(name)) << name;
      EXPECT_TRUE(without_run_time(got.at(name)) == without_run_time(bytes)) << name << " differs";
    }
  }
};

TEST_P(MpiTest, RunWritesTheSameBytesAsOneProcess) {
  // 31 replications: blocks of unequal size.
  expect_same_bytes("run scenarios/default.yaml -n 31 -s 5 -t 1 -q --samples arr");
}

TEST_P(MpiTest, RunToAPrecisionTakesTheSameBatches) {
  expect_same_bytes(
      "run scenarios/default.yaml --precision 5% --month 12 -s 5 -t 1 -q --max-replications 400");
}

TEST_P(MpiTest, CompareWritesTheSameBytesAsOneProcess) {
  expect_same_bytes(
      "compare scenarios/compare-manager-first.yaml --variants manager_first,reps_first -n 20 "
      "-s 5 -t 1 -q");
}

TEST_P(MpiTest, SweepWritesTheSameBytesAsOneProcess) {
  expect_same_bytes(
      "sweep scenarios/default.yaml --vary pipeline.win_rate=0.15:0.3:0.05 -n 20 -s 5 -t 1 -q");
}

TEST_P(MpiTest, SensitivityWritesTheSameBytesAsOneProcess) {
  expect_same_bytes("sensitivity scenarios/small-business.yaml --metric arr -n 12 -s 5 -t 1 -q");
  // Screened: the inputs that go on run replications 10 .. 23 as a second run.
  expect_same_bytes(
      "sensitivity scenarios/small-business.yaml --metric arr -n 24 --screen 10 -s 5 -t 1 -q");
}

TEST_P(MpiTest, BatchWritesTheSameBytesAsOneProcess) {
  // Two scenarios: rank 0 writes the first's files while the others run the second.
  const TempDir plans;
  for (const char* name : {"default.yaml", "small-business.yaml"}) {
    std::filesystem::copy_file(std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/" + name,
                               plans.path() + "/" + name);
  }
  expect_same_bytes("batch " + plans.path() + " -n 15 -s 2 -t 1 -q");
}

/// Hiring rules that hire per_reps AEs per AE, drawn once per replication: below about 1 a
/// replication hires ever faster and passes the limit of 500,000 requisitions
/// (models/limits.h); above it, it does not. With seed 10, replications 0-3 stay within it and
/// replication 4 is the first to pass it: with 6 replications on 3 processes, in the last one.
constexpr const char* kSometimesRunaway =
    "horizon_months: 24\n"
    "roles:\n"
    "  account_executive: {time_to_fill_days: 0, onboarding_days: 0, "
    "prospecting_leads_per_month: 0, annual_attrition: 0}\n"
    "founder: {concurrent_searches: 100_000, trainees_at_once: 100_000}\n"
    "territories: {all: {inbound_leads_per_month: 0}}\n"
    "starting_staff:\n"
    "  - {role: account_executive, count: 1}\n"
    "hiring_rules:\n"
    "  - {role: account_executive, per_reps: {dist: uniform, min: 0.1, max: 2, per: "
    "replication}}\n";

TEST_P(MpiTest, AReplicationFailingInOneProcessEndsThemAllWithOneMessage) {
  const TempDir dir;
  const std::string scenario = dir.path() + "/runaway.yaml";
  std::ofstream(scenario) << kSometimesRunaway;
  const std::string args = "run " + scenario + " -n 6 -s 10 -t 1 -q --out " + dir.path() + "/out";
  const CommandResult alone = run_teamsim(args);
  ASSERT_EQ(alone.exit_code, 3) << alone.err;
  ASSERT_NE(alone.err.find("replication 4 passed the limit"), std::string::npos) << alone.err;
  // timeout: a process left waiting for the others would hang the test, not fail it.
  const CommandResult spread =
      run_teamsim(args, "", own_session_directory(dir.path()) + "timeout 120 " + launcher());
  EXPECT_EQ(spread.exit_code, 3) << spread.err;
  const std::string message = alone.err.substr(0, alone.err.find('\n'));
  const std::size_t first = spread.err.find(message);
  ASSERT_NE(first, std::string::npos) << spread.err;
  EXPECT_EQ(spread.err.find(message, first + 1), std::string::npos) << "said twice:\n"
                                                                    << spread.err;
  EXPECT_EQ(spread.out, "");
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/out/summary.csv"));
}

INSTANTIATE_TEST_SUITE_P(Processes, MpiTest, ::testing::Values(2, 3),
                         [](const ::testing::TestParamInfo<int>& param) {
                           return std::to_string(param.param) + "Processes";
                         });

}  // namespace
}  // namespace teamsim::e2e
