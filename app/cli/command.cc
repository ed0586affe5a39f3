#include "app/cli/command.h"

#include <fmt/format.h>

#include "app/common/diagnostics.h"
#include "app/scenario/scenario_loader.h"

namespace teamsim::app {

std::optional<model::ScenarioSpec> load_scenario_or_report(const std::string& path) {
  LoadResult loaded = load_scenario_file(path);
  for (const Diagnostic& diagnostic : loaded.diagnostics) {
    fmt::print(stderr, "{}\n", format_diagnostic(diagnostic));
  }
  if (!loaded.ok()) {
    fmt::print(stderr, "{}: invalid scenario ({} problem{})\n", path, loaded.diagnostics.size(),
               loaded.diagnostics.size() == 1 ? "" : "s");
    return std::nullopt;
  }
  return std::move(loaded.spec);
}

}  // namespace teamsim::app
