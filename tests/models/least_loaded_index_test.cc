// LeastLoadedIndex: the member with the lowest load, the earliest joiner among equals, against a
// hand-worked sequence and against a brute-force search under random changes.
#include "models/least_loaded_index.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace teamsim::model {
namespace {

TEST(LeastLoadedIndexTest, LowestLoadFirstThenEarliestJoiner) {
  LeastLoadedIndex index;
  EXPECT_TRUE(index.empty());
  EXPECT_EQ(index.front(), LeastLoadedIndex::kNone);
  // Members 10, 11, 12 joined in that order, at loads 2, 1, 1: 11 (load 1, joined before 12).
  index.insert(0, 10, 2);
  index.insert(2, 12, 1);
  index.insert(1, 11, 1);
  EXPECT_EQ(index.size(), 3u);
  EXPECT_EQ(index.front(), 11u);
  // 11 takes a deal (load 2): 12 is alone at load 1.
  index.change_load(1, 2);
  EXPECT_EQ(index.front(), 12u);
  // 12 takes a deal: all at 2, the earliest joiner (10) first.
  index.change_load(2, 2);
  EXPECT_EQ(index.front(), 10u);
  // 12 closes two deals (load 0).
  index.change_load(2, 0);
  EXPECT_EQ(index.front(), 12u);
  // 10 closes two as well: 10 and 12 at 0, 10 joined first.
  index.change_load(0, 0);
  EXPECT_EQ(index.front(), 10u);
  index.erase(2, 0);
  index.erase(0, 0);
  index.erase(1, 2);
  EXPECT_TRUE(index.empty());
}

TEST(LeastLoadedIndexTest, AgreesWithABruteForceSearchUnderRandomChanges) {
  LeastLoadedIndex index;
  std::map<std::uint64_t, std::pair<std::uint32_t, int>> members;  // order -> (member, load)
  std::mt19937_64 rng(42);
  std::uint64_t next_order = 0;
  int checked = 0;
  for (int step = 0; step < 20'000; ++step) {
    const auto action = rng() % 4;
    if (action == 0 || members.empty()) {
      const auto member = static_cast<std::uint32_t>(rng() % 1000);
      const int load = static_cast<int>(rng() % 6);
      index.insert(next_order, member, load);
      members[next_order++] = {member, load};
    } else {
      auto it = members.begin();
      std::advance(it, static_cast<long>(rng() % members.size()));
      if (action == 1) {
        index.erase(it->first, it->second.second);
        members.erase(it);
      } else {  // a deal opened or closed: one more or one fewer
        int& load = it->second.second;
        load = std::max(0, load + (action == 2 ? 1 : -1));
        index.change_load(it->first, load);
      }
    }
    std::uint32_t expected = LeastLoadedIndex::kNone;
    int lowest = 0;
    for (const auto& [order, member_load] : members) {  // by joining order
      if (expected == LeastLoadedIndex::kNone || member_load.second < lowest) {
        expected = member_load.first;
        lowest = member_load.second;
      }
    }
    ASSERT_EQ(index.front(), expected) << "after step " << step;
    ASSERT_EQ(index.size(), members.size());
    checked += members.empty() ? 0 : 1;
  }
  EXPECT_GT(checked, 19'000);
}

}  // namespace
}  // namespace teamsim::model
