#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/analysis/run_summary.h"
#include "app/scenario/expectations.h"

// A scenario's `expect:` assertions (app/scenario/expectations.h) checked against a run's results.

namespace teamsim::app {

/// The outcome of one expectation on a run's results.
struct ExpectationResult {
  Expectation expectation;
  double actual = 0;    ///< the statistic the run produced (NaN when it is missing)
  bool passed = false;  ///< a missing statistic fails
  /// "p50(arr) at month 24 = $2.35M (expected >= $2M)": values in the metric's unit
  /// (format_metric_number_beside)
  std::string message;
  /// What the statistic rests on when not every replication gives it, as the message ends:
  /// "over the 2 of 100 replications where it is defined", or why it is undefined; else empty
  std::string note;
};

/// Checks each expectation against `summary`, in order.
std::vector<ExpectationResult> check_expectations(const std::vector<Expectation>& expectations,
                                                  const RunSummary& summary);

/// The number of results that failed.
std::size_t count_failures(const std::vector<ExpectationResult>& results);

}  // namespace teamsim::app
