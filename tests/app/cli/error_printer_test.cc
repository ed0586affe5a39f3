#include "app/cli/error_printer.h"

#include <gtest/gtest.h>

#include "app/cli/cli.h"
#include "app/common/errors.h"
#include "models/limits.h"

namespace teamsim::app {
namespace {

// `make` throws; returns the printed error and the exit code the driver would pick.
template <typename Make>
std::pair<std::string, int> caught(Make&& make) {
  try {
    make();
  } catch (const std::exception& e) {
    return {format_error("run", e), exit_code_of(e)};
  }
  return {"", 0};
}

TEST(ErrorPrinter, OneLineWithTheCommandsPrefix) {
  const auto [text, code] = caught([] { throw UsageError("--month 30: the scenario runs 24"); });
  EXPECT_EQ(text, "teamsim run: error: --month 30: the scenario runs 24\n");
  EXPECT_EQ(code, kExitUsage);
}

TEST(ErrorPrinter, NestedCausesFollowAndKeepTheirType) {
  const auto [text, code] = caught([] {
    try {
      throw ScenarioError("plan.yaml: invalid scenario (2 problems)");
    } catch (...) {
      std::throw_with_nested(Error("cannot run plan.yaml"));
    }
  });
  EXPECT_EQ(text,
            "teamsim run: error: cannot run plan.yaml\n"
            "  because: plan.yaml: invalid scenario (2 problems)\n");
  EXPECT_EQ(code, kExitInvalidScenario);  // from the cause: the context has no kind of its own
}

TEST(ErrorPrinter, ExitCodesOfEachKind) {
  EXPECT_EQ(caught([] { throw Error("cannot write out/summary.csv"); }).second, kExitRuntimeError);
  EXPECT_EQ(caught([] { throw std::runtime_error("disk"); }).second, kExitRuntimeError);
  EXPECT_EQ(caught([] { throw ScenarioError("x"); }).second, kExitInvalidScenario);
  EXPECT_EQ(caught([] { throw model::LimitExceeded("x"); }).second, kExitInvalidScenario);
  EXPECT_EQ(caught([] { throw ExpectationFailure("x"); }).second, kExitExpectationFailed);
  EXPECT_EQ(caught([] { throw Interrupted("x"); }).second, kExitInterrupted);
}

TEST(ErrorPrinter, LaterLinesOfAMessageAreIndented) {
  EXPECT_EQ(format_error("batch", Interrupted("stopped during b.yaml\nfinished before it: a.yaml")),
            "teamsim batch: error: stopped during b.yaml\n  finished before it: a.yaml\n");
}

TEST(ErrorPrinter, WarningsAndTheInnermostMessage) {
  EXPECT_EQ(format_warning("batch", "b.yaml: --histogram arr@18 skipped"),
            "teamsim batch: warning: b.yaml: --histogram arr@18 skipped\n");
  try {
    try {
      throw UsageError("inner");
    } catch (...) {
      std::throw_with_nested(Error("outer"));
    }
  } catch (const std::exception& e) {
    EXPECT_EQ(innermost_message(e), "inner");
  }
}

}  // namespace
}  // namespace teamsim::app
