#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/analysis/metric_choice.h"
#include "app/common/calendar_month.h"
#include "app/scenario/scenario_keys.h"
#include "app/scenario/scenario_resolver.h"
#include "models/projection.h"
#include "models/scenario_spec.h"
#include "sim/replication_runner.h"

// Which input matters most for one metric at one month. The inputs are the scenario's distributions
// drawn per entity, its numbers drawn once per replication (per: replication) and its constants
// (every number whose key has a label in scenario_keys.cc). Two measures, both on common random
// numbers (every run uses the same seed and replication indices):
// - one at a time: each distribution pinned at its own low and high quantile (p10, p90), each
//   constant set to its value minus and plus a range (20 %), while everything else is as in the
//   base run: the data of a tornado chart;
// - global: in the base run, Spearman's rank correlation between what each distribution drew in a
//   replication (the mean of its draws) and the metric in that replication.
// docs/comparing-plans.md says what each measure means and why.

namespace teamsim::app {

/// How far each constant of the scenario is moved: to value × (1 − range) and value × (1 + range).
struct ConstantRanges {
  double all = 0.2;                      ///< every constant without its own
  std::map<std::string, double> by_key;  ///< by key path; 0 holds the constant fixed

  /// The range of the constant at `key_path`.
  double of(const std::string& key_path) const;
};

/// The scenario with the number at `key_path` set to `value`, as `--set key_path=value` would
/// make it; throws ScenarioError when that scenario is not valid.
using Respecify = std::function<model::ScenarioSpec(const std::string& key_path, double value)>;

/// A Respecify that resolves `request` again with one more override KEY.PATH=VALUE (after the
/// request's own); from `text` labelled request.path when given, else from the file. A scenario
/// the value makes invalid throws ScenarioError naming the key, the value and the first problem.
Respecify respecify_with_override(ScenarioRequest request,
                                  std::optional<std::string> text = std::nullopt);

/// Screening (SensitivityOptions::screen_replications): after the first runs, an input goes on to
/// the full replications unless its swing, even at the far end of its interval (± this many
/// standard errors), is below kScreenShare of the near end of the largest swing's interval.
inline constexpr double kScreenStandardErrors = 3;
inline constexpr double kScreenShare = 0.05;

/// The screen an analysis gets when --screen is not given: a tenth of `replications`, at least
/// kLeastAutomaticScreen, for an analysis whose pinned runs would hold at least
/// kLongAnalysisReplications replications (`varying` inputs, two runs of `replications` each);
/// 0 (none) for a shorter analysis, or when the screen would not be at most half the replications.
inline constexpr std::size_t kLongAnalysisReplications = 50'000;
inline constexpr std::size_t kLeastAutomaticScreen = 50;
std::size_t automatic_screen(std::size_t varying, std::size_t replications);

/// How to run a sensitivity analysis.
struct SensitivityOptions {
  std::size_t replications = 1000;  ///< per run (the base run and each pinned run)
  /// 0: every pinned run has `replications`. Otherwise each input's two runs first have this many
  /// (replications 0 .. screen_replications - 1, the first of the full runs'), and only the inputs
  /// that may matter (kScreenShare) go on to `replications`: their results are then exactly
  /// those of an unscreened analysis; the others keep their screening estimate.
  std::size_t screen_replications = 0;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  MetricChoice metric;        ///< the outcome inputs are ranked by
  double low_quantile = 0.1;  ///< where each input is pinned for "low"
  double high_quantile = 0.9;
  ConstantRanges ranges;
  /// Makes the scenario with one constant changed; when empty, only constants written as a
  /// distribution's single number (e.g. `win_rate: 0.25`) vary, by pinning.
  Respecify respecify;
  /// Called with the replications finished over all runs and the total (which may shrink when an
  /// input needs no runs); may be empty.
  std::function<void(std::size_t done, std::size_t total)> on_progress;
  const std::atomic<bool>* stop_requested = nullptr;
};

/// Why an input was not analysed.
enum class InputStatus {
  kAnalysed,
  /// Its low and high values are its value: a constant at 0, a range of 0, or a whole number the
  /// range does not reach once rounded.
  kUnchanged,
  /// The base run never drew it, or the scenario cannot use it (a role or hire source it never
  /// uses, a mechanism it does not switch on): no effect.
  kNotDrawn,
};

/// What kind of input it is, which says how it is varied.
enum class InputKind {
  kDistribution,    ///< drawn per deal, lead or person: pinned at its low and high quantiles
  kPerReplication,  ///< drawn once per replication: pinned at its low and high quantiles
  kConstant,        ///< a single number: moved by ± its range
};

/// The outcome's statistics with one input pinned, or in the base run.
struct OutcomeStats {
  double mean = 0;
  double se = 0;  ///< standard error of the mean over replications
  double p50 = 0;
};

/// One uncertain input's effect on the metric.
struct InputSensitivity {
  std::string key_path;  ///< e.g. "roles.account_executive.ramp_months"
  std::string label;     ///< in the user's words: "Ramp (account_executive)"
  ValueUnit unit = ValueUnit::kNone;
  InputKind kind = InputKind::kDistribution;
  std::string distribution;  ///< its description, e.g. "triangular(3, 4.5, 7)"; constants: "0.25"
  InputStatus status = InputStatus::kAnalysed;
  double base_value = 0;  ///< constants: the scenario's value; NaN for the others
  double range = 0;       ///< constants: the ± fraction moved; NaN for the others
  double low_value = 0;   ///< the input's low quantile, or the constant's low value
  double high_value = 0;  ///< the input's high quantile, or the constant's high value
  /// A probability whose value ± range left [0, 1]: the value shown is clamped to it.
  bool low_clamped = false, high_clamped = false;
  OutcomeStats low;   ///< the metric with the input pinned at low_value
  OutcomeStats high;  ///< the metric with the input pinned at high_value
  double swing = 0;   ///< high.mean - low.mean
  /// Standard error of the swing, from the per-replication differences high - low (paired).
  double swing_se = 0;
  /// Replications of each of its two runs: the analysis's, or the screening's when screening
  /// showed its swing cannot matter (0 for an input not analysed).
  std::size_t replications = 0;
  /// Spearman correlation, over the base run's replications that drew the input, of the mean of
  /// its draws with the metric; NaN with fewer than three such replications.
  double rank_correlation = 0;
  std::size_t correlation_replications = 0;  ///< replications that drew the input
  /// The scenario did not write it (scenario_wrote): its value is teamsim's default, which the
  /// tables mark, since a large swing of a default is a number nobody chose.
  bool is_default = false;
};

/// The whole analysis.
struct SensitivityResult {
  /// The scenario's `name:` (" [variant]" included), which the chart's subtitle names.
  std::string scenario_name;
  MetricChoice metric;
  /// The scenario's start_date, which names the month ("at Aug 2029"), when it gives one.
  std::optional<CalendarMonth> start_date;
  std::size_t replications = 0;
  /// The screening's replications when inputs were screened (fewer than `replications`), else 0.
  std::size_t screen_replications = 0;
  std::uint64_t seed = 0;
  double low_quantile = 0.1, high_quantile = 0.9;
  OutcomeStats base;
  /// Analysed inputs by decreasing |swing| (ties in input order), then the unchanged and
  /// never-drawn ones in input order. Input order: the distributions, the numbers drawn once per
  /// replication, then the constants in the resolved scenario's key order.
  std::vector<InputSensitivity> inputs;
  /// The base run (every metric), for a report; its numbers are those of a plain `run`.
  std::optional<model::Projection> base_run;
  sim::RunOutcome outcome = sim::RunOutcome::kCompleted;
};

/// One input analyse_sensitivity considers, before any run.
struct SensitivityInput {
  std::string key_path;
  InputKind kind = InputKind::kDistribution;
};

/// Every input of `spec` in input order (see SensitivityResult::inputs).
std::vector<SensitivityInput> sensitivity_inputs(const model::ScenarioSpec& spec);

/// The inputs analyse_sensitivity may run (two runs each): those that vary with `options`'s
/// ranges, whether drawn or not.
std::size_t count_varying_inputs(const model::ScenarioSpec& spec,
                                 const SensitivityOptions& options);

/// Runs the base scenario (recording every input's draws), then each input that varies and was
/// drawn (or is a constant in use) at its low and at its high value. `spec` must be valid.
SensitivityResult analyse_sensitivity(const model::ScenarioSpec& spec,
                                      const SensitivityOptions& options);

}  // namespace teamsim::app
