#pragma once

#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <span>

#include "models/account_pool.h"
#include "models/customer_base.h"
#include "models/input_probe.h"
#include "models/limits.h"
#include "models/metrics.h"
#include "models/model_context.h"
#include "models/month_end_recorder.h"
#include "models/organisation.h"
#include "models/pipeline.h"
#include "models/scenario_spec.h"
#include "models/segment_mix.h"
#include "sim/simulator.h"

// One replication drives the model's components with one event loop: it owns the simulator and
// the shared context (streams, ledger, tally, limits), hands each event to the component it
// belongs to, closes each month (performance reviews, the customers' month close, the recorder)
// and enforces the limits. The mechanisms live in the components: organisation.h, pipeline.h,
// customer_base.h, account_pool.h; the metrics in month_end_recorder.h.

namespace teamsim::model {

/// One simulated history of the organisation over the horizon. Owns its simulator, random
/// streams and state, so replications run in parallel without sharing anything mutable.
class Replication {
 public:
  /// `spec` must have passed validation and outlive the replication. With a `probe` (built from
  /// this same `spec`), draws of uncertain inputs may be pinned and are recorded. `kept`: the
  /// layout columns the caller reads (empty: all); the others may be left 0. `renewals`: tests
  /// force the renewals' event path (CustomerBase::replays_renewals).
  Replication(const ScenarioSpec& spec, const MetricLayout& layout, std::uint64_t seed,
              std::uint64_t replication, const InputProbe* probe = nullptr,
              const ReplicationLimits& limits = {}, std::span<const std::size_t> kept = {},
              RenewalMode renewals = RenewalMode::kReplayWhenExact);
  /// Its components call back into each other: it stays where it was made.
  Replication(const Replication&) = delete;
  Replication& operator=(const Replication&) = delete;

  /// Runs the whole horizon and returns the results: row m (of horizon_months) holds the metrics
  /// of month m + 1, in the columns of the layout. Call once. When `stop_requested` becomes true
  /// the run gives up within a few thousand events by throwing sim::ReplicationStopped, so Ctrl-C
  /// does not wait for a long replication to end.
  const Eigen::MatrixXd& run(const std::atomic<bool>* stop_requested = nullptr);

  /// Events handled so far.
  std::uint64_t events_handled() const { return simulator_.events_handled(); }
  /// The replication's simulator, for its event statistics (bench/).
  const sim::Simulator& simulator() const { return simulator_; }

  /// What each uncertain input drew so far (empty unless the probe records).
  const InputDrawTotals& input_draws() const { return context_.input_draws; }

  /// Handles one event (the simulator calls this, in run only). Inline, defined and forced into
  /// the run loop in replication.cc: out of line, each event paid a call and its saved registers
  /// (0.6 % of a reference replication, docs/performance.md).
  inline void operator()(const sim::Event& event);

 private:
  void schedule_initial_events();
  /// Month end: the month's renewals replayed (first: everything after reads the customers),
  /// performance reviews, the customers' month close, the record, a new month.
  void end_month();
  /// At the start of `month`: funding rounds arrive and a cost step sets the other costs' rate.
  void apply_money_plan(int month);
  void check_limits() const {
    if (simulator_.events_handled() > context_.limits.events) [[unlikely]] {
      fail_event_limit();
    }
    if (context_.work > context_.limits.work) [[unlikely]] {
      pipeline_.fail_work_limit();
    }
  }
  [[noreturn]] void fail_event_limit() const;

  sim::Simulator simulator_;
  ModelContext context_;
  AccountPool accounts_;
  SegmentMix segments_;
  CustomerBase customers_;
  Organisation organisation_;
  Pipeline pipeline_;
  MonthEndRecorder recorder_;
};

}  // namespace teamsim::model
