#include "app/analysis/sensitivity_analysis.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/analysis/run_limits.h"
#include "models/projection.h"
#include "models/uncertain_inputs.h"
#include "sim/paired_statistics.h"
#include "sim/statistics.h"

namespace teamsim::app {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

OutcomeStats stats_of(const Eigen::VectorXd& outcome) {
  const sim::ColumnSummary s = sim::summarize_columns(outcome);
  return {s.mean(0), s.se(0), s.percentiles(0, 3)};  // kReportedPercentiles[3] is p50
}

// Spearman's correlation over the replications where the input was drawn (its mean is not NaN).
void correlate(const Eigen::VectorXd& input_means, const Eigen::VectorXd& outcome,
               InputSensitivity& input) {
  std::vector<Eigen::Index> drawn;
  for (Eigen::Index r = 0; r < input_means.size(); ++r) {
    if (!std::isnan(input_means(r)) && !std::isnan(outcome(r))) drawn.push_back(r);
  }
  input.correlation_replications = drawn.size();
  if (drawn.size() < 3) {
    input.rank_correlation = kNaN;
    return;
  }
  Eigen::VectorXd x(static_cast<Eigen::Index>(drawn.size()));
  Eigen::VectorXd y(x.size());
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    x(static_cast<Eigen::Index>(i)) = input_means(drawn[i]);
    y(static_cast<Eigen::Index>(i)) = outcome(drawn[i]);
  }
  input.rank_correlation = sim::spearman_correlation(x, y);
}

// The input as the result lists it: its key path and distribution, and its values at the low and
// high quantiles of the options.
InputSensitivity describe_input(const model::UncertainInput& uncertain,
                                const SensitivityOptions& options) {
  const sim::Distribution& d = *uncertain.distribution;
  InputSensitivity input;
  input.key_path = uncertain.key_path;
  input.distribution = d.describe();
  input.low_value = d.quantile(options.low_quantile);
  input.high_value = d.quantile(options.high_quantile);
  return input;
}

// The outcome with the input pinned low and high, and the swing between them replication by
// replication.
void set_swing(InputSensitivity& input, const Eigen::VectorXd& low, const Eigen::VectorXd& high) {
  input.low = stats_of(low);
  input.high = stats_of(high);
  const sim::ColumnSummary swing = sim::summarize_columns(high - low);
  input.swing = swing.mean(0);
  input.swing_se = swing.se(0);
}

// The analysed inputs by the size of their swing, largest first (ties in input order), then the
// skipped ones in input order.
std::vector<InputSensitivity> ranked(std::vector<InputSensitivity> analysed,
                                     std::vector<InputSensitivity> skipped) {
  std::stable_sort(analysed.begin(), analysed.end(),
                   [](const InputSensitivity& a, const InputSensitivity& b) {
                     return std::abs(a.swing) > std::abs(b.swing);
                   });
  for (InputSensitivity& input : skipped) analysed.push_back(std::move(input));
  return analysed;
}

// The inputs a sensitivity analysis ranks: the per-entity distributions, then the numbers drawn
// once per replication (the projection's input order). A per-entity key written with per:
// replication is a constant in each replication: it is listed once, as the replication input.
struct RankedInputs {
  std::vector<model::UncertainInput> inputs;
  std::vector<bool> listed;
  std::size_t entity_inputs = 0;
};

RankedInputs ranked_inputs(const model::ScenarioSpec& spec) {
  RankedInputs ranked;
  ranked.inputs = model::list_uncertain_inputs(spec);
  ranked.entity_inputs = ranked.inputs.size();
  for (const model::UncertainInput& input : ranked.inputs) {
    ranked.listed.push_back(std::none_of(
        spec.replication_inputs.begin(), spec.replication_inputs.end(),
        [&](const model::ReplicationInput& level) { return level.key_path == input.key_path; }));
  }
  for (const model::ReplicationInput& level : spec.replication_inputs) {
    ranked.inputs.push_back({level.key_path, &level.distribution});
    ranked.listed.push_back(true);
  }
  return ranked;
}

}  // namespace

std::size_t count_varying_inputs(const model::ScenarioSpec& spec) {
  const RankedInputs ranked = ranked_inputs(spec);
  std::size_t varying = 0;
  for (std::size_t i = 0; i < ranked.inputs.size(); ++i) {
    varying += ranked.listed[i] && !ranked.inputs[i].distribution->is_constant();
  }
  return varying;
}

SensitivityResult analyse_sensitivity(const model::ScenarioSpec& spec,
                                      const SensitivityOptions& options) {
  SensitivityResult result;
  result.metric = options.metric;
  result.replications = options.replications;
  result.seed = options.seed;
  result.low_quantile = options.low_quantile;
  result.high_quantile = options.high_quantile;

  const RankedInputs selection = ranked_inputs(spec);
  const std::vector<model::UncertainInput>& inputs = selection.inputs;
  const std::vector<bool>& listed = selection.listed;
  const std::size_t entity_inputs = selection.entity_inputs;
  const std::size_t varying = count_varying_inputs(spec);
  std::size_t total = options.replications * (1 + 2 * varying);
  std::size_t done = 0;

  model::ProjectionOptions run;
  run.replications = options.replications;
  run.seed = options.seed;
  run.threads = options.threads;
  run.stop_requested = options.stop_requested;
  run.on_progress = [&](std::size_t finished) {
    if (options.on_progress) options.on_progress(done + finished, total);
  };
  const auto month = static_cast<Eigen::Index>(options.metric.month - 1);
  auto outcome_of = [&](const model::Projection& p) -> Eigen::VectorXd {
    return p.samples.metric(options.metric.index).col(month);
  };

  run.inputs = model::InputProbeOptions{{}, /*record=*/true};
  result.base_run = model::project(spec, run);
  const model::Projection& base = *result.base_run;
  if (base.outcome == sim::RunOutcome::kStopped) {
    result.outcome = sim::RunOutcome::kStopped;
    return result;
  }
  done += options.replications;
  const Eigen::VectorXd base_outcome = outcome_of(base);
  result.base = stats_of(base_outcome);

  std::vector<InputSensitivity> analysed, skipped;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!listed[i]) continue;
    const sim::Distribution& d = *inputs[i].distribution;
    InputSensitivity input = describe_input(inputs[i], options);
    if (i >= entity_inputs) {
      input.distribution += " per replication";
      const model::ReplicationInput& level = spec.replication_inputs[i - entity_inputs];
      input.low_value = std::clamp(input.low_value, level.min_draw, level.max_draw);
      input.high_value = std::clamp(input.high_value, level.min_draw, level.max_draw);
    }
    const auto column = static_cast<Eigen::Index>(i);
    if (d.is_constant()) {
      input.status = InputStatus::kConstant;
    } else if (base.input_means.col(column).array().isNaN().all()) {
      // Pinning substitutes values at the input's own draws only; with none, every pinned run
      // would repeat the base run exactly, so its swing is 0 without running it.
      input.status = InputStatus::kNotDrawn;
      total -= 2 * options.replications;
    }
    if (input.status != InputStatus::kAnalysed) {
      input.low = input.high = result.base;
      input.rank_correlation = kNaN;
      skipped.push_back(std::move(input));
      continue;
    }
    correlate(base.input_means.col(column), base_outcome, input);
    Eigen::VectorXd pinned_outcome[2];
    for (int side = 0; side < 2; ++side) {
      run.inputs = model::InputProbeOptions{};
      run.inputs->pinned.resize(i + 1);
      run.inputs->pinned[i] = side == 0 ? input.low_value : input.high_value;
      const model::Projection pinned = project_or_name_the_failure(
          fmt::format("the scenario with {} pinned at its {} value {}", input.key_path,
                      side == 0 ? "low" : "high", side == 0 ? input.low_value : input.high_value),
          spec, run);
      if (pinned.outcome == sim::RunOutcome::kStopped) {
        result.outcome = sim::RunOutcome::kStopped;
        return result;
      }
      done += options.replications;
      pinned_outcome[side] = outcome_of(pinned);
    }
    set_swing(input, pinned_outcome[0], pinned_outcome[1]);
    analysed.push_back(std::move(input));
  }
  result.inputs = ranked(std::move(analysed), std::move(skipped));
  return result;
}

}  // namespace teamsim::app
