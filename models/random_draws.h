#pragma once

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <vector>

#include "sim/distribution.h"
#include "sim/random_streams.h"

// Small draw helpers shared by the parts of the replication.

namespace teamsim::model {

/// Exponential waiting time with the given rate (events per day); +inf when the rate is 0.
inline double exponential_wait(sim::Rng& rng, double rate_per_day) {
  if (rate_per_day <= 0) return INFINITY;
  return boost::random::exponential_distribution<double>(rate_per_day)(rng);
}

/// True with probability p; draws nothing when p <= 0 or p >= 1. Otherwise what
/// boost::random::bernoulli_distribution<double>(p) gives, the engine's 32 bits against
/// p x (2^32 - 1), without its test for p == 0, which cannot hold here (every renewal draws one).
inline bool bernoulli(sim::Rng& rng, double p) {
  if (p <= 0) return false;
  if (p >= 1) return true;
  static_assert(sim::Rng::min() == 0 && sim::Rng::max() == 0xffffffffu);
  return static_cast<double>(rng()) <= p * 4294967295.0;
}

/// One uniform(0, 1) draw: the engine's 32 bits times 2^-32, the value
/// boost::random::uniform_01<double> gives for this engine, without its loop (which redraws a
/// result of 1, which 32 bits times 2^-32 never are): two instructions of each of the
/// replication's many uniforms (docs/performance.md).
inline double uniform01(sim::Rng& rng) {
  static_assert(sim::Rng::min() == 0 && sim::Rng::max() == 0xffffffffu);
  return static_cast<double>(rng()) * 0x1p-32;
}

/// The index a uniform draw `u` in [0, 1) chooses among weights fixed for a run (non-negative,
/// not all zero): the first whose cumulative weight exceeds u x the total. The running sums are
/// kept, so a pick (one per lead for products, channels and segments) does not add them again.
class WeightedPick {
 public:
  WeightedPick() = default;
  explicit WeightedPick(const std::vector<double>& weights) {
    double cumulative = 0;
    for (const double weight : weights) cumulative_.push_back(cumulative += weight);
  }
  /// The weights of `entries`, read by `weight_of(entry)`.
  template <class T, class WeightOf>
  WeightedPick(const std::vector<T>& entries, WeightOf weight_of) {
    double cumulative = 0;
    for (const T& entry : entries) cumulative_.push_back(cumulative += weight_of(entry));
  }

  bool empty() const { return cumulative_.empty(); }
  std::size_t operator()(double u) const {
    assert(!cumulative_.empty());
    const double target = u * cumulative_.back();
    // The sums do not decrease, so those at or below the target are a prefix, and its length is
    // the first index whose sum exceeds the target. A few weights (products, channels) are
    // counted without a branch: where a loop stops is a coin toss for the branch predictor, and
    // its misses were most of a lead's routing draws' time (perf). Many weights: a binary search.
    // The last sum is never looked at: the index is at most the last one, which is what any
    // target gets that no earlier sum exceeds, whether the last does or not. Looked at, it was
    // one more step and a min per pick, two picks a lead (docs/performance.md).
    const auto last = cumulative_.end() - 1;
    if (cumulative_.size() <= kCounted) {
      std::size_t below = 0;
      for (auto sum = cumulative_.begin(); sum != last; ++sum) below += *sum <= target ? 1 : 0;
      return below;
    }
    return static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), last, target) -
                                    cumulative_.begin());
  }

 private:
  static constexpr std::size_t kCounted = 16;
  std::vector<double> cumulative_;
};

}  // namespace teamsim::model
