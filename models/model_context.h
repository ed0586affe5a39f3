#pragma once

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "models/events.h"
#include "models/input_probe.h"
#include "models/ledger.h"
#include "models/limits.h"
#include "models/month_tally.h"
#include "models/scenario_spec.h"
#include "sim/distribution.h"
#include "sim/random_streams.h"
#include "sim/simulator.h"

// What every component of a replication shares: the scenario, the clock and event queue, the
// random streams (with the probe that pins and records uncertain inputs), the ledger, the month's
// tally and the limits. Components hold a reference to it; none holds another's state.

namespace teamsim::model {

class ModelContext {
 public:
  ModelContext(const ScenarioSpec& spec, sim::Simulator& simulator, std::uint64_t seed,
               std::uint64_t replication, const InputProbe* probe, const ReplicationLimits& limits);
  ModelContext(const ModelContext&) = delete;
  ModelContext& operator=(const ModelContext&) = delete;

  const ScenarioSpec& spec;
  sim::Simulator& simulator;
  const ReplicationLimits limits;
  Ledger ledger;
  MonthTally month;
  /// Steps of searches through sellers and opportunities so far (ReplicationLimits::work).
  std::uint64_t work = 0;
  /// Months whose month end has been recorded: month months_closed + 1 is under way.
  int months_closed = 0;
  /// Priority of the event being handled (same-instant order, see priority::).
  sim::Priority current_priority = 0;
  /// What each uncertain input drew so far (empty unless the probe records).
  InputDrawTotals input_draws;
  /// Set by Replication::run: true once the user asked to stop (Ctrl-C). Work done outside the
  /// event loop (the warm start) polls it through stop_requested_now.
  const std::atomic<bool>* stop_requested = nullptr;

  bool stop_requested_now() const {
    return stop_requested != nullptr && stop_requested->load(std::memory_order_relaxed);
  }

  double now() const { return simulator.now(); }
  /// 0-based month of the horizon containing now.
  int current_month() const { return month_at(simulator.now()); }
  /// The month (0-based, within the horizon) containing `time`.
  int month_at(double time) const {
    return std::min(spec.horizon_months - 1, static_cast<int>(std::floor(time / kDaysPerMonth)));
  }
  /// Calendar month (0 = January) containing now, for seasonality.
  std::size_t calendar_month() const { return calendar_month_at(simulator.now()); }
  /// Calendar month (0 = January) containing `time` (every inbound arrival asks).
  std::size_t calendar_month_at(double time) const {
    return static_cast<std::size_t>((spec.seasonality.start_month_of_year - 1 + month_at(time)) %
                                    12);
  }

  sim::EventId schedule_in(double delay, sim::Priority priority, EventKind kind,
                           std::uint32_t subject = 0) {
    return simulator.schedule_in(delay, priority, kind_of(kind), subject);
  }
  sim::EventId schedule_at(double time, sim::Priority priority, EventKind kind,
                           std::uint32_t subject = 0) {
    return simulator.schedule_at(time, priority, kind_of(kind), subject);
  }

  sim::Rng stream(Stream stream) const;
  sim::Rng substream(Stream stream, std::uint64_t index) const {
    return sim::make_keyed_substream(replication_key_, static_cast<sim::StreamId>(stream), index);
  }
  /// What substream(stream, index) computes of the stream alone, for a source seeding an engine
  /// per lead: substream_of(stream_key(stream), index) is substream(stream, index).
  std::uint64_t stream_key(Stream stream) const {
    return sim::stream_key(replication_key_, static_cast<sim::StreamId>(stream));
  }
  static sim::Rng substream_of(std::uint64_t stream_key, std::uint64_t index) {
    return sim::make_stream_substream(stream_key, index);
  }
  /// One draw of the uncertain input `input` (a Distribution field of spec): every sample of a
  /// scenario's distributions goes through here, so sensitivity analysis can pin and record it.
  /// Inline, as is draw_nonnegative: each deal draws four inputs through them, and the two calls
  /// around each sample were 0.6 % of a reference replication (docs/performance.md).
  double draw(const sim::Distribution& input, sim::Rng& rng) {
    const double drawn = input.sample(rng);
    return probe_ == nullptr ? drawn : probe_->observe(input, drawn, input_draws);
  }
  /// draw(), never below zero (validated at load; clamped for safety against a user-specified
  /// empirical list with a negative entry slipping through).
  double draw_nonnegative(const sim::Distribution& input, sim::Rng& rng) {
    return std::max(0.0, draw(input, rng));
  }
  /// The value every draw() of `input` returns without using the engine: a constant's, when no
  /// probe may pin or record it; nullopt otherwise.
  std::optional<double> fixed_value(const sim::Distribution& input) const;

  std::size_t role_index(const std::string& name) const;
  /// kUnassigned for an empty or unknown name.
  std::size_t territory_index(const std::string& name) const;
  /// 0 (the default source) for an empty name.
  std::size_t source_index(const std::string& name) const;

  /// Throws LimitExceeded saying the replication passed a limit (events, requisitions,
  /// customers or work), when it did it and what to change.
  [[noreturn]] void fail_limit(const std::string& what, std::uint64_t limit,
                               const std::string& advice) const;

 private:
  std::uint64_t seed_;
  std::uint64_t replication_;
  std::uint64_t replication_key_;  ///< sim::replication_key(seed_, replication_)
  const InputProbe* probe_;
};

/// 1234567 as "1,234,567", for limit messages.
std::string grouped(std::uint64_t n);

}  // namespace teamsim::model
