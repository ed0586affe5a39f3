#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/analysis/sensitivity_analysis.h"
#include "models/scenario_spec.h"

// `teamsim sensitivity --range`: how far the scenario's constants are moved, for all of them
// ("20%") or for one key ("pipeline.complex_share=50%"), checked against the scenario.

namespace teamsim::app {

/// One --range: the key path it is for (empty: every constant) and the fraction, in [0, 1].
struct RangeOption {
  std::string key_path;
  double range = 0;
};

/// Reads "20%", "0.2" or "KEY.PATH=30%"; throws UsageError saying what is wrong.
RangeOption parse_range_option(std::string_view text);

/// The ranges the options give (`default_range` for the constants no option names), each key
/// checked to be a constant of `spec`: an unknown key gets a "did you mean", a distribution or a
/// number that is not an assumption says so. Throws UsageError.
ConstantRanges constant_ranges(const std::vector<std::string>& options,
                               const model::ScenarioSpec& spec, double default_range = 0.2);

}  // namespace teamsim::app
