#pragma once

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>
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

/// True with probability p; draws nothing when p <= 0 or p >= 1.
inline bool bernoulli(sim::Rng& rng, double p) {
  if (p <= 0) return false;
  if (p >= 1) return true;
  return boost::random::bernoulli_distribution<double>(p)(rng);
}

/// One uniform(0, 1) draw.
inline double uniform01(sim::Rng& rng) { return boost::random::uniform_01<double>()(rng); }

/// The index chosen by a uniform draw `u` in [0, 1) among `entries` weighted by `weight_of(entry)`
/// (non-negative, not all zero): the first whose cumulative weight exceeds u x the total.
template <class T, class WeightOf>
std::size_t pick_weighted(const std::vector<T>& entries, double u, WeightOf weight_of) {
  double total = 0;
  for (const T& entry : entries) total += weight_of(entry);
  double cumulative = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    cumulative += weight_of(entries[i]);
    if (u * total < cumulative) return i;
  }
  return entries.size() - 1;
}

/// The index chosen by a uniform draw `u` in [0, 1) among non-negative weights (not all zero).
inline std::size_t pick_weighted(const std::vector<double>& weights, double u) {
  return pick_weighted(weights, u, [](double weight) { return weight; });
}

}  // namespace teamsim::model
