#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <string>

#include "sim/distribution.h"
#include "sim/distribution_checks.h"

// The *_from_* factories of Distribution: a family fitted to the quantities people know (a median
// and p90, a mean and sd, or a 90 % interval), each parameter checked with a message naming it.

namespace teamsim::sim {

using namespace distribution_checks;

namespace {

// The shapes gamma_from_median_p90 searches: p90/median ranges from about 3e25 (shape 0.01) down to
// about 1.000128 (shape 1e8).
constexpr double kGammaMinShape = 1e-2;
constexpr double kGammaMaxShape = 1e8;

// The concentrations alpha + beta that beta_from_interval90 searches. As the concentration falls
// towards 0 (with p5 held), p95 tends to 1, so any interval is in reach of a small enough
// concentration: at 1e-3 even [1e-300, 1 - 1e-16] is; 1e15 fits intervals ~1e-7 wide.
constexpr double kBetaMinConcentration = 1e-3;
constexpr double kBetaMaxConcentration = 1e15;

double gamma_p90_over_median(double shape) {
  return gamma_quantile(shape, 0.9) / gamma_quantile(shape, 0.5);
}

// Bisection for the root of a monotone function f over [lo, hi], to an absolute 1e-14 in x (the
// callers search log or logit scales, so that is a relative precision in the parameter).
// f(lo) and f(hi) must have opposite signs (checked by the callers).
template <typename F>
double bisect(F f, double lo, double hi) {
  const bool increasing = f(hi) > f(lo);
  while (hi - lo > 1e-14) {
    const double mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    const double v = f(mid);
    if (v == 0) return mid;
    if ((v < 0) == increasing) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return 0.5 * (lo + hi);
}

double logistic(double x) { return 1 / (1 + std::exp(-x)); }

struct BetaShape {
  double alpha, beta;
};

// For a Beta with mean m and concentration k (alpha = m k, beta = (1 - m) k), the mean that puts
// the 5th percentile at p5. P(X <= p5) decreases as m grows, so bisect on logit(m).
BetaShape beta_matching_p5(double p5, double log_k) {
  const double k = std::exp(log_k);
  auto shape = [k](double logit_m) {
    const double m = logistic(logit_m);
    return BetaShape{m * k, (1 - m) * k};
  };
  auto f = [&](double logit_m) {
    const BetaShape s = shape(logit_m);
    return boost::math::ibeta(s.alpha, s.beta, p5) - 0.05;
  };
  return shape(bisect(f, -40.0, 40.0));
}

double beta_p95_cdf_minus_target(double p5, double p95, double log_k) {
  const BetaShape s = beta_matching_p5(p5, log_k);
  return boost::math::ibeta(s.alpha, s.beta, p95) - 0.95;
}

bool close_relative(double a, double b, double tolerance) {
  return std::abs(a - b) <= tolerance * std::max(std::abs(a), std::abs(b));
}

}  // namespace

Distribution Distribution::uniform_from_interval90(double p5, double p95) {
  require_finite("uniform", {{"p5", p5}, {"p95", p95}});
  require_greater("uniform", "p95", p95, "p5", p5);
  // [p5, p95] is the middle 90 % of [min, max]: widen it by 5 % of the full width on each side.
  const double margin = 0.05 * (p95 - p5) / 0.9;
  return uniform(p5 - margin, p95 + margin);
}

Distribution Distribution::normal_from_median_p90(double median, double p90) {
  require_finite("normal", {{"median", median}, {"p90", p90}});
  require_greater("normal", "p90", p90, "the median", median);
  return normal(median, (p90 - median) / phi_quantile(0.9));
}

Distribution Distribution::normal_from_interval90(double p5, double p95) {
  require_finite("normal", {{"p5", p5}, {"p95", p95}});
  require_greater("normal", "p95", p95, "p5", p5);
  return normal(0.5 * (p5 + p95), (p95 - p5) / (2 * phi_quantile(0.95)));
}

Distribution Distribution::lognormal_from_median_p90(double median, double p90) {
  require_finite("lognormal", {{"median", median}, {"p90", p90}});
  require_positive("lognormal", "median", median);
  require_greater("lognormal", "p90", p90, "the median", median);
  return lognormal(std::log(median), std::log(p90 / median) / phi_quantile(0.9));
}

Distribution Distribution::lognormal_from_mean_sd(double mean, double sd) {
  require_finite("lognormal", {{"mean", mean}, {"sd", sd}});
  require_positive("lognormal", "mean", mean);
  require_positive("lognormal", "sd", sd, kUseConstant);
  // Moment matching: sd^2 / mean^2 = e^{sigma^2} - 1 and mean = e^{mu + sigma^2 / 2}.
  const double cv = sd / mean;
  const double sigma2 = std::log1p(cv * cv);
  return lognormal(std::log(mean) - 0.5 * sigma2, std::sqrt(sigma2));
}

Distribution Distribution::lognormal_from_interval90(double p5, double p95) {
  require_finite("lognormal", {{"p5", p5}, {"p95", p95}});
  require_positive("lognormal", "p5", p5);
  require_greater("lognormal", "p95", p95, "p5", p5);
  const double lo = std::log(p5);
  const double hi = std::log(p95);
  return lognormal(0.5 * (lo + hi), (hi - lo) / (2 * phi_quantile(0.95)));
}

Distribution Distribution::gamma_from_mean_sd(double mean, double sd) {
  require_finite("gamma", {{"mean", mean}, {"sd", sd}});
  require_positive("gamma", "mean", mean);
  require_positive("gamma", "sd", sd, kUseConstant);
  // mean = shape * scale, variance = shape * scale^2.
  return gamma(mean * mean / (sd * sd), sd * sd / mean);
}

Distribution Distribution::gamma_from_median_p90(double median, double p90) {
  require_finite("gamma", {{"median", median}, {"p90", p90}});
  require_positive("gamma", "median", median);
  require_greater("gamma", "p90", p90, "the median", median);
  // Q(0.9) / Q(0.5) depends on the shape only and decreases as the shape grows (from infinity
  // towards 1); bisect on log(shape) for the target ratio, then scale to put the median in place.
  const double ratio = p90 / median;
  const double max_ratio = gamma_p90_over_median(kGammaMinShape);
  const double min_ratio = gamma_p90_over_median(kGammaMaxShape);
  if (ratio > max_ratio) {
    fail("gamma", "p90 (" + num(p90) + ") is too far above the median (" + num(median) +
                      "): no gamma distribution has p90 more than " + num(max_ratio) +
                      " times its median; consider a lognormal");
  }
  if (ratio < min_ratio) {
    fail("gamma", "p90 (" + num(p90) + ") is too close to the median (" + num(median) +
                      "): p90 must be at least " + num(min_ratio) +
                      " times the median; consider a normal or a constant");
  }
  const double log_shape =
      bisect([ratio](double s) { return gamma_p90_over_median(std::exp(s)) - ratio; },
             std::log(kGammaMinShape), std::log(kGammaMaxShape));
  const double shape = std::exp(log_shape);
  return gamma(shape, median / gamma_quantile(shape, 0.5));
}

Distribution Distribution::beta_from_mean_sd(double mean, double sd) {
  require_finite("beta", {{"mean", mean}, {"sd", sd}});
  if (!(mean > 0 && mean < 1)) {
    fail("beta", "mean (" + num(mean) + ") must be between 0 and 1 (exclusive)");
  }
  require_positive("beta", "sd", sd, kUseConstant);
  // variance = m (1 - m) / (k + 1) with k = alpha + beta, so sd^2 < m (1 - m).
  const double max_var = mean * (1 - mean);
  if (!(sd * sd < max_var)) {
    fail("beta", "sd (" + num(sd) + ") is too large for mean " + num(mean) + " (must be below " +
                     num(std::sqrt(max_var)) + ")");
  }
  const double k = max_var / (sd * sd) - 1;
  return beta(mean * k, (1 - mean) * k);
}

Distribution Distribution::beta_from_interval90(double p5, double p95) {
  require_finite("beta", {{"p5", p5}, {"p95", p95}});
  if (!(p5 > 0)) fail("beta", "p5 (" + num(p5) + ") must be greater than 0");
  if (!(p95 < 1)) fail("beta", "p95 (" + num(p95) + ") must be less than 1");
  require_greater("beta", "p95", p95, "p5", p5);
  // With alpha = m k and beta = (1 - m) k, for each concentration k pick the mean m that puts the
  // 5th percentile at p5 (inner bisection); the larger k, the narrower the distribution, so
  // P(X <= p95) grows with k: bisect on log k for P(X <= p95) = 0.95 (outer bisection).
  auto f = [p5, p95](double log_k) { return beta_p95_cdf_minus_target(p5, p95, log_k); };
  const double lo = std::log(kBetaMinConcentration);
  const double hi = std::log(kBetaMaxConcentration);
  // Appended piece by piece: g++ 12's -Wrestrict misfires on "[" + std::string here.
  std::string interval = "[";
  interval += num(p5);
  interval += ", ";
  interval += num(p95);
  interval += "]";
  if (f(lo) > 0) {
    fail("beta", "the 90% interval " + interval +
                     " is too wide: no beta distribution spreads that much; widen the " +
                     "interval's tail or use a uniform");
  }
  if (f(hi) < 0) {
    fail("beta", "the 90% interval " + interval +
                     " is too narrow for a beta distribution; use a constant or a normal");
  }
  const BetaShape s = beta_matching_p5(p5, bisect(f, lo, hi));
  const double got5 = boost::math::ibeta_inv(s.alpha, s.beta, 0.05);
  const double got95 = boost::math::ibeta_inv(s.alpha, s.beta, 0.95);
  if (!close_relative(got5, p5, 1e-7) || !close_relative(got95, p95, 1e-7)) {
    fail("beta", "could not fit a beta distribution to the 90% interval " + interval +
                     " (closest: [" + num(got5) + ", " + num(got95) + "])");
  }
  return beta(s.alpha, s.beta);
}

}  // namespace teamsim::sim
