#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/report/report_writer.h"
#include "models/scenario_spec.h"

// Options several subcommands share, declared once so their names, checks and help agree.

namespace teamsim::app {

/// How much to simulate, on which seed and with how many threads.
struct SimulationOptions {
  std::size_t replications = 0;       ///< 0: the scenario's own `replications`
  std::optional<std::uint64_t> seed;  ///< unset: the scenario's own `seed`
  unsigned threads = 0;               ///< 0: every core; never changes the results

  /// The replications to run: the ones given, else the scenario's.
  std::size_t replications_for(const model::ScenarioSpec& spec) const;
  /// The master seed: the one given, else the scenario's.
  std::uint64_t seed_for(const model::ScenarioSpec& spec) const;
};

/// Adds -n/--replications, -s/--seed and -t/--threads. `whose` names where the defaults come
/// from in the help: "the scenario's", "the first plan's", "each scenario's".
void add_simulation_options(CLI::App& command, SimulationOptions& options, std::string_view whose);

/// Adds --png and --pdf (each chart also as charts/<name>.png or .pdf, through librsvg). With
/// `imply_report` the help says that either flag also writes the report.
void add_chart_format_options(CLI::App& command, ReportFormats& formats, bool imply_report);

/// Adds --histogram METRIC@MONTH (repeatable) collecting the texts into `histograms`; a text not
/// of that form is a usage error before anything runs (see parse_histogram_option). `charts`
/// says where the charts go ("OUT/charts/"); `more` ends the help (may be empty).
void add_histogram_option(CLI::App& command, std::vector<std::string>& histograms,
                          std::string_view charts, std::string_view more);

}  // namespace teamsim::app
