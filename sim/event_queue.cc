#include "sim/event_queue.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace teamsim::sim {

namespace {

constexpr std::uint32_t kCancelledBit = 1;

Event to_event(Time time, Priority priority, std::uint64_t sequence, std::uint32_t kind,
               std::uint32_t subject) {
  return Event{time, priority, sequence, kind, subject};
}

}  // namespace

bool EventQueue::later(const Entry& a, const Entry& b) {
  if (a.time != b.time) return a.time > b.time;
  if (a.priority != b.priority) return a.priority > b.priority;
  return a.sequence > b.sequence;
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
    if (slot_state_.size() >= UINT32_MAX) {
      throw std::length_error("EventQueue::push: too many pending events");
    }
    slot = static_cast<std::uint32_t>(slot_state_.size());
    slot_state_.push_back(0);
  }
  heap_.emplace_back();
  sift_up(heap_.size() - 1, Entry{time, priority, slot, next_sequence_++, kind, subject});
  ++live_;
  return EventId{slot, slot_state_[slot] >> 1};
}

bool EventQueue::cancel(EventId id) {
  if (!id.valid() || id.slot >= slot_state_.size()) return false;
  std::uint32_t& state = slot_state_[id.slot];
  if (state != id.generation << 1) return false;  // stale generation, or already cancelled
  state |= kCancelledBit;
  --live_;
  return true;
}

const Event& EventQueue::top() {
  assert(!empty());
  drop_cancelled_top();
  const Entry& e = heap_.front();
  top_ = to_event(e.time, e.priority, e.sequence, e.kind, e.subject);
  return top_;
}

Event EventQueue::pop() {
  assert(!empty());
  drop_cancelled_top();
  const Entry e = heap_.front();
  remove_top();
  release_slot(e.slot);
  --live_;
  return to_event(e.time, e.priority, e.sequence, e.kind, e.subject);
}

void EventQueue::clear() {
  for (const Entry& entry : heap_) release_slot(entry.slot);
  heap_.clear();
  next_sequence_ = 0;
  live_ = 0;
}

void EventQueue::drop_cancelled_top() {
  while (!heap_.empty() && (slot_state_[heap_.front().slot] & kCancelledBit) != 0) {
    release_slot(heap_.front().slot);
    remove_top();
  }
}

// A d-ary heap whose sifts move a hole rather than swapping entries.
void EventQueue::sift_up(std::size_t hole, Entry entry) {
  while (hole > 0) {
    const std::size_t parent = (hole - 1) / kArity;
    if (!later(heap_[parent], entry)) break;
    heap_[hole] = heap_[parent];
    hole = parent;
  }
  heap_[hole] = entry;
}

void EventQueue::remove_top() {
  const Entry last = heap_.back();
  heap_.pop_back();
  const std::size_t n = heap_.size();
  if (n == 0) return;
  std::size_t hole = 0;
  for (;;) {
    const std::size_t first_child = hole * kArity + 1;
    if (first_child >= n) break;
    const std::size_t end_child = std::min(first_child + kArity, n);
    std::size_t best = first_child;
    for (std::size_t c = first_child + 1; c < end_child; ++c) {
      if (later(heap_[best], heap_[c])) best = c;
    }
    if (!later(last, heap_[best])) break;
    heap_[hole] = heap_[best];
    hole = best;
  }
  heap_[hole] = last;
}

void EventQueue::release_slot(std::uint32_t slot) {
  // The next generation (cancelled bit cleared) makes every EventId handed out for it stale.
  slot_state_[slot] = ((slot_state_[slot] >> 1) + 1) << 1;
  free_slots_.push_back(slot);
}

}  // namespace teamsim::sim
