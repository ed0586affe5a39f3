#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "app/analysis/metric_choice.h"
#include "app/analysis/run_limits.h"
#include "app/charts/svg_raster.h"
#include "app/cli/cli.h"
#include "app/cli/command.h"
#include "app/cli/command_options.h"
#include "app/cli/error_printer.h"
#include "app/cli/month_option.h"
#include "app/cli/run_outputs.h"
#include "app/common/atomic_file.h"
#include "app/common/calendar_month.h"
#include "app/common/csv.h"
#include "app/common/errors.h"
#include "app/common/number_format.h"
#include "app/common/output_folder.h"
#include "app/common/plural.h"
#include "app/common/progress.h"
#include "app/common/suggestions.h"
#include "app/common/utf8.h"
#include "app/common/version.h"
#include "app/report/report_charts.h"
#include "app/report/report_writer.h"
#include "app/report/sweep_report.h"
#include "app/results/summary_writer.h"
#include "app/results/sweep_json_schema.h"
#include "app/results/terminal_table.h"
#include "app/scenario/plan_calendar.h"
#include "app/scenario/replication_inputs.h"
#include "app/scenario/scenario_json.h"
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

/// One end or the step of a lo:hi:step range, read as --set reads a number: single underscores
/// between digits (1_500_000) and a trailing % (15%, a hundredth) allowed.
struct RangeNumber {
  double value = 0;  ///< as written, without the % (15 for "15%")
  bool percent = false;
  int decimals = 0;  ///< digits after the point, to print the values as exactly as the input
};

std::optional<RangeNumber> parse_range_number(std::string text) {
  RangeNumber number;
  if (text.ends_with('%')) {
    number.percent = true;
    text.pop_back();
  }
  std::string clean;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool between_digits = i > 0 && i + 1 < text.size() && std::isdigit(text[i - 1]) != 0 &&
                                std::isdigit(text[i + 1]) != 0;
    if (text[i] == '_' && between_digits) continue;
    clean += text[i];
  }
  const auto value = parse_double(clean);
  if (!value || !std::isfinite(*value)) return std::nullopt;
  number.value = *value;
  if (const std::size_t point = clean.find('.'); point != std::string::npos) {
    const std::size_t end = clean.find_first_of("eE", point);
    number.decimals = static_cast<int>((end == std::string::npos ? clean.size() : end) - point - 1);
  }
  return number;
}

// The values of lo:hi:step, written as the range was (15%:30%:5% gives 15%, 20%, 25%, 30%),
// with no binary rounding noise (0.1:0.3:0.1 gives 0.3, not 0.30000000000000004).
std::vector<std::string> range_values(const std::string& text, const std::string& spec) {
  const std::size_t a = spec.find(':'), b = spec.rfind(':');
  const auto lo = parse_range_number(spec.substr(0, a));
  const auto hi = parse_range_number(spec.substr(a + 1, b - a - 1));
  const auto step = parse_range_number(spec.substr(b + 1));
  if (!lo || !hi || !step || step->value <= 0 || hi->value < lo->value) {
    throw UsageError(fmt::format(
        "--vary '{}': lo:hi:step needs numbers with lo <= hi and step > 0 (written as --set takes "
        "them: 0.15, 15%, 1_500_000)",
        text));
  }
  if (lo->percent != hi->percent || lo->percent != step->percent) {
    throw UsageError(fmt::format(
        "--vary '{}': write all three of lo:hi:step as percentages (15%:30%:5%) or none", text));
  }
  const auto count =
      static_cast<std::size_t>(std::floor((hi->value - lo->value) / step->value + 1e-9) + 1);
  if (count > 1000) throw UsageError(fmt::format("--vary '{}': more than 1000 values", text));
  const int decimals = std::max({lo->decimals, hi->decimals, step->decimals});
  std::vector<std::string> values;
  for (std::size_t i = 0; i < count; ++i) {
    double value = lo->value + static_cast<double>(i) * step->value;
    if (std::fabs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0;  // no "-0.00"
    values.push_back(fmt::format("{:.{}f}{}", value, decimals, lo->percent ? "%" : ""));
  }
  return values;
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
    axis.values = range_values(text, spec);
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

/// The grid of a sweep: its axes and every point, as one value index per axis.
struct Grid {
  std::vector<Axis> axes;
  std::vector<std::vector<std::size_t>> points;  ///< the first axis varying slowest

  /// The value (as YAML text) of axis `a` at point `i`.
  const std::string& value(std::size_t i, std::size_t a) const {
    return axes[a].values[points[i][a]];
  }
};

// Every point of the --vary axes; throws UsageError on a malformed axis or too many points.
Grid build_grid(const std::vector<std::string>& vary) {
  Grid grid;
  for (const std::string& text : vary) grid.axes.push_back(parse_axis(text));
  grid.points = {{}};
  for (const Axis& axis : grid.axes) {
    std::vector<std::vector<std::size_t>> next;
    for (const auto& point : grid.points) {
      for (std::size_t v = 0; v < axis.values.size(); ++v) {
        next.push_back(point);
        next.back().push_back(v);
      }
    }
    grid.points = std::move(next);
  }
  if (grid.points.size() > 10'000) {
    throw UsageError(fmt::format("{} grid points is more than 10,000", grid.points.size()));
  }
  return grid;
}

// "ramp_months=6, win_rate=0.2": point `i`'s values.
std::string point_values(const Grid& grid, std::size_t i) {
  std::vector<std::string> values;
  for (std::size_t a = 0; a < grid.axes.size(); ++a) {
    values.push_back(grid.axes[a].path + "=" + grid.value(i, a));
  }
  return fmt::format("{}", fmt::join(values, ", "));
}

// "sweep point ramp_months=6, win_rate=0.2": how a failure names point `i`.
std::string point_name(const Grid& grid, std::size_t i) {
  return "sweep point " + point_values(grid, i);
}

// The scenario at each point: --set first, then the point's --vary values. Every point is
// loaded before any fails, so that each invalid value is said at once (`--vary
// win_rate=0.2,1.5,-1`: both 1.5 and -1), not one per attempt. The plausibility warnings are
// said, and handed to `said_warnings` for the report, each once (naming the points that gave
// it unless every point did).
std::vector<model::ScenarioSpec> load_points(const Grid& grid, const ScenarioOptions& scenario,
                                             std::vector<Diagnostic>& said_warnings) {
  std::vector<model::ScenarioSpec> specs;
  std::set<std::string> said;  // an error is said once
  WarningsOfLoads warnings;
  std::vector<std::string> invalid;  // the values of the points that did not load
  bool only_warnings = true;         // every point that did not load had warnings, not errors
  for (std::size_t i = 0; i < grid.points.size(); ++i) {
    ScenarioRequest request = scenario.request();
    for (std::size_t a = 0; a < grid.axes.size(); ++a) {
      request.overrides.push_back(grid.axes[a].path + "=" + grid.value(i, a));
    }
    std::vector<Diagnostic> found;
    try {
      specs.push_back(std::move(*load_scenario(request, scenario.strict, said, &found).spec));
    } catch (const ScenarioError&) {
      // With --strict a point's warnings refuse it: they are said below, as without it.
      invalid.push_back(point_values(grid, i));
      if (found.empty()) only_warnings = false;
    }
    warnings.add(found, i);
  }
  const auto name_points = [&](const std::vector<std::size_t>& points) {
    // "at sweep point a=1, b=2", or "at sweep points a=1, b=2; a=1, b=4": the word once.
    std::vector<std::string> values;
    for (const std::size_t i : points) values.push_back(point_values(grid, i));
    return fmt::format("at sweep point{} {}", points.size() == 1 ? "" : "s",
                       fmt::join(values, "; "));
  };
  warnings.print(grid.points.size(), name_points);
  said_warnings = warnings.warnings(grid.points.size(), name_points);
  if (!invalid.empty()) {
    // The errors (or, with --strict, the warnings) are said above, each once; this line says
    // where they were found.
    const std::string what = only_warnings ? "plausibility warnings" : "invalid scenario";
    const std::string strict = only_warnings ? ", errors with --strict" : "";
    throw ScenarioError(invalid.size() == grid.points.size()
                            ? fmt::format("{}: {} at every sweep point ({}){}", scenario.path, what,
                                          grid.points.size(), strict)
                            : fmt::format("{}: {} at {} of {} sweep points{}: {}", scenario.path,
                                          what, invalid.size(), grid.points.size(), strict,
                                          fmt::join(invalid, "; ")));
  }
  return specs;
}

// The value at a key path ("pipeline.win_rate", "hires[1].month") of a scenario's JSON, or null.
const nlohmann::ordered_json* json_at(const nlohmann::ordered_json& root, const std::string& path) {
  const nlohmann::ordered_json* node = &root;
  std::size_t at = 0;
  while (at < path.size()) {
    if (path[at] == '[') {
      const std::size_t close = path.find(']', at);
      const std::optional<double> index = close == std::string::npos
                                              ? std::nullopt
                                              : parse_double(path.substr(at + 1, close - at - 1));
      if (!index || !node->is_array() || *index < 0 ||
          *index >= static_cast<double>(node->size())) {
        return nullptr;
      }
      node = &(*node)[static_cast<std::size_t>(*index)];
      at = close + 1;
    } else {
      if (path[at] == '.') ++at;
      const std::size_t end = std::min(path.find_first_of(".[", at), path.size());
      const std::string key = path.substr(at, end - at);
      if (!node->is_object() || !node->contains(key)) return nullptr;
      node = &(*node)[key];
      at = end;
    }
  }
  return node;
}

// The parameters the `per: replication` map at `key_path` of `root` writes (its keys besides
// dist and per), as key paths: "pipeline.win_rate.mean.min", ...; empty when there is none.
std::vector<std::string> written_parameters(const YamlNode& root, const std::string& key_path) {
  std::vector<Diagnostic> reported_by_the_loader;
  DiagnosticSink sink(reported_by_the_loader);
  std::vector<std::string> parameters;
  for (const loader::MarkedInput& marked : loader::find_replication_inputs(root, sink)) {
    if (marked.key_path != key_path) continue;
    const YamlNode* node = &root;
    for (const std::size_t step : marked.steps) {
      node = node->is_map() ? &node->entries[step].value : &node->items[step];
    }
    for (const YamlEntry& entry : node->entries) {
      if (entry.key != "dist" && entry.key != "per") {
        parameters.push_back(key_path_join(key_path, entry.key));
      }
    }
  }
  return parameters;
}

// A --vary key that the plan draws from a distribution (a win rate drawn per deal, a ramp per
// person, or any number written with per: replication), given plain numbers: each point makes it
// that constant, and the points lose the spread that the plan itself has. Said, so that a point
// equal to the plan's mean is not taken for the plan. A per-replication key is looked up in the
// spec's replication_inputs: the scenario's JSON cannot show one written as a distribution's
// parameter (pipeline.win_rate.mean), since the distribution is shown by its own parameters.
void warn_of_distributions_made_constant(const Grid& grid, const ScenarioOptions& scenario) {
  const LoadResult base = resolve_scenario(scenario.request());
  if (!base.ok()) return;
  const model::ScenarioSpec& spec = *base.spec;
  const nlohmann::ordered_json json = scenario_to_json(spec);
  for (const Axis& axis : grid.axes) {
    const bool plain =
        std::none_of(axis.values.begin(), axis.values.end(),
                     [](const std::string& v) { return v.find('{') != std::string::npos; });
    if (!plain) continue;
    const auto per_replication =
        std::find_if(spec.replication_inputs.begin(), spec.replication_inputs.end(),
                     [&](const model::ReplicationInput& input) {
                       return input.key_path == axis.path && !input.distribution.is_constant();
                     });
    if (per_replication != spec.replication_inputs.end()) {
      const std::vector<std::string> parameters =
          base.merged_tree ? written_parameters(*base.merged_tree, axis.path)
                           : std::vector<std::string>{};
      print_warning(
          "sweep",
          fmt::format("--vary {0}: the plan draws {0} once per replication ({1}, per: "
                      "replication), and each point makes it a constant, without that spread, "
                      "so no point is the plan itself; to move the distribution instead, vary "
                      "one of the parameters its map writes{2}",
                      axis.path, sim::name_of(per_replication->distribution.family()),
                      parameters.empty() ? "" : fmt::format(" ({})", fmt::join(parameters, ", "))));
      continue;
    }
    const nlohmann::ordered_json* node = json_at(json, axis.path);
    if (node == nullptr || !node->is_object() || !node->contains("dist") ||
        (*node)["dist"] == "constant") {
      continue;
    }
    print_warning("sweep",
                  fmt::format("--vary {0}: the plan draws {0} from a distribution ({1}), and each "
                              "point makes it a constant, without that spread, so no point is "
                              "the plan itself; to move the distribution instead, write it out "
                              "in the scenario and vary one of its parameters ({0}.mean, "
                              "{0}.median, ...)",
                              axis.path, (*node)["dist"].get<std::string>()));
  }
}

// The table's month: it must exist at every point (a sweep may vary horizon_months).
int table_month(const std::vector<model::ScenarioSpec>& specs, const std::string& metric,
                std::optional<int> month) {
  int horizon = specs.front().horizon_months;
  for (const model::ScenarioSpec& spec : specs) horizon = std::min(horizon, spec.horizon_months);
  return choose_metric(model::MetricLayout(specs.front()), horizon, metric, month.value_or(horizon))
      .month;
}

// One point at a time is held in memory: refused before anything is allocated when the largest
// does not fit.
void refuse_if_too_large(const std::vector<model::ScenarioSpec>& specs, std::size_t replications) {
  model::SampleMemory largest;
  for (const model::ScenarioSpec& spec : specs) {
    model::ProjectionOptions projection;
    projection.replications = replications;
    const model::SampleMemory one = model::sample_memory(spec, projection);
    if (one.bytes > largest.bytes) largest = one;
  }
  refuse_above_memory_limit(largest, memory_limit(), "each point of this sweep", "");
}

/// sweep.csv, sweep.json and the terminal table, a point at a time.
class SweepOutputs {
 public:
  SweepOutputs(const Grid& grid, const ScenarioOptions& scenario, const std::string& scenario_name,
               std::uint64_t seed, std::size_t replications, const std::string& metric, int month,
               const MonthNames& names);

  /// Adds point `i` of the grid, whose projection is `projection`, summarised on `threads`.
  void add(std::size_t i, const model::Projection& projection, unsigned threads);

  const std::string& csv() const { return csv_; }
  std::string json() const { return json_.dump(2) + "\n"; }
  /// The terminal table: a header line, then one line per point.
  std::string table() const;
  /// The metric at the month, point by point, for the chart and the report.
  const SweepReportData& report_data() const { return report_; }
  /// The scenario's currency, for money in the chart and report.
  void set_currency(std::string currency) { report_.currency = std::move(currency); }
  /// The plausibility warnings, each once, for the report.
  void set_warnings(std::vector<Diagnostic> warnings) { report_.warnings = std::move(warnings); }

 private:
  void add_csv_rows(std::size_t i, const model::Projection& projection,
                    const std::vector<sim::ColumnSummary>& stats);
  void add_json_point(std::size_t i, const model::Projection& projection,
                      const std::vector<sim::ColumnSummary>& stats);
  void add_table_row(std::size_t i, const model::Projection& projection,
                     const std::vector<sim::ColumnSummary>& stats);

  const Grid& grid_;
  std::string metric_;
  int month_;
  MonthNames names_;
  std::string csv_;
  nlohmann::ordered_json json_;
  model::MetricInfo info_;  ///< of the metric the table shows
  SweepReportData report_;
};

SweepOutputs::SweepOutputs(const Grid& grid, const ScenarioOptions& scenario,
                           const std::string& scenario_name, std::uint64_t seed,
                           std::size_t replications, const std::string& metric, int month,
                           const MonthNames& names)
    : grid_(grid), metric_(metric), month_(month), names_(names) {
  report_.scenario_file = scenario.path;
  report_.scenario_name = scenario_name;
  report_.variant = scenario.variant;
  report_.overrides = scenario.overrides;
  for (const Axis& axis : grid_.axes) report_.parameters.push_back(axis.path);
  report_.metric = metric;
  report_.month = month;
  report_.months = names;
  report_.replications = replications;
  report_.seed = seed;
  for (const Axis& axis : grid_.axes) csv_ += csv_field(axis.path) + ",";
  // With a start date every point shares, a `date` column (2027-03) after the month.
  csv_ += std::string("month,") + (names_.start() ? "date," : "") + "metric,unit," +
          statistics_csv_header() + '\n';
  json_["schema_version"] = kSweepSchemaVersion;
  json_["tool"] = "teamsim";
  json_["version"] = kVersion;
  json_["scenario"] = scenario.path;
  // Which plan was swept: the file alone does not say when it has variants or --set changed it.
  json_["name"] = scenario_name;
  json_["variant"] = scenario.variant.empty() ? nlohmann::ordered_json()
                                              : nlohmann::ordered_json(scenario.variant);
  json_["set"] = scenario.overrides;
  json_["seed"] = seed;
  json_["replications"] = replications;
  if (names_.start()) json_["start_date"] = iso_month(*names_.start());
  json_["parameters"] = nlohmann::ordered_json::array();
  for (const Axis& axis : grid_.axes) json_["parameters"].push_back(axis.path);
  json_["points"] = nlohmann::ordered_json::array();
}

void SweepOutputs::add(std::size_t i, const model::Projection& projection, unsigned threads) {
  std::vector<sim::ColumnSummary> stats;
  for (std::size_t m = 0; m < projection.stored.size(); ++m) {
    stats.push_back(
        sim::summarize_columns(projection.samples.metric(m), projection.event_weights(m), threads));
  }
  add_csv_rows(i, projection, stats);
  add_json_point(i, projection, stats);
  add_table_row(i, projection, stats);
}

void SweepOutputs::add_csv_rows(std::size_t i, const model::Projection& projection,
                                const std::vector<sim::ColumnSummary>& stats) {
  std::string prefix;
  for (std::size_t a = 0; a < grid_.axes.size(); ++a) prefix += csv_field(grid_.value(i, a)) + ",";
  for (std::size_t m = 0; m < stats.size(); ++m) {
    const model::MetricInfo& info = projection.stored_info(m);
    const sim::ColumnSummary& s = stats[m];
    for (Eigen::Index c = 0; c < s.mean.size(); ++c) {
      const int month = static_cast<int>(c) + 1;
      csv_ += fmt::format("{}{},{}{},{},{}\n", prefix, month,
                          names_.start() ? names_.iso(month) + ',' : "", csv_field(info.name),
                          info.unit, statistics_csv_fields(s, c));
    }
  }
}

void SweepOutputs::add_json_point(std::size_t i, const model::Projection& projection,
                                  const std::vector<sim::ColumnSummary>& stats) {
  nlohmann::ordered_json point;
  point["values"] = nlohmann::ordered_json::object();
  for (std::size_t a = 0; a < grid_.axes.size(); ++a) {
    const std::string& value = grid_.value(i, a);
    if (const auto number = parse_range_number(value)) {
      point["values"][grid_.axes[a].path] = number->percent ? number->value / 100 : number->value;
    } else {
      point["values"][grid_.axes[a].path] = value;
    }
  }
  point["metrics"] = nlohmann::ordered_json::object();
  for (std::size_t m = 0; m < stats.size(); ++m) {
    const sim::ColumnSummary& s = stats[m];
    nlohmann::ordered_json metric;
    metric["mean"] = nlohmann::ordered_json::array();
    for (Eigen::Index c = 0; c < s.mean.size(); ++c) metric["mean"].push_back(s.mean(c));
    metric["se"] = nlohmann::ordered_json::array();
    for (Eigen::Index c = 0; c < s.se.size(); ++c) metric["se"].push_back(s.se(c));
    for (std::size_t p = 0; p < sim::kPercentileNames.size(); ++p) {
      auto column = nlohmann::ordered_json::array();
      for (Eigen::Index c = 0; c < s.mean.size(); ++c) {
        column.push_back(s.percentiles(c, static_cast<Eigen::Index>(p)));
      }
      metric[sim::kPercentileNames[p]] = std::move(column);
    }
    metric["defined"] = whole_counts(s.defined);
    point["metrics"][projection.stored_info(m).name] = std::move(metric);
  }
  json_["points"].push_back(std::move(point));
}

void SweepOutputs::add_table_row(std::size_t i, const model::Projection& projection,
                                 const std::vector<sim::ColumnSummary>& stats) {
  for (std::size_t m = 0; m < stats.size(); ++m) {
    if (projection.stored_info(m).name != metric_) continue;
    const sim::ColumnSummary& s = stats[m];
    const Eigen::Index c = month_ - 1;
    SweepPointRow point;
    for (std::size_t a = 0; a < grid_.axes.size(); ++a) point.values.push_back(grid_.value(i, a));
    point.p10 = s.percentiles(c, sim::kColumnP10);
    point.p50 = s.percentiles(c, sim::kColumnP50);
    point.p90 = s.percentiles(c, sim::kColumnP90);
    point.mean = s.mean(c);
    point.se = s.se(c);
    point.defined = static_cast<std::size_t>(s.defined(c));
    info_ = projection.stored_info(m);
    report_.unit = info_.unit;
    report_.points.push_back(std::move(point));
  }
}

std::string SweepOutputs::table() const {
  // Cells in the metric's unit ("$4.57M", "37.5%"), each column as wide as its widest cell.
  const std::string symbol = currency_symbol(report_.currency);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header;
  for (const Axis& axis : grid_.axes) {
    header.push_back(sweep_parameter_heading(axis.path, report_.currency));
  }
  for (const char* column : {"p10", "p50", "p90", "mean", "± 95% CI"}) header.emplace_back(column);
  rows.push_back(std::move(header));
  for (const SweepPointRow& point : report_.points) {
    std::vector<std::string> row = point.values;
    // Over fewer than all the point's replications: marked, with the count in a footnote.
    const std::string mark = defined_in_part(report_, point) ? "*" : "";
    for (const double value : {point.p10, point.p50, point.p90, point.mean}) {
      row.push_back(format_metric_value(info_, value, symbol) + mark);
    }
    row.push_back(sweep_mean_interval(report_, point));
    rows.push_back(std::move(row));
  }
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t k = 0; k < row.size(); ++k) {
      widths[k] = std::max(widths[k], utf8_width(row[k]));
    }
  }
  std::string table;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t k = 0; k < row.size(); ++k) {
      line += std::string(widths[k] - utf8_width(row[k]) + (k == 0 ? 0 : 3), ' ') + row[k];
    }
    table += line + "\n";
  }
  const std::string note = sweep_interval_note(report_);
  return table + (note.empty() ? "" : note + "\n") + sweep_defined_footnote(report_);
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
    command->add_option("--month", month_,
                        "Month shown in the terminal table (default: the last): a number, or "
                        "with a start_date 2028-12");
    command->add_flag("-q,--quiet", quiet_,
                      "Print only the results table (and any warnings, on stderr)");
    command->add_flag("--report", report_,
                      "Also write OUT/report.html: the table of every point and the chart");
    command->add_flag("--png", png_, "Also write OUT/sweep.png (the chart, twice its size)");
    command->footer(
        "Writes OUT/sweep.csv: one row per grid point, metric and month, with one column per\n"
        "--vary path, then month, metric, unit, mean, se, p5..p95; OUT/sweep.json the same;\n"
        "OUT/sweep.svg, --metric at --month point by point (up to 60 points).\n"
        "--set applies at every point, before --vary.");
  }

  void execute(const std::atomic<bool>& stop_requested) override;

 private:
  ScenarioOptions scenario_;
  std::vector<std::string> vary_;
  SimulationOptions simulation_;
  std::string out_ = "out";
  std::string metric_ = "arr";
  std::optional<std::string> month_;
  bool quiet_ = false;
  bool report_ = false;
  bool png_ = false;
};

void SweepCommand::execute(const std::atomic<bool>& stop_requested) {
  const Grid grid = build_grid(vary_);
  std::vector<Diagnostic> warnings;  // for the report
  const std::vector<model::ScenarioSpec> specs = load_points(grid, scenario_, warnings);
  warn_if_variants_hold_the_team("sweep", scenario_, specs.front());
  warn_of_distributions_made_constant(grid, scenario_);
  // Every point runs the first point's seed and replications: varied, they were ignored and the
  // table showed a column of seeds over identical rows.
  for (const Axis& axis : grid.axes) {
    if (axis.path == "seed") {
      throw UsageError(
          "--vary seed: every point of a sweep runs on the same seed, so that the points differ "
          "by their values and not by luck (common random numbers); to see how much luck moves "
          "a result, run it with --seed 1, then --seed 2, ..., or look at its p10..p90");
    }
    if (axis.path == "replications") {
      throw UsageError(
          "--vary replications: every point of a sweep runs the same replications (-n, else the "
          "scenario's); to see whether there are enough, run it with --precision 1%");
    }
  }
  const int month = table_month(specs, metric_, month_option(month_, specs.front(), "--month"));
  const std::size_t replications = simulation_.replications_for(specs.front());
  const std::uint64_t seed = simulation_.seed_for(specs.front());
  refuse_if_too_large(specs, replications);
  OutputFolder folder(out_);
  const std::size_t points = grid.points.size();
  if (!quiet_) {
    fmt::print(stderr, "teamsim {}: sweep of {} — {} each, seed {}\n", kVersion,
               counted(points, "point"), counted(replications, "replication"), seed);
  }

  ProgressLine progress(replications * points, !quiet_ && progress_wanted());
  // Calendar months when every point starts on the same date (a sweep may vary start_date).
  std::optional<CalendarMonth> start = start_date_of(specs.front());
  for (const model::ScenarioSpec& spec : specs) {
    if (start_date_of(spec) != start) start.reset();
  }
  const MonthNames names(start);
  SweepOutputs outputs(grid, scenario_, specs.front().name, seed, replications, metric_, month,
                       names);
  outputs.set_currency(specs.front().money.currency);
  outputs.set_warnings(std::move(warnings));
  for (std::size_t i = 0; i < points; ++i) {
    model::ProjectionOptions options;
    options.replications = replications;
    options.seed = seed;
    options.threads = simulation_.threads;
    options.stop_requested = &stop_requested;
    const std::size_t before = i * replications;
    options.on_progress = [&progress, before](std::size_t done) { progress.update(before + done); };
    const model::Projection projection =
        project_or_name_the_failure(point_name(grid, i), specs[i], options);
    if (projection.outcome == sim::RunOutcome::kStopped) {
      progress.finish();
      throw_interrupted();
    }
    outputs.add(i, projection, options.threads);
  }
  progress.finish();

  const std::string json = outputs.json();
  folder.clear();
  const std::string csv_path = (std::filesystem::path(out_) / "sweep.csv").string();
  const std::string json_path = (std::filesystem::path(out_) / "sweep.json").string();
  const std::optional<ReportChart> chart = sweep_chart(outputs.report_data());
  const std::string html =
      report_ ? render_sweep_html(outputs.report_data(), chart, format_utc(report_clock_now()))
              : std::string();
  // Rendered before anything is written, so a failure writes nothing.
  const std::string png = png_ && chart ? svg_to_png(chart->svg) : std::string();
  write_file_atomically(csv_path, outputs.csv());
  write_file_atomically(json_path, json);
  std::vector<std::string> written = {csv_path, json_path};
  if (chart) {
    written.push_back((std::filesystem::path(out_) / "sweep.svg").string());
    write_file_atomically(written.back(), chart->svg);
    if (png_) {
      written.push_back((std::filesystem::path(out_) / "sweep.png").string());
      write_file_atomically(written.back(), png);
    }
  } else if (!quiet_) {
    print_warning("sweep", fmt::format("no sweep.svg: {} points are more than one chart shows ({})",
                                       outputs.report_data().points.size(), kSweepChartMaxPoints));
  }
  if (report_) {
    written.push_back((std::filesystem::path(out_) / "report.html").string());
    write_file_atomically(written.back(), html);
  }
  folder.list_files();
  // "ARR", "Logo churn (logo_churn)": a key metric as the run's table names it, without the
  // table's "(month)" or unit, which "at month 36" and the values say; "CAC payback in months
  // (cac_payback_months)": any other as the charts title it, its unit in words, so that the
  // name is the one parenthetical (the table's values carry no unit).
  std::string label(key_metric_title(metric_));
  if (label == metric_) label = unit_in_words(metric_title(metric_));
  if (lowercase(label) != metric_) label += fmt::format(" ({})", metric_);
  // The plan first, as run's table does: with variants, the file alone does not say which.
  const std::string& plan = specs.front().name;
  fmt::print("{}{}, {} each, seed {} (common random numbers); {} at {}\n\n",
             plan.empty() ? "" : plan + " — ", counted(points, "point"),
             counted(replications, "replication"), seed, label, names.phrase(month));
  fmt::print("{}", outputs.table());
  if (!quiet_) fmt::print(stderr, "\nwrote {}\n", fmt::join(written, ", "));
}

}  // namespace

std::unique_ptr<Command> make_sweep_command() { return std::make_unique<SweepCommand>(); }

}  // namespace teamsim::app
