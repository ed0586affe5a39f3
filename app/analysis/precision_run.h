#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "app/analysis/metric_choice.h"
#include "models/projection.h"
#include "models/scenario_spec.h"

// `--precision 1%`: run replications in batches until the 95 % confidence interval of one
// metric's mean is narrower than a fraction of that mean. Replication r always draws from the
// streams of (seed, r), so the result is exactly that of a fixed run with the final number of
// replications; only that number depends on the target.

namespace teamsim::app {

/// What a precision-targeted run aims for.
struct PrecisionTarget {
  MetricChoice metric;
  /// The 95 % half-width wanted, as a fraction of |mean| (0.01 for --precision 1%).
  double relative_half_width = 0.01;
  std::size_t first_batch = 200;          ///< replications before the first check
  std::size_t max_replications = 20'000;  ///< stop here even if the target is not reached
};

/// How precisely a sample pins down its mean.
struct Precision {
  double mean = 0;
  double half_width = 0;  ///< 1.96 standard errors of the mean
  /// half_width / |mean|: 0 when every replication gave the same value, infinite when the mean
  /// is 0 but the values differ (no relative precision can be reached).
  double relative = 0;
};

/// The precision of the mean of `values` (one per replication; NaN where undefined, skipped), or
/// of their weighted mean with `weights` (a mean over events: sim::summarize_columns). No
/// defined value: infinite relative half-width.
Precision precision_of(const Eigen::VectorXd& values, const Eigen::VectorXd* weights = nullptr);

/// How many replications to have in total after `done`, given the precision they reached: the
/// count the standard error's 1 / sqrt(n) law says is needed, plus 10 %, but at least one more
/// first batch's worth, at most four times `done`, rounded up to a multiple of 100 and never above
/// the cap.
std::size_t next_replication_total(std::size_t done, double relative,
                                   const PrecisionTarget& target);

/// How a precision-targeted run ended.
struct PrecisionReport {
  Precision achieved;
  std::size_t replications = 0;
  std::size_t batches = 0;
  bool reached = false;  ///< false: stopped at max_replications (or interrupted)
};

/// Runs `spec` in batches until `target` is met (options.replications is ignored; the other
/// options apply to every batch). `on_batch` is called after each batch; it may be empty.
model::Projection project_to_precision(
    const model::ScenarioSpec& spec, model::ProjectionOptions options,
    const PrecisionTarget& target, PrecisionReport& report,
    const std::function<void(const PrecisionReport&)>& on_batch = {});

/// "1%" -> 0.01, "0.5%" -> 0.005, "0.02" -> 0.02; nullopt unless strictly between 0 and 1.
std::optional<double> parse_precision(const std::string& text);

}  // namespace teamsim::app
