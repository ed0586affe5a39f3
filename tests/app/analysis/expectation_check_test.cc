#include "app/analysis/expectation_check.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/app/report_test_util.h"

namespace teamsim::app {
namespace {

TEST(ExpectationCheckTest, ChecksStatisticsAgainstTheSummary) {
  const RunSummary summary = testing::fake_summary(24);
  // arr p50 at month 24 = 100,000 + 24 x 50,000 = 1,300,000; mean the same.
  Expectation pass{"arr", 24, "p50", Comparison::kGreaterEqual, 1'000'000, "a", {}};
  Expectation fail{"arr", 24, "mean", Comparison::kGreater, 2'000'000, "b", {"plan.yaml", 9, 5}};
  Expectation missing{"nope", 24, "p50", Comparison::kLess, 1, "c", {}};
  const auto results = check_expectations({pass, fail, missing}, summary);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].passed);
  EXPECT_DOUBLE_EQ(results[0].actual, 1'300'000);
  EXPECT_FALSE(results[1].passed);
  // In the metric's unit, as the tables write it.
  EXPECT_EQ(results[1].message, "mean(arr) at month 24 = $1.3M (expected > $2M)");
  EXPECT_FALSE(results[2].passed);
  EXPECT_TRUE(std::isnan(results[2].actual));
  EXPECT_EQ(count_failures(results), 2u);
}

TEST(ExpectationCheckTest, AnUndefinedStatisticFailsAndSaysWhy) {
  // win_rate: undefined in every history at month 1 (no deal closed yet), defined in 300 of the
  // 500 at month 2 with a median of 25 %.
  RunSummary summary = testing::fake_summary(2);
  testing::add_metric(summary, "win_rate", "ratio", 0, 0.125);
  MetricSummary& win_rate = summary.metrics.back();
  win_rate.stats.mean(0) = win_rate.stats.se(0) = std::numeric_limits<double>::quiet_NaN();
  win_rate.stats.percentiles.row(0).setConstant(std::numeric_limits<double>::quiet_NaN());
  win_rate.stats.defined = Eigen::Vector2d(0, 300);
  const Expectation first{"win_rate", 1, "p50", Comparison::kGreater, 0.1, "first", {}};
  const Expectation second{"win_rate", 2, "p50", Comparison::kGreater, 0.1, "second", {}};
  const auto results = check_expectations({first, second}, summary);
  EXPECT_FALSE(results[0].passed);
  EXPECT_EQ(results[0].message,
            "p50(win_rate) at month 1 is undefined: no replication had a value (win_rate divides "
            "by zero in every history that month) (expected > 10.0%)");
  EXPECT_TRUE(results[1].passed);
  EXPECT_EQ(results[1].message,
            "p50(win_rate) at month 2 = 25.0% (expected > 10.0%) over the 300 of 500 replications "
            "where it is defined");
  // The same words apart, for the report's Expectations table to say under the result.
  EXPECT_EQ(results[0].note,
            "undefined: no replication had a value (win_rate divides by zero in every history "
            "that month)");
  EXPECT_EQ(results[1].note, "over the 300 of 500 replications where it is defined");
}

TEST(ExpectationCheckTest, ATrailingTwelveMonthMetricBeforeMonth12SaysItHasNoValueYet) {
  // grr_t12m is undefined in months 1-11 of every history (docs/metrics.md): the reason is the
  // missing year, not a zero denominator. The month comes from the metric's info, as
  // models/metrics.def gives it, and the description says why.
  RunSummary summary = testing::fake_summary(12);
  testing::add_metric(summary, "grr_t12m", "ratio", 0.9, 0);
  MetricSummary& grr = summary.metrics.back();
  grr.info.description = "Gross revenue retention of the cohort active 12 months earlier";
  grr.info.defined_from_month = 12;
  grr.stats.mean(5) = grr.stats.se(5) = std::numeric_limits<double>::quiet_NaN();
  grr.stats.percentiles.row(5).setConstant(std::numeric_limits<double>::quiet_NaN());
  const Expectation early{"grr_t12m", 6, "p50", Comparison::kGreaterEqual, 0.85, "early", {}};
  const auto results = check_expectations({early}, summary);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_FALSE(results[0].passed);
  EXPECT_EQ(results[0].message,
            "p50(grr_t12m) at month 6 is undefined: grr_t12m has no value before month 12 (gross "
            "revenue retention of the cohort active 12 months earlier); check it at month 12 or "
            "later (expected >= 85.0%)");
}

TEST(ExpectationCheckTest, APlanWithAStartDateNamesTheMonthsAsItsExpectationsDo) {
  // A plan starting Sep 2027 writes `month: 2028-06`; its line said "at month 10", and "check it
  // at month 12 or later", beside a default name and a report that say "Jun 2028".
  RunSummary summary = testing::fake_summary(12);
  summary.start_date = CalendarMonth{2027, 9};
  testing::add_metric(summary, "grr_t12m", "ratio", 0.9, 0);
  MetricSummary& grr = summary.metrics.back();
  grr.info.defined_from_month = 12;
  grr.stats.mean(6) = grr.stats.se(6) = std::numeric_limits<double>::quiet_NaN();
  grr.stats.percentiles.row(6).setConstant(std::numeric_limits<double>::quiet_NaN());
  const auto results =
      check_expectations({{"arr", 10, "p50", Comparison::kGreaterEqual, 500'000, "a", {}},
                          {"grr_t12m", 7, "p50", Comparison::kGreaterEqual, 0.8, "b", {}}},
                         summary);
  ASSERT_EQ(results.size(), 2u);
  // arr at month 10: 100,000 + 10 x 50,000.
  EXPECT_EQ(results[0].message, "p50(arr) at Jun 2028 = $600k (expected >= $500k)");
  EXPECT_EQ(results[1].message,
            "p50(grr_t12m) at Mar 2028 is undefined: grr_t12m has no value before Aug 2028 (test "
            "metric grr_t12m); check it at Aug 2028 or later (expected >= 80.0%)");
}

TEST(ExpectationCheckTest, AMetricsFirstMonthComesFromItsInfoNotItsName) {
  // "ramp_share" has no "_t12m" but is defined from month 3: month 2 is before it. "odd_t12m" is
  // defined from month 1: its undefined month 2 is a division by zero, whatever its name says.
  RunSummary summary = testing::fake_summary(4);
  for (const char* name : {"ramp_share", "odd_t12m"}) {
    testing::add_metric(summary, name, "ratio", 0.5, 0);
    MetricSummary& metric = summary.metrics.back();
    metric.stats.mean(1) = metric.stats.se(1) = std::numeric_limits<double>::quiet_NaN();
    metric.stats.percentiles.row(1).setConstant(std::numeric_limits<double>::quiet_NaN());
  }
  summary.metrics[summary.metrics.size() - 2].info.defined_from_month = 3;
  const auto results =
      check_expectations({{"ramp_share", 2, "mean", Comparison::kGreater, 0.1, "a", {}},
                          {"odd_t12m", 2, "mean", Comparison::kGreater, 0.1, "b", {}}},
                         summary);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].message,
            "mean(ramp_share) at month 2 is undefined: ramp_share has no value before month 3 "
            "(test metric ramp_share); check it at month 3 or later (expected > 10.0%)");
  EXPECT_EQ(results[1].message,
            "mean(odd_t12m) at month 2 is undefined: no replication had a value (odd_t12m divides "
            "by zero in every history that month) (expected > 10.0%)");
}

// Rounded as the tables round it, an actual value next to its threshold would look equal to it
// (or be on its other side): it gets the digits that tell them apart, and a threshold is written
// exactly. A deal value of 1,304,567 is "1.3M" to three digits, below a threshold of 1,304,000
// it is above; ARR p90 at month 24 is 1.2 x 1,300,000 = 1,560,000; a share of 0.0504 is "5.0%".
TEST(ExpectationCheckTest, ValuesNextToTheirThresholdKeepTheDigitsThatTellThemApart) {
  RunSummary summary = testing::fake_summary(24);
  summary.currency = "CHF";
  testing::add_metric(summary, "deal_value", "currency", 1'304'567, 0);
  testing::add_metric(summary, "churn_share", "ratio", 0, 0.0021);  // 0.0504 at month 24
  const Expectation near{"deal_value", 24, "p50", Comparison::kGreaterEqual, 1'304'000, "n", {}};
  const Expectation exact{"arr", 24, "p90", Comparison::kGreaterEqual, 1'560'000, "exact", {}};
  const Expectation ratio{"churn_share", 24, "p50", Comparison::kLessEqual, 0.05, "ratio", {}};
  const auto results = check_expectations({near, exact, ratio}, summary);
  EXPECT_EQ(results[0].message,
            "p50(deal_value) at month 24 = CHF 1,304,567 (expected >= CHF 1,304,000)");
  EXPECT_TRUE(results[0].passed);
  EXPECT_EQ(results[1].message, "p90(arr) at month 24 = CHF 1.56M (expected >= CHF 1.56M)");
  EXPECT_TRUE(results[1].passed);
  EXPECT_EQ(results[2].message, "p50(churn_share) at month 24 = 5.04% (expected <= 5.0%)");
  EXPECT_FALSE(results[2].passed);
}

TEST(ExpectationCheckTest, DurationsNameTheirUnitAfterEveryNumber) {
  // A number of days or months has no sign of its unit ("74" could be a count): the line says
  // it, as the tables' titles do in brackets. Mean at month 24: 50 + 24 x 1 = 74.
  RunSummary summary = testing::fake_summary(24);
  testing::add_metric(summary, "avg_cycle_days", "days", 50, 1);
  testing::add_metric(summary, "cac_payback_months", "months", 0, 0.5);  // 12 at month 24
  const Expectation cycle{"avg_cycle_days", 24, "mean", Comparison::kLess, 60, "cycle", {}};
  const Expectation payback{"cac_payback_months", 24, "mean", Comparison::kLessEqual, 18, "p", {}};
  const auto results = check_expectations({cycle, payback}, summary);
  EXPECT_EQ(results[0].message, "mean(avg_cycle_days) at month 24 = 74 days (expected < 60 days)");
  EXPECT_FALSE(results[0].passed);
  EXPECT_EQ(results[1].message,
            "mean(cac_payback_months) at month 24 = 12 months (expected <= 18 months)");
  EXPECT_TRUE(results[1].passed);
}

}  // namespace
}  // namespace teamsim::app
