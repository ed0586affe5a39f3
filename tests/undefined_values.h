#pragma once

#include <Eigen/Core>

// Comparing samples and summaries that hold undefined values: a ratio with nothing to divide by
// is NaN (docs/metrics.md, "Undefined ratios"), and NaN is equal to nothing, itself included.

namespace teamsim::testing {

/// The same shape and the same values, an undefined (NaN) value matching only another one.
inline bool same_values(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  return ((a.array() == b.array()) || (a.array().isNaN() && b.array().isNaN())).all();
}

/// The same values undefined in both, and the defined ones equal to within isApprox's precision.
inline bool approx_values(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  if ((a.array().isNaN() != b.array().isNaN()).any()) return false;
  const Eigen::MatrixXd defined_a = a.array().isNaN().select(0.0, a);
  const Eigen::MatrixXd defined_b = b.array().isNaN().select(0.0, b);
  return defined_a.isApprox(defined_b);
}

/// No infinity anywhere, and NaN only when the metric can be undefined.
inline bool finite_or_undefined(const Eigen::MatrixXd& values, bool can_be_undefined) {
  const bool no_infinity = !(values.array().isInf().any());
  return no_infinity && (can_be_undefined || !values.hasNaN());
}

}  // namespace teamsim::testing
