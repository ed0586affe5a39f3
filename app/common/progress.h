#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <thread>

namespace teamsim::app {

/// True when progress should be drawn on stderr: it is a terminal and CI is not set.
bool progress_wanted();

/// A progress line on stderr ("[#####.....] 512/1000 replications, 3 s, ~3 s left"), redrawn by
/// its own thread a few times a second so workers only bump an atomic counter.
class ProgressLine {
 public:
  /// Draws nothing when `enabled` is false.
  ProgressLine(std::size_t total, bool enabled);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  /// Records that `done` replications have finished (thread-safe, cheap).
  void update(std::size_t done) { done_.store(done, std::memory_order_relaxed); }
  /// Stops redrawing and clears the line.
  void finish();

 private:
  void draw();

  std::size_t total_;
  bool enabled_;
  std::atomic<std::size_t> done_{0};
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool finished_ = false;
  std::thread thread_;
};

}  // namespace teamsim::app
