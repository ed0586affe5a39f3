#pragma once

#include <string>
#include <vector>

// Problems found in a user's input (scenario files, overrides), reported all at once.

namespace teamsim::app {

/// One problem a user can fix, located where the offending value was written.
struct Diagnostic {
  std::string file;      ///< file name as given by the user, or a label such as "<string>"
  int line = 0;          ///< 1-based; 0 when the problem concerns the whole file
  int column = 0;        ///< 1-based; 0 when the problem concerns the whole file
  std::string key_path;  ///< e.g. "roles.account_executive.annual_attrition"; may be empty
  std::string message;   ///< what is wrong and, where possible, how to fix it
};

/// "file:line:column: key.path: message"; "file: message" when line is 0; no key path when empty.
std::string format_diagnostic(const Diagnostic& diagnostic);

/// Every diagnostic formatted, one per line (each line ends with '\n').
std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace teamsim::app
