#pragma once

#include <cstdint>
#include <deque>
#include <functional>

namespace teamsim::sim {

/// Slots and a first-come-first-served queue of waiting ids (simmer's Resource, SimPy's
/// BaseResource). Whenever a slot may have become free — a request, a release, a change of
/// capacity — the queue serves itself: it takes waiting ids from the front while fewer slots are
/// held than there are, holds one slot for each and calls the serve callback with the id, so no
/// caller re-serves by hand. The capacity may drop below the slots held: nobody is served until
/// enough are released.
class CapacityQueue {
 public:
  /// An entity waiting for or holding a slot (a requisition, a person, an opportunity).
  using Id = std::uint32_t;
  /// Called once for each id served, in queue order, after its slot is held.
  using Serve = std::function<void(Id)>;

  /// A queue of `capacity` slots calling `serve` for each id it serves.
  explicit CapacityQueue(std::int64_t capacity = 0, Serve serve = {});

  /// Replaces the serve callback (ids are only served while one is set).
  void set_serve(Serve serve) { serve_ = std::move(serve); }
  /// Queues `id` behind those waiting, then serves.
  void request(Id id);
  /// Frees one held slot (one must be held), then serves.
  void release();
  /// Sets the number of slots (>= 0), then serves.
  void set_capacity(std::int64_t capacity);
  /// Adds `delta` slots (the result must stay >= 0), then serves.
  void add_capacity(std::int64_t delta) { set_capacity(capacity_ + delta); }
  /// Removes `id` from the waiting ids (a trainee who leaves while queued); false if it was not
  /// waiting. Slots already held are released with release().
  bool cancel(Id id);
  /// Removes every waiting id without serving it, and calls `f` with each in queue order (for
  /// work that goes on without the resource).
  template <class F>
  void withdraw_all(F&& f) {
    while (!waiting_.empty()) {
      const Id id = waiting_.front();
      waiting_.pop_front();
      f(id);
    }
  }

  /// Slots there are.
  std::int64_t capacity() const { return capacity_; }
  /// Slots held.
  std::int64_t in_use() const { return in_use_; }
  /// Ids waiting for a slot.
  std::size_t waiting() const { return waiting_.size(); }

 private:
  void serve();

  std::int64_t capacity_ = 0;
  std::int64_t in_use_ = 0;
  std::deque<Id> waiting_;
  Serve serve_;
  bool serving_ = false;  ///< a serve callback is running: its own requests join the loop
};

}  // namespace teamsim::sim
