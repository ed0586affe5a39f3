#pragma once

#include <string>
#include <vector>

#include "app/analysis/expectation_check.h"

// Expectation results as JUnit XML, the test report CI systems display.

namespace teamsim::app {

/// One scenario's expectation results, as a JUnit test suite.
struct ExpectationSuite {
  std::string name;  ///< the scenario's file stem
  std::string file;  ///< the scenario file, as given
  std::vector<ExpectationResult> results;
  std::string error;  ///< set when the scenario could not be run: one failing test case
  /// Why, in full (e.g. each problem of an invalid scenario, one per line): the error's text.
  std::string error_detail = {};
};

/// A JUnit XML document (testsuites > testsuite per scenario > testcase per expectation, with
/// <failure message=...> for each failure), as CI systems display it.
std::string junit_xml(const std::vector<ExpectationSuite>& suites);

}  // namespace teamsim::app
