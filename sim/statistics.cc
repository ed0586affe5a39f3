#include "sim/statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace teamsim::sim {

double quantile_sorted(const double* sorted, std::size_t n, double p) {
  if (n == 0) throw std::invalid_argument("quantile_sorted: no data");
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("quantile_sorted: p must be in [0, 1]");
  const double h = static_cast<double>(n - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, n - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

ColumnSummary summarize_columns(const Eigen::MatrixXd& samples) {
  const Eigen::Index n = samples.rows();
  const Eigen::Index columns = samples.cols();
  if (n == 0) throw std::invalid_argument("summarize_columns: no replications");
  const auto percentile_count = static_cast<Eigen::Index>(kReportedPercentiles.size());

  ColumnSummary summary;
  summary.mean.resize(columns);
  summary.se.resize(columns);
  summary.percentiles.resize(columns, percentile_count);
  std::vector<double> sorted(static_cast<std::size_t>(n));
  const auto count = static_cast<double>(n);
  for (Eigen::Index c = 0; c < columns; ++c) {
    const auto column = samples.col(c);
    const double mean = column.sum() / count;
    summary.mean(c) = mean;
    if (n > 1) {
      const double sum_squares = (column.array() - mean).square().sum();
      summary.se(c) = std::sqrt(sum_squares / (count - 1.0)) / std::sqrt(count);
    } else {
      summary.se(c) = 0.0;
    }
    if (column.hasNaN()) {
      // NaN has no place in an order; sorting it would break std::sort's contract.
      summary.percentiles.row(c).setConstant(std::numeric_limits<double>::quiet_NaN());
      continue;
    }
    std::copy(column.begin(), column.end(), sorted.begin());
    std::sort(sorted.begin(), sorted.end());
    for (Eigen::Index k = 0; k < percentile_count; ++k) {
      summary.percentiles(c, k) = quantile_sorted(
          sorted.data(), sorted.size(), kReportedPercentiles[static_cast<std::size_t>(k)]);
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
