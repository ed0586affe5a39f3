#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/common/diagnostics.h"
#include "app/common/errors.h"
#include "app/report/report_writer.h"
#include "app/scenario/scenario_resolver.h"
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

/// Which scenario to simulate: a file, one of its variants and --set overrides.
struct ScenarioOptions {
  std::string path;
  std::string variant;                 ///< empty: the base scenario
  std::vector<std::string> overrides;  ///< each KEY.PATH=VALUE
  bool strict = false;                 ///< plausibility warnings are errors

  /// The request for scenario_resolver.h.
  ScenarioRequest request() const { return {path, variant, overrides}; }
};

/// A --variant the scenario file does not declare: the command line's mistake (exit code 2), told
/// apart from a file that cannot be read by a command that checks several files.
class UnknownVariantError : public UsageError {
 public:
  using UsageError::UsageError;
};

/// Resolves and loads a request, printing every diagnostic to stderr; throws UsageError ("cannot
/// read the scenario file plan.yaml: No such file or directory") when its file cannot be read,
/// UnknownVariantError when it does not declare the request's variant, and ScenarioError
/// ("plan.yaml:fast: invalid scenario (2 problems)") when there is an error
/// among the diagnostics. Plausibility warnings are printed too; with `strict` they are errors
/// ("plan.yaml: 1 plausibility warning, an error with --strict").
LoadResult load_scenario(const ScenarioRequest& request, bool strict = false);

/// Warns on stderr ("teamsim <command>: warning: ...") when `options` chose no variant of a file
/// that declares some and whose base plan employs no one (no starting staff, dated hires or
/// hiring rules): its results would be a team of nobody, the plans being in the variants. A base
/// that employs people gets a note instead ("teamsim <command>: note: ..."): it runs, but none of
/// the variants the file declares.
void warn_if_variants_hold_the_team(std::string_view command, const ScenarioOptions& options,
                                    const model::ScenarioSpec& spec);

/// load_scenario for a command that loads the same file many times (a sweep's points, compare's
/// variants): a diagnostic already in `said` is not printed again, and each printed one is added.
/// With `warnings_out`, plausibility warnings are handed there instead of printed (--strict still
/// refuses them), for a caller that says which of its loads each belongs to.
LoadResult load_scenario(const ScenarioRequest& request, bool strict, std::set<std::string>& said,
                         std::vector<Diagnostic>* warnings_out = nullptr);

/// The plausibility warnings of several loads of one scenario (a sweep's points, compare's plans),
/// each said once: as it is when every load gave it (the scenario's own), else naming the loads
/// that did (the quota a low win rate cannot fill, at one point of a sweep).
class WarningsOfLoads {
 public:
  /// The warnings load `load` handed to load_scenario's `warnings_out`.
  void add(const std::vector<Diagnostic>& found, std::size_t load);
  /// Prints each warning to stderr, followed by " (" + name_loads(the loads that gave it) + ")"
  /// unless all `loads` did or that name is empty.
  void print(std::size_t loads,
             const std::function<std::string(const std::vector<std::size_t>&)>& name_loads) const;
  /// Each warning once, as print says it: its message followed by " (" + name_loads(...) + ")"
  /// unless all `loads` gave it or that name is empty (for a report's list of warnings).
  std::vector<Diagnostic> warnings(
      std::size_t loads,
      const std::function<std::string(const std::vector<std::size_t>&)>& name_loads) const;
  /// Prints each warning to stderr, followed by " (" + name(it, the loads that gave it) + ")"
  /// unless that name is empty: for a caller whose naming depends on where it was written.
  void print_named(const std::function<std::string(const Diagnostic&,
                                                   const std::vector<std::size_t>&)>& name) const;

 private:
  /// A warning as formatted, as found, and the loads that gave it.
  struct Found {
    std::string line;
    Diagnostic warning;
    std::vector<std::size_t> loads;
  };
  /// Each warning, in the order first met.
  std::vector<Found> found_;
};

/// Adds --strict: plausibility warnings stop the command.
void add_strict_option(CLI::App& command, bool& strict);

/// A check that an option's text is a whole number from `min` to `max` (digits only), refusing
/// anything else as "'abc' is not a whole number from 1 to 1000000".
CLI::Validator whole_number_from(std::uint64_t min, std::uint64_t max);

/// The spaces around each item of a comma-separated option taken away ("arr, cash" as "arr" and
/// "cash", as a sentence lists them): add it with transform.
CLI::Validator trimmed_items();

/// A check that an option's text is a plain number from `min` to `max` ("1500000", "12.5", or
/// "1_500_000" as a scenario writes it, whose underscores it takes out: add it with transform),
/// refusing anything else as
/// "'1.5M' is not a number from 0 to 1000000000000000; write 1500000 (digits only: no currency
/// sign, thousands commas or k/M suffix)" (the hint when the text reads as an amount).
CLI::Validator number_from(double min, double max);

/// Adds the `scenario` argument (a file, checked by load_scenario), --variant, --set and
/// --strict.
void add_scenario_options(CLI::App& command, ScenarioOptions& options);

/// Adds --variant NAME alone (for a command whose files are given otherwise).
void add_variant_option(CLI::App& command, std::string& variant);

/// Adds --set KEY.PATH=VALUE (repeatable) alone.
void add_override_option(CLI::App& command, std::vector<std::string>& overrides);

/// Adds -n/--replications, -s/--seed and -t/--threads. `whose` names where the defaults come
/// from in the help: "the scenario's", "the first plan's", "each scenario's"; -n is at least
/// `min_replications`.
void add_simulation_options(CLI::App& command, SimulationOptions& options, std::string_view whose,
                            std::size_t min_replications = 1);

/// Adds --png and --pdf (each chart also as charts/<name>.png or .pdf, through librsvg). With
/// `imply_report` the help says that either flag also writes the report.
void add_chart_format_options(CLI::App& command, ReportFormats& formats, bool imply_report);

/// Adds --histogram METRIC@MONTH (repeatable) collecting the texts into `histograms`; a text not
/// of that form is a usage error before anything runs (see parse_histogram_option). `charts`
/// says where the charts go ("OUT/charts/"); `more` ends the help (may be empty).
void add_histogram_option(CLI::App& command, std::vector<std::string>& histograms,
                          std::string_view charts, std::string_view more);

}  // namespace teamsim::app
