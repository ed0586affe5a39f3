#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/analysis/plan_comparison.h"
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

/// Writes a comparison's workbook `path`: a sheet per key metric with each plan's mean, p10, p50
/// and p90 by month ("A p50", ...); "differences", a row per key metric, month and pair (plan a
/// minus plan b, as compare.csv pairs them) with mean, se, p10, p50, p90, P(A>B) and P(A=B); and
/// "assumptions", each key path of the plans' resolved scenarios with one column per plan.
/// Written as write_results_workbook is.
void write_comparison_workbook(const std::string& path, const PlanComparison& comparison,
                               const std::vector<MetricComparison>& metrics,
                               const std::vector<nlohmann::ordered_json>& resolved);

}  // namespace teamsim::app
