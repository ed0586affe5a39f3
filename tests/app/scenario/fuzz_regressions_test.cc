// Every input the fuzzer (fuzz/scenario_fuzzer.cc) ever crashed on, replayed through the same
// path. Each must now load or be rejected with diagnostics, never crash or throw.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/common/diagnostics.h"
#include "app/scenario/scenario_json.h"
#include "app/scenario/scenario_resolver.h"
#include "fuzz/fuzz_input.h"

namespace teamsim::app {
namespace {

TEST(FuzzRegressionsTest, EveryCrashingInputNowGivesDiagnosticsOrAScenario) {
  const auto folder = std::filesystem::path(TEAMSIM_SOURCE_DIR) / "fuzz" / "regressions";
  int replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    SCOPED_TRACE(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    // Labelled as the fuzzer labels its inputs, so `extends:` finds the same files.
    const auto label = std::filesystem::path(TEAMSIM_SOURCE_DIR) / "scenarios" / "fuzz.yaml";
    const LoadResult result = resolve_scenario_string(
        text.str(), label.string(), teamsim::fuzz::request_from_fuzz_input(text.str()));
    EXPECT_EQ(result.ok(), result.diagnostics.empty());
    for (const Diagnostic& diagnostic : result.diagnostics) {
      EXPECT_FALSE(format_diagnostic(diagnostic).empty());
    }
    if (result.ok()) {
      EXPECT_EQ(scenario_hash(*result.spec).size(), 16u);
    }
    ++replayed;
  }
  EXPECT_GE(replayed, 1);
}

}  // namespace
}  // namespace teamsim::app
