#pragma once

#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/common/calendar_month.h"
#include "app/scenario/assumptions.h"
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
  /// The plan's main assumptions, defaults marked (scenario_assumptions).
  std::vector<Assumption> assumptions = {};
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
  /// The calendar month of month 1 when every plan gives the same start_date; otherwise none,
  /// and months are numbered M1, ... (plans starting on different dates are compared month by
  /// month of their own plans).
  std::optional<CalendarMonth> start_date;
  std::string currency;
  std::vector<model::MetricInfo> metrics;
  /// samples[plan][metric]: replications x horizon_months.
  std::vector<std::vector<Eigen::MatrixXd>> samples;
  /// event_counts[plan][metric]: the events a mean over events averages (weights of its mean
  /// over replications, model::Projection::event_counts); empty for other metrics.
  std::vector<std::vector<Eigen::MatrixXd>> event_counts;
  /// The weights of a plan's metric when it is a mean over events, else nullptr.
  const Eigen::MatrixXd* event_weights(std::size_t plan, std::size_t metric) const;
  sim::RunOutcome outcome = sim::RunOutcome::kCompleted;

  /// Index of the metric with this name, or metrics.size().
  std::size_t find_metric(const std::string& name) const;
  /// How outputs name the months of this comparison.
  MonthNames month_names() const { return MonthNames(start_date); }
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

/// Summarises every metric of a finished comparison, columns on `threads` threads (0: every
/// hardware thread), the same bytes whatever the count.
std::vector<MetricComparison> summarize_comparison(const PlanComparison& comparison,
                                                   unsigned threads = 1);

}  // namespace teamsim::app
