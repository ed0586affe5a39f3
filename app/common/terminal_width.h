#pragma once

#include <cstddef>

namespace teamsim::app {

/// The width tables printed on stdout should fit, in columns: COLUMNS when set to a number, else
/// the terminal's width when stdout is one, else 0 (no limit: a pipe or a file gets whole rows).
std::size_t terminal_columns();

}  // namespace teamsim::app
