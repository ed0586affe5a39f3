#include "app/cli/command_options.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <string>
#include <system_error>

#include "app/analysis/run_summary.h"
#include "app/cli/error_printer.h"
#include "app/cli/histogram_option.h"
#include "app/common/diagnostics.h"
#include "app/common/errors.h"
#include "app/common/number_format.h"
#include "app/common/plural.h"
#include "app/common/suggestions.h"
#include "app/common/trimmed.h"
#include "app/scenario/number_hints.h"

namespace teamsim::app {

std::size_t SimulationOptions::replications_for(const model::ScenarioSpec& spec) const {
  return replications > 0 ? replications : static_cast<std::size_t>(spec.replications);
}

std::uint64_t SimulationOptions::seed_for(const model::ScenarioSpec& spec) const {
  return seed.value_or(spec.seed);
}

void warn_if_variants_hold_the_team(std::string_view command, const ScenarioOptions& options,
                                    const model::ScenarioSpec& spec) {
  if (!options.variant.empty()) return;
  const std::vector<std::string> variants = scenario_variants(options.path);
  if (variants.empty()) return;
  if (!spec.starting_staff.empty() || !spec.hires.empty() || !spec.hiring_rules.empty()) {
    // A base that employs people runs as a plan, but a file that declares variants was written
    // to run them, and the report of its base ("Dated hires: none") said nothing of them.
    print_note(command,
               fmt::format("{0} declares variants ({1}); without --variant this is its base "
                           "plan, none of them: choose one with --variant {2}, or compare them "
                           "with teamsim compare {0} --variants {3}",
                           options.path, fmt::join(variants, ", "), variants.front(),
                           fmt::join(variants, ",")));
    return;
  }
  print_warning(command,
                fmt::format("{0} without a variant is its base plan, which employs no one (no "
                            "starting_staff, hires or hiring_rules), so every result is a team of "
                            "nobody; its plans are its variants ({1}): choose one with --variant "
                            "{2}, or compare them with teamsim compare {0} --variants {3}",
                            options.path, fmt::join(variants, ", "), variants.front(),
                            fmt::join(variants, ",")));
}

LoadResult load_scenario(const ScenarioRequest& request, bool strict) {
  std::set<std::string> said;
  return load_scenario(request, strict, said);
}

LoadResult load_scenario(const ScenarioRequest& request, bool strict, std::set<std::string>& said,
                         std::vector<Diagnostic>* warnings_out) {
  const auto say = [&said](const Diagnostic& diagnostic) {
    std::string line = format_diagnostic(diagnostic);
    if (said.insert(line).second) fmt::print(stderr, "{}\n", line);
  };
  // A file that cannot be read is the command line's mistake, said by the one printer. A folder
  // opens as a stream on Linux and was reported as an invalid scenario ("cannot read the file:
  // Is a directory", exit 3); it is the command line's mistake too, and batch is what runs one.
  std::error_code status;
  if (std::filesystem::is_directory(request.path, status)) {
    std::string folder = request.path;
    while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
    throw UsageError(fmt::format(
        "{0} is a folder, not a scenario file: name a file in it ({0}/plan.yaml), or run every "
        "scenario it holds with teamsim batch {0}",
        folder));
  }
  if (!std::ifstream(request.path)) {
    const int reason = errno;
    throw UsageError(
        fmt::format("cannot read the scenario file {}: {}", request.path, std::strerror(reason)));
  }
  LoadResult loaded = resolve_scenario(request);
  if (!loaded.ok() && !request.variant.empty()) {
    // A --variant the file does not declare is the command line's mistake (exit 2), as an unknown
    // metric is; the file is said with the names it has. Only when the base loads without a
    // problem: otherwise its own problems are said, as for any invalid scenario.
    const ResolvedTree base = resolve_scenario_tree({request.path, "", {}});
    if (base.diagnostics.empty() && std::find(base.variants.begin(), base.variants.end(),
                                              request.variant) == base.variants.end()) {
      throw UnknownVariantError(
          base.variants.empty()
              ? fmt::format("{} has no variant '{}': it declares no variants", request.path,
                            request.variant)
              : fmt::format("{} has no variant '{}'{}", request.path, request.variant,
                            suggestion(request.variant, base.variants, "its variants are")));
    }
  }
  for (const Diagnostic& diagnostic : loaded.diagnostics) say(diagnostic);
  if (!loaded.ok()) {
    const std::string label =
        request.variant.empty() ? request.path : request.path + ":" + request.variant;
    throw ScenarioError(fmt::format("{}: invalid scenario ({})", label,
                                    counted(loaded.diagnostics.size(), "problem")));
  }
  for (const Diagnostic& warning : loaded.warnings) {
    if (warnings_out != nullptr) {
      warnings_out->push_back(warning);
    } else {
      say(warning);
    }
  }
  if (strict && !loaded.warnings.empty()) {
    const std::string label =
        request.variant.empty() ? request.path : request.path + ":" + request.variant;
    throw ScenarioError(fmt::format("{}: {}, an error with --strict", label,
                                    counted(loaded.warnings.size(), "plausibility warning")));
  }
  return loaded;
}

void WarningsOfLoads::add(const std::vector<Diagnostic>& found, std::size_t load) {
  for (const Diagnostic& warning : found) {
    const std::string line = format_diagnostic(warning);
    auto it = std::find_if(found_.begin(), found_.end(),
                           [&](const Found& known) { return known.line == line; });
    if (it == found_.end()) it = found_.insert(found_.end(), {line, warning, {}});
    it->loads.push_back(load);
  }
}

void WarningsOfLoads::print(
    std::size_t loads,
    const std::function<std::string(const std::vector<std::size_t>&)>& name_loads) const {
  for (const Found& found : found_) {
    const std::string names = found.loads.size() == loads ? std::string() : name_loads(found.loads);
    if (names.empty()) {
      fmt::print(stderr, "{}\n", found.line);
    } else {
      fmt::print(stderr, "{} ({})\n", found.line, names);
    }
  }
}

std::vector<Diagnostic> WarningsOfLoads::warnings(
    std::size_t loads,
    const std::function<std::string(const std::vector<std::size_t>&)>& name_loads) const {
  std::vector<Diagnostic> said;
  for (const Found& found : found_) {
    said.push_back(found.warning);
    const std::string names = found.loads.size() == loads ? std::string() : name_loads(found.loads);
    if (!names.empty()) said.back().message += fmt::format(" ({})", names);
  }
  return said;
}

void WarningsOfLoads::print_named(
    const std::function<std::string(const Diagnostic&, const std::vector<std::size_t>&)>& name)
    const {
  for (const Found& found : found_) {
    const std::string names = name(found.warning, found.loads);
    if (names.empty()) {
      fmt::print(stderr, "{}\n", found.line);
    } else {
      fmt::print(stderr, "{} ({})\n", found.line, names);
    }
  }
}

void add_strict_option(CLI::App& command, bool& strict) {
  command.add_flag("--strict", strict,
                   "Treat plausibility warnings (a churn of 1 meant as 1 %, a quota no rep can "
                   "reach, ...) as errors");
}

void add_scenario_options(CLI::App& command, ScenarioOptions& options) {
  command.add_option("scenario", options.path, "Scenario YAML file")->required();
  add_variant_option(command, options.variant);
  add_override_option(command, options.overrides);
  add_strict_option(command, options.strict);
}

void add_variant_option(CLI::App& command, std::string& variant) {
  command.add_option("--variant", variant,
                     "Use this variant of the scenario (a name under its `variants:`)");
}

void add_override_option(CLI::App& command, std::vector<std::string>& overrides) {
  command.add_option("--set", overrides,
                     "Override a key: KEY.PATH=VALUE, VALUE in YAML (repeatable), e.g.\n"
                     "--set pipeline.win_rate=0.25 --set hires[0].month=3");
}

CLI::Validator trimmed_items() {
  return CLI::Validator(
      [](std::string& text) {
        text = trimmed(text);
        return std::string();
      },
      "");
}

CLI::Validator whole_number_from(std::uint64_t min, std::uint64_t max) {
  return CLI::Validator(
      [min, max](std::string& text) {
        std::uint64_t value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
            value < min || value > max) {
          return fmt::format("'{}' is not a whole number from {} to {}", text, min, max);
        }
        return std::string();
      },
      fmt::format("UINT in [{} - {}]", min, max));
}

CLI::Validator number_from(double min, double max) {
  return CLI::Validator(
      [min, max](std::string& text) {
        // 1_500_000, as a scenario writes it: the underscores between digits go.
        for (std::size_t i = 1; i + 1 < text.size(); ++i) {
          if (text[i] == '_' && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
              std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
            text.erase(i, 1);
          }
        }
        double value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
            !std::isfinite(value)) {
          const std::optional<double> amount = human_amount(text);
          if (!amount) return fmt::format("'{}' is not a number", text);
          return fmt::format(
              "'{}' is not a plain number; write {:.15g} (digits only: no currency sign, "
              "thousands commas or k/M suffix)",
              text, *amount);
        }
        if (value < min || value > max) {
          return fmt::format("{} is not from {} to {}", text, format_grouped(min, 0),
                             format_grouped(max, 0));
        }
        return std::string();
      },
      "NUMBER");
}

void add_simulation_options(CLI::App& command, SimulationOptions& options, std::string_view whose,
                            std::size_t min_replications) {
  command
      .add_option(
          "-n,--replications", options.replications,
          fmt::format("Monte Carlo replications (default: {} `replications`, else 1000)", whose))
      ->check(whole_number_from(min_replications, 1'000'000));
  // Digits only: the conversion to an unsigned number would take -1 (or a number past 2^64 - 1)
  // as 18446744073709551615 and run on it without a word, where the scenario's `seed:` says no.
  const CLI::Validator whole_seed = whole_number_from(0, std::numeric_limits<std::uint64_t>::max());
  command
      .add_option(
          "-s,--seed", options.seed,
          fmt::format("Master random seed; same seed, same numbers (default: {} `seed`)", whose))
      ->check(whole_seed);
  command
      .add_option("-t,--threads", options.threads,
                  "Worker threads (default: all cores); never changes the results")
      ->check(whole_number_from(1, 1024));
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
        try {
          parse_histogram_option(text);
          return std::string();
        } catch (const UsageError& e) {
          return std::string(e.what());
        }
      },
      "METRIC@MONTH");
  command
      .add_option("--histogram", histograms,
                  fmt::format("Also chart how METRIC at MONTH spreads over the replications, e.g.\n"
                              "arr@24, customers@last or, with a start_date, arr@2028-12\n"
                              "(repeatable): {}histogram.<metric>.m<month>"
                              ".svg{}",
                              charts, more))
      ->check(form);
}

}  // namespace teamsim::app
