#include "sim/statistics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <vector>

namespace teamsim::sim {
namespace {

double q(const std::vector<double>& sorted, double p) {
  return quantile_sorted(sorted.data(), sorted.size(), p);
}

TEST(QuantileSortedTest, Type7OnSmallArrays) {
  const std::vector<double> x = {1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(q(x, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(q(x, 0.25), 1.75);  // h = 3 * 0.25 = 0.75
  EXPECT_DOUBLE_EQ(q(x, 0.5), 2.5);    // h = 1.5
  EXPECT_DOUBLE_EQ(q(x, 0.9), 3.7);    // h = 2.7
  EXPECT_DOUBLE_EQ(q(x, 1.0), 4.0);

  const std::vector<double> y = {10, 20, 40, 80, 160};
  EXPECT_DOUBLE_EQ(q(y, 0.05), 12.0);   // h = 0.2: 10 + 0.2 * 10
  EXPECT_DOUBLE_EQ(q(y, 0.5), 40.0);    // h = 2
  EXPECT_DOUBLE_EQ(q(y, 0.95), 144.0);  // h = 3.8: 80 + 0.8 * 80
}

TEST(QuantileSortedTest, SingleValue) {
  const std::vector<double> x = {7.5};
  EXPECT_EQ(q(x, 0.0), 7.5);
  EXPECT_EQ(q(x, 0.3), 7.5);
  EXPECT_EQ(q(x, 1.0), 7.5);
}

TEST(QuantileSortedTest, MisuseThrows) {
  const std::vector<double> x = {1, 2};
  EXPECT_THROW(quantile_sorted(x.data(), 0, 0.5), std::invalid_argument);
  EXPECT_THROW(q(x, -0.1), std::invalid_argument);
  EXPECT_THROW(q(x, 1.1), std::invalid_argument);
}

/// The reported percentiles of `values` by sorting a copy, the definition select_quantiles keeps.
std::vector<double> sorted_percentiles(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  std::vector<double> out;
  for (const double p : kReportedPercentiles) out.push_back(q(values, p));
  return out;
}

std::vector<double> selected_percentiles(std::vector<double> values) {
  std::vector<double> out(kReportedPercentiles.size());
  select_quantiles(values, kReportedPercentiles, out);
  return out;
}

/// Equal to the bit (a signed zero included), not only as numbers.
void expect_same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(std::bit_cast<std::uint64_t>(a[k]), std::bit_cast<std::uint64_t>(b[k]))
        << "percentile " << k << ": " << a[k] << " vs " << b[k];
  }
}

TEST(SelectQuantilesTest, EqualToTheSortedPercentilesOnHandMadeColumns) {
  const std::vector<std::vector<double>> columns = {
      {7.5},                                          // one value
      {2, 1},                                         // even
      {3, 1, 2},                                      // odd
      {4, 4, 4, 4},                                   // all tied
      {5, 1, 5, 1, 5, 1, 3},                          // ties around the median
      {0, -0.0, 0, -0.0, 1},                          // zeros of both signs
      {1e300, -1e300, 1, 2, 3, 4, 5, 6, 7, 8, 9},     // extremes
      {10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, -1, -2, -3}  // descending, even
  };
  for (const std::vector<double>& column : columns) {
    expect_same_bits(selected_percentiles(column), sorted_percentiles(column));
  }
}

TEST(SelectQuantilesTest, EqualToTheSortedPercentilesForEverySizeUpTo300) {
  // A deterministic jumble with many ties: (i * 7919) mod 97, halved.
  for (std::size_t n = 1; n <= 300; ++n) {
    std::vector<double> column;
    for (std::size_t i = 0; i < n; ++i) column.push_back(static_cast<double>((i * 7919) % 97) / 2);
    expect_same_bits(selected_percentiles(column), sorted_percentiles(column));
  }
}

TEST(SelectQuantilesTest, AnyProbabilitiesInAnyOrder) {
  std::vector<double> values = {9, 3, 7, 1, 5};
  const std::vector<double> ps = {1.0, 0.0, 0.5, 0.3};
  std::vector<double> out(ps.size());
  select_quantiles(values, ps, out);
  EXPECT_EQ(out, (std::vector<double>{9, 1, 5, 3.4}));  // p 0.3: h = 1.2, 3 + 0.2 x 2
  std::vector<double> empty;
  EXPECT_THROW(select_quantiles(empty, ps, out), std::invalid_argument);
  const std::vector<double> outside = {1.5};
  std::vector<double> one(1);
  EXPECT_THROW(select_quantiles(values, outside, one), std::invalid_argument);
  EXPECT_THROW(select_quantiles(values, ps, one), std::invalid_argument);
}

TEST(SummarizeColumnsTest, PercentilesOverTheDefinedValuesAsIfSorted) {
  // Undefined (NaN) values are skipped and counted; the percentiles are those of the rest sorted.
  constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
  Eigen::MatrixXd samples(6, 3);
  samples << 3, kUndefined, 2,    //
      kUndefined, kUndefined, 2,  //
      1, kUndefined, 1,           //
      3, 8, 2,                    //
      kUndefined, kUndefined, 9,  //
      2, kUndefined, 2;
  const ColumnSummary s = summarize_columns(samples);
  EXPECT_EQ(s.defined(0), 4);
  EXPECT_EQ(s.defined(1), 1);
  EXPECT_EQ(s.defined(2), 6);
  const std::vector<std::vector<double>> defined = {{3, 1, 3, 2}, {8}, {2, 2, 1, 2, 9, 2}};
  for (Eigen::Index c = 0; c < 3; ++c) {
    std::vector<double> row;
    for (Eigen::Index k = 0; k < s.percentiles.cols(); ++k) row.push_back(s.percentiles(c, k));
    expect_same_bits(row, sorted_percentiles(defined[static_cast<std::size_t>(c)]));
  }
}

TEST(SummarizeColumnsTest, TheSameBitsOnAnyNumberOfThreads) {
  Eigen::MatrixXd samples(101, 37), weights(101, 37);
  for (Eigen::Index r = 0; r < samples.rows(); ++r) {
    for (Eigen::Index c = 0; c < samples.cols(); ++c) {
      samples(r, c) = (r * 31 + c * 17) % 23 == 0 ? std::numeric_limits<double>::quiet_NaN()
                                                  : std::sin(static_cast<double>(r * c + r));
      weights(r, c) = static_cast<double>(1 + (r + c) % 5);
    }
  }
  const Eigen::MatrixXd* const unweighted = nullptr;
  for (const Eigen::MatrixXd* w : {unweighted, static_cast<const Eigen::MatrixXd*>(&weights)}) {
    const ColumnSummary one = summarize_columns(samples, w, 1);
    for (const unsigned threads : {2u, 3u, 0u}) {
      const ColumnSummary many = summarize_columns(samples, w, threads);
      EXPECT_EQ(0, std::memcmp(one.mean.data(), many.mean.data(), sizeof(double) * 37));
      EXPECT_EQ(0, std::memcmp(one.se.data(), many.se.data(), sizeof(double) * 37));
      EXPECT_EQ(
          0, std::memcmp(one.percentiles.data(), many.percentiles.data(), sizeof(double) * 37 * 7));
      EXPECT_EQ(one.defined, many.defined);
    }
  }
}

TEST(SummarizeColumnsTest, MeanSeAndPercentilesOnASmallMatrix) {
  Eigen::MatrixXd samples(4, 2);
  // Column 0 out of order on purpose: summarising must sort a copy.
  samples << 3, 10,  //
      1, 10,         //
      4, 10,         //
      2, 10;
  const ColumnSummary s = summarize_columns(samples);
  ASSERT_EQ(s.mean.size(), 2);
  ASSERT_EQ(s.percentiles.rows(), 2);
  ASSERT_EQ(s.percentiles.cols(), 7);
  EXPECT_DOUBLE_EQ(s.mean(0), 2.5);
  // sd = sqrt(((1.5^2 + 0.5^2) * 2) / 3) = sqrt(5/3); se = sd / 2.
  EXPECT_DOUBLE_EQ(s.se(0), std::sqrt(5.0 / 3.0) / 2.0);
  const std::vector<double> expected = {1.15, 1.3, 1.75, 2.5, 3.25, 3.7, 3.85};
  for (int k = 0; k < 7; ++k) EXPECT_NEAR(s.percentiles(0, k), expected[k], 1e-12) << k;

  EXPECT_DOUBLE_EQ(s.mean(1), 10.0);
  EXPECT_EQ(s.se(1), 0.0);
  for (int k = 0; k < 7; ++k) EXPECT_EQ(s.percentiles(1, k), 10.0);
  EXPECT_EQ(samples(0, 0), 3.0);  // input untouched
}

TEST(SummarizeColumnsTest, SeMatchesTheClosedForm) {
  Eigen::MatrixXd samples(3, 1);
  samples << 2, 4, 9;  // mean 5, deviations -3 -1 4: sum of squares 26, sd = sqrt(13)
  const ColumnSummary s = summarize_columns(samples);
  EXPECT_DOUBLE_EQ(s.mean(0), 5.0);
  EXPECT_DOUBLE_EQ(s.se(0), std::sqrt(13.0) / std::sqrt(3.0));
  EXPECT_DOUBLE_EQ(s.percentiles(0, 3), 4.0);  // median
  EXPECT_DOUBLE_EQ(s.percentiles(0, 6), 8.5);  // p95: h = 1.9, 4 + 0.9 * 5
}

TEST(SummarizeColumnsTest, OneReplicationHasZeroSe) {
  Eigen::MatrixXd samples(1, 3);
  samples << 1.5, -2, 0;
  const ColumnSummary s = summarize_columns(samples);
  for (int c = 0; c < 3; ++c) {
    EXPECT_EQ(s.mean(c), samples(0, c));
    EXPECT_EQ(s.se(c), 0.0);
    for (int k = 0; k < 7; ++k) EXPECT_EQ(s.percentiles(c, k), samples(0, c));
  }
}

TEST(SummarizeColumnsTest, UndefinedReplicationsAreLeftOutAndCounted) {
  // Column 0 is undefined (NaN) in replication 2: its statistics are those of {1, 3} alone,
  // mean 2, s = sqrt(2), se = s / sqrt(2) = 1, median 2; column 1 is defined everywhere.
  constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
  Eigen::MatrixXd samples(3, 2);
  samples << 1, 1,    //
      kUndefined, 2,  //
      3, 3;
  const ColumnSummary s = summarize_columns(samples);
  EXPECT_EQ(s.defined(0), 2);
  EXPECT_EQ(s.defined(1), 3);
  EXPECT_DOUBLE_EQ(s.mean(0), 2.0);
  EXPECT_DOUBLE_EQ(s.se(0), 1.0);
  EXPECT_DOUBLE_EQ(s.percentiles(0, kColumnP50), 2.0);
  EXPECT_DOUBLE_EQ(s.percentiles(0, kColumnP10), 1.2);  // h = 0.1: 1 + 0.1 x (3 - 1)
  EXPECT_EQ(s.percentiles(1, kColumnP50), 2.0);
}

TEST(SummarizeColumnsTest, AColumnUndefinedEverywhereHasNoStatistics) {
  const Eigen::MatrixXd samples =
      Eigen::MatrixXd::Constant(4, 1, std::numeric_limits<double>::quiet_NaN());
  const ColumnSummary s = summarize_columns(samples);
  EXPECT_EQ(s.defined(0), 0);
  EXPECT_TRUE(std::isnan(s.mean(0)));
  EXPECT_TRUE(std::isnan(s.se(0)));
  for (int k = 0; k < 7; ++k) EXPECT_TRUE(std::isnan(s.percentiles(0, k)));
}

TEST(SummarizeColumnsTest, WeightedMeanIsTheMeanPerEvent) {
  // Three histories' monthly mean waits 2, 4 and 10 days over 1, 3 and 0 events (the third is
  // undefined: NaN). Per event: (1 x 2 + 3 x 4) / 4 = 3.5, not the mean of means 3. Ratio
  // estimator SE: sqrt(n / (n - 1) x (1^2 (2 - 3.5)^2 + 3^2 (4 - 3.5)^2)) / 4
  // = sqrt(2 x (2.25 + 2.25)) / 4 = 0.75.
  Eigen::MatrixXd waits(3, 1), events(3, 1);
  waits << 2, 4, std::numeric_limits<double>::quiet_NaN();
  events << 1, 3, 0;
  const ColumnSummary s = summarize_columns(waits, &events);
  EXPECT_DOUBLE_EQ(s.mean(0), 3.5);
  EXPECT_DOUBLE_EQ(s.se(0), 0.75);
  EXPECT_EQ(s.defined(0), 2);
  EXPECT_DOUBLE_EQ(s.percentiles(0, kColumnP50), 3.0);  // percentiles stay over histories
}

TEST(SummarizeColumnsTest, WeightsOfAnotherShapeThrow) {
  const Eigen::MatrixXd samples = Eigen::MatrixXd::Ones(3, 2);
  const Eigen::MatrixXd weights = Eigen::MatrixXd::Ones(3, 1);
  EXPECT_THROW(summarize_columns(samples, &weights), std::invalid_argument);
}

TEST(SummarizeColumnsTest, NoReplicationsThrows) {
  EXPECT_THROW(summarize_columns(Eigen::MatrixXd(0, 3)), std::invalid_argument);
}

TEST(SampleStoreTest, StartsZeroedWithTheRequestedShape) {
  SampleStore store(3, 5, 24);
  EXPECT_EQ(store.metrics(), 3u);
  EXPECT_EQ(store.replications(), 5u);
  EXPECT_EQ(store.months(), 24u);
  EXPECT_EQ(store.bytes(), 8u * 3 * 5 * 24);
  for (std::size_t m = 0; m < 3; ++m) {
    EXPECT_EQ(store.metric(m).rows(), 5);
    EXPECT_EQ(store.metric(m).cols(), 24);
    EXPECT_TRUE(store.metric(m).isZero(0.0));
  }
  store.metric(1)(2, 3) = 4.0;
  EXPECT_EQ(store.metric(1)(2, 3), 4.0);
  EXPECT_EQ(store.metric(0)(2, 3), 0.0);
}

}  // namespace
}  // namespace teamsim::sim
