#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/analysis/plan_comparison.h"

// A comparison of plans as files and tables: compare.csv, compare.json and the terminal table.

namespace teamsim::app {

/// Tidy CSV: one row per (metric, month, plan or pair): row_kind ("plan" or "difference"),
/// plan_a, plan_b (empty for plan rows), metric, unit, month, mean, se, p5..p95, p_a_greater
/// (empty for plan rows).
std::string comparison_csv(const PlanComparison& comparison,
                           const std::vector<MetricComparison>& metrics);

/// compare.json's schema_version: raised whenever comparison_json_schema() changes other than in
/// its descriptions, so that two files with the same schema_version validate against the same
/// schema. ComparisonFilesTest pins the schema's fingerprint with it (docs/output-folders.md).
inline constexpr int kCompareSchemaVersion = 1;

/// JSON: schema_version, tool, version, seed(s), replications, plans (label, scenario hash,
/// resolved scenario) and per metric each plan's and each pair's month-by-month statistics.
std::string comparison_json(const PlanComparison& comparison,
                            const std::vector<MetricComparison>& metrics,
                            const std::vector<ComparedPlan>& plans);

/// The JSON Schema (draft-07) of what comparison_json writes (`teamsim schema --compare`): closed
/// wherever the writer is, null for an undefined statistic; each plan's scenario is
/// scenario_json_schema().
nlohmann::ordered_json comparison_json_schema();

/// The key-metric comparison as text cells: a header row ("metric", "month", "A p50", ...,
/// "A-B mean (95% CI)", "A-B p10..p90", "P(A>B)", "P(A=B)", ...), then a row per key metric and
/// key month. Columns 2.. come in groups: the plans' medians, then four per pair.
std::vector<std::vector<std::string>> comparison_rows(const PlanComparison& comparison,
                                                      const std::vector<MetricComparison>& metrics);

/// Cells per pair in comparison_rows: mean (95% CI), p10..p90, P(A>X), P(A=X).
inline constexpr std::size_t kComparisonPairColumns = 4;

/// Terminal table of the key metrics at months 12/24/36: each plan's median, and for each plan
/// against the first, the mean difference with its 95 % interval, p10..p90, P(A > B) and
/// P(A = B). Wider than `max_columns` (0: no limit), it is cut into blocks stacked one under
/// the other, each repeating metric and month and keeping a pair's columns together.
std::string comparison_table(const PlanComparison& comparison,
                             const std::vector<MetricComparison>& metrics,
                             std::size_t max_columns = 0);

}  // namespace teamsim::app
