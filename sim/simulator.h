#pragma once

#include <array>
#include <cmath>
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
  /// Cancels a pending event; false if it already ran or was cancelled (never a lane's: see
  /// clear_lane).
  bool cancel(EventId id) {
    queue_peeked_ = false;
    return queue_.cancel(id);
  }

  /// A lane: a first-in-first-out list of pending events beside the queue, for events a model
  /// schedules in their own order: renewals a fixed term apart, or the arrivals of one source (a
  /// territory's inbound leads, a seller's own), each scheduled when the previous one runs. Its
  /// events cost no queue work and run exactly when they would have run from the queue: each
  /// takes the queue's next sequence number when scheduled, and every step takes the earliest by
  /// (time, priority, sequence) of the queue's head and the lanes' heads. The lanes' heads meet
  /// in a tournament (a winner tree), so a lane per source costs one replay of log2(lanes)
  /// comparisons per event, not a scan.
  using LaneId = std::size_t;
  /// No lane: what a model keeps for a source that has none yet.
  static constexpr LaneId kNoLane = std::numeric_limits<LaneId>::max();
  /// A new lane, or one given back by release_lane.
  LaneId add_lane();
  /// A lane for many pending events taken often (renewals): its head is compared with the
  /// others' at every step instead of meeting them in the tournament, so taking from it replays
  /// nothing. For a few lanes only (every step scans them); never released.
  LaneId add_busy_lane();
  /// Drops the lane's pending events (clear_lane) and gives it back for add_lane to reuse: a
  /// source that stops for good (a seller who leaves) keeps the tournament the size of those
  /// still going.
  void release_lane(LaneId lane);
  /// Schedules an event `delay` days from now (delay >= 0, finite) at the back of `lane`; it must
  /// not precede the lane's last event by (time, priority).
  void schedule_in_lane(LaneId lane, Time delay, Priority priority, std::uint32_t kind,
                        std::uint32_t subject = 0) {
    if (!std::isfinite(delay) || delay < 0) [[unlikely]] {
      reject_lane_delay(delay);
    }
    push_to_lane("Simulator::schedule_in_lane", lane, now_ + delay, priority, kind, subject);
  }
  /// Schedules an event at absolute time `time` (>= now, finite) at the back of `lane`; it must
  /// not precede the lane's last event by (time, priority).
  void schedule_at_in_lane(LaneId lane, Time time, Priority priority, std::uint32_t kind,
                           std::uint32_t subject = 0) {
    if (!std::isfinite(time) || time < now_) [[unlikely]] {
      reject_lane_time(time);
    }
    push_to_lane("Simulator::schedule_at_in_lane", lane, time, priority, kind, subject);
  }
  /// Drops the pending events of `lane` (a source that stops), as cancel() drops a queued event:
  /// they never run. Returns how many were dropped. The lane takes new events afterwards.
  std::size_t clear_lane(LaneId lane);

  /// Number of pending events.
  std::size_t pending() const { return queue_.size() + in_lanes_; }
  /// Total number of events handled so far.
  std::uint64_t events_handled() const { return events_handled_; }

  /// Events handled so far by kind; kinds from kCountedKinds - 1 up share the last counter.
  /// With pending_sum(), what bench/ needs to feed its bare-loop baseline the same event mix.
  static constexpr std::size_t kCountedKinds = 32;
  const std::array<std::uint64_t, kCountedKinds>& events_by_kind() const { return by_kind_; }
  /// Counts `count` events of `kind` as handled though they never were events (a model that
  /// replays them in bulk): in events_handled() and events_by_kind(), as if they had run, and in
  /// bulk_by_kind(), so that bench/ can tell them from the events the loop ordered.
  void count_handled(std::uint32_t kind, std::uint64_t count) {
    events_handled_ += count;
    by_kind_[counter_of(kind)] += count;
    bulk_by_kind_[counter_of(kind)] += count;
  }
  /// Of events_by_kind(), those counted by count_handled: never in the queue or a lane.
  const std::array<std::uint64_t, kCountedKinds>& bulk_by_kind() const { return bulk_by_kind_; }
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
    return step_into(until, handler, event);
  }

  /// Handles every event with time <= `until`, then sets the clock to `until`.
  template <class Handler>
  void run_until(Time until, Handler&& handler) {
    Event event;
    while (step_into(until, handler, event)) {
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
    Event event;
    while (step_into(until, handler, event)) {
      // Not events_handled_ % kStopCheckInterval: count_handled may step over a multiple.
      if (events_handled_ >= next_stop_check_) [[unlikely]] {
        next_stop_check_ = events_handled_ + kStopCheckInterval;
        if (stop()) return false;
      }
    }
    if (until > now_) now_ = until;
    return true;
  }

 private:
  /// step_until into `event`, which take_next overwrites whole. The run loops keep one for the
  /// whole run: an Event declared in each step was zeroed once per event (0.4 % of a reference
  /// replication, docs/performance.md).
  template <class Handler>
  bool step_into(Time until, Handler& handler, Event& event) {
    if (!take_next(until, event)) return false;
    now_ = event.time;
    ++events_handled_;
    ++by_kind_[counter_of(event.kind)];
    try {
      handler(event);
    } catch (const SimulationError&) {
      throw;
    } catch (...) {
      std::throw_with_nested(SimulationError(event.time, event.kind));
    }
    return true;
  }

  static constexpr std::uint32_t kNotBusy = std::numeric_limits<std::uint32_t>::max();
  /// A lane's events in order; those before `next` have run.
  struct Lane {
    std::vector<Event> events;
    std::size_t next = 0;
    /// A busy lane's place in busy_heads_ (met at every step, not in the tournament).
    std::uint32_t busy = kNotBusy;
  };
  /// The key of a lane's first pending event, and the lane (24 bytes). An empty lane's key is
  /// kNoHead's, later than any event.
  struct Head {
    Time time;
    Priority priority;
    std::uint32_t lane;
    std::uint64_t sequence;
  };
  static constexpr Head kNoHead{std::numeric_limits<Time>::infinity(),
                                std::numeric_limits<Priority>::max(), 0,
                                std::numeric_limits<std::uint64_t>::max()};
  static bool earlier(const Head& a, const Head& b) {
    if (a.time != b.time) return a.time < b.time;
    if (a.priority != b.priority) return a.priority < b.priority;
    return a.sequence < b.sequence;
  }
  static Head head_of(const Event& event, std::uint32_t lane) {
    return Head{event.time, event.priority, lane, event.sequence};
  }
  /// The key of the lane's next event; an empty lane's is later than every event's.
  static Head lane_head(const Lane& lane, std::uint32_t id) {
    return lane.next < lane.events.size()
               ? head_of(lane.events[lane.next], id)
               : Head{kNoHead.time, kNoHead.priority, id, kNoHead.sequence};
  }
  /// A lane at the end of lanes_, with a leaf of the tournament.
  LaneId new_lane();
  /// Sets the head of a busy lane (after a step took its first event, or it was cleared) and
  /// finds the earliest of the busy lanes' heads again. Forced inline into take_next, where every
  /// renewal calls it: the call was 0.75 % of a reference replication (docs/performance.md).
  void set_busy_head(const Lane& lane);
  /// Appends an event (its time checked by the caller) to `lane`.
  /// `caller` names the public function in the error for an event before the lane's last.
  /// Inline with the two schedule_*_in_lane, the errors and the rare paths out of line: nearly
  /// every event schedules one (a renewal, a lead's next arrival), and two calls with their saved
  /// registers were a third of the push (docs/performance.md: 2.2 % of a reference replication).
  void push_to_lane(const char* caller, LaneId lane, Time time, Priority priority,
                    std::uint32_t kind, std::uint32_t subject) {
    if (lane >= lane_count_) [[unlikely]] {
      reject_lane(lane);
    }
    Lane& target = lanes_[lane];
    std::vector<Event>& events = target.events;
    if (target.next == events.size()) {
      events.clear();
      target.next = 0;
      const std::uint64_t sequence = queue_.take_sequence();
      events.push_back(Event{time, priority, sequence, kind, subject});
      ++in_lanes_;
      new_head(lane, time, priority, sequence);
      return;
    }
    const Event& last = events.back();
    // Nearly always later than the last (time is finite): one comparison, not the whole order.
    if (!(time > last.time)) [[unlikely]] {
      if (time < last.time || priority < last.priority) reject_before_last(caller);
    }
    if (target.next >= kCompactFrom) [[unlikely]] {
      compact(target);
    }
    events.push_back(Event{time, priority, queue_.take_sequence(), kind, subject});
    ++in_lanes_;
  }
  /// A lane that was empty has a head again, the event just pushed (time, priority, sequence):
  /// the busy lanes' earliest or the tournament learns it. The key is given, not read back from
  /// the lane: every lead arrival comes here, and finding the lane's head again was 0.6 % of a
  /// reference replication (docs/performance.md).
  void new_head(LaneId lane, Time time, Priority priority, std::uint64_t sequence);
  /// Events run from a lane before compact may drop them.
  static constexpr std::size_t kCompactFrom = 4096;
  /// Drops the events that have run when they are three quarters of the lane.
  static void compact(Lane& lane);
  [[noreturn]] static void reject_lane_delay(Time delay);
  [[noreturn]] void reject_lane_time(Time time) const;
  [[noreturn]] void reject_lane(LaneId lane) const;
  [[noreturn]] static void reject_before_last(const char* caller);
  /// Sets the key of `lane` in the tournament and replays its matches up to the root.
  void replay(LaneId lane);
  /// Replays the matches of `lane` up to the root, its key set already.
  inline void play(LaneId lane);  // forced inline, in simulator.cc
  /// Replays the lane whose head a step took, if not done since.
  void replay_taken() {
    if (taken_lane_ != kNoLane) {
      const LaneId lane = taken_lane_;
      taken_lane_ = kNoLane;
      replay(lane);
    }
  }
  /// Doubles the tournament's leaves (at least one) and plays every match again.
  void grow_tournament();
  /// Removes the earliest pending event into `event` if its time is <= `until`. Forced inline
  /// (defined below the class) into the run loops: the call, once per event, was 1 % of a
  /// reference replication (docs/performance.md).
  bool take_next(Time until, Event& event);

  EventQueue queue_;
  /// The queue's earliest event as peeked (while queue_peeked_: until a cancel, the take of it or
  /// a push at its time or earlier): a step that takes a lane's event leaves the queue as it was,
  /// and the next step need not settle it again.
  Event queue_head_;
  bool queue_peeked_ = false;
  /// A push keeps the peek when its event comes strictly later than the peeked one (EventQueue::
  /// peek): a deal opened schedules its close weeks ahead, and peeking again after each such push
  /// was 1.0 % of a reference replication (docs/performance.md).
  void forget_peek_unless_later(Time time) {
    if (!(time > queue_head_.time)) queue_peeked_ = false;
  }
  std::vector<Lane> lanes_;
  /// lanes_.size(), kept for the bound check of every push: the size of a vector of 40-byte
  /// lanes is a subtraction, a shift and a multiplication (0.48 % of a reference replication).
  std::size_t lane_count_ = 0;
  std::vector<LaneId> free_lanes_;  ///< released lanes, for add_lane to reuse
  std::vector<Head> busy_heads_;    ///< the head of each busy lane (kNoHead's key if empty)
  /// busy_heads_.size(), kept for the scan of every renewal taken: the size of a vector of
  /// 24-byte heads is a subtraction, a shift and a multiplication (docs/performance.md).
  std::size_t busy_count_ = 0;
  /// Which of busy_heads_ is the earliest (0 when there are none). An index, not a copy: copying
  /// the head just written into busy_heads_ read it back wider than it was stored, a stall of the
  /// store-to-load forwarding at every renewal (perf: 40 % of set_busy_head).
  std::size_t busy_first_ = 0;
  /// The earliest busy lane's head (kNoHead's key when there are no busy lanes).
  const Head& busy_head() const { return busy_heads_.empty() ? kNoHead : busy_heads_[busy_first_]; }
  /// The tournament, a winner tree over leaves_ (a power of two) leaves: keys_[i] is lane i's
  /// head; node n is a match's winner, its lane tree_lane_[n] and the time of that lane's head
  /// tree_time_[n]; node leaves_ + i is lane i, and node n < leaves_ the one of nodes 2n and
  /// 2n + 1 whose head is earlier; node 1 holds the earliest. The time is kept at the node so that
  /// a replay reads each rival's time from the node beside its path (one load per level, whose
  /// address does not wait on the previous match) instead of through the rival's lane. Two
  /// arrays, not one of 16-byte nodes: an index scaled by 8 or 4 is an x86 address operand, one
  /// scaled by 16 took a shift and an add per access (docs/performance.md).
  std::vector<Head> keys_;
  std::vector<Time> tree_time_;
  std::vector<std::uint32_t> tree_lane_;
  std::size_t leaves_ = 0;
  /// The lane a step took an event from, whose new head waits to be replayed until the next step
  /// (or until the handler schedules into it again: one replay instead of two).
  LaneId taken_lane_ = kNoLane;
  std::size_t in_lanes_ = 0;  ///< pending events in the lanes
  Time now_ = 0;
  std::uint64_t events_handled_ = 0;
  std::uint64_t next_stop_check_ = kStopCheckInterval;  ///< run_until's next call of stop()
  std::uint64_t pending_sum_ = 0;
  std::array<std::uint64_t, kCountedKinds> by_kind_{};
  std::array<std::uint64_t, kCountedKinds> bulk_by_kind_{};
  /// The counter of by_kind_ that counts `kind`.
  static constexpr std::size_t counter_of(std::uint32_t kind) {
    return kind < kCountedKinds ? kind : kCountedKinds - 1;
  }
};

// The step's own work, inline in it (take_next, set_busy_head).

[[gnu::always_inline]] inline void Simulator::set_busy_head(const Lane& lane) {
  Head& head = busy_heads_[lane.busy];
  head = lane_head(lane, head.lane);
  // The earliest by time, chosen by a conditional move (which lane is next is a coin toss);
  // equal times take the whole key.
  std::size_t first = 0;
  for (std::size_t i = 1; i < busy_count_; ++i) {
    const Head& other = busy_heads_[i];
    const Head& best = busy_heads_[first];
    if (other.time == best.time) [[unlikely]] {
      if (earlier(other, best)) first = i;
    } else {
      first = other.time < best.time ? i : first;
    }
  }
  busy_first_ = first;
}

[[gnu::always_inline]] inline bool Simulator::take_next(Time until, Event& event) {
  // The earliest by (time, priority, sequence) of the queue's head and the lanes' heads.
  replay_taken();
  if (!queue_peeked_ && !queue_.empty()) {
    queue_head_ = queue_.peek();
    queue_peeked_ = true;
  }
  if (in_lanes_ > 0) {
    // The earliest lane head: the tournament's winner's, or the busy lanes'.
    const Head& winner = keys_[tree_lane_[1]];
    const Head& busy = busy_head();
    const Head& head = earlier(busy, winner) ? busy : winner;
    if (!queue_peeked_ || earlier(head, head_of(queue_head_, 0))) {
      if (head.time > until) return false;
      pending_sum_ += queue_.size() + in_lanes_;
      const LaneId lane = head.lane;
      Lane& source = lanes_[lane];
      event = source.events[source.next++];
      --in_lanes_;
      if (source.busy != kNotBusy) {
        set_busy_head(source);
      } else {
        taken_lane_ = lane;
      }
      return true;
    }
  }
  if (!queue_peeked_ || queue_head_.time > until) return false;
  pending_sum_ += queue_.size() + in_lanes_;
  event = queue_head_;
  queue_.drop_peeked();
  queue_peeked_ = false;
  return true;
}

}  // namespace teamsim::sim
