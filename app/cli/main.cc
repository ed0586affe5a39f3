#include <atomic>
#include <csignal>

#include "app/cli/cli.h"

namespace {

// The one piece of global state: a signal handler can reach nothing else. Lock-free, so setting
// it from a handler is safe.
std::atomic<bool> g_stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void request_stop(int /*signal*/) { g_stop_requested.store(true); }

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  return teamsim::app::run_cli(argc, argv, g_stop_requested);
}
