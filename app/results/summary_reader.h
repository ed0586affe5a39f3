#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "app/analysis/run_summary.h"

namespace teamsim::app {

/// A run's summary.json read back: the statistics and what produced them.
struct SummaryDocument {
  RunSummary summary;                        ///< every metric, as the run computed it
  std::string tool_version;                  ///< the teamsim version that wrote the file
  nlohmann::ordered_json resolved_scenario;  ///< the scenario with every default filled in
};

/// Parses the text of a summary.json written by summary_json(). Throws Error (a sentence naming
/// what is wrong) when the text is not such a file.
SummaryDocument parse_summary_json(std::string_view text);

/// Reads and parses `path`. Throws Error "cannot read PATH" when it cannot be read, and
/// "cannot read PATH as a run's summary" with parse_summary_json's Error nested when it is not a
/// summary.json.
SummaryDocument read_summary_file(const std::string& path);

}  // namespace teamsim::app
