#include "app/command_options.h"

#include <fmt/format.h>

namespace teamsim::app {

std::size_t SimulationOptions::replications_for(const model::ScenarioSpec& spec) const {
  return replications > 0 ? replications : static_cast<std::size_t>(spec.replications);
}

std::uint64_t SimulationOptions::seed_for(const model::ScenarioSpec& spec) const {
  return seed.value_or(spec.seed);
}

void add_simulation_options(CLI::App& command, SimulationOptions& options, std::string_view whose) {
  command
      .add_option(
          "-n,--replications", options.replications,
          fmt::format("Monte Carlo replications (default: {} `replications`, else 1000)", whose))
      ->check(CLI::Range(1, 1'000'000));
  command.add_option(
      "-s,--seed", options.seed,
      fmt::format("Master random seed; same seed, same numbers (default: {} `seed`)", whose));
  command
      .add_option("-t,--threads", options.threads,
                  "Worker threads (default: all cores); never changes the results")
      ->check(CLI::Range(1, 1024));
}

void add_chart_format_options(CLI::App& command, ReportFormats& formats, bool imply_report) {
  const char* implied = imply_report ? "; implies --report" : "";
  command.add_flag(
      "--png", formats.png,
      fmt::format("Also write each chart as charts/<name>.png, at twice its size{}", implied));
  command.add_flag("--pdf", formats.pdf,
                   fmt::format("Also write each chart as charts/<name>.pdf, vector{}", implied));
}

}  // namespace teamsim::app
