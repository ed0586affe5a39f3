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
  EXPECT_EQ(cash_risk_at_end(testing::fake_summary(24)), std::nullopt);
}

TEST(CashRiskTest, TheRiskAtTheEndAndTheRunwayInWords) {
  RunSummary summary = testing::fake_summary(24);
  testing::add_metric(summary, kCashEverNegativeMetric, "ratio", 0, 0.025);
  // 2.5 % a month: 24 x 2.5 % = 60 % by month 24; 10 % first in month 4.
  EXPECT_DOUBLE_EQ(cash_risk_at_end(summary).value(), 0.6);
  EXPECT_EQ(runway_phrase(summary), "reaches 10% in month 4");

  RunSummary safe = testing::fake_summary(24);
  testing::add_metric(safe, kCashEverNegativeMetric, "ratio", 0, 0.004);  // 9.6 % by month 24
  EXPECT_EQ(runway_phrase(safe), "below 10% in every month");
}

}  // namespace
}  // namespace teamsim::app
