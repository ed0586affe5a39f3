#pragma once

#include <cstdint>
#include <vector>

#include "models/scenario_spec.h"

// Uncertainty about the assumptions themselves: a scenario number given as a distribution with
// `per: replication` is drawn once at the start of each replication and holds all run long. Input
// i of replication r is drawn from its own stream, keyed on (seed, r, a hash of its key path), so
// two plans with the same uncertain key draw the same value in replication r (common random
// numbers), and adding an uncertain key changes no other draw. The scenario of a replication is
// built by the loader's ScenarioRespecifier, as if the drawn values had been written in the file.

namespace teamsim::model {

/// Makes the scenario of one replication from the values drawn for its replication inputs.
class ScenarioRespecifier {
 public:
  virtual ~ScenarioRespecifier() = default;
  /// The scenario with replication input i at values[i] (in the base spec's replication_inputs
  /// order); throws when that scenario is not valid.
  virtual ScenarioSpec respecify(const std::vector<double>& values) const = 0;
};

/// What `input` draws in replication `replication` of a run seeded with `seed`, kept within
/// [min_draw, max_draw].
double draw_replication_input(const ReplicationInput& input, std::uint64_t seed,
                              std::uint64_t replication);

/// Every replication input of `spec` drawn for `replication`, in spec order.
std::vector<double> draw_replication_inputs(const ScenarioSpec& spec, std::uint64_t seed,
                                            std::uint64_t replication);

}  // namespace teamsim::model
