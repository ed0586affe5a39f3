#pragma once

#include <time.h>

// The CPU time of the calling thread: what the in-run ratios of the benchmarks divide, so that
// a shared machine's load (other processes taking the cores) does not enter them.

namespace teamsim::bench {

/// Seconds of CPU time the calling thread has used.
inline double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

}  // namespace teamsim::bench
