#pragma once

#include <array>
#include <exception>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/event_queue.h"

namespace teamsim::sim {

/// Thrown when an event handler fails: says where in the run it happened ("at day 12.5 (event
/// kind 3)"), with the handler's own exception nested in it, type and message intact
/// (std::rethrow_if_nested, or rethrow_nested below), as SimPy keeps it as `__cause__`.
class SimulationError : public std::runtime_error {
 public:
  SimulationError(Time time, std::uint32_t kind);
  Time time() const { return time_; }
  std::uint32_t kind() const { return kind_; }

 private:
  Time time_;
  std::uint32_t kind_;
};

/// When `error` (typically a SimulationError) has an exception of type E nested in it, throws that
/// one, as it was thrown; otherwise returns.
template <class E>
void rethrow_nested(const std::exception& error) {
  try {
    std::rethrow_if_nested(error);
  } catch (const E&) {
    throw;
  } catch (...) {
    // Another type: the caller keeps `error`.
  }
}

/// The clock and the pending events of one replication. The model passes itself as the handler:
/// any callable `void(const Event&)`; it may schedule and cancel events while handling one.
class Simulator {
 public:
  /// Current simulation time (the time of the event being handled, or of the last one handled).
  Time now() const { return now_; }
  /// Schedules an event `delay` days from now (delay >= 0, finite).
  EventId schedule_in(Time delay, Priority priority, std::uint32_t kind, std::uint32_t subject = 0);
  /// Schedules an event at absolute time `time` (>= now, finite).
  EventId schedule_at(Time time, Priority priority, std::uint32_t kind, std::uint32_t subject = 0);
  /// Cancels a pending event; false if it already ran or was cancelled (never a lane's).
  bool cancel(EventId id) { return queue_.cancel(id); }

  /// A lane: a first-in-first-out list of pending events beside the queue, for events a model
  /// schedules in their own order (e.g. renewals a fixed term apart, each scheduled when the
  /// previous one runs). Its events cost no queue work and run exactly when they would have run
  /// from the queue: each takes the queue's next sequence number when scheduled, and every step
  /// takes the earliest by (time, priority, sequence) of the queue and the lanes' heads.
  using LaneId = std::size_t;
  LaneId add_lane() {
    lanes_.emplace_back();
    return lanes_.size() - 1;
  }
  /// Schedules an event `delay` days from now (delay >= 0, finite) at the back of `lane`; it must
  /// not precede the lane's last event by (time, priority). Lane events cannot be cancelled.
  void schedule_in_lane(LaneId lane, Time delay, Priority priority, std::uint32_t kind,
                        std::uint32_t subject = 0);

  /// Number of pending events.
  std::size_t pending() const { return queue_.size() + in_lanes_; }
  /// Total number of events handled so far.
  std::uint64_t events_handled() const { return events_handled_; }

  /// Events handled so far by kind; kinds from kCountedKinds - 1 up share the last counter.
  /// With pending_sum(), what bench/ needs to feed its bare-loop baseline the same event mix.
  static constexpr std::size_t kCountedKinds = 32;
  const std::array<std::uint64_t, kCountedKinds>& events_by_kind() const { return by_kind_; }
  /// The sum over handled events of the number of events pending when each was taken.
  std::uint64_t pending_sum() const { return pending_sum_; }

  /// Handles the next event; returns false when none is pending.
  template <class Handler>
  bool step(Handler&& handler) {
    return step_until(std::numeric_limits<Time>::infinity(), handler);
  }

  /// Handles the next event if its time is <= `until`; returns false, handling nothing, when
  /// none is pending that early.
  template <class Handler>
  bool step_until(Time until, Handler&& handler) {
    Event event;
    if (!take_next(until, event)) return false;
    now_ = event.time;
    ++events_handled_;
    ++by_kind_[event.kind < kCountedKinds ? event.kind : kCountedKinds - 1];
    try {
      handler(event);
    } catch (const SimulationError&) {
      throw;
    } catch (...) {
      std::throw_with_nested(SimulationError(event.time, event.kind));
    }
    return true;
  }

  /// Handles every event with time <= `until`, then sets the clock to `until`.
  template <class Handler>
  void run_until(Time until, Handler&& handler) {
    while (step_until(until, handler)) {
    }
    if (until > now_) now_ = until;
  }

  /// Events handled between two calls of the `stop` callable of run_until: rare enough to cost
  /// nothing measurable, often enough (a few milliseconds of work) for Ctrl-C to feel immediate.
  static constexpr std::uint64_t kStopCheckInterval = 4096;

  /// run_until that asks `stop()` every kStopCheckInterval events and gives up when it returns
  /// true: returns false then, with the clock at the last event handled.
  template <class Handler, class Stop>
  bool run_until(Time until, Handler&& handler, Stop&& stop) {
    while (step_until(until, handler)) {
      if (events_handled_ % kStopCheckInterval == 0 && stop()) return false;
    }
    if (until > now_) now_ = until;
    return true;
  }

 private:
  /// A lane's events in order; those before `next` have run.
  struct Lane {
    std::vector<Event> events;
    std::size_t next = 0;
  };
  /// Removes the earliest pending event into `event` if its time is <= `until`.
  bool take_next(Time until, Event& event);

  EventQueue queue_;
  std::vector<Lane> lanes_;
  std::size_t in_lanes_ = 0;  ///< pending events in the lanes
  Time now_ = 0;
  std::uint64_t events_handled_ = 0;
  std::uint64_t pending_sum_ = 0;
  std::array<std::uint64_t, kCountedKinds> by_kind_{};
};

}  // namespace teamsim::sim
