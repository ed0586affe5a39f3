#include "app/results/summary_writer.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

#include "app/common/csv.h"
#include "app/common/diagnostics.h"
#include "app/common/version.h"
#include "app/results/json_schema_parts.h"
#include "app/scenario/expectations.h"
#include "app/scenario/scenario_json.h"

namespace teamsim::app {
namespace {

const char* kind_name(model::MetricKind kind) {
  return kind == model::MetricKind::kStock ? "stock" : "flow";
}

using Json = nlohmann::ordered_json;

}  // namespace

std::string_view bin_rule_name(sim::BinRule rule) {
  switch (rule) {
    case sim::BinRule::kFreedmanDiaconis:
      return "freedman-diaconis";
    case sim::BinRule::kSturges:
      return "sturges";
    case sim::BinRule::kSingleValue:
      return "single-value";
  }
  return "";
}

std::string statistics_csv_header() {
  std::string out = "mean,se";
  for (const char* name : sim::kPercentileNames) out += fmt::format(",{}", name);
  return out + ",defined";
}

std::string statistics_csv_fields(const sim::ColumnSummary& stats, Eigen::Index column) {
  std::string out = csv_number(stats.mean(column)) + ',' + csv_number(stats.se(column));
  for (Eigen::Index p = 0; p < stats.percentiles.cols(); ++p) {
    out += ',' + csv_number(stats.percentiles(column, p));
  }
  return out + ',' + csv_number(stats.defined(column));
}

std::string summary_csv(const RunSummary& summary) {
  // With a start date, a `date` column (2027-03) beside the month number machines join on.
  const MonthNames months = summary.month_names();
  const bool dated = months.start().has_value();
  std::string out = std::string("scenario,month,") + (dated ? "date," : "") + "metric,unit," +
                    statistics_csv_header() + '\n';
  const std::string scenario = csv_field(summary.scenario_name);
  for (const MetricSummary& metric : summary.metrics) {
    for (Eigen::Index month = 0; month < metric.stats.mean.size(); ++month) {
      const int number = static_cast<int>(month) + 1;
      out += fmt::format("{},{},{}{},{},{}\n", scenario, number,
                         dated ? months.iso(number) + ',' : "", csv_field(metric.info.name),
                         metric.info.unit, statistics_csv_fields(metric.stats, month));
    }
  }
  return out;
}

double round_for_people(double value) {
  if (!std::isfinite(value) || value == 0) return value == 0 ? 0.0 : value;
  const double magnitude = std::fabs(value);
  double rounded = 0;
  if (magnitude >= 100) {
    rounded = std::round(value);
  } else {
    const double scale = std::pow(10.0, 2 - static_cast<int>(std::floor(std::log10(magnitude))));
    rounded = std::round(value * scale) / scale;
  }
  return rounded == 0 ? 0.0 : rounded;
}

std::string summary_wide_csv(const RunSummary& summary) {
  std::string out = "metric,unit,statistic";
  const MonthNames months = summary.month_names();
  for (int month = 1; month <= summary.horizon_months; ++month) out += ',' + months.label(month);
  out += '\n';
  const auto row = [&](const MetricSummary& metric, std::string_view statistic, auto&& value_at) {
    out += fmt::format("{},{},{}", csv_field(metric.info.name), metric.info.unit, statistic);
    for (Eigen::Index month = 0; month < metric.stats.mean.size(); ++month) {
      out += ',' + csv_number(round_for_people(value_at(month)));
    }
    out += '\n';
  };
  for (const MetricSummary& metric : summary.metrics) {
    const std::pair<std::string_view, Eigen::Index> percentiles[] = {
        {"p10", sim::kColumnP10}, {"p50", sim::kColumnP50}, {"p90", sim::kColumnP90}};
    for (const auto& percentile : percentiles) {
      // Not a structured binding: clang 14 (the fuzz and asan presets) cannot capture one.
      const Eigen::Index column = percentile.second;
      row(metric, percentile.first,
          [&](Eigen::Index m) { return metric.stats.percentiles(m, column); });
    }
    row(metric, "mean", [&](Eigen::Index m) { return metric.stats.mean(m); });
    if (metric.info.can_be_undefined) {
      row(metric, "defined", [&](Eigen::Index m) { return metric.stats.defined(m); });
    }
  }
  return out;
}

std::vector<std::int64_t> whole_counts(const Eigen::VectorXd& counts) {
  std::vector<std::int64_t> out;
  for (Eigen::Index i = 0; i < counts.size(); ++i) out.push_back(std::llround(counts(i)));
  return out;
}

std::string summary_json(const RunSummary& summary, const model::ScenarioSpec& spec) {
  nlohmann::ordered_json doc;
  doc["schema_version"] = kSummarySchemaVersion;
  doc["tool"] = "teamsim";
  doc["version"] = kVersion;
  doc["scenario"] = summary.scenario_name;
  doc["scenario_hash"] = summary.scenario_hash;
  doc["seed"] = summary.seed;
  doc["replications"] = summary.replications;
  doc["horizon_months"] = summary.horizon_months;
  // Only when the scenario gives one: summary.json without it is as before.
  if (summary.start_date) doc["start_date"] = iso_month(*summary.start_date);
  doc["currency"] = summary.currency;
  doc["percentiles"] = sim::kPercentileNames;
  nlohmann::ordered_json metrics = nlohmann::ordered_json::array();
  for (const MetricSummary& metric : summary.metrics) {
    nlohmann::ordered_json entry;
    entry["name"] = metric.info.name;
    entry["unit"] = metric.info.unit;
    entry["kind"] = kind_name(metric.info.kind);
    entry["description"] = metric.info.description;
    if (metric.info.can_be_undefined) entry["can_be_undefined"] = true;
    if (!metric.info.event_columns.empty()) entry["mean_over"] = "events";
    const auto column = [](const auto& vector) {
      return std::vector<double>(vector.data(), vector.data() + vector.size());
    };
    entry["mean"] = column(metric.stats.mean);
    entry["se"] = column(metric.stats.se);
    for (Eigen::Index p = 0; p < metric.stats.percentiles.cols(); ++p) {
      const Eigen::VectorXd values = metric.stats.percentiles.col(p);
      entry[sim::kPercentileNames[static_cast<std::size_t>(p)]] = column(values);
    }
    entry["defined"] = whole_counts(metric.stats.defined);
    metrics.push_back(std::move(entry));
  }
  doc["metrics"] = std::move(metrics);
  nlohmann::ordered_json histograms = nlohmann::ordered_json::array();
  for (const HistogramSummary& h : summary.histograms) {
    nlohmann::ordered_json entry;
    entry["metric"] = h.metric;
    entry["month"] = h.month;
    entry["rule"] = bin_rule_name(h.histogram.rule);
    entry["first_edge"] = h.histogram.first_edge;
    entry["bin_width"] = h.histogram.bin_width;
    entry["counts"] = h.histogram.counts;
    entry["missing"] = h.histogram.missing;
    entry["last_bin_closed"] = h.histogram.last_closed;
    histograms.push_back(std::move(entry));
  }
  doc["histograms"] = std::move(histograms);
  nlohmann::ordered_json assumptions = nlohmann::ordered_json::array();
  for (const Assumption& a : summary.assumptions) {
    nlohmann::ordered_json entry;
    entry["group"] = a.group;
    entry["label"] = a.label;
    entry["value"] = a.value;
    entry["keys"] = a.keys;
    entry["default_keys"] = a.default_keys;
    entry["source"] = a.source;
    entry["uncertain"] = a.uncertain;
    assumptions.push_back(std::move(entry));
  }
  doc["assumptions"] = std::move(assumptions);
  nlohmann::ordered_json plan;
  plan["dated_hires"] = nlohmann::ordered_json::array();
  for (const PlannedHire& hire : summary.planned_hires) {
    plan["dated_hires"].push_back({{"role", hire.role},
                                   {"count", hire.count},
                                   {"month", hire.month},
                                   {"by_start_month", hire.by_start_month}});
  }
  plan["roles_hired_by_rules"] = summary.roles_hired_by_rules.value_or(std::vector<std::string>{});
  plan["roles_without_backfill"] =
      summary.roles_without_backfill.value_or(std::vector<std::string>{});
  plan["territory_accounts"] = nlohmann::ordered_json::array();
  for (const TerritoryAccounts& t : summary.territory_accounts) {
    plan["territory_accounts"].push_back({{"territory", t.territory}, {"accounts", t.accounts}});
  }
  doc["plan"] = std::move(plan);
  // Only with an expect: list, so that a run without one writes the file it always did.
  if (!summary.expectations.empty()) {
    nlohmann::ordered_json expectations = nlohmann::ordered_json::array();
    for (const Expectation& e : summary.expectations) {
      expectations.push_back({{"name", e.name},
                              {"metric", e.metric},
                              {"month", e.month},
                              {"stat", e.stat},
                              {"op", comparison_symbol(e.op)},
                              {"value", e.value}});
    }
    doc["expectations"] = std::move(expectations);
  }
  // Only with plausibility warnings, so that a run without any writes the file it always did.
  if (!summary.warnings.empty()) {
    nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
    for (const Diagnostic& w : summary.warnings) {
      warnings.push_back({{"key", w.key_path}, {"message", w.message}});
    }
    doc["warnings"] = std::move(warnings);
  }
  doc["resolved_scenario"] = scenario_as_run_json(spec, summary.replications, summary.seed);
  return doc.dump(2) + "\n";
}

Json summary_json_schema() {
  using namespace schema;
  Json metric_properties{
      {"name", typed("string", "The metric's name, as in summary.csv, e.g. arr.")},
      {"unit", typed("string")},
      {"kind", Json{{"enum", Json::array({kind_name(model::MetricKind::kStock),
                                          kind_name(model::MetricKind::kFlow)})}}},
      {"description", typed("string")},
      {"can_be_undefined",
       Json{{"const", true},
            {"description", "Written only for a metric some replications may leave undefined."}}},
      {"mean_over",
       Json{{"const", "events"},
            {"description", "Written only for a metric averaged over events, not months."}}}};
  Json metric_required = Json::array({"name", "unit", "kind", "description"});
  add_column_summary(metric_properties, metric_required, /*with_se=*/true);

  Json rules = Json::array();
  for (const sim::BinRule rule :
       {sim::BinRule::kFreedmanDiaconis, sim::BinRule::kSturges, sim::BinRule::kSingleValue}) {
    rules.push_back(bin_rule_name(rule));
  }
  const Json histogram =
      closed_object(Json{{"metric", typed("string")},
                         {"month", whole(1)},
                         {"rule", Json{{"enum", rules}}},
                         {"first_edge", typed("number")},
                         {"bin_width", typed("number")},
                         {"counts", array_of(whole(0))},
                         {"missing", whole(0)},
                         {"last_bin_closed", typed("boolean")}},
                    Json::array({"metric", "month", "rule", "first_edge", "bin_width", "counts",
                                 "missing", "last_bin_closed"}));

  const Json strings = array_of(typed("string"));
  const Json assumption = closed_object(
      Json{{"group", typed("string")},
           {"label", typed("string")},
           {"value", typed("string", "In the user's units.")},
           {"keys", strings},
           {"default_keys", strings},
           {"source", typed("string")},
           {"uncertain", typed("boolean")}},
      Json::array({"group", "label", "value", "keys", "default_keys", "source", "uncertain"}));

  const Json plan = closed_object(
      Json{{"dated_hires",
            array_of(closed_object(Json{{"role", typed("string")},
                                        {"count", whole(1)},
                                        {"month", whole(1)},
                                        {"by_start_month", typed("boolean")}},
                                   Json::array({"role", "count", "month", "by_start_month"})))},
           {"roles_hired_by_rules", strings},
           {"roles_without_backfill", strings},
           {"territory_accounts",
            array_of(closed_object(Json{{"territory", typed("string")}, {"accounts", whole(0)}},
                                   Json::array({"territory", "accounts"})))}},
      Json::array(
          {"dated_hires", "roles_hired_by_rules", "roles_without_backfill", "territory_accounts"}));

  Json stats = Json::array();
  for (const std::string& stat : expectation_stats()) stats.push_back(stat);
  Json ops = Json::array();
  for (const Comparison op : {Comparison::kLess, Comparison::kLessEqual, Comparison::kGreater,
                              Comparison::kGreaterEqual}) {
    ops.push_back(comparison_symbol(op));
  }
  const Json expectation =
      closed_object(Json{{"name", typed("string")},
                         {"metric", typed("string")},
                         {"month", whole(1)},
                         {"stat", Json{{"enum", stats}}},
                         {"op", Json{{"enum", ops}}},
                         {"value", typed("number")}},
                    Json::array({"name", "metric", "month", "stat", "op", "value"}));

  const Json warning =
      closed_object(Json{{"key", typed("string", "The key path, e.g. customers.monthly_churn.")},
                         {"message", typed("string")}},
                    Json::array({"key", "message"}));

  const Json body = closed_file_object(
      kSummarySchemaVersion,
      Json{{"scenario", typed("string")},
           {"scenario_hash", scenario_hash_field()},
           {"seed", whole(0)},
           {"replications", whole(1)},
           {"horizon_months", whole(1)},
           {"start_date", iso_month_field("Written only when the scenario gives one.")},
           {"currency", typed("string")},
           {"percentiles", Json{{"const", sim::kPercentileNames}}},
           {"metrics", array_of(closed_object(metric_properties, metric_required))},
           {"histograms", array_of(histogram)},
           {"assumptions", array_of(assumption)},
           {"plan", plan},
           {"expectations",
            array_of(expectation, "Written only when the scenario has an expect: list.")},
           {"warnings",
            array_of(warning, "Written only when the scenario has plausibility warnings.")},
           {"resolved_scenario", scenario_json_schema()}},
      Json::array({"scenario", "scenario_hash", "seed", "replications", "horizon_months",
                   "currency", "percentiles", "metrics", "histograms", "assumptions", "plan",
                   "resolved_scenario"}));
  return result_file_schema("teamsim summary.json",
                            "What teamsim run, batch and sensitivity write as summary.json "
                            "(docs/output-folders.md).",
                            body);
}

}  // namespace teamsim::app
