#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "models/input_probe.h"
#include "models/limits.h"
#include "models/metrics.h"
#include "models/scenario_spec.h"
#include "sim/replication_runner.h"
#include "sim/statistics.h"

namespace teamsim::model {

/// How to run a Monte Carlo projection.
struct ProjectionOptions {
  std::size_t replications = 1000;
  /// Index of the first replication run: replications first_replication ..
  /// first_replication + replications - 1 are run, and row i of the samples holds replication
  /// first_replication + i. Splitting a run into chunks this way gives the same rows.
  std::size_t first_replication = 0;
  std::uint64_t seed = 1;
  unsigned threads = 0;  ///< 0: every hardware thread
  /// Called from worker threads with the number of replications finished; may be empty.
  std::function<void(std::size_t done)> on_progress;
  /// When set and it becomes true, the run stops early (outcome kStopped).
  const std::atomic<bool>* stop_requested = nullptr;
  /// Pin or record the scenario's uncertain inputs (sensitivity analysis); unset: no probe.
  std::optional<InputProbeOptions> inputs;
  /// The metrics to keep samples of, as columns of MetricLayout(spec) in the order wanted;
  /// empty: every metric. Replications still compute every metric; only what is kept shrinks.
  std::vector<std::size_t> metrics;
  /// What one replication may grow to before the run stops with an error.
  ReplicationLimits limits;
};

/// The samples of the kept metrics for every replication and month, and how the run went.
struct Projection {
  MetricLayout layout;              ///< every metric a replication computes
  std::vector<std::size_t> stored;  ///< stored[i]: the layout column samples.metric(i) holds
  sim::SampleStore samples;         ///< kept metric i: replications x months
  /// event_counts[i]: for a kept mean over events (MetricInfo::event_columns), replications x
  /// months of the events it averages, to weight its mean over replications; empty otherwise.
  std::vector<Eigen::MatrixXd> event_counts;
  std::uint64_t events = 0;  ///< events handled, summed over replications
  sim::RunOutcome outcome = sim::RunOutcome::kCompleted;
  /// Replications x uncertain inputs (list_uncertain_inputs order, then the spec's
  /// replication_inputs): each replication's mean of the values each input gave (a replication
  /// input's level), NaN when it drew none. Empty unless options.inputs->record.
  Eigen::MatrixXd input_means;

  /// What the kept metric i is.
  const MetricInfo& stored_info(std::size_t i) const { return layout.info(stored[i]); }
  /// The event counts weighting kept metric i, or nullptr when it is not a mean over events.
  const Eigen::MatrixXd* event_weights(std::size_t i) const {
    return event_counts[i].size() > 0 ? &event_counts[i] : nullptr;
  }
  /// The i of samples.metric(i) holding the metric named `name`; stored.size() when it was not
  /// kept (or does not exist).
  std::size_t kept_index(const std::string& name) const;
  /// The samples of the metric named `name`, or nullptr when it was not kept (or does not exist).
  const Eigen::MatrixXd* find(const std::string& name) const;
};

/// The memory a projection allocates before its first replication runs, for exact percentiles:
/// a replications x months matrix of doubles per kept metric, and an event count per replication.
struct SampleMemory {
  std::size_t replications = 0;
  std::size_t months = 0;
  std::size_t metrics = 0;  ///< kept metrics
  double bytes = 0;         ///< 8 x replications x (months x (metrics + means over events) + 1)
};

/// What project(spec, options) will allocate up front (see SampleMemory), computed without
/// allocating it, so that a run too large for the machine can be refused before it starts.
SampleMemory sample_memory(const ScenarioSpec& spec, const ProjectionOptions& options);

/// The events every replication of a scenario is sure to handle, in expectation, known before
/// it runs: what a scenario's rates commit it to whatever its team does.
struct EventEstimate {
  /// Inbound lead arrivals: each territory's rate at its peak seasonal month (arrivals are
  /// drawn at the peak and thinned; a thinned one is drawn, not handled as an event, but it is
  /// work all the same) times the horizon.
  double lead_arrivals = 0;
  /// Renewals of the initial customers until they churn or the horizon ends.
  double initial_renewals = 0;
  /// A start and an end per month.
  double months = 0;
  double total() const { return lead_arrivals + initial_renewals + months; }
};

/// The expected events a replication of `spec` cannot avoid (see EventEstimate). Prospecting,
/// deals, customers won and hires add to it; ReplicationLimits::events bounds the whole.
EventEstimate estimate_events(const ScenarioSpec& spec);

/// Runs `options.replications` independent histories of `spec` (validated) on a thread pool.
/// Replication r uses streams seeded from (seed, r), so results do not depend on the thread count
/// nor on how a run is split into batches. With replication inputs, replication r runs on
/// spec.respecifier's scenario for its draws (models/replication_inputs.h); pinned values in
/// options.inputs past the per-entity inputs pin the replication inputs, in order.
/// Throws std::invalid_argument when options.metrics names a column the layout does not have,
/// and LimitExceeded when a replication passes options.limits.
Projection project(const ScenarioSpec& spec, const ProjectionOptions& options);

/// Appends the replications of `more` (a later batch of the same scenario) after those of `into`.
/// Throws std::invalid_argument when the two have different metrics or months.
void append_projection(Projection& into, const Projection& more);

}  // namespace teamsim::model
