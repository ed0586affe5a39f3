#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/common/diagnostics.h"
#include "app/scenario/yaml_tree.h"
#include "models/scenario_spec.h"

// The scenario syntax of a number drawn once per replication: any number of a scenario may be
// written as a distribution map with `per: replication` ({dist: uniform, min: 10, max: 20, per:
// replication}). The loader finds these maps in the merged tree, reads their distributions, and
// loads the scenario with each replaced by a plain number (models/replication_inputs.h says how
// the numbers are drawn; docs/scenario-reference.md, "Two kinds of uncertainty").

namespace teamsim::app::loader {

/// The only value `per:` takes.
inline constexpr std::string_view kPerReplication = "replication";

/// A map with a `per` key found in a scenario tree.
struct MarkedInput {
  std::string key_path;
  /// From the root to the map: an entry index in a map, an item index in a list.
  std::vector<std::size_t> steps;
  YamlMark mark;
  /// The input; nullopt when the map had errors (reported).
  std::optional<model::ReplicationInput> input;
};

/// Every map with a `per` key in `root`, in document order (not looking inside one), each read
/// and checked; problems with the map itself (`per`, the distribution, a key that cannot vary)
/// are reported to `sink`.
std::vector<MarkedInput> find_replication_inputs(const YamlNode& root, DiagnosticSink& sink);

/// Replaces the map of `input` in `root` by `value` written as a plain number, or by null when
/// `value` is nullopt.
void substitute(YamlNode& root, const MarkedInput& input, std::optional<double> value);

/// `value` as YAML text that read_number reads back as exactly `value`.
std::string number_text(double value);

}  // namespace teamsim::app::loader
