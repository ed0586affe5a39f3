#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <optional>

#include "app/analysis/metric_choice.h"
#include "app/analysis/run_summary.h"
#include "app/analysis/sensitivity_analysis.h"
#include "app/analysis/sensitivity_ranges.h"
#include "app/charts/svg_raster.h"
#include "app/charts/tornado_chart.h"
#include "app/cli/cli.h"
#include "app/cli/command.h"
#include "app/cli/command_options.h"
#include "app/cli/month_option.h"
#include "app/cli/run_outputs.h"
#include "app/common/atomic_file.h"
#include "app/common/errors.h"
#include "app/common/number_format.h"
#include "app/common/output_folder.h"
#include "app/common/progress.h"
#include "app/common/version.h"
#include "app/report/report_charts.h"
#include "app/report/report_writer.h"
#include "app/report/sensitivity_report.h"
#include "app/results/sensitivity_files.h"
#include "app/results/summary_reader.h"
#include "app/results/summary_writer.h"
#include "app/scenario/assumptions.h"
#include "app/scenario/plan_calendar.h"
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
    command->add_option("--month", month_,
                        "Month of that metric (default: the last): a number, or with a "
                        "start_date 2028-12");
    // Two replications at least: the rank correlations need them.
    add_simulation_options(*command, simulation_, "the scenario's", 2);
    command
        ->add_option("-o,--out", out_,
                     "Folder for sensitivity.csv, .json, .svg and the base run's summary")
        ->capture_default_str();
    command
        ->add_option("--top", top_,
                     "Inputs shown in the table and the chart (report.html lists every one)")
        ->capture_default_str()
        ->check(whole_number_from(1, 1000));
    const CLI::Validator screen_size(
        [](std::string& text) {
          // 0 turns screening off; fewer than 10 replications cannot tell a swing from noise.
          const std::string digits = "0123456789";
          if (text.empty() || text.find_first_not_of(digits) != std::string::npos) {
            return std::string("a number of replications, e.g. 100");
          }
          if (text.size() > 7 || (std::stoul(text) > 0 && std::stoul(text) < 10)) {
            return std::string("0 (off) or 10 .. 1000000 replications");
          }
          return std::string();
        },
        "R");
    command
        ->add_option("--screen", screen_,
                     fmt::format("Run every input's two runs with R replications first; only the "
                                 "inputs\nwhose swing may be {:g}% of the largest or more go on "
                                 "to -n (much faster\nwith many inputs; the others keep their "
                                 "estimate, marked *). 0: every\ninput in full. Default: -n / 10 "
                                 "(at least {}) when the pinned runs would\nhold {} "
                                 "replications or more, else 0",
                                 100 * kScreenShare, kLeastAutomaticScreen,
                                 format_grouped(kLongAnalysisReplications, 0)))
        ->check(screen_size);
    command->add_option("--range", ranges_,
                        "How far each constant moves: 20% (every constant, the default) or\n"
                        "KEY.PATH=30% for one key (repeatable; 0% holds it fixed)");
    command->add_flag("--report", report_,
                      "Also write OUT/report.html (the tornado, every input's swing, the answer\n"
                      "first) and OUT/base-run.html (the base run's own report)");
    command->add_flag("--png", png_,
                      "Also write OUT/sensitivity.png (the tornado, twice its size)");
    command->add_flag("-q,--quiet", quiet_,
                      "Print only the results table (and any warnings, on stderr)");
    command->footer(fmt::format(
        "Every input of the scenario is varied, one at a time, while everything else is as in\n"
        "the base run (common random numbers):\n"
        "- a distribution (pipeline.deal_size_acv, roles.account_executive.ramp_months, a number\n"
        "  written with per: replication) is pinned at its p10, then at its p90;\n"
        "- a constant (a rate, cost, quota, lead flow, churn, price or capacity: every number\n"
        "  that is an assumption, defaults included) moves to its value - and + --range (20%);\n"
        "  whole numbers are rounded, probabilities clamped to 0..100% (shown as clamped).\n"
        "  Months and counts of hires, the horizon, mix shares and policies are the plan's\n"
        "  decisions and stay fixed (compare or sweep them).\n"
        "The swing is the change in the metric's mean between the low and the high value. The\n"
        "rank correlation is Spearman's, over the base run's replications, between each\n"
        "distribution's mean draw and the metric. Every run (the base run and two per input)\n"
        "has -n replications on the same master seed. With --screen R, each input's two runs\n"
        "have R first (the first R of the -n), and go on to -n unless the swing, {0:g} standard\n"
        "errors out, is under {1:g}% of the largest swing {0:g} standard errors in: the inputs "
        "that\n"
        "matter get exactly their -n result, the rest are shown with their R-replication\n"
        "estimate. A scenario with 160 inputs of which 20 matter runs about 4x faster at\n"
        "-n 1000 --screen 100, which is what it gets by default.\n"
        "Writes OUT/sensitivity.csv (one row per input: key path, label, values),\n"
        "OUT/sensitivity.json, OUT/sensitivity.svg (the tornado chart) and the base run's\n"
        "OUT/summary.csv and summary.json (so `teamsim report OUT` can write the pages later).\n"
        "See docs/comparing-plans.md.\n"
        "Example: constants at ±10%, the east's lead flow at ±50% (known to within half),\n"
        "monthly churn held fixed, the tornado also as PNG:\n"
        "  teamsim sensitivity scenarios/compare-manager-first.yaml --variant reps_first \\\n"
        "      --metric arr --month 24 -n 500 --range 10% \\\n"
        "      --range territories.east.inbound_leads_per_month=50% \\\n"
        "      --range customers.monthly_churn=0% --png",
        kScreenStandardErrors, 100 * kScreenShare));
  }

  void execute(const std::atomic<bool>& stop_requested) override;

 private:
  ScenarioOptions scenario_;
  SimulationOptions simulation_;
  std::string metric_ = "arr";
  std::optional<std::string> month_;
  std::string out_ = "out";
  std::size_t top_ = 15;
  std::optional<std::size_t> screen_;
  std::vector<std::string> ranges_;
  bool report_ = false;
  bool png_ = false;
  bool quiet_ = false;
};

/// The base run's summary.csv, summary.json and summary_wide.csv, and with `report` the
/// sensitivity report.html and the base run's base-run.html (write_sensitivity_report), which
/// notices and lists the scenario's plausibility `warnings` as run's report.html does.
std::vector<std::string> write_base_run(const std::string& out_dir,
                                        const std::string& scenario_file,
                                        const model::ScenarioSpec& spec,
                                        const std::vector<Diagnostic>& warnings,
                                        const SensitivityResult& result, const ReportChart& tornado,
                                        bool report) {
  RunSummary summary = summarize_run(spec, *result.base_run, result.seed);
  summary.warnings = warnings;
  const std::string csv = summary_csv(summary);
  const std::string wide = summary_wide_csv(summary);
  const std::string json = summary_json(summary, spec);
  const std::filesystem::path out(out_dir);
  write_file_atomically((out / "summary.csv").string(), csv);
  write_file_atomically((out / "summary.json").string(), json);
  write_file_atomically((out / "summary_wide.csv").string(), wide);
  std::vector<std::string> written = {(out / "summary.csv").string(),
                                      (out / "summary.json").string(),
                                      (out / "summary_wide.csv").string()};
  if (!report) return written;
  const SummaryDocument document = read_back_summary(json);
  ReportContext context;
  context.generated_at = format_utc(report_clock_now());
  context.source_file = scenario_file;
  context.warnings = warnings;
  SensitivityPageContext page;
  page.scenario_file = scenario_file;
  page.scenario_name = spec.name;
  page.currency = spec.money.currency;
  for (std::string& path :
       write_sensitivity_report(out_dir, document, context, result, tornado, page, {})) {
    if (path.ends_with(".html")) written.push_back(std::move(path));
  }
  return written;
}

void SensitivityCommand::execute(const std::atomic<bool>& stop_requested) {
  const LoadResult loaded = load_scenario(scenario_.request(), scenario_.strict);
  const std::optional<model::ScenarioSpec>& spec = loaded.spec;
  warn_if_variants_hold_the_team("sensitivity", scenario_, *spec);
  OutputFolder folder(out_);

  SensitivityOptions options;
  options.metric = choose_metric(model::MetricLayout(*spec), spec->horizon_months, metric_,
                                 month_option(month_, *spec, "--month"));
  options.replications = simulation_.replications_for(*spec);
  options.seed = simulation_.seed_for(*spec);
  options.threads = simulation_.threads;
  options.stop_requested = &stop_requested;
  options.ranges = constant_ranges(ranges_, *spec);
  options.respecify = respecify_with_override(scenario_.request());
  const std::size_t varying = count_varying_inputs(*spec, options);
  if (varying == 0 && options.ranges.all == 0) {
    throw UsageError(
        "--range 0% holds every constant fixed, and no distribution of this scenario varies: "
        "there is nothing to analyse (give a range above 0%, e.g. --range 20%, or KEY.PATH=0% to "
        "hold one constant fixed)");
  }
  options.screen_replications = screen_.value_or(automatic_screen(varying, options.replications));
  const std::size_t screen = options.screen_replications;
  if (!quiet_) {
    std::string screening;
    if (screen > 0 && screen < options.replications) {
      screening = fmt::format(" (each input screened with {} first{})", screen,
                              screen_ ? "" : "; --screen 0: every input in full");
    }
    fmt::print(stderr,
               "teamsim {}: sensitivity of {} at {} — up to {} inputs vary (the base run "
               "leaves out those it never draws); up to {} runs of {} replications{}, seed {}\n",
               kVersion, options.metric.name, month_names_of(*spec).phrase(options.metric.month),
               varying, 1 + 2 * varying, options.replications, screening, options.seed);
  }
  const std::size_t full = options.replications * (1 + 2 * varying);
  ProgressLine progress(full, !quiet_ && progress_wanted());
  // The total shrinks once the base run shows which inputs are never drawn: rescale to it.
  options.on_progress = [&progress, full](std::size_t done, std::size_t total) {
    progress.update(total == 0 ? full : done * full / total);
  };
  SensitivityResult result = analyse_sensitivity(*spec, options);
  progress.finish();
  if (result.outcome == sim::RunOutcome::kStopped) throw_interrupted();
  for (InputSensitivity& input : result.inputs) {
    input.is_default = !scenario_wrote(loaded.written_keys, input.key_path);
  }

  // Render every file before writing any, so a failure in between writes nothing.
  const std::string& currency = spec->money.currency;
  const std::string csv = sensitivity_csv(result, currency);
  const std::string json = sensitivity_json(result, *spec, scenario_.path, top_);
  const ReportChart chart = sensitivity_report_chart(result, currency, top_);
  const std::string& svg = chart.svg;
  const std::string png = png_ ? svg_to_png(svg) : std::string();
  folder.clear();
  const std::filesystem::path out(out_);
  const std::string csv_path = (out / "sensitivity.csv").string();
  const std::string json_path = (out / "sensitivity.json").string();
  const std::string svg_path = (out / "sensitivity.svg").string();
  write_file_atomically(csv_path, csv);
  write_file_atomically(json_path, json);
  write_file_atomically(svg_path, svg);
  std::vector<std::string> written = {csv_path, json_path, svg_path};
  if (png_) {
    const std::string png_path = (out / "sensitivity.png").string();
    write_file_atomically(png_path, png);
    written.push_back(png_path);
  }
  for (std::string& path :
       write_base_run(out_, scenario_.path, *spec, loaded.warnings, result, chart, report_)) {
    written.push_back(std::move(path));
  }

  folder.list_files();
  fmt::print("{} (scenario hash {})\n", spec->name, scenario_hash(*spec));
  fmt::print("{}", sensitivity_table(result, currency, top_));
  if (!quiet_) fmt::print(stderr, "\nwrote {}\n", fmt::join(written, ", "));
}

}  // namespace

std::unique_ptr<Command> make_sensitivity_command() {
  return std::make_unique<SensitivityCommand>();
}

}  // namespace teamsim::app
