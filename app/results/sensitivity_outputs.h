#pragma once

#include <string>

#include "app/analysis/sensitivity_analysis.h"
#include "app/charts/tornado_chart.h"
#include "models/scenario_spec.h"

// What `teamsim sensitivity` writes: sensitivity.csv, sensitivity.json, the terminal table and
// the tornado chart, all from one SensitivityResult.

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

/// The terminal table: a heading with the base outcome, then the analysed inputs (at most
/// `max_rows`, largest swing first) with their p10..p90, the mean outcome at each, the swing with
/// its 95 % interval and the rank correlation; then a line counting the inputs left out.
std::string sensitivity_table(const SensitivityResult& result, const std::string& currency,
                              std::size_t max_rows = 15);

/// The tornado chart of the analysed inputs with the largest swings (at most `max_bars`).
TornadoChartSpec sensitivity_tornado(const SensitivityResult& result, const std::string& currency,
                                     std::size_t max_bars = 15);

}  // namespace teamsim::app
