// Runs too large for the machine are refused before they start, with a message that teaches.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

/// Sets TEAMSIM_MEMORY_LIMIT for the teamsim processes a test starts, and unsets it afterwards.
class MemoryLimitVariable {
 public:
  explicit MemoryLimitVariable(const char* value) { ::setenv("TEAMSIM_MEMORY_LIMIT", value, 1); }
  ~MemoryLimitVariable() { ::unsetenv("TEAMSIM_MEMORY_LIMIT"); }
  MemoryLimitVariable(const MemoryLimitVariable&) = delete;
  MemoryLimitVariable& operator=(const MemoryLimitVariable&) = delete;
};

TEST(LimitsTest, AHugeRunIsRefusedBeforeAnythingIsAllocated) {
  // 1,000,000 x 600 months x 106 metrics x 8 bytes = 509 GB. Were it allocated first, the
  // process would die of it (or take minutes) instead of answering at once.
  const MemoryLimitVariable limit("8G");
  TempDir dir;
  const std::string out = dir.path() + "/out";
  const CommandResult r = run_teamsim(
      "run scenarios/default.yaml --set replications=1000000 --set horizon_months=600 "
      "--out " +
      out);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  // The count of metrics grows with the model; the arithmetic around it is what matters.
  for (const char* part :
       {"teamsim run: error: this run needs ~",
        " GB for exact percentiles (1,000,000 replications × "
        "600 months × ",
        " metrics × 8 bytes), more than the limit of 8 GB (TEAMSIM_MEMORY_LIMIT=8G); use fewer "
        "replications or --metrics"}) {
    EXPECT_NE(r.err.find(part), std::string::npos) << r.err;
  }
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(LimitsTest, MetricsKeepsOnlyTheChosenMetricsAndFitsUnderTheLimit) {
  TempDir out;
  const std::string run = "run scenarios/small-business.yaml -n 200 --out " + out.path();
  {
    // 200 x 24 months x some 70 metrics x 8 bytes = 2.7 MB: over a 1 MB limit.
    const MemoryLimitVariable limit("1M");
    const CommandResult refused = run_teamsim(run);
    EXPECT_EQ(refused.exit_code, 2) << refused.err;
    EXPECT_NE(refused.err.find("more than the limit of 1 MB (TEAMSIM_MEMORY_LIMIT=1M)"),
              std::string::npos)
        << refused.err;
    // arr and one headcount per role (7): 200 x 24 x 8 x 8 bytes = 307 kB.
    const CommandResult r = run_teamsim(run + " --metrics arr,headcount.*");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  const std::string csv = read_file(out.path() + "/summary.csv");
  EXPECT_NE(csv.find(",arr,"), std::string::npos);
  EXPECT_NE(csv.find(",headcount.account_executive,"), std::string::npos);
  EXPECT_EQ(csv.find(",cash,"), std::string::npos);
  EXPECT_EQ(csv.find(",mrr,"), std::string::npos);
}

TEST(LimitsTest, UnknownMetricsAndBadLimitsAreExplained) {
  TempDir out;
  const CommandResult typo =
      run_teamsim("run scenarios/default.yaml -n 10 --metrics arr,csh --out " + out.path());
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("--metrics: no metric is named 'csh'; did you mean 'cash'?"),
            std::string::npos)
      << typo.err;

  const MemoryLimitVariable limit("lots");
  const CommandResult bad = run_teamsim("run scenarios/default.yaml -n 10 --out " + out.path());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("TEAMSIM_MEMORY_LIMIT=lots is not a memory size"), std::string::npos)
      << bad.err;
}

TEST(LimitsTest, AHostileRateIsRefusedAtLoadNamingItsPosition) {
  // A trillion leads a month would keep one replication busy for days.
  TempDir dir;
  const std::string scenario = dir.path() + "/hostile.yaml";
  std::ofstream(scenario) << "horizon_months: 600\n"
                             "territories:\n"
                             "  all: {inbound_leads_per_month: 1e12}\n";
  const std::string out = dir.path() + "/out";
  const CommandResult r = run_teamsim("run " + scenario + " --out " + out);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("hostile.yaml:3:34: territories.all.inbound_leads_per_month: must be at "
                       "most 100000, got 1000000000000 (a limit that keeps a replication from "
                       "running for minutes; see \"Limits\" in docs/scenario-reference.md)"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

/// Ten AEs wanted per AE, hired the day they are opened: 10^m AEs at the start of month m + 1,
/// so the 500,000th requisition (the limit of models/limits.h) is opened in month 6. No rate
/// says so at load time; the replication stops itself.
constexpr const char* kRunaway =
    "horizon_months: 24\n"
    "roles:\n"
    "  account_executive: {time_to_fill_days: 0, onboarding_days: 0, "
    "prospecting_leads_per_month: 0, annual_attrition: 0}\n"
    "founder: {concurrent_searches: 100_000, trainees_at_once: 100_000}\n"
    "territories: {all: {inbound_leads_per_month: 0}}\n"
    "starting_staff:\n"
    "  - {role: account_executive, count: 1}\n"
    "hiring_rules:\n"
    "  - {role: account_executive, per_reps: 0.1}\n";

TEST(LimitsTest, ARunawayHiringRuleStopsTheRunWithExitThreeAndWritesNothing) {
  TempDir dir;
  const std::string scenario = dir.path() + "/runaway.yaml";
  std::ofstream(scenario) << kRunaway;
  const std::string out = dir.path() + "/out";
  const CommandResult r = run_teamsim("run " + scenario + " -n 2 -t 1 --out " + out);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("teamsim run: error: replication 0 passed the limit of 500,000 requisitions "
                       "opened by one replication in month 6 of 24; a hiring rule that grows "
                       "with the team it hires"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(LimitsTest, ABatchReportsARunawayScenarioAndGoesOn) {
  // The same runaway scenario in a batch: it is an ERROR row of the index and an <error> of
  // junit.xml, nothing of it is written, the scenario after it still runs, and the batch exits 3.
  TempDir dir;
  std::filesystem::create_directories(dir.path() + "/plans");
  std::ofstream(dir.path() + "/plans/a-runaway.yaml") << kRunaway;
  std::ofstream(dir.path() + "/plans/b-fine.yaml") << "horizon_months: 12\n";
  const std::string out = dir.path() + "/out";
  const CommandResult r = run_teamsim("batch " + dir.path() + "/plans -n 2 -t 1 --out " + out);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("teamsim batch: error: cannot run " + dir.path() +
                       "/plans/a-runaway.yaml\n  because: replication 0 passed the limit of "
                       "500,000 requisitions opened by one replication in month 6 of 24"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("teamsim batch: error: 1 of 2 scenarios could not run (" + dir.path() +
                       "/plans/a-runaway.yaml); each is said above, and in " + out +
                       "/index.html and " + out + "/junit.xml\n"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(out + "/a-runaway"));
  EXPECT_TRUE(std::filesystem::exists(out + "/b-fine/summary.json"));
  EXPECT_NE(read_file(out + "/index.html").find("ERROR"), std::string::npos);
  EXPECT_NE(read_file(out + "/junit.xml").find("<error"), std::string::npos);
}

TEST(LimitsTest, ACompareOrSweepSaysWhichPlanOrPointPassedALimit) {
  // Among several projections, the error names the one that ran away: the plan's label, or the
  // sweep point's values (per_reps 1 hires one AE per AE: fine; 0.1 runs away as above). The limit
  // passed is its cause, nested with its type (exit code 3), printed on the next line.
  TempDir dir;
  std::ofstream(dir.path() + "/fine.yaml") << "horizon_months: 12\n";
  std::ofstream(dir.path() + "/runaway.yaml") << kRunaway;
  const std::string out = " -n 2 -t 1 -q --out " + dir.path() + "/out";
  const CommandResult compare =
      run_teamsim("compare " + dir.path() + "/fine.yaml " + dir.path() + "/runaway.yaml" + out);
  EXPECT_EQ(compare.exit_code, 3) << compare.err;
  EXPECT_NE(compare.err.find("teamsim compare: error: cannot run plan \"runaway\"\n  because: "
                             "replication 0 passed the limit of 500,000 requisitions"),
            std::string::npos)
      << compare.err;
  const CommandResult sweep = run_teamsim(
      "sweep " + dir.path() + "/runaway.yaml --vary 'hiring_rules[0].per_reps=1,0.1'" + out);
  EXPECT_EQ(sweep.exit_code, 3) << sweep.err;
  EXPECT_NE(
      sweep.err.find("teamsim sweep: error: cannot run sweep point hiring_rules[0].per_reps=0.1\n"
                     "  because: replication 0 passed the limit of 500,000 requisitions"),
      std::string::npos)
      << sweep.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/out"));
}

}  // namespace
}  // namespace teamsim::e2e
