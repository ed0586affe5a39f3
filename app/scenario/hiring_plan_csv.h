#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "app/common/diagnostics.h"
#include "app/scenario/yaml_tree.h"
#include "models/scenario_spec.h"

// A hiring plan as a spreadsheet exports it: a CSV file (RFC 4180: commas, "quoted, fields",
// doubled "" quotes, CRLF or LF) with a header row naming the columns of a `hires` entry (role,
// month or start_month, count, territory, source) in any order and any letter case. The loader
// reads it through `hires_csv: FILE` as if its rows were written under `hires:`; every problem is
// reported at the cell's file:line:column.

namespace teamsim::app {

/// Largest hiring-plan CSV read, in bytes (1 MiB, as for YAML).
inline constexpr std::size_t kMaxHiresCsvBytes = std::size_t{1} << 20;
/// Most data rows a hiring-plan CSV may hold.
inline constexpr std::size_t kMaxHiresCsvRows = 10'000;
/// Most columns a hiring-plan CSV may hold.
inline constexpr std::size_t kMaxHiresCsvColumns = 16;

/// Where the `hires_csv:` value `node` points: relative to the file that names it (which may be a
/// file the scenario extends), as `extends:` is.
std::string hires_csv_path(const YamlNode& node);

/// The rows of a hiring-plan CSV as a list of maps (column name -> cell, marked where the cell
/// was written; empty cells left out so that they take the default), for loader::read_hires.
/// Malformed CSV, a bad header (an unknown, empty or repeated column) and exceeded limits are
/// reported to `sink` and give nullopt; a row with more cells than the header is reported and
/// left out. Never throws for bad input.
std::optional<YamlNode> parse_hires_csv(std::string_view text, const std::string& file_name,
                                        DiagnosticSink& sink);

/// The resolved hiring plan (spec.hires, from `hires:` and `hires_csv:` alike) as a CSV that
/// `hires_csv:` reads back into the same hires: role, month, start_month, count, territory,
/// source. Months are numbers, or calendar months (2027-03) when the scenario has a start_date.
std::string hires_to_csv(const model::ScenarioSpec& spec);

}  // namespace teamsim::app
