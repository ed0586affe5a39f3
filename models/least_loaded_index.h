#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

// The least-loaded member of a group in O(1), kept up to date in O(log members): a binary heap of
// members keyed by (load, joining order), so routing a lead does not look through every seller,
// and a seller's deal opening or closing costs the same in a territory of 10 sellers or 100.

namespace teamsim::model {

class LeastLoadedIndex {
 public:
  /// Adds `member`, which joined the group as its `order`-th member (below 2^32), at `load`
  /// (>= 0).
  void insert(std::uint64_t order, std::uint32_t member, int load);
  /// Removes the member that joined as `order`, held at `load`.
  void erase(std::uint64_t order, int load);
  /// The member that joined as `order` now holds `load` (>= 0): one sift where an erase and an
  /// insert took two (a deal opened or closed).
  void change_load(std::uint64_t order, int load);
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  /// The member with the lowest load, the earliest joiner among equals; kNone when empty.
  std::uint32_t front() const { return heap_.empty() ? kNone : heap_.front().member; }

  static constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);

 private:
  /// (load, joining order) packed in one integer, the load in the high half: one comparison
  /// orders two entries as the pair would, where comparing the load and then the order took two
  /// (sift_down and sift_up were 1.7 % of a reference replication, docs/performance.md).
  struct Entry {
    std::uint64_t key;
    std::uint32_t member;
  };
  static std::uint64_t key_of(int load, std::uint64_t order) {
    return (static_cast<std::uint64_t>(load) << 32) | order;
  }
  static int load_of(const Entry& entry) { return static_cast<int>(entry.key >> 32); }
  static std::uint64_t order_of(const Entry& entry) { return entry.key & 0xffffffffu; }
  static bool before(const Entry& a, const Entry& b) { return a.key < b.key; }
  /// Puts the entry at `at` where it belongs, moving others up or down (and their positions).
  void sift_up(std::size_t at);
  void sift_down(std::size_t at);
  void place(std::size_t at, const Entry& entry);

  std::vector<Entry> heap_;
  /// Where each joining order's entry is in heap_ (orders are the group's joining count, so
  /// dense); kNowhere for members not in the group.
  std::vector<std::uint32_t> position_;
  static constexpr std::uint32_t kNowhere = static_cast<std::uint32_t>(-1);
};

}  // namespace teamsim::model
