#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace teamsim::sim {

/// Simulation time in days since the start of the run.
using Time = double;

/// Orders events that fall at the same time: lower runs first. Models give the values names
/// (e.g. departures before hires before deal closes before the month-end snapshot).
using Priority = std::int32_t;

/// A handle to a scheduled event, for cancellation. Stays safe to use after the event has run
/// or been cancelled: cancelling it then does nothing.
struct EventId {
  std::uint32_t slot = UINT32_MAX;
  std::uint32_t generation = 0;
  bool valid() const { return slot != UINT32_MAX; }
};

/// What happens, to what: the model gives `kind` its meaning and `subject` names the entity
/// (a person, an opportunity, ...). Plain data, so scheduling never allocates per event.
struct Event {
  Time time = 0;
  Priority priority = 0;
  std::uint64_t sequence = 0;  ///< order of scheduling: first-scheduled-first among equal keys
  std::uint32_t kind = 0;
  std::uint32_t subject = 0;
};

/// Pending events ordered by (time, priority, sequence): a deterministic total order that never
/// depends on pointers or hash iteration.
///
/// Built for day-granular simulation time (docs/performance.md): a wheel of buckets, one per
/// tick (half a day) for the next kTicks ticks, each an unordered list. Scheduling into
/// a future tick is O(1) and touches one bucket. When the wheel reaches a tick, its bucket is
/// sorted once into a run that is then consumed in order; events scheduled for the tick being
/// run meanwhile go to a small heap, and each pop takes the earlier of the two heads. Events
/// beyond the wheel wait in an overflow heap and move into their bucket as the wheel turns. The
/// order of events is exactly that of one heap over (time, priority, sequence), whatever the
/// buckets. Ticks of half a day keep the runs short, and short runs sort with fewer comparisons
/// and mispredictions; finer ticks turned the wheel (advance, load_bucket) once per one or two
/// events, since renewals and arrivals wait in the simulator's lanes, not here (about 4 queued
/// events a day in the reference scenario; docs/performance.md).
///
/// Cancellation is lazy: a cancelled event stays where it is and is skipped when reached; its
/// slot is reused afterwards. Storage grows to the peak number of pending events and is reused:
/// no allocation per event once the queue has warmed up.
class EventQueue {
 public:
  EventQueue();

  /// Adds an event; `time` must be finite.
  EventId push(Time time, Priority priority, std::uint32_t kind, std::uint32_t subject);
  /// Cancels a pending event; returns false if it already ran, was cancelled, or never existed.
  bool cancel(EventId id);
  /// True when no live (uncancelled) event is pending.
  bool empty() const { return live_ == 0; }
  /// Number of live pending events.
  std::size_t size() const { return live_; }
  /// The earliest live event; the queue must not be empty.
  const Event& top();
  /// Removes and returns the earliest live event; the queue must not be empty.
  Event pop();
  /// The earliest live event (the queue must not be empty), to be removed by drop_peeked() with
  /// no cancel in between and no push of an event at its time or earlier: top() and pop() with
  /// one settling of the queue instead of two. A later event pushed meanwhile goes to a later
  /// tick's bucket or behind it in today's heap, so the peeked event stays where peek() found it.
  const Event& peek();
  /// Removes the event peek() returned.
  void drop_peeked();
  /// Takes the next sequence number for an event kept outside the queue (a Simulator lane), so
  /// that it orders against queued events as if it had been pushed now.
  std::uint64_t take_sequence() { return next_sequence_++; }
  /// Drops every pending event and resets the sequence counter.
  void clear();

 private:
  /// An Event with its slot packed into the padding: 32 bytes, two to a cache line.
  struct Entry {
    Time time;
    Priority priority;
    std::uint32_t slot;
    std::uint64_t sequence;
    std::uint32_t kind;
    std::uint32_t subject;
  };
  static constexpr double kTicksPerDay = 2;
  /// Ticks the wheel spans: a power of two, 8,192 days (22 years), so overflow is rare (a
  /// tenure drawn years ahead); 64 KiB of bucket heads.
  static constexpr std::int64_t kTicks = 16384;
  static constexpr std::uint32_t kNoSlot = UINT32_MAX;

  /// A 4-ary min-heap of entries by (time, priority, sequence) whose sifts move a hole.
  class Heap {
   public:
    bool empty() const { return entries_.empty(); }
    const Entry& front() const { return entries_.front(); }
    void push(const Entry& entry);
    void pop();
    void clear() { entries_.clear(); }
    const std::vector<Entry>& entries() const { return entries_; }

   private:
    std::vector<Entry> entries_;
  };

  static bool later(const Entry& a, const Entry& b);
  /// Where the earliest live event is: the head of today's sorted run, or today's heap.
  bool earliest_in_run() const;
  /// The tick `time` falls in, clamped so that far-future times share one tick.
  static std::int64_t tick_of(Time time);
  inline void file(const Entry& entry);  // forced inline, in event_queue.cc
  void link_into_bucket(const Entry& entry, std::int64_t tick);
  /// Drops cancelled events at the heads of today's run and heap, turning the wheel until one
  /// of them holds a live event (the queue must hold one).
  inline void settle();  // forced inline, in event_queue.cc
  /// Moves the wheel to the next tick holding events and sorts that tick's bucket into the run.
  void advance();
  void load_bucket(std::int64_t tick);
  bool cancelled(std::uint32_t slot) const { return (slot_state_[slot] & 1u) != 0; }
  void release_slot(std::uint32_t slot);

  std::vector<Entry> today_run_;  ///< the current tick's bucket, sorted; consumed from run_next_
  std::size_t run_next_ = 0;
  Heap today_;     ///< events scheduled for ticks <= current_tick_ after its bucket was sorted
  Heap overflow_;  ///< events of ticks >= current_tick_ + kTicks
  std::int64_t current_tick_ = 0;
  std::array<std::uint32_t, kTicks> bucket_head_;         ///< first slot of each tick's list
  std::array<std::uint64_t, kTicks / 64> bucket_used_{};  ///< one bit per non-empty bucket
  std::size_t in_buckets_ = 0;
  /// Per slot: the entry while it waits in a bucket and the next slot of that bucket's list.
  std::vector<Entry> bucket_entry_;
  std::vector<std::uint32_t> bucket_next_;
  /// Per slot: generation << 1 | cancelled bit.
  std::vector<std::uint32_t> slot_state_;
  std::vector<std::uint32_t> free_slots_;
  std::uint64_t next_sequence_ = 0;
  std::size_t live_ = 0;
  Event top_;                   ///< what top() or peek() last returned
  bool peeked_in_run_ = false;  ///< where peek() found it: today's run, or today's heap
};

}  // namespace teamsim::sim
