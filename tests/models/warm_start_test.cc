// The warm start: a company that exists has deals in flight at day 0, and initial customers
// occupy their accounts. Expected values by hand beside each test.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/models/test_scenarios.h"

namespace teamsim::model {
namespace {

ScenarioSpec ten_ramped_aes(bool warm_start) {
  ScenarioSpec spec = quiet_scenario(8);
  spec.territories = {TerritorySpec{"all", 100}};
  spec.pipeline = default_scenario().pipeline;
  spec.pipeline.warm_start = warm_start;
  role(spec, "account_executive").max_open_opportunities = 25;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 10, ""}};
  return spec;
}

TEST(WarmStartTest, RampedSellersStartWithTheSteadyStatePipeline) {
  // 10 ramped AEs and 100 leads a month with ~60-day cycles: in steady state about 200 deals are
  // open (Little's law: 100 a month x 2 months, below the 250 slots) and every month wins
  // about as many as any other. With an empty pipeline month 1 won ~3 % of that (0.55 against
  // ~20); warm, month 1's wins are the steady state's: month 1 and months 5-8 agree within
  // their standard errors.
  const Projection warm = run(ten_ramped_aes(true), 300);
  const MeanSe first = history_average(named(warm, "deals_won"), 1, 1);
  const MeanSe later = history_average(named(warm, "deals_won"), 5, 8);
  EXPECT_NEAR(first.mean, later.mean, 4 * std::hypot(first.se, later.se));
  const MeanSe open = history_average(named(warm, "open_opportunities"), 1, 1);
  const MeanSe open_later = history_average(named(warm, "open_opportunities"), 5, 8);
  EXPECT_NEAR(open.mean, open_later.mean, 4 * std::hypot(open.se, open_later.se));
  // Cold, month 1 wins a small fraction of that.
  const Projection cold = run(ten_ramped_aes(false), 300);
  EXPECT_LT(history_average(named(cold, "deals_won"), 1, 1).mean, 0.2 * later.mean);
}

TEST(WarmStartTest, ComplexDealsInFlightAtDayZeroHadOnlyTheHelpDayZerosSpecialistsCouldGive) {
  // One specialist helping 2 deals at once for 30 days each grants 2 x 30.4375 / 30 = 2.03 deals
  // a month, against 100 complex leads a month: deals wait, fill the AEs' 250 slots, and grants
  // set the pace. A granted deal wins with 0.25 x 1.2 = 0.3, so a month wins 2.03 x 0.3 = 0.61 in
  // steady state. The replay holds the specialist's slots as the days after day 0 do, so month 1
  // is that steady state too (with unlimited help before day 0 it won about 100 x 0.3 = 30), and
  // the deals still waiting at day 0 queue for the slots: 250 less the ~4.6 granted and not yet
  // closed (2.03 a month x the 69-day mean cycle).
  ScenarioSpec spec = ten_ramped_aes(true);
  spec.pipeline.win_rate = Distribution::constant(0.25);
  spec.pipeline.complex_share = 1;
  spec.pipeline.specialist_help_days = Distribution::constant(30);
  spec.pipeline.specialist_win_rate_factor = 1.2;
  role(spec, "sales_specialist").concurrent_deals = 2;
  spec.starting_staff.push_back(StartingStaffSpec{"sales_specialist", 1, ""});
  const Projection warm = run(spec, 300);
  const double steady = 2 * kDaysPerMonth / 30 * 0.3;
  const MeanSe first = history_average(named(warm, "deals_won"), 1, 1);
  EXPECT_NEAR(first.mean, steady, 4 * first.se + 0.02);
  const MeanSe later = history_average(named(warm, "deals_won"), 5, 8);
  EXPECT_NEAR(later.mean, steady, 4 * later.se + 0.02);
  const MeanSe queue = history_average(named(warm, "specialist_queue"), 1, 1);
  EXPECT_GT(queue.mean, 240);
  EXPECT_LT(queue.mean, 250);
}

TEST(WarmStartTest, NothingBeforeDayZeroIsCountedOrPaid) {
  // The warm start opens deals before day 0 but counts none of its leads or opportunities and
  // pays no commission for them. Checked in every replication: month 1's leads are exactly
  // month 1's opportunities plus its unworked leads (no past lead is counted in month 1), and
  // month 1's commission is 10 % of month 1's bookings (variable pay of 10,000 on a 100,000
  // quota), so nothing is paid for deals before day 0.
  ScenarioSpec spec = ten_ramped_aes(true);
  RoleSpec& ae = role(spec, "account_executive");
  ae.annual_quota = 100'000;
  ae.annual_salary = 0;
  ae.on_target_earnings = 10'000;  // commission 10 % of bookings
  const Projection p = run(spec, 50);
  for (Eigen::Index r = 0; r < 50; ++r) {
    EXPECT_EQ(metric_at(p, Metric::kLeads, r, 1), metric_at(p, Metric::kOpportunitiesOpened, r, 1) +
                                                      metric_at(p, Metric::kLeadsUnworked, r, 1));
    EXPECT_NEAR(metric_at(p, Metric::kCommission, r, 1),
                0.1 * metric_at(p, Metric::kNewBookings, r, 1), 1e-6);
  }
}

TEST(WarmStartTest, InitialCustomersOccupyTheirAccounts) {
  // 100 accounts and 60 customers from before day 0, nobody selling, no churn: 40 available.
  ScenarioSpec spec = quiet_scenario(2);
  spec.territories = {TerritorySpec{"all", 0, 100}};
  spec.customers.initial_customers = 60;
  const Projection p = run(spec, 5);
  EXPECT_EQ(named(p, "territory.all.accounts_available").minCoeff(), 40);
  EXPECT_EQ(named(p, "territory.all.accounts_available").maxCoeff(), 40);
}

TEST(WarmStartTest, TheReplayedDealsTakeOnlyTheAccountsLeftFree) {
  // 30 accounts, 10 of them customers (no churn), 50 leads a month, 60-day cycles, nothing won,
  // no cool-off, room for every deal: a lead exists with probability free / 30, so the 20
  // non-customer accounts are an Engset system (each free account starts a deal at rate
  // 50 / 30 a month, a deal holds its account 60 days), and the number of open deals is binomial
  // with n = 20, p = r / (1 + r), r = 50 x 60 / (30.4375 x 30) = 3.2854: mean 15.33, whatever
  // the cycle's distribution. The replay of the year before day 0 follows the same rule, so
  // month 1 is already there; were the replay to ignore accounts, it would open about
  // 50 x 60 / 30.4375 = 98.6 deals in 20 accounts and leave none for a lead after day 0.
  ScenarioSpec spec = quiet_scenario(6);
  spec.territories = {TerritorySpec{"all", 50, 30}};
  spec.customers.initial_customers = 10;
  spec.pipeline.warm_start = true;
  spec.pipeline.win_rate = Distribution::constant(0);
  spec.pipeline.sales_cycle_days = Distribution::constant(60);
  spec.pipeline.unqualified_lead_share = 0;
  spec.pipeline.complex_share = 0;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 5, ""}};
  const Projection p = run(spec, 400);
  const double r = 50.0 * 60.0 / (kDaysPerMonth * 30.0);
  const double expected = 20.0 * r / (1.0 + r);
  for (const Eigen::Index month : {1, 6}) {
    const MeanSe open = history_average(named(p, "open_opportunities"), month, month);
    EXPECT_NEAR(open.mean, expected, 4 * open.se) << "month " << month;
  }
  // Never more deals than free accounts, in any replication or month.
  EXPECT_GE(named(p, "territory.all.accounts_available").minCoeff(), 0);
  EXPECT_LE(named(p, "open_opportunities").maxCoeff(), 20);
}

}  // namespace
}  // namespace teamsim::model
