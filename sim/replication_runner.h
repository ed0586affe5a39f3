#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace teamsim::sim {

/// What a replication runner is asked to do.
struct RunnerOptions {
  std::size_t replications = 0;       ///< replication indices 0 .. replications-1 are run
  std::size_t first_replication = 0;  ///< offset added to every index (to extend an earlier run)
  unsigned threads = 0;               ///< worker threads; 0 means every hardware thread
  /// Called from worker threads after each finished replication with the number finished so far
  /// (monotone, thread-safe to call; keep it cheap). May be empty.
  std::function<void(std::size_t done)> on_progress;
  /// When set and it becomes true, workers stop taking new replications (e.g. on Ctrl-C). A body
  /// may also notice it mid-way and throw ReplicationStopped, so a long replication does not
  /// delay the stop.
  const std::atomic<bool>* stop_requested = nullptr;
};

/// Thrown by a replication body that gave up because a stop was requested. The runner drops that
/// replication (it is not counted as done; the run ends kStopped) instead of reporting a failure.
class ReplicationStopped {};

/// How a run ended.
enum class RunOutcome { kCompleted, kStopped };

/// Runs `body(index)` once for every replication index on a pool of threads. Each body must write
/// only to storage owned by its own index, so results are identical whatever the thread count;
/// callers reduce them in index order afterwards. If bodies throw, the exception of the lowest
/// failing index is rethrown once every worker has finished.
RunOutcome run_replications(const RunnerOptions& options,
                            const std::function<void(std::size_t index)>& body);

/// The number of threads `threads = 0` resolves to (at least 1).
unsigned default_thread_count();

}  // namespace teamsim::sim
