#include "app/common/diagnostics.h"

#include <fmt/format.h>

namespace teamsim::app {

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string text = diagnostic.file;
  if (diagnostic.line > 0) {
    text += fmt::format(":{}:{}", diagnostic.line, diagnostic.column);
  }
  text += ": ";
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
