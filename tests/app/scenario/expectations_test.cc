#include "app/scenario/expectations.h"

#include <gtest/gtest.h>

#include "app/scenario/scenario_loader.h"

namespace teamsim::app {
namespace {

LoadResult load(const std::string& yaml) { return load_scenario_string(yaml, "plan.yaml"); }

std::string diagnostics_text(const LoadResult& result) {
  return format_diagnostics(result.diagnostics);
}

TEST(ExpectationsTest, ParsesTheDocumentedForms) {
  const LoadResult r = load(
      "horizon_months: 36\n"
      "expect:\n"
      "  - {metric: arr, month: 24, stat: p50, op: \">=\", value: 2_000_000}\n"
      "  - {metric: cash, month: last, stat: p10, op: \">\", value: 0, name: runway}\n"
      "  - metric: customers\n"
      "    month: 12\n"
      "    op: \"<\"\n"
      "    value: 5%\n");
  ASSERT_TRUE(r.ok()) << diagnostics_text(r);
  ASSERT_EQ(r.expectations.size(), 3u);
  const Expectation& arr = r.expectations[0];
  EXPECT_EQ(arr.metric, "arr");
  EXPECT_EQ(arr.month, 24);
  EXPECT_EQ(arr.stat, "p50");
  EXPECT_EQ(arr.op, Comparison::kGreaterEqual);
  EXPECT_EQ(arr.value, 2'000'000);
  EXPECT_EQ(arr.name, "p50(arr) at month 24 >= $2M");
  EXPECT_EQ(arr.mark.line, 3);
  EXPECT_EQ(arr.mark.file, "plan.yaml");
  EXPECT_EQ(r.expectations[1].month, 36);
  EXPECT_EQ(r.expectations[1].name, "runway");
  EXPECT_EQ(r.expectations[2].stat, "p50");  // the default statistic
  EXPECT_DOUBLE_EQ(r.expectations[2].value, 0.05);
  EXPECT_EQ(r.expectations[2].mark.line, 5);
}

TEST(ExpectationsTest, EveryProblemIsReportedWithFileLineAndColumn) {
  const LoadResult r = load(
      "horizon_months: 24\n"
      "expect:\n"
      "  - {metric: ar, month: 24, op: \">=\", value: 1}\n"
      "  - {metric: arr, month: 30, op: \">=\", value: 1}\n"
      "  - {metric: arr, month: 12, stat: median, op: \">=\", value: 1}\n"
      "  - {metric: arr, month: 12, op: \"=>\", value: 1}\n"
      "  - {metric: arr, month: 12, op: \">=\", value: lots, when: now}\n"
      "  - {metric: arr, op: \">=\", value: 1}\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(diagnostics_text(r),
            "plan.yaml:3:14: expect[0].metric: unknown metric 'ar'; did you mean 'arr'?\n"
            "plan.yaml:4:26: expect[1].month: must be between 1 and 24 (horizon_months), got 30\n"
            "plan.yaml:5:36: expect[2].stat: unknown statistic 'median'; the median is 'p50'\n"
            "plan.yaml:6:34: expect[3].op: unknown operator '=>'; expected one of: <, <=, >, >= "
            "(quote it: op: \">=\")\n"
            "plan.yaml:7:47: expect[4].value: expected a number, got 'lots'\n"
            "plan.yaml:7:53: expect[4]: unknown key 'when'; expected one of: metric, month, stat, "
            "op, value, name\n"
            "plan.yaml:8:5: expect[5]: missing required key 'month'\n");
}

TEST(ExpectationsTest, AGeneratedNameWritesTheThresholdInTheMetricsUnit) {
  // The JUnit test case is named after the expectation: `value: 25%` was named ">= 0.25", and
  // 60 days "< 60", while the PASS/FAIL line said "expected >= 25.0%" and "expected < 60 days".
  const LoadResult r = load(
      "horizon_months: 24\n"
      "money: {currency: EUR}\n"
      "expect:\n"
      "  - {metric: win_rate, month: 6, op: \">=\", value: 25%}\n"
      "  - {metric: avg_cycle_days, month: 12, stat: mean, op: \"<\", value: 60}\n"
      "  - {metric: arr, month: 24, op: \">=\", value: 1_250_500}\n"
      "  - {metric: customers, month: last, stat: p10, op: \">\", value: 40}\n");
  ASSERT_TRUE(r.ok()) << diagnostics_text(r);
  ASSERT_EQ(r.expectations.size(), 4u);
  EXPECT_EQ(r.expectations[0].name, "p50(win_rate) at month 6 >= 25.0%");
  EXPECT_EQ(r.expectations[1].name, "mean(avg_cycle_days) at month 12 < 60 days");
  EXPECT_EQ(r.expectations[2].name, "p50(arr) at month 24 >= €1,250,500");
  EXPECT_EQ(r.expectations[3].name, "p10(customers) at month 24 > 40");
}

TEST(ExpectationsTest, AMedianIsCalledP50) {
  const LoadResult r = load(
      "expect:\n"
      "  - {metric: arr, month: 12, stat: median, op: \">=\", value: 1}\n"
      "  - {metric: arr, month: 12, stat: average, op: \">=\", value: 1}\n");
  EXPECT_EQ(diagnostics_text(r),
            "plan.yaml:2:36: expect[0].stat: unknown statistic 'median'; the median is 'p50'\n"
            "plan.yaml:3:36: expect[1].stat: unknown statistic 'average'; did you mean 'mean'?\n");
}

TEST(ExpectationsTest, NotAListIsATypeError) {
  const LoadResult r = load("expect: {metric: arr}\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(diagnostics_text(r).find("plan.yaml:1:9: expect: expected a list of expectations"),
            std::string::npos)
      << diagnostics_text(r);
}

}  // namespace
}  // namespace teamsim::app
