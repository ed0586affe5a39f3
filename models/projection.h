#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>

#include "models/input_probe.h"
#include "models/metrics.h"
#include "models/scenario_spec.h"
#include "sim/replication_runner.h"
#include "sim/statistics.h"

namespace teamsim::model {

/// How to run a Monte Carlo projection.
struct ProjectionOptions {
  std::size_t replications = 1000;
  std::uint64_t seed = 1;
  unsigned threads = 0;  ///< 0: every hardware thread
  /// Called from worker threads with the number of replications finished; may be empty.
  std::function<void(std::size_t done)> on_progress;
  /// When set and it becomes true, the run stops early (outcome kStopped).
  const std::atomic<bool>* stop_requested = nullptr;
  /// Pin or record the scenario's uncertain inputs (sensitivity analysis); unset: no probe.
  std::optional<InputProbeOptions> inputs;
};

/// The samples of every metric for every replication and month, and how the run went.
struct Projection {
  MetricLayout layout;
  sim::SampleStore samples;  ///< metric m: replications x months
  std::uint64_t events = 0;  ///< events handled, summed over replications
  sim::RunOutcome outcome = sim::RunOutcome::kCompleted;
  /// Replications x uncertain inputs (list_uncertain_inputs order): each replication's mean of
  /// the values each input gave, NaN when it drew none. Empty unless options.inputs->record.
  Eigen::MatrixXd input_means;
};

/// Runs `options.replications` independent histories of `spec` (validated) on a thread pool.
/// Replication r uses streams seeded from (seed, r), so results do not depend on the thread count.
Projection project(const ScenarioSpec& spec, const ProjectionOptions& options);

}  // namespace teamsim::model
