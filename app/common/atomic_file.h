#pragma once

#include <string>
#include <string_view>

namespace teamsim::app {

/// Writes `contents` to `path` atomically: into a temporary file in the same directory, flushed,
/// then renamed over `path`, so readers see the old file or the whole new one, never a part.
/// Throws std::runtime_error naming the path and the OS reason; leaves no temporary file behind.
void write_file_atomically(const std::string& path, std::string_view contents);

/// Creates `dir` and its parents if missing; throws std::runtime_error with the OS reason.
void ensure_directory(const std::string& dir);

}  // namespace teamsim::app
