#include "app/run_summary.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "app/csv.h"
#include "app/scenario_json.h"
#include "app/version.h"

namespace teamsim::app {
namespace {

/// Bumped whenever a field of summary.json changes meaning or disappears.
constexpr int kSummarySchemaVersion = 1;

const char* kind_name(model::MetricKind kind) {
  return kind == model::MetricKind::kStock ? "stock" : "flow";
}

}  // namespace

const MetricSummary* RunSummary::find(const std::string& name) const {
  for (const MetricSummary& metric : metrics) {
    if (metric.info.name == name) return &metric;
  }
  return nullptr;
}

RunSummary summarize_run(const model::ScenarioSpec& spec, const model::Projection& projection,
                         std::uint64_t seed) {
  RunSummary summary;
  summary.scenario_name = spec.name;
  summary.scenario_hash = scenario_hash(spec);
  summary.seed = seed;
  summary.replications = projection.samples.replications();
  summary.horizon_months = spec.horizon_months;
  summary.currency = spec.money.currency;
  summary.events = projection.events;
  for (std::size_t i = 0; i < projection.stored.size(); ++i) {
    summary.metrics.push_back(
        {projection.stored_info(i), sim::summarize_columns(projection.samples.metric(i))});
  }
  return summary;
}

std::string summary_csv(const RunSummary& summary) {
  std::string out = "scenario,month,metric,unit,mean,se";
  for (const char* name : sim::kPercentileNames) out += fmt::format(",{}", name);
  out += '\n';
  const std::string scenario = csv_field(summary.scenario_name);
  for (const MetricSummary& metric : summary.metrics) {
    for (Eigen::Index month = 0; month < metric.stats.mean.size(); ++month) {
      out += fmt::format("{},{},{},{},{},{}", scenario, month + 1, metric.info.name,
                         metric.info.unit, metric.stats.mean(month), metric.stats.se(month));
      for (Eigen::Index p = 0; p < metric.stats.percentiles.cols(); ++p) {
        out += fmt::format(",{}", metric.stats.percentiles(month, p));
      }
      out += '\n';
    }
  }
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
  doc["currency"] = summary.currency;
  doc["percentiles"] = sim::kPercentileNames;
  nlohmann::ordered_json metrics = nlohmann::ordered_json::array();
  for (const MetricSummary& metric : summary.metrics) {
    nlohmann::ordered_json entry;
    entry["name"] = metric.info.name;
    entry["unit"] = metric.info.unit;
    entry["kind"] = kind_name(metric.info.kind);
    entry["description"] = metric.info.description;
    const auto column = [](const auto& vector) {
      return std::vector<double>(vector.data(), vector.data() + vector.size());
    };
    entry["mean"] = column(metric.stats.mean);
    entry["se"] = column(metric.stats.se);
    for (Eigen::Index p = 0; p < metric.stats.percentiles.cols(); ++p) {
      const Eigen::VectorXd values = metric.stats.percentiles.col(p);
      entry[sim::kPercentileNames[static_cast<std::size_t>(p)]] = column(values);
    }
    metrics.push_back(std::move(entry));
  }
  doc["metrics"] = std::move(metrics);
  doc["resolved_scenario"] = scenario_to_json(spec);
  return doc.dump(2) + "\n";
}

}  // namespace teamsim::app
