#include "app/cli/command_options.h"

#include <fmt/format.h>

#include "app/analysis/run_summary.h"

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

void add_histogram_option(CLI::App& command, std::vector<std::string>& histograms,
                          std::string_view charts, std::string_view more) {
  const CLI::Validator form(
      [](std::string& text) {
        std::string error;
        return parse_histogram_option(text, error) ? std::string() : error;
      },
      "METRIC@MONTH");
  command
      .add_option("--histogram", histograms,
                  fmt::format("Also chart how METRIC at MONTH spreads over the replications, e.g.\n"
                              "arr@24 or customers@last (repeatable): {}histogram.<metric>.m<month>"
                              ".svg{}",
                              charts, more))
      ->check(form);
}

}  // namespace teamsim::app
