#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "models/scenario_spec.h"
#include "sim/distribution.h"

// The resolved scenario (every default filled in) as JSON, for summary.json and the run header,
// and a short hash that identifies it.

namespace teamsim::app {

/// A distribution as {"dist": NAME, "params": {...}}, with the parameters it is sampled from
/// (e.g. lognormal's mu and sigma); infinite truncation bounds are left out.
nlohmann::ordered_json distribution_to_json(const sim::Distribution& distribution);

/// The resolved scenario with the YAML's key names, in a fixed key order.
nlohmann::ordered_json scenario_to_json(const model::ScenarioSpec& spec);

/// The JSON Schema (draft-07) of what scenario_to_json writes, at its top level: each key with its
/// type, those always written required (start_date and replication_inputs are written only when
/// the scenario has them), no other key; replication_inputs' items in full. Deeper objects are
/// only typed: their keys are the scenario's (`teamsim schema`).
nlohmann::ordered_json scenario_json_schema();

/// scenario_to_json with the replications and seed a run used in place of the scenario's own
/// (`-n`, `--seed`, `--precision`): what reproduces that run's numbers.
nlohmann::ordered_json scenario_as_run_json(const model::ScenarioSpec& spec,
                                            std::size_t replications, std::uint64_t seed);

/// The 64-bit FNV-1a hash of `bytes`.
std::uint64_t fnv1a_64(std::string_view bytes);

/// 16 lowercase hex digits: FNV-1a 64 of scenario_to_json(spec).dump().
std::string scenario_hash(const model::ScenarioSpec& spec);

}  // namespace teamsim::app
