#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "app/analysis/run_summary.h"
#include "models/scenario_spec.h"
#include "sim/histogram.h"

// A run's summary as files: summary.csv and summary.json (read back by
// app/results/summary_reader.h).

namespace teamsim::app {

/// The statistics fields of a CSV row, in order: "mean,se,p5,p10,p25,p50,p75,p90,p95,defined".
std::string statistics_csv_header();

/// Column `column` of `stats` as the fields statistics_csv_header names; a statistic that is
/// undefined (NaN: no replication had a value) is an empty field, as pandas and R read NA.
std::string statistics_csv_fields(const sim::ColumnSummary& stats, Eigen::Index column);

/// Tidy CSV: one row per (metric, month) with scenario, month, metric, unit, then
/// statistics_csv_header's fields (mean, se, p5..p95, defined).
std::string summary_csv(const RunSummary& summary);

/// Wide CSV for spreadsheets: a row per metric and statistic (p10, p50, p90, mean, in that order,
/// then "defined" for a metric that can be undefined) with columns metric, unit, statistic,
/// M1..Mn (a column per month), each number rounded to what a person reads (see
/// round_for_people); an undefined statistic is an empty field.
std::string summary_wide_csv(const RunSummary& summary);

/// `value` rounded for reading: to a whole number from 100 up (in magnitude), otherwise to 3
/// significant digits (12.345 -> 12.3, 0.012345 -> 0.0123); -0 becomes 0, NaN and infinity stay.
double round_for_people(double value);

/// The name of a bin rule in summary.json: "freedman-diaconis", "sturges", "single-value".
std::string_view bin_rule_name(sim::BinRule rule);

/// Counts of replications (a summary's `defined`) as whole numbers, as JSON writes them: 1000, not
/// 1000.0.
std::vector<std::int64_t> whole_counts(const Eigen::VectorXd& counts);

/// summary.json's schema_version: raised whenever summary_json_schema() changes other than in its
/// descriptions (a field added, removed, retyped or given a new meaning), so that two files with
/// the same schema_version validate against the same schema. SummaryWriterTest pins the schema's
/// fingerprint with it (docs/output-folders.md).
inline constexpr int kSummarySchemaVersion = 2;

/// JSON with schema_version, tool and version, seed, replications, scenario hash, the resolved
/// scenario, per metric its unit, kind, description and month-by-month statistics, and the
/// histograms (metric, month, rule, first_edge, bin_width, counts, missing, last_bin_closed).
std::string summary_json(const RunSummary& summary, const model::ScenarioSpec& spec);

/// The JSON Schema (draft-07) of what summary_json writes: every field, its type, which are
/// optional, null for an undefined statistic; closed (additionalProperties false) wherever the
/// writer is, so a misspelt field fails. resolved_scenario's top level is scenario_json_schema().
nlohmann::ordered_json summary_json_schema();

}  // namespace teamsim::app
