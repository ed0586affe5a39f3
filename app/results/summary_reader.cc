#include "app/results/summary_reader.h"

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <vector>

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

}  // namespace

std::optional<SummaryDocument> parse_summary_json(std::string_view text, std::string& error) {
  Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  if (doc.value("tool", "") != "teamsim" || !doc.contains("metrics")) {
    error = "not a teamsim summary.json (no \"tool\": \"teamsim\" or no metrics)";
    return std::nullopt;
  }
  SummaryDocument result;
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
    error = fmt::format("a header field has the wrong type ({})", e.what());
    return std::nullopt;
  }
  const int months = summary.horizon_months;
  if (months <= 0) {
    error = "horizon_months is missing or not positive";
    return std::nullopt;
  }
  const Json& metrics = doc["metrics"];
  if (!metrics.is_array()) {
    error = "\"metrics\" is not a list";
    return std::nullopt;
  }
  for (const Json& entry : metrics) {
    if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string()) {
      error = "a metric has no name";
      return std::nullopt;
    }
    MetricSummary metric;
    metric.info.name = entry["name"].get<std::string>();
    metric.info.unit = entry.value("unit", "");
    metric.info.kind = kind_from_name(entry.value("kind", "stock"));
    metric.info.description = entry.value("description", "");
    sim::ColumnSummary& stats = metric.stats;
    if (!read_column(entry, "mean", months, stats.mean) ||
        !read_column(entry, "se", months, stats.se)) {
      error = fmt::format("metric {}: mean or se is not a list of {} numbers", metric.info.name,
                          months);
      return std::nullopt;
    }
    stats.percentiles.resize(months, static_cast<Eigen::Index>(sim::kPercentileNames.size()));
    for (std::size_t p = 0; p < sim::kPercentileNames.size(); ++p) {
      Eigen::VectorXd column;
      if (!read_column(entry, sim::kPercentileNames[p], months, column)) {
        error = fmt::format("metric {}: {} is not a list of {} numbers", metric.info.name,
                            sim::kPercentileNames[p], months);
        return std::nullopt;
      }
      stats.percentiles.col(static_cast<Eigen::Index>(p)) = column;
    }
    summary.metrics.push_back(std::move(metric));
  }
  // Histograms came with schema 1's later writers; older files have none.
  if (doc.contains("histograms")) {
    const Json& histograms = doc["histograms"];
    try {
      for (const Json& entry : histograms) {
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
        if (!std::isfinite(h.histogram.first_edge) || !(h.histogram.bin_width > 0) ||
            !std::isfinite(h.histogram.bin_width)) {
          throw std::invalid_argument("first_edge or bin_width");
        }
        summary.histograms.push_back(std::move(h));
      }
    } catch (const std::exception& e) {
      error = fmt::format("a histogram is malformed ({})", e.what());
      return std::nullopt;
    }
  }
  return result;
}

std::optional<SummaryDocument> read_summary_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("cannot read {}", path);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto document = parse_summary_json(text.str(), error);
  if (!document) error = fmt::format("{}: {}", path, error);
  return document;
}

}  // namespace teamsim::app
