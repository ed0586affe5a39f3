#pragma once

#include <cstddef>
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
  /// A plausibility warning: the input is valid but probably not what was meant. Printed with
  /// "warning: " and never stops a run (unless the user asks for --strict).
  bool warning = false;
};

/// Where a value was written. Line and column are 1-based; 0 means "the whole file".
struct SourceMark {
  std::string file;
  int line = 0;
  int column = 0;
};

/// Appends diagnostics located where the offending values were written.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::vector<Diagnostic>& out) : out_(out) {}
  /// Records a problem written at `mark`, under the key path `key_path`.
  void error(const SourceMark& mark, std::string key_path, std::string message);
  /// Number of diagnostics recorded so far (including earlier ones in the same vector).
  std::size_t count() const { return out_.size(); }

 private:
  std::vector<Diagnostic>& out_;
};

/// "file:line:column: key.path: message"; "file: message" when line is 0; no key path when empty;
/// a warning reads "file:line:column: warning: key.path: message".
std::string format_diagnostic(const Diagnostic& diagnostic);

/// Every diagnostic formatted, one per line (each line ends with '\n').
std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace teamsim::app
