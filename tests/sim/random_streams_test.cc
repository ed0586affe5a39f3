#include "sim/random_streams.h"

#include <gtest/gtest.h>

#include <boost/random/uniform_01.hpp>
#include <cmath>
#include <vector>

namespace teamsim::sim {
namespace {

std::vector<std::uint32_t> draws(Rng rng, int n = 64) {
  std::vector<std::uint32_t> out(static_cast<std::size_t>(n));
  for (auto& x : out) x = rng();
  return out;
}

double uniform_01(Rng& rng) {
  // The distribution models use: Boost.Random's, with a fixed algorithm across platforms.
  return boost::random::uniform_01<double>()(rng);
}

TEST(RandomStreamsTest, SameTripleGivesTheSameSequence) {
  EXPECT_EQ(draws(make_stream(42, 7, 3)), draws(make_stream(42, 7, 3)));
  EXPECT_EQ(draws(make_stream(0, 0, 0)), draws(make_stream(0, 0, 0)));
}

TEST(RandomStreamsTest, DifferentSeedReplicationOrStreamGiveDifferentSequences) {
  const auto base = draws(make_stream(42, 7, 3));
  EXPECT_NE(base, draws(make_stream(43, 7, 3)));
  EXPECT_NE(base, draws(make_stream(42, 8, 3)));
  EXPECT_NE(base, draws(make_stream(42, 7, 4)));
  // Swapping the arguments must not collide either.
  EXPECT_NE(draws(make_stream(1, 2, 0)), draws(make_stream(2, 1, 0)));
  EXPECT_NE(draws(make_stream(0, 1, 2)), draws(make_stream(0, 2, 1)));
}

TEST(RandomStreamsTest, SubstreamsArePureFunctionsOfAllFourKeys) {
  const auto base = draws(make_substream(42, 7, 3, 1000));
  EXPECT_EQ(base, draws(make_substream(42, 7, 3, 1000)));
  EXPECT_NE(base, draws(make_substream(42, 7, 3, 1001)));
  EXPECT_NE(base, draws(make_substream(42, 7, 4, 1000)));
  EXPECT_NE(base, draws(make_substream(42, 8, 3, 1000)));
  EXPECT_NE(base, draws(make_substream(43, 7, 3, 1000)));
  EXPECT_NE(draws(make_substream(42, 7, 3, 0)), draws(make_stream(42, 7, 3)));
}

TEST(RandomStreamsTest, NeighbouringSubstreamsAreUncorrelated) {
  // The first uniform of substreams 0..n-1 should look i.i.d. uniform: mean 1/2 within 5 SE
  // (SE = sqrt(1/12/n)) and lag-1 sample correlation within 5/sqrt(n).
  const int n = 200000;
  std::vector<double> u(n);
  for (int i = 0; i < n; ++i) {
    Rng rng = make_substream(9, 1, 2, static_cast<std::uint64_t>(i));
    u[static_cast<std::size_t>(i)] = uniform_01(rng);
  }
  double mean = 0;
  for (double x : u) mean += x;
  mean /= n;
  EXPECT_NEAR(mean, 0.5, 5 * std::sqrt(1.0 / 12 / n));
  double cov = 0, var = 0;
  for (std::size_t i = 0; i + 1 < u.size(); ++i) cov += (u[i] - mean) * (u[i + 1] - mean);
  for (double x : u) var += (x - mean) * (x - mean);
  EXPECT_NEAR(cov / var, 0.0, 5 / std::sqrt(static_cast<double>(n)));
}

TEST(RandomStreamsTest, NeighbouringStreamsDoNotShareOutputs) {
  // Sequences from neighbouring triples should look unrelated: almost no equal positions.
  for (std::uint64_t rep = 0; rep < 4; ++rep) {
    for (StreamId s = 0; s < 4; ++s) {
      const auto a = draws(make_stream(1, rep, s), 1000);
      const auto b = draws(make_stream(1, rep, s + 1), 1000);
      int equal = 0;
      for (std::size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i] ? 1 : 0;
      EXPECT_LE(equal, 1);
    }
  }
}

TEST(RandomStreamsTest, Mix64IsDeterministicAndSpreadsBits) {
  EXPECT_EQ(mix64(12345), mix64(12345));
  EXPECT_NE(mix64(0), mix64(1));
  const int flipped = __builtin_popcountll(mix64(1000) ^ mix64(1001));
  EXPECT_GT(flipped, 16);
  EXPECT_LT(flipped, 48);
}

TEST(RandomStreamsTest, UniformDrawsHaveMeanOneHalf) {
  Rng rng = make_stream(2024, 0, 0);
  constexpr int kN = 1'000'000;
  double sum = 0;
  for (int i = 0; i < kN; ++i) sum += uniform_01(rng);
  const double mean = sum / kN;
  const double se = std::sqrt(1.0 / 12.0 / kN);
  EXPECT_NEAR(mean, 0.5, 5 * se);
}

TEST(RandomStreamsTest, StreamsOfOneReplicationAreUncorrelated) {
  Rng a = make_stream(2024, 3, 0);
  Rng b = make_stream(2024, 3, 1);
  constexpr int kN = 1'000'000;
  double sum_a = 0, sum_b = 0, sum_aa = 0, sum_bb = 0, sum_ab = 0;
  for (int i = 0; i < kN; ++i) {
    const double x = uniform_01(a);
    const double y = uniform_01(b);
    sum_a += x;
    sum_b += y;
    sum_aa += x * x;
    sum_bb += y * y;
    sum_ab += x * y;
  }
  const double n = kN;
  const double cov = sum_ab / n - (sum_a / n) * (sum_b / n);
  const double var_a = sum_aa / n - (sum_a / n) * (sum_a / n);
  const double var_b = sum_bb / n - (sum_b / n) * (sum_b / n);
  const double correlation = cov / std::sqrt(var_a * var_b);
  EXPECT_NEAR(correlation, 0.0, 5.0 / std::sqrt(n));
}

TEST(RandomStreamsTest, AKeyedSubstreamIsTheSubstream) {
  const std::uint64_t key = replication_key(42, 7);
  EXPECT_EQ(draws(make_keyed_substream(key, 3, 99)), draws(make_substream(42, 7, 3, 99)));
  EXPECT_EQ(draws(make_keyed_substream(key, 0x20001, 0)), draws(make_substream(42, 7, 0x20001, 0)));
  EXPECT_EQ(draws(make_stream_substream(stream_key(key, 3), 99)),
            draws(make_substream(42, 7, 3, 99)));
}

}  // namespace
}  // namespace teamsim::sim
