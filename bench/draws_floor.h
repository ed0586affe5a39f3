#pragma once

#include <cstdint>

#include "models/scenario_spec.h"
#include "sim/simulator.h"

// The floor of issue 16: the random draws one replication makes, alone — the same engines seeded
// per entity, the same Boost and teamsim distributions, the same counts — with no event queue and
// no model. A replication can never be faster than its draws; the ratio of the two says how much
// of a replication is drawing and how much is everything else.

namespace teamsim::bench {

/// How many of each drawing entity a replication made, from its events and its scenario.
struct DrawCounts {
  std::uint64_t inbound_leads = 0;     ///< inbound lead events (arrivals, thinned or not)
  std::uint64_t prospected_leads = 0;  ///< self-sourced lead events
  /// Leads replayed by the warm start: a year of inbound leads and of the starting sellers'
  /// prospecting, at the scenario's mean rates.
  std::uint64_t warm_leads = 0;
  std::uint64_t opportunities = 0;  ///< deals drawn: opportunities closed
  std::uint64_t renewals = 0;       ///< customer renewals (a churn draw, then an expansion draw)
};

/// The counts of the replication of `spec` that `simulator` ran.
DrawCounts draw_counts_of(const model::ScenarioSpec& spec, const sim::Simulator& simulator);

/// Makes the draws `counts` describe, as the model makes them: an engine seeded per lead and per
/// deal (sim::make_substream), a lead's routing uniforms, an arrival's exponential wait, a deal's
/// win rate, win draw, cycle, size, complexity and help from the scenario's distributions, a
/// renewal's churn Bernoulli and expansion. Person-months of prospecting (one engine each, about
/// 3 % of the engines) and people's own draws are left out. Returns a checksum of the draws.
double run_draws_floor(const model::ScenarioSpec& spec, const DrawCounts& counts,
                       std::uint64_t replication);

}  // namespace teamsim::bench
