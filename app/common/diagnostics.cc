#include "app/common/diagnostics.h"

#include <fmt/format.h>

#include <utility>

namespace teamsim::app {

void DiagnosticSink::error(const SourceMark& mark, std::string key_path, std::string message) {
  out_.push_back(
      Diagnostic{mark.file, mark.line, mark.column, std::move(key_path), std::move(message)});
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string text = diagnostic.file;
  if (diagnostic.line > 0) {
    text += fmt::format(":{}:{}", diagnostic.line, diagnostic.column);
  }
  text += ": ";
  if (diagnostic.warning) text += "warning: ";
  if (!diagnostic.key_path.empty()) {
    text += diagnostic.key_path;
    text += ": ";
  }
  text += diagnostic.message;
  return text;
}

std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& diagnostic : diagnostics) {
    text += format_diagnostic(diagnostic);
    text += '\n';
  }
  return text;
}

}  // namespace teamsim::app
