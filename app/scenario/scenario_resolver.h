#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/diagnostics.h"
#include "app/scenario/scenario_loader.h"
#include "app/scenario/yaml_tree.h"

// Resolves what the user asked to run into one YAML tree, then loads it: a scenario file, the
// files it `extends:` (each path relative to the file that names it; later files override earlier
// ones by merge_yaml), one of its named `variants:`, and `--set key.path=VALUE` overrides from the
// command line, applied in that order. Every node keeps the file where it was written, so a bad
// value is still reported at its own file and line; overrides are reported at "<command line>".

namespace teamsim::app {

/// Deepest chain of `extends:` a scenario may use (a file extending a file ... 8 times).
inline constexpr int kMaxExtendsDepth = 8;

/// The file label of diagnostics about command-line overrides and variant names.
inline constexpr std::string_view kCommandLineFile = "<command line>";

/// What to load: a file, optionally one of its variants, and overrides.
struct ScenarioRequest {
  std::string path;
  /// A name under the scenario's `variants:`; empty for the base scenario.
  std::string variant;
  /// Each "key.path=VALUE", VALUE parsed as YAML; list items as `hires[0].month=3`.
  std::vector<std::string> overrides;
};

/// The merged tree of a request, before it is turned into a ScenarioSpec.
struct ResolvedTree {
  /// Set only when there are no diagnostics; `extends` and `variants` are removed.
  std::optional<YamlNode> root;
  /// The variant names the scenario (with the files it extends) declares, in document order.
  std::vector<std::string> variants;
  /// Appended to the scenario's name: " [VARIANT]" unless the variant or an override sets `name`.
  std::string name_suffix;
  /// No variant was chosen of a file that declares some: the tree is the plans' shared base.
  bool base_of_variants = false;
  std::vector<Diagnostic> diagnostics;
};

/// Reads `request.path` and the files it extends, applies the variant and the overrides.
ResolvedTree resolve_scenario_tree(const ScenarioRequest& request);

/// Like resolve_scenario_tree, for a scenario given as text labelled `file_name` (its `extends:`
/// paths are relative to the directory of `file_name`).
ResolvedTree resolve_scenario_tree_string(std::string_view text, const std::string& file_name,
                                          const ScenarioRequest& request);

/// Resolves and loads a request. With a variant that does not set `name`, the scenario's name
/// gets " [VARIANT]" appended.
LoadResult resolve_scenario(const ScenarioRequest& request);

/// Like resolve_scenario, for text labelled `file_name` (request.path is ignored).
LoadResult resolve_scenario_string(std::string_view text, const std::string& file_name,
                                   const ScenarioRequest& request);

/// The variant names declared by a scenario file and the files it extends; empty when it
/// cannot be read (load it to see why).
std::vector<std::string> scenario_variants(const std::string& path);

/// Splits "key.path=VALUE" into the path and the value text; nullopt without '=' or a path.
std::optional<std::pair<std::string, std::string>> split_override(std::string_view text);

}  // namespace teamsim::app
