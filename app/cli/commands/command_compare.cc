#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>

#include "app/analysis/plan_comparison.h"
#include "app/analysis/run_limits.h"
#include "app/cli/cli.h"
#include "app/cli/command.h"
#include "app/cli/command_options.h"
#include "app/cli/error_printer.h"
#include "app/cli/run_outputs.h"
#include "app/common/atomic_file.h"
#include "app/common/errors.h"
#include "app/common/output_folder.h"
#include "app/common/plural.h"
#include "app/common/progress.h"
#include "app/common/terminal_width.h"
#include "app/common/version.h"
#include "app/report/comparison_report.h"
#include "app/report/report_writer.h"
#include "app/results/assumptions_table.h"
#include "app/results/comparison_files.h"
#include "app/results/results_workbook.h"
#include "app/results/unshown_differences.h"
#include "app/scenario/scenario_json.h"
#include "app/scenario/scenario_resolver.h"
#include "sim/replication_runner.h"

namespace teamsim::app {
namespace {

// "plan.yaml:variant" -> {"plan.yaml", "variant"} unless the whole text names an existing file.
std::pair<std::string, std::string> split_plan(const std::string& text) {
  std::error_code error;
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || std::filesystem::exists(text, error)) return {text, ""};
  return {text.substr(0, colon), text.substr(colon + 1)};
}

std::string plan_label(const std::string& path, const std::string& variant) {
  const std::string stem = std::filesystem::path(path).stem().string();
  return variant.empty() ? stem : stem + ":" + variant;
}

/// One plan as asked for on the command line.
struct PlanRequest {
  std::string path;
  std::string variant;  ///< empty: the file without a variant
  std::string label;    ///< how the tables name it, unique among the plans
};

class CompareCommand final : public Command {
 public:
  void declare(CLI::App& parser) override {
    CLI::App* command = &parser;
    command
        ->add_option("plans", plans_,
                     "Plans to compare: FILE or FILE:VARIANT (two or more), or one FILE of "
                     "variants (all of them, or those --variants names)")
        ->required();
    command
        ->add_option("--variants", variants_,
                     "Compare these variants of the one FILE (comma-separated; 'base' is the "
                     "file without a variant)")
        ->delimiter(',')
        ->transform(trimmed_items());
    add_override_option(*command, overrides_);
    add_strict_option(*command, strict_);
    add_simulation_options(*command, simulation_, "the first plan's");
    command->add_option("-o,--out", out_, "Folder for compare.csv and compare.json")
        ->capture_default_str();
    command->add_flag("--independent-streams", independent_,
                      "Give each plan its own seed (seed + i) instead of common random numbers: "
                      "only to see how much noise common random numbers remove");
    command->add_flag("--xlsx", xlsx_,
                      "Also write OUT/results.xlsx: a sheet per key metric (each plan's mean,\n"
                      "p10, p50, p90 by month), the differences and each plan's assumptions");
    command->add_flag("-q,--quiet", quiet_,
                      "Print only the results table (and any warnings, on stderr)");
    command->add_flag("--report", report_,
                      "Also write OUT/report.html and OUT/charts/: the plans overlaid, their "
                      "paired differences and P(A > B) per month");
    add_chart_format_options(*command, formats_, /*imply_report=*/true);
    command->footer(
        "Every plan runs the same replications with the same master seed, so replication r of\n"
        "each plan sees the same leads, deals and churn draws; the difference A - B is then\n"
        "computed per replication. A is the first plan. --set applies to every plan.\n"
        "Writes OUT/compare.csv (one row per metric, month and plan or pair: mean, se,\n"
        "p5..p95, defined, and for a pair p_a_greater and p_equal, the ties: P(B>A) is\n"
        "1 - P(A>B) - P(A=B)) and OUT/compare.json (the same with each resolved scenario).\n"
        "One FILE with variants: alone, its variants are compared, in the order written.\n"
        "Examples:\n"
        "  teamsim compare scenarios/compare-manager-first.yaml\n"
        "  teamsim compare scenarios/segment-mix.yaml --variants mid_market,enterprise\n"
        "  teamsim compare plan-a.yaml plan-b.yaml --replications 5000\n"
        "  teamsim compare plan.yaml plan.yaml:cheaper_reps --set horizon_months=24");
  }

  void execute(const std::atomic<bool>& stop_requested) override;

 private:
  /// The plans, from the positional arguments or --variants; throws UsageError.
  std::vector<PlanRequest> plan_requests() const;
  /// Every plan's scenario, and per plan its plausibility warnings (said on stderr too) in
  /// `warnings_of`; throws ScenarioError after printing the problems of all of them.
  std::vector<ComparedPlan> load_plans(const std::vector<PlanRequest>& requests,
                                       std::vector<std::vector<Diagnostic>>& warnings_of) const;
  CompareOptions compare_options(const model::ScenarioSpec& first,
                                 const std::atomic<bool>& stop_requested) const;

  std::vector<std::string> plans_;
  std::vector<std::string> variants_;
  std::vector<std::string> overrides_;
  bool strict_ = false;
  SimulationOptions simulation_;
  std::string out_ = "out";
  bool independent_ = false;
  bool quiet_ = false;
  bool report_ = false;
  ReportFormats formats_;
  bool xlsx_ = false;
};

std::vector<PlanRequest> CompareCommand::plan_requests() const {
  std::vector<PlanRequest> requests;
  if (!variants_.empty()) {
    if (plans_.size() != 1) {
      throw UsageError(
          fmt::format("--variants takes exactly one scenario file, got {}", plans_.size()));
    }
    const std::vector<std::string> declared = scenario_variants(plans_[0]);
    for (const std::string& variant : variants_) {
      const bool base = variant == "base" &&
                        std::find(declared.begin(), declared.end(), "base") == declared.end();
      requests.push_back({plans_[0], base ? "" : variant, variant});
    }
  } else {
    for (const std::string& plan : plans_) {
      auto [path, variant] = split_plan(plan);
      requests.push_back({path, variant, plan_label(path, variant)});
    }
  }
  if (variants_.empty() && requests.size() == 1 && requests[0].variant.empty()) {
    // One file of variants alone holds the plans to compare: its variants, in the order written,
    // as batch runs such a file. One variant is compared with the file itself only when asked.
    const std::vector<std::string> declared = scenario_variants(requests[0].path);
    if (declared.size() >= 2) {
      const std::string path = requests[0].path;
      requests.clear();
      for (const std::string& variant : declared) requests.push_back({path, variant, variant});
    } else if (declared.size() == 1) {
      throw UsageError(fmt::format(
          "give at least two plans; {0} holds one variant, {1}: compare it with the file "
          "without it with teamsim compare {0} --variants base,{1}",
          requests[0].path, declared[0]));
    }
  }
  if (requests.size() < 2) {
    throw UsageError(
        "give at least two plans (FILE FILE, FILE:VARIANT ..., or FILE --variants a,b)");
  }
  return requests;
}

// A variant that sets `name:` is called by it; one that does not is called by its key (the
// resolver names it "NAME [KEY]"). Labels must then tell plans apart (a plan compared with
// itself gets "#2").
void name_plans(std::vector<ComparedPlan>& plans, const std::vector<PlanRequest>& requests) {
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const std::string& variant = requests[i].variant;
    const std::string& name = plans[i].spec.name;
    if (!variant.empty() && !name.empty() && !name.ends_with(" [" + variant + "]")) {
      plans[i].label = name;
    }
  }
  std::vector<std::string> given;
  for (const ComparedPlan& plan : plans) given.push_back(plan.label);
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const auto copies =
        std::count(given.begin(), given.begin() + static_cast<std::ptrdiff_t>(i), given[i]);
    if (copies > 0) plans[i].label += fmt::format("#{}", copies + 1);
  }
}

std::vector<ComparedPlan> CompareCommand::load_plans(
    const std::vector<PlanRequest>& requests,
    std::vector<std::vector<Diagnostic>>& warnings_of) const {
  std::vector<ComparedPlan> plans;
  std::size_t invalid = 0;
  std::set<std::string> said;                // what variants of one file share is said once
  WarningsOfLoads warnings;                  // a warning of some plans names them
  std::vector<std::exception_ptr> failures;  // said after the warnings, which --strict refuses
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const PlanRequest& request = requests[i];
    std::vector<Diagnostic> found;
    try {  // every plan's problems are listed before giving up
      LoadResult loaded =
          load_scenario({request.path, request.variant, overrides_}, strict_, said, &found);
      std::vector<Assumption> assumptions = scenario_assumptions(*loaded.spec, loaded.written_keys);
      plans.push_back({request.label, std::move(*loaded.spec), std::move(assumptions)});
    } catch (const ScenarioError&) {
      failures.push_back(std::current_exception());
    } catch (const UsageError&) {  // a file that cannot be read
      failures.push_back(std::current_exception());
    }
    warnings.add(found, i);
    warnings_of.push_back(std::move(found));
  }
  // A warning's file:line names its plan unless variants of one file are compared, or it is
  // written in a file the plans extend (a shared base): then the plans that gave it are named.
  const bool one_file_many_plans =
      std::any_of(requests.begin(), requests.end(), [&](const PlanRequest& request) {
        return std::count_if(requests.begin(), requests.end(), [&](const PlanRequest& other) {
                 return other.path == request.path;
               }) > 1;
      });
  warnings.print_named([&](const Diagnostic& warning, const std::vector<std::size_t>& which) {
    if (which.size() == requests.size()) return std::string();  // every plan's
    const bool in_own_files = std::all_of(which.begin(), which.end(), [&](std::size_t i) {
      return std::filesystem::path(warning.file).lexically_normal() ==
             std::filesystem::path(requests[i].path).lexically_normal();
    });
    if (!one_file_many_plans && in_own_files) return std::string();
    std::vector<std::string> labels;
    for (const std::size_t i : which) labels.push_back(requests[i].label);
    return fmt::format("in {}", fmt::join(labels, ", "));
  });
  std::size_t unloadable = 0;  // the command line's mistake: a file or a variant that is not there
  for (const std::exception_ptr& failure : failures) {
    try {
      std::rethrow_exception(failure);
    } catch (const UsageError& e) {
      print_error("compare", e);
      ++unloadable;
    } catch (const std::exception& e) {
      print_error("compare", e);
      ++invalid;
    }
  }
  if (invalid > 0) {
    throw ScenarioError(
        fmt::format("{} of {} plans are invalid", invalid + unloadable, requests.size()));
  }
  if (unloadable > 0) {
    throw UsageError(
        fmt::format("{} of {} plans could not be loaded", unloadable, requests.size()));
  }
  name_plans(plans, requests);
  // teamsim converts nothing: a plan in euros against one in dollars would be tabled in the first
  // plan's currency, and A - B would subtract euros from dollars.
  const auto other_currency = std::find_if(plans.begin(), plans.end(), [&](const auto& plan) {
    return plan.spec.money.currency != plans.front().spec.money.currency;
  });
  if (other_currency != plans.end()) {
    std::vector<std::string> currencies;
    for (const ComparedPlan& plan : plans) {
      currencies.push_back(fmt::format("{}: {}", plan.label, plan.spec.money.currency));
    }
    throw UsageError(fmt::format(
        "the plans give their amounts in different currencies ({}); teamsim converts nothing, so "
        "their ARR, cash and differences would mix currencies. Give every plan the same "
        "money.currency, with its amounts in that currency",
        fmt::join(currencies, ", ")));
  }
  // Keys no row shows (or one rounds away) are compared too: plans are said to share every
  // assumption only when they do.
  std::vector<const model::ScenarioSpec*> specs;
  std::vector<std::vector<Assumption>> assumptions;
  for (const ComparedPlan& plan : plans) {
    specs.push_back(&plan.spec);
    assumptions.push_back(plan.assumptions);
  }
  assumptions = with_unshown_differences(specs, std::move(assumptions));
  for (std::size_t i = 0; i < plans.size(); ++i) plans[i].assumptions = std::move(assumptions[i]);
  return plans;
}

// Every plan's samples are kept side by side, and the plan being run holds its own: refused
// before anything is allocated when that does not fit.
void refuse_if_too_large(const std::vector<ComparedPlan>& plans, std::size_t replications) {
  model::SampleMemory need;
  need.replications = replications;
  model::SampleMemory largest;
  for (const ComparedPlan& plan : plans) {
    model::ProjectionOptions projection;
    projection.replications = replications;
    const model::SampleMemory one = model::sample_memory(plan.spec, projection);
    need.months = std::max(need.months, one.months);
    need.metrics += one.metrics;
    need.bytes += one.bytes;
    if (one.bytes > largest.bytes) largest = one;
  }
  need.metrics += largest.metrics;
  need.bytes += largest.bytes;
  refuse_above_memory_limit(need, memory_limit(),
                            fmt::format("comparing {} plans side by side", plans.size()),
                            " or fewer plans at once");
}

// Writes OUT/report.html and its charts; returns the page's path.
std::string write_comparison_report(const std::string& out, const ReportFormats& formats,
                                    const std::vector<PlanRequest>& requests,
                                    const std::vector<ComparedPlan>& plans,
                                    const PlanComparison& comparison,
                                    const std::vector<MetricComparison>& metrics, double seconds,
                                    std::vector<std::vector<Diagnostic>> warnings) {
  ComparisonContext context;
  context.warnings = std::move(warnings);
  context.generated_at = format_utc(report_clock_now());
  context.run_seconds = reported_run_seconds(seconds);
  for (const PlanRequest& request : requests) {
    context.sources.push_back(
        request.variant.empty() ? request.path : request.path + " --variant " + request.variant);
  }
  const std::vector<ReportChart> charts = comparison_charts(comparison, metrics);
  return write_charts_and_page(out, charts, "report.html",
                               render_comparison_html(comparison, metrics, plans, charts, context),
                               formats)
      .back();
}

void print_comparison(const std::vector<ComparedPlan>& plans, const PlanComparison& comparison,
                      const std::vector<MetricComparison>& metrics, std::uint64_t seed) {
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const std::string& label = comparison.labels[i];
    const std::string& name = plans[i].spec.name;
    fmt::print("{} = {}{} (scenario hash {})\n",
               static_cast<char>('A' + std::min<std::size_t>(i, 25)), label,
               label == name ? std::string() : fmt::format(": \"{}\"", name),
               comparison.scenario_hashes[i]);
  }
  // Plans of different horizons are compared over the shortest: say so, and what was cut.
  std::vector<int> horizon_of;
  for (const ComparedPlan& plan : plans) horizon_of.push_back(plan.spec.horizon_months);
  const bool cut = std::any_of(horizon_of.begin(), horizon_of.end(),
                               [&](int months) { return months != comparison.horizon_months; });
  const std::string horizons =
      cut ? fmt::format(" (the plans run {} months: compared over the first {})",
                        fmt::join(horizon_of, ", "), comparison.horizon_months)
          : std::string();
  fmt::print("{}, seed {}, {}{}\n\n", counted(comparison.replications, "replication"), seed,
             counted(comparison.horizon_months, "month"), horizons);
  std::vector<std::vector<Assumption>> assumptions;
  for (const ComparedPlan& plan : plans) assumptions.push_back(plan.assumptions);
  fmt::print("{}",
             assumption_differences_table(comparison.labels, assumptions, terminal_columns()));
  fmt::print("{}", comparison_table(comparison, metrics, terminal_columns()));
}

CompareOptions CompareCommand::compare_options(const model::ScenarioSpec& first,
                                               const std::atomic<bool>& stop_requested) const {
  CompareOptions options;
  options.replications = simulation_.replications_for(first);
  options.seed = simulation_.seed_for(first);
  options.threads = simulation_.threads;
  options.independent_streams = independent_;
  options.stop_requested = &stop_requested;
  return options;
}

void CompareCommand::execute(const std::atomic<bool>& stop_requested) {
  const std::vector<PlanRequest> requests = plan_requests();
  std::vector<std::vector<Diagnostic>> warnings;  // per plan, for the report
  const std::vector<ComparedPlan> plans = load_plans(requests, warnings);
  CompareOptions options = compare_options(plans.front().spec, stop_requested);
  refuse_if_too_large(plans, options.replications);
  OutputFolder folder(out_);
  if (!quiet_) {
    fmt::print(
        stderr, "teamsim {}: comparing {} plans — {} each, seed {}{}\n", kVersion, plans.size(),
        counted(options.replications, "replication"), options.seed,
        independent_ ? " (independent streams: seed + plan index)" : ", common random numbers");
  }
  ProgressLine progress(options.replications * plans.size(), !quiet_ && progress_wanted());
  options.on_progress = [&progress](std::size_t done) { progress.update(done); };
  const auto start = std::chrono::steady_clock::now();
  const PlanComparison comparison = compare_plans(plans, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress.finish();
  if (comparison.outcome == sim::RunOutcome::kStopped) throw_interrupted();

  const std::vector<MetricComparison> metrics =
      summarize_comparison(comparison, simulation_.threads);
  const std::string csv = comparison_csv(comparison, metrics);
  const std::string json = comparison_json(comparison, metrics, plans);
  folder.clear();
  const std::string csv_path = (std::filesystem::path(out_) / "compare.csv").string();
  const std::string json_path = (std::filesystem::path(out_) / "compare.json").string();
  write_file_atomically(csv_path, csv);
  write_file_atomically(json_path, json);
  if (xlsx_) {
    std::vector<nlohmann::ordered_json> resolved;
    for (std::size_t i = 0; i < plans.size(); ++i) {
      resolved.push_back(
          scenario_as_run_json(plans[i].spec, comparison.replications, comparison.seeds[i]));
    }
    write_comparison_workbook((std::filesystem::path(out_) / "results.xlsx").string(), comparison,
                              metrics, resolved);
  }
  const std::string report_path =
      report_ || formats_.png || formats_.pdf
          ? write_comparison_report(out_, formats_, requests, plans, comparison, metrics, seconds,
                                    std::move(warnings))
          : std::string();

  folder.list_files();
  print_comparison(plans, comparison, metrics, options.seed);
  if (!quiet_) {
    fmt::print(
        stderr, "\nwrote {} and {}{}\n", csv_path, json_path,
        report_path.empty() ? std::string() : fmt::format(", and {} with charts/", report_path));
  }
}

}  // namespace

std::unique_ptr<Command> make_compare_command() { return std::make_unique<CompareCommand>(); }

}  // namespace teamsim::app
