#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <filesystem>

#include "app/analysis/expectation_check.h"
#include "app/analysis/metric_choice.h"
#include "app/analysis/precision_run.h"
#include "app/analysis/run_explanation.h"
#include "app/analysis/run_limits.h"
#include "app/analysis/run_summary.h"
#include "app/cli/cli.h"
#include "app/cli/command.h"
#include "app/cli/command_options.h"
#include "app/cli/histogram_option.h"
#include "app/cli/metric_selection.h"
#include "app/cli/month_option.h"
#include "app/cli/run_outputs.h"
#include "app/common/atomic_file.h"
#include "app/common/errors.h"
#include "app/common/number_format.h"
#include "app/common/output_folder.h"
#include "app/common/plural.h"
#include "app/common/progress.h"
#include "app/common/terminal_width.h"
#include "app/common/utf8.h"
#include "app/common/version.h"
#include "app/results/assumptions_table.h"
#include "app/results/explanation_table.h"
#include "app/results/results_workbook.h"
#include "app/results/samples_file.h"
#include "app/results/summary_writer.h"
#include "app/results/terminal_table.h"
#include "app/scenario/plan_calendar.h"
#include "app/scenario/scenario_as_run_yaml.h"
#include "app/scenario/scenario_json.h"
#include "app/scenario/scenario_loader.h"
#include "app/scenario/scenario_resolver.h"
#include "models/projection.h"
#include "sim/replication_runner.h"

namespace teamsim::app {
namespace {

/// summary.csv and summary.json as written: their paths, and the JSON text the report reads.
struct SummaryFiles {
  std::vector<std::string> paths;  ///< summary.csv, summary.json, summary_wide.csv
  std::string json;
};

class RunCommand final : public Command {
 public:
  void declare(CLI::App& command) override {
    CLI::App* run = &command;
    add_scenario_options(*run, scenario_);
    add_simulation_options(*run, simulation_, "the scenario's");
    CLI::Option* precision =
        run->add_option("--precision", precision_,
                        "Add replications until the 95% CI of --metric's mean at --month is within "
                        "this fraction of it, e.g. 1% (instead of -n)")
            ->excludes(run->get_option("--replications"));
    run->add_option("--metric", metric_, "The metric --precision watches")
        ->capture_default_str()
        ->needs(precision);
    run->add_option("--month", month_,
                    "Its month (default: the last): a number, or with a start_date 2028-12")
        ->needs(precision);
    run->add_option("--max-replications", max_replications_,
                    "--precision stops here even if the target is not reached")
        ->capture_default_str()
        ->check(whole_number_from(1, 1'000'000))
        ->needs(precision);
    run->add_option("-o,--out", out_,
                    "Folder for summary.csv, summary.json, summary_wide.csv, scenario.yaml\nand "
                    "what else is asked for (report.html, charts/, results.xlsx,\n"
                    "samples.csv.gz, junit.xml)")
        ->capture_default_str();
    run->add_option("--metrics", metrics_,
                    "Keep only these metrics (names, or prefixes ending in *), e.g.\n"
                    "--metrics arr,cash,headcount.*; the metrics `expect:` checks are kept too.\n"
                    "For runs too large to keep every metric in memory")
        ->delimiter(',')
        ->transform(trimmed_items());
    run->add_option("--samples", samples_,
                    "Also write OUT/samples.csv.gz: these metrics' value in every replication\n"
                    "and month (names or prefixes ending in *), e.g. --samples arr,cash")
        ->delimiter(',')
        ->transform(trimmed_items());
    run->add_flag("--xlsx", xlsx_,
                  "Also write OUT/results.xlsx: a sheet per key metric (mean, p5..p95 by month)\n"
                  "and the resolved scenario's keys and values (sheet 'assumptions')");
    run->add_flag("-q,--quiet", quiet_,
                  "Print only the results table (and any warnings, on stderr)");
    run->add_flag("--report", report_, "Also write OUT/report.html and OUT/charts/<metric>.svg");
    add_chart_format_options(*run, formats_, /*imply_report=*/true);
    add_histogram_option(*run, histograms_, "OUT/charts/",
                         ",\nalso in the report, which always has ARR at the last month");
    run->footer(
        "Writes OUT/summary.csv (one row per metric and month: mean, se, p5..p95),\n"
        "OUT/summary_wide.csv (a row per metric and p10/p50/p90/mean, a column per month,\n"
        "rounded for a spreadsheet), with --samples OUT/samples.csv.gz (gzip CSV:\n"
        "replication, month, then one column per metric),\n"
        "OUT/summary.json (the same with the seed, the scenario hash and the resolved scenario)\n"
        "and OUT/scenario.yaml (the scenario as run, extends, variant and --set applied: its\n"
        "first comment gives the command that reproduces these numbers from it alone).\n"
        "stdout has the assumptions (values the scenario did not set marked [default], with\n"
        "their source), the key metrics at months 12, 24, 36 and the horizon (p10/p50/p90 and\n"
        "the cash risk) and why (the funnel per year, what binds, hires made against the plan);\n"
        "-q prints the key metrics only. Progress and messages go to stderr.\n"
        "With --precision 1% the run adds replications in batches until the 95% confidence\n"
        "interval of the mean of --metric (default arr) at --month (default: the last) is within\n"
        "1% of that mean, or --max-replications is reached; the files are then exactly those\n"
        "of a run with -n set to the final count.");
  }

  void execute(const std::atomic<bool>& stop_requested) override;

 private:
  model::ProjectionOptions projection_options(const model::ScenarioSpec& spec,
                                              const std::atomic<bool>& stop_requested) const;
  /// The --precision target, or nullopt for a fixed number of replications.
  std::optional<PrecisionTarget> precision_target(const model::ScenarioSpec& spec) const;
  std::vector<HistogramRequest> histogram_requests(const model::ScenarioSpec& spec) const;
  /// The columns --metrics keeps, with those the histograms, checks and target need.
  std::vector<std::size_t> kept_columns(const model::ScenarioSpec& spec,
                                        const std::vector<HistogramRequest>& histograms,
                                        const std::vector<Expectation>& expectations,
                                        const std::optional<PrecisionTarget>& target) const;
  /// The first line on stderr: what is about to run.
  void announce(const model::ScenarioSpec& spec, const model::ProjectionOptions& options,
                const std::optional<PrecisionTarget>& target) const;
  model::Projection run_fixed(const model::ScenarioSpec& spec, model::ProjectionOptions options);
  model::Projection run_to_precision(const model::ScenarioSpec& spec,
                                     model::ProjectionOptions options,
                                     const PrecisionTarget& target, PrecisionReport& report);

  ScenarioOptions scenario_;
  std::vector<std::string> metrics_;
  SimulationOptions simulation_;
  std::string precision_;  // empty: a fixed number of replications
  std::string metric_ = "arr";
  std::optional<std::string> month_;
  std::size_t max_replications_ = 20'000;
  std::string out_ = "out";
  bool quiet_ = false;
  bool report_ = false;
  std::vector<std::string> histograms_;
  std::vector<std::string> samples_;  // --samples patterns
  bool xlsx_ = false;
  ReportFormats formats_;
};

model::Projection RunCommand::run_fixed(const model::ScenarioSpec& spec,
                                        model::ProjectionOptions options) {
  ProgressLine progress(options.replications, !quiet_ && progress_wanted());
  options.on_progress = [&progress](std::size_t done) { progress.update(done); };
  model::Projection projection = model::project(spec, options);
  progress.finish();
  return projection;
}

model::Projection RunCommand::run_to_precision(const model::ScenarioSpec& spec,
                                               model::ProjectionOptions options,
                                               const PrecisionTarget& target,
                                               PrecisionReport& report) {
  // One progress line per batch: the size of the next batch is known only after this one.
  std::optional<ProgressLine> progress;
  progress.emplace(target.first_batch, !quiet_ && progress_wanted());
  options.on_progress = [&progress](std::size_t done) { progress->update(done); };
  model::Projection projection =
      project_to_precision(spec, options, target, report, [&](const PrecisionReport& batch) {
        progress->finish();
        if (!quiet_) {
          fmt::print(stderr, "  {} replications: {} at {} known to ±{:.2f}%\n", batch.replications,
                     key_metric_title(target.metric.name),
                     month_names_of(spec).phrase(target.metric.month),
                     100 * batch.achieved.relative);
        }
        const std::size_t next =
            next_replication_total(batch.replications, batch.achieved.relative, target);
        const bool more = !batch.reached && next > batch.replications;
        progress.emplace(more ? next - batch.replications : 1,
                         more && !quiet_ && progress_wanted());
      });
  progress->finish();
  return projection;
}

model::ProjectionOptions RunCommand::projection_options(
    const model::ScenarioSpec& spec, const std::atomic<bool>& stop_requested) const {
  model::ProjectionOptions options;
  options.replications = simulation_.replications_for(spec);
  options.seed = simulation_.seed_for(spec);
  options.threads = simulation_.threads;
  options.stop_requested = &stop_requested;
  return options;
}

std::optional<PrecisionTarget> RunCommand::precision_target(const model::ScenarioSpec& spec) const {
  if (precision_.empty()) return std::nullopt;
  const std::optional<double> fraction = parse_precision(precision_);
  if (!fraction) {
    throw UsageError(fmt::format(
        "--precision '{}': expected a percentage above 0 and below 100%, e.g. 1% or 0.5%",
        precision_));
  }
  const MetricChoice choice = choose_metric(model::MetricLayout(spec), spec.horizon_months, metric_,
                                            month_option(month_, spec, "--month"));
  return PrecisionTarget{choice, *fraction, std::min<std::size_t>(200, max_replications_),
                         max_replications_};
}

std::vector<HistogramRequest> RunCommand::histogram_requests(
    const model::ScenarioSpec& spec) const {
  std::vector<HistogramRequest> histograms;
  if (histograms_.empty()) return histograms;
  const std::vector<std::string> names = model::MetricLayout(spec).names();
  for (const std::string& text : histograms_) {
    histograms.push_back(
        parse_histogram_request(text, names, spec.horizon_months, start_date_of(spec)));
  }
  return histograms;
}

std::vector<std::size_t> RunCommand::kept_columns(
    const model::ScenarioSpec& spec, const std::vector<HistogramRequest>& histograms,
    const std::vector<Expectation>& expectations,
    const std::optional<PrecisionTarget>& target) const {
  std::vector<std::string> patterns = metrics_;
  for (const HistogramRequest& histogram : histograms) patterns.push_back(histogram.metric);
  for (const Expectation& expectation : expectations) patterns.push_back(expectation.metric);
  if (target) patterns.push_back(target->metric.name);
  for (const std::string& sample : samples_) patterns.push_back(sample);
  return select_metrics(model::MetricLayout(spec), patterns);
}

// The names of the metrics --samples asks for, in layout order; a typo is a UsageError.
std::vector<std::string> sample_metric_names(const model::ScenarioSpec& spec,
                                             const std::vector<std::string>& patterns) {
  if (patterns.empty()) return {};
  const model::MetricLayout layout(spec);
  std::vector<std::size_t> columns;
  try {
    columns = select_metrics(layout, patterns);
  } catch (const UsageError& e) {
    // select_metrics speaks of --metrics; the name came from --samples.
    std::string message = e.what();
    if (message.rfind("--metrics: ", 0) == 0) message.erase(0, 11);
    throw UsageError("--samples: " + message);
  }
  std::vector<std::string> names;
  for (const std::size_t column : columns) names.push_back(layout.info(column).name);
  return names;
}

// Refused before anything is allocated; a precision run may grow to its cap. samples.csv.gz is
// built in memory before it is written: each of its metrics counts twice (full-precision text
// compresses to about the 8 bytes a value takes in memory).
void refuse_if_too_large(const model::ScenarioSpec& spec, const model::ProjectionOptions& options,
                         const std::optional<PrecisionTarget>& target, std::size_t sample_metrics) {
  model::ProjectionOptions largest = options;
  if (target) largest.replications = target->max_replications;
  model::SampleMemory need = model::sample_memory(spec, largest);
  need.metrics += sample_metrics;
  need.bytes = 8.0 * static_cast<double>(need.replications) *
               static_cast<double>(need.months * need.metrics + 1);
  refuse_above_memory_limit(
      need, memory_limit(), "this run",
      " or --metrics with only the metrics you need (e.g. --metrics arr,cash)");
}

void RunCommand::announce(const model::ScenarioSpec& spec, const model::ProjectionOptions& options,
                          const std::optional<PrecisionTarget>& target) const {
  const unsigned threads =
      simulation_.threads > 0 ? simulation_.threads : sim::default_thread_count();
  const std::string replications =
      target ? fmt::format("replications until {} at {} is known to ±{:g}% (at most {})",
                           key_metric_title(target->metric.name),
                           month_names_of(spec).phrase(target->metric.month),
                           100 * target->relative_half_width, target->max_replications)
             : counted(options.replications, "replication");
  fmt::print(stderr, "teamsim {}: {} — {}, {}, seed {}, {}\n", kVersion, scenario_.path,
             replications, counted(spec.horizon_months, "month"), options.seed,
             counted(threads, "thread"));
}

// Renders both files before writing either, so a failure in between writes nothing.
SummaryFiles write_summary_files(const std::string& out, const RunSummary& summary,
                                 const model::ScenarioSpec& spec) {
  SummaryFiles files;
  const std::string csv = summary_csv(summary);
  const std::string wide = summary_wide_csv(summary);
  files.json = summary_json(summary, spec);
  const std::filesystem::path folder(out);
  files.paths = {(folder / "summary.csv").string(), (folder / "summary.json").string(),
                 (folder / "summary_wide.csv").string()};
  write_file_atomically(files.paths[0], csv);
  write_file_atomically(files.paths[1], files.json);
  write_file_atomically(files.paths[2], wide);
  return files;
}

void print_results(const model::ScenarioSpec& spec, const RunSummary& summary,
                   const std::optional<PrecisionTarget>& target, const PrecisionReport& precision,
                   bool quiet) {
  const std::string header =
      fmt::format("{} — {}, seed {}, {} (scenario hash {})", spec.name,
                  counted(summary.replications, "replication"), summary.seed,
                  counted(summary.horizon_months, "month"), summary.scenario_hash);
  for (const std::string& line : wrap_words(header, terminal_columns())) fmt::print("{}\n", line);
  fmt::print("\n");
  if (!quiet) fmt::print("{}\n", assumptions_table(summary.assumptions, terminal_columns()));
  fmt::print("{}", key_metrics_table(summary, terminal_columns()));
  if (!quiet) {
    fmt::print("\n{}", explanation_table(explain_run(summary), terminal_columns()));
  }
  if (!target) return;
  const std::string symbol =
      target->metric.unit == "currency" ? currency_symbol(spec.money.currency) : "";
  // A share (P(cash < 0), a win rate) in per cent and its interval in points, as the tables and
  // sensitivity write them: "0.53 ± 0.05 (±9.19%)" read as if the interval were 9 points.
  const bool ratio = target->metric.unit == "ratio";
  fmt::print(
      "\nPrecision: {} at {}: mean {} ± {}{} (95% CI, ±{:.2f}%{}) with {} replications; "
      "target ±{:g}%{}\n",
      key_metric_title(target->metric.name), summary.month_names().phrase(target->metric.month),
      ratio ? fmt::format("{:.1f}%", 100 * precision.achieved.mean)
            : format_compact(precision.achieved.mean, symbol),
      ratio ? fmt::format("{:.1f} pts", 100 * precision.achieved.half_width)
            : format_compact(precision.achieved.half_width, symbol),
      unit_after_number(target->metric.unit), 100 * precision.achieved.relative,
      ratio ? " of it" : "", precision.replications, 100 * target->relative_half_width,
      precision.reached ? ", reached"
                        : fmt::format(" NOT reached: stopped at --max-replications {}",
                                      target->max_replications));
  // A share every replication gave alike (P(cash < 0) 0.0% in all 200) has an interval of 0 and
  // is "reached" at once, but what no replication showed can still happen: say how often it
  // may, by the rule of three (3/n at 95 %).
  const double mean = precision.achieved.mean;
  if (ratio && precision.achieved.half_width == 0 && (mean == 0 || mean == 1)) {
    fmt::print(
        "  Every one of the {} replications gave {}, so the interval is 0; with 95% confidence "
        "fewer than {:.2g}% of histories (3/{}, the rule of three) would give anything else: "
        "more replications (-n) narrow that bound\n",
        precision.replications, mean == 0 ? "0.0%" : "100.0%",
        300.0 / static_cast<double>(precision.replications), precision.replications);
  }
}

void RunCommand::execute(const std::atomic<bool>& stop_requested) {
  const LoadResult loaded = load_scenario(scenario_.request(), scenario_.strict);
  const model::ScenarioSpec& spec = *loaded.spec;
  warn_if_variants_hold_the_team("run", scenario_, spec);
  OutputFolder folder(out_);
  model::ProjectionOptions options = projection_options(spec, stop_requested);
  const std::optional<PrecisionTarget> target = precision_target(spec);
  const std::vector<HistogramRequest> histograms = histogram_requests(spec);
  const std::vector<std::string> samples = sample_metric_names(spec, samples_);
  if (!metrics_.empty()) {
    options.metrics = kept_columns(spec, histograms, loaded.expectations, target);
  }
  refuse_if_too_large(spec, options, target, samples.size());
  // Rendered before the run: nothing that can fail comes after it.
  const std::string as_run_yaml = scenario_as_run_yaml(*loaded.merged_tree, spec.name);
  const std::string metric_list = fmt::format("{}", fmt::join(metrics_, ","));
  if (!quiet_) announce(spec, options, target);

  const auto start = std::chrono::steady_clock::now();
  PrecisionReport precision;
  const model::Projection projection =
      target ? run_to_precision(spec, options, *target, precision) : run_fixed(spec, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (projection.outcome == sim::RunOutcome::kStopped) throw_interrupted();

  RunSummary summary = summarize_run(spec, projection, options.seed, histograms, options.threads);
  summary.assumptions = scenario_assumptions(spec, loaded.written_keys);
  summary.expectations = loaded.expectations;
  summary.warnings = loaded.warnings;
  const std::string as_run =
      scenario_as_run_text(as_run_yaml, scenario_.request(), spec, summary.replications,
                           summary.seed, metrics_.empty() ? "" : " --metrics " + metric_list);
  folder.clear();
  const SummaryFiles files = write_summary_files(out_, summary, spec);
  std::vector<std::string> written = files.paths;
  written.push_back((std::filesystem::path(out_) / "scenario.yaml").string());
  write_file_atomically(written.back(), as_run);
  if (xlsx_) {
    written.push_back((std::filesystem::path(out_) / "results.xlsx").string());
    write_results_workbook(written.back(), summary,
                           scenario_as_run_json(spec, summary.replications, summary.seed));
  }
  if (!samples.empty()) {
    written.push_back((std::filesystem::path(out_) / "samples.csv.gz").string());
    write_file_atomically(written.back(), samples_csv_gz(projection, samples));
  }
  RunExtras extras{report_, formats_,   scenario_.path, std::chrono::system_clock::now(),
                   seconds, histograms, loaded.warnings};
  const auto checks = finish_run(out_, files.json, loaded.expectations, extras, &written);
  folder.list_files();

  print_results(spec, summary, target, precision, quiet_);
  if (!quiet_) {
    fmt::print(stderr, "\n{:.2f} s, {:.0f} replications/s, {:.2f} M events/s\nwrote {}\n", seconds,
               static_cast<double>(summary.replications) / seconds,
               static_cast<double>(projection.events) / seconds / 1e6,
               written_files_phrase(out_, written));
  }
  if (!checks.empty()) {
    fmt::print(stderr, "\n{}",
               format_expectation_results(checks, scenario_.path, colour_wanted(stderr)));
  }
  throw_if_expectations_failed(checks);
}

}  // namespace

std::unique_ptr<Command> make_run_command() { return std::make_unique<RunCommand>(); }

}  // namespace teamsim::app
