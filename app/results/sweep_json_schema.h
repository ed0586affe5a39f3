#pragma once

#include <nlohmann/json.hpp>

// The schema of sweep.json. Its writer is `teamsim sweep` (SweepOutputs in
// app/cli/commands/command_sweep.cc), which writes it a point at a time as the points run; the
// schema sits here, below the CLI, with those of the other result files.

namespace teamsim::app {

/// sweep.json's schema_version: raised whenever sweep_json_schema() changes other than in its
/// descriptions, so that two files with the same schema_version validate against the same
/// schema. SweepJsonSchemaTest pins the schema's fingerprint with it (docs/output-folders.md).
inline constexpr int kSweepSchemaVersion = 2;

/// The JSON Schema (draft-07) of sweep.json (`teamsim schema --sweep`): closed wherever the
/// writer is, null for an undefined statistic; each point's values by parameter (a number, 15%
/// as 0.15, or the text given) and per metric its month-by-month statistics.
nlohmann::ordered_json sweep_json_schema();

}  // namespace teamsim::app
