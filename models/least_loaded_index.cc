#include "models/least_loaded_index.h"

#include <algorithm>
#include <cassert>

namespace teamsim::model {
namespace {

constexpr auto by_order = [](const auto& entry, std::uint64_t order) {
  return entry.order < order;
};

}  // namespace

void LeastLoadedIndex::insert(std::uint64_t order, std::uint32_t member, int load) {
  assert(load >= 0);
  const auto level = static_cast<std::size_t>(load);
  if (level >= by_load_.size()) by_load_.resize(level + 1);
  std::vector<Entry>& entries = by_load_[level];
  entries.insert(std::lower_bound(entries.begin(), entries.end(), order, by_order),
                 Entry{order, member});
  lowest_ = size_ == 0 ? level : std::min(lowest_, level);
  ++size_;
}

void LeastLoadedIndex::erase(std::uint64_t order, int load) {
  const auto level = static_cast<std::size_t>(load);
  assert(level < by_load_.size());
  std::vector<Entry>& entries = by_load_[level];
  const auto found = std::lower_bound(entries.begin(), entries.end(), order, by_order);
  assert(found != entries.end() && found->order == order);
  entries.erase(found);
  if (--size_ == 0) return;
  while (by_load_[lowest_].empty()) ++lowest_;
}

}  // namespace teamsim::model
