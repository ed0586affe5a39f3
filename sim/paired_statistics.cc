#include "sim/paired_statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace teamsim::sim {

bool ties(double a, double b) {
  return std::abs(a - b) <= kTieTolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

PairedSummary summarize_paired(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b,
                               unsigned threads) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) {
    throw std::invalid_argument("summarize_paired: the two samples differ in shape");
  }
  PairedSummary summary;
  summary.difference = summarize_columns(a - b, nullptr, threads);
  summary.prob_greater = Eigen::VectorXd::Zero(a.cols());
  summary.prob_equal = Eigen::VectorXd::Zero(a.cols());
  if (a.rows() == 0) return summary;
  for (Eigen::Index c = 0; c < a.cols(); ++c) {
    // Over the replications where both plans have a value (a NaN is an undefined ratio).
    std::size_t n = 0, greater = 0, equal = 0;
    for (Eigen::Index r = 0; r < a.rows(); ++r) {
      const double x = a(r, c), y = b(r, c);
      if (std::isnan(x) || std::isnan(y)) continue;
      ++n;
      if (ties(x, y)) {
        ++equal;
      } else if (x > y) {
        ++greater;
      }
    }
    if (n == 0) {
      summary.prob_greater(c) = summary.prob_equal(c) = std::numeric_limits<double>::quiet_NaN();
      continue;
    }
    summary.prob_greater(c) = static_cast<double>(greater) / static_cast<double>(n);
    summary.prob_equal(c) = static_cast<double>(equal) / static_cast<double>(n);
  }
  return summary;
}

Eigen::VectorXd column_variance(const Eigen::MatrixXd& samples) {
  Eigen::VectorXd variance = Eigen::VectorXd::Zero(samples.cols());
  if (samples.rows() < 2) return variance;
  for (Eigen::Index c = 0; c < samples.cols(); ++c) {
    if (samples.col(c).hasNaN()) {
      // Over the defined rows only (a NaN is an undefined ratio).
      const ColumnSummary defined = summarize_columns(samples.col(c));
      const double n = defined.defined(0);
      variance(c) = n < 2 ? 0.0 : defined.se(0) * defined.se(0) * n;
      continue;
    }
    const double mean = samples.col(c).mean();
    variance(c) =
        (samples.col(c).array() - mean).square().sum() / static_cast<double>(samples.rows() - 1);
  }
  return variance;
}

Eigen::VectorXd average_ranks(const Eigen::VectorXd& values) {
  const auto n = static_cast<std::size_t>(values.size());
  std::vector<Eigen::Index> order(n);
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](Eigen::Index i, Eigen::Index j) { return values(i) < values(j); });
  Eigen::VectorXd ranks(values.size());
  std::size_t i = 0;
  while (i < n) {
    std::size_t j = i + 1;
    while (j < n && values(order[j]) == values(order[i])) ++j;
    // Positions i..j-1 (0-based) hold equal values: each gets the mean of ranks i+1..j.
    const double rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
    for (std::size_t k = i; k < j; ++k) ranks(order[k]) = rank;
    i = j;
  }
  return ranks;
}

double spearman_correlation(const Eigen::VectorXd& x, const Eigen::VectorXd& y) {
  if (x.size() != y.size()) {
    throw std::invalid_argument("spearman_correlation: the two samples differ in size");
  }
  if (x.size() < 2) return 0.0;
  const Eigen::VectorXd rx = average_ranks(x).array() - average_ranks(x).mean();
  const Eigen::VectorXd ry = average_ranks(y).array() - average_ranks(y).mean();
  const double denominator = std::sqrt(rx.squaredNorm() * ry.squaredNorm());
  if (denominator == 0.0) return 0.0;
  return rx.dot(ry) / denominator;
}

}  // namespace teamsim::sim
