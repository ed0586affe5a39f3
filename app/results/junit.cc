#include "app/results/junit.h"

#include <fmt/format.h>

#include <map>

#include "app/common/xml_escape.h"

namespace teamsim::app {
namespace {

/// Each result's test case name, unique in its suite: a name met before gets " (2)", " (3)" ...
/// by its order in the file, as CI readers key a case's history by its name and keep one of two
/// cases with the same name ("p50(arr) at month 24 >= $1M" written twice, or two `name: mine`).
std::vector<std::string> unique_case_names(const std::vector<ExpectationResult>& results) {
  // How often each name has been given; the written names are all in it from the start, so no
  // " (2)" takes the name of a case written so.
  std::map<std::string, int> taken;
  for (const ExpectationResult& result : results) taken[result.expectation.name] = 0;
  std::vector<std::string> names;
  for (const ExpectationResult& result : results) {
    const std::string& name = result.expectation.name;
    int& uses = taken[name];
    ++uses;
    if (uses == 1) {
      names.push_back(name);
      continue;
    }
    std::string unique = fmt::format("{} ({})", name, uses);
    for (int n = uses + 1; taken.count(unique) != 0; ++n) unique = fmt::format("{} ({})", name, n);
    taken[unique] = 1;
    names.push_back(unique);
  }
  return names;
}

}  // namespace

std::string junit_xml(const std::vector<ExpectationSuite>& suites) {
  std::size_t tests = 0, failures = 0, errors = 0;
  for (const ExpectationSuite& suite : suites) {
    tests += suite.error.empty() ? suite.results.size() : 1;
    failures += count_failures(suite.results);
    errors += suite.error.empty() ? 0 : 1;
  }
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  // time: readers that take it for granted (test-reporter's "NaNms", surefire-report's null) get
  // one; checking an assertion reads results already made, so it takes none.
  xml += fmt::format(
      "<testsuites name=\"teamsim\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"0\">\n",
      tests, failures, errors);
  for (const ExpectationSuite& suite : suites) {
    const std::string name = xml_escape_attribute(suite.name);
    const std::string file = xml_escape_attribute(suite.file);
    if (!suite.error.empty()) {
      xml += fmt::format(
          "  <testsuite name=\"{}\" tests=\"1\" failures=\"0\" errors=\"1\" time=\"0\">\n"
          "    <testcase classname=\"teamsim.{}\" name=\"run\" file=\"{}\" time=\"0\">\n"
          "      <error message=\"{}\" type=\"run\"{}\n    </testcase>\n  </testsuite>\n",
          name, name, file, xml_escape_attribute(suite.error),
          suite.error_detail.empty()
              ? std::string("/>")
              : fmt::format(">{}</error>", xml_escape_text(suite.error_detail)));
      continue;
    }
    xml += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" time=\"0\">\n", name,
        suite.results.size(), count_failures(suite.results));
    const std::vector<std::string> case_names = unique_case_names(suite.results);
    for (std::size_t i = 0; i < suite.results.size(); ++i) {
      const ExpectationResult& result = suite.results[i];
      const Expectation& e = result.expectation;
      // Where the assertion was written, which is a file the scenario extends when written there.
      const std::string& written_in = e.mark.file.empty() ? suite.file : e.mark.file;
      xml += fmt::format(
          "    <testcase classname=\"teamsim.{}\" name=\"{}\" file=\"{}\" line=\"{}\" time=\"0\"",
          name, xml_escape_attribute(case_names[i]), xml_escape_attribute(written_in), e.mark.line);
      if (result.passed) {
        xml += "/>\n";
        continue;
      }
      xml += fmt::format(
          ">\n      <failure message=\"{}\" type=\"expectation\">{}:{}:{}: {}</failure>\n"
          "    </testcase>\n",
          xml_escape_attribute(result.message), xml_escape_text(written_in), e.mark.line,
          e.mark.column, xml_escape_text(result.message));
    }
    xml += "  </testsuite>\n";
  }
  xml += "</testsuites>\n";
  return xml;
}

}  // namespace teamsim::app
