#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "app/atomic_file.h"
#include "app/cli.h"
#include "app/command.h"
#include "app/progress.h"
#include "app/run_limits.h"
#include "app/run_outputs.h"
#include "app/run_summary.h"
#include "app/scenario_loader.h"
#include "app/scenario_resolver.h"
#include "app/terminal_table.h"
#include "app/version.h"
#include "models/projection.h"
#include "sim/replication_runner.h"

namespace teamsim::app {
namespace {

class RunCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& cli) override {
    CLI::App* run = cli.add_subcommand("run", "Simulate a scenario and report its projections");
    run->add_option("scenario", scenario_, "Scenario YAML file")
        ->required()
        ->check(CLI::ExistingFile);
    run->add_option("--variant", variant_, "Run this variant of the scenario (its `variants:`)");
    run->add_option("--set", overrides_,
                    "Override a key: KEY.PATH=VALUE, VALUE in YAML (repeatable), e.g.\n"
                    "--set pipeline.win_rate=0.25 --set hires[0].month=3");
    run->add_option("-n,--replications", replications_,
                    "Monte Carlo replications (default: the scenario's `replications`, else 1000)")
        ->check(CLI::Range(1, 1'000'000));
    run->add_option("-s,--seed", seed_,
                    "Master random seed; same seed, same numbers (default: the scenario's `seed`)");
    run->add_option("-t,--threads", threads_,
                    "Worker threads (default: all cores); never changes the results")
        ->check(CLI::Range(1, 1024));
    run->add_option("-o,--out", out_, "Folder for summary.csv and summary.json")
        ->capture_default_str();
    run->add_option("--metrics", metrics_,
                    "Keep only these metrics (names, or prefixes ending in *), e.g.\n"
                    "--metrics arr,cash,headcount.*; the metrics `expect:` checks are kept too.\n"
                    "For runs too large to keep every metric in memory")
        ->delimiter(',');
    run->add_flag("-q,--quiet", quiet_, "Print only the results table");
    run->add_flag("--report", report_, "Also write OUT/report.html and OUT/charts/<metric>.svg");
    run->add_flag("--png", formats_.png, "Also write each chart as PNG (implies --report)");
    run->add_flag("--pdf", formats_.pdf, "Also write each chart as PDF (implies --report)");
    run->footer(
        "Writes OUT/summary.csv (one row per metric and month: mean, se, p5..p95) and\n"
        "OUT/summary.json (the same with the seed, the scenario hash and the resolved scenario).\n"
        "The key-metric table goes to stdout; progress and messages go to stderr.");
    return run;
  }

  int execute(const std::atomic<bool>& stop_requested) override;

 private:
  std::string scenario_;
  std::string variant_;
  std::vector<std::string> overrides_;
  std::vector<std::string> metrics_;
  std::size_t replications_ = 0;  // 0: the scenario's own default
  std::optional<std::uint64_t> seed_;
  unsigned threads_ = 0;
  std::string out_ = "out";
  bool quiet_ = false;
  bool report_ = false;
  ReportFormats formats_;
};

int RunCommand::execute(const std::atomic<bool>& stop_requested) {
  const ScenarioRequest request{scenario_, variant_, overrides_};
  const auto spec = resolve_scenario_or_report(request);
  if (!spec) return kExitInvalidScenario;
  const std::vector<Expectation> expectations = resolve_scenario(request).expectations;

  model::ProjectionOptions options;
  options.replications =
      replications_ > 0 ? replications_ : static_cast<std::size_t>(spec->replications);
  options.seed = seed_.value_or(spec->seed);
  options.threads = threads_;
  options.stop_requested = &stop_requested;
  if (!metrics_.empty()) {
    std::vector<std::string> patterns = metrics_;
    for (const Expectation& expectation : expectations) patterns.push_back(expectation.metric);
    std::string error;
    const auto columns = select_metrics(model::MetricLayout(*spec), patterns, error);
    if (!columns) {
      fmt::print(stderr, "teamsim: error: {}\n", error);
      return kExitUsage;
    }
    options.metrics = *columns;
  }
  // Refused before anything is allocated.
  if (const auto refusal = memory_refusal(
          model::sample_memory(*spec, options), memory_limit(), "this run",
          " or --metrics with only the metrics you need (e.g. --metrics arr,cash)")) {
    fmt::print(stderr, "teamsim: error: {}\n", *refusal);
    return kExitUsage;
  }

  const unsigned threads = threads_ > 0 ? threads_ : sim::default_thread_count();
  if (!quiet_) {
    fmt::print(stderr, "teamsim {}: {} — {} replications x {} months, seed {}, {} thread{}\n",
               kVersion, scenario_, options.replications, spec->horizon_months, options.seed,
               threads, threads == 1 ? "" : "s");
  }
  ProgressLine progress(options.replications, !quiet_ && progress_wanted());
  options.on_progress = [&progress](std::size_t done) { progress.update(done); };

  const auto start = std::chrono::steady_clock::now();
  const model::Projection projection = model::project(*spec, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress.finish();
  if (projection.outcome == sim::RunOutcome::kStopped) {
    fmt::print(stderr,
               "interrupted: the run was stopped before it finished; nothing was written\n");
    return kExitInterrupted;
  }

  const RunSummary summary = summarize_run(*spec, projection, options.seed);
  // Render both files before writing either, so a failure in between writes nothing.
  const std::string csv = summary_csv(summary);
  const std::string json = summary_json(summary, *spec);
  ensure_directory(out_);
  const std::string csv_path = (std::filesystem::path(out_) / "summary.csv").string();
  const std::string json_path = (std::filesystem::path(out_) / "summary.json").string();
  write_file_atomically(csv_path, csv);
  write_file_atomically(json_path, json);
  RunExtras extras{report_, formats_, scenario_, std::chrono::system_clock::now(), seconds};
  const auto checks = finish_run(out_, json, expectations, extras);

  fmt::print("{} — {} replications, seed {}, {} months (scenario hash {})\n\n", spec->name,
             summary.replications, summary.seed, summary.horizon_months, summary.scenario_hash);
  fmt::print("{}", key_metrics_table(summary));
  if (!quiet_) {
    fmt::print(stderr, "\n{:.2f} s, {:.0f} replications/s, {:.2f} M events/s\nwrote {} and {}\n",
               seconds, static_cast<double>(summary.replications) / seconds,
               static_cast<double>(projection.events) / seconds / 1e6, csv_path, json_path);
  }
  if (!checks.empty()) {
    fmt::print(stderr, "\n{}",
               format_expectation_results(checks, scenario_, colour_wanted(stderr)));
  }
  return count_failures(checks) > 0 ? kExitExpectationFailed : kExitOk;
}

}  // namespace

std::unique_ptr<Command> make_run_command() { return std::make_unique<RunCommand>(); }

}  // namespace teamsim::app
