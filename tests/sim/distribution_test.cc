#include "sim/distribution.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include "sim/random_streams.h"

namespace teamsim::sim {
namespace {

using ::testing::HasSubstr;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kDraws = 200'000;

// Standard normal density and CDF, written independently of the code under test.
double std_pdf(double z) {
  return std::isinf(z) ? 0.0 : std::exp(-0.5 * z * z) / std::sqrt(2 * std::numbers::pi);
}
double std_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

struct Moments {
  double mean;
  double variance;
};

// Mean and variance of Normal(mu, sd) truncated to [a, b] (the standard formulas).
Moments truncated_normal_moments(double mu, double sd, double a, double b) {
  const double alpha = (a - mu) / sd;
  const double beta = (b - mu) / sd;
  // From the upper tail, so far upper-tail truncations keep their precision.
  const double z = 0.5 * (std::erfc(alpha / std::sqrt(2.0)) - std::erfc(beta / std::sqrt(2.0)));
  const double pa = std_pdf(alpha);
  const double pb = std_pdf(beta);
  const double apa = std::isinf(alpha) ? 0.0 : alpha * pa;
  const double bpb = std::isinf(beta) ? 0.0 : beta * pb;
  const double shift = (pa - pb) / z;
  return {mu + sd * shift, sd * sd * (1 + (apa - bpb) / z - shift * shift)};
}

// Draws kDraws samples and checks them against the closed-form mean and variance given by the test
// and against the distribution's own quantile().
// check_quantiles is false for empirical lists, whose quantile() interpolates between the values
// (type 7) while draws take only the listed values.
void check_sampling(const Distribution& d, Moments expected, StreamId stream,
                    bool check_quantiles = true) {
  SCOPED_TRACE(d.describe());
  Rng rng = make_stream(2024, 0, stream);
  std::vector<double> x(kDraws);
  for (double& v : x) v = d.sample(rng);
  const double n = static_cast<double>(kDraws);

  EXPECT_NEAR(d.mean(), expected.mean, 1e-9 * std::max(1.0, std::abs(expected.mean)));

  double sum = 0;
  for (double v : x) sum += v;
  const double mean = sum / n;
  double m2 = 0;
  double m4 = 0;
  for (double v : x) {
    const double dev2 = (v - mean) * (v - mean);
    m2 += dev2;
    m4 += dev2 * dev2;
  }
  const double variance = m2 / (n - 1);
  m4 /= n;

  // The sample mean has standard error sqrt(variance / n) (closed-form variance).
  const double se_mean = std::sqrt(expected.variance / n);
  EXPECT_NEAR(mean, expected.mean, 5 * se_mean);

  // The sample variance has standard error sqrt((mu4 - sigma^4) / n); mu4 is estimated from the
  // sample (the delta method), so allow 6 of those standard errors.
  const double se_variance = std::sqrt(std::max(m4 - variance * variance, 0.0) / n);
  EXPECT_NEAR(variance, expected.variance, 6 * se_variance + 1e-12);

  // The sample p-quantile (order statistic ceil(p n)) lies below quantile(q) exactly when at least
  // ceil(p n) of the n draws fall at or below quantile(q); that count is binomial with probability
  // F(quantile(q)) >= q. So with s = sqrt(p (1 - p) / n), the sample quantile lies in
  // [quantile(p - 5 s), quantile(p + 5 s)] unless the count is 5 standard errors off. This holds
  // for discrete distributions too and needs no density.
  std::sort(x.begin(), x.end());
  for (double p : {0.1, 0.5, 0.9}) {
    if (!check_quantiles) break;
    const double sample_q = x[static_cast<std::size_t>(std::ceil(p * n)) - 1];
    const double s = std::sqrt(p * (1 - p) / n);
    EXPECT_GE(sample_q, d.quantile(p - 5 * s)) << "p = " << p;
    EXPECT_LE(sample_q, d.quantile(p + 5 * s)) << "p = " << p;
  }
  EXPECT_GE(x.front(), d.support_min());
  EXPECT_LE(x.back(), d.support_max());
}

TEST(DistributionSampling, Uniform) {
  const double a = 2;
  const double b = 5;
  check_sampling(Distribution::uniform(a, b), {(a + b) / 2, (b - a) * (b - a) / 12}, 1);
}

TEST(DistributionSampling, Triangular) {
  const double a = 3;
  const double c = 4.5;
  const double b = 7;
  check_sampling(Distribution::triangular(a, c, b),
                 {(a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18}, 2);
  // Mode at an end of the range.
  check_sampling(Distribution::triangular(0, 0, 1), {1.0 / 3, 1.0 / 18}, 3);
}

TEST(DistributionSampling, Normal) { check_sampling(Distribution::normal(10, 2), {10, 4}, 4); }

TEST(DistributionSampling, TruncatedNormalWide) {
  // Keeps ~75 % of the mass: sampled by rejection.
  check_sampling(Distribution::truncated_normal(10, 3, 8, 20),
                 truncated_normal_moments(10, 3, 8, 20), 5);
  check_sampling(Distribution::truncated_normal(10, 3, 0, kInf),
                 truncated_normal_moments(10, 3, 0, kInf), 6);
}

TEST(DistributionSampling, TruncatedNormalNarrow) {
  // Keeps ~16 % of the mass: sampled by inverse CDF.
  check_sampling(Distribution::truncated_normal(0, 1, 1, 3), truncated_normal_moments(0, 1, 1, 3),
                 7);
  check_sampling(Distribution::truncated_normal(0, 1, -kInf, -2),
                 truncated_normal_moments(0, 1, -kInf, -2), 8);
  check_sampling(Distribution::truncated_normal(0, 1, -0.1, 0.2),
                 truncated_normal_moments(0, 1, -0.1, 0.2), 9);
}

TEST(DistributionSampling, LogNormalDrawsWhatBoostsLognormalDistributionDraws) {
  // sample() computes the lognormal inline (exp(mu + sigma x a unit normal)); outputs written
  // before that depend on it being Boost's lognormal_distribution's value, bit for bit.
  const Distribution d = Distribution::lognormal(9.5, 0.65);
  Rng ours = make_stream(2024, 0, 21);
  Rng boosts = ours;
  boost::random::lognormal_distribution<double> reference(9.5, 0.65);
  for (int i = 0; i < 100'000; ++i) ASSERT_EQ(d.sample(ours), reference(boosts)) << "draw " << i;
}

TEST(DistributionSampling, LogNormal) {
  const double mu = 1;
  const double sigma = 0.5;
  const double s2 = sigma * sigma;
  check_sampling(Distribution::lognormal(mu, sigma),
                 {std::exp(mu + s2 / 2), (std::exp(s2) - 1) * std::exp(2 * mu + s2)}, 10);
}

TEST(DistributionSampling, Gamma) {
  // Boost.Random uses different algorithms below and above shape 1: test both.
  for (auto [shape, scale] : {std::pair{2.5, 3.0}, std::pair{0.5, 2.0}}) {
    check_sampling(Distribution::gamma(shape, scale), {shape * scale, shape * scale * scale}, 11);
  }
}

// The Kolmogorov-Smirnov distance between `n` draws of `d` and the closed-form CDF `cdf` must be
// below 1.95 / sqrt(n), the 0.1 % critical value: a wrong sampler of this size fails by far.
template <class Cdf>
void expect_matches_cdf(const Distribution& d, Cdf cdf, std::uint64_t stream) {
  constexpr int n = 100'000;
  Rng rng = make_stream(77, 0, static_cast<StreamId>(stream));
  std::vector<double> draws(n);
  for (double& x : draws) x = d.sample(rng);
  std::sort(draws.begin(), draws.end());
  double distance = 0;
  for (int i = 0; i < n; ++i) {
    const double f = cdf(draws[i]);
    distance = std::max({distance, f - static_cast<double>(i) / n, (i + 1.0) / n - f});
  }
  EXPECT_LT(distance, 1.95 / std::sqrt(static_cast<double>(n)));
}

TEST(DistributionSampling, GammaMatchesItsCdfAcrossShapes) {
  // Marsaglia-Tsang above shape 1, boosted by U^(1/shape) below it.
  for (const double shape : {0.3, 1.0, 2.5, 12.0, 400.0}) {
    SCOPED_TRACE(shape);
    expect_matches_cdf(
        Distribution::gamma(shape, 2.0),
        [shape](double x) { return x <= 0 ? 0.0 : boost::math::gamma_p(shape, x / 2.0); }, 40);
  }
}

TEST(DistributionSampling, BetaMatchesItsCdf) {
  // A win rate like the default (mean 0.2, sd 0.05) and a U-shaped one.
  for (auto [a, b] : {std::pair{12.6, 50.4}, std::pair{0.5, 0.5}}) {
    SCOPED_TRACE(a);
    expect_matches_cdf(
        Distribution::beta(a, b),
        [a = a, b = b](double x) { return boost::math::ibeta(a, b, std::clamp(x, 0.0, 1.0)); }, 41);
  }
}

TEST(DistributionSampling, Beta) {
  // The last pair has shapes small enough to be drawn by inverse CDF.
  for (auto [a, b] : {std::pair{2.0, 5.0}, std::pair{0.5, 0.5}, std::pair{0.02, 0.03}}) {
    const double k = a + b;
    check_sampling(Distribution::beta(a, b), {a / k, a * b / (k * k * (k + 1))}, 12);
  }
}

TEST(DistributionSampling, BetaWithTinyShapesNeverGivesNan) {
  const Distribution d = Distribution::beta(1e-3, 1e-3);
  Rng rng = make_stream(2024, 0, 16);
  for (int i = 0; i < 100'000; ++i) {
    const double x = d.sample(rng);
    ASSERT_TRUE(x >= 0 && x <= 1) << x;
  }
}

TEST(DistributionSampling, Poisson) {
  // Boost.Random switches algorithm at mean 10: test both.
  for (double mean : {3.7, 45.0}) {
    check_sampling(Distribution::poisson(mean), {mean, mean}, 13);
  }
}

TEST(DistributionSampling, Empirical) {
  const std::vector<double> values = {3, 1, 4, 1, 5, 9, 2, 6};
  double mean = 0;
  for (double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  double variance = 0;
  for (double v : values) variance += (v - mean) * (v - mean);
  variance /= static_cast<double>(values.size());
  check_sampling(Distribution::empirical(values), {mean, variance}, 14, false);
}

TEST(DistributionSampling, EmpiricalDrawsEachValueEquallyOften) {
  const Distribution d = Distribution::empirical({10, 20, 30, 40});
  Rng rng = make_stream(2024, 0, 15);
  std::vector<double> counts(4, 0.0);
  for (std::size_t i = 0; i < kDraws; ++i) {
    const double x = d.sample(rng);
    ASSERT_TRUE(x == 10 || x == 20 || x == 30 || x == 40) << x;
    counts[static_cast<std::size_t>(x / 10) - 1] += 1;
  }
  // Each count is binomial(n, 1/4): standard error sqrt(n p (1 - p)).
  const double n = static_cast<double>(kDraws);
  for (double c : counts) EXPECT_NEAR(c, n / 4, 5 * std::sqrt(n * 0.25 * 0.75));
}

TEST(DistributionSampling, Constant) {
  const Distribution d = Distribution::constant(30);
  Rng rng = make_stream(1, 2, 3);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(d.sample(rng), 30);
  EXPECT_EQ(d.mean(), 30);
  EXPECT_EQ(d.quantile(0.1), 30);
  EXPECT_EQ(d.quantile(0.9), 30);
  EXPECT_TRUE(d.is_constant());
  EXPECT_TRUE(Distribution().is_constant());
  EXPECT_EQ(Distribution().sample(rng), 0);
}

TEST(DistributionSampling, PoissonZeroMeanIsConstantZero) {
  const Distribution d = Distribution::poisson(0);
  Rng rng = make_stream(1, 2, 3);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(d.sample(rng), 0);
  EXPECT_TRUE(d.is_constant());
  EXPECT_EQ(d.quantile(0.9), 0);
}

TEST(DistributionSampling, PoissonReturnsIntegers) {
  const Distribution d = Distribution::poisson(7.3);
  Rng rng = make_stream(5, 0, 1);
  for (int i = 0; i < 1000; ++i) {
    const double x = d.sample(rng);
    EXPECT_EQ(x, std::floor(x));
    EXPECT_GE(x, 0);
  }
}

TEST(DistributionTruncatedNormal, FarTailIsInBoundsAndCheap) {
  const Distribution d = Distribution::truncated_normal(0, 1, 4, kInf);
  // Rejection would need ~31,600 normal draws per accepted sample; the inverse CDF needs one
  // uniform. Measure the engine outputs consumed (pcg engines report their distance).
  Rng rng = make_stream(7, 0, 0);
  const Rng start = rng;
  double sum = 0;
  for (std::size_t i = 0; i < kDraws; ++i) {
    const double x = d.sample(rng);
    ASSERT_GE(x, 4);
    ASSERT_TRUE(std::isfinite(x));
    sum += x;
  }
  EXPECT_LE(rng - start, 2 * kDraws);
  const Moments m = truncated_normal_moments(0, 1, 4, kInf);
  EXPECT_NEAR(d.mean(), m.mean, 1e-9);
  EXPECT_NEAR(sum / static_cast<double>(kDraws), m.mean,
              5 * std::sqrt(m.variance / static_cast<double>(kDraws)));
  EXPECT_EQ(d.support_min(), 4);
  EXPECT_EQ(d.support_max(), kInf);
}

TEST(DistributionTruncatedNormal, FarTailBothSides) {
  const Distribution d = Distribution::truncated_normal(0, 1, -kInf, -6);
  Rng rng = make_stream(7, 0, 1);
  for (int i = 0; i < 10'000; ++i) ASSERT_LE(d.sample(rng), -6);
  const Distribution narrow = Distribution::truncated_normal(100, 1, 110, 110.5);
  for (int i = 0; i < 10'000; ++i) {
    const double x = narrow.sample(rng);
    ASSERT_GE(x, 110);
    ASSERT_LE(x, 110.5);
  }
  EXPECT_NEAR(narrow.mean(), truncated_normal_moments(100, 1, 110, 110.5).mean, 1e-6);
}

TEST(DistributionTruncatedNormal, QuantileInvertsTheTruncatedCdf) {
  const double mu = 10, sd = 3, a = 8, b = 20;
  const Distribution d = Distribution::truncated_normal(mu, sd, a, b);
  const double lo = std_cdf((a - mu) / sd);
  const double hi = std_cdf((b - mu) / sd);
  for (double p : {0.01, 0.1, 0.5, 0.9, 0.99}) {
    const double x = d.quantile(p);
    EXPECT_NEAR((std_cdf((x - mu) / sd) - lo) / (hi - lo), p, 1e-12);
  }
  EXPECT_EQ(d.quantile(0), a);
  EXPECT_EQ(d.quantile(1), b);
}

TEST(DistributionDeterminism, SameEngineStateGivesSameDraws) {
  const std::vector<Distribution> all = {Distribution::constant(3),
                                         Distribution::uniform(0, 1),
                                         Distribution::triangular(0, 1, 3),
                                         Distribution::normal(0, 1),
                                         Distribution::truncated_normal(0, 1, 0.5, 1),
                                         Distribution::truncated_normal(0, 1, -1, 1),
                                         Distribution::lognormal(1, 0.3),
                                         Distribution::gamma(0.7, 2),
                                         Distribution::beta(2, 3),
                                         Distribution::poisson(4),
                                         Distribution::poisson(400),
                                         Distribution::empirical({1, 2, 3})};
  for (const Distribution& d : all) {
    SCOPED_TRACE(d.describe());
    Rng a = make_stream(99, 1, 2);
    a.discard(17);
    Rng b = a;
    for (int i = 0; i < 1000; ++i) ASSERT_EQ(d.sample(a), d.sample(b));
    Rng c = make_stream(99, 1, 2);
    c.discard(17);
    Rng e = c;
    std::vector<double> first, second;
    for (int i = 0; i < 100; ++i) first.push_back(d.sample(c));
    for (int i = 0; i < 100; ++i) second.push_back(d.sample(e));
    EXPECT_EQ(first, second);
  }
}

TEST(DistributionDeterminism, EmpiricalDrawsDoNotDependOnInputOrder) {
  const Distribution a = Distribution::empirical({5, 1, 3});
  const Distribution b = Distribution::empirical({1, 3, 5});
  Rng ra = make_stream(1, 1, 1);
  Rng rb = ra;
  for (int i = 0; i < 100; ++i) ASSERT_EQ(a.sample(ra), b.sample(rb));
}

// quantile(p) matches `value` to 1e-6 relative.
void expect_quantile(const Distribution& d, double p, double value) {
  EXPECT_NEAR(d.quantile(p), value, 1e-6 * std::abs(value)) << d.describe() << " at p = " << p;
}

TEST(DistributionFactories, UniformFromInterval90) {
  const Distribution d = Distribution::uniform_from_interval90(10, 19);
  expect_quantile(d, 0.05, 10);
  expect_quantile(d, 0.95, 19);
  EXPECT_NEAR(d.support_min(), 9.5, 1e-12);
  EXPECT_NEAR(d.support_max(), 19.5, 1e-12);
}

TEST(DistributionFactories, NormalFromQuantiles) {
  const Distribution d = Distribution::normal_from_median_p90(100, 130);
  expect_quantile(d, 0.5, 100);
  expect_quantile(d, 0.9, 130);
  EXPECT_NEAR(d.mean(), 100, 1e-9);
  const Distribution e = Distribution::normal_from_interval90(-3, 7);
  expect_quantile(e, 0.05, -3);
  expect_quantile(e, 0.95, 7);
  EXPECT_EQ(e.support_min(), -kInf);
  EXPECT_EQ(e.support_max(), kInf);
}

TEST(DistributionFactories, LogNormalFromQuantiles) {
  const Distribution d = Distribution::lognormal_from_median_p90(45, 90);
  expect_quantile(d, 0.5, 45);
  expect_quantile(d, 0.9, 90);
  EXPECT_EQ(d.describe(), "lognormal(median 45, p90 90)");
  const Distribution e = Distribution::lognormal_from_interval90(2, 50);
  expect_quantile(e, 0.05, 2);
  expect_quantile(e, 0.95, 50);
  EXPECT_EQ(e.support_min(), 0);
  EXPECT_EQ(e.support_max(), kInf);
}

TEST(DistributionFactories, LogNormalFromMeanSd) {
  const Distribution d = Distribution::lognormal_from_mean_sd(20, 8);
  const auto& p = std::get<Distribution::LogNormal>(d.params());
  const double s2 = p.sigma * p.sigma;
  EXPECT_NEAR(d.mean(), 20, 20e-12);
  EXPECT_NEAR(std::sqrt((std::exp(s2) - 1) * std::exp(2 * p.mu + s2)), 8, 8e-12);
}

TEST(DistributionFactories, GammaFromMeanSd) {
  const Distribution d = Distribution::gamma_from_mean_sd(12, 3);
  const auto& p = std::get<Distribution::Gamma>(d.params());
  EXPECT_NEAR(p.shape * p.scale, 12, 1e-12);
  EXPECT_NEAR(std::sqrt(p.shape) * p.scale, 3, 1e-12);
  EXPECT_EQ(d.mean(), p.shape * p.scale);
}

TEST(DistributionFactories, GammaFromMedianP90) {
  // From nearly symmetric (shape ~1e5) to very skewed (shape < 0.1).
  for (auto [median, p90] : {std::pair{10.0, 20.0}, std::pair{10.0, 11.0}, std::pair{5.0, 5.02},
                             std::pair{1.0, 100.0}, std::pair{0.002, 0.0031}}) {
    const Distribution d = Distribution::gamma_from_median_p90(median, p90);
    expect_quantile(d, 0.5, median);
    expect_quantile(d, 0.9, p90);
  }
}

TEST(DistributionFactories, BetaFromMeanSd) {
  const Distribution d = Distribution::beta_from_mean_sd(0.2, 0.05);
  const auto& p = std::get<Distribution::Beta>(d.params());
  const double k = p.alpha + p.beta;
  EXPECT_NEAR(d.mean(), 0.2, 1e-12);
  EXPECT_NEAR(std::sqrt(p.alpha * p.beta / (k * k * (k + 1))), 0.05, 1e-12);
  EXPECT_EQ(d.describe(), "beta(mean 0.2, sd 0.05)");
  EXPECT_EQ(d.support_min(), 0);
  EXPECT_EQ(d.support_max(), 1);
}

TEST(DistributionFactories, BetaFromInterval90) {
  for (auto [p5, p95] :
       {std::pair{0.1, 0.3}, std::pair{0.01, 0.05}, std::pair{0.5, 0.9}, std::pair{0.9, 0.99},
        std::pair{0.4, 0.41}, std::pair{0.05, 0.95}, std::pair{0.001, 0.999}, std::pair{1e-5, 1e-3},
        std::pair{0.3, 0.30001}, std::pair{1e-300, 1 - 1e-16}}) {
    const Distribution d = Distribution::beta_from_interval90(p5, p95);
    expect_quantile(d, 0.05, p5);
    expect_quantile(d, 0.95, p95);
  }
}

TEST(DistributionQuantile, PoissonIsSmallestCountReachingP) {
  const double mean = 3;
  const Distribution d = Distribution::poisson(mean);
  for (double p : {0.05, 0.1, 0.5, 0.9, 0.99}) {
    // The test's own CDF: sum of e^-m m^k / k!.
    double cdf = 0;
    double term = std::exp(-mean);
    int k = 0;
    for (;; ++k) {
      cdf += term;
      if (cdf >= p) break;
      term *= mean / (k + 1);
    }
    EXPECT_EQ(d.quantile(p), k) << "p = " << p;
  }
  EXPECT_EQ(d.support_min(), 0);
  EXPECT_EQ(d.support_max(), kInf);
  EXPECT_EQ(Distribution::poisson(1e6).quantile(0.5), 1e6);
}

TEST(DistributionQuantile, EmpiricalInterpolatesType7) {
  const Distribution d = Distribution::empirical({4, 1, 3, 2});
  EXPECT_DOUBLE_EQ(d.quantile(0.5), 2.5);
  EXPECT_DOUBLE_EQ(d.quantile(0.1), 1.3);  // h = 3 * 0.1 = 0.3
  EXPECT_DOUBLE_EQ(d.quantile(0.9), 3.7);
  EXPECT_EQ(d.quantile(0), 1);
  EXPECT_EQ(d.quantile(1), 4);
  EXPECT_EQ(d.mean(), 2.5);
  EXPECT_EQ(d.support_min(), 1);
  EXPECT_EQ(d.support_max(), 4);
  EXPECT_FALSE(d.is_constant());
  EXPECT_TRUE(Distribution::empirical({7, 7}).is_constant());
  EXPECT_EQ(Distribution::empirical({7}).quantile(0.3), 7);
}

TEST(DistributionQuantile, ClosedForms) {
  expect_quantile(Distribution::uniform(2, 5), 0.1, 2.3);
  // Triangular(0, 1, 3): F(x) = x^2 / 3 on [0, 1].
  expect_quantile(Distribution::triangular(0, 1, 3), 0.12, 0.6);
  // 1 - F(x) = (3 - x)^2 / 6 on [1, 3].
  expect_quantile(Distribution::triangular(0, 1, 3), 1 - 1.0 / 6, 2);
  // Gamma shape 1 is exponential: Q(p) = -scale ln(1 - p).
  expect_quantile(Distribution::gamma(1, 2), 0.9, -2 * std::log(0.1));
  // Beta(1, 1) is uniform; Beta(2, 1) has F(x) = x^2.
  expect_quantile(Distribution::beta(1, 1), 0.3, 0.3);
  expect_quantile(Distribution::beta(2, 1), 0.25, 0.5);
  EXPECT_THROW(Distribution::normal(0, 1).quantile(1.5), std::invalid_argument);
  EXPECT_THROW(Distribution::normal(0, 1).quantile(kNan), std::invalid_argument);
}

TEST(DistributionDescribe, ShortHumanText) {
  EXPECT_EQ(Distribution::constant(30).describe(), "30");
  EXPECT_EQ(Distribution::uniform(2, 5).describe(), "uniform(2, 5)");
  EXPECT_EQ(Distribution::triangular(3, 4.5, 7).describe(), "triangular(3, 4.5, 7)");
  EXPECT_EQ(Distribution::normal(10, 2).describe(), "normal(mean 10, sd 2)");
  EXPECT_EQ(Distribution::truncated_normal(10, 2, 0, kInf).describe(),
            "normal(mean 10, sd 2, min 0)");
  EXPECT_EQ(Distribution::gamma_from_mean_sd(6, 2).describe(), "gamma(mean 6, sd 2)");
  EXPECT_EQ(Distribution::poisson(3).describe(), "poisson(mean 3)");
  EXPECT_EQ(Distribution::empirical(std::vector<double>(12, 1.0)).describe(),
            "empirical(12 values)");
}

// Expects `make` to throw std::invalid_argument whose message contains every one of `words`.
void expect_rejects(const std::function<void()>& make, const std::vector<std::string>& words) {
  try {
    make();
    ADD_FAILURE() << "no exception; expected one mentioning " << ::testing::PrintToString(words);
  } catch (const std::invalid_argument& e) {
    for (const std::string& w : words) EXPECT_THAT(e.what(), HasSubstr(w));
  }
}

TEST(DistributionValidation, RejectsNonFiniteParameters) {
  const std::vector<std::function<void()>> makes = {
      [] { Distribution::constant(kNan); },
      [] { Distribution::uniform(0, kInf); },
      [] { Distribution::triangular(0, kNan, 1); },
      [] { Distribution::normal(kNan, 1); },
      [] { Distribution::truncated_normal(0, kInf, 0, 1); },
      [] { Distribution::lognormal(0, kNan); },
      [] { Distribution::gamma(kInf, 1); },
      [] { Distribution::beta(1, kNan); },
      [] { Distribution::poisson(kInf); },
      [] { Distribution::uniform_from_interval90(kNan, 1); },
      [] { Distribution::normal_from_median_p90(0, kInf); },
      [] { Distribution::normal_from_interval90(-kInf, 0); },
      [] { Distribution::lognormal_from_median_p90(kNan, 2); },
      [] { Distribution::lognormal_from_mean_sd(1, kNan); },
      [] { Distribution::lognormal_from_interval90(1, kInf); },
      [] { Distribution::gamma_from_mean_sd(kNan, 1); },
      [] { Distribution::gamma_from_median_p90(1, kNan); },
      [] { Distribution::beta_from_mean_sd(0.5, kNan); },
      [] { Distribution::beta_from_interval90(kNan, 0.5); },
  };
  for (const auto& make : makes) expect_rejects(make, {"must be finite"});
  expect_rejects([] { Distribution::empirical({1, kNan}); }, {"value 2", "nan", "finite"});
  expect_rejects([] { Distribution::truncated_normal(0, 1, kNan, 1); }, {"min", "nan"});
}

TEST(DistributionValidation, MessagesNameTheParameters) {
  expect_rejects([] { Distribution::uniform(5, 2); },
                 {"uniform: max (2) must be greater than min (5)"});
  expect_rejects([] { Distribution::uniform(3, 3); }, {"max (3)", "min (3)"});
  expect_rejects([] { Distribution::triangular(3, 8, 7); },
                 {"triangular", "mode (8)", "min (3)", "max (7)"});
  expect_rejects([] { Distribution::triangular(3, 3, 3); }, {"triangular", "max (3)", "min (3)"});
  expect_rejects([] { Distribution::normal(5, 0); }, {"normal", "sd (0)", "positive", "constant"});
  expect_rejects([] { Distribution::normal(5, -1); }, {"sd (-1)", "positive"});
  expect_rejects([] { Distribution::truncated_normal(0, 1, 2, 1); }, {"max (1)", "min (2)"});
  expect_rejects([] { Distribution::truncated_normal(0, 1, 50, kInf); }, {"almost no probability"});
  expect_rejects([] { Distribution::lognormal(1, 0); }, {"lognormal", "sigma (0)", "positive"});
  expect_rejects([] { Distribution::gamma(0, 1); }, {"gamma", "shape (0)"});
  expect_rejects([] { Distribution::gamma(1, -2); }, {"gamma", "scale (-2)"});
  expect_rejects([] { Distribution::beta(0, 1); }, {"beta", "alpha (0)"});
  expect_rejects([] { Distribution::beta(1, -1); }, {"beta", "beta (-1)"});
  expect_rejects([] { Distribution::poisson(-1); }, {"poisson", "mean (-1)", "negative"});
  expect_rejects([] { Distribution::poisson(1e300); }, {"poisson", "too large"});
  expect_rejects([] { Distribution::empirical({}); }, {"empirical", "at least one value"});
}

TEST(DistributionValidation, QuantileFactoriesExplainImpossibleInputs) {
  expect_rejects([] { Distribution::uniform_from_interval90(5, 2); },
                 {"uniform", "p95 (2)", "p5 (5)"});
  expect_rejects([] { Distribution::normal_from_median_p90(5, 3); },
                 {"normal: p90 (3) must be greater than the median (5)"});
  expect_rejects([] { Distribution::normal_from_interval90(1, 1); }, {"p95 (1)", "p5 (1)"});
  expect_rejects([] { Distribution::lognormal_from_median_p90(5, 3); },
                 {"lognormal: p90 (3) must be greater than the median (5)"});
  expect_rejects([] { Distribution::lognormal_from_median_p90(0, 3); },
                 {"lognormal", "median (0)", "positive"});
  expect_rejects([] { Distribution::lognormal_from_mean_sd(-1, 3); }, {"mean (-1)", "positive"});
  expect_rejects([] { Distribution::lognormal_from_mean_sd(1, 0); }, {"sd (0)", "constant"});
  expect_rejects([] { Distribution::lognormal_from_interval90(-1, 3); }, {"p5 (-1)", "positive"});
  expect_rejects([] { Distribution::lognormal_from_interval90(3, 2); }, {"p95 (2)", "p5 (3)"});
  expect_rejects([] { Distribution::gamma_from_mean_sd(0, 1); }, {"gamma", "mean (0)"});
  expect_rejects([] { Distribution::gamma_from_mean_sd(1, 0); }, {"gamma", "sd (0)"});
  expect_rejects([] { Distribution::gamma_from_median_p90(-1, 2); }, {"gamma", "median (-1)"});
  expect_rejects([] { Distribution::gamma_from_median_p90(5, 4); }, {"p90 (4)", "median (5)"});
  expect_rejects([] { Distribution::gamma_from_median_p90(1, 1e30); },
                 {"gamma", "p90 (1e+30)", "too far above the median (1)"});
  expect_rejects([] { Distribution::gamma_from_median_p90(1, 1.00001); },
                 {"gamma", "too close to the median (1)"});
  expect_rejects([] { Distribution::beta_from_mean_sd(0.5, 0.6); },
                 {"beta: sd (0.6) is too large for mean 0.5 (must be below 0.5)"});
  expect_rejects([] { Distribution::beta_from_mean_sd(1.2, 0.1); },
                 {"beta", "mean (1.2)", "between 0 and 1"});
  expect_rejects([] { Distribution::beta_from_mean_sd(0.5, 0); }, {"beta", "sd (0)"});
  expect_rejects([] { Distribution::beta_from_interval90(0, 0.5); }, {"beta", "p5 (0)"});
  expect_rejects([] { Distribution::beta_from_interval90(0.5, 1); }, {"beta", "p95 (1)"});
  expect_rejects([] { Distribution::beta_from_interval90(0.5, 0.4); }, {"p95 (0.4)", "p5 (0.5)"});
  expect_rejects([] { Distribution::beta_from_interval90(0.5, 0.5 + 1e-12); },
                 {"beta", "too narrow"});
}

}  // namespace
}  // namespace teamsim::sim
