// libFuzzer target over a hiring-plan CSV (`hires_csv:`): the CSV splitter and its limits
// (app/scenario/hiring_plan_csv.h), then the hires reader on the default scenario, as the loader
// runs them. Any crash, sanitizer report, timeout or out-of-memory is a bug: a CSV must only
// ever produce hires or diagnostics.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "app/common/diagnostics.h"
#include "app/scenario/hiring_plan_csv.h"
#include "app/scenario/organisation_readers.h"
#include "models/defaults.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<teamsim::app::Diagnostic> diagnostics;
  teamsim::app::DiagnosticSink sink(diagnostics);
  const auto rows = teamsim::app::parse_hires_csv(text, "fuzz.csv", sink);
  if (!rows) {
    if (diagnostics.empty()) __builtin_trap();
    return 0;
  }
  teamsim::model::ScenarioSpec spec = teamsim::model::default_scenario();
  std::int64_t planned = 0;
  teamsim::app::loader::read_hires(*rows, spec, true, planned, sink, "hires_csv");
  for (const auto& diagnostic : diagnostics) {
    if (teamsim::app::format_diagnostic(diagnostic).empty()) __builtin_trap();
  }
  if (diagnostics.empty() && !teamsim::app::hires_to_csv(spec).starts_with("role,")) {
    __builtin_trap();
  }
  return 0;
}
