#pragma once

#include <exception>
#include <string>
#include <string_view>

// The one way teamsim prints a failure or a warning on stderr (see app/common/errors.h).

namespace teamsim::app {

/// "teamsim <command>: error: <message>\n", then "  because: <cause>\n" for each exception nested
/// in `error` (std::throw_with_nested), outermost first. Lines after the first of a message are
/// indented by two spaces.
std::string format_error(std::string_view command, const std::exception& error);

/// "teamsim <command>: warning: <message>\n".
std::string format_warning(std::string_view command, std::string_view message);

/// Prints format_error to stderr.
void print_error(std::string_view command, const std::exception& error);

/// Prints format_warning to stderr.
void print_warning(std::string_view command, std::string_view message);

/// Prints "teamsim <command>: note: <message>\n" to stderr: a choice teamsim made that the
/// command line did not state, and nothing wrong.
void print_note(std::string_view command, std::string_view message);

/// The message of the innermost exception nested in `error` (its own when none is nested).
std::string innermost_message(const std::exception& error);

}  // namespace teamsim::app
