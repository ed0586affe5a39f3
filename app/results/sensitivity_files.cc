#include "app/results/sensitivity_files.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "app/common/csv.h"
#include "app/common/version.h"
#include "app/scenario/scenario_json.h"

namespace teamsim::app {
namespace {

std::string csv_number(double value) {
  return std::isfinite(value) ? fmt::format("{}", value) : std::string();
}

/// A JSON number, or null for NaN and infinities (which JSON cannot hold).
nlohmann::ordered_json json_number(double value) {
  return std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json outcome_json(const OutcomeStats& stats) {
  return {{"mean", json_number(stats.mean)},
          {"se", json_number(stats.se)},
          {"p50", json_number(stats.p50)}};
}

}  // namespace

const char* input_status_name(InputStatus status) {
  switch (status) {
    case InputStatus::kAnalysed:
      return "analysed";
    case InputStatus::kConstant:
      return "constant";
    case InputStatus::kNotDrawn:
      return "not_drawn";
  }
  return "";
}

std::string sensitivity_csv(const SensitivityResult& result) {
  std::string csv =
      "rank,input,status,distribution,low_value,high_value,metric,unit,month,base_mean,low_mean,"
      "high_mean,low_p50,high_p50,swing,swing_se,rank_correlation,correlation_replications\n";
  std::size_t rank = 0;
  for (const InputSensitivity& input : result.inputs) {
    const bool analysed = input.status == InputStatus::kAnalysed;
    csv += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
        analysed ? fmt::format("{}", ++rank) : "", csv_field(input.key_path),
        input_status_name(input.status), csv_field(input.distribution), csv_number(input.low_value),
        csv_number(input.high_value), csv_field(result.metric.name), result.metric.unit,
        result.metric.month, csv_number(result.base.mean), csv_number(input.low.mean),
        csv_number(input.high.mean), csv_number(input.low.p50), csv_number(input.high.p50),
        csv_number(input.swing), csv_number(input.swing_se), csv_number(input.rank_correlation),
        analysed ? fmt::format("{}", input.correlation_replications) : "");
  }
  return csv;
}

std::string sensitivity_json(const SensitivityResult& result, const model::ScenarioSpec& spec,
                             const std::string& scenario_file) {
  nlohmann::ordered_json json;
  json["schema_version"] = 1;
  json["tool"] = "teamsim";
  json["version"] = kVersion;
  json["scenario"] = scenario_file;
  json["scenario_name"] = spec.name;
  json["scenario_hash"] = scenario_hash(spec);
  json["seed"] = result.seed;
  json["replications"] = result.replications;
  json["metric"] = result.metric.name;
  json["unit"] = result.metric.unit;
  json["month"] = result.metric.month;
  json["low_quantile"] = result.low_quantile;
  json["high_quantile"] = result.high_quantile;
  json["base"] = outcome_json(result.base);
  json["inputs"] = nlohmann::ordered_json::array();
  for (const InputSensitivity& input : result.inputs) {
    nlohmann::ordered_json item;
    item["input"] = input.key_path;
    item["status"] = input_status_name(input.status);
    item["distribution"] = input.distribution;
    item["low_value"] = json_number(input.low_value);
    item["high_value"] = json_number(input.high_value);
    if (input.status == InputStatus::kAnalysed) {
      item["low"] = outcome_json(input.low);
      item["high"] = outcome_json(input.high);
      item["swing"] = json_number(input.swing);
      item["swing_se"] = json_number(input.swing_se);
      item["rank_correlation"] = json_number(input.rank_correlation);
      item["correlation_replications"] = input.correlation_replications;
    }
    json["inputs"].push_back(std::move(item));
  }
  json["scenario_resolved"] = scenario_to_json(spec);
  return json.dump(2) + "\n";
}

}  // namespace teamsim::app
