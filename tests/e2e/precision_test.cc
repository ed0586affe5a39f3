#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

const std::string kScenario = "'" + std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/default.yaml'";

TEST(PrecisionCli, FilesAreThoseOfAFixedRunWithTheFinalCount) {
  TempDir a, b;
  CommandResult r = run_teamsim("run " + kScenario + " --precision 3% -t 2 --out " + a.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(r.out, match,
                                std::regex(R"(with (\d+) replications; target ±3%, reached)")))
      << r.out;
  const std::string n = match[1];
  r = run_teamsim("run " + kScenario + " -n " + n + " -t 1 --out " + b.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(a.path() + "/summary.csv"), read_file(b.path() + "/summary.csv"));
  EXPECT_EQ(read_file(a.path() + "/summary.json"), read_file(b.path() + "/summary.json"));
  EXPECT_NE(read_file(a.path() + "/summary.csv"), "");
}

TEST(PrecisionCli, TheWatchedMetricIsKeptWhenMetricsLeavesItOut) {
  // --metrics keeps cash only, --precision watches arr: arr must still be there to watch.
  TempDir out;
  const CommandResult r =
      run_teamsim("run " + kScenario + " --precision 5% --metrics cash -t 2 --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("reached"), std::string::npos) << r.out;
  const std::string csv = read_file(out.path() + "/summary.csv");
  EXPECT_NE(csv.find(",cash,"), std::string::npos);
  EXPECT_NE(csv.find(",arr,"), std::string::npos);
  EXPECT_EQ(csv.find(",mrr,"), std::string::npos);
}

TEST(PrecisionCli, AShareIsWrittenInPerCentWithItsIntervalInPoints) {
  // "mean cash_ever_negative at month 12 = 0.53 ± 0.05 (95% CI, ±9.19%)": a probability as a
  // bare fraction beside a relative precision in per cent, which read as nine points.
  TempDir out;
  const CommandResult r = run_teamsim("run " + kScenario + " --precision 20% --metric win_rate " +
                                      "-q -t 2 --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::regex_search(
      r.out, std::regex(R"(Precision: win_rate at month 36: mean \d+\.\d% ± \d+\.\d pts )"
                        R"(\(95% CI, ±\d+\.\d\d% of it\) with \d+ replications; target ±20%)")))
      << r.out;
}

TEST(PrecisionCli, AShareNoReplicationDepartsFromSaysHowRareTheOtherMayBe) {
  // default.yaml's cash stays above 0 in every one of the first 200 replications: "0.0% ± 0.0
  // pts (95% CI, ±0.00% of it) ... reached" read as if P(cash < 0) were known to be 0.
  TempDir out;
  const CommandResult r = run_teamsim(
      "run scenarios/default.yaml --precision 5% --metric cash_ever_negative -q -t 2 --out " +
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(": mean 0.0% ± 0.0 pts (95% CI, ±0.00% of it) with 200 replications; target "
                       "±5%, reached\n"),
            std::string::npos)
      << r.out;
  // 3 / 200 = 1.5 %.
  EXPECT_NE(r.out.find("  Every one of the 200 replications gave 0.0%, so the interval is 0; with "
                       "95% confidence fewer than 1.5% of histories (3/200, the rule of three) "
                       "would give anything else: more replications (-n) narrow that bound\n"),
            std::string::npos)
      << r.out;
  // A share that varies gets no such line.
  const CommandResult varies = run_teamsim(
      "run " + kScenario + " --precision 20% --metric win_rate -q -t 2 --out " + out.path());
  ASSERT_EQ(varies.exit_code, 0) << varies.err;
  EXPECT_EQ(varies.out.find("rule of three"), std::string::npos) << varies.out;
}

TEST(PrecisionCli, BadValuesAreUsageErrors) {
  TempDir out;
  const std::string run = "run " + kScenario + " -q --out " + out.path() + " ";
  CommandResult r = run_teamsim(run + "--precision 0%");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--precision '0%': expected a percentage above 0 and below 100%"),
            std::string::npos)
      << r.err;
  r = run_teamsim(run + "--precision 1% --metric ar");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--metric 'ar': unknown metric; did you mean 'arr'?"), std::string::npos)
      << r.err;
  r = run_teamsim(run + "--precision 1% --month 99");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--month 99: the scenario runs 36 months (1..36)"), std::string::npos)
      << r.err;
  r = run_teamsim(run + "--precision 1% -n 500");  // -n fixes the count: contradictory
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("excludes"), std::string::npos) << r.err;
  r = run_teamsim(run + "--metric cash");  // --metric only means something with --precision
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("requires --precision"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(out.path() + "/summary.csv"), "");
}

}  // namespace
}  // namespace teamsim::e2e
