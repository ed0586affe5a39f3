#include "app/cli.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "app/atomic_file.h"
#include "app/diagnostics.h"
#include "app/progress.h"
#include "app/run_summary.h"
#include "app/scenario_loader.h"
#include "app/terminal_table.h"
#include "app/version.h"
#include "models/projection.h"
#include "sim/replication_runner.h"

namespace teamsim::app {
namespace {

constexpr const char* kDescription =
    "teamsim: Monte Carlo projections of a sales team and its hiring plan.\n"
    "Describe the organisation in a YAML scenario (see docs/scenario-reference.md); teamsim\n"
    "simulates it many times and reports revenue, customers, headcount and cash as percentiles.";

constexpr const char* kFooter =
    "Examples:\n"
    "  teamsim run scenarios/default.yaml\n"
    "  teamsim run my-plan.yaml --replications 5000 --seed 7 --out results/\n"
    "  teamsim validate my-plan.yaml\n"
    "\n"
    "Exit codes:\n"
    "  0    success\n"
    "  1    runtime error (e.g. an output file could not be written)\n"
    "  2    usage error (unknown option, missing argument)\n"
    "  3    invalid scenario (every problem is listed as file:line:column: key: message)\n"
    "  130  interrupted by Ctrl-C or SIGTERM (nothing was written)";

struct RunArgs {
  std::string scenario;
  std::size_t replications = 0;  // 0: the scenario's own default
  std::uint64_t seed = 0;
  bool seed_given = false;
  unsigned threads = 0;
  std::string out = "out";
  bool quiet = false;
};

/// Loads a scenario, printing every diagnostic to stderr. Returns nullopt when invalid.
std::optional<model::ScenarioSpec> load_or_report(const std::string& path) {
  LoadResult loaded = load_scenario_file(path);
  for (const Diagnostic& diagnostic : loaded.diagnostics) {
    fmt::print(stderr, "{}\n", format_diagnostic(diagnostic));
  }
  if (!loaded.ok()) {
    fmt::print(stderr, "{}: invalid scenario ({} problem{})\n", path, loaded.diagnostics.size(),
               loaded.diagnostics.size() == 1 ? "" : "s");
    return std::nullopt;
  }
  return std::move(loaded.spec);
}

int command_validate(const std::vector<std::string>& paths) {
  int status = kExitOk;
  for (const std::string& path : paths) {
    const auto spec = load_or_report(path);
    if (!spec) {
      status = kExitInvalidScenario;
      continue;
    }
    fmt::print("{}: ok — \"{}\", {} months, {} roles, {} territories, {} dated hires\n", path,
               spec->name, spec->horizon_months, spec->roles.size(), spec->territories.size(),
               spec->hires.size());
  }
  return status;
}

int command_run(const RunArgs& args, const std::atomic<bool>& stop_requested) {
  const auto spec = load_or_report(args.scenario);
  if (!spec) return kExitInvalidScenario;

  model::ProjectionOptions options;
  options.replications =
      args.replications > 0 ? args.replications : static_cast<std::size_t>(spec->replications);
  options.seed = args.seed_given ? args.seed : spec->seed;
  options.threads = args.threads;
  options.stop_requested = &stop_requested;

  const unsigned threads = args.threads > 0 ? args.threads : sim::default_thread_count();
  if (!args.quiet) {
    fmt::print(stderr, "teamsim {}: {} — {} replications x {} months, seed {}, {} thread{}\n",
               kVersion, args.scenario, options.replications, spec->horizon_months, options.seed,
               threads, threads == 1 ? "" : "s");
  }
  ProgressLine progress(options.replications, !args.quiet && progress_wanted());
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
  ensure_directory(args.out);
  const std::string csv_path = (std::filesystem::path(args.out) / "summary.csv").string();
  const std::string json_path = (std::filesystem::path(args.out) / "summary.json").string();
  write_file_atomically(csv_path, csv);
  write_file_atomically(json_path, json);

  fmt::print("{} — {} replications, seed {}, {} months (scenario hash {})\n\n", spec->name,
             summary.replications, summary.seed, summary.horizon_months, summary.scenario_hash);
  fmt::print("{}", key_metrics_table(summary));
  if (!args.quiet) {
    fmt::print(stderr, "\n{:.2f} s, {:.0f} replications/s, {:.2f} M events/s\nwrote {} and {}\n",
               seconds, static_cast<double>(summary.replications) / seconds,
               static_cast<double>(projection.events) / seconds / 1e6, csv_path, json_path);
  }
  return kExitOk;
}

}  // namespace

int run_cli(int argc, char** argv, const std::atomic<bool>& stop_requested) {
  CLI::App cli(kDescription, "teamsim");
  cli.footer(kFooter);
  cli.set_version_flag("--version", std::string("teamsim ") + kVersion);
  cli.require_subcommand(1);

  RunArgs run_args;
  CLI::App* run = cli.add_subcommand("run", "Simulate a scenario and report its projections");
  run->add_option("scenario", run_args.scenario, "Scenario YAML file")
      ->required()
      ->check(CLI::ExistingFile);
  run->add_option("-n,--replications", run_args.replications,
                  "Monte Carlo replications (default: the scenario's `replications`, else 1000)")
      ->check(CLI::Range(1, 1'000'000));
  run->add_option_function<std::uint64_t>(
      "-s,--seed",
      [&run_args](const std::uint64_t& seed) {
        run_args.seed = seed;
        run_args.seed_given = true;
      },
      "Master random seed; same seed, same numbers (default: the scenario's `seed`)");
  run->add_option("-t,--threads", run_args.threads,
                  "Worker threads (default: all cores); never changes the results")
      ->check(CLI::Range(1, 1024));
  run->add_option("-o,--out", run_args.out, "Folder for summary.csv and summary.json")
      ->capture_default_str();
  run->add_flag("-q,--quiet", run_args.quiet, "Print only the results table");
  run->footer(
      "Writes OUT/summary.csv (one row per metric and month: mean, se, p5..p95) and\n"
      "OUT/summary.json (the same with the seed, the scenario hash and the resolved scenario).\n"
      "The key-metric table goes to stdout; progress and messages go to stderr.");

  std::vector<std::string> validate_paths;
  CLI::App* validate =
      cli.add_subcommand("validate", "Check scenario files and list every problem found");
  validate->add_option("scenarios", validate_paths, "Scenario YAML files")->required();

  try {
    cli.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    cli.exit(e);
    return kExitUsage;
  }

  try {
    if (*run) return command_run(run_args, stop_requested);
    if (*validate) return command_validate(validate_paths);
  } catch (const std::exception& e) {
    fmt::print(stderr, "teamsim: error: {}\n", e.what());
    return kExitRuntimeError;
  }
  return kExitUsage;
}

}  // namespace teamsim::app
