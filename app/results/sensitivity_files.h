#pragma once

#include <string>

#include "app/analysis/sensitivity_analysis.h"
#include "models/scenario_spec.h"

// The files `teamsim sensitivity` writes: sensitivity.csv and sensitivity.json (its terminal table
// and tornado chart: app/report/sensitivity_report.h).

namespace teamsim::app {

/// The name of a status in the CSV and JSON: "analysed", "constant" or "not_drawn".
const char* input_status_name(InputStatus status);

/// Tidy CSV, one row per uncertain input in the result's order: rank (empty unless analysed),
/// input, status, distribution, low_value, high_value, metric, unit, month, base_mean, low_mean,
/// high_mean, low_p50, high_p50, swing, swing_se, rank_correlation, correlation_replications.
/// NaN is an empty field.
std::string sensitivity_csv(const SensitivityResult& result);

/// JSON: schema_version, tool, version, scenario file, scenario hash, seed, replications, the
/// metric, quantiles, base statistics and one object per input (NaN as null).
std::string sensitivity_json(const SensitivityResult& result, const model::ScenarioSpec& spec,
                             const std::string& scenario_file);

}  // namespace teamsim::app
