#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>

#include "app/analysis/metric_choice.h"
#include "app/analysis/run_summary.h"
#include "app/analysis/sensitivity_analysis.h"
#include "app/charts/tornado_chart.h"
#include "app/cli/cli.h"
#include "app/cli/command.h"
#include "app/cli/command_options.h"
#include "app/cli/run_outputs.h"
#include "app/common/atomic_file.h"
#include "app/common/errors.h"
#include "app/common/output_folder.h"
#include "app/common/progress.h"
#include "app/common/version.h"
#include "app/report/report_charts.h"
#include "app/report/report_writer.h"
#include "app/report/sensitivity_report.h"
#include "app/results/sensitivity_files.h"
#include "app/results/summary_reader.h"
#include "app/results/summary_writer.h"
#include "app/scenario/scenario_json.h"
#include "app/scenario/scenario_resolver.h"
#include "models/metrics.h"

namespace teamsim::app {
namespace {

class SensitivityCommand final : public Command {
 public:
  void declare(CLI::App& parser) override {
    CLI::App* command = &parser;
    add_scenario_options(*command, scenario_);
    command
        ->add_option("--metric", metric_,
                     "The outcome inputs are ranked by, a metric of summary.csv")
        ->capture_default_str();
    command->add_option("--month", month_, "Month of that metric (default: the last)");
    // Two replications at least: the rank correlations need them.
    add_simulation_options(*command, simulation_, "the scenario's", 2);
    command->add_option("-o,--out", out_, "Folder for sensitivity.csv, .json and .svg")
        ->capture_default_str();
    command->add_option("--top", top_, "Inputs shown in the table and the chart")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));
    command->add_flag("--report", report_,
                      "Also write the base run's summary.csv/json and OUT/report.html with the "
                      "tornado chart");
    command->add_flag("-q,--quiet", quiet_, "Print only the results table");
    command->footer(
        "Every Distribution of the scenario is an uncertain input (e.g. pipeline.deal_size_acv,\n"
        "roles.account_executive.ramp_months), and so is every number written with\n"
        "per: replication (drawn once per replication). One at a time, each is pinned at its p10 "
        "and at "
        "its\n"
        "p90 while everything else is drawn as in the base run (common random numbers); the swing\n"
        "is the change in the metric's mean. The rank correlation is Spearman's, over the base\n"
        "run's replications, between each input's mean draw and the metric. Every run (the base\n"
        "run and two per uncertain input) has -n replications on the same master seed.\n"
        "Writes OUT/sensitivity.csv (one row per input), OUT/sensitivity.json and\n"
        "OUT/sensitivity.svg (the tornado chart). See docs/comparing-plans.md.\n"
        "Example:\n"
        "  teamsim sensitivity scenarios/compare-manager-first.yaml --variant reps_first \\\n"
        "      --metric arr --month 24 -n 500");
  }

  void execute(const std::atomic<bool>& stop_requested) override;

 private:
  ScenarioOptions scenario_;
  SimulationOptions simulation_;
  std::string metric_ = "arr";
  std::optional<int> month_;
  std::string out_ = "out";
  std::size_t top_ = 15;
  bool report_ = false;
  bool quiet_ = false;
};

/// The base run's summary.csv, summary.json and report.html, with the tornado chart last.
std::vector<std::string> write_sensitivity_report(const std::string& out_dir,
                                                  const std::string& scenario_file,
                                                  const model::ScenarioSpec& spec,
                                                  const SensitivityResult& result,
                                                  const TornadoChartSpec& tornado,
                                                  const std::string& tornado_svg) {
  const RunSummary summary = summarize_run(spec, *result.base_run, result.seed);
  const std::string csv = summary_csv(summary);
  const std::string wide = summary_wide_csv(summary);
  const std::string json = summary_json(summary, spec);
  const SummaryDocument document = read_back_summary(json);
  ReportContext context;
  context.generated_at = format_utc(report_clock_now());
  context.source_file = scenario_file;
  const ReportChart chart{
      "sensitivity", tornado.title,
      fmt::format("Mean {} at month {} with one uncertain input pinned at its p10 (orange) or p90 "
                  "(blue) and every other draw as in the base run; the largest swings first.",
                  metric_title(result.metric.name), result.metric.month),
      tornado_svg};
  const std::filesystem::path out(out_dir);
  write_file_atomically((out / "summary.csv").string(), csv);
  write_file_atomically((out / "summary.json").string(), json);
  write_file_atomically((out / "summary_wide.csv").string(), wide);
  std::vector<std::string> written = {(out / "summary.csv").string(),
                                      (out / "summary.json").string(),
                                      (out / "summary_wide.csv").string()};
  for (std::string& path : write_report(out_dir, document, context, {}, {chart})) {
    written.push_back(std::move(path));
  }
  return written;
}

void SensitivityCommand::execute(const std::atomic<bool>& stop_requested) {
  const LoadResult loaded = load_scenario(scenario_.request(), scenario_.strict);
  const std::optional<model::ScenarioSpec>& spec = loaded.spec;
  OutputFolder folder(out_);

  SensitivityOptions options;
  options.metric = choose_metric(model::MetricLayout(*spec), spec->horizon_months, metric_, month_);
  options.replications = simulation_.replications_for(*spec);
  options.seed = simulation_.seed_for(*spec);
  options.threads = simulation_.threads;
  options.stop_requested = &stop_requested;
  const std::size_t varying = count_varying_inputs(*spec);
  if (!quiet_) {
    fmt::print(stderr,
               "teamsim {}: sensitivity of {} at month {} — {} uncertain inputs vary; up to {} "
               "runs of {} replications, seed {}\n",
               kVersion, options.metric.name, options.metric.month, varying, 1 + 2 * varying,
               options.replications, options.seed);
  }
  const std::size_t full = options.replications * (1 + 2 * varying);
  ProgressLine progress(full, !quiet_ && progress_wanted());
  // The total shrinks once the base run shows which inputs are never drawn: rescale to it.
  options.on_progress = [&progress, full](std::size_t done, std::size_t total) {
    progress.update(total == 0 ? full : done * full / total);
  };
  const SensitivityResult result = analyse_sensitivity(*spec, options);
  progress.finish();
  if (result.outcome == sim::RunOutcome::kStopped) throw_interrupted();

  // Render every file before writing any, so a failure in between writes nothing.
  const std::string csv = sensitivity_csv(result);
  const std::string json = sensitivity_json(result, *spec, scenario_.path);
  const TornadoChartSpec tornado = sensitivity_tornado(result, spec->money.currency, top_);
  const std::string svg = render_tornado_chart(tornado);
  folder.clear();
  const std::filesystem::path out(out_);
  const std::string csv_path = (out / "sensitivity.csv").string();
  const std::string json_path = (out / "sensitivity.json").string();
  const std::string svg_path = (out / "sensitivity.svg").string();
  write_file_atomically(csv_path, csv);
  write_file_atomically(json_path, json);
  write_file_atomically(svg_path, svg);
  std::vector<std::string> written = {csv_path, json_path, svg_path};
  if (report_) {
    for (std::string& path :
         write_sensitivity_report(out_, scenario_.path, *spec, result, tornado, svg)) {
      if (path.ends_with(".html") || path.ends_with(".csv") || path.ends_with(".json")) {
        written.push_back(std::move(path));
      }
    }
  }

  fmt::print("{} (scenario hash {})\n", spec->name, scenario_hash(*spec));
  fmt::print("{}", sensitivity_table(result, spec->money.currency, top_));
  if (!quiet_) fmt::print(stderr, "\nwrote {}\n", fmt::join(written, ", "));
}

}  // namespace

std::unique_ptr<Command> make_sensitivity_command() {
  return std::make_unique<SensitivityCommand>();
}

}  // namespace teamsim::app
