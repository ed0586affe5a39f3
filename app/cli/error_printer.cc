#include "app/cli/error_printer.h"

#include <fmt/format.h>

namespace teamsim::app {
namespace {

// `message` with every line after the first indented by two spaces.
std::string indent_continuations(std::string_view message) {
  std::string out;
  for (const char c : message) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

// Calls `visit` with `error` and each exception nested in it, outermost first.
template <typename Visit>
void for_each_cause(const std::exception& error, Visit&& visit) {
  visit(error);
  try {
    std::rethrow_if_nested(error);
  } catch (const std::exception& cause) {
    for_each_cause(cause, visit);
  } catch (...) {
    visit(std::runtime_error("unknown error"));
  }
}

}  // namespace

std::string format_error(std::string_view command, const std::exception& error) {
  std::string out;
  for_each_cause(error, [&](const std::exception& level) {
    out += out.empty() ? fmt::format("teamsim {}: error: ", command) : "  because: ";
    out += indent_continuations(level.what());
    out += '\n';
  });
  return out;
}

std::string format_warning(std::string_view command, std::string_view message) {
  return fmt::format("teamsim {}: warning: {}\n", command, indent_continuations(message));
}

void print_error(std::string_view command, const std::exception& error) {
  fmt::print(stderr, "{}", format_error(command, error));
}

void print_warning(std::string_view command, std::string_view message) {
  fmt::print(stderr, "{}", format_warning(command, message));
}

void print_note(std::string_view command, std::string_view message) {
  fmt::print(stderr, "teamsim {}: note: {}\n", command, message);
}

std::string innermost_message(const std::exception& error) {
  std::string message;
  for_each_cause(error, [&](const std::exception& level) { message = level.what(); });
  return message;
}

}  // namespace teamsim::app
