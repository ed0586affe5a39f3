#include "sim/distribution.h"

#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "sim/distribution_checks.h"

namespace teamsim::sim {

using namespace distribution_checks;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kSqrt2 = 1.4142135623730950488;
constexpr double kInvSqrt2Pi = 0.39894228040143267794;

// Truncated normals whose truncation keeps more than this share of the probability are sampled by
// rejection (draw from the untruncated normal until the draw lands inside: at most 1/0.3 ≈ 3.3
// draws on average, and exact); narrower or far-tail truncations use the inverse CDF, which costs
// one uniform draw whatever the truncation, so sampling never loops for long.
constexpr double kRejectionMinMass = 0.3;

// Poisson means beyond this would overflow the integer counts Boost.Random returns.
constexpr double kPoissonMaxMean = 1e15;

// Standard normal CDF, computed from the tail it lies in so small probabilities keep full
// precision.
double phi_cdf(double z) { return 0.5 * boost::math::erfc(-z / kSqrt2); }

double phi_pdf(double z) { return std::isinf(z) ? 0.0 : kInvSqrt2Pi * std::exp(-0.5 * z * z); }

// z-scores of a truncated normal's bounds.
struct Standardised {
  double alpha, beta;
};

Standardised standardise(const Distribution::TruncatedNormal& n) {
  return {(n.min - n.mean) / n.sd, (n.max - n.mean) / n.sd};
}

// The probability the untruncated normal lands in [alpha, beta], without cancellation: from the
// upper tail when both bounds are above the mean, the lower tail when both are below, erf around 0.
double normal_mass(Standardised s) {
  if (s.alpha >= 0) return phi_cdf(-s.alpha) - phi_cdf(-s.beta);
  if (s.beta <= 0) return phi_cdf(s.beta) - phi_cdf(s.alpha);
  return 0.5 * (boost::math::erf(s.beta / kSqrt2) - boost::math::erf(s.alpha / kSqrt2));
}

// Inverse CDF of the truncated normal at p in [0, 1]: maps p into the CDF range of [min, max] and
// back, from the upper tail when the whole range is above the mean (so far-tail truncations keep
// their precision).
double truncated_normal_quantile(const Distribution::TruncatedNormal& n, double p) {
  if (p <= 0) return n.min;
  if (p >= 1) return n.max;
  const Standardised s = standardise(n);
  double z = 0;
  if (s.alpha >= 0) {
    const double upper_a = phi_cdf(-s.alpha);
    const double upper_b = phi_cdf(-s.beta);
    z = -phi_quantile(upper_a - p * (upper_a - upper_b));
  } else {
    const double lower_a = phi_cdf(s.alpha);
    const double lower_b = phi_cdf(s.beta);
    z = phi_quantile(lower_a + p * (lower_b - lower_a));
  }
  return std::clamp(n.mean + n.sd * z, n.min, n.max);
}

double truncated_normal_mean(const Distribution::TruncatedNormal& n) {
  const Standardised s = standardise(n);
  return n.mean + n.sd * (phi_pdf(s.alpha) - phi_pdf(s.beta)) / normal_mass(s);
}

double lognormal_quantile(const Distribution::LogNormal& d, double p) {
  return std::exp(d.mu + d.sigma * phi_quantile(p));
}

// P(X <= k) for X ~ Poisson(mean).
double poisson_cdf(double mean, double k) { return boost::math::gamma_q(k + 1, mean); }

double poisson_quantile(double mean, double p) {
  if (mean == 0 || p <= 0) return 0;
  if (p >= 1) return kInf;
  // Start from the normal approximation, then step to the smallest k with CDF(k) >= p.
  double k = std::max(0.0, std::floor(mean + std::sqrt(mean) * phi_quantile(p)));
  while (k > 0 && poisson_cdf(mean, k - 1) >= p) k -= 1;
  while (poisson_cdf(mean, k) < p) k += 1;
  return k;
}

double empirical_quantile(const std::vector<double>& sorted, double p) {
  // Type 7 (the default of R and NumPy): linear interpolation between order statistics.
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return sorted.back();
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

double empirical_mean(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
// g++ deduces this by itself (C++20 aggregate deduction); clang 14, used for fuzzing, needs it.
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace

Distribution::Distribution() : params_(Constant{0.0}) {}

Distribution::Distribution(Params params) : params_(std::move(params)) {}

Distribution Distribution::constant(double value) {
  require_finite("constant", {{"value", value}});
  return Distribution(Constant{value});
}

Distribution Distribution::uniform(double min, double max) {
  require_finite("uniform", {{"min", min}, {"max", max}});
  require_greater("uniform", "max", max, "min", min);
  return Distribution(Uniform{min, max});
}

Distribution Distribution::triangular(double min, double mode, double max) {
  require_finite("triangular", {{"min", min}, {"mode", mode}, {"max", max}});
  require_greater("triangular", "max", max, "min", min);
  if (mode < min || mode > max) {
    fail("triangular", "mode (" + num(mode) + ") must lie between min (" + num(min) +
                           ") and max (" + num(max) + ")");
  }
  return Distribution(Triangular{min, mode, max});
}

Distribution Distribution::normal(double mean, double sd) {
  require_finite("normal", {{"mean", mean}, {"sd", sd}});
  require_positive("normal", "sd", sd, kUseConstant);
  return Distribution(TruncatedNormal{mean, sd, -kInf, kInf});
}

Distribution Distribution::truncated_normal(double mean, double sd, double min, double max) {
  const std::string family = "truncated normal";
  require_finite(family, {{"mean", mean}, {"sd", sd}});
  if (std::isnan(min) || std::isnan(max)) {
    fail(family, "min (" + num(min) + ") and max (" + num(max) +
                     ") must be numbers (use -inf or inf for no bound)");
  }
  require_positive(family, "sd", sd, kUseConstant);
  require_greater(family, "max", max, "min", min);
  const TruncatedNormal n{mean, sd, min, max};
  // Below ~1e-300 the tail probabilities underflow and the mean and quantiles lose all precision.
  if (!(normal_mass(standardise(n)) > 1e-300)) {
    fail(family, "[" + num(min) + ", " + num(max) + "] holds almost no probability of a normal" +
                     " with mean " + num(mean) + " and sd " + num(sd) +
                     " (it lies more than 37 sd from the mean)");
  }
  return Distribution(n);
}

Distribution Distribution::lognormal(double mu, double sigma) {
  require_finite("lognormal", {{"mu", mu}, {"sigma", sigma}});
  require_positive("lognormal", "sigma", sigma, kUseConstant);
  return Distribution(LogNormal{mu, sigma});
}

Distribution Distribution::gamma(double shape, double scale) {
  require_finite("gamma", {{"shape", shape}, {"scale", scale}});
  require_positive("gamma", "shape", shape);
  require_positive("gamma", "scale", scale);
  return Distribution(Gamma{shape, scale});
}

Distribution Distribution::beta(double alpha, double beta) {
  require_finite("beta", {{"alpha", alpha}, {"beta", beta}});
  require_positive("beta", "alpha", alpha);
  require_positive("beta", "beta", beta);
  return Distribution(Beta{alpha, beta});
}

Distribution Distribution::poisson(double mean) {
  require_finite("poisson", {{"mean", mean}});
  if (!(mean >= 0)) fail("poisson", "mean (" + num(mean) + ") must not be negative");
  if (mean > kPoissonMaxMean) {
    fail("poisson",
         "mean (" + num(mean) + ") is too large (must be at most " + num(kPoissonMaxMean) + ")");
  }
  return Distribution(Poisson{mean});
}

Distribution Distribution::empirical(std::vector<double> values) {
  if (values.empty()) fail("empirical", "needs at least one value");
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      fail("empirical", "value " + std::to_string(i + 1) + " (" + num(values[i]) +
                            ") is not finite; all values must be finite");
    }
  }
  // Stored sorted: quantile() needs the order, and the draws then do not depend on input order.
  std::sort(values.begin(), values.end());
  return Distribution(Empirical{std::move(values)});
}

namespace {

// A Gamma(shape, 1) draw by Marsaglia and Tsang's method ("A simple method for generating gamma
// variables", ACM TOMS 26(3), 2000): one normal and one uniform per try, accepted about 96-99 %
// of the time, with a squeeze that skips the logarithm almost always. Boost.Random's
// gamma_distribution rejects from a Cauchy (a tangent, an exponential and a logarithm per try),
// and the per-lead Beta win rate (two gamma draws) was the largest cost of a replication after
// the event queue (docs/performance.md). Below shape 1, G(a) = G(a + 1) U^(1/a).
double sample_standard_gamma(double shape, Rng& rng) {
  boost::random::uniform_01<double> uniform;
  if (shape < 1) {
    double u = 0;
    do u = uniform(rng);
    while (u == 0);
    return sample_standard_gamma(shape + 1, rng) * std::pow(u, 1 / shape);
  }
  boost::random::normal_distribution<double> normal;
  const double d = shape - 1.0 / 3.0;
  const double c = 1 / std::sqrt(9 * d);
  for (;;) {
    double x = 0;
    double v = 0;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = uniform(rng);
    const double x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (u > 0 && std::log(u) < 0.5 * x2 + d * (1 - v + std::log(v))) return d * v;
  }
}

}  // namespace

double Distribution::standard_gamma(double shape, Rng& rng) {
  return sample_standard_gamma(shape, rng);
}

double Distribution::beta_inverse(const Beta& d, Rng& rng) {
  const double u = boost::random::uniform_real_distribution<double>(0.0, 1.0)(rng);
  return boost::math::ibeta_inv(d.alpha, d.beta, u);
}

double Distribution::unit_normal(Rng& rng) {
  return boost::random::detail::unit_normal_distribution<double>()(rng);
}

double Distribution::sample_other(Rng& rng) const {
  return std::visit(
      Overloaded{
          // sample() draws a constant and a lognormal itself, and a beta of both shapes at
          // least kBetaMinGammaShape: those cases never come here.
          [](const Constant& d) { return d.value; },
          [](const LogNormal&) -> double {
            assert(false && "sample() draws a lognormal itself");
            return std::numeric_limits<double>::quiet_NaN();
          },
          [&rng](const Uniform& d) {
            return boost::random::uniform_real_distribution<double>(d.min, d.max)(rng);
          },
          [&rng](const Triangular& d) {
            return boost::random::triangle_distribution<double>(d.min, d.mode, d.max)(rng);
          },
          [&rng](const TruncatedNormal& d) {
            boost::random::normal_distribution<double> normal(d.mean, d.sd);
            if (std::isinf(d.min) && std::isinf(d.max)) return normal(rng);
            if (normal_mass(standardise(d)) > kRejectionMinMass) {
              for (;;) {
                const double x = normal(rng);
                if (x >= d.min && x <= d.max) return x;
              }
            }
            boost::random::uniform_real_distribution<double> uniform01(0.0, 1.0);
            double u = 0;
            do u = uniform01(rng);
            while (u == 0);
            return truncated_normal_quantile(d, u);
          },
          [&rng](const Gamma& d) { return d.scale * sample_standard_gamma(d.shape, rng); },
          [&rng](const Beta& d) { return beta_inverse(d, rng); },
          [&rng](const Poisson& d) {
            if (d.mean == 0) return 0.0;
            return static_cast<double>(
                boost::random::poisson_distribution<std::int64_t, double>(d.mean)(rng));
          },
          [&rng](const Empirical& d) {
            const std::size_t i =
                boost::random::uniform_int_distribution<std::size_t>(0, d.values.size() - 1)(rng);
            return d.values[i];
          },
      },
      params_);
}

double Distribution::mean() const {
  return std::visit(Overloaded{
                        [](const Constant& d) { return d.value; },
                        [](const Uniform& d) { return 0.5 * (d.min + d.max); },
                        [](const Triangular& d) { return (d.min + d.mode + d.max) / 3; },
                        [](const TruncatedNormal& d) { return truncated_normal_mean(d); },
                        [](const LogNormal& d) { return std::exp(d.mu + 0.5 * d.sigma * d.sigma); },
                        [](const Gamma& d) { return d.shape * d.scale; },
                        [](const Beta& d) { return d.alpha / (d.alpha + d.beta); },
                        [](const Poisson& d) { return d.mean; },
                        [](const Empirical& d) { return empirical_mean(d.values); },
                    },
                    params_);
}

double Distribution::quantile(double p) const {
  if (!(p >= 0 && p <= 1)) {
    throw std::invalid_argument("quantile: p (" + num(p) + ") must be between 0 and 1");
  }
  return std::visit(Overloaded{
                        [](const Constant& d) { return d.value; },
                        [p](const Uniform& d) { return d.min + p * (d.max - d.min); },
                        [p](const Triangular& d) {
                          const double width = d.max - d.min;
                          if (p * width <= d.mode - d.min)
                            return d.min + std::sqrt(p * width * (d.mode - d.min));
                          return d.max - std::sqrt((1 - p) * width * (d.max - d.mode));
                        },
                        [p](const TruncatedNormal& d) { return truncated_normal_quantile(d, p); },
                        [p](const LogNormal& d) { return lognormal_quantile(d, p); },
                        [p](const Gamma& d) {
                          if (p == 1) return kInf;
                          return d.scale * gamma_quantile(d.shape, p);
                        },
                        [p](const Beta& d) { return boost::math::ibeta_inv(d.alpha, d.beta, p); },
                        [p](const Poisson& d) { return poisson_quantile(d.mean, p); },
                        [p](const Empirical& d) { return empirical_quantile(d.values, p); },
                    },
                    params_);
}

double Distribution::support_min() const {
  return std::visit(Overloaded{
                        [](const Constant& d) { return d.value; },
                        [](const Uniform& d) { return d.min; },
                        [](const Triangular& d) { return d.min; },
                        [](const TruncatedNormal& d) { return d.min; },
                        [](const LogNormal&) { return 0.0; },
                        [](const Gamma&) { return 0.0; },
                        [](const Beta&) { return 0.0; },
                        [](const Poisson&) { return 0.0; },
                        [](const Empirical& d) { return d.values.front(); },
                    },
                    params_);
}

double Distribution::support_max() const {
  return std::visit(Overloaded{
                        [](const Constant& d) { return d.value; },
                        [](const Uniform& d) { return d.max; },
                        [](const Triangular& d) { return d.max; },
                        [](const TruncatedNormal& d) { return d.max; },
                        [](const LogNormal&) { return kInf; },
                        [](const Gamma&) { return kInf; },
                        [](const Beta&) { return 1.0; },
                        [](const Poisson& d) { return d.mean == 0 ? 0.0 : kInf; },
                        [](const Empirical& d) { return d.values.back(); },
                    },
                    params_);
}

bool Distribution::is_constant() const { return support_min() == support_max(); }

std::string Distribution::describe() const {
  if (const auto* constant = std::get_if<Constant>(&params_)) return num(constant->value);
  const std::string parameters = std::visit(
      Overloaded{
          [](const Constant& d) { return num(d.value); },
          [](const Uniform& d) { return num(d.min) + ", " + num(d.max); },
          [](const Triangular& d) { return num(d.min) + ", " + num(d.mode) + ", " + num(d.max); },
          [](const TruncatedNormal& d) {
            std::string s = "mean " + num(d.mean) + ", sd " + num(d.sd);
            if (!std::isinf(d.min)) s += ", min " + num(d.min);
            if (!std::isinf(d.max)) s += ", max " + num(d.max);
            return s;
          },
          [](const LogNormal& d) {
            return "median " + num(std::exp(d.mu)) + ", p90 " + num(lognormal_quantile(d, 0.9));
          },
          [](const Gamma& d) {
            return "mean " + num(d.shape * d.scale) + ", sd " + num(std::sqrt(d.shape) * d.scale);
          },
          [](const Beta& d) {
            const double k = d.alpha + d.beta;
            return "mean " + num(d.alpha / k) + ", sd " +
                   num(std::sqrt(d.alpha * d.beta / (k * k * (k + 1))));
          },
          [](const Poisson& d) { return "mean " + num(d.mean); },
          [](const Empirical& d) {
            const std::size_t n = d.values.size();
            return std::to_string(n) + (n == 1 ? " value" : " values");
          },
      },
      params_);
  return std::string(name_of(family())) + "(" + parameters + ")";
}

}  // namespace teamsim::sim
