#include "app/analysis/cash_risk.h"

#include <gtest/gtest.h>

#include "tests/app/report_test_util.h"

namespace teamsim::app {
namespace {

TEST(CashRiskTest, TheRunwayEndsInTheMonthTheRiskReachesTheThreshold) {
  RunSummary summary = testing::fake_summary(24);
  // P(cash < 0 by then) is 2.5 % in month 1, 5 % in month 2, ...: 10 % exactly in month 4 (a
  // share equal to the threshold reaches it) and 50 % in month 20.
  testing::add_metric(summary, kCashEverNegativeMetric, "ratio", 0, 0.025);
  EXPECT_EQ(first_month_at_risk(summary, kRunwayRisk), 4);
  EXPECT_EQ(first_month_at_risk(summary, 0.5), 20);
  EXPECT_EQ(first_month_at_risk(summary, 0.61), std::nullopt);  // 60 % in month 24
}

TEST(CashRiskTest, WithoutTheMetricThereIsNoRunwayEnd) {
  EXPECT_EQ(first_month_at_risk(testing::fake_summary(24), kRunwayRisk), std::nullopt);
}

}  // namespace
}  // namespace teamsim::app
