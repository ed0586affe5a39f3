#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "app/analysis/expectation_check.h"
#include "app/analysis/run_summary.h"
#include "app/common/diagnostics.h"
#include "app/report/report_writer.h"
#include "app/results/junit.h"
#include "app/results/summary_reader.h"
#include "app/scenario/scenario_resolver.h"

namespace teamsim::app {

/// What to do with a finished run besides summary.csv and summary.json.
struct RunExtras {
  bool report = false;                                ///< write report.html and charts/*.svg
  ReportFormats formats;                              ///< also PNG/PDF charts (implies the report)
  std::string scenario_file;                          ///< shown in the report and junit.xml
  std::chrono::system_clock::time_point finished_at;  ///< when the run ended
  double seconds = 0;                                 ///< how long it took
  /// Histograms asked for on the command line: without the report, their charts alone.
  std::vector<HistogramRequest> histograms;
  /// The scenario's plausibility warnings, shown in the report.
  std::vector<Diagnostic> warnings;
};

/// parse_summary_json of the summary.json just written; its Error is nested in an Error "cannot
/// read back summary.json".
SummaryDocument read_back_summary(std::string_view summary_json_text);

/// Writes the report (when asked; else the charts of the histograms asked for) into `out_dir` from
/// `summary_json_text` (the summary.json just written), checks `expectations` against it, writes
/// `out_dir`/junit.xml when there are any, and returns their results; appends the paths of the
/// files it wrote to `written` (when given). Throws std::runtime_error when a file cannot be
/// written.
std::vector<ExpectationResult> finish_run(const std::string& out_dir,
                                          const std::string& summary_json_text,
                                          const std::vector<Expectation>& expectations,
                                          const RunExtras& extras,
                                          std::vector<std::string>* written = nullptr);

/// OUT/scenario.yaml (docs/output-folders.md, "The scenario as run"): `yaml`, rendered from the
/// loaded tree before the run (scenario_as_run_yaml), after a comment naming where it came from
/// (`request`) and the command that reproduces the run: `-n` and `--seed` when `replications` and
/// `seed` are not `spec`'s own, and `options` (e.g. " --metrics arr,cash") as they were given.
std::string scenario_as_run_text(const std::string& yaml, const ScenarioRequest& request,
                                 const model::ScenarioSpec& spec, std::size_t replications,
                                 std::uint64_t seed, const std::string& options = "");

/// "out/report.html, out/junit.xml and 24 chart files under out/charts": the files a run wrote,
/// its charts counted rather than listed.
std::string written_files_phrase(const std::string& out_dir,
                                 const std::vector<std::string>& written);

/// Throws ExpectationFailure ("1 of 3 expectations failed") when any of `results` failed.
void throw_if_expectations_failed(const std::vector<ExpectationResult>& results);

/// Throws Interrupted: the run was stopped before it finished and nothing was written.
[[noreturn]] void throw_interrupted();

/// Each result as "PASS message" / "FAIL file:line:column: message", one per line, for stderr;
/// the file is where the assertion was written (a file the scenario extends), else
/// `scenario_file`.
std::string format_expectation_results(const std::vector<ExpectationResult>& results,
                                       const std::string& scenario_file, bool colour);

/// True when colour may be used on `stream`: it is a terminal and NO_COLOR is unset or empty.
bool colour_wanted(std::FILE* stream);

}  // namespace teamsim::app
