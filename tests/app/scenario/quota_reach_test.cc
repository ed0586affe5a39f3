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
  // Starting staff first: AE 1 -> a (a tie goes to the first), AE 2 -> b; then the hires by
  // month, whatever their order in the list: month 2 -> a, month 5 -> b. The SDR goes to a (no
  // SDR anywhere yet) and hands off its 10 leads there. So a: 10 + 10 leads for 2 AEs, b: 30 for
  // 2. The least is in a: 20 / 2 + 4 = 14 leads a month, 14 x 12 x 0.2 x 15,494 = $521k a year,
  // under the 40 open deals' capacity of 40 / 69.45 x 365.25 x 0.2 x 15,494 = $652k.
  const model::ScenarioSpec spec = load(
      "territories: {a: {inbound_leads_per_month: 10}, b: {inbound_leads_per_month: 30}}\n"
      "roles: {sdr: {kind: account_executive, hands_off_leads: true,\n"
      "              prospecting_leads_per_month: 10}}\n"
      "starting_staff: [{role: account_executive, count: 2}, {role: sdr}]\n"
      "hires: [{role: account_executive, month: 5}, {role: account_executive, month: 2}]\n");
  const auto reach = quota_reach(spec);
  ASSERT_EQ(reach.size(), 1u);  // the SDR carries no quota of its own to reach
  EXPECT_EQ(reach[0].role, "account_executive");
  EXPECT_EQ(reach[0].territory, "a");
  EXPECT_DOUBLE_EQ(reach[0].sellers, 2);
  EXPECT_DOUBLE_EQ(reach[0].shared_leads, 20);
  EXPECT_DOUBLE_EQ(reach[0].leads_per_rep, 14);
  EXPECT_NEAR(reach[0].lead_bookings, 14 * 12 * 0.2 * 15'494, 14 * 12 * 0.2);  // ACV ± 1
  EXPECT_FALSE(reach[0].by_capacity);
  EXPECT_DOUBLE_EQ(reach[0].bookings, reach[0].lead_bookings);
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

TEST(QuotaReachTest, NothingWithProductsOrWithoutSellers) {
  EXPECT_TRUE(quota_reach(load("territories: {a: {inbound_leads_per_month: 10}}\n")).empty());
}

}  // namespace
}  // namespace teamsim::app
