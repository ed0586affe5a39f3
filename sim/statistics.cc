#include "sim/statistics.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

#include "sim/replication_runner.h"

namespace teamsim::sim {

namespace {

/// Where type 7 reads the order statistics of n values for p: h = (n - 1) p, the ranks floor(h)
/// and the one above it (n - 1 at most).
struct QuantileRanks {
  double h;
  std::size_t lo;
  std::size_t hi;
};

QuantileRanks quantile_ranks(std::size_t n, double p, const char* caller) {
  if (n == 0) throw std::invalid_argument(std::string(caller) + ": no data");
  if (!(p >= 0.0 && p <= 1.0)) {
    throw std::invalid_argument(std::string(caller) + ": p must be in [0, 1]");
  }
  const double h = static_cast<double>(n - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  return {h, lo, std::min(lo + 1, n - 1)};
}

/// The one interpolation both quantile_sorted and select_quantiles use, so they agree to the bit.
double interpolate(const QuantileRanks& at, double lo_value, double hi_value) {
  return lo_value + (at.h - static_cast<double>(at.lo)) * (hi_value - lo_value);
}

/// Puts at each rank of [first, last) (ascending, distinct, inside [lo, hi)) the value a sort of
/// values[lo, hi) would put there, with the values between two ranks in between them. Each
/// nth_element splits the range at the middle rank asked for, so k ranks cost about log2(k)
/// passes over the data instead of a sort's log2(n).
void select_ranks(double* values, std::size_t lo, std::size_t hi, const std::size_t* first,
                  const std::size_t* last) {
  while (first != last) {
    const std::size_t* middle = first + (last - first) / 2;
    std::nth_element(values + lo, values + *middle, values + hi);
    select_ranks(values, lo, *middle, first, middle);
    lo = *middle + 1;
    first = middle + 1;
  }
}

}  // namespace

double quantile_sorted(const double* sorted, std::size_t n, double p) {
  const QuantileRanks at = quantile_ranks(n, p, "quantile_sorted");
  return interpolate(at, sorted[at.lo], sorted[at.hi]);
}

void select_quantiles(std::span<double> values, std::span<const double> ps, std::span<double> out) {
  if (out.size() != ps.size()) {
    throw std::invalid_argument("select_quantiles: as many outputs as probabilities");
  }
  std::vector<QuantileRanks> at;
  std::vector<std::size_t> ranks;
  for (const double p : ps) {
    at.push_back(quantile_ranks(values.size(), p, "select_quantiles"));
    ranks.push_back(at.back().lo);
  }
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  select_ranks(values.data(), 0, values.size(), ranks.data(), ranks.data() + ranks.size());
  for (std::size_t k = 0; k < at.size(); ++k) {
    const std::size_t lo = at[k].lo;
    double hi_value = values[lo];
    if (at[k].hi > lo) {
      // The order statistic after lo is the least value past lo: the values between lo and the
      // next selected rank lie between the two, and those beyond it above, so it is the least
      // of [lo + 1, next], found by a scan instead of another selection.
      const auto next = std::upper_bound(ranks.begin(), ranks.end(), lo);
      const std::size_t end = next == ranks.end() ? values.size() : *next + 1;
      hi_value = *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lo + 1),
                                   values.begin() + static_cast<std::ptrdiff_t>(end));
    }
    out[k] = interpolate(at[k], values[lo], hi_value);
  }
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

ColumnSummary summarize_columns(const Eigen::MatrixXd& samples, const Eigen::MatrixXd* weights,
                                unsigned threads) {
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
  const auto summarize_column = [&](std::size_t column) {
    const auto c = static_cast<Eigen::Index>(column);
    std::vector<double> values, column_weights;
    values.reserve(static_cast<std::size_t>(n));
    for (Eigen::Index r = 0; r < n; ++r) {
      if (std::isnan(samples(r, c))) continue;  // undefined in this replication
      values.push_back(samples(r, c));
      if (weights) column_weights.push_back((*weights)(r, c));
    }
    summary.defined(c) = static_cast<double>(values.size());
    if (values.empty()) {
      summary.mean(c) = summary.se(c) = kNaN;
      summary.percentiles.row(c).setConstant(kNaN);
      return;
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
    std::array<double, kReportedPercentiles.size()> percentiles{};
    select_quantiles(values, kReportedPercentiles, percentiles);
    for (Eigen::Index k = 0; k < percentile_count; ++k) {
      summary.percentiles(c, k) = percentiles[static_cast<std::size_t>(k)];
    }
  };
  // Any index-parallel loop would do; the replication runner is one. A column writes only its
  // own entries of the summary.
  RunnerOptions spread;
  spread.replications = static_cast<std::size_t>(columns);
  spread.threads = threads;
  run_replications(spread, summarize_column);
  return summary;
}

SampleStore::SampleStore(std::size_t metrics, std::size_t replications, std::size_t months)
    : samples_(metrics, Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(replications),
                                              static_cast<Eigen::Index>(months))),
      replications_(replications),
      months_(months) {}

}  // namespace teamsim::sim
