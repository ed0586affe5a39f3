#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "app/scenario/scenario_loader.h"

// Shared by the loader tests that load a whole scenario from inline YAML (file "s.yaml"): the
// diagnostics of a scenario that must not load, as formatted lines, or a scenario that must.

namespace teamsim::app {

/// The diagnostics of loading `text`, one formatted line each; a scenario that loads fails.
inline std::vector<std::string> errors_in(std::string_view text) {
  const LoadResult result = load_scenario_string(text, "s.yaml");
  EXPECT_FALSE(result.ok());
  std::vector<std::string> out;
  for (const Diagnostic& d : result.diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

/// The result of loading `text`, which must load.
inline LoadResult load_ok(std::string_view text) {
  LoadResult result = load_scenario_string(text, "s.yaml");
  EXPECT_TRUE(result.ok()) << format_diagnostics(result.diagnostics);
  return result;
}

/// The scenario `text` describes, which must load (the default spec if it does not).
inline model::ScenarioSpec load_good(std::string_view text) {
  return load_ok(text).spec.value_or(model::ScenarioSpec{});
}

}  // namespace teamsim::app
