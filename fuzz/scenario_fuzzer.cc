// libFuzzer target over the whole scenario path a user's file takes: YAML parsing (yaml-cpp,
// instrumented too when built with fuzz/build-instrumented-yaml-cpp), our tree and its guards,
// the resolver (`extends:`, `variants:`, `--set` overrides), validation into a ScenarioSpec, the
// resolved-scenario JSON, and the scenario as run (scenario.yaml), which must load again to the
// same scenario hash. Any crash, sanitizer report, timeout or out-of-memory is a bug: a scenario
// file must only ever produce diagnostics.
//
// The input's leading `#variant` / `#set` comment lines stand for the command line (fuzz_input.h).
// The file is labelled scenarios/fuzz.yaml, so `extends: default.yaml` reaches the shipped
// scenarios when fuzz/run starts the fuzzer from the repository root.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/common/diagnostics.h"
#include "app/scenario/scenario_as_run_yaml.h"
#include "app/scenario/scenario_json.h"
#include "app/scenario/scenario_resolver.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const teamsim::app::ScenarioRequest request = teamsim::fuzz::request_from_fuzz_input(text);
  const teamsim::app::LoadResult result =
      teamsim::app::resolve_scenario_string(text, "scenarios/fuzz.yaml", request);
  for (const auto& diagnostic : result.diagnostics) {
    if (teamsim::app::format_diagnostic(diagnostic).empty()) __builtin_trap();
  }
  if (result.ok() != result.diagnostics.empty()) __builtin_trap();
  if (!result.ok()) return 0;
  const std::string hash = teamsim::app::scenario_hash(*result.spec);
  // What `run` writes as scenario.yaml loads to the same scenario.
  const std::string as_run = teamsim::app::scenario_as_run_file(
      teamsim::app::scenario_as_run_yaml(*result.merged_tree, result.spec->name), "fuzz", "rerun");
  const teamsim::app::LoadResult again =
      teamsim::app::resolve_scenario_string(as_run, "scenarios/fuzz-as-run.yaml", {});
  if (!again.ok() || teamsim::app::scenario_hash(*again.spec) != hash) __builtin_trap();
  return 0;
}
