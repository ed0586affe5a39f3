// A replication that grows past its limits (models/limits.h) stops with LimitExceeded, naming the
// limit, the replication, the month and what to change, instead of running for hours or filling
// memory; one that stays within them runs as before.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "models/limits.h"
#include "test_scenarios.h"
#include "tests/undefined_values.h"

namespace teamsim::model {
namespace {

/// The message of the LimitExceeded that running `spec` with `limits` throws ("" if none).
std::string limit_message(const ScenarioSpec& spec, const ReplicationLimits& limits,
                          std::size_t replications = 1, unsigned threads = 1) {
  ProjectionOptions options;
  options.replications = replications;
  options.seed = 7;
  options.threads = threads;
  options.limits = limits;
  try {
    project(spec, options);
  } catch (const LimitExceeded& e) {
    return e.what();
  }
  return "";
}

/// One AE to start with and a rule that wants ten AEs per AE: the team it hires feeds the rule.
ScenarioSpec runaway_hiring(int horizon_months) {
  ScenarioSpec spec = quiet_scenario(horizon_months);
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  HiringRuleSpec rule;
  rule.role = "account_executive";
  rule.basis = RuleBasis::kReps;
  rule.ratio = 0.1;
  spec.hiring_rules = {rule};
  return spec;
}

TEST(ReplicationLimitsTest, AHiringRuleFeedingOnItsOwnHiresStopsAtTheRequisitionLimit) {
  // Hires start the day they are opened (time to fill 0), so at the start of month m the rule
  // sees 10^(m-1) AEs and opens requisitions up to 10^m in all: 9, 99, 999 by month 3, and the
  // 1,000th requisition in month 4.
  ReplicationLimits limits;
  limits.requisitions = 1'000;
  EXPECT_EQ(limit_message(runaway_hiring(24), limits),
            "replication 0 passed the limit of 1,000 requisitions opened by one replication in "
            "month 4 of 24; a hiring rule that grows with the team it hires (per_reps on the role "
            "it counts) or heavy attrition with immediate backfill does this: check hiring_rules, "
            "annual_attrition and the hire sources' attrition_factor");
}

TEST(ReplicationLimitsTest, WithinTheLimitsTheRunIsUnchanged) {
  // The same rule capped by max_count at 999 people opens 998 requisitions: under the limit.
  ScenarioSpec spec = runaway_hiring(6);
  spec.hiring_rules[0].max_count = 999;
  ProjectionOptions options;
  options.replications = 2;
  options.limits.requisitions = 1'000;
  const Projection projection = project(spec, options);
  const Eigen::MatrixXd& headcount = named(projection, "headcount.account_executive");
  EXPECT_EQ(headcount(0, 5), 999);
  EXPECT_EQ(headcount(1, 5), 999);
}

TEST(ReplicationLimitsTest, TooManyEventsNameTheKindThatDominates) {
  // 100 inbound leads a month (a Poisson flow) and two month events: the 1,001st event comes
  // around month ten, and nearly all of them are lead arrivals.
  ScenarioSpec spec = quiet_scenario(24);
  spec.territories[0].inbound_leads_per_month = 100;
  ReplicationLimits limits;
  limits.events = 1'000;
  const std::string message = limit_message(spec, limits);
  EXPECT_EQ(message.rfind("replication 0 passed the limit of 1,000 events handled by one "
                          "replication in month ",
                          0),
            0u)
      << message;
  EXPECT_NE(message.find(" of 24; most were inbound lead arrivals ("), std::string::npos)
      << message;
  EXPECT_NE(message.find("): lower territories.*.inbound_leads_per_month or seasonality.leads"),
            std::string::npos)
      << message;
}

// Renewals replayed at month ends still count as events: 2,000 monthly customers renew 2,000
// times a month, so 5,000 events pass in month 3 and the message names the renewals.
TEST(ReplicationLimitsTest, ReplayedRenewalsCountTowardsTheEventLimit) {
  ScenarioSpec spec = quiet_scenario(24);
  spec.customers.initial_customers = 2'000;
  spec.customers.annual_contract_share = 0;
  spec.customers.monthly_churn = 0;
  ReplicationLimits limits;
  limits.events = 5'000;
  const std::string message = limit_message(spec, limits);
  EXPECT_EQ(message.rfind("replication 0 passed the limit of 5,000 events handled by one "
                          "replication in month ",
                          0),
            0u)
      << message;
  EXPECT_NE(message.find("; most were customer renewals (6,000): lower customers.initial"),
            std::string::npos)
      << message;
}

TEST(ReplicationLimitsTest, AHugeTeamStopsAtTheWorkLimit) {
  // Routed by productivity, each inbound lead looks through the 2,000 sellers of the territory:
  // 2,000 steps a lead, so the 1,000,000-step limit passes at the 501st lead, in month 1 at
  // 10,000 leads a month.
  ScenarioSpec spec = quiet_scenario(12);
  spec.pipeline.routing = LeadRouting::kProductivityWeighted;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 2'000, ""}};
  spec.territories[0].inbound_leads_per_month = 10'000;
  ReplicationLimits limits;
  limits.work = 1'000'000;
  const std::string message = limit_message(spec, limits);
  EXPECT_EQ(message.rfind("replication 0 passed the limit of 1,000,000 steps of work by one "
                          "replication in month 1 of 12; the team is too large for the "
                          "simulation to keep up: every lead looks through the sellers of its "
                          "territory (2,000 in the largest now)",
                          0),
            0u)
      << message;
  // The same team with the default limits runs.
  spec.horizon_months = 2;
  EXPECT_EQ(limit_message(spec, ReplicationLimits{}), "");
}

TEST(ReplicationLimitsTest, AHugeWarmStartStopsBeforeItFillsMemory) {
  // 1,000 AEs prospecting 100 leads a month leave some 1,000 x 100 x 12 = 1,200,000 leads in the
  // year before day 0 (a Poisson count whose standard deviation is ~1,100): far past a limit of
  // 100,000, which the warm start meets while drawing them, before the first event.
  ScenarioSpec spec = quiet_scenario(12);
  spec.pipeline.warm_start = true;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1'000, ""}};
  for (RoleSpec& role : spec.roles) role.prospecting_leads_per_month = 100;
  ReplicationLimits limits;
  limits.warm_start_leads = 100'000;
  EXPECT_EQ(limit_message(spec, limits),
            "replication 0 passed the limit of 100,000 leads of the year before day 0 replayed "
            "by the warm start in month 1 of 12; lower the starting_staff counts or the "
            "prospecting and lead rates, or set pipeline.warm_start: false");
  // The default limit holds them (one month is enough to show it).
  spec.horizon_months = 1;
  EXPECT_EQ(limit_message(spec, ReplicationLimits{}), "");
}

TEST(ReplicationLimitsTest, TooManyCustomersStopAtTheStart) {
  ScenarioSpec spec = quiet_scenario(24);
  spec.customers.initial_customers = 50;
  ReplicationLimits limits;
  limits.customers = 20;
  EXPECT_EQ(limit_message(spec, limits),
            "replication 0 passed the limit of 20 customers won or started with by one "
            "replication in month 1 of 24; lower customers.initial or the lead flow");
}

TEST(ReplicationLimitsTest, TheLowestFailingReplicationIsReportedWhateverTheThreads) {
  ReplicationLimits limits;
  limits.requisitions = 1'000;
  const ScenarioSpec spec = runaway_hiring(24);
  const std::string one = limit_message(spec, limits, 8, 1);
  EXPECT_EQ(one.rfind("replication 0 passed", 0), 0u) << one;
  EXPECT_EQ(limit_message(spec, limits, 8, 2), one);
}

TEST(NumericalSafetyTest, NoManagementAtAllGivesFiniteMetrics) {
  // With the full under-management penalty and nobody managing (no manager, a founder with a
  // span of 0), the management factor is 0: reps never finish ramping and produce nothing. A rep
  // hired with no ramp at all must not turn into 0 / 0.
  ScenarioSpec spec = quiet_scenario(12);
  spec.management.under_management_penalty = 1;
  spec.founder.span_of_control = 0;
  spec.territories[0].inbound_leads_per_month = 20;
  spec.hires = {HireSpec{"account_executive", 3, 1, "", "experienced_external"}};
  const Projection projection = run(spec, 20);
  for (std::size_t m = 0; m < projection.samples.metrics(); ++m) {
    EXPECT_TRUE(testing::finite_or_undefined(projection.samples.metric(m),
                                             projection.stored_info(m).can_be_undefined))
        << projection.layout.info(m).name;
  }
  EXPECT_EQ(named(projection, "new_bookings").sum(), 0);
}

TEST(NumericalSafetyTest, ProbabilitiesThatFactorsPushAboveOneAreCappedAtOne) {
  // A win probability of 0.5 x 3 and a churn probability of 0.5 x 3 are documented as capped at
  // 1 (docs/scenario-reference.md, "How the sales-value keys combine"): every closed deal is
  // won, and every customer churns at its first renewal, at the end of month 1.
  ScenarioSpec spec = quiet_scenario(6);
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  spec.territories[0].inbound_leads_per_month = 20;
  spec.territories[0].win_rate_factor = 3;
  spec.pipeline.win_rate = Distribution::constant(0.5);
  spec.customers.initial_customers = 50;
  spec.customers.initial_mrr = Distribution::constant(100);
  spec.customers.annual_contract_share = 0;
  spec.customers.monthly_churn = 0.5;
  SegmentSpec segment;
  segment.name = "all";
  segment.churn_factor = 3;
  spec.segments = {segment};
  const Projection projection = run(spec, 20);
  for (std::size_t m = 0; m < projection.samples.metrics(); ++m) {
    EXPECT_TRUE(testing::finite_or_undefined(projection.samples.metric(m),
                                             projection.stored_info(m).can_be_undefined))
        << projection.layout.info(m).name;
  }
  EXPECT_EQ(named(projection, "deals_lost").sum(), 0);
  EXPECT_GT(named(projection, "deals_won").sum(), 0);
  const Eigen::MatrixXd& win_rate = named(projection, "win_rate");
  // Every deal closed is won; a month without a close has no win rate (NaN), not 0.
  EXPECT_TRUE((win_rate.array() == 1 || win_rate.array().isNaN()).all());
  // The 50 initial customers all churn in month 1; so does each customer won in a month by the
  // end of the next.
  EXPECT_TRUE((named(projection, "logo_churn").col(0).array() >= 50).all());
}

TEST(NumericalSafetyTest, ZeroRatesAndAZeroSeasonGiveNoLeadsAndFiniteMetrics) {
  // Every seasonal lead multiplier 0: the peak rate is 0, the waiting time to the next arrival
  // infinite, and nothing is scheduled (no 0 / 0 in the thinning).
  ScenarioSpec spec = quiet_scenario(12);
  spec.starting_staff = {StartingStaffSpec{"account_executive", 2, ""}};
  spec.territories[0].inbound_leads_per_month = 50;
  spec.seasonality.leads.fill(0);
  const Projection projection = run(spec, 10);
  for (std::size_t m = 0; m < projection.samples.metrics(); ++m) {
    EXPECT_TRUE(testing::finite_or_undefined(projection.samples.metric(m),
                                             projection.stored_info(m).can_be_undefined))
        << projection.layout.info(m).name;
  }
  EXPECT_EQ(named(projection, "leads").sum(), 0);
}

}  // namespace
}  // namespace teamsim::model
