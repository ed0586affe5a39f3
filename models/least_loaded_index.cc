#include "models/least_loaded_index.h"

#include <cassert>
#include <stdexcept>

namespace teamsim::model {

void LeastLoadedIndex::insert(std::uint64_t order, std::uint32_t member, int load) {
  assert(load >= 0);
  // The order is the key's low half (a group would need 2^32 joiners to pass it).
  if (order > 0xffffffffu) throw std::length_error("LeastLoadedIndex: joining order past 2^32");
  if (order >= position_.size()) position_.resize(order + 1, kNowhere);
  assert(position_[order] == kNowhere);
  heap_.push_back(Entry{key_of(load, order), member});
  position_[order] = static_cast<std::uint32_t>(heap_.size() - 1);
  sift_up(heap_.size() - 1);
}

void LeastLoadedIndex::erase(std::uint64_t order, [[maybe_unused]] int load) {
  assert(order < position_.size() && position_[order] != kNowhere);
  const std::size_t at = position_[order];
  assert(load_of(heap_[at]) == load);
  position_[order] = kNowhere;
  const Entry last = heap_.back();
  heap_.pop_back();
  if (at == heap_.size()) return;
  // The last entry fills the hole, and moves up or down from there.
  place(at, last);
  if (at > 0 && before(heap_[at], heap_[(at - 1) / 2])) {
    sift_up(at);
  } else {
    sift_down(at);
  }
}

void LeastLoadedIndex::change_load(std::uint64_t order, int load) {
  assert(load >= 0);
  assert(order < position_.size() && position_[order] != kNowhere);
  const std::size_t at = position_[order];
  // Same order: the key is lower exactly when the load is.
  const std::uint64_t key = key_of(load, order);
  const bool lighter = key < heap_[at].key;
  heap_[at].key = key;
  if (lighter) {
    sift_up(at);
  } else {
    sift_down(at);
  }
}

void LeastLoadedIndex::place(std::size_t at, const Entry& entry) {
  heap_[at] = entry;
  position_[order_of(entry)] = static_cast<std::uint32_t>(at);
}

void LeastLoadedIndex::sift_up(std::size_t at) {
  const Entry moving = heap_[at];
  while (at > 0) {
    const std::size_t parent = (at - 1) / 2;
    if (!before(moving, heap_[parent])) break;
    place(at, heap_[parent]);
    at = parent;
  }
  place(at, moving);
}

void LeastLoadedIndex::sift_down(std::size_t at) {
  const Entry moving = heap_[at];
  const std::size_t size = heap_.size();
  for (;;) {
    std::size_t child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && before(heap_[child + 1], heap_[child])) ++child;
    if (!before(heap_[child], moving)) break;
    place(at, heap_[child]);
    at = child;
  }
  place(at, moving);
}

}  // namespace teamsim::model
