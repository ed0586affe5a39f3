#pragma once

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <cmath>

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

}  // namespace teamsim::model
