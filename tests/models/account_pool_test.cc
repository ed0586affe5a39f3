// AccountPool on its own: accounts in use, cool-offs that end in order, and the instant a
// cool-off ends (available to what runs after releases at that instant).
#include "models/account_pool.h"

#include <gtest/gtest.h>

namespace teamsim::model {
namespace {

std::vector<TerritorySpec> territories() {
  TerritorySpec limited{"limited", 0, 10};
  limited.cool_off_months = 2;
  TerritorySpec open{"open", 0, 0};
  return {limited, open};
}

TEST(AccountPoolTest, AnAccountInUseIsNotAvailableAndComesBackAfterItsCoolOff) {
  AccountPool pool(territories());
  const double cool_off = 2 * kDaysPerMonth;
  pool.occupy(0);
  pool.occupy(0);
  EXPECT_EQ(pool.available(0, 0, false), 8);
  pool.release(0, 10);  // lost on day 10: cools off until day 10 + 2 months
  EXPECT_EQ(pool.available(0, 11, false), 8);
  EXPECT_EQ(pool.available_after(0, 10 + cool_off - 1), 8);
  // At the instant it ends: not yet for a lead routed before releases, yes after them.
  EXPECT_EQ(pool.available_after(0, 10 + cool_off), 9);
  EXPECT_EQ(pool.available(0, 10 + cool_off, /*released_now=*/false), 8);
  EXPECT_EQ(pool.available(0, 10 + cool_off, /*released_now=*/true), 9);
}

TEST(AccountPoolTest, UnlimitedTerritoriesCountNothing) {
  AccountPool pool(territories());
  EXPECT_FALSE(pool.finite(1));
  pool.occupy(1);
  pool.release(1, 0);
  EXPECT_EQ(pool.available(1, 0, true), 0);  // total 0: nothing counted
  EXPECT_TRUE(pool.finite(0));
  EXPECT_EQ(pool.total(0), 10);
}

TEST(AccountPoolTest, ReadingAtMonthEndForgetsNothing) {
  AccountPool pool(territories());
  for (int day = 0; day < 5; ++day) {
    pool.occupy(0);
    pool.release(0, day);
  }
  // Cool-offs end on days 60.875 .. 64.875; at day 62.5 two are over.
  const double day = 2 * kDaysPerMonth + 1.625;
  EXPECT_EQ(pool.available_after(0, day), 10 - 3);
  EXPECT_EQ(pool.available_after(0, day), 10 - 3);
  EXPECT_EQ(pool.available(0, day, true), 10 - 3);
}

// A churn replayed at the month end releases its account with its own time, before releases
// already made: its cool-off end goes in order, and the counts are those of releases in order.
TEST(AccountPoolTest, ALateReleaseGoesInOrderAmongTheCoolOffs) {
  AccountPool in_order(territories());
  AccountPool late(territories());
  for (AccountPool* pool : {&in_order, &late}) {
    for (int i = 0; i < 3; ++i) pool->occupy(0);
  }
  in_order.release(0, 5);
  in_order.release(0, 10);
  in_order.release(0, 20);
  late.release(0, 10);
  late.release(0, 20);
  late.release_in_order(0, 5);
  const double cool_off = 2 * kDaysPerMonth;
  for (const double day : {0.0, 5 + cool_off, 10 + cool_off, 15 + cool_off, 20 + cool_off}) {
    EXPECT_EQ(late.available_after(0, day), in_order.available_after(0, day)) << "day " << day;
  }
  EXPECT_EQ(late.available(0, 5 + cool_off, true), 8);
  EXPECT_EQ(late.available(0, 10 + cool_off, true), 9);
  late.release_in_order(1, 3);  // unlimited: nothing counted
  EXPECT_EQ(late.available_after(1, 3), 0);
}

// Exact when every finite territory cools off for at least a month; unlimited ones never count.
TEST(AccountPoolTest, LateReleasesAreExactOnlyWithCoolOffsOfAMonthOrMore) {
  EXPECT_TRUE(AccountPool(territories()).late_release_exact());  // 2 months, and unlimited
  std::vector<TerritorySpec> spec = territories();
  spec[0].cool_off_months = 1;
  EXPECT_TRUE(AccountPool(spec).late_release_exact());
  spec[0].cool_off_months = 0.5;
  EXPECT_FALSE(AccountPool(spec).late_release_exact());
  spec[0].cool_off_months = 0;
  EXPECT_FALSE(AccountPool(spec).late_release_exact());
  spec[1].cool_off_months = 0;  // unlimited: its cool-off changes nothing
  spec[0].cool_off_months = 3;
  EXPECT_TRUE(AccountPool(spec).late_release_exact());
}

}  // namespace
}  // namespace teamsim::model
