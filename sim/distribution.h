#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/name_table.h"
#include "sim/random_streams.h"

namespace teamsim::sim {

/// A family of distributions, in the order of Distribution::Params; names, meanings and parameter
/// sets in kFamilies.
enum class Family {
  kConstant,
  kUniform,
  kTriangular,
  kNormal,
  kLogNormal,
  kGamma,
  kBeta,
  kPoisson,
  kEmpirical
};

/// An uncertain input: a value type that samples with the generator it is given (never a hidden
/// one). Built only through the named factories below, which check their parameters and throw
/// std::invalid_argument with a message a person can act on ("p90 (3) must exceed the median (5)").
/// Sampling uses Boost.Random's distributions, whose algorithms are fixed across platforms.
class Distribution {
 public:
  struct Constant {
    double value;
  };
  struct Uniform {
    double min, max;
  };
  struct Triangular {
    double min, mode, max;
  };
  /// Normal(mean, sd) truncated to [min, max] (either bound may be infinite).
  struct TruncatedNormal {
    double mean, sd, min, max;
  };
  /// exp(Normal(mu, sigma)): median e^mu.
  struct LogNormal {
    double mu, sigma;
  };
  struct Gamma {
    double shape, scale;
  };
  struct Beta {
    double alpha, beta;
  };
  /// Integer counts with the given mean.
  struct Poisson {
    double mean;
  };
  /// Each listed value equally likely (resampling observed data, e.g. from a CRM export).
  struct Empirical {
    std::vector<double> values;
  };
  using Params = std::variant<Constant, Uniform, Triangular, TruncatedNormal, LogNormal, Gamma,
                              Beta, Poisson, Empirical>;

  /// A constant 0.
  Distribution();

  static Distribution constant(double value);
  static Distribution uniform(double min, double max);
  static Distribution triangular(double min, double mode, double max);
  static Distribution normal(double mean, double sd);
  static Distribution truncated_normal(double mean, double sd, double min, double max);
  static Distribution lognormal(double mu, double sigma);
  static Distribution gamma(double shape, double scale);
  static Distribution beta(double alpha, double beta);
  static Distribution poisson(double mean);
  static Distribution empirical(std::vector<double> values);

  // The same families, specified the way people think about uncertainty.
  /// Uniform whose 5th and 95th percentiles are p5 and p95.
  static Distribution uniform_from_interval90(double p5, double p95);
  /// Normal with the given median and 90th percentile (truncate with truncated_normal).
  static Distribution normal_from_median_p90(double median, double p90);
  /// Normal whose 5th and 95th percentiles are p5 and p95.
  static Distribution normal_from_interval90(double p5, double p95);
  static Distribution lognormal_from_median_p90(double median, double p90);
  static Distribution lognormal_from_mean_sd(double mean, double sd);
  static Distribution lognormal_from_interval90(double p5, double p95);
  static Distribution gamma_from_mean_sd(double mean, double sd);
  static Distribution gamma_from_median_p90(double median, double p90);
  static Distribution beta_from_mean_sd(double mean, double sd);
  static Distribution beta_from_interval90(double p5, double p95);

  /// One draw. A constant's, a lognormal's and a beta's are inline: each deal draws all three (its
  /// help, its size and cycle, its win rate), and the call into the other families' sampling cost
  /// about 30 Ir.
  double sample(Rng& rng) const {
    if (const auto* d = std::get_if<Constant>(&params_)) return d->value;
    // What boost::random::lognormal_distribution(mu, sigma) computes, bit for bit.
    if (const auto* d = std::get_if<LogNormal>(&params_)) {
      return std::exp(unit_normal(rng) * d->sigma + d->mu);
    }
    // Beta is G1 / (G1 + G2) from two gamma draws, which both underflow to 0 (giving NaN) when a
    // shape is tiny; below kBetaMinGammaShape, or if both underflow, the inverse CDF.
    if (const auto* d = std::get_if<Beta>(&params_);
        d != nullptr && std::min(d->alpha, d->beta) >= kBetaMinGammaShape) {
      const double g1 = standard_gamma(d->alpha, rng);
      const double g2 = standard_gamma(d->beta, rng);
      if (g1 + g2 > 0) return g1 / (g1 + g2);
      return beta_inverse(*d, rng);
    }
    return sample_other(rng);
  }
  /// The exact mean of the distribution (after truncation).
  double mean() const;
  /// The exact p-quantile, 0 < p < 1 (for sensitivity analysis: p10 and p90 of each input).
  double quantile(double p) const;
  /// The smallest and largest values a draw can take (may be infinite).
  double support_min() const;
  double support_max() const;
  /// True when every draw gives the same value.
  bool is_constant() const;
  /// The family (a truncated normal is kNormal).
  Family family() const { return static_cast<Family>(params_.index()); }
  /// A short human description, e.g. "lognormal(median 45, p90 90)" or "30".
  std::string describe() const;

  const Params& params() const { return params_; }

 private:
  explicit Distribution(Params params);
  /// Below this shape a gamma draw (about U^(1 / shape)) underflows to 0 with non-negligible
  /// probability (e^(-709 / shape)); Beta draws with such shapes use the inverse CDF instead.
  static constexpr double kBetaMinGammaShape = 0.05;
  /// One standard normal draw, Boost's (the one normal_distribution scales).
  static double unit_normal(Rng& rng);
  /// One Gamma(shape, 1) draw.
  static double standard_gamma(double shape, Rng& rng);
  /// One Beta draw by the inverse CDF of one uniform.
  static double beta_inverse(const Beta& d, Rng& rng);
  /// One draw of a family sample() does not draw inline.
  double sample_other(Rng& rng) const;
  Params params_;
};

/// One way to give a family's parameters, e.g. lognormal's {median, p90}: their keys in scenario
/// files and the factory that takes their values in that order (empirical: the list of values).
struct ParameterSet {
  std::array<std::string_view, 3> key_slots;  ///< unused trailing slots are empty
  Distribution (*make)(std::span<const double> values);

  /// The keys, e.g. {"median", "p90"}.
  constexpr std::span<const std::string_view> keys() const {
    std::size_t n = 0;
    while (n < key_slots.size() && !key_slots[n].empty()) ++n;
    return {key_slots.data(), n};
  }
};

/// A family: its name in scenario files, in scenario JSON and in describe(), what it is, and the
/// parameter sets a scenario may give it (exactly one of them).
struct FamilyEntry {
  Family value;
  std::string_view name;
  std::string_view description;
  std::array<ParameterSet, 3> set_slots;  ///< unused trailing slots have no factory
  /// Accepts optional `min` and `max` besides one parameter set (a truncated normal).
  bool truncatable = false;

  /// The parameter sets, in the order a scenario's error message lists them.
  constexpr std::span<const ParameterSet> parameter_sets() const {
    std::size_t n = 0;
    while (n < set_slots.size() && set_slots[n].make != nullptr) ++n;
    return {set_slots.data(), n};
  }
};

/// Every family, in enum order. Adding a family: an alternative in Distribution::Params, its
/// enum value, its entry here, and its sampling, mean, quantile, support and description.
inline constexpr FamilyEntry kFamilies[] = {
    {Family::kConstant,
     "constant",
     "the same value every draw",
     {{{{"value"}, [](std::span<const double> v) { return Distribution::constant(v[0]); }}}}},
    {Family::kUniform,
     "uniform",
     "every value between min and max equally likely",
     {{{{"min", "max"},
        [](std::span<const double> v) { return Distribution::uniform(v[0], v[1]); }},
       {{"p5", "p95"},
        [](std::span<const double> v) {
          return Distribution::uniform_from_interval90(v[0], v[1]);
        }}}}},
    {Family::kTriangular,
     "triangular",
     "rises linearly from min to mode, falls to max",
     {{{{"min", "mode", "max"},
        [](std::span<const double> v) { return Distribution::triangular(v[0], v[1], v[2]); }}}}},
    {Family::kNormal,
     "normal",
     "the bell curve, optionally truncated to [min, max]",
     {{{{"mean", "sd"}, [](std::span<const double> v) { return Distribution::normal(v[0], v[1]); }},
       {{"median", "p90"},
        [](std::span<const double> v) { return Distribution::normal_from_median_p90(v[0], v[1]); }},
       {{"p5", "p95"},
        [](std::span<const double> v) {
          return Distribution::normal_from_interval90(v[0], v[1]);
        }}}},
     true},
    {Family::kLogNormal,
     "lognormal",
     "positive and right-skewed: durations, deal sizes",
     {{{{"median", "p90"},
        [](std::span<const double> v) {
          return Distribution::lognormal_from_median_p90(v[0], v[1]);
        }},
       {{"mean", "sd"},
        [](std::span<const double> v) { return Distribution::lognormal_from_mean_sd(v[0], v[1]); }},
       {{"p5", "p95"},
        [](std::span<const double> v) {
          return Distribution::lognormal_from_interval90(v[0], v[1]);
        }}}}},
    {Family::kGamma,
     "gamma",
     "positive and right-skewed, lighter tail than the lognormal",
     {{{{"shape", "scale"},
        [](std::span<const double> v) { return Distribution::gamma(v[0], v[1]); }},
       {{"mean", "sd"},
        [](std::span<const double> v) { return Distribution::gamma_from_mean_sd(v[0], v[1]); }},
       {{"median", "p90"},
        [](std::span<const double> v) {
          return Distribution::gamma_from_median_p90(v[0], v[1]);
        }}}}},
    {Family::kBeta,
     "beta",
     "between 0 and 1: rates and probabilities",
     {{{{"alpha", "beta"},
        [](std::span<const double> v) { return Distribution::beta(v[0], v[1]); }},
       {{"mean", "sd"},
        [](std::span<const double> v) { return Distribution::beta_from_mean_sd(v[0], v[1]); }},
       {{"p5", "p95"},
        [](std::span<const double> v) {
          return Distribution::beta_from_interval90(v[0], v[1]);
        }}}}},
    {Family::kPoisson,
     "poisson",
     "whole counts with the given mean",
     {{{{"mean"}, [](std::span<const double> v) { return Distribution::poisson(v[0]); }}}}},
    {Family::kEmpirical,
     "empirical",
     "each listed value equally likely (resampling observed data)",
     {{{{"values"},
        [](std::span<const double> v) {
          return Distribution::empirical(std::vector<double>(v.begin(), v.end()));
        }}}}},
};
static_assert(in_enum_order(kFamilies));
static_assert(std::size(kFamilies) == std::variant_size_v<Distribution::Params>);

/// The name of `family` in scenario files, e.g. "lognormal".
constexpr std::string_view name_of(Family family) { return name_in(kFamilies, family); }

}  // namespace teamsim::sim
