#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/analysis/metric_choice.h"
#include "models/projection.h"
#include "models/scenario_spec.h"
#include "sim/replication_runner.h"

// Which uncertain input matters most for one metric at one month. The inputs are the scenario's
// distributions drawn per entity and its numbers drawn once per replication (per: replication). Two
// measures, both on common random numbers (every run uses the same seed and replication indices):
// - one at a time: each input pinned at its own low and high quantile (p10, p90) while everything
//   else is drawn as in the base run, the data of a tornado chart;
// - global: in the base run, Spearman's rank correlation between what each input drew in a
//   replication (the mean of its draws) and the metric in that replication.
// docs/comparing-plans.md says what each measure means and why.

namespace teamsim::app {

/// How to run a sensitivity analysis.
struct SensitivityOptions {
  std::size_t replications = 1000;  ///< per run (the base run and each pinned run)
  std::uint64_t seed = 1;
  unsigned threads = 0;
  MetricChoice metric;        ///< the outcome inputs are ranked by
  double low_quantile = 0.1;  ///< where each input is pinned for "low"
  double high_quantile = 0.9;
  /// Called with the replications finished over all runs and the total (which may shrink when an
  /// input needs no runs); may be empty.
  std::function<void(std::size_t done, std::size_t total)> on_progress;
  const std::atomic<bool>* stop_requested = nullptr;
};

/// Why an input was not analysed.
enum class InputStatus {
  kAnalysed,
  kConstant,  ///< its distribution is a constant: pinning it changes nothing
  kNotDrawn,  ///< the base run never drew it (e.g. a role nobody is hired into): no effect
};

/// The outcome's statistics with one input pinned, or in the base run.
struct OutcomeStats {
  double mean = 0;
  double se = 0;  ///< standard error of the mean over replications
  double p50 = 0;
};

/// One uncertain input's effect on the metric.
struct InputSensitivity {
  std::string key_path;      ///< e.g. "roles.account_executive.ramp_months"
  std::string distribution;  ///< its description, e.g. "triangular(3, 4.5, 7)"
  InputStatus status = InputStatus::kAnalysed;
  double low_value = 0;   ///< the input's low quantile
  double high_value = 0;  ///< the input's high quantile
  OutcomeStats low;       ///< the metric with the input pinned at low_value
  OutcomeStats high;      ///< the metric with the input pinned at high_value
  double swing = 0;       ///< high.mean - low.mean
  /// Standard error of the swing, from the per-replication differences high - low (paired).
  double swing_se = 0;
  /// Spearman correlation, over the base run's replications that drew the input, of the mean of
  /// its draws with the metric; NaN with fewer than three such replications.
  double rank_correlation = 0;
  std::size_t correlation_replications = 0;  ///< replications that drew the input
};

/// The whole analysis.
struct SensitivityResult {
  MetricChoice metric;
  std::size_t replications = 0;
  std::uint64_t seed = 0;
  double low_quantile = 0.1, high_quantile = 0.9;
  OutcomeStats base;
  /// Analysed inputs by decreasing |swing| (ties in scenario order), then the constant and
  /// never-drawn ones in scenario order.
  std::vector<InputSensitivity> inputs;
  /// The base run (every metric), for a report; its numbers are those of a plain `run`.
  std::optional<model::Projection> base_run;
  sim::RunOutcome outcome = sim::RunOutcome::kCompleted;
};

/// The inputs analyse_sensitivity pins (each not constant): the scenario's per-entity
/// distributions and its numbers drawn once per replication.
std::size_t count_varying_inputs(const model::ScenarioSpec& spec);

/// Runs the base scenario (recording every input's draws), then each non-constant input that
/// was drawn pinned at its low and at its high quantile. `spec` must be valid.
SensitivityResult analyse_sensitivity(const model::ScenarioSpec& spec,
                                      const SensitivityOptions& options);

}  // namespace teamsim::app
