#include "app/results/summary_reader.h"

#include <fmt/format.h>

#include <cmath>
#include <exception>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "app/common/calendar_month.h"
#include "app/common/diagnostics.h"
#include "app/common/errors.h"
#include "models/metrics.h"
#include "sim/statistics.h"

namespace teamsim::app {
namespace {

using Json = nlohmann::ordered_json;

/// A month-by-month array of numbers; JSON null (how nlohmann writes NaN) reads as NaN.
bool read_column(const Json& entry, const char* key, int months, Eigen::VectorXd& out) {
  const auto it = entry.find(key);
  if (it == entry.end() || !it->is_array() || static_cast<int>(it->size()) != months) return false;
  out.resize(months);
  for (int m = 0; m < months; ++m) {
    const Json& value = (*it)[static_cast<std::size_t>(m)];
    if (value.is_number()) {
      out(m) = value.get<double>();
    } else if (value.is_null()) {
      out(m) = std::numeric_limits<double>::quiet_NaN();
    } else {
      return false;
    }
  }
  return true;
}

model::MetricKind kind_from_name(const std::string& name) {
  return name == "flow" ? model::MetricKind::kFlow : model::MetricKind::kStock;
}

// The header fields: scenario, hash, seed, replications, horizon, currency, version.
void read_header(const Json& doc, SummaryDocument& result) {
  RunSummary& summary = result.summary;
  try {
    summary.scenario_name = doc.value("scenario", "");
    summary.scenario_hash = doc.value("scenario_hash", "");
    summary.seed = doc.value("seed", std::uint64_t{0});
    summary.replications = doc.value("replications", std::size_t{0});
    summary.horizon_months = doc.value("horizon_months", 0);
    summary.currency = doc.value("currency", "");
    result.tool_version = doc.value("version", "");
    if (doc.contains("resolved_scenario")) result.resolved_scenario = doc["resolved_scenario"];
  } catch (const Json::exception& e) {
    throw Error(fmt::format("a header field has the wrong type ({})", e.what()));
  }
  if (summary.horizon_months <= 0) throw Error("horizon_months is missing or not positive");
  if (doc.contains("start_date")) {
    std::string error;
    const auto start = doc["start_date"].is_string()
                           ? parse_calendar_month(doc["start_date"].get<std::string>(), error)
                           : std::nullopt;
    if (!start) throw Error("start_date is not a month written YYYY-MM, such as 2027-01");
    summary.start_date = start;
  }
}

// One entry of "metrics": its name, unit, kind, description and month-by-month statistics.
MetricSummary read_metric(const Json& entry, int months, std::size_t replications) {
  if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string()) {
    throw Error("a metric has no name");
  }
  MetricSummary metric;
  metric.info.name = entry["name"].get<std::string>();
  metric.info.unit = entry.value("unit", "");
  metric.info.kind = kind_from_name(entry.value("kind", "stock"));
  metric.info.description = entry.value("description", "");
  sim::ColumnSummary& stats = metric.stats;
  if (!read_column(entry, "mean", months, stats.mean) ||
      !read_column(entry, "se", months, stats.se)) {
    throw Error(
        fmt::format("metric {}: mean or se is not a list of {} numbers", metric.info.name, months));
  }
  stats.percentiles.resize(months, static_cast<Eigen::Index>(sim::kPercentileNames.size()));
  for (std::size_t p = 0; p < sim::kPercentileNames.size(); ++p) {
    Eigen::VectorXd column;
    if (!read_column(entry, sim::kPercentileNames[p], months, column)) {
      throw Error(fmt::format("metric {}: {} is not a list of {} numbers", metric.info.name,
                              sim::kPercentileNames[p], months));
    }
    stats.percentiles.col(static_cast<Eigen::Index>(p)) = column;
  }
  metric.info.can_be_undefined = entry.value("can_be_undefined", false);
  // Not written to the file: the metric's own, from the table every run is recorded with.
  metric.info.defined_from_month = model::defined_from_month(metric.info.name);
  // Written since the undefined ratios; an older file's metrics were defined everywhere.
  if (!entry.contains("defined")) {
    stats.defined = Eigen::VectorXd::Constant(months, static_cast<double>(replications));
  } else if (!read_column(entry, "defined", months, stats.defined)) {
    throw Error(
        fmt::format("metric {}: defined is not a list of {} numbers", metric.info.name, months));
  }
  return metric;
}

// One entry of "histograms"; a malformed one throws std::exception (Json's or invalid_argument).
HistogramSummary read_histogram(const Json& entry) {
  HistogramSummary h;
  h.metric = entry.at("metric").get<std::string>();
  h.month = entry.at("month").get<int>();
  const std::string rule = entry.value("rule", "freedman-diaconis");
  h.histogram.rule = rule == "sturges"        ? sim::BinRule::kSturges
                     : rule == "single-value" ? sim::BinRule::kSingleValue
                                              : sim::BinRule::kFreedmanDiaconis;
  h.histogram.first_edge = entry.at("first_edge").get<double>();
  h.histogram.bin_width = entry.at("bin_width").get<double>();
  for (const Json& count : entry.at("counts")) {
    if (!count.is_number_unsigned()) throw std::invalid_argument("counts");
    h.histogram.counts.push_back(count.get<std::size_t>());
  }
  h.histogram.missing = entry.value("missing", std::size_t{0});
  h.histogram.last_closed = entry.value("last_bin_closed", false);
  if (!std::isfinite(h.histogram.first_edge) || !(h.histogram.bin_width > 0) ||
      !std::isfinite(h.histogram.bin_width)) {
    throw std::invalid_argument("first_edge or bin_width");
  }
  return h;
}

// One entry of "assumptions"; a malformed one throws Json's exception.
Assumption read_assumption(const Json& entry) {
  Assumption a;
  a.group = entry.at("group").get<std::string>();
  a.label = entry.at("label").get<std::string>();
  a.value = entry.at("value").get<std::string>();
  a.keys = entry.value("keys", std::vector<std::string>{});
  a.default_keys = entry.value("default_keys", std::vector<std::string>{});
  a.source = entry.value("source", "");
  a.uncertain = entry.value("uncertain", false);
  return a;
}

}  // namespace

SummaryDocument parse_summary_json(std::string_view text) {
  Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) throw Error("not a JSON object");
  if (doc.value("tool", "") != "teamsim" || !doc.contains("metrics")) {
    throw Error("not a teamsim summary.json (no \"tool\": \"teamsim\" or no metrics)");
  }
  SummaryDocument result;
  read_header(doc, result);
  const Json& metrics = doc["metrics"];
  if (!metrics.is_array()) throw Error("\"metrics\" is not a list");
  for (const Json& entry : metrics) {
    result.summary.metrics.push_back(
        read_metric(entry, result.summary.horizon_months, result.summary.replications));
  }
  // Histograms came with schema 1's later writers; older files have none.
  if (doc.contains("histograms")) {
    try {
      for (const Json& entry : doc["histograms"]) {
        result.summary.histograms.push_back(read_histogram(entry));
      }
    } catch (const std::exception& e) {
      throw Error(fmt::format("a histogram is malformed ({})", e.what()));
    }
  }
  // The assumptions came with a later writer of schema 1; older files have none.
  if (doc.contains("assumptions")) {
    try {
      for (const Json& entry : doc["assumptions"]) {
        result.summary.assumptions.push_back(read_assumption(entry));
      }
    } catch (const Json::exception& e) {
      throw Error(fmt::format("an assumption is malformed ({})", e.what()));
    }
  }
  if (doc.contains("plan")) {
    try {
      const Json& plan = doc["plan"];
      for (const Json& hire : plan.value("dated_hires", Json::array())) {
        result.summary.planned_hires.push_back(
            {hire.at("role").get<std::string>(), hire.at("count").get<int>(),
             hire.at("month").get<int>(), hire.value("by_start_month", false)});
      }
      // Written since the hiring text says what a role's hires count; older files: not known.
      if (plan.contains("roles_hired_by_rules")) {
        result.summary.roles_hired_by_rules =
            plan["roles_hired_by_rules"].get<std::vector<std::string>>();
      }
      if (plan.contains("roles_without_backfill")) {
        result.summary.roles_without_backfill =
            plan["roles_without_backfill"].get<std::vector<std::string>>();
      }
      for (const Json& t : plan.value("territory_accounts", Json::array())) {
        result.summary.territory_accounts.push_back(
            {t.at("territory").get<std::string>(), t.at("accounts").get<int>()});
      }
    } catch (const Json::exception& e) {
      throw Error(fmt::format("\"plan\" is malformed ({})", e.what()));
    }
  }
  if (doc.contains("expectations")) {
    try {
      for (const Json& entry : doc["expectations"]) {
        Expectation e;
        e.name = entry.at("name").get<std::string>();
        e.metric = entry.at("metric").get<std::string>();
        e.month = entry.at("month").get<int>();
        e.stat = entry.at("stat").get<std::string>();
        const auto op = comparison_from_symbol(entry.at("op").get<std::string>());
        if (!op) throw Error("unknown operator");
        e.op = *op;
        e.value = entry.at("value").get<double>();
        result.summary.expectations.push_back(std::move(e));
      }
    } catch (const std::exception& e) {
      throw Error(fmt::format("an expectation is malformed ({})", e.what()));
    }
  }
  if (doc.contains("warnings")) {
    try {
      for (const Json& entry : doc["warnings"]) {
        Diagnostic w;
        w.key_path = entry.at("key").get<std::string>();
        w.message = entry.at("message").get<std::string>();
        w.warning = true;
        result.summary.warnings.push_back(std::move(w));
      }
    } catch (const std::exception& e) {
      throw Error(fmt::format("a plausibility warning is malformed ({})", e.what()));
    }
  }
  return result;
}

SummaryDocument read_summary_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("cannot read {}", path));
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return parse_summary_json(text.str());
  } catch (const Error&) {
    std::throw_with_nested(Error(fmt::format("cannot read {} as a run's summary", path)));
  }
}

}  // namespace teamsim::app
