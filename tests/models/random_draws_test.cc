// WeightedPick: the first index whose cumulative weight exceeds u x the total, worked by hand.
#include "models/random_draws.h"

#include <gtest/gtest.h>

#include <vector>

namespace teamsim::model {
namespace {

TEST(WeightedPickTest, TheFirstIndexWhoseCumulativeWeightExceedsTheDraw) {
  // Weights 3, 2, 1 (total 6): u below 3/6 picks 0, from 3/6 to 5/6 picks 1, from 5/6 picks 2.
  const WeightedPick pick(std::vector<double>{3, 2, 1});
  EXPECT_EQ(pick(0.0), 0u);
  EXPECT_EQ(pick(0.49), 0u);
  EXPECT_EQ(pick(0.5), 1u);  // 0.5 x 6 = 3 is not below 3
  EXPECT_EQ(pick(0.8), 1u);
  EXPECT_EQ(pick(0.84), 2u);
  EXPECT_EQ(pick(0.999), 2u);
}

TEST(WeightedPickTest, AZeroWeightIsNeverPicked) {
  const WeightedPick pick(std::vector<double>{0, 1, 0});
  EXPECT_EQ(pick(0.0), 1u);
  EXPECT_EQ(pick(0.999), 1u);
}

TEST(WeightedPickTest, ReadsTheWeightsOfEntries) {
  struct Entry {
    double share;
  };
  const std::vector<Entry> entries = {{1}, {1}, {2}};
  const WeightedPick pick(entries, [](const Entry& entry) { return entry.share; });
  EXPECT_EQ(pick(0.2), 0u);
  EXPECT_EQ(pick(0.3), 1u);
  EXPECT_EQ(pick(0.5), 2u);
  EXPECT_FALSE(pick.empty());
  EXPECT_TRUE(WeightedPick(std::vector<double>{}).empty());
}

}  // namespace
}  // namespace teamsim::model
