#include "sim/histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace teamsim::sim {
namespace {

using Counts = std::vector<std::size_t>;

std::vector<double> uniform_grid(std::size_t n, double step) {
  std::vector<double> v;
  for (std::size_t i = 0; i < n; ++i) v.push_back(static_cast<double>(i) * step);
  return v;
}

TEST(Histogram, FreedmanDiaconisByHand) {
  // 0, 1, ..., 999: p25 = 249.75 and p75 = 749.25 (type 7), IQR 499.5, so the width is
  // 2 x 499.5 / 1000^(1/3) = 99.9, rounded up to the nice 100: ten bins of 100 samples.
  const Histogram h = make_histogram(uniform_grid(1000, 1), false);
  EXPECT_EQ(h.rule, BinRule::kFreedmanDiaconis);
  EXPECT_EQ(h.bin_width, 100);
  EXPECT_EQ(h.first_edge, 0);
  EXPECT_EQ(h.counts, Counts(10, 100));
  EXPECT_EQ(h.total(), 1000u);
}

TEST(Histogram, WidthShrinksAsTheCubeRootOfN) {
  // 8,000 points on [0, 1): IQR 0.5, width 2 x 0.5 / 20 = 0.05: twenty bins of 400.
  const Histogram h = make_histogram(uniform_grid(8000, 1.0 / 8000), false);
  EXPECT_NEAR(h.bin_width, 0.05, 1e-12);
  ASSERT_EQ(h.counts.size(), 20u);
  for (const std::size_t c : h.counts) EXPECT_EQ(c, 400u);
}

TEST(Histogram, WholeNumbersGetWholeWidths) {
  // 100 zeros, 200 ones, 200 twos, 100 threes: IQR 1, width 2 / 600^(1/3) = 0.237, so 1.
  std::vector<double> v;
  for (const auto& [value, times] : {std::pair{0, 100}, {1, 200}, {2, 200}, {3, 100}}) {
    v.insert(v.end(), static_cast<std::size_t>(times), value);
  }
  const Histogram h = make_histogram(v, true);
  EXPECT_EQ(h.bin_width, 1);
  EXPECT_EQ(h.counts, (Counts{100, 200, 200, 100}));
  // Without the option the width would be 0.25, three empty bins after each integer.
  EXPECT_EQ(make_histogram(v, false).bin_width, 0.25);
}

TEST(Histogram, SturgesWhenTheIqrIsZero) {
  // 90 zeros and 1..10: IQR 0; Sturges gives ceil(log2 100) + 1 = 8 bins of 10 / 8 = 1.25,
  // rounded up to 2.
  std::vector<double> v(90, 0.0);
  for (int i = 1; i <= 10; ++i) v.push_back(i);
  const Histogram h = make_histogram(v, false);
  EXPECT_EQ(h.rule, BinRule::kSturges);
  EXPECT_EQ(h.bin_width, 2);
  EXPECT_EQ(h.counts, (Counts{91, 2, 2, 2, 2, 1}));
}

TEST(Histogram, OneValueIsOneBin) {
  const Histogram h = make_histogram(std::vector<double>(7, 5.0), false);
  EXPECT_EQ(h.rule, BinRule::kSingleValue);
  EXPECT_EQ(h.counts, Counts{7});
  EXPECT_LE(h.edge(0), 5);
  EXPECT_GT(h.edge(1), 5);
}

TEST(Histogram, AnOutlierWidensTheBinsToTheCap) {
  std::vector<double> v = uniform_grid(999, 1);
  v.push_back(1e9);
  const Histogram h = make_histogram(v, false, 40);
  EXPECT_LE(h.counts.size(), 40u);
  EXPECT_EQ(h.counts.front(), 999u);
  EXPECT_EQ(h.counts.back(), 1u);
  EXPECT_LE(h.edge(h.counts.size() - 1), 1e9);
  EXPECT_GT(h.edge(h.counts.size()), 1e9);
}

TEST(Histogram, ATinyIqrAndAFarOutlierNeedNoAstronomicalBinCount) {
  // IQR about 5e-10 gives a Freedman-Diaconis width of about 1e-10, so 1e22 bins would reach
  // the outlier: more than a size_t holds. The width jumps to range / max_bins = 2.5e10, rounded
  // up to 5e10: bins [0, 5e10) ... [1e12, 1.05e12), 21 of them.
  std::vector<double> v;
  for (int i = 0; i < 1000; ++i) v.push_back(1 + i * 1e-12);
  v.push_back(1e12);
  const Histogram h = make_histogram(v, false, 40);
  EXPECT_EQ(h.bin_width, 5e10);
  ASSERT_EQ(h.counts.size(), 21u);
  EXPECT_EQ(h.counts.front(), 1000u);
  EXPECT_EQ(h.counts.back(), 1u);
}

TEST(Histogram, CountsSumToTheSamplesAndEveryEdgeCoversThem) {
  // Negative and positive values (cash), NaN and infinity left out and counted as missing.
  std::vector<double> v;
  double lo = 0, hi = 0;
  for (int i = 0; i < 500; ++i) {
    v.push_back(-2.5e6 + 7'919.0 * i * (i % 7));
    lo = std::min(lo, v.back());
    hi = std::max(hi, v.back());
  }
  v.push_back(std::numeric_limits<double>::quiet_NaN());
  v.push_back(std::numeric_limits<double>::infinity());
  const Histogram h = make_histogram(v, false);
  EXPECT_EQ(h.total(), 500u);
  EXPECT_EQ(h.missing, 2u);
  EXPECT_LE(h.edge(0), lo);
  EXPECT_GT(h.edge(h.counts.size()), hi);
  EXPECT_GT(h.edge(1), lo);  // no empty bin at either end
  EXPECT_LE(h.edge(h.counts.size() - 1), hi);
  // The width is nice: 1, 2, 2.5 or 5 times a power of ten.
  const double mantissa = h.bin_width / std::pow(10.0, std::floor(std::log10(h.bin_width)));
  EXPECT_TRUE(mantissa == 1 || mantissa == 2 || mantissa == 2.5 || mantissa == 5) << mantissa;
}

TEST(Histogram, AShareAtItsBoundOfOneCountsInTheLastBinEndingThere) {
  // 0.4, 0.6 x 2, 0.8 x 3, 1 x 2: p25 = 0.6, p75 = 0.8 + 0.25 x 0.2 = 0.85, IQR 0.25, width
  // 2 x 0.25 / 8^(1/3) = 0.25. Half-open bins from 0.25 put the two 1s in [1, 1.25), a bar of
  // values no share can take; closed at the bound, [0.75, 1] holds the three 0.8s and both 1s.
  const std::vector<double> shares = {0.4, 0.6, 0.6, 0.8, 0.8, 0.8, 1, 1};
  const Histogram open = make_histogram(shares, false);
  EXPECT_EQ(open.bin_width, 0.25);
  EXPECT_EQ(open.counts, (Counts{1, 2, 3, 2}));
  EXPECT_FALSE(open.last_closed);
  const Histogram closed = make_histogram(shares, false, kMaxHistogramBins, 1.0);
  EXPECT_EQ(closed.bin_width, 0.25);
  EXPECT_EQ(closed.first_edge, 0.25);
  EXPECT_EQ(closed.counts, (Counts{1, 2, 5}));
  EXPECT_EQ(closed.edge(closed.counts.size()), 1.0);
  EXPECT_TRUE(closed.last_closed);
}

TEST(Histogram, ABoundNoSampleReachesChangesNothing) {
  // The 1s of the test above as 0.9s: p75 = 0.8 + 0.25 x 0.1 = 0.825, IQR 0.225, width 0.225
  // rounded up to 0.25; 0.9 is in [0.75, 1), as without a bound.
  const std::vector<double> shares = {0.4, 0.6, 0.6, 0.8, 0.8, 0.8, 0.9, 0.9};
  const Histogram h = make_histogram(shares, false, kMaxHistogramBins, 1.0);
  EXPECT_EQ(h.bin_width, 0.25);
  EXPECT_EQ(h.counts, (Counts{1, 2, 5}));
  EXPECT_FALSE(h.last_closed);
}

TEST(Histogram, EverySampleAtTheBoundIsOneBinEndingAtIt) {
  // Seven 1s: one bin a tenth of the value wide, [1, 1.1) without the bound, [0.9, 1] with it.
  const std::vector<double> ones(7, 1.0);
  const Histogram open = make_histogram(ones, false);
  EXPECT_EQ(open.first_edge, 1.0);
  const Histogram h = make_histogram(ones, false, kMaxHistogramBins, 1.0);
  EXPECT_EQ(h.rule, BinRule::kSingleValue);
  EXPECT_EQ(h.counts, Counts{7});
  EXPECT_NEAR(h.first_edge, 0.9, 1e-12);
  EXPECT_NEAR(h.edge(1), 1.0, 1e-12);
  EXPECT_TRUE(h.last_closed);
  // All 0s (no AE at quota in any run) stay in [0, 0.1): the bound is only at the top.
  const Histogram zeros = make_histogram(std::vector<double>(7, 0.0), false, 40, 1.0);
  EXPECT_EQ(zeros.first_edge, 0);
  EXPECT_FALSE(zeros.last_closed);
}

TEST(Histogram, CountsKeepTheirBinsOfOneWholeNumber) {
  // A count's bins of width 1 each hold one integer; closing the last would put the largest
  // count in the bin of the one below it, so a bound is refused for whole numbers.
  EXPECT_THROW(make_histogram({0, 1, 2, 3}, true, kMaxHistogramBins, 3.0), std::invalid_argument);
  // 0, 1 x 3, 2 x 3, 3: IQR 2 - 1 = 1, width 2 x 1 / 8^(1/3) = 1; 3 has a bin of its own.
  const Histogram h = make_histogram({0, 1, 1, 1, 2, 2, 2, 3}, true);
  EXPECT_EQ(h.bin_width, 1);
  EXPECT_EQ(h.counts, (Counts{1, 3, 3, 1}));
  EXPECT_FALSE(h.last_closed);
}

TEST(Histogram, EmptyInput) {
  const Histogram h = make_histogram({}, false);
  EXPECT_TRUE(h.counts.empty());
  EXPECT_EQ(h.total(), 0u);
}

}  // namespace
}  // namespace teamsim::sim
