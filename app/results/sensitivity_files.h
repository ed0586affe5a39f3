#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "app/analysis/sensitivity_analysis.h"
#include "models/scenario_spec.h"

// The files `teamsim sensitivity` writes: sensitivity.csv and sensitivity.json, and the JSON read
// back for `teamsim report` (its terminal table and tornado chart:
// app/report/sensitivity_report.h).

namespace teamsim::app {

/// The name of a status in the CSV and JSON: "analysed", "unchanged" or "not_drawn".
const char* input_status_name(InputStatus status);
/// The name of a kind in the CSV and JSON: "distribution", "per_replication" or "constant".
const char* input_kind_name(InputKind kind);

/// One of an input's values in its unit: "$5.6k", "25%", "45 days".
std::string input_value_text(const InputSensitivity& input, double value,
                             const std::string& currency_symbol);

/// How the input was varied, in its unit: "$4.8k .. $30k (p10..p90)", "16 .. 24 (±20%)",
/// "80% .. 100% (±20%, clamped)".
std::string input_range_text(const InputSensitivity& input, const SensitivityResult& result,
                             const std::string& currency_symbol);

/// Tidy CSV, one row per input in the result's order: rank (empty unless analysed), input (the key
/// path), label, kind, status, distribution, base_value and range (constants), low_value,
/// high_value, low_text and high_text (the values in the scenario's units), clamped, metric,
/// unit, month, base_mean, low_mean, high_mean, low_p50, high_p50, swing, swing_se,
/// rank_correlation, correlation_replications, replications, default (true when the scenario did
/// not write the input). NaN is an empty field.
std::string sensitivity_csv(const SensitivityResult& result, const std::string& currency);

/// sensitivity.json's schema_version: raised whenever sensitivity_json_schema() changes other than
/// in its descriptions, so that two files with the same schema_version validate against the same
/// schema. SensitivityFilesTest pins the schema's fingerprint with it (docs/output-folders.md).
inline constexpr int kSensitivitySchemaVersion = 3;

/// JSON: schema_version, tool, version, scenario file, scenario hash, currency, seed,
/// replications, the metric, quantiles, the inputs the chart shows (`chart_inputs`), base
/// statistics and one object per input (NaN as null).
std::string sensitivity_json(const SensitivityResult& result, const model::ScenarioSpec& spec,
                             const std::string& scenario_file, std::size_t chart_inputs);

/// The JSON Schema (draft-07) of what sensitivity_json writes (`teamsim schema --sensitivity`):
/// closed wherever the writer is, null for an undefined statistic, an analysed input's outcomes
/// required; scenario_resolved is scenario_json_schema().
nlohmann::ordered_json sensitivity_json_schema();

/// What `teamsim report` needs from a sensitivity.json: the result (without the base run), the
/// scenario's currency and how many inputs the chart shows.
struct SensitivityDocument {
  SensitivityResult result;
  std::string currency;
  std::size_t chart_inputs = 15;
  std::string scenario_file;  ///< as given on the command line
  std::string scenario_name;  ///< its `name:`
};

/// Reads sensitivity_json's text back; throws Error when it is not one.
SensitivityDocument parse_sensitivity_json(const std::string& text);

/// Reads and parses `path`; throws Error "cannot read PATH" (with parse_sensitivity_json's Error
/// nested when the text is not a sensitivity.json).
SensitivityDocument read_sensitivity_file(const std::string& path);

}  // namespace teamsim::app
