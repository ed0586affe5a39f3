#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include "app/cli/cli.h"
#include "app/common/atomic_file.h"
#include "sim/distributed.h"

namespace {

// The one piece of global state: a signal handler can reach nothing else. Lock-free, so setting
// it from a handler is safe.
std::atomic<bool> g_stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void request_stop(int /*signal*/) { g_stop_requested.store(true); }

}  // namespace

int main(int argc, char** argv) {
  // Under mpirun or srun every process runs the same command on the same inputs and the run's
  // replications are spread over them (sim/distributed.h); rank 0 alone prints and writes.
  const teamsim::sim::ProcessGroup processes(argc, argv);
  const bool root = teamsim::sim::process_rank() == 0;
  if (!root) {
    teamsim::app::set_this_process_writes(false);
    if (std::freopen("/dev/null", "w", stdout) == nullptr ||
        std::freopen("/dev/null", "w", stderr) == nullptr) {
      return 1;
    }
  }
  // Line by line, so that a log taking both streams (`2>&1 | tee`, a CI job) has each message
  // where it was written, not the tables in 4 KiB blocks around the progress and timing lines.
  std::setvbuf(stdout, nullptr, _IOLBF, BUFSIZ);
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  const int code = teamsim::app::run_cli(argc, argv, g_stop_requested);
  if (code != 0 && teamsim::sim::process_count() > 1) {
    // An error may be this process's alone (a folder rank 0 cannot write), and the others would
    // wait for it in their next gather forever: end them all. An error of a replication is met
    // by every process in the same gather; the others give rank 0 time to say it first.
    std::fflush(stdout);
    std::fflush(stderr);
    if (!root) std::this_thread::sleep_for(std::chrono::seconds(2));
    teamsim::sim::end_all_processes(code);
  }
  return code;
}
