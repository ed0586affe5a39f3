#include "app/common/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace teamsim::app {

bool progress_wanted() {
  const char* ci = std::getenv("CI");
  if (ci != nullptr && *ci != '\0') return false;
  return ::isatty(STDERR_FILENO) == 1;
}

ProgressLine::ProgressLine(std::size_t total, bool enabled)
    : total_(total), enabled_(enabled && total > 0), start_(std::chrono::steady_clock::now()) {
  if (!enabled_) return;
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!finished_) {
      draw();
      wake_.wait_for(lock, std::chrono::milliseconds(200));
    }
  });
}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::finish() {
  if (!enabled_) return;
  {
    std::lock_guard lock(mutex_);
    if (finished_) return;
    finished_ = true;
  }
  wake_.notify_all();
  thread_.join();
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
}

void ProgressLine::draw() {
  constexpr std::size_t kWidth = 30;
  const std::size_t done = done_.load(std::memory_order_relaxed);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const std::size_t filled = done * kWidth / total_;
  std::string bar(filled, '#');
  bar.append(kWidth - filled, '.');
  std::string eta;
  if (done > 0 && done < total_) {
    eta = fmt::format(", ~{:.0f} s left",
                      seconds * static_cast<double>(total_ - done) / static_cast<double>(done));
  }
  fmt::print(stderr, "\r\033[K[{}] {}/{} replications, {:.0f} s{}", bar, done, total_, seconds,
             eta);
  std::fflush(stderr);
}

}  // namespace teamsim::app
