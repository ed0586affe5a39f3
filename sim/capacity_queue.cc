#include "sim/capacity_queue.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace teamsim::sim {

CapacityQueue::CapacityQueue(std::int64_t capacity, Serve serve) : serve_(std::move(serve)) {
  set_capacity(capacity);
}

void CapacityQueue::request(Id id) {
  waiting_.push_back(id);
  serve();
}

void CapacityQueue::release() {
  if (in_use_ <= 0) throw std::logic_error("CapacityQueue::release: no slot is held");
  --in_use_;
  serve();
}

void CapacityQueue::set_capacity(std::int64_t capacity) {
  if (capacity < 0) {
    throw std::invalid_argument("CapacityQueue::set_capacity: capacity must not be negative, got " +
                                std::to_string(capacity));
  }
  capacity_ = capacity;
  serve();
}

bool CapacityQueue::cancel(Id id) { return std::erase(waiting_, id) > 0; }

void CapacityQueue::serve() {
  // A serve callback that requests or releases again is served by this same loop, in order.
  if (serving_ || !serve_) return;
  serving_ = true;
  struct Reset {
    bool& flag;
    ~Reset() { flag = false; }
  } reset{serving_};
  while (in_use_ < capacity_ && !waiting_.empty()) {
    const Id id = waiting_.front();
    waiting_.pop_front();
    ++in_use_;
    serve_(id);
  }
}

}  // namespace teamsim::sim
