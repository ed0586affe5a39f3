#include "app/cli/run_outputs.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "app/analysis/expectation_check.h"
#include "app/common/atomic_file.h"
#include "app/common/errors.h"
#include "app/common/plural.h"
#include "app/report/report_charts.h"
#include "app/results/junit.h"
#include "app/results/summary_reader.h"
#include "app/scenario/scenario_as_run_yaml.h"

namespace teamsim::app {

SummaryDocument read_back_summary(std::string_view summary_json_text) {
  try {
    return parse_summary_json(summary_json_text);
  } catch (const Error&) {
    std::throw_with_nested(Error("cannot read back summary.json"));
  }
}

std::string scenario_as_run_text(const std::string& yaml, const ScenarioRequest& request,
                                 const model::ScenarioSpec& spec, std::size_t replications,
                                 std::uint64_t seed, const std::string& options) {
  // The file's name only: the same run from another directory writes the same bytes.
  std::string provenance = std::filesystem::path(request.path).filename().string();
  if (!request.variant.empty()) provenance += fmt::format(", variant {}", request.variant);
  for (const std::string& override_text : request.overrides) {
    provenance += fmt::format(", --set {}", override_text);
  }
  // The file keeps the scenario's own replications and seed (so its hash is the run's); a run
  // with others says them on the command line. No folder in it: the same run into another
  // folder writes the same bytes.
  std::string rerun = "teamsim run <this file>";
  if (replications != static_cast<std::size_t>(spec.replications)) {
    rerun += fmt::format(" -n {}", replications);
  }
  if (seed != spec.seed) rerun += fmt::format(" --seed {}", seed);
  rerun += options;
  return scenario_as_run_file(yaml, provenance, rerun);
}

std::vector<ExpectationResult> finish_run(const std::string& out_dir,
                                          const std::string& summary_json_text,
                                          const std::vector<Expectation>& expectations,
                                          const RunExtras& extras,
                                          std::vector<std::string>* written) {
  const SummaryDocument document = read_back_summary(summary_json_text);
  // With the marks of where each was written, for the messages (summary.json keeps them
  // without, for `teamsim report`).
  std::vector<ExpectationResult> results = check_expectations(expectations, document.summary);
  std::vector<std::string> paths;
  if (extras.report || extras.formats.png || extras.formats.pdf) {
    ReportContext context;
    context.generated_at = format_utc(report_clock_now());
    context.run_at = format_utc(extras.finished_at);
    context.run_seconds = reported_run_seconds(extras.seconds);
    context.source_file = extras.scenario_file;
    context.expectations = results;
    context.warnings = extras.warnings;
    paths = write_report(out_dir, document, context, extras.formats);
  } else if (!extras.histograms.empty()) {
    std::vector<ReportChart> charts;
    for (const HistogramSummary& h : document.summary.histograms) {
      const bool asked = std::any_of(
          extras.histograms.begin(), extras.histograms.end(),
          [&](const HistogramRequest& r) { return r.metric == h.metric && r.month == h.month; });
      if (asked) charts.push_back(histogram_chart(document.summary, h));
    }
    paths = write_charts_and_page(out_dir, charts, "", "", extras.formats);
  }
  if (!expectations.empty()) {
    ExpectationSuite suite;
    suite.name = std::filesystem::path(extras.scenario_file).stem().string();
    suite.file = extras.scenario_file;
    suite.results = results;
    const std::string junit_path = (std::filesystem::path(out_dir) / "junit.xml").string();
    write_file_atomically(junit_path, junit_xml({suite}));
    paths.push_back(junit_path);
  }
  if (written != nullptr) written->insert(written->end(), paths.begin(), paths.end());
  return results;
}

std::string written_files_phrase(const std::string& out_dir,
                                 const std::vector<std::string>& written) {
  const std::string charts = (std::filesystem::path(out_dir) / "charts").string() + "/";
  std::vector<std::string> files;
  std::size_t chart_files = 0;
  for (const std::string& path : written) {
    if (path.starts_with(charts)) {
      ++chart_files;
    } else {
      files.push_back(path);
    }
  }
  if (chart_files > 0) {
    files.push_back(fmt::format("{} under {}", counted(chart_files, "chart file"),
                                charts.substr(0, charts.size() - 1)));
  }
  return listed(files);
}

void throw_if_expectations_failed(const std::vector<ExpectationResult>& results) {
  if (const std::size_t failed = count_failures(results); failed > 0) {
    throw ExpectationFailure(
        fmt::format("{} of {} failed", failed, counted(results.size(), "expectation")));
  }
}

void throw_interrupted() {
  throw Interrupted("interrupted before the run finished; nothing was written");
}

std::string format_expectation_results(const std::vector<ExpectationResult>& results,
                                       const std::string& scenario_file, bool colour) {
  std::string out;
  const char* green = colour ? "\033[32m" : "";
  const char* red = colour ? "\033[31m" : "";
  const char* reset = colour ? "\033[0m" : "";
  for (const ExpectationResult& result : results) {
    const Expectation& e = result.expectation;
    if (result.passed) {
      out += fmt::format("{}PASS{} {}\n", green, reset, result.message);
    } else {
      // Where the assertion was written: a file it extends, or the scenario file itself.
      out += fmt::format("{}FAIL{} {}:{}:{}: {}\n", red, reset,
                         e.mark.file.empty() ? scenario_file : e.mark.file, e.mark.line,
                         e.mark.column, result.message);
    }
  }
  return out;
}

bool colour_wanted(std::FILE* stream) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  return isatty(fileno(stream)) != 0;
}

}  // namespace teamsim::app
