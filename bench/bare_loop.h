#pragma once

#include <cstdint>
#include <vector>

#include "sim/simulator.h"

// The baseline of issue 6: the simplest possible event loop — a binary heap
// (std::priority_queue), the pcg32 engine and Boost.Random distributions, no model logic — fed
// the same number and mix of events as one replication of the model. teamsim's events/s over
// this loop's, measured in the same run, says how much the model's bookkeeping costs on top of
// the unavoidable: ordering events and drawing random numbers.

namespace teamsim::bench {

/// What one replication handled: how many events, of which kinds, over how many days, and how
/// many were pending on average when an event was taken. A model may handle some events in bulk,
/// never ordering them through the queue (renewals replayed at month ends): those are `in_bulk`,
/// and the kinds and pending counts are those of the others, the events the loop ordered.
struct EventMix {
  std::uint64_t events = 0;   ///< every event, in bulk or not
  std::uint64_t in_bulk = 0;  ///< of `events`, those handled in bulk
  double horizon_days = 0;
  double mean_pending = 0;         ///< over the events ordered through the queue
  std::vector<double> kind_share;  ///< of the events ordered through the queue, summing to 1
};

/// The mix of the replication that `simulator` ran over `horizon_days`.
EventMix event_mix_of(const sim::Simulator& simulator, double horizon_days);

/// Runs the hold model the mix describes: mean_pending events pending at all times; each event
/// taken draws once from a Boost distribution chosen by its kind (as a handler draws a delay, a
/// probability or a size) and schedules one successor, an exponential delay later, of a kind
/// drawn from the mix, so that the events not in bulk span about `horizon_days`. Each event in
/// bulk is one uniform draw and nothing else (a replayed renewal's draw), so the loop does no
/// queue work the model does not. Returns a checksum of the draws, so that nothing is optimised
/// away.
double run_bare_loop(const EventMix& mix, std::uint64_t seed);

}  // namespace teamsim::bench
