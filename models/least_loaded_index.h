#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

// The least-loaded member of a group in O(1), kept up to date in O(members at one load): members
// ordered by (load, joining order), so routing a lead does not look through every seller.

namespace teamsim::model {

class LeastLoadedIndex {
 public:
  /// Adds `member`, which joined the group as its `order`-th member, at `load` (>= 0).
  void insert(std::uint64_t order, std::uint32_t member, int load);
  /// Removes the member that joined as `order`, held at `load`.
  void erase(std::uint64_t order, int load);
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  /// The member with the lowest load, the earliest joiner among equals; kNone when empty.
  std::uint32_t front() const { return size_ == 0 ? kNone : by_load_[lowest_].front().member; }

  static constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);

 private:
  struct Entry {
    std::uint64_t order;
    std::uint32_t member;
  };
  /// Members by load, each list sorted by joining order. Loads are small (a role's
  /// max_open_opportunities), so the lists are few and short.
  std::vector<std::vector<Entry>> by_load_;
  std::size_t size_ = 0;
  std::size_t lowest_ = 0;  ///< the lowest load with a member, while size_ > 0
};

}  // namespace teamsim::model
