#include "sim/paired_statistics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace teamsim::sim {
namespace {

TEST(PairedStatistics, DifferenceMeanSeAndProbabilities) {
  Eigen::MatrixXd a(4, 2), b(4, 2);
  a << 1, 5, 2, 5, 3, 5, 4, 5;
  b << 0, 5, 0, 5, 5, 5, 4, 5;
  const PairedSummary s = summarize_paired(a, b);
  // Differences of column 0: 1, 2, -2, 0 — mean 0.25, sd sqrt(((.75)^2+(1.75)^2+(2.25)^2+.25^2)/3).
  EXPECT_DOUBLE_EQ(s.difference.mean(0), 0.25);
  const double sd = std::sqrt((0.5625 + 3.0625 + 5.0625 + 0.0625) / 3.0);
  EXPECT_NEAR(s.difference.se(0), sd / 2.0, 1e-12);
  EXPECT_DOUBLE_EQ(s.prob_greater(0), 0.5);
  EXPECT_DOUBLE_EQ(s.prob_equal(0), 0.25);
  // Type-7 median of {-2, 0, 1, 2}: 0.5.
  EXPECT_DOUBLE_EQ(s.difference.percentiles(0, 3), 0.5);
  EXPECT_DOUBLE_EQ(s.difference.mean(1), 0.0);
  EXPECT_DOUBLE_EQ(s.difference.se(1), 0.0);
  EXPECT_DOUBLE_EQ(s.prob_greater(1), 0.0);
  EXPECT_DOUBLE_EQ(s.prob_equal(1), 1.0);
  EXPECT_THROW(summarize_paired(a, Eigen::MatrixXd(3, 2)), std::invalid_argument);
}

TEST(PairedStatistics, RoundingNoiseIsATieNotAWin) {
  // Two plans' revenue, equal in exact arithmetic, summed in other orders: 0.1 + 0.2 is
  // 0.30000000000000004 in doubles, 0.3 is not. Such pairs tie; a real difference of a
  // millionth of the value does not, nor does one of 1e-8 between values near 0.
  Eigen::MatrixXd a(4, 1), b(4, 1);
  a << 0.1 + 0.2, 1e6 * (1 + 1e-15), 1e6 * (1 + 1e-6), 1e-8;
  b << 0.3, 1e6, 1e6, 0;
  ASSERT_NE(a(0, 0), b(0, 0));
  ASSERT_NE(a(1, 0), b(1, 0));
  const PairedSummary s = summarize_paired(a, b);
  EXPECT_DOUBLE_EQ(s.prob_equal(0), 0.5);    // rows 0 and 1
  EXPECT_DOUBLE_EQ(s.prob_greater(0), 0.5);  // rows 2 and 3
  EXPECT_TRUE(ties(0, -1e-10));
  EXPECT_FALSE(ties(0, -1e-8));
  EXPECT_TRUE(ties(-2e9, -2e9 - 1));  // a billionth of the larger at most
  EXPECT_FALSE(ties(-2e9, -2e9 - 3));
}

TEST(PairedStatistics, UndefinedValuesLeaveTheirPairOut) {
  // Replication 1 is undefined in A, replication 3 in B: the pairs left are (1, 0) and (3, 5),
  // so P(A > B) = 1/2, P(A = B) = 0, and the mean difference is (1 - 2) / 2 = -0.5.
  constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
  Eigen::MatrixXd a(4, 2), b(4, 2);
  a << 1, kUndefined, kUndefined, kUndefined, 3, kUndefined, 4, kUndefined;
  b << 0, 1, 7, 1, 5, 1, kUndefined, 1;
  const PairedSummary s = summarize_paired(a, b);
  EXPECT_DOUBLE_EQ(s.prob_greater(0), 0.5);
  EXPECT_DOUBLE_EQ(s.prob_equal(0), 0.0);
  EXPECT_DOUBLE_EQ(s.difference.mean(0), -0.5);
  EXPECT_EQ(s.difference.defined(0), 2);
  // No pair defined: no probability at all, rather than 0 %.
  EXPECT_TRUE(std::isnan(s.prob_greater(1)));
  EXPECT_TRUE(std::isnan(s.prob_equal(1)));
  // Variance over the defined rows {1, 3, 4}: mean 8/3, s^2 = (25 + 1 + 16) / 9 / 2 = 7/3.
  EXPECT_DOUBLE_EQ(column_variance(a)(0), 7.0 / 3.0);
}

TEST(PairedStatistics, ColumnVariance) {
  Eigen::MatrixXd x(3, 1);
  x << 1, 2, 6;
  EXPECT_DOUBLE_EQ(column_variance(x)(0), 7.0);
  EXPECT_DOUBLE_EQ(column_variance(Eigen::MatrixXd::Ones(1, 1))(0), 0.0);
}

TEST(PairedStatistics, AverageRanksGiveTiesTheirMeanRank) {
  Eigen::VectorXd v(5);
  v << 10, 30, 20, 30, 5;
  Eigen::VectorXd expected(5);
  expected << 2, 4.5, 3, 4.5, 1;
  EXPECT_EQ(average_ranks(v), expected);
}

TEST(PairedStatistics, SpearmanCorrelation) {
  Eigen::VectorXd x(5), y(5);
  x << 1, 2, 3, 4, 5;
  y << 1, 8, 27, 64, 125;  // monotone: rho = 1
  EXPECT_DOUBLE_EQ(spearman_correlation(x, y), 1.0);
  EXPECT_DOUBLE_EQ(spearman_correlation(x, -y), -1.0);
  // Classic example without ties: rho = 1 - 6 sum d^2 / (n (n^2 - 1)), d = (0, -2, 1, 1, 0): 0.7.
  y << 1, 4, 2, 3, 5;
  EXPECT_NEAR(spearman_correlation(x, y), 0.7, 1e-12);
  EXPECT_DOUBLE_EQ(spearman_correlation(x, Eigen::VectorXd::Constant(5, 2.0)), 0.0);
  EXPECT_THROW(spearman_correlation(x, Eigen::VectorXd(4)), std::invalid_argument);
}

}  // namespace
}  // namespace teamsim::sim
