#pragma once

#include <stdexcept>

// How app/ code fails: one convention. A function that cannot do its job throws; it does not
// return an error string, a std::variant or an optional with a message beside it.
// - Throw the type that says whose fault it is: UsageError (the command line), ScenarioError (the
//   scenario), ExpectationFailure, Interrupted; a plain Error (or any std::exception) is a
//   runtime failure, e.g. a file that cannot be written.
// - To add context, catch and std::throw_with_nested(Error("what was being done")): never fold
//   the cause into a new string, which would erase its type.
// - Only the CLI driver (app/cli/cli.cc) catches for good: it picks the exit code from the first
//   typed error of the nest, outermost first, and prints every level with one printer
//   (app/cli/error_printer.h): "teamsim run: error: ..." then "  because: ..." per cause.
// The scenario loader is the exception to the rule: it returns every problem at once as
// Diagnostics; the command prints them and then throws ScenarioError.

namespace teamsim::app {

/// A failure told to the user in its what(); as such, a runtime failure (exit code 1). The base
/// of the typed errors below, and the context wrapped around a nested cause.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The command line asks for something impossible: an unknown metric, a month past the horizon,
/// a run larger than the memory limit (exit code 2).
class UsageError : public Error {
 public:
  using Error::Error;
};

/// The scenario is invalid, or grows past a replication's limits (exit code 3).
class ScenarioError : public Error {
 public:
  using Error::Error;
};

/// The run worked, but an `expect:` assertion of the scenario failed (exit code 4).
class ExpectationFailure : public Error {
 public:
  using Error::Error;
};

/// Stopped by Ctrl-C or SIGTERM before the results were written (exit code 130).
class Interrupted : public Error {
 public:
  using Error::Error;
};

}  // namespace teamsim::app
