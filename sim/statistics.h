#pragma once

#include <Eigen/Core>
#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace teamsim::sim {

/// The percentiles reported for every metric and month, as probabilities.
inline constexpr std::array<double, 7> kReportedPercentiles = {0.05, 0.10, 0.25, 0.50,
                                                               0.75, 0.90, 0.95};

/// Column names matching kReportedPercentiles.
inline constexpr std::array<const char*, 7> kPercentileNames = {"p5",  "p10", "p25", "p50",
                                                                "p75", "p90", "p95"};

/// The column of each percentile in kReportedPercentiles (and in ColumnSummary::percentiles).
inline constexpr Eigen::Index kColumnP5 = 0, kColumnP10 = 1, kColumnP25 = 2, kColumnP50 = 3,
                              kColumnP75 = 4, kColumnP90 = 5, kColumnP95 = 6;

/// The exact p-quantile of sorted data by linear interpolation between order statistics
/// (Hyndman & Fan type 7, R's and NumPy's default): h = (n - 1) p, x[floor h] + frac(h) (...).
double quantile_sorted(const double* sorted, std::size_t n, double p);

/// The p-quantiles of `values` (no NaN) for each p of `ps` into `out` (same size), equal to the
/// bit to quantile_sorted on the sorted values: the order statistics type 7 needs are selected
/// (nth_element, dividing the range at the middle rank asked for) instead of sorting all of
/// them. Reorders `values`.
void select_quantiles(std::span<double> values, std::span<const double> ps, std::span<double> out);

/// Summary of one metric over replications: one entry (or row) per column of the samples. A NaN
/// sample means "undefined in that replication" (a ratio with nothing to divide by): every
/// statistic is over the replications where the column is defined, and `defined` says how many.
/// A column defined nowhere has NaN statistics.
struct ColumnSummary {
  Eigen::VectorXd mean;  ///< sample mean per column, or the weighted mean (summarize_columns)
  Eigen::VectorXd se;    ///< standard error of the mean: sd / sqrt(n), sd with n - 1; 0 if n = 1
  Eigen::MatrixXd percentiles;  ///< columns x kReportedPercentiles.size(), exact (type 7)
  Eigen::VectorXd defined;      ///< replications with a value (not NaN), per column
};

/// Summarises each column of `samples` (rows = replications, columns = months) over its defined
/// (non-NaN) rows. With `weights` (same shape, each > 0 where the sample is defined) the mean is
/// the weighted mean sum w x / sum w — a per-event mean when x is a replication's mean over w
/// events — with the ratio estimator's standard error
/// sqrt(n / (n - 1) sum w^2 (x - mean)^2) / sum w; percentiles stay over replications.
/// Columns are summarised on `threads` threads (0: every hardware thread), each column alone, so
/// the result is the same bytes whatever the count.
ColumnSummary summarize_columns(const Eigen::MatrixXd& samples,
                                const Eigen::MatrixXd* weights = nullptr, unsigned threads = 1);

/// Per-metric sample storage: for each metric, a replications x months matrix. Replication r
/// writes only row r, so replications may fill it concurrently without locks.
class SampleStore {
 public:
  SampleStore(std::size_t metrics, std::size_t replications, std::size_t months);
  std::size_t metrics() const { return samples_.size(); }
  std::size_t replications() const { return replications_; }
  std::size_t months() const { return months_; }
  Eigen::MatrixXd& metric(std::size_t m) { return samples_[m]; }
  const Eigen::MatrixXd& metric(std::size_t m) const { return samples_[m]; }
  /// Bytes the store holds: 8 x metrics x replications x months.
  std::size_t bytes() const { return 8 * metrics() * replications_ * months_; }

 private:
  std::vector<Eigen::MatrixXd> samples_;
  std::size_t replications_;
  std::size_t months_;
};

}  // namespace teamsim::sim
