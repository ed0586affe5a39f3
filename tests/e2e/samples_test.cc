// End-to-end tests of `teamsim run --samples`: OUT/samples.csv.gz (its contents are checked
// against summary.csv by an independent reader, tests/readers/check_samples.py).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

namespace fs = std::filesystem;

TEST(SamplesTest, SameSeedSameBytesWithOneOrTwoThreads) {
  TempDir one, two;
  const std::string base = "run scenarios/default.yaml -n 30 -q --samples arr,customers --out ";
  ASSERT_EQ(run_teamsim(base + one.path() + " --threads 1").exit_code, 0);
  ASSERT_EQ(run_teamsim(base + two.path() + " --threads 2").exit_code, 0);
  const std::string bytes = read_file(one.path() + "/samples.csv.gz");
  ASSERT_GT(bytes.size(), 20u);
  EXPECT_EQ(bytes.substr(0, 2), "\x1f\x8b");  // the gzip magic number
  EXPECT_EQ(bytes, read_file(two.path() + "/samples.csv.gz"));
}

TEST(SamplesTest, AnUnknownMetricBesideMetricsIsNamedAsASample) {
  TempDir out;
  const CommandResult r = run_teamsim(
      "run scenarios/default.yaml -n 20 --metrics arr "
      "--samples csh --out " +
      out.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("teamsim run: error: --samples: no metric is named 'csh'"),
            std::string::npos)
      << r.err;
}

TEST(SamplesTest, KeptEvenWhenMetricsLeavesThemOut) {
  TempDir out;
  const CommandResult r = run_teamsim(
      "run scenarios/default.yaml -n 20 -q --metrics arr --samples cash --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out.path() + "/samples.csv.gz"));
}

TEST(SamplesTest, WithoutTheOptionNoSamplesFile) {
  TempDir out;
  ASSERT_EQ(run_teamsim("run scenarios/default.yaml -n 20 -q --out " + out.path()).exit_code, 0);
  EXPECT_FALSE(fs::exists(out.path() + "/samples.csv.gz"));
}

TEST(SamplesTest, AnUnknownMetricIsRefusedBeforeTheRun) {
  TempDir out;
  const CommandResult r =
      run_teamsim("run scenarios/default.yaml -n 20 --samples arr,csh --out " + out.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--samples: no metric is named 'csh'; did you mean 'cash'?"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(out.path() + "/summary.csv"));
}

TEST(SamplesTest, TheSamplesFileCountsTowardsTheMemoryLimit) {
  // default.yaml keeps arr and its expect: metrics (cash, cash_ever_negative): 1,000 x (36 x 3
  // + 1) x 8 bytes = 872 kB fits under 1 MB; samples.csv.gz of arr adds 288 kB and does not.
  ::setenv("TEAMSIM_MEMORY_LIMIT", "1M", 1);
  TempDir out;
  const std::string run = "run scenarios/default.yaml -n 1000 -q --metrics arr --out " + out.path();
  const CommandResult fits = run_teamsim(run);
  const CommandResult refused = run_teamsim(run + " --samples arr");
  ::unsetenv("TEAMSIM_MEMORY_LIMIT");
  EXPECT_EQ(fits.exit_code, 0) << fits.err;
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_NE(refused.err.find("more than the limit of 1 MB"), std::string::npos) << refused.err;
}

}  // namespace
}  // namespace teamsim::e2e
