#pragma once

#include <string>
#include <string_view>

#include "app/analysis/run_summary.h"
#include "models/scenario_spec.h"
#include "sim/histogram.h"

// A run's summary as files: summary.csv and summary.json (read back by
// app/results/summary_reader.h).

namespace teamsim::app {

/// Tidy CSV: one row per (metric, month) with scenario, month, metric, unit, mean, se, p5..p95.
std::string summary_csv(const RunSummary& summary);

/// Wide CSV for spreadsheets: a row per metric and statistic (p10, p50, p90, mean, in that order)
/// with columns metric, unit, statistic, M1..Mn (a column per month), each number rounded to what
/// a person reads (see round_for_people).
std::string summary_wide_csv(const RunSummary& summary);

/// `value` rounded for reading: to a whole number from 100 up (in magnitude), otherwise to 3
/// significant digits (12.345 -> 12.3, 0.012345 -> 0.0123); -0 becomes 0, NaN and infinity stay.
double round_for_people(double value);

/// The name of a bin rule in summary.json: "freedman-diaconis", "sturges", "single-value".
std::string_view bin_rule_name(sim::BinRule rule);

/// JSON with schema_version, tool and version, seed, replications, scenario hash, the resolved
/// scenario, per metric its unit, kind, description and month-by-month statistics, and the
/// histograms (metric, month, rule, first_edge, bin_width, counts, missing).
std::string summary_json(const RunSummary& summary, const model::ScenarioSpec& spec);

}  // namespace teamsim::app
