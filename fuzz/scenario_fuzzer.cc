// libFuzzer target over the whole scenario path a user's file takes: YAML parsing (yaml-cpp,
// instrumented too when built with fuzz/build-instrumented-yaml-cpp), our tree and its guards,
// validation into a ScenarioSpec, and the resolved-scenario JSON. Any crash, sanitizer report,
// timeout or out-of-memory is a bug: a scenario file must only ever produce diagnostics.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/diagnostics.h"
#include "app/scenario_json.h"
#include "app/scenario_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const teamsim::app::LoadResult result = teamsim::app::load_scenario_string(text, "fuzz.yaml");
  for (const auto& diagnostic : result.diagnostics) {
    if (teamsim::app::format_diagnostic(diagnostic).empty()) __builtin_trap();
  }
  if (result.ok() != result.diagnostics.empty()) __builtin_trap();
  if (result.ok()) (void)teamsim::app::scenario_hash(*result.spec);
  return 0;
}
