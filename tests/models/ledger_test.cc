#include "models/ledger.h"

#include <gtest/gtest.h>

namespace teamsim::model {
namespace {

TEST(LedgerTest, AccruesEachRateOverElapsedDays) {
  Ledger ledger(/*starting_cash=*/1000, /*other_costs_per_day=*/2);
  ledger.add_payroll_rate(0, 10);
  ledger.set_revenue_rates(0, 5, 0);
  ledger.accrue_to(4);  // 4 days: payroll 40, other 8, revenue 20
  EXPECT_DOUBLE_EQ(ledger.period_payroll(), 40);
  EXPECT_DOUBLE_EQ(ledger.period_other_costs(), 8);
  EXPECT_DOUBLE_EQ(ledger.period_revenue(), 20);
  EXPECT_DOUBLE_EQ(ledger.cash(), 1000 + 20 - 40 - 8);
}

TEST(LedgerTest, ARateChangeAccruesTheOldRateUpToItsTime) {
  Ledger ledger(0, 0);
  ledger.add_payroll_rate(0, 1);
  ledger.add_payroll_rate(10, 2);  // 10 days at 1, then 3 per day
  ledger.accrue_to(12);            // 2 days at 3
  EXPECT_DOUBLE_EQ(ledger.period_payroll(), 16);
  EXPECT_DOUBLE_EQ(ledger.cash(), -16);
}

TEST(LedgerTest, StartPeriodResetsTotalsButNotCash) {
  Ledger ledger(100, 1);
  ledger.accrue_to(5);
  ledger.start_period();
  EXPECT_DOUBLE_EQ(ledger.period_other_costs(), 0);
  ledger.accrue_to(7);
  EXPECT_DOUBLE_EQ(ledger.period_other_costs(), 2);
  EXPECT_DOUBLE_EQ(ledger.cash(), 100 - 7);
}

TEST(LedgerTest, PrepaidRevenueIsEarnedWithoutCashAndInvoicesAreCollectedAtOnce) {
  // Revenue 5 a day of which 3 was billed upfront: 10 days earn 50 but bring in 20 of cash; an
  // invoice of 100 comes in at once. Collections 120, cash 120, revenue 50.
  Ledger ledger(0, 0);
  ledger.set_revenue_rates(0, 5, 3);
  ledger.collect(100);
  ledger.accrue_to(10);
  EXPECT_DOUBLE_EQ(ledger.period_revenue(), 50);
  EXPECT_DOUBLE_EQ(ledger.period_collections(), 120);
  EXPECT_DOUBLE_EQ(ledger.cash(), 120);
  ledger.start_period();
  EXPECT_DOUBLE_EQ(ledger.period_collections(), 0);
}

}  // namespace
}  // namespace teamsim::model
