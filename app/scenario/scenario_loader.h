#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/diagnostics.h"
#include "app/scenario/expectations.h"
#include "app/scenario/yaml_tree.h"
#include "models/scenario_spec.h"

// Turns a scenario YAML file into a model::ScenarioSpec, checking types, ranges, distribution
// parameters and cross references. Every problem is reported at once as a diagnostic; nothing a
// user writes makes these functions throw. Keys and defaults: docs/scenario-reference.md.

namespace teamsim::app {

/// A loaded scenario, or every reason it could not be loaded.
struct LoadResult {
  /// Set only when there are no diagnostics.
  std::optional<model::ScenarioSpec> spec;
  /// Every problem found, in file order.
  std::vector<Diagnostic> diagnostics;
  /// Plausibility warnings (app/scenario/plausibility_checks.h): found only when there are no
  /// diagnostics; they do not stop the scenario from loading.
  std::vector<Diagnostic> warnings;
  /// The scenario's `expect:` assertions (see app/scenario/expectations.h), checked after a run.
  std::vector<Expectation> expectations;
  /// The key paths the scenario wrote, after extends, variants, --set and hires_csv
  /// (written_key_paths in app/scenario/assumptions.h); every other value is a default.
  std::vector<std::string> written_keys;
  /// The tree the scenario was loaded from, after extends, variants and --set, with a
  /// `hires_csv` read in as `hires` (set by resolve_scenario; scenario_as_run_yaml writes it back
  /// as a file that runs again).
  std::shared_ptr<const YamlNode> merged_tree;
  /// The rows of the file `hires_csv:` names, as read once when the scenario was loaded; nullopt
  /// without that key.
  std::optional<YamlNode> hires_csv_rows;

  bool ok() const { return spec.has_value() && diagnostics.empty(); }
};

/// Loads a scenario from YAML text; `file_name` labels diagnostics and, without a `name:` key,
/// gives the scenario its name (the file stem).
LoadResult load_scenario_string(std::string_view text, const std::string& file_name);

/// Loads a scenario file. A missing or unreadable file gives one diagnostic at line 0, column 0
/// with the operating system's reason.
LoadResult load_scenario_file(const std::string& path);

/// Builds a scenario from an already parsed (and possibly merged) tree. `file_name` provides the
/// default scenario name, as in load_scenario_string. `base_of_variants`: the tree is the base plan
/// of a file of variants, which may leave the team to them (no "employs no one" warning).
LoadResult load_scenario_tree(const YamlNode& root, const std::string& file_name,
                              bool base_of_variants = false);

}  // namespace teamsim::app
