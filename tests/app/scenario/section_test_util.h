#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/common/diagnostics.h"
#include "app/scenario/yaml_tree.h"
#include "models/defaults.h"
#include "models/scenario_spec.h"

// Shared by the tests of the loader's section readers: a default scenario, a YAML document whose
// top-level keys are the sections to read, and the diagnostics as formatted lines.

namespace teamsim::app::loader {

class SectionTest : public ::testing::Test {
 protected:
  /// Parses `yaml` (file "s.yaml") and returns the node of its top-level key `section`.
  const YamlNode& section(const std::string& yaml, const std::string& name) {
    std::vector<Diagnostic> parse_errors;
    root_ = *parse_yaml(yaml, "s.yaml", parse_errors);
    diagnostics_.clear();
    EXPECT_TRUE(parse_errors.empty()) << format_diagnostics(parse_errors);
    return *root_.find(name);
  }
  /// The diagnostics so far, one formatted line each.
  std::vector<std::string> errors() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics_) out.push_back(format_diagnostic(d));
    return out;
  }

  model::ScenarioSpec spec_ = model::default_scenario();
  YamlNode root_;
  std::vector<Diagnostic> diagnostics_;
  DiagnosticSink sink_{diagnostics_};
};

}  // namespace teamsim::app::loader
