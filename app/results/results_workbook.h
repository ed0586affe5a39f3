#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/analysis/run_summary.h"

// OUT/results.xlsx: a run's results as a workbook for people who work in spreadsheets.

namespace teamsim::app {

/// Writes the workbook `path`: a sheet per key metric the run kept (kKeyMetricRows order, named
/// by the metric) with a row per month and columns month, mean, p5..p95 at full precision; a
/// sheet "assumptions" with the resolved scenario as key path / value rows (`resolved`, from
/// scenario_to_json); a sheet "about" with the scenario, seed, replications and version.
/// Written to a temporary file beside `path` and renamed, so a failure leaves no partial
/// workbook. Throws Error when it cannot be written.
void write_results_workbook(const std::string& path, const RunSummary& summary,
                            const nlohmann::ordered_json& resolved);

}  // namespace teamsim::app
