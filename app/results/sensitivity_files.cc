#include "app/results/sensitivity_files.h"

#include <fmt/format.h>

#include <cmath>
#include <exception>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/common/csv.h"
#include "app/common/errors.h"
#include "app/common/number_format.h"
#include "app/common/version.h"
#include "app/results/json_schema_parts.h"
#include "app/results/terminal_table.h"
#include "app/scenario/scenario_json.h"
#include "app/scenario/scenario_numbers.h"

namespace teamsim::app {
namespace {

using Json = nlohmann::ordered_json;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A JSON number, or null for NaN and infinities (which JSON cannot hold).
Json json_number(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

double number_of(const Json& json, const char* key) {
  return json.contains(key) && json[key].is_number() ? json[key].get<double>() : kNaN;
}

Json outcome_json(const OutcomeStats& stats) {
  return {{"mean", json_number(stats.mean)},
          {"se", json_number(stats.se)},
          {"p50", json_number(stats.p50)}};
}

OutcomeStats outcome_of(const Json& json) {
  return {number_of(json, "mean"), number_of(json, "se"), number_of(json, "p50")};
}

/// "low", "high", "both" or "" for which of the input's values were clamped to [0, 1].
std::string clamped_name(const InputSensitivity& input) {
  if (input.low_clamped && input.high_clamped) return "both";
  if (input.low_clamped) return "low";
  return input.high_clamped ? "high" : "";
}

/// "p10" for 0.1.
std::string quantile_label(double q) { return fmt::format("p{:g}", q * 100); }

template <class Enum>
Enum enum_named(const std::string& name, std::initializer_list<Enum> values,
                const char* (*name_of)(Enum)) {
  for (const Enum value : values) {
    if (name == name_of(value)) return value;
  }
  throw Error(fmt::format("unknown value '{}' in an input", name));
}

}  // namespace

const char* input_status_name(InputStatus status) {
  switch (status) {
    case InputStatus::kAnalysed:
      return "analysed";
    case InputStatus::kUnchanged:
      return "unchanged";
    case InputStatus::kNotDrawn:
      return "not_drawn";
  }
  return "";
}

const char* input_kind_name(InputKind kind) {
  switch (kind) {
    case InputKind::kDistribution:
      return "distribution";
    case InputKind::kPerReplication:
      return "per_replication";
    case InputKind::kConstant:
      return "constant";
  }
  return "";
}

std::string input_value_text(const InputSensitivity& input, double value,
                             const std::string& currency_symbol) {
  return format_in_unit(value, input.unit, currency_symbol);
}

std::string input_range_text(const InputSensitivity& input, const SensitivityResult& result,
                             const std::string& currency_symbol) {
  const std::string values =
      format_range_in_unit(input.low_value, input.high_value, input.unit, currency_symbol);
  if (input.kind != InputKind::kConstant) {
    return fmt::format("{} ({}..{})", values, quantile_label(result.low_quantile),
                       quantile_label(result.high_quantile));
  }
  return fmt::format("{} (±{}%{})", values, format_compact(100 * input.range),
                     input.low_clamped || input.high_clamped ? ", clamped" : "");
}

std::string sensitivity_csv(const SensitivityResult& result, const std::string& currency) {
  const std::string symbol = currency_symbol(currency);
  std::string csv =
      "rank,input,label,kind,status,distribution,base_value,range,low_value,high_value,low_text,"
      "high_text,clamped,metric,unit,month,base_mean,low_mean,high_mean,low_p50,high_p50,swing,"
      "swing_se,rank_correlation,correlation_replications,replications,default\n";
  std::size_t rank = 0;
  for (const InputSensitivity& input : result.inputs) {
    const bool analysed = input.status == InputStatus::kAnalysed;
    csv += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
        analysed ? fmt::format("{}", ++rank) : "", csv_field(input.key_path),
        csv_field(input.label), input_kind_name(input.kind), input_status_name(input.status),
        csv_field(input.distribution), csv_number(input.base_value), csv_number(input.range),
        csv_number(input.low_value), csv_number(input.high_value),
        csv_field(input_value_text(input, input.low_value, symbol)),
        csv_field(input_value_text(input, input.high_value, symbol)), clamped_name(input),
        csv_field(result.metric.name), result.metric.unit, result.metric.month,
        csv_number(result.base.mean), csv_number(input.low.mean), csv_number(input.high.mean),
        csv_number(input.low.p50), csv_number(input.high.p50), csv_number(input.swing),
        csv_number(input.swing_se), csv_number(input.rank_correlation),
        analysed ? fmt::format("{}", input.correlation_replications) : "",
        analysed ? fmt::format("{}", input.replications) : "", input.is_default);
  }
  return csv;
}

std::string sensitivity_json(const SensitivityResult& result, const model::ScenarioSpec& spec,
                             const std::string& scenario_file, std::size_t chart_inputs) {
  const std::string symbol = currency_symbol(spec.money.currency);
  Json json;
  json["schema_version"] = kSensitivitySchemaVersion;
  json["tool"] = "teamsim";
  json["version"] = kVersion;
  json["scenario"] = scenario_file;
  json["scenario_name"] = spec.name;
  json["scenario_hash"] = scenario_hash(spec);
  json["currency"] = spec.money.currency;
  json["seed"] = result.seed;
  json["replications"] = result.replications;
  json["screen_replications"] = result.screen_replications;
  json["metric"] = result.metric.name;
  json["unit"] = result.metric.unit;
  json["month"] = result.metric.month;
  if (result.start_date) json["start_date"] = iso_month(*result.start_date);
  json["low_quantile"] = result.low_quantile;
  json["high_quantile"] = result.high_quantile;
  json["chart_inputs"] = chart_inputs;
  json["base"] = outcome_json(result.base);
  json["inputs"] = Json::array();
  for (const InputSensitivity& input : result.inputs) {
    Json item;
    item["input"] = input.key_path;
    item["label"] = input.label;
    item["kind"] = input_kind_name(input.kind);
    item["value_unit"] = unit_name(input.unit);
    item["status"] = input_status_name(input.status);
    item["default"] = input.is_default;
    item["distribution"] = input.distribution;
    if (input.kind == InputKind::kConstant) {
      item["base_value"] = json_number(input.base_value);
      item["range"] = json_number(input.range);
    }
    item["low_value"] = json_number(input.low_value);
    item["high_value"] = json_number(input.high_value);
    item["low_text"] = input_value_text(input, input.low_value, symbol);
    item["high_text"] = input_value_text(input, input.high_value, symbol);
    item["low_clamped"] = input.low_clamped;
    item["high_clamped"] = input.high_clamped;
    if (input.status == InputStatus::kAnalysed) {
      item["low"] = outcome_json(input.low);
      item["high"] = outcome_json(input.high);
      item["swing"] = json_number(input.swing);
      item["swing_se"] = json_number(input.swing_se);
      item["rank_correlation"] = json_number(input.rank_correlation);
      item["correlation_replications"] = input.correlation_replications;
      item["replications"] = input.replications;
    }
    json["inputs"].push_back(std::move(item));
  }
  json["scenario_resolved"] = scenario_as_run_json(spec, result.replications, result.seed);
  return json.dump(2) + "\n";
}

Json sensitivity_json_schema() {
  using namespace schema;
  const Json outcome = closed_object(Json{{"mean", number_or_null()},
                                          {"se", number_or_null("The standard error of the mean.")},
                                          {"p50", number_or_null()}},
                                     Json::array({"mean", "se", "p50"}));
  Json kinds = Json::array();
  for (const InputKind kind :
       {InputKind::kDistribution, InputKind::kPerReplication, InputKind::kConstant}) {
    kinds.push_back(input_kind_name(kind));
  }
  Json statuses = Json::array();
  for (const InputStatus status :
       {InputStatus::kAnalysed, InputStatus::kUnchanged, InputStatus::kNotDrawn}) {
    statuses.push_back(input_status_name(status));
  }
  Json input = closed_object(
      Json{{"input", typed("string", "The key path, as --set takes it.")},
           {"label", typed("string")},
           {"kind", Json{{"enum", kinds}}},
           {"value_unit", typed("string",
                                "money, probability, percent, days, months, count, "
                                "per_month, factor or empty.")},
           {"status", Json{{"enum", statuses}}},
           {"default",
            typed("boolean", "The scenario did not write it: its value is teamsim's default.")},
           {"distribution", typed("string", "Its family, or empty for a constant.")},
           {"base_value", number_or_null("Written only for a constant.")},
           {"range", number_or_null("Written only for a constant: the share it moves by.")},
           {"low_value", number_or_null()},
           {"high_value", number_or_null()},
           {"low_text", typed("string", "low_value in the scenario's units.")},
           {"high_text", typed("string")},
           {"low_clamped", typed("boolean")},
           {"high_clamped", typed("boolean")},
           {"low", outcome},
           {"high", outcome},
           {"swing", number_or_null("high's mean minus low's.")},
           {"swing_se", number_or_null()},
           {"rank_correlation", number_or_null()},
           {"correlation_replications", whole(0)},
           {"replications", whole(1)}},
      Json::array({"input", "label", "kind", "value_unit", "status", "default", "distribution",
                   "low_value", "high_value", "low_text", "high_text", "low_clamped",
                   "high_clamped"}));
  // The outcomes of an input are written exactly when it was analysed, base_value and range
  // exactly for a constant.
  const auto written_when = [](const char* field, const char* value, const Json& fields) {
    Json any_of = Json::array();
    for (const auto& name : fields) any_of.push_back(Json{{"required", Json::array({name})}});
    return Json{{"if", Json{{"properties", Json{{field, Json{{"const", value}}}}}}},
                {"then", Json{{"required", fields}}},
                {"else", Json{{"not", Json{{"anyOf", std::move(any_of)}}}}}};
  };
  input["allOf"] =
      Json::array({written_when("status", input_status_name(InputStatus::kAnalysed),
                                Json::array({"low", "high", "swing", "swing_se", "rank_correlation",
                                             "correlation_replications", "replications"})),
                   written_when("kind", input_kind_name(InputKind::kConstant),
                                Json::array({"base_value", "range"}))});

  const Json body = closed_file_object(
      kSensitivitySchemaVersion,
      Json{{"scenario", typed("string", "The scenario file as given.")},
           {"scenario_name", typed("string")},
           {"scenario_hash", scenario_hash_field()},
           {"currency", typed("string")},
           {"seed", whole(0)},
           {"replications", whole(1)},
           {"screen_replications", whole(0, "0 when the inputs were not screened.")},
           {"metric", typed("string")},
           {"unit", typed("string")},
           {"month", whole(1)},
           {"start_date", iso_month_field("Written only when the scenario gives one.")},
           {"low_quantile", typed("number")},
           {"high_quantile", typed("number")},
           {"chart_inputs", whole(0)},
           {"base", outcome},
           {"inputs", array_of(input, "Analysed inputs first, by swing, then the others.")},
           {"scenario_resolved", scenario_json_schema()}},
      Json::array({"scenario", "scenario_name", "scenario_hash", "currency", "seed", "replications",
                   "screen_replications", "metric", "unit", "month", "low_quantile",
                   "high_quantile", "chart_inputs", "base", "inputs", "scenario_resolved"}));
  return result_file_schema(
      "teamsim sensitivity.json",
      "What teamsim sensitivity writes as sensitivity.json (docs/comparing-plans.md, "
      "docs/output-folders.md).",
      body);
}

SensitivityDocument parse_sensitivity_json(const std::string& text) {
  SensitivityDocument document;
  try {
    const nlohmann::json json = nlohmann::json::parse(text);
    SensitivityResult& result = document.result;
    document.currency = json.at("currency").get<std::string>();
    document.chart_inputs = json.at("chart_inputs").get<std::size_t>();
    document.scenario_file = json.at("scenario").get<std::string>();
    document.scenario_name = json.at("scenario_name").get<std::string>();
    result.scenario_name = document.scenario_name;
    result.metric.name = json.at("metric").get<std::string>();
    result.metric.unit = json.at("unit").get<std::string>();
    result.metric.month = json.at("month").get<int>();
    if (json.contains("start_date")) {
      std::string error;
      result.start_date = parse_calendar_month(json.at("start_date").get<std::string>(), error);
    }
    result.seed = json.at("seed").get<std::uint64_t>();
    result.replications = json.at("replications").get<std::size_t>();
    result.screen_replications = json.value("screen_replications", std::size_t{0});
    result.low_quantile = json.at("low_quantile").get<double>();
    result.high_quantile = json.at("high_quantile").get<double>();
    result.base = outcome_of(json.at("base"));
    for (const nlohmann::json& item : json.at("inputs")) {
      InputSensitivity input;
      input.key_path = item.at("input").get<std::string>();
      input.label = item.at("label").get<std::string>();
      input.kind =
          enum_named(item.at("kind").get<std::string>(),
                     {InputKind::kDistribution, InputKind::kPerReplication, InputKind::kConstant},
                     input_kind_name);
      input.unit = unit_from_name(item.at("value_unit").get<std::string>());
      input.status =
          enum_named(item.at("status").get<std::string>(),
                     {InputStatus::kAnalysed, InputStatus::kUnchanged, InputStatus::kNotDrawn},
                     input_status_name);
      input.distribution = item.at("distribution").get<std::string>();
      input.is_default = item.at("default").get<bool>();
      input.base_value = number_of(item, "base_value");
      input.range = number_of(item, "range");
      input.low_value = number_of(item, "low_value");
      input.high_value = number_of(item, "high_value");
      input.low_clamped = item.at("low_clamped").get<bool>();
      input.high_clamped = item.at("high_clamped").get<bool>();
      input.low = input.high = result.base;
      input.rank_correlation = kNaN;
      if (input.status == InputStatus::kAnalysed) {
        input.low = outcome_of(item.at("low"));
        input.high = outcome_of(item.at("high"));
        input.swing = number_of(item, "swing");
        input.swing_se = number_of(item, "swing_se");
        input.rank_correlation = number_of(item, "rank_correlation");
        input.correlation_replications = item.at("correlation_replications").get<std::size_t>();
        input.replications = item.value("replications", result.replications);
      }
      result.inputs.push_back(std::move(input));
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(fmt::format("not a sensitivity.json of this teamsim version ({})", e.what()));
  }
  return document;
}

SensitivityDocument read_sensitivity_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("cannot read {}", path));
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return parse_sensitivity_json(text.str());
  } catch (const Error&) {
    std::throw_with_nested(Error(fmt::format("cannot read {}", path)));
  }
}

}  // namespace teamsim::app
