#include "models/replication_inputs.h"

#include <algorithm>

#include "models/events.h"
#include "sim/random_streams.h"

namespace teamsim::model {

double draw_replication_input(const ReplicationInput& input, std::uint64_t seed,
                              std::uint64_t replication) {
  sim::Rng rng =
      sim::make_substream(seed, replication, static_cast<sim::StreamId>(Stream::kReplicationInput),
                          sim::stable_hash(input.key_path));
  return std::clamp(input.distribution.sample(rng), input.min_draw, input.max_draw);
}

std::vector<double> draw_replication_inputs(const ScenarioSpec& spec, std::uint64_t seed,
                                            std::uint64_t replication) {
  std::vector<double> values;
  values.reserve(spec.replication_inputs.size());
  for (const ReplicationInput& input : spec.replication_inputs) {
    values.push_back(draw_replication_input(input, seed, replication));
  }
  return values;
}

}  // namespace teamsim::model
