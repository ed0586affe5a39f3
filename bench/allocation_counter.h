#pragma once

#include <cstdint>

// Counts the bytes the whole bench binary allocates through operator new
// (allocation_counter.cc replaces the global operators), so a benchmark can report the bytes
// allocated per replication: the difference of two readings around the work.

namespace teamsim::bench {

/// Bytes requested from operator new since the program started, on all threads.
std::uint64_t bytes_allocated();

}  // namespace teamsim::bench
