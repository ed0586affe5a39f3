#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/analysis/metric_choice.h"
#include "app/analysis/run_limits.h"
#include "app/charts/chart_axis.h"
#include "app/cli/cli.h"
#include "app/cli/command.h"
#include "app/cli/command_options.h"
#include "app/cli/run_outputs.h"
#include "app/common/atomic_file.h"
#include "app/common/csv.h"
#include "app/common/errors.h"
#include "app/common/progress.h"
#include "app/common/version.h"
#include "app/results/terminal_table.h"
#include "app/scenario/scenario_resolver.h"
#include "models/projection.h"
#include "sim/statistics.h"

namespace teamsim::app {
namespace {

/// One --vary: a key path and the values (as YAML text) it takes.
struct Axis {
  std::string path;
  std::vector<std::string> values;
};

std::optional<double> parse_double(const std::string& text) {
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// "path=a,b,c" or "path=lo:hi:step"; a malformed one throws UsageError.
Axis parse_axis(const std::string& text) {
  const auto split = split_override(text);
  if (!split) {
    throw UsageError(
        fmt::format("--vary '{}': expected KEY.PATH=a,b,c or KEY.PATH=lo:hi:step", text));
  }
  Axis axis{split->first, {}};
  const std::string& spec = split->second;
  if (std::count(spec.begin(), spec.end(), ':') == 2 && spec.find(',') == std::string::npos) {
    const std::size_t a = spec.find(':'), b = spec.rfind(':');
    const auto lo = parse_double(spec.substr(0, a));
    const auto hi = parse_double(spec.substr(a + 1, b - a - 1));
    const auto step = parse_double(spec.substr(b + 1));
    if (!lo || !hi || !step || *step <= 0 || *hi < *lo) {
      throw UsageError(
          fmt::format("--vary '{}': lo:hi:step needs numbers with lo <= hi and step > 0", text));
    }
    const auto count = static_cast<std::size_t>(std::floor((*hi - *lo) / *step + 1e-9)) + 1;
    if (count > 1000) throw UsageError(fmt::format("--vary '{}': more than 1000 values", text));
    for (std::size_t i = 0; i < count; ++i) {
      axis.values.push_back(fmt::format("{}", *lo + static_cast<double>(i) * *step));
    }
    return axis;
  }
  std::size_t start = 0;
  while (start <= spec.size()) {
    const std::size_t comma = spec.find(',', start);
    const std::size_t end = comma == std::string::npos ? spec.size() : comma;
    axis.values.push_back(spec.substr(start, end - start));
    start = end + 1;
  }
  return axis;
}

class SweepCommand final : public Command {
 public:
  void declare(CLI::App& parser) override {
    CLI::App* command = &parser;
    add_scenario_options(*command, scenario_);
    command
        ->add_option("--vary", vary_,
                     "KEY.PATH=a,b,c or KEY.PATH=lo:hi:step (repeat for a grid), e.g.\n"
                     "--vary pipeline.win_rate=0.15:0.3:0.05 --vary 'hires[1].month=2,4,6'")
        ->required();
    add_simulation_options(*command, simulation_, "the scenario's");
    command->add_option("-o,--out", out_, "Folder for sweep.csv and sweep.json")
        ->capture_default_str();
    command->add_option("--metric", metric_, "Metric shown in the terminal table")
        ->capture_default_str();
    command->add_option("--month", month_, "Month shown in the terminal table (default: 24)");
    command->add_flag("-q,--quiet", quiet_, "Print only the results table");
    command->footer(
        "Writes OUT/sweep.csv: one row per grid point, metric and month, with one column per\n"
        "--vary path, then month, metric, unit, mean, se, p5..p95; OUT/sweep.json the same.\n"
        "--set applies at every point, before --vary.");
  }

  void execute(const std::atomic<bool>& stop_requested) override;

 private:
  ScenarioOptions scenario_;
  std::vector<std::string> vary_;
  SimulationOptions simulation_;
  std::string out_ = "out";
  std::string metric_ = "arr";
  std::optional<int> month_;
  bool quiet_ = false;
};

void SweepCommand::execute(const std::atomic<bool>& stop_requested) {
  std::vector<Axis> axes;
  for (const std::string& text : vary_) axes.push_back(parse_axis(text));
  // Every grid point, the first axis varying slowest.
  std::vector<std::vector<std::size_t>> points = {{}};
  for (const Axis& axis : axes) {
    std::vector<std::vector<std::size_t>> next;
    for (const auto& point : points) {
      for (std::size_t v = 0; v < axis.values.size(); ++v) {
        next.push_back(point);
        next.back().push_back(v);
      }
    }
    points = std::move(next);
  }
  if (points.size() > 10'000) {
    throw UsageError(fmt::format("{} grid points is more than 10,000", points.size()));
  }
  std::vector<model::ScenarioSpec> specs;
  for (const auto& point : points) {
    ScenarioRequest request = scenario_.request();
    for (std::size_t a = 0; a < axes.size(); ++a) {
      request.overrides.push_back(axes[a].path + "=" + axes[a].values[point[a]]);
    }
    specs.push_back(std::move(*load_scenario(request).spec));
  }
  // The table's month must exist at every point (a sweep may vary horizon_months).
  int horizon = specs.front().horizon_months;
  for (const model::ScenarioSpec& spec : specs) horizon = std::min(horizon, spec.horizon_months);
  const int month = choose_metric(model::MetricLayout(specs.front()), horizon, metric_,
                                  month_.value_or(std::min(24, horizon)))
                        .month;
  const std::size_t replications = simulation_.replications_for(specs.front());
  const std::uint64_t seed = simulation_.seed_for(specs.front());
  // One point at a time is held in memory: refused before anything is allocated when the
  // largest does not fit.
  model::SampleMemory largest;
  for (const model::ScenarioSpec& spec : specs) {
    model::ProjectionOptions projection;
    projection.replications = replications;
    const model::SampleMemory one = model::sample_memory(spec, projection);
    if (one.bytes > largest.bytes) largest = one;
  }
  if (const auto refusal =
          memory_refusal(largest, memory_limit(), "each point of this sweep", "")) {
    throw UsageError(*refusal);
  }
  if (!quiet_) {
    fmt::print(stderr, "teamsim {}: sweep of {} points — {} replications each, seed {}\n", kVersion,
               points.size(), replications, seed);
  }
  ProgressLine progress(replications * points.size(), !quiet_ && progress_wanted());

  std::string csv;
  for (const Axis& axis : axes) csv += csv_field(axis.path) + ",";
  csv += "month,metric,unit,mean,se";
  for (const char* name : sim::kPercentileNames) csv += fmt::format(",{}", name);
  csv += '\n';
  nlohmann::ordered_json json;
  json["schema_version"] = 1;
  json["tool"] = "teamsim";
  json["version"] = kVersion;
  json["scenario"] = scenario_.path;
  json["seed"] = seed;
  json["replications"] = replications;
  json["parameters"] = nlohmann::ordered_json::array();
  for (const Axis& axis : axes) json["parameters"].push_back(axis.path);
  json["points"] = nlohmann::ordered_json::array();
  std::vector<std::string> table = {};
  std::string header;
  for (const Axis& axis : axes) header += fmt::format("{:>20} ", axis.path);
  header += fmt::format("{:>12} {:>12} {:>12} {:>12}", fmt::format("{} p10", metric_), "p50", "p90",
                        "mean");

  for (std::size_t i = 0; i < points.size(); ++i) {
    model::ProjectionOptions options;
    options.replications = replications;
    options.seed = seed;
    options.threads = simulation_.threads;
    options.stop_requested = &stop_requested;
    const std::size_t before = i * replications;
    options.on_progress = [&progress, before](std::size_t done) { progress.update(before + done); };
    std::string which = "sweep point";
    for (std::size_t a = 0; a < axes.size(); ++a) {
      which +=
          fmt::format("{} {}={}", a == 0 ? "" : ",", axes[a].path, axes[a].values[points[i][a]]);
    }
    const model::Projection projection = project_or_name_the_failure(which, specs[i], options);
    if (projection.outcome == sim::RunOutcome::kStopped) {
      progress.finish();
      throw_interrupted();
    }
    std::string prefix;
    nlohmann::ordered_json point;
    point["values"] = nlohmann::ordered_json::object();
    std::string row;
    for (std::size_t a = 0; a < axes.size(); ++a) {
      const std::string& value = axes[a].values[points[i][a]];
      prefix += csv_field(value) + ",";
      const auto number = parse_double(value);
      if (number) {
        point["values"][axes[a].path] = *number;
      } else {
        point["values"][axes[a].path] = value;
      }
      row += fmt::format("{:>20} ", value);
    }
    point["metrics"] = nlohmann::ordered_json::object();
    for (std::size_t m = 0; m < projection.stored.size(); ++m) {
      const model::MetricInfo& info = projection.stored_info(m);
      const sim::ColumnSummary s = sim::summarize_columns(projection.samples.metric(m));
      nlohmann::ordered_json stats;
      stats["mean"] = nlohmann::ordered_json::array();
      for (Eigen::Index c = 0; c < s.mean.size(); ++c) {
        csv += fmt::format("{}{},{},{},{},{}", prefix, c + 1, info.name, info.unit, s.mean(c),
                           s.se(c));
        for (Eigen::Index p = 0; p < s.percentiles.cols(); ++p) {
          csv += fmt::format(",{}", s.percentiles(c, p));
        }
        csv += '\n';
        stats["mean"].push_back(s.mean(c));
      }
      for (std::size_t p = 0; p < sim::kPercentileNames.size(); ++p) {
        auto column = nlohmann::ordered_json::array();
        for (Eigen::Index c = 0; c < s.mean.size(); ++c) {
          column.push_back(s.percentiles(c, static_cast<Eigen::Index>(p)));
        }
        stats[sim::kPercentileNames[p]] = std::move(column);
      }
      point["metrics"][info.name] = std::move(stats);
      if (info.name == metric_) {
        const Eigen::Index c = month - 1;
        row += fmt::format(
            "{:>12} {:>12} {:>12} {:>12}", format_compact(s.percentiles(c, sim::kColumnP10)),
            format_compact(s.percentiles(c, sim::kColumnP50)),
            format_compact(s.percentiles(c, sim::kColumnP90)), format_compact(s.mean(c)));
      }
    }
    json["points"].push_back(std::move(point));
    table.push_back(std::move(row));
  }
  progress.finish();
  const std::string json_text = json.dump(2) + "\n";
  ensure_directory(out_);
  const std::string csv_path = (std::filesystem::path(out_) / "sweep.csv").string();
  const std::string json_path = (std::filesystem::path(out_) / "sweep.json").string();
  write_file_atomically(csv_path, csv);
  write_file_atomically(json_path, json_text);
  fmt::print("{} points, {} replications each, seed {} (common random numbers); {} at month {}\n\n",
             points.size(), replications, seed, metric_, month);
  fmt::print("{}\n", header);
  for (const std::string& row : table) fmt::print("{}\n", row);
  if (!quiet_) fmt::print(stderr, "\nwrote {} and {}\n", csv_path, json_path);
}

}  // namespace

std::unique_ptr<Command> make_sweep_command() { return std::make_unique<SweepCommand>(); }

}  // namespace teamsim::app
