#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <system_error>

#include "app/analysis/cash_risk.h"
#include "app/analysis/expectation_check.h"
#include "app/analysis/run_limits.h"
#include "app/analysis/run_summary.h"
#include "app/cli/cli.h"
#include "app/cli/command.h"
#include "app/cli/command_options.h"
#include "app/cli/error_printer.h"
#include "app/cli/histogram_option.h"
#include "app/cli/run_outputs.h"
#include "app/common/atomic_file.h"
#include "app/common/diagnostics.h"
#include "app/common/errors.h"
#include "app/common/number_format.h"
#include "app/common/output_folder.h"
#include "app/common/plural.h"
#include "app/common/progress.h"
#include "app/common/suggestions.h"
#include "app/common/version.h"
#include "app/report/html_report.h"
#include "app/report/report_charts.h"
#include "app/results/junit.h"
#include "app/results/summary_reader.h"
#include "app/results/summary_writer.h"
#include "app/scenario/plan_calendar.h"
#include "app/scenario/scenario_as_run_yaml.h"
#include "app/scenario/scenario_loader.h"
#include "app/scenario/scenario_resolver.h"
#include "models/limits.h"
#include "models/projection.h"
#include "sim/statistics.h"

namespace teamsim::app {
namespace {

namespace fs = std::filesystem;

/// Every *.yaml and *.yml file under `dir`, recursively, sorted by path, but hidden ones, those in
/// hidden folders (".github") and those in folders teamsim wrote results into. A *.yaml entry
/// that is a symbolic link to nothing (its target gone, or a loop) is one too, so that its run
/// says it cannot be read rather than it being left out; any other link that leads nowhere is
/// passed over. A folder that cannot be searched throws.
std::vector<fs::path> find_scenarios(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(dir, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    std::error_code status_error;  // a link to nothing has no status: neither folder nor file
    const fs::file_status status = it->status(status_error);
    // Hidden files and folders are not the batch's, as a shell's *.yaml leaves them out: a
    // repository's .gitlab-ci.yml or .github/workflows/*.yml is not a scenario.
    if (it->path().filename().string().starts_with('.')) {
      if (fs::is_directory(status)) it.disable_recursion_pending();
      continue;
    }
    // A folder teamsim wrote results into (it lists them in .teamsim-files) holds the scenario
    // as run, not a scenario of the batch: an earlier batch's or run's folder is passed over.
    if (fs::is_directory(status)) {
      std::error_code exists_error;
      if (fs::exists(it->path() / ".teamsim-files", exists_error)) it.disable_recursion_pending();
      continue;
    }
    const fs::path extension = it->path().extension();
    if (extension != ".yaml" && extension != ".yml") continue;
    const bool dangling_link = it->is_symlink(status_error) && !fs::exists(status);
    if (fs::is_regular_file(status) || dangling_link) files.push_back(it->path());
  }
  if (error) {
    throw Error(fmt::format("cannot search {} for scenarios: {}", dir.string(), error.message()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// The output folder of a scenario: its path under the batch directory without ".yaml" or
/// ".yml", with sub-folders joined by '-' ("scenarios/eu/plan.yaml" -> "eu-plan"), and
/// ".<variant>" for one of its variants ("plan.fast"), a slash in the variant's name a '-' too
/// ("plan.eu-west" for a variant "eu/west"), so that every run writes one folder directly in OUT.
std::string folder_name(const fs::path& file, const fs::path& dir, const std::string& variant) {
  fs::path relative = file.lexically_relative(dir);
  relative.replace_extension();
  std::string name = relative.generic_string();
  if (!variant.empty()) name += "." + variant;
  std::replace(name.begin(), name.end(), '/', '-');
  std::replace(name.begin(), name.end(), '\\', '-');
  return name;
}

/// How batch names a run: its file, and "--variant NAME" for one of a file's variants.
std::string run_label(const fs::path& file, const std::string& variant) {
  return variant.empty() ? file.string() : file.string() + " --variant " + variant;
}

/// A --histogram a scenario has no metric or month for: skipped there, with the reason.
struct SkippedHistogram {
  std::string text;    ///< as given, "arr@36"
  std::string reason;  ///< "month 36 is outside the horizon of 24 months"
};

struct ScenarioOutcome {
  BatchIndexEntry entry;
  ExpectationSuite suite;
  std::vector<SkippedHistogram> skipped_histograms;
  std::vector<Diagnostic> warnings;  ///< its plausibility warnings; none when it did not load
  std::exception_ptr failure;        ///< why the scenario could not run; null when it ran
  int exit_code = kExitOk;           ///< of the failure, or 4 when an expectation failed
};

class BatchCommand final : public Command {
 public:
  void declare(CLI::App& parser) override {
    CLI::App* batch = &parser;
    batch
        ->add_option("dir", dir_,
                     "Folder of scenario files (*.yaml, searched recursively; hidden "
                     "files\nand folders and folders of teamsim's results are passed over)")
        ->required();
    batch->add_option("-o,--out", out_, "Output folder")->capture_default_str();
    add_simulation_options(*batch, simulation_, "each scenario's");
    batch->add_flag("--json", json_,
                    "Print a machine-readable summary on stdout (the table goes to stderr)");
    add_chart_format_options(*batch, formats_, /*imply_report=*/false);
    add_histogram_option(*batch, histograms_, "OUT/<scenario>/charts/",
                         ",\nfor each scenario (MONTH 'last' is each one's last month); a scenario "
                         "without\nthe metric or the month skips it with a message");
    add_strict_option(*batch, strict_);
    batch->add_flag("-q,--quiet", quiet_,
                    "No progress or notes: only the table (or JSON), what failed and any warnings");
    batch->footer(
        "Runs every *.yaml and *.yml file: one with `variants:` as its variants (its base is\n"
        "what they share), one without as itself. Writes OUT/<scenario>/ or\n"
        "OUT/<scenario>.<variant>/ (summary.csv, summary_wide.csv, summary.json, charts/,\n"
        "report.html) for each,\n"
        "OUT/index.html linking them and OUT/junit.xml with one test case per `expect:`\n"
        "assertion. OUT holds this batch's files only (docs/output-folders.md).\n"
        "Plausibility warnings are said before anything runs, each once (and\n"
        "listed under each scenario's `warnings` in --json); with --strict a scenario\n"
        "that has one does not run and is an error.\n"
        "Exit code 4 when an assertion fails, 3 when a scenario is invalid.\n"
        "Example: teamsim batch scenarios --out artifacts/batch -n 1000 --strict --json");
  }

  void execute(const std::atomic<bool>& stop_requested) override;

 private:
  /// Runs one scenario into `outcome`; a scenario that cannot run throws.
  void run_one(ScenarioOutcome& outcome, const fs::path& file, const std::string& variant,
               const std::atomic<bool>& stop_requested);
  /// The --histogram requests for a scenario; those it cannot have go to `skipped`.
  std::vector<HistogramRequest> histograms_for(const model::ScenarioSpec& spec,
                                               std::vector<SkippedHistogram>& skipped) const;
  /// Prints the plausibility warnings of `runs` to stderr, each once, naming the runs that gave it
  /// unless they are its file's: the files that extend the base it is written in, or the variants
  /// of one only some of its plans have ("(in fast)", as validate says it).
  void say_warnings(const std::vector<std::pair<fs::path, std::string>>& runs) const;
  /// Throws UsageError for the first --histogram metric that is a metric of no valid scenario of
  /// `runs`.
  void check_histogram_metrics(const std::vector<std::pair<fs::path, std::string>>& runs) const;
  /// The (file, variant) runs of the folder: each variant of a file with variants, else the file.
  /// Throws UsageError for no scenario, or two files that would write into one folder.
  std::vector<std::pair<fs::path, std::string>> find_runs() const;
  /// What Ctrl-C during `file` stopped, naming the scenarios that finished before it.
  Interrupted interrupted_during(const fs::path& file,
                                 const std::vector<ScenarioOutcome>& outcomes) const;
  /// Writes index.html and junit.xml and prints the table (and --json's summary).
  void write_summaries(const std::vector<ScenarioOutcome>& outcomes, int exit_code,
                       OutputFolder& folder) const;

  std::string dir_;
  std::string out_ = "out/batch";
  SimulationOptions simulation_;
  bool json_ = false;
  ReportFormats formats_;
  bool quiet_ = false;
  bool strict_ = false;  // a scenario with a plausibility warning is an error
  std::vector<std::string> histograms_;
  std::vector<HistogramOption> histogram_options_;  // histograms_ parsed, in the same order
  std::set<std::string> printed_diagnostics_;       // each problem is printed once
};

std::vector<HistogramRequest> BatchCommand::histograms_for(
    const model::ScenarioSpec& spec, std::vector<SkippedHistogram>& skipped) const {
  std::vector<HistogramRequest> requests;
  if (histogram_options_.empty()) return requests;
  const std::vector<std::string> names = model::MetricLayout(spec).names();
  for (std::size_t i = 0; i < histogram_options_.size(); ++i) {
    // The metric is one of another scenario's (checked before the batch): no list of names.
    const std::string& metric = histogram_options_[i].metric;
    if (std::find(names.begin(), names.end(), metric) == names.end()) {
      skipped.push_back({histograms_[i], fmt::format("this scenario has no metric '{}'", metric)});
      continue;
    }
    try {
      requests.push_back(resolve_histogram_option(histogram_options_[i], names, spec.horizon_months,
                                                  start_date_of(spec)));
    } catch (const UsageError& e) {  // a month past this scenario's horizon: skipped, not fatal
      skipped.push_back({histograms_[i], e.what()});
    }
  }
  return requests;
}

void BatchCommand::say_warnings(const std::vector<std::pair<fs::path, std::string>>& runs) const {
  WarningsOfLoads warnings;
  std::map<fs::path, std::size_t> runs_of_file;  // how many runs each file makes
  for (std::size_t i = 0; i < runs.size(); ++i) {
    ++runs_of_file[runs[i].first];
    const LoadResult loaded = resolve_scenario({runs[i].first.string(), runs[i].second, {}});
    if (loaded.ok()) warnings.add(loaded.warnings, i);  // else its run says why
  }
  // A warning is said once, followed by the runs that gave it unless its file:line says them: it
  // is written in the one file that gave it, for each of that file's runs. A warning of a base
  // that several files extend names them, and one of only some variants names those
  // ("(in fast)" when written in the variants' own file).
  warnings.print_named([&](const Diagnostic& warning, const std::vector<std::size_t>& which) {
    if (which.size() == runs.size() && runs_of_file.size() > 1) return std::string();
    const fs::path& first_file = runs[which.front()].first;
    const bool one_file = std::all_of(which.begin(), which.end(),
                                      [&](std::size_t i) { return runs[i].first == first_file; });
    const bool written_there =
        fs::path(warning.file).lexically_normal() == first_file.lexically_normal();
    std::vector<std::string> names;
    if (one_file && written_there) {
      if (which.size() == runs_of_file[first_file]) return std::string();
      for (const std::size_t i : which) names.push_back(runs[i].second);
      return fmt::format("in {}", fmt::join(names, ", "));
    }
    for (std::size_t k = 0; k < which.size();) {
      const fs::path& file = runs[which[k]].first;
      std::size_t end = k;  // a file's runs are its variants, one after the other
      while (end < which.size() && runs[which[end]].first == file) ++end;
      if (end - k == runs_of_file[file]) {
        names.push_back(file.string());
      } else {
        for (std::size_t n = k; n < end; ++n)
          names.push_back(run_label(file, runs[which[n]].second));
      }
      k = end;
    }
    return fmt::format("in {}", fmt::join(names, ", "));
  });
}

void BatchCommand::check_histogram_metrics(
    const std::vector<std::pair<fs::path, std::string>>& runs) const {
  if (histogram_options_.empty()) return;
  std::vector<std::string> known;  // every metric name of every valid scenario, once
  for (const auto& [file, variant] : runs) {
    const LoadResult loaded = resolve_scenario({file.string(), variant, {}});
    if (!loaded.ok()) continue;
    for (std::string& name : model::MetricLayout(*loaded.spec).names()) {
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        known.push_back(std::move(name));
      }
    }
  }
  if (known.empty()) return;  // every scenario is invalid: each says so when it runs
  for (std::size_t i = 0; i < histogram_options_.size(); ++i) {
    const std::string& metric = histogram_options_[i].metric;
    if (std::find(known.begin(), known.end(), metric) != known.end()) continue;
    throw UsageError(fmt::format(
        "--histogram {}: no scenario under {} has a metric '{}'{}", histograms_[i], dir_, metric,
        suggestion_or_where(metric, known,
                            "the metrics are the rows of summary.csv (docs/metrics.md)")));
  }
}

/// A scenario's outcome before it runs: its folder, its label and its suite's name.
ScenarioOutcome start_outcome(const fs::path& file, const fs::path& dir,
                              const std::string& variant) {
  ScenarioOutcome outcome;
  const std::string path = file.string();
  outcome.entry.folder = folder_name(file, dir, variant);
  outcome.entry.scenario_file = run_label(file, variant);
  outcome.suite.name = outcome.entry.folder;
  outcome.suite.file = path;
  return outcome;
}

/// Records the exception being handled as why `outcome` could not run and prints it under
/// "cannot run <scenario>". Call it only inside a catch block.
void record_failure(ScenarioOutcome& outcome) {
  try {
    std::throw_with_nested(Error(fmt::format("cannot run {}", outcome.entry.scenario_file)));
  } catch (const std::exception& e) {
    print_error("batch", e);
    outcome.failure = std::current_exception();
    outcome.exit_code = exit_code_of(e);
    outcome.entry.error = innermost_message(e);
    outcome.suite.error = outcome.entry.error;
  }
}

/// The longest name a file or folder may have on the file systems teamsim writes to, in bytes.
constexpr std::size_t kLongestFileName = 255;

void BatchCommand::run_one(ScenarioOutcome& outcome, const fs::path& file,
                           const std::string& variant, const std::atomic<bool>& stop_requested) {
  const std::string path = file.string();
  const std::string& label = outcome.entry.scenario_file;
  // Said before it runs, and the batch goes on: the folder could not be made after the run.
  if (outcome.entry.folder.size() > kLongestFileName) {
    throw ScenarioError(fmt::format(
        "its folder's name in {} would be {} bytes, more than the {} a file system allows; "
        "shorten the file's name{}",
        out_, outcome.entry.folder.size(), kLongestFileName,
        variant.empty() ? "" : " or the variant's"));
  }
  const LoadResult loaded = resolve_scenario({path, variant, {}});
  if (!loaded.ok()) {
    // A problem of the base is every variant's: printed once, listed in each one's JUnit error.
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : loaded.diagnostics) {
      lines.push_back(format_diagnostic(diagnostic));
      if (printed_diagnostics_.insert(lines.back()).second)
        fmt::print(stderr, "{}\n", lines.back());
    }
    outcome.suite.error_detail = fmt::format("{}", fmt::join(lines, "\n"));
    throw ScenarioError(fmt::format("invalid scenario ({}; run teamsim validate {})",
                                    counted(loaded.diagnostics.size(), "problem"), path));
  }
  outcome.warnings = loaded.warnings;
  outcome.entry.warnings = loaded.warnings;
  if (strict_ && !loaded.warnings.empty()) {
    // The warnings are said before the batch runs; the JUnit error lists them as a problem's.
    std::vector<std::string> lines;
    for (const Diagnostic& warning : loaded.warnings) lines.push_back(format_diagnostic(warning));
    outcome.suite.error_detail = fmt::format("{}", fmt::join(lines, "\n"));
    throw ScenarioError(fmt::format("{}, an error with --strict",
                                    counted(loaded.warnings.size(), "plausibility warning")));
  }
  const model::ScenarioSpec& spec = *loaded.spec;
  model::ProjectionOptions options;
  options.replications = simulation_.replications_for(spec);
  options.seed = simulation_.seed_for(spec);
  options.threads = simulation_.threads;
  options.stop_requested = &stop_requested;
  refuse_above_memory_limit(model::sample_memory(spec, options), memory_limit(), "this scenario",
                            "");
  // Rendered before the run: nothing that can fail comes after it.
  const std::string as_run_yaml = scenario_as_run_yaml(*loaded.merged_tree, spec.name);
  if (!quiet_) {
    fmt::print(stderr, "{}: {} x {}, seed {}\n", label,
               counted(options.replications, "replication"), counted(spec.horizon_months, "month"),
               options.seed);
  }
  ProgressLine progress(options.replications, !quiet_ && progress_wanted());
  options.on_progress = [&progress](std::size_t done) { progress.update(done); };
  const auto start = std::chrono::steady_clock::now();
  std::optional<model::Projection> run;
  try {
    run = model::project(spec, options);
  } catch (const model::LimitExceeded&) {
    progress.finish();
    throw;
  }
  const model::Projection& projection = *run;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress.finish();
  if (projection.outcome == sim::RunOutcome::kStopped) throw_interrupted();
  const std::vector<HistogramRequest> histograms = histograms_for(spec, outcome.skipped_histograms);
  if (!quiet_) {
    for (const SkippedHistogram& skipped : outcome.skipped_histograms) {
      print_warning("batch", fmt::format("{}: --histogram {} skipped: {}", label, skipped.text,
                                         skipped.reason));
    }
  }
  RunSummary summary = summarize_run(spec, projection, options.seed, histograms, options.threads);
  summary.assumptions = scenario_assumptions(spec, loaded.written_keys);
  summary.expectations = loaded.expectations;
  summary.warnings = loaded.warnings;
  const std::string csv = summary_csv(summary);
  const std::string wide = summary_wide_csv(summary);
  const std::string json = summary_json(summary, spec);
  const fs::path folder = fs::path(out_) / outcome.entry.folder;
  const std::string as_run = scenario_as_run_text(as_run_yaml, {path, variant, {}}, spec,
                                                  summary.replications, summary.seed);
  ensure_directory(folder.string());
  write_file_atomically((folder / "summary.csv").string(), csv);
  write_file_atomically((folder / "summary.json").string(), json);
  write_file_atomically((folder / "summary_wide.csv").string(), wide);
  write_file_atomically((folder / "scenario.yaml").string(), as_run);

  RunExtras extras;
  extras.report = true;
  extras.formats = formats_;
  extras.scenario_file = label;
  extras.finished_at = report_clock_now();
  extras.seconds = seconds;
  extras.histograms = histograms;
  extras.warnings = loaded.warnings;
  outcome.suite.results = finish_run(folder.string(), json, loaded.expectations, extras);
  outcome.entry.document = read_back_summary(json);
  outcome.entry.expectations = outcome.suite.results.size();
  outcome.entry.failures = count_failures(outcome.suite.results);
  if (outcome.entry.failures > 0) outcome.exit_code = kExitExpectationFailed;
  if (!quiet_ && !outcome.suite.results.empty()) {
    fmt::print(stderr, "{}",
               format_expectation_results(outcome.suite.results, path, colour_wanted(stderr)));
  } else if (quiet_ && outcome.entry.failures > 0) {
    // A failure is said even with -q, as a scenario that cannot run is, under the scenario's
    // name (no line above says which run it is): the closing line says "each is said above".
    std::vector<ExpectationResult> failed;
    for (const ExpectationResult& result : outcome.suite.results) {
      if (!result.passed) failed.push_back(result);
    }
    fmt::print(stderr, "{}: {} of {} failed\n{}", label, outcome.entry.failures,
               counted(outcome.entry.expectations, "expectation"),
               format_expectation_results(failed, path, colour_wanted(stderr)));
  }
}

/// p50 of a metric at the last month, compact, or "—".
std::string last_p50(const RunSummary& summary, const char* name) {
  const MetricSummary* metric = summary.find(name);
  if (metric == nullptr) return "—";
  const std::string symbol =
      metric->info.unit == "currency" ? currency_symbol(summary.currency) : "";
  const double p50 = metric->stats.percentiles(summary.horizon_months - 1, sim::kColumnP50);
  return format_compact(metric->info.unit == "count" ? std::round(p50) : p50, symbol);
}

std::string terminal_table(const std::vector<ScenarioOutcome>& outcomes, bool colour) {
  const char* green = colour ? "\033[32m" : "";
  const char* red = colour ? "\033[31m" : "";
  const char* reset = colour ? "\033[0m" : "";
  std::size_t width = 8;
  for (const ScenarioOutcome& o : outcomes) width = std::max(width, o.entry.folder.size());
  // Every figure is the last month's median, so each column says p50 (customers too), but
  // P(cash<0): the share of runs whose cash went below zero by the last month.
  std::string out =
      fmt::format("{:<{}}  {:>6}  {:>10}  {:>13}  {:>10}  {:>9}  {}\n", "scenario", width, "months",
                  "ARR p50", "customers p50", "cash p50", "P(cash<0)", "expectations");
  for (const ScenarioOutcome& o : outcomes) {
    if (!o.entry.document) {
      out += fmt::format("{:<{}}  {}ERROR{} {}\n", o.entry.folder, width, red, reset,
                         o.entry.error.empty() ? "interrupted" : o.entry.error);
      continue;
    }
    const RunSummary& s = o.entry.document->summary;
    std::string status = "none";
    if (o.entry.expectations > 0) {
      status = o.entry.failures == 0
                   ? fmt::format("{}{} passed{}", green, o.entry.expectations, reset)
                   : fmt::format("{}{} of {} failed{}", red, o.entry.failures, o.entry.expectations,
                                 reset);
    }
    // Red where the runway ends within the horizon (P(cash < 0) reaches 10 %), as the report's
    // card is; padded before the colour codes, which take no room.
    const std::optional<double> cash_risk = cash_risk_at_end(s);
    std::string risk = fmt::format(
        "{:>9}", cash_risk ? fmt::format("{:.1f}%", *cash_risk * 100) : std::string("—"));
    if (first_month_at_risk(s, kRunwayRisk)) risk = red + risk + reset;
    out += fmt::format("{:<{}}  {:>6}  {:>10}  {:>13}  {:>10}  {}  {}\n", o.entry.folder, width,
                       s.horizon_months, last_p50(s, "arr"), last_p50(s, "customers"),
                       last_p50(s, "cash"), risk, status);
  }
  return out;
}

/// A scenario's plausibility warnings as --json lists them, each where it was written.
nlohmann::ordered_json json_warnings(const std::vector<Diagnostic>& warnings) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Diagnostic& w : warnings) {
    list.push_back({{"file", w.file},
                    {"line", w.line},
                    {"column", w.column},
                    {"key", w.key_path},
                    {"message", w.message}});
  }
  return list;
}

nlohmann::ordered_json json_summary(const std::vector<ScenarioOutcome>& outcomes,
                                    const std::string& out, int exit_code) {
  nlohmann::ordered_json doc;
  doc["tool"] = "teamsim";
  doc["version"] = kVersion;
  doc["out"] = out;
  doc["index"] = (fs::path(out) / "index.html").string();
  doc["junit"] = (fs::path(out) / "junit.xml").string();
  doc["exit_code"] = exit_code;
  std::size_t failures = 0, expectations = 0, errors = 0;
  nlohmann::ordered_json scenarios = nlohmann::ordered_json::array();
  for (const ScenarioOutcome& o : outcomes) {
    nlohmann::ordered_json entry;
    entry["file"] = o.entry.scenario_file;
    entry["folder"] = (fs::path(out) / o.entry.folder).string();
    if (!o.entry.document) {
      ++errors;
      entry["status"] = "error";
      entry["error"] = o.entry.error;
      entry["warnings"] = json_warnings(o.warnings);
      scenarios.push_back(std::move(entry));
      continue;
    }
    const RunSummary& s = o.entry.document->summary;
    entry["status"] = o.entry.failures == 0 ? "passed" : "failed";
    entry["name"] = s.scenario_name;
    entry["report"] = (fs::path(out) / o.entry.folder / "report.html").string();
    entry["seed"] = s.seed;
    entry["replications"] = s.replications;
    entry["horizon_months"] = s.horizon_months;
    nlohmann::ordered_json last = nlohmann::ordered_json::object();
    for (const char* name : {"arr", "customers", "headcount_total", "cash"}) {
      if (const MetricSummary* metric = s.find(name)) {
        const Eigen::Index m = s.horizon_months - 1;
        last[name] = {{"p10", metric->stats.percentiles(m, sim::kColumnP10)},
                      {"p50", metric->stats.percentiles(m, sim::kColumnP50)},
                      {"p90", metric->stats.percentiles(m, sim::kColumnP90)}};
      }
    }
    entry["last_month"] = std::move(last);
    // P(cash < 0 by the last month) and the first month it reaches 10 % (null: never), as the
    // index and each report's card say them; absent when the run did not keep the metric.
    if (const std::optional<double> cash_risk = cash_risk_at_end(s)) {
      entry["cash_negative_probability"] = *cash_risk;
      const std::optional<int> runway_end = first_month_at_risk(s, kRunwayRisk);
      entry["runway_end_month"] =
          runway_end ? nlohmann::ordered_json(*runway_end) : nlohmann::ordered_json(nullptr);
    }
    nlohmann::ordered_json checks = nlohmann::ordered_json::array();
    for (const ExpectationResult& r : o.suite.results) {
      const Expectation& e = r.expectation;
      checks.push_back({{"name", e.name},
                        {"metric", e.metric},
                        {"month", e.month},
                        {"stat", e.stat},
                        {"op", std::string(comparison_symbol(e.op))},
                        {"value", e.value},
                        {"actual", r.actual},
                        {"passed", r.passed},
                        {"message", r.message},
                        {"file", e.mark.file.empty() ? o.suite.file : e.mark.file},
                        {"line", e.mark.line},
                        {"column", e.mark.column}});
    }
    expectations += o.suite.results.size();
    failures += o.entry.failures;
    entry["expectations"] = std::move(checks);
    nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
    for (const SkippedHistogram& skip : o.skipped_histograms) {
      skipped.push_back({{"histogram", skip.text}, {"reason", skip.reason}});
    }
    entry["histograms_skipped"] = std::move(skipped);
    entry["warnings"] = json_warnings(o.warnings);
    scenarios.push_back(std::move(entry));
  }
  doc["scenarios_run"] = outcomes.size();
  doc["scenario_errors"] = errors;
  doc["expectations"] = expectations;
  doc["expectations_failed"] = failures;
  doc["scenarios"] = std::move(scenarios);
  return doc;
}

std::vector<std::pair<fs::path, std::string>> BatchCommand::find_runs() const {
  // Said by the one printer, as run says a missing scenario file (not CLI11's "dir: Directory
  // does not exist: ...").
  std::error_code status;
  if (!fs::is_directory(dir_, status)) {
    if (fs::exists(dir_, status)) {
      throw UsageError(fmt::format(
          "{0} is a file, not a folder: batch runs every scenario of a folder; teamsim run {0} "
          "runs this one",
          dir_));
    }
    throw UsageError(fmt::format(
        "{}: no such folder; give the folder that holds the scenarios (*.yaml, *.yml)", dir_));
  }
  const std::vector<fs::path> files = find_scenarios(dir_);
  if (files.empty()) throw UsageError(fmt::format("no *.yaml or *.yml files under {}", dir_));
  // A file with variants is a set of plans, its base what they share: its variants run, its
  // base does not. A file without variants is one plan.
  std::vector<std::pair<fs::path, std::string>> runs;
  std::map<std::string, fs::path> bases;  // each file's folder, to refuse two files in one
  for (const fs::path& file : files) {
    const std::vector<std::string> variants = scenario_variants(file.string());
    if (variants.empty()) runs.emplace_back(file, "");
    for (const std::string& variant : variants) runs.emplace_back(file, variant);
    const auto [it, added] = bases.emplace(folder_name(file, dir_, ""), file);
    if (!added) {
      throw UsageError(fmt::format("{} and {} would write into the same folder {}; rename one",
                                   it->second.string(), file.string(),
                                   (fs::path(out_) / it->first).string()));
    }
  }
  // Two runs writing into one folder would leave one's results under both rows: plan.fast.yaml
  // and plan.yaml's variant fast.
  std::map<std::string, std::string> folders;  // each run's folder, and the run that writes it
  for (const auto& [file, variant] : runs) {
    const auto [it, added] =
        folders.emplace(folder_name(file, dir_, variant), run_label(file, variant));
    if (!added) {
      throw UsageError(fmt::format("{} and {} would write into the same folder {}; rename one",
                                   it->second, run_label(file, variant),
                                   (fs::path(out_) / it->first).string()));
    }
  }
  return runs;
}

Interrupted BatchCommand::interrupted_during(const fs::path& file,
                                             const std::vector<ScenarioOutcome>& outcomes) const {
  std::vector<std::string> finished;
  for (const ScenarioOutcome& o : outcomes) {
    if (o.entry.document) finished.push_back(o.entry.scenario_file);
  }
  const std::string index = (fs::path(out_) / "index.html").string();
  const std::string junit = (fs::path(out_) / "junit.xml").string();
  return Interrupted(fmt::format(
      "interrupted: stopped during {}; its results were not written\n{}", file.string(),
      finished.empty()
          ? fmt::format("no scenario had finished; {} and {} were not written", index, junit)
          : fmt::format("finished before it, each with its results in its folder under {}: "
                        "{}\n{} and {} were not written",
                        out_, fmt::join(finished, ", "), index, junit)));
}

void BatchCommand::write_summaries(const std::vector<ScenarioOutcome>& outcomes, int exit_code,
                                   OutputFolder& folder) const {
  ReportContext context;
  context.generated_at = format_utc(report_clock_now());
  std::vector<BatchIndexEntry> entries;
  std::vector<ExpectationSuite> suites;
  for (const ScenarioOutcome& o : outcomes) {
    entries.push_back(o.entry);
    suites.push_back(o.suite);
  }
  const std::string index_path = (fs::path(out_) / "index.html").string();
  const std::string junit_path = (fs::path(out_) / "junit.xml").string();
  write_file_atomically(index_path, render_batch_index_html(entries, context));
  write_file_atomically(junit_path, junit_xml(suites));
  folder.list_files();  // before printing: a reader may stop early (see list_files)

  std::FILE* table_stream = json_ ? stderr : stdout;
  if (!(json_ && quiet_)) {
    fmt::print(table_stream, "\n{}", terminal_table(outcomes, colour_wanted(table_stream)));
  }
  if (json_) fmt::print("{}\n", json_summary(outcomes, out_, exit_code).dump(2));
  if (!quiet_) fmt::print(stderr, "\nwrote {} and {}\n", index_path, junit_path);
}

void BatchCommand::execute(const std::atomic<bool>& stop_requested) {
  const std::vector<std::pair<fs::path, std::string>> runs = find_runs();
  for (const std::string& text : histograms_) {
    try {  // already refused by the option's check; kept for a direct caller
      histogram_options_.push_back(parse_histogram_option(text));
    } catch (const UsageError&) {
      std::throw_with_nested(UsageError(fmt::format("--histogram {}", text)));
    }
  }
  check_histogram_metrics(runs);
  say_warnings(runs);
  OutputFolder out_folder(out_);
  out_folder.clear();
  std::vector<ScenarioOutcome> outcomes;
  int exit_code = kExitOk;  // said in --json; the driver derives the same from the throw
  std::size_t failed_scenarios = 0, failed_expectations = 0, expectations = 0;
  for (const auto& [file, variant] : runs) {
    ScenarioOutcome outcome = start_outcome(file, dir_, variant);
    try {
      run_one(outcome, file, variant, stop_requested);
    } catch (const Interrupted&) {
      throw interrupted_during(file, outcomes);
    } catch (const UsageError&) {
      record_failure(outcome);
    } catch (const ScenarioError&) {
      record_failure(outcome);
    } catch (const model::LimitExceeded&) {
      // The scenario is at fault, as for one that fails validation: it is reported, nothing of
      // it is written, and the batch goes on with the next.
      record_failure(outcome);
    }
    if (outcome.failure) {
      exit_code = outcome.exit_code;
      ++failed_scenarios;
    } else if (outcome.entry.failures > 0 && exit_code == kExitOk) {
      exit_code = kExitExpectationFailed;
    }
    failed_expectations += outcome.entry.failures;
    expectations += outcome.entry.expectations;
    outcomes.push_back(std::move(outcome));
  }
  write_summaries(outcomes, exit_code, out_folder);
  if (failed_scenarios == 0 && failed_expectations == 0) return;
  // One closing line, in the other commands' words: what failed, how many, and where to look.
  // Each failure was said as it happened ("cannot run X / because: ..."); a scenario that could
  // not run outranks a failed assertion for the exit code (the last such one's).
  const auto named = [&outcomes](auto failed) {
    std::vector<std::string> names;
    for (const ScenarioOutcome& o : outcomes) {
      if (failed(o)) names.push_back(o.entry.scenario_file);
    }
    constexpr std::size_t kNamed = 3;
    if (names.size() <= kNamed) return fmt::format("{}", fmt::join(names, ", "));
    return fmt::format("{} and {} more", fmt::join(names.begin(), names.begin() + kNamed, ", "),
                       names.size() - kNamed);
  };
  std::vector<std::string> parts;
  if (failed_scenarios > 0) {
    parts.push_back(fmt::format("{} of {} scenarios could not run ({})", failed_scenarios,
                                outcomes.size(),
                                named([](const ScenarioOutcome& o) { return bool(o.failure); })));
  }
  if (failed_expectations > 0) {
    parts.push_back(fmt::format(
        "{} of {} expectations failed (in {})", failed_expectations, expectations,
        named([](const ScenarioOutcome& o) { return !o.failure && o.entry.failures > 0; })));
  }
  const std::string message = fmt::format(
      "{}; each is said above, and in {} and {}", fmt::join(parts, "; "),
      (fs::path(out_) / "index.html").string(), (fs::path(out_) / "junit.xml").string());
  if (failed_scenarios == 0) throw ExpectationFailure(message);
  if (exit_code == kExitUsage) throw UsageError(message);
  if (exit_code == kExitInvalidScenario) throw ScenarioError(message);
  throw Error(message);
}

}  // namespace

std::unique_ptr<Command> make_batch_command() { return std::make_unique<BatchCommand>(); }

}  // namespace teamsim::app
