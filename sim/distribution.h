#pragma once

#include <string>
#include <variant>
#include <vector>

#include "sim/random_streams.h"

namespace teamsim::sim {

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

  /// One draw.
  double sample(Rng& rng) const;
  /// The exact mean of the distribution (after truncation).
  double mean() const;
  /// The exact p-quantile, 0 < p < 1 (for sensitivity analysis: p10 and p90 of each input).
  double quantile(double p) const;
  /// The smallest and largest values a draw can take (may be infinite).
  double support_min() const;
  double support_max() const;
  /// True when every draw gives the same value.
  bool is_constant() const;
  /// A short human description, e.g. "lognormal(median 45, p90 90)" or "30".
  std::string describe() const;

  const Params& params() const { return params_; }

 private:
  explicit Distribution(Params params);
  Params params_;
};

}  // namespace teamsim::sim
