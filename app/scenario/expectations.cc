#include "app/scenario/expectations.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "app/common/number_format.h"
#include "app/common/suggestions.h"
#include "app/scenario/plan_calendar.h"
#include "models/metrics.h"
#include "sim/statistics.h"

namespace teamsim::app {

std::optional<Comparison> comparison_from_symbol(std::string_view symbol) {
  for (const Comparison op : {Comparison::kLess, Comparison::kLessEqual, Comparison::kGreater,
                              Comparison::kGreaterEqual}) {
    if (comparison_symbol(op) == symbol) return op;
  }
  return std::nullopt;
}

namespace {

// The metric's unit and the currency symbol, for a generated name's threshold.
struct ThresholdUnits {
  const std::vector<std::string>& metric_names;
  const std::vector<std::string>& metric_units;
  std::string_view currency_symbol;
};

// "p50(arr) at month 24 >= $2M": the threshold as the PASS/FAIL line's "expected >= $2M" writes
// it, so the JUnit test case and the report's row say what the scenario wrote (25% is "25.0%",
// not "0.25").
std::string default_name(const Expectation& e, const MonthNames& months,
                         const ThresholdUnits& units) {
  std::string threshold = format_threshold(e.value);
  const auto at = std::find(units.metric_names.begin(), units.metric_names.end(), e.metric);
  const auto index = static_cast<std::size_t>(at - units.metric_names.begin());
  if (index < units.metric_units.size()) {
    const std::string& unit = units.metric_units[index];
    threshold = format_metric_number_beside(e.value, e.value, unit, units.currency_symbol) +
                unit_after_number(unit);
  }
  return fmt::format("{}({}) at {} {} {}", e.stat, e.metric, months.phrase(e.month),
                     comparison_symbol(e.op), threshold);
}

std::optional<Expectation> read_one(const YamlNode& node, const std::string& key_path,
                                    int horizon_months, const ThresholdUnits& units,
                                    DiagnosticSink& sink, const MonthNames& months,
                                    bool horizon_known) {
  const std::vector<std::string>& metric_names = units.metric_names;
  ObjectReader reader(node, key_path, sink);
  if (!reader.valid()) return std::nullopt;
  if (node.is_null()) {
    sink.error(node.mark, key_path,
               "an expectation is a map such as {metric: arr, month: 24, stat: p50, op: \">=\", "
               "value: 2_000_000}");
    return std::nullopt;
  }
  const std::size_t errors_before = sink.count();
  Expectation e;
  e.mark = node.mark;
  if (const YamlNode* metric = reader.require("metric")) {
    if (const auto text = read_text(*metric, reader.path_of("metric"), sink)) {
      if (std::find(metric_names.begin(), metric_names.end(), *text) == metric_names.end()) {
        sink.error(metric->mark, reader.path_of("metric"),
                   fmt::format("unknown metric '{}'{}", *text,
                               suggestion_or_where(
                                   *text, metric_names,
                                   "the metrics are the rows of summary.csv (docs/metrics.md)")));
      } else {
        e.metric = *text;
      }
    }
  }
  if (const YamlNode* month = reader.require("month")) {
    if (month->is_scalar() && !month->quoted && (month->text == "last" || month->text == "end")) {
      e.month = horizon_months;
    } else {
      e.month = loader::read_plan_month(*month, reader.path_of("month"), months.start(), 1,
                                        horizon_months, sink, horizon_known)
                    .value_or(0);
    }
  }
  if (const YamlNode* stat = reader.get("stat")) {
    if (const auto text = read_text(*stat, reader.path_of("stat"), sink)) {
      const auto& stats = expectation_stats();
      if (std::find(stats.begin(), stats.end(), *text) == stats.end()) {
        // "median" is one edit from "mean", which checks another number: say what it is called.
        const std::string word = lowercase(*text);
        const std::string hint = word == "median"                     ? "; the median is 'p50'"
                                 : word == "average" || word == "avg" ? "; did you mean 'mean'?"
                                                                      : suggestion(*text, stats);
        sink.error(stat->mark, reader.path_of("stat"),
                   fmt::format("unknown statistic '{}'{}", *text, hint));
      } else {
        e.stat = *text;
      }
    }
  } else {
    e.stat = "p50";
  }
  if (const YamlNode* op = reader.require("op")) {
    if (const auto text = read_text(*op, reader.path_of("op"), sink)) {
      if (const auto comparison = comparison_from_symbol(*text)) {
        e.op = *comparison;
      } else {
        sink.error(op->mark, reader.path_of("op"),
                   fmt::format("unknown operator '{}'; expected one of: <, <=, >, >= (quote it: "
                               "op: \">=\")",
                               *text));
      }
    }
  }
  if (const YamlNode* value = reader.require("value")) {
    if (const auto number = read_number(*value, reader.path_of("value"), sink)) e.value = *number;
  }
  if (const auto name = reader.text("name")) e.name = *name;
  reader.finish();
  if (sink.count() != errors_before) return std::nullopt;
  if (e.name.empty()) e.name = default_name(e, months, units);
  return e;
}

}  // namespace

const std::vector<std::string>& expectation_stats() {
  static const std::vector<std::string> kStats = [] {
    std::vector<std::string> stats = {"mean"};
    for (const char* name : sim::kPercentileNames) stats.emplace_back(name);
    return stats;
  }();
  return kStats;
}

std::string_view comparison_symbol(Comparison op) {
  switch (op) {
    case Comparison::kLess:
      return "<";
    case Comparison::kLessEqual:
      return "<=";
    case Comparison::kGreater:
      return ">";
    case Comparison::kGreaterEqual:
      return ">=";
  }
  return "?";
}

std::string format_threshold(double value) {
  if ((value == std::round(value) || std::fabs(value) >= 100) && std::fabs(value) < 1e15) {
    return format_grouped(value, 0);
  }
  std::string text = fmt::format("{:.4f}", value);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::vector<Expectation> read_expectations(const YamlNode& node, const std::string& key_path,
                                           int horizon_months,
                                           const std::vector<std::string>& metric_names,
                                           DiagnosticSink& sink, const MonthNames& months,
                                           const std::vector<std::string>& metric_units,
                                           std::string_view currency_symbol, bool horizon_known) {
  const ThresholdUnits units{metric_names, metric_units, currency_symbol};
  std::vector<Expectation> expectations;
  if (node.is_null()) return expectations;
  if (!node.is_sequence()) {
    sink.error(node.mark, key_path,
               fmt::format("expected a list of expectations, got {}", describe_yaml_node(node)));
    return expectations;
  }
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    if (auto e = read_one(node.items[i], key_path_index(key_path, i), horizon_months, units, sink,
                          months, horizon_known)) {
      expectations.push_back(std::move(*e));
    }
  }
  return expectations;
}

std::vector<Expectation> read_scenario_expectations(const YamlNode& node,
                                                    const model::ScenarioSpec& spec,
                                                    bool horizon_known, DiagnosticSink& sink) {
  const model::MetricLayout layout(spec);
  std::vector<std::string> units;
  for (std::size_t i = 0; i < layout.size(); ++i) units.push_back(layout.info(i).unit);
  return read_expectations(node, "expect", loader::last_plan_month(spec, horizon_known),
                           layout.names(), sink, month_names_of(spec), units,
                           currency_symbol(spec.money.currency), horizon_known);
}

}  // namespace teamsim::app
