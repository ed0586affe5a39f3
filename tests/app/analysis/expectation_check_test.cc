#include "app/analysis/expectation_check.h"

#include <gtest/gtest.h>

#include <cmath>

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
  EXPECT_EQ(results[1].message, "mean(arr) at month 24 = 1,300,000 (expected > 2,000,000)");
  EXPECT_FALSE(results[2].passed);
  EXPECT_TRUE(std::isnan(results[2].actual));
  EXPECT_EQ(count_failures(results), 2u);
}

}  // namespace
}  // namespace teamsim::app
