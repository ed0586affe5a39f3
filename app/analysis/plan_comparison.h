#pragma once

#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "models/metrics.h"
#include "models/scenario_spec.h"
#include "sim/paired_statistics.h"
#include "sim/replication_runner.h"
#include "sim/statistics.h"

// Runs several plans on the same replications (common random numbers: the same master seed and
// the same replication indices, so replication r of every plan draws from the same streams) and
// compares them replication by replication.

namespace teamsim::app {

/// One plan of a comparison: a label for reports and its resolved scenario.
struct ComparedPlan {
  std::string label;
  model::ScenarioSpec spec;
};

/// How to run a comparison.
struct CompareOptions {
  std::size_t replications = 1000;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  /// Give plan i its own master seed (seed + i) instead of sharing one: independent streams, the
  /// baseline that shows what common random numbers gain. Off for real comparisons.
  bool independent_streams = false;
  /// Called with the replications finished over all plans; may be empty.
  std::function<void(std::size_t done)> on_progress;
  const std::atomic<bool>* stop_requested = nullptr;
};

/// The samples of every plan for the metrics all plans report, over the shortest horizon.
struct PlanComparison {
  std::vector<std::string> labels;
  std::vector<std::string> scenario_hashes;
  std::vector<std::uint64_t> seeds;  ///< the master seed each plan ran with
  std::size_t replications = 0;
  int horizon_months = 0;
  std::string currency;
  std::vector<model::MetricInfo> metrics;
  /// samples[plan][metric]: replications x horizon_months.
  std::vector<std::vector<Eigen::MatrixXd>> samples;
  sim::RunOutcome outcome = sim::RunOutcome::kCompleted;

  /// Index of the metric with this name, or metrics.size().
  std::size_t find_metric(const std::string& name) const;
};

/// Runs every plan with the same seed and replication indices (see CompareOptions).
PlanComparison compare_plans(const std::vector<ComparedPlan>& plans, const CompareOptions& options);

/// Statistics of one metric: each plan's summary and each pair's paired difference.
struct MetricComparison {
  model::MetricInfo info;
  std::vector<sim::ColumnSummary> plans;  ///< one per plan
  /// One per pair (a, b) with a < b, in order (0,1), (0,2), ..., (1,2), ...: plan a - plan b.
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<sim::PairedSummary> differences;
};

/// Summarises every metric of a finished comparison.
std::vector<MetricComparison> summarize_comparison(const PlanComparison& comparison);

/// Tidy CSV: one row per (metric, month, plan or pair): row_kind ("plan" or "difference"),
/// plan_a, plan_b (empty for plan rows), metric, unit, month, mean, se, p5..p95, p_a_greater
/// (empty for plan rows).
std::string comparison_csv(const PlanComparison& comparison,
                           const std::vector<MetricComparison>& metrics);

/// JSON: schema_version, tool, version, seed(s), replications, plans (label, scenario hash,
/// resolved scenario) and per metric each plan's and each pair's month-by-month statistics.
std::string comparison_json(const PlanComparison& comparison,
                            const std::vector<MetricComparison>& metrics,
                            const std::vector<ComparedPlan>& plans);

/// The key-metric comparison as text cells: a header row ("metric", "month", "A p50", ...,
/// "A-B mean (95% CI)", "A-B p10..p90", "P(A>B)", ...), then a row per key metric and key month.
std::vector<std::vector<std::string>> comparison_rows(const PlanComparison& comparison,
                                                      const std::vector<MetricComparison>& metrics);

/// Terminal table of the key metrics at months 12/24/36: each plan's median, and for each plan
/// against the first, the mean difference with its 95 % interval, p10..p90 and P(A > B).
std::string comparison_table(const PlanComparison& comparison,
                             const std::vector<MetricComparison>& metrics);

}  // namespace teamsim::app
