#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/analysis/run_summary.h"
#include "app/common/diagnostics.h"
#include "app/scenario/yaml_reader.h"
#include "app/scenario/yaml_tree.h"
#include "models/scenario_spec.h"

// A scenario's `expect:` list: assertions on the run's results ("p50 of ARR at month 24 >= 2M"),
// checked after the run; a failure gives exit code 4 and a JUnit XML failure. The syntax is in
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

/// Reads the `expect` list of a scenario whose horizon is `horizon_months` and whose results
/// have the metrics `metric_names`. Every problem (unknown key, metric or stat, month out of
/// range, bad operator) is reported to `sink` at the node where it was written; only valid
/// entries are returned. Key `key_path` is the list's path ("expect").
std::vector<Expectation> read_expectations(const YamlNode& node, const std::string& key_path,
                                           int horizon_months,
                                           const std::vector<std::string>& metric_names,
                                           DiagnosticSink& sink);

/// Reads a scenario's `expect:` list against the metrics `spec` reports (model::MetricLayout).
/// With `horizon_known` false (the horizon itself was invalid) months are not range-checked.
std::vector<Expectation> read_scenario_expectations(const YamlNode& node,
                                                    const model::ScenarioSpec& spec,
                                                    bool horizon_known, DiagnosticSink& sink);

/// The outcome of one expectation on a run's results.
struct ExpectationResult {
  Expectation expectation;
  double actual = 0;    ///< the statistic the run produced (NaN when it is missing)
  bool passed = false;  ///< a missing statistic fails
  std::string message;  ///< "p50(arr) at month 24 = 2,350,000 (expected >= 2,000,000)"
};

/// Checks each expectation against `summary`, in order.
std::vector<ExpectationResult> check_expectations(const std::vector<Expectation>& expectations,
                                                  const RunSummary& summary);

/// The number of results that failed.
std::size_t count_failures(const std::vector<ExpectationResult>& results);

/// One scenario's expectation results, as a JUnit test suite.
struct ExpectationSuite {
  std::string name;  ///< the scenario's file stem
  std::string file;  ///< the scenario file, as given
  std::vector<ExpectationResult> results;
  std::string error;  ///< set when the scenario could not be run: one failing test case
};

/// A JUnit XML document (testsuites > testsuite per scenario > testcase per expectation, with
/// <failure message=...> for each failure), as CI systems display it.
std::string junit_xml(const std::vector<ExpectationSuite>& suites);

}  // namespace teamsim::app
