// Ctrl-C or SIGTERM in the middle of a long run: a clear message, exit code 130, nothing written.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

/// Starts teamsim with `args`, sends `signal_number` after `delay`, returns the exit code.
int run_and_signal(const std::vector<std::string>& args, int signal_number,
                   std::chrono::milliseconds delay, const std::string& stderr_path) {
  const pid_t child = ::fork();
  if (child == 0) {
    std::FILE* err = std::freopen(stderr_path.c_str(), "w", stderr);
    (void)err;
    std::vector<char*> argv;
    std::string binary = TEAMSIM_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copies = args;
    for (std::string& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (::chdir(TEAMSIM_SOURCE_DIR) != 0) ::_exit(127);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  std::this_thread::sleep_for(delay);
  ::kill(child, signal_number);
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class InterruptTest : public ::testing::TestWithParam<int> {};

TEST_P(InterruptTest, StopsWithExitCode130AndWritesNothing) {
  TempDir dir;
  const std::string out = dir.path() + "/out";
  const std::string err = dir.path() + "/stderr";
  // A run far too long to finish before the signal arrives.
  const int code = run_and_signal(
      {"run", "scenarios/default.yaml", "-n", "20000", "--threads", "2", "--out", out}, GetParam(),
      std::chrono::milliseconds(700), err);
  EXPECT_EQ(code, 130);
  EXPECT_NE(read_file(err).find("interrupted"), std::string::npos) << read_file(err);
  EXPECT_FALSE(std::filesystem::exists(out + "/summary.csv"));
  EXPECT_FALSE(std::filesystem::exists(out + "/summary.json"));
}

TEST(LongReplicationInterruptTest, StopsInsideTheReplication) {
  // One replication of a huge team: 20,000 sellers working 50,000 leads a month for ten years,
  // which needs far more than a second (and, routed by productivity, each lead looks through the
  // sellers, so the work limit stops it with exit code 3 after seconds). A signal after 1 s must
  // stop it inside the replication: exit code 130, not the limit's 3.
  TempDir dir;
  const std::string scenario = dir.path() + "/huge-team.yaml";
  std::ofstream(scenario) << "horizon_months: 120\n"
                             "territories: {all: {inbound_leads_per_month: 50_000}}\n"
                             "pipeline: {routing: productivity_weighted}\n"
                             "starting_staff:\n"
                             "  - {role: account_executive, count: 20_000, territory: all}\n";
  const std::string out = dir.path() + "/out";
  const std::string err = dir.path() + "/stderr";
  const int code = run_and_signal({"run", scenario, "-n", "1", "--threads", "1", "--out", out},
                                  SIGINT, std::chrono::milliseconds(1000), err);
  EXPECT_EQ(code, 130) << read_file(err);
  EXPECT_NE(read_file(err).find("interrupted"), std::string::npos) << read_file(err);
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(BatchInterruptTest, SaysWhichScenariosFinished) {
  TempDir dir;
  const std::string plans = dir.path() + "/plans";
  std::filesystem::create_directories(plans);
  // The first scenario takes milliseconds; the second far longer than the signal's delay.
  std::ofstream(plans + "/a-quick.yaml") << "replications: 10\nhorizon_months: 6\n";
  std::ofstream(plans + "/b-long.yaml")
      << "extends: " << TEAMSIM_SOURCE_DIR << "/scenarios/default.yaml\nreplications: 20000\n";
  const std::string out = dir.path() + "/out";
  const std::string err = dir.path() + "/stderr";
  const int code = run_and_signal({"batch", plans, "--threads", "2", "--out", out}, SIGINT,
                                  std::chrono::milliseconds(1500), err);
  const std::string text = read_file(err);
  EXPECT_EQ(code, 130) << text;
  EXPECT_NE(text.find("interrupted: stopped during " + plans +
                      "/b-long.yaml; its results were "
                      "not written"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("finished before it, each with its results in its folder under " + out +
                      ": " + plans + "/a-quick.yaml"),
            std::string::npos)
      << text;
  EXPECT_TRUE(std::filesystem::exists(out + "/a-quick/summary.json"));
  EXPECT_FALSE(std::filesystem::exists(out + "/b-long/summary.json"));
  EXPECT_FALSE(std::filesystem::exists(out + "/index.html"));
  EXPECT_FALSE(std::filesystem::exists(out + "/junit.xml"));
}

INSTANTIATE_TEST_SUITE_P(Signals, InterruptTest, ::testing::Values(SIGINT, SIGTERM),
                         [](const auto& param_info) {
                           return std::string(param_info.param == SIGINT ? "SIGINT" : "SIGTERM");
                         });

}  // namespace
}  // namespace teamsim::e2e
