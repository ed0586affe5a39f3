#pragma once

#include <nlohmann/json.hpp>

// The JSON Schema (draft-07) of the scenario file format, generated from the loader's key table
// (scenario_keys.h), the distribution families (sim/distribution.h) and the default scenario
// (models/defaults.cc), for editors with yaml-language-server: completion, each key's doc and
// default, and unknown keys flagged as the loader flags them.

namespace teamsim::app {

/// The schema, with every value a scenario file may hold (numbers also as the strings the loader
/// reads: 3_000_000, 35%) and each key's `description` and, where it has one, `default`.
nlohmann::ordered_json scenario_schema();

}  // namespace teamsim::app
