#include "sim/replication_runner.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace teamsim::sim {

unsigned default_thread_count() { return std::max(1u, std::thread::hardware_concurrency()); }

RunOutcome run_replications(const RunnerOptions& options,
                            const std::function<void(std::size_t index)>& body) {
  const std::size_t total = options.replications;
  if (total == 0) return RunOutcome::kCompleted;
  const unsigned requested = options.threads == 0 ? default_thread_count() : options.threads;
  const auto threads = static_cast<unsigned>(std::min<std::size_t>(requested, total));

  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;  // guards done, first_error and first_error_index; serialises on_progress
  std::size_t done = 0;
  std::exception_ptr first_error;
  std::size_t first_error_index = total;

  auto stop_requested = [&] {
    return options.stop_requested != nullptr &&
           options.stop_requested->load(std::memory_order_relaxed);
  };
  auto worker = [&] {
    // Indices are handed out in increasing order, so once index i fails, every lower index has
    // already been taken and will finish: the lowest failing index is found whatever the timing.
    while (!failed.load(std::memory_order_relaxed) && !stop_requested()) {
      const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= total) return;
      try {
        body(options.first_replication + i);
      } catch (const ReplicationStopped&) {
        continue;  // the loop's condition ends this worker if the stop was requested
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (i < first_error_index) {
          first_error_index = i;
          first_error = std::current_exception();
        }
        failed.store(true, std::memory_order_relaxed);
        continue;
      }
      const std::lock_guard lock(mutex);
      ++done;
      if (options.on_progress) options.on_progress(done);
    }
  };

  {
    std::vector<std::jthread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
  }  // jthreads join here

  if (first_error) std::rethrow_exception(first_error);
  return done == total ? RunOutcome::kCompleted : RunOutcome::kStopped;
}

}  // namespace teamsim::sim
