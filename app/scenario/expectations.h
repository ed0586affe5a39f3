#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/calendar_month.h"
#include "app/common/diagnostics.h"
#include "app/scenario/yaml_reader.h"
#include "app/scenario/yaml_tree.h"
#include "models/scenario_spec.h"

// A scenario's `expect:` list: assertions on the run's results ("p50 of ARR at month 24 >= 2M"),
// checked after the run (app/analysis/expectation_check.h); a failure gives exit code 4 and a
// JUnit XML failure (app/results/junit.h). The syntax is in
// docs/scenario-reference.md, section "expect".

namespace teamsim::app {

/// How an expectation compares the statistic with its value.
enum class Comparison { kLess, kLessEqual, kGreater, kGreaterEqual };

/// One assertion on a statistic of a metric at a month.
struct Expectation {
  std::string metric;  ///< a metric name as in summary.csv, e.g. "arr"
  int month = 0;       ///< 1-based month of the horizon
  std::string stat;    ///< "mean" or a percentile name "p5".."p95"
  Comparison op = Comparison::kGreaterEqual;
  double value = 0;  ///< in the metric's unit; ratios as fractions (5% is 0.05)
  std::string name;  ///< the user's label, or a generated "p50(arr) at month 24 >= 2,000,000"
  YamlMark mark;     ///< where the assertion was written
};

/// The statistics an expectation can name: "mean", then sim::kPercentileNames.
const std::vector<std::string>& expectation_stats();

/// The operator as written: "<", "<=", ">", ">=".
std::string_view comparison_symbol(Comparison op);

/// The operator written as `symbol`; nothing when it is none of the four.
std::optional<Comparison> comparison_from_symbol(std::string_view symbol);

/// A threshold or a result for messages: whole numbers grouped ("2,000,000"), small ones with up
/// to 4 decimals ("0.05").
std::string format_threshold(double value);

/// Reads the `expect` list of a scenario whose horizon is `horizon_months` and whose results
/// have the metrics `metric_names`. Every problem (unknown key, metric or stat, month out of
/// range, bad operator) is reported to `sink` at the node where it was written; only valid
/// entries are returned. Key `key_path` is the list's path ("expect"). With calendar `months`
/// (start_date), a month may be written 2027-03, and generated names say "at Mar 2027". With
/// `metric_units` (each metric's unit, in the order of `metric_names`) a generated name writes
/// its threshold in the metric's unit, as the PASS/FAIL lines do ("p50(win_rate) at month 6 >=
/// 25.0%", "... >= $2M", "... < 60 days"), money with `currency_symbol`; without, as a number.
/// With `horizon_known` false (horizon_months was refused) `horizon_months` is the longest
/// horizon, and a month out of range is said against it as such (read_plan_month).
std::vector<Expectation> read_expectations(const YamlNode& node, const std::string& key_path,
                                           int horizon_months,
                                           const std::vector<std::string>& metric_names,
                                           DiagnosticSink& sink, const MonthNames& months = {},
                                           const std::vector<std::string>& metric_units = {},
                                           std::string_view currency_symbol = "$",
                                           bool horizon_known = true);

/// Reads a scenario's `expect:` list against the metrics `spec` reports (model::MetricLayout).
/// With `horizon_known` false (the horizon itself was invalid) months are checked against the
/// longest horizon only.
std::vector<Expectation> read_scenario_expectations(const YamlNode& node,
                                                    const model::ScenarioSpec& spec,
                                                    bool horizon_known, DiagnosticSink& sink);

}  // namespace teamsim::app
