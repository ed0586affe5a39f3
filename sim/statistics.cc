#include "sim/statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace teamsim::sim {

double quantile_sorted(const double* sorted, std::size_t n, double p) {
  if (n == 0) throw std::invalid_argument("quantile_sorted: no data");
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("quantile_sorted: p must be in [0, 1]");
  const double h = static_cast<double>(n - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, n - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Mean and standard error of the mean of `x` (a column or a vector of the defined values).
template <class Vector>
std::pair<double, double> plain_mean_and_se(const Vector& x) {
  const auto n = static_cast<double>(x.size());
  const double mean = x.sum() / n;
  if (x.size() < 2) return {mean, 0.0};
  const double sum_squares = (x.array() - mean).square().sum();
  return {mean, std::sqrt(sum_squares / (n - 1.0)) / std::sqrt(n)};
}

/// The weighted mean sum w x / sum w and the ratio estimator's standard error.
std::pair<double, double> weighted_mean_and_se(const std::vector<double>& x,
                                               const std::vector<double>& w) {
  double total_weight = 0, weighted_sum = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    total_weight += w[i];
    weighted_sum += w[i] * x[i];
  }
  if (!(total_weight > 0)) return {kNaN, kNaN};
  const double mean = weighted_sum / total_weight;
  if (x.size() < 2) return {mean, 0.0};
  double spread = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double deviation = w[i] * (x[i] - mean);
    spread += deviation * deviation;
  }
  const auto n = static_cast<double>(x.size());
  return {mean, std::sqrt(n / (n - 1.0) * spread) / total_weight};
}

}  // namespace

ColumnSummary summarize_columns(const Eigen::MatrixXd& samples, const Eigen::MatrixXd* weights) {
  const Eigen::Index n = samples.rows();
  const Eigen::Index columns = samples.cols();
  if (n == 0) throw std::invalid_argument("summarize_columns: no replications");
  if (weights && (weights->rows() != n || weights->cols() != columns)) {
    throw std::invalid_argument("summarize_columns: weights differ in shape from the samples");
  }
  const auto percentile_count = static_cast<Eigen::Index>(kReportedPercentiles.size());

  ColumnSummary summary;
  summary.mean.resize(columns);
  summary.se.resize(columns);
  summary.percentiles.resize(columns, percentile_count);
  summary.defined.resize(columns);
  std::vector<double> values, column_weights;
  values.reserve(static_cast<std::size_t>(n));
  for (Eigen::Index c = 0; c < columns; ++c) {
    values.clear();
    column_weights.clear();
    for (Eigen::Index r = 0; r < n; ++r) {
      if (std::isnan(samples(r, c))) continue;  // undefined in this replication
      values.push_back(samples(r, c));
      if (weights) column_weights.push_back((*weights)(r, c));
    }
    summary.defined(c) = static_cast<double>(values.size());
    if (values.empty()) {
      summary.mean(c) = summary.se(c) = kNaN;
      summary.percentiles.row(c).setConstant(kNaN);
      continue;
    }
    if (weights) {
      std::tie(summary.mean(c), summary.se(c)) = weighted_mean_and_se(values, column_weights);
    } else if (values.size() == static_cast<std::size_t>(n)) {
      // Summed as the column is stored, so that a fully defined column's mean is the same to the
      // last bit however the values were gathered.
      std::tie(summary.mean(c), summary.se(c)) = plain_mean_and_se(samples.col(c));
    } else {
      const Eigen::Map<const Eigen::VectorXd> defined(values.data(),
                                                      static_cast<Eigen::Index>(values.size()));
      std::tie(summary.mean(c), summary.se(c)) = plain_mean_and_se(defined);
    }
    std::sort(values.begin(), values.end());
    for (Eigen::Index k = 0; k < percentile_count; ++k) {
      summary.percentiles(c, k) = quantile_sorted(
          values.data(), values.size(), kReportedPercentiles[static_cast<std::size_t>(k)]);
    }
  }
  return summary;
}

SampleStore::SampleStore(std::size_t metrics, std::size_t replications, std::size_t months)
    : samples_(metrics, Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(replications),
                                              static_cast<Eigen::Index>(months))),
      replications_(replications),
      months_(months) {}

}  // namespace teamsim::sim
