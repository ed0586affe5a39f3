// WeightedPick: the first index whose cumulative weight exceeds u x the total, worked by hand.
// uniform01 and bernoulli: the very values of Boost's uniform_01 and bernoulli_distribution,
// which they replace.
#include "models/random_draws.h"

#include <gtest/gtest.h>

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <cstdint>
#include <vector>

namespace teamsim::model {
namespace {

TEST(Uniform01Test, DrawsWhatBoostsUniform01Draws) {
  // The same engine states, the same doubles bit for bit, and the engines left alike.
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    sim::Rng ours(seed, 2 * seed + 1);
    sim::Rng boosts(seed, 2 * seed + 1);
    boost::random::uniform_01<double> uniform;
    for (int i = 0; i < 50'000; ++i) {
      const double a = uniform01(ours);
      const double b = uniform(boosts);
      ASSERT_EQ(a, b) << "seed " << seed << ", draw " << i;
    }
    EXPECT_TRUE(ours == boosts);
  }
  // The extremes: 0 and the largest value below 1 that 32 bits give.
  EXPECT_EQ(static_cast<double>(0u) * 0x1p-32, 0.0);
  EXPECT_LT(static_cast<double>(0xffffffffu) * 0x1p-32, 1.0);
}

TEST(BernoulliTest, DrawsWhatBoostsBernoulliDraws) {
  for (const double p : {1e-9, 0.001, 0.02, 0.25, 0.5, 0.75, 0.999999}) {
    sim::Rng ours(7, 3);
    sim::Rng boosts(7, 3);
    const boost::random::bernoulli_distribution<double> coin(p);
    for (int i = 0; i < 100'000; ++i) ASSERT_EQ(bernoulli(ours, p), coin(boosts)) << p << ", " << i;
    EXPECT_TRUE(ours == boosts);
  }
  // No draw at all at the ends.
  sim::Rng engine(1, 1);
  const sim::Rng before = engine;
  EXPECT_FALSE(bernoulli(engine, 0.0));
  EXPECT_TRUE(bernoulli(engine, 1.0));
  EXPECT_TRUE(engine == before);
}

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
