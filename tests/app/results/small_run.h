#pragma once

#include <cstddef>
#include <cstdint>

#include "app/analysis/run_summary.h"
#include "models/projection.h"
#include "models/scenario_spec.h"

// Shared by the result-file tests: the summary of a small single-threaded run of a scenario.

namespace teamsim::app {

/// `spec` run `replications` times with `seed` on one thread, summarized.
inline RunSummary small_run(const model::ScenarioSpec& spec, std::size_t replications,
                            std::uint64_t seed) {
  model::ProjectionOptions options;
  options.replications = replications;
  options.seed = seed;
  options.threads = 1;
  return summarize_run(spec, model::project(spec, options), seed);
}

}  // namespace teamsim::app
