#pragma once

#include <optional>
#include <string>

#include "app/scenario/yaml_tree.h"

// The scenario a run used, as a scenario file that runs again: the merged tree (extends, the
// variant and --set applied), with the hires of a `hires_csv` written in and the run's name.
// `teamsim run OUT/scenario.yaml` (with the run's -n and --seed when they were not the
// scenario's) reproduces the run's numbers, and its scenario hash is the run's.

namespace teamsim::app {

/// `merged` with its `hires_csv` key replaced by `rows`, the file's rows as the loader read them
/// (LoadResult::hires_csv_rows), written in as `hires` after the tree's own (the order the
/// loader reads them in), so that it needs no other file; `merged` itself when it has no
/// `hires_csv` or there are no rows. Reads no file: the file written is the plan that ran.
YamlNode with_hires_csv_read_in(const YamlNode& merged, std::optional<YamlNode> rows);

/// The tree as YAML text, `name` set to `name` (in place when the tree has it, else first).
/// Scalars keep their text, and quoted ones their quotes, so the file loads to the same
/// scenario. Rendered before a run, so that nothing can fail after it.
std::string scenario_as_run_yaml(const YamlNode& tree, const std::string& name);

/// The file: a comment saying what it is, where it came from and the command that reproduces
/// the run (each line of them commented, whatever they hold), then `yaml`.
std::string scenario_as_run_file(const std::string& yaml, const std::string& provenance,
                                 const std::string& rerun);

}  // namespace teamsim::app
