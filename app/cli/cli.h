#pragma once

#include <atomic>
#include <exception>

namespace teamsim::app {

/// Exit codes, documented in --help.
enum ExitCode : int {
  kExitOk = 0,
  kExitRuntimeError = 1,
  kExitUsage = 2,
  kExitInvalidScenario = 3,
  kExitExpectationFailed = 4,  ///< the run worked, but an `expect:` assertion failed
  kExitInterrupted = 130,      ///< stopped by Ctrl-C or SIGTERM; nothing was written
};

/// The exit code of a failure: that of the first typed error (app/common/errors.h) of `error` and
/// the exceptions nested in it, outermost first; model::LimitExceeded is an invalid scenario;
/// anything else a runtime error.
int exit_code_of(const std::exception& error);

/// Runs the teamsim command line. `stop_requested` is set by the signal handlers in main; the
/// run checks it between replications. Only main turns the result into the process exit code.
int run_cli(int argc, char** argv, const std::atomic<bool>& stop_requested);

}  // namespace teamsim::app
