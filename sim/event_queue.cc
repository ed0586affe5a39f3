#include "sim/event_queue.h"

#include <algorithm>
#include <bit>
#include <boost/sort/pdqsort/pdqsort.hpp>
#include <cassert>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace teamsim::sim {

namespace {

constexpr std::uint32_t kCancelledBit = 1;
constexpr std::size_t kArity = 4;
/// Times this far out (about 10^13 years) all share one tick of the wheel; the heaps still
/// order them exactly by time.
constexpr double kFarDay = 4.5e15;

}  // namespace

EventQueue::EventQueue() { bucket_head_.fill(kNoSlot); }

bool EventQueue::later(const Entry& a, const Entry& b) {
  if (a.time != b.time) return a.time > b.time;
  if (a.priority != b.priority) return a.priority > b.priority;
  return a.sequence > b.sequence;
}

std::int64_t EventQueue::tick_of(Time time) {
  return static_cast<std::int64_t>(std::floor(kTicksPerDay * std::clamp(time, -kFarDay, kFarDay)));
}

// file and settle are forced inline (file into push and advance, settle into peek, top and pop):
// each queued event passes through push and peek, and the two calls were 0.35 % of a reference
// replication (docs/performance.md).
[[gnu::always_inline]] inline void EventQueue::file(const Entry& entry) {
  const std::int64_t tick = tick_of(entry.time);
  if (tick <= current_tick_) {
    today_.push(entry);
  } else if (tick - current_tick_ < kTicks) {
    link_into_bucket(entry, tick);
  } else {
    overflow_.push(entry);
  }
}

EventId EventQueue::push(Time time, Priority priority, std::uint32_t kind, std::uint32_t subject) {
  if (!std::isfinite(time)) {
    std::ostringstream message;
    message << "EventQueue::push: event time must be finite, got " << time;
    throw std::invalid_argument(message.str());
  }
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    if (slot_state_.size() >= kNoSlot) {
      throw std::length_error("EventQueue::push: too many pending events");
    }
    slot = static_cast<std::uint32_t>(slot_state_.size());
    slot_state_.push_back(0);
    bucket_entry_.emplace_back();
    bucket_next_.push_back(kNoSlot);
  }
  file(Entry{time, priority, slot, next_sequence_++, kind, subject});
  ++live_;
  return EventId{slot, slot_state_[slot] >> 1};
}

void EventQueue::link_into_bucket(const Entry& entry, std::int64_t tick) {
  const auto bucket = static_cast<std::size_t>(tick & (kTicks - 1));
  bucket_entry_[entry.slot] = entry;
  bucket_next_[entry.slot] = bucket_head_[bucket];
  bucket_head_[bucket] = entry.slot;
  bucket_used_[bucket / 64] |= std::uint64_t{1} << (bucket % 64);
  ++in_buckets_;
}

bool EventQueue::cancel(EventId id) {
  if (!id.valid() || id.slot >= slot_state_.size()) return false;
  std::uint32_t& state = slot_state_[id.slot];
  if (state != id.generation << 1) return false;  // stale generation, or already cancelled
  state |= kCancelledBit;
  --live_;
  return true;
}

bool EventQueue::earliest_in_run() const {
  if (run_next_ == today_run_.size()) return false;
  return today_.empty() || later(today_.front(), today_run_[run_next_]);
}

[[gnu::always_inline]] inline void EventQueue::settle() {
  for (;;) {
    while (run_next_ < today_run_.size() && cancelled(today_run_[run_next_].slot)) {
      release_slot(today_run_[run_next_++].slot);
    }
    while (!today_.empty() && cancelled(today_.front().slot)) {
      release_slot(today_.front().slot);
      today_.pop();
    }
    if (run_next_ < today_run_.size() || !today_.empty()) return;
    advance();
  }
}

const Event& EventQueue::top() {
  assert(!empty());
  settle();
  const Entry& e = earliest_in_run() ? today_run_[run_next_] : today_.front();
  top_ = Event{e.time, e.priority, e.sequence, e.kind, e.subject};
  return top_;
}

Event EventQueue::pop() {
  assert(!empty());
  settle();
  Entry e;
  if (earliest_in_run()) {
    e = today_run_[run_next_++];
  } else {
    e = today_.front();
    today_.pop();
  }
  release_slot(e.slot);
  --live_;
  return Event{e.time, e.priority, e.sequence, e.kind, e.subject};
}

const Event& EventQueue::peek() {
  assert(!empty());
  settle();
  peeked_in_run_ = earliest_in_run();
  const Entry& e = peeked_in_run_ ? today_run_[run_next_] : today_.front();
  top_ = Event{e.time, e.priority, e.sequence, e.kind, e.subject};
  return top_;
}

void EventQueue::drop_peeked() {
  std::uint32_t slot;
  if (peeked_in_run_) {
    slot = today_run_[run_next_++].slot;
  } else {
    slot = today_.front().slot;
    today_.pop();
  }
  release_slot(slot);
  --live_;
}

void EventQueue::advance() {
  std::int64_t next_tick;
  if (in_buckets_ > 0) {
    // The first used bucket after today's, in wheel order: one bit scan per 64 days.
    const auto start = static_cast<std::size_t>((current_tick_ + 1) & (kTicks - 1));
    std::size_t offset = 0;
    for (;;) {
      const std::size_t bucket = (start + offset) & (kTicks - 1);
      const std::uint64_t bits = bucket_used_[bucket / 64] >> (bucket % 64);
      if (bits != 0) {
        offset += static_cast<std::size_t>(std::countr_zero(bits));
        break;
      }
      offset += 64 - bucket % 64;
    }
    next_tick = current_tick_ + 1 + static_cast<std::int64_t>(offset);
  } else {
    // Buckets empty: the earliest pending tick is the overflow's (always beyond the wheel).
    assert(!overflow_.empty());
    next_tick = tick_of(overflow_.front().time);
  }
  current_tick_ = next_tick;
  // Overflow events the turned wheel now spans go to their buckets (or to today).
  while (!overflow_.empty() && tick_of(overflow_.front().time) - current_tick_ < kTicks) {
    const Entry entry = overflow_.front();
    overflow_.pop();
    if (cancelled(entry.slot)) {
      release_slot(entry.slot);
    } else {
      file(entry);
    }
  }
  load_bucket(current_tick_);
}

void EventQueue::load_bucket(std::int64_t tick) {
  const auto bucket = static_cast<std::size_t>(tick & (kTicks - 1));
  std::uint32_t slot = bucket_head_[bucket];
  bucket_head_[bucket] = kNoSlot;
  bucket_used_[bucket / 64] &= ~(std::uint64_t{1} << (bucket % 64));
  // advance() runs only once today's run is used up, so the run can be refilled in place.
  assert(run_next_ == today_run_.size());
  today_run_.clear();
  run_next_ = 0;
  while (slot != kNoSlot) {
    const std::uint32_t next = bucket_next_[slot];
    --in_buckets_;
    if (cancelled(slot)) {
      release_slot(slot);
    } else {
      today_run_.push_back(bucket_entry_[slot]);
    }
    slot = next;
  }
  // One sort of the tick beats a heap push and pop per event: fewer comparisons, in sequence.
  // pdqsort's branchless partitioning mispredicts less than std::sort on these short runs.
  boost::sort::pdqsort_branchless(today_run_.begin(), today_run_.end(),
                                  [](const Entry& a, const Entry& b) { return later(b, a); });
}

void EventQueue::clear() {
  for (std::size_t i = run_next_; i < today_run_.size(); ++i) release_slot(today_run_[i].slot);
  today_run_.clear();
  run_next_ = 0;
  for (const Entry& entry : today_.entries()) release_slot(entry.slot);
  for (const Entry& entry : overflow_.entries()) release_slot(entry.slot);
  for (std::uint32_t& head : bucket_head_) {
    for (std::uint32_t slot = head; slot != kNoSlot; slot = bucket_next_[slot]) release_slot(slot);
    head = kNoSlot;
  }
  bucket_used_.fill(0);
  in_buckets_ = 0;
  today_.clear();
  overflow_.clear();
  current_tick_ = 0;
  next_sequence_ = 0;
  live_ = 0;
}

void EventQueue::release_slot(std::uint32_t slot) {
  // The next generation (cancelled bit cleared) makes every EventId handed out for it stale.
  slot_state_[slot] = ((slot_state_[slot] >> 1) + 1) << 1;
  free_slots_.push_back(slot);
}

void EventQueue::Heap::push(const Entry& entry) {
  entries_.emplace_back();
  std::size_t hole = entries_.size() - 1;
  while (hole > 0) {
    const std::size_t parent = (hole - 1) / kArity;
    if (!later(entries_[parent], entry)) break;
    entries_[hole] = entries_[parent];
    hole = parent;
  }
  entries_[hole] = entry;
}

void EventQueue::Heap::pop() {
  const Entry last = entries_.back();
  entries_.pop_back();
  const std::size_t n = entries_.size();
  if (n == 0) return;
  std::size_t hole = 0;
  for (;;) {
    const std::size_t first_child = hole * kArity + 1;
    if (first_child >= n) break;
    const std::size_t end_child = std::min(first_child + kArity, n);
    std::size_t best = first_child;
    for (std::size_t c = first_child + 1; c < end_child; ++c) {
      if (later(entries_[best], entries_[c])) best = c;
    }
    if (!later(last, entries_[best])) break;
    entries_[hole] = entries_[best];
    hole = best;
  }
  entries_[hole] = last;
}

}  // namespace teamsim::sim
