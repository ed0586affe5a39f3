#include "models/ledger.h"

#include <gtest/gtest.h>

namespace teamsim::model {
namespace {

TEST(LedgerTest, AccruesEachRateOverElapsedDays) {
  Ledger ledger(/*starting_cash=*/1000, /*other_costs_per_day=*/2);
  ledger.add_payroll_rate(10);
  ledger.set_revenue_rate(5);
  ledger.accrue_to(4);  // 4 days: payroll 40, other 8, revenue 20
  EXPECT_DOUBLE_EQ(ledger.period_payroll(), 40);
  EXPECT_DOUBLE_EQ(ledger.period_other_costs(), 8);
  EXPECT_DOUBLE_EQ(ledger.period_revenue(), 20);
  EXPECT_DOUBLE_EQ(ledger.cash(), 1000 + 20 - 40 - 8);
}

TEST(LedgerTest, RateChangesApplyFromTheLastAccrual) {
  Ledger ledger(0, 0);
  ledger.add_payroll_rate(1);
  ledger.accrue_to(10);        // 10 days at 1
  ledger.add_payroll_rate(2);  // now 3 per day
  ledger.accrue_to(12);        // 2 days at 3
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

}  // namespace
}  // namespace teamsim::model
