#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

/// A `hires_csv:` file as read when its scenario is loaded, once. Every later load of the same
/// tree (its replication inputs checked at their extremes, each replication's own scenario) reads
/// these rows, not the file: the plan a run uses cannot change while it runs, and the file is
/// opened once, not once a replication.
struct HiresCsvFile {
  /// The rows (parse_hires_csv); nullopt when the file cannot be read or is malformed.
  std::optional<YamlNode> rows;
  /// Why not, at the file's cells or at the `hires_csv` key that names it.
  std::vector<Diagnostic> problems;
};

/// Reads the file named by `root`'s `hires_csv:`; nothing when the key is absent or not a scalar
/// (the loader reports that).
HiresCsvFile read_hires_csv_file(const YamlNode& root);

/// The resolved hiring plan (spec.hires, from `hires:` and `hires_csv:` alike) as a CSV that
/// `hires_csv:` reads back into the same hires: role, month, start_month, count, territory,
/// source. Months are numbers, or calendar months (2027-03) when the scenario has a start_date.
std::string hires_to_csv(const model::ScenarioSpec& spec);

}  // namespace teamsim::app
