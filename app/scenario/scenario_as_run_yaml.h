#pragma once

#include <cstdint>
#include <string>

#include "app/scenario/yaml_tree.h"

// The scenario a run used, as a scenario file that runs again: the merged tree (extends, the
// variant and --set applied), with the hires of a `hires_csv` written in and the run's name.
// `teamsim run OUT/scenario.yaml` (with the run's -n and --seed when they were not the
// scenario's) reproduces the run's numbers, and its scenario hash is the run's.

namespace teamsim::app {

/// What the file says besides the tree.
struct AsRun {
  std::string name;        ///< the scenario's name as the run showed it (variant included)
  std::string provenance;  ///< where the tree came from (file, variant, --set), for a comment
  std::string rerun;       ///< the command that reproduces the run, for a comment
};

/// The merged tree `merged` as YAML text after a comment saying what it is: `name` set to
/// `as_run`'s (in place when the tree has it, else first), and `hires_csv` read again and written
/// in as `hires`
/// (its rows after the tree's own, the order the loader reads them in). Scalars keep their text,
/// and quoted ones their quotes, so the file loads to the same scenario. Throws std::runtime_error
/// when the hiring-plan CSV can no longer be read or parsed.
std::string scenario_as_run_yaml(const YamlNode& merged, const AsRun& as_run);

}  // namespace teamsim::app
