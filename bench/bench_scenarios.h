#pragma once

#include <string>

#include "models/scenario_spec.h"

// The scenarios the benchmarks run: shipped files from scenarios/, and the reference scenario
// stretched in time or scaled in size for the scaling runs.

namespace teamsim::bench {

/// Loads scenarios/<file_name> (throws if it does not load).
model::ScenarioSpec load_scenario(const std::string& file_name);

/// `spec` with every count that sets the size of the organisation and of its market — people
/// at the start, hires, rule counts and caps, inbound leads, addressable accounts, initial
/// customers — multiplied by `factor` (counts rounded, at least 1).
model::ScenarioSpec scaled(model::ScenarioSpec spec, double factor);

}  // namespace teamsim::bench
