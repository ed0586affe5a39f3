#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/metrics.h"
#include "models/projection.h"
#include "models/scenario_spec.h"
#include "sim/statistics.h"

namespace teamsim::app {

/// One metric's statistics over replications, month by month.
struct MetricSummary {
  model::MetricInfo info;
  sim::ColumnSummary stats;  ///< one entry per month (index 0 = month 1)
};

/// Everything a run reports: what was run, and each metric's summary.
struct RunSummary {
  std::string scenario_name;
  std::string scenario_hash;
  std::uint64_t seed = 0;
  std::size_t replications = 0;
  int horizon_months = 0;
  std::string currency;
  std::uint64_t events = 0;
  std::vector<MetricSummary> metrics;

  /// The metric with this name, or nullptr.
  const MetricSummary* find(const std::string& name) const;
};

/// Reduces the samples of a finished projection to their summaries (in metric order).
RunSummary summarize_run(const model::ScenarioSpec& spec, const model::Projection& projection,
                         std::uint64_t seed);

/// Tidy CSV: one row per (metric, month) with scenario, month, metric, unit, mean, se, p5..p95.
std::string summary_csv(const RunSummary& summary);

/// JSON with schema_version, tool and version, seed, replications, scenario hash, the resolved
/// scenario, and per metric its unit, kind, description and month-by-month statistics.
std::string summary_json(const RunSummary& summary, const model::ScenarioSpec& spec);

}  // namespace teamsim::app
