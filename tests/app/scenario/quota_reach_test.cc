#include "app/scenario/quota_reach.h"

#include <gtest/gtest.h>

#include <string>

#include "app/scenario/scenario_loader.h"

// What a ramped seller can book, worked out by hand from the built-in defaults (see
// plausibility_checks_test.cc): mean win rate 0.2, mean ACV 15,494, 4 prospected leads a month.

namespace teamsim::app {
namespace {

model::ScenarioSpec load(const std::string& yaml) {
  const LoadResult loaded = load_scenario_string(yaml, "s.yaml");
  EXPECT_TRUE(loaded.ok());
  return *loaded.spec;
}

TEST(QuotaReachTest, PeopleWithoutATerritoryArePlacedWhereTheirKindIsFewest) {
  // Starting staff first: AE 1 -> a (a tie goes to the first), AE 2 -> b; the SDR -> a (no SDR
  // anywhere yet), handing off its 10 leads there. Then the hires by month, not by their place
  // in the list: the month-2 AE ties 1-1 and goes to a, then the month-5 AE is written for a.
  // (In list order the month-2 AE would find a ahead, 2-1, and go to b.) So a: 10 + 10 leads for
  // 3 AEs, b: 30 for 1; the least is in a: 20 / 3 + 4 = 10.67 leads a month,
  // 10.67 x 12 x 0.2 x 15,494 = $397k a year, under the 40 open deals' capacity of
  // 40 / 69.45 x 365.25 x 0.2 x 15,494 = $652k.
  const model::ScenarioSpec spec = load(
      "territories: {a: {inbound_leads_per_month: 10}, b: {inbound_leads_per_month: 30}}\n"
      "roles: {sdr: {kind: account_executive, hands_off_leads: true,\n"
      "              prospecting_leads_per_month: 10}}\n"
      "starting_staff: [{role: account_executive, count: 2}, {role: sdr}]\n"
      "hires: [{role: account_executive, month: 5, territory: a},\n"
      "        {role: account_executive, month: 2}]\n");
  const auto reach = quota_reach(spec);
  ASSERT_EQ(reach.size(), 1u);  // the SDR carries no quota of its own to reach
  EXPECT_EQ(reach[0].role, "account_executive");
  EXPECT_EQ(reach[0].territory, "a");
  EXPECT_DOUBLE_EQ(reach[0].sellers, 3);
  EXPECT_DOUBLE_EQ(reach[0].shared_leads, 20);
  EXPECT_DOUBLE_EQ(reach[0].leads_per_rep, 20.0 / 3 + 4);
  EXPECT_NEAR(reach[0].lead_bookings, (20.0 / 3 + 4) * 12 * 0.2 * 15'494,
              (20.0 / 3 + 4) * 12 * 0.2);
  EXPECT_FALSE(reach[0].by_capacity);
  EXPECT_DOUBLE_EQ(reach[0].bookings, reach[0].lead_bookings);
}

TEST(QuotaReachTest, EachTerritorysOddsAndDealSizesCount) {
  // One AE each. enterprise: 6 + 4 leads at 4 x 15,494 ACV: 10 x 12 x 0.2 x 61,978 = $744k.
  // smb: 40 + 4 leads at half the ACV, 7,747: its 40 open deals bound it, 40 / 69.45 x 365.25 x
  // 0.2 x 7,747 = $326k. The least is smb's, by capacity, though it has the most leads.
  const auto reach = quota_reach(
      load("territories: {enterprise: {inbound_leads_per_month: 6, deal_size_factor: 4},\n"
           "              smb: {inbound_leads_per_month: 40, deal_size_factor: 0.5}}\n"
           "starting_staff: [{role: account_executive, territory: enterprise},\n"
           "                 {role: account_executive, territory: smb}]\n"));
  ASSERT_EQ(reach.size(), 1u);
  EXPECT_EQ(reach[0].territory, "smb");
  EXPECT_TRUE(reach[0].by_capacity);
  EXPECT_NEAR(reach[0].bookings, 40 / 69.45 * 365.25 * 0.2 * 7'747, 500);
  EXPECT_NEAR(reach[0].deal_size, 7'747, 1);
  // A win-rate factor caps the win probability at 1: 0.2 x 6 counts as 1.
  const auto capped =
      quota_reach(load("territories: {a: {inbound_leads_per_month: 6, win_rate_factor: 6}}\n"
                       "starting_staff: [{role: account_executive}]\n"));
  ASSERT_EQ(capped.size(), 1u);
  EXPECT_DOUBLE_EQ(capped[0].win_rate, 1);
}

TEST(QuotaReachTest, RebalancedTerritoriesAreOneMarketAndUnqualifiedLeadsAreNotWon) {
  // A sales-ops person rebalancing every month moves sellers to the leads: a and b count as one,
  // 10 + 30 leads over 2 AEs + 4 prospected = 24 a month; a quarter of the leads unqualified,
  // so 24 x 12 x 0.75 x 0.2 x 15,494 = $669k, above the capacity of $652k x 0.75 = $489k.
  const auto reach = quota_reach(load(
      "territories: {a: {inbound_leads_per_month: 10}, b: {inbound_leads_per_month: 30}}\n"
      "pipeline: {rebalance_every_months: 1, unqualified_lead_share: 25%}\n"
      "starting_staff: [{role: account_executive, territory: a},\n"
      "                 {role: account_executive, territory: a}, {role: sales_operations}]\n"));
  ASSERT_EQ(reach.size(), 1u);
  EXPECT_TRUE(reach[0].territory.empty());
  EXPECT_DOUBLE_EQ(reach[0].leads_per_rep, 24);
  EXPECT_DOUBLE_EQ(reach[0].qualified, 0.75);
  EXPECT_TRUE(reach[0].by_capacity);
  EXPECT_NEAR(reach[0].bookings, 40 / 69.45 * 365.25 * 0.2 * 15'494 * 0.75, 500);
}

TEST(QuotaReachTest, TheOpportunityCapacityBindsWhenLeadsAreAmple) {
  // 10 open deals / 69.45-day mean cycle x 365.25 x 0.2 x 15,494 = $163k a year.
  const auto reach =
      quota_reach(load("territories: {a: {inbound_leads_per_month: 100}}\n"
                       "roles: {account_executive: {max_open_opportunities: 10}}\n"
                       "starting_staff: [{role: account_executive}]\n"));
  ASSERT_EQ(reach.size(), 1u);
  EXPECT_TRUE(reach[0].by_capacity);
  EXPECT_NEAR(reach[0].bookings, 163'000, 500);
  EXPECT_TRUE(reach[0].territory.empty());  // one territory: nothing to name
}

TEST(QuotaReachTest, NothingWithoutSellersOrWithProducts) {
  EXPECT_TRUE(quota_reach(load("territories: {a: {inbound_leads_per_month: 10}}\n")).empty());
  EXPECT_TRUE(quota_reach(load("territories: {a: {inbound_leads_per_month: 10}}\n"
                               "starting_staff: [{role: account_executive}]\n"
                               "products: {core: {share: 1}}\n"))
                  .empty());
}

}  // namespace
}  // namespace teamsim::app
