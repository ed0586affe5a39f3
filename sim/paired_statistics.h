#pragma once

#include <Eigen/Core>

#include "sim/statistics.h"

// Statistics of paired samples: two plans run on the same replications (common random numbers),
// compared replication by replication.

namespace teamsim::sim {

/// Two values closer than a billionth of the larger (or of 1, near 0) are a tie: sums of many
/// terms that are equal in exact arithmetic (two plans' revenue before they part) differ by
/// rounding, 1e-13 of them, and that noise must not read as one plan ahead.
inline constexpr double kTieTolerance = 1e-9;
/// Whether `a` and `b` tie (kTieTolerance).
bool ties(double a, double b);

/// Summary of the paired difference A - B, column by column (rows = replications).
struct PairedSummary {
  ColumnSummary difference;  ///< mean, SE and exact percentiles of A - B per column
  /// Fraction of replications with A > B and no tie (ties), per column, over those where both
  /// are defined (not NaN); NaN when none is.
  Eigen::VectorXd prob_greater;
  Eigen::VectorXd prob_equal;  ///< fraction where A and B tie, over the same replications
};

/// Summarises A - B for samples of the same shape whose row r comes from the same replication,
/// its columns on `threads` threads (summarize_columns). Throws std::invalid_argument when the
/// shapes differ.
PairedSummary summarize_paired(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b,
                               unsigned threads = 1);

/// The sample variance (n - 1 denominator) of each column over its defined (non-NaN) rows; 0 for
/// fewer than two.
Eigen::VectorXd column_variance(const Eigen::MatrixXd& samples);

/// Spearman's rank correlation of x and y: Pearson's correlation of their ranks, ties given
/// their average rank. 0 when either is constant. Throws std::invalid_argument on different sizes.
double spearman_correlation(const Eigen::VectorXd& x, const Eigen::VectorXd& y);

/// Ranks 1..n of `values`, ties given their average rank.
Eigen::VectorXd average_ranks(const Eigen::VectorXd& values);

}  // namespace teamsim::sim
