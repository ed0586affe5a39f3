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

TEST(WeightedPickTest, ManyWeightsPickAsFewDo) {
  // Twenty equal weights (searched, not counted): u picks floor(20 u); a zero weight among them
  // is skipped, as with few.
  const WeightedPick equal(std::vector<double>(20, 1.0));
  EXPECT_EQ(equal(0.0), 0u);
  EXPECT_EQ(equal(0.049), 0u);
  EXPECT_EQ(equal(0.05), 1u);  // 0.05 x 20 = 1 is not below 1
  EXPECT_EQ(equal(0.51), 10u);
  EXPECT_EQ(equal(0.999), 19u);
  // Seventeen weights, the eleventh 0 (total 16, so the targets below are exact in binary): the
  // sums are 10 at indices 9 and 10, so a target of 10 (u = 0.625) goes to index 11, and 9.5
  // (u = 0.59375) to index 9.
  std::vector<double> weights(17, 1.0);
  weights[10] = 0;
  const WeightedPick gap(weights);
  EXPECT_EQ(gap(0.625), 11u);
  EXPECT_EQ(gap(0.59375), 9u);
}

}  // namespace
}  // namespace teamsim::model
