#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/metrics.h"
#include "models/projection.h"
#include "models/scenario_spec.h"
#include "sim/histogram.h"
#include "sim/statistics.h"

namespace teamsim::app {

/// One metric's statistics over replications, month by month.
struct MetricSummary {
  model::MetricInfo info;
  sim::ColumnSummary stats;  ///< one entry per month (index 0 = month 1)
};

/// A histogram of one metric at one month, over the replications.
struct HistogramSummary {
  std::string metric;  ///< a metric name, e.g. "arr"
  int month = 0;       ///< 1-based
  sim::Histogram histogram;
};

/// Which histogram to compute: a metric at a month.
struct HistogramRequest {
  std::string metric;  ///< a metric name of the run
  int month = 0;       ///< 1-based, within the horizon
};

/// The histograms every run reports (when their metric was kept): ARR, the key metric, at the
/// last month.
std::vector<HistogramRequest> key_histograms(int horizon_months);

/// A histogram asked for as "METRIC@MONTH" before it meets a scenario: the month may be "last".
struct HistogramOption {
  std::string metric;        ///< as written, not yet checked against a scenario's metrics
  std::optional<int> month;  ///< 1-based; nullopt for "last", the horizon's last month
};

/// Parses the form of "METRIC@MONTH" ("arr@24", "customers@last"): a metric name, '@', then a
/// month number from 1 or "last"; nullopt with `error` set when it has another form.
std::optional<HistogramOption> parse_histogram_option(std::string_view text, std::string& error);

/// The request `option` makes of a scenario with these metric names and horizon (its "last"
/// month is the horizon); nullopt with `error` set ("unknown metric 'ar'; did you mean 'arr'?",
/// "month 99 is outside the horizon of 36 months") when the scenario has no such metric or month.
std::optional<HistogramRequest> resolve_histogram_option(
    const HistogramOption& option, const std::vector<std::string>& metric_names, int horizon_months,
    std::string& error);

/// parse_histogram_option, then resolve_histogram_option against one run's metrics and horizon.
std::optional<HistogramRequest> parse_histogram_request(
    std::string_view text, const std::vector<std::string>& metric_names, int horizon_months,
    std::string& error);

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
  /// Distributions over the replications of a metric at a month: the key histograms, then those
  /// asked for. Computed from the samples at run time and kept in summary.json, because the
  /// report is rebuilt from that file (teamsim report) when the samples are gone.
  std::vector<HistogramSummary> histograms;

  /// The metric with this name, or nullptr.
  const MetricSummary* find(const std::string& name) const;
};

/// Reduces the samples of a finished projection to their summaries (in metric order) and
/// histograms: key_histograms() of the metrics kept, then `extra_histograms`; one asked for twice
/// is computed once. An extra histogram whose metric was not kept or whose month is outside the
/// horizon throws std::invalid_argument.
RunSummary summarize_run(const model::ScenarioSpec& spec, const model::Projection& projection,
                         std::uint64_t seed,
                         const std::vector<HistogramRequest>& extra_histograms = {});

/// Tidy CSV: one row per (metric, month) with scenario, month, metric, unit, mean, se, p5..p95.
std::string summary_csv(const RunSummary& summary);

/// The name of a bin rule in summary.json: "freedman-diaconis", "sturges", "single-value".
std::string_view bin_rule_name(sim::BinRule rule);

/// JSON with schema_version, tool and version, seed, replications, scenario hash, the resolved
/// scenario, per metric its unit, kind, description and month-by-month statistics, and the
/// histograms (metric, month, rule, first_edge, bin_width, counts, missing).
std::string summary_json(const RunSummary& summary, const model::ScenarioSpec& spec);

}  // namespace teamsim::app
