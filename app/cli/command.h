#pragma once

#include <CLI/CLI.hpp>
#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "models/scenario_spec.h"

namespace teamsim::app {

/// One `teamsim` subcommand: it declares its options on the parser, then runs once parsed.
/// Each lives in its own app/command_*.cc; app/cli/cli.cc lists them.
class Command {
 public:
  virtual ~Command() = default;
  /// Adds the subcommand and its options to `cli`; returns the subcommand.
  virtual CLI::App* add_to(CLI::App& cli) = 0;
  /// Runs the parsed command and returns an exit code (see ExitCode in app/cli/cli.h).
  /// `stop_requested` turns true on Ctrl-C or SIGTERM.
  virtual int execute(const std::atomic<bool>& stop_requested) = 0;
};

std::unique_ptr<Command> make_run_command();
std::unique_ptr<Command> make_validate_command();
std::unique_ptr<Command> make_compare_command();
std::unique_ptr<Command> make_sweep_command();
std::unique_ptr<Command> make_sensitivity_command();
std::unique_ptr<Command> make_report_command();
std::unique_ptr<Command> make_batch_command();

/// Loads a scenario file, printing every diagnostic to stderr; nullopt when it is invalid.
std::optional<model::ScenarioSpec> load_scenario_or_report(const std::string& path);

}  // namespace teamsim::app
