#pragma once

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
/// depends on pointers or hash iteration. Cancellation is lazy: a cancelled event stays in the
/// heap but is skipped when it reaches the top, and its slot is reused afterwards.
class EventQueue {
 public:
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
  /// Drops every pending event and resets the sequence counter.
  void clear();

 private:
  /// An Event with the slot packed into its padding: 32 bytes, two to a cache line.
  struct Entry {
    Time time;
    Priority priority;
    std::uint32_t slot;
    std::uint64_t sequence;
    std::uint32_t kind;
    std::uint32_t subject;
  };
  static constexpr std::size_t kArity = 4;
  static bool later(const Entry& a, const Entry& b);
  void sift_up(std::size_t hole, Entry entry);
  void remove_top();
  void drop_cancelled_top();
  void release_slot(std::uint32_t slot);

  std::vector<Entry> heap_;
  /// Per slot: generation << 1 | cancelled bit. One word, so a pop touches one cache line.
  std::vector<std::uint32_t> slot_state_;
  std::vector<std::uint32_t> free_slots_;
  std::uint64_t next_sequence_ = 0;
  std::size_t live_ = 0;
  Event top_;  ///< what top() last returned
};

}  // namespace teamsim::sim
