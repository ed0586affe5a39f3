#pragma once

#include <CLI/CLI.hpp>
#include <atomic>
#include <memory>
#include <span>

namespace teamsim::app {

/// One `teamsim` subcommand: it declares its options on its parser, then runs once parsed.
/// Each lives in its own app/cli/commands/command_*.cc and has one row in commands().
class Command {
 public:
  virtual ~Command() = default;
  /// Adds the command's arguments, options and footer to `parser` (named and described by its
  /// row in commands()).
  virtual void declare(CLI::App& parser) = 0;
  /// Runs the parsed command; a failure throws (app/common/errors.h), and the driver picks the
  /// exit code from it. `stop_requested` turns true on Ctrl-C or SIGTERM.
  virtual void execute(const std::atomic<bool>& stop_requested) = 0;
};

/// A row of the command table: what `teamsim --help` lists and how to make the command.
struct CommandInfo {
  const char* name;         ///< the word after `teamsim`
  const char* description;  ///< one line, shown by `teamsim --help`
  std::unique_ptr<Command> (*make)();
};

/// Every subcommand, in the order `teamsim --help` lists them (app/cli/command_table.cc).
std::span<const CommandInfo> commands();

}  // namespace teamsim::app
