#pragma once

#include <nlohmann/json.hpp>
#include <optional>
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

/// Parses the text of a summary.json written by summary_json(). Returns nullopt and sets `error`
/// (a sentence naming what is wrong) when the text is not such a file.
std::optional<SummaryDocument> parse_summary_json(std::string_view text, std::string& error);

/// Reads and parses `path`; an unreadable file also gives nullopt and a reason in `error`.
std::optional<SummaryDocument> read_summary_file(const std::string& path, std::string& error);

}  // namespace teamsim::app
