#include "app/results/junit.h"

#include <fmt/format.h>

#include "app/common/xml_escape.h"

namespace teamsim::app {

std::string junit_xml(const std::vector<ExpectationSuite>& suites) {
  std::size_t tests = 0, failures = 0, errors = 0;
  for (const ExpectationSuite& suite : suites) {
    tests += suite.error.empty() ? suite.results.size() : 1;
    failures += count_failures(suite.results);
    errors += suite.error.empty() ? 0 : 1;
  }
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml += fmt::format("<testsuites name=\"teamsim\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
                     tests, failures, errors);
  for (const ExpectationSuite& suite : suites) {
    const std::string name = xml_escape_attribute(suite.name);
    const std::string file = xml_escape_attribute(suite.file);
    if (!suite.error.empty()) {
      xml += fmt::format(
          "  <testsuite name=\"{}\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
          "    <testcase classname=\"teamsim.{}\" name=\"run\" file=\"{}\">\n"
          "      <error message=\"{}\" type=\"run\"{}\n    </testcase>\n  </testsuite>\n",
          name, name, file, xml_escape_attribute(suite.error),
          suite.error_detail.empty()
              ? std::string("/>")
              : fmt::format(">{}</error>", xml_escape_text(suite.error_detail)));
      continue;
    }
    xml += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                       name, suite.results.size(), count_failures(suite.results));
    for (const ExpectationResult& result : suite.results) {
      const Expectation& e = result.expectation;
      xml +=
          fmt::format("    <testcase classname=\"teamsim.{}\" name=\"{}\" file=\"{}\" line=\"{}\"",
                      name, xml_escape_attribute(e.name), file, e.mark.line);
      if (result.passed) {
        xml += "/>\n";
        continue;
      }
      xml += fmt::format(
          ">\n      <failure message=\"{}\" type=\"expectation\">{}:{}:{}: {}</failure>\n"
          "    </testcase>\n",
          xml_escape_attribute(result.message), xml_escape_text(suite.file), e.mark.line,
          e.mark.column, xml_escape_text(result.message));
    }
    xml += "  </testsuite>\n";
  }
  xml += "</testsuites>\n";
  return xml;
}

}  // namespace teamsim::app
