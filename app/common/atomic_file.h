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

/// Whether this process writes files. True, except in the processes of an MPI run other than
/// rank 0 (sim/distributed.h): they compute the same results, and rank 0 alone writes them, so
/// the writers above (and OutputFolder, the workbook) do nothing there. main says so once,
/// before any command runs.
bool this_process_writes();
void set_this_process_writes(bool writes);

}  // namespace teamsim::app
