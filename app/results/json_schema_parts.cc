#include "app/results/json_schema_parts.h"

#include <utility>

#include "sim/statistics.h"

namespace teamsim::app::schema {

Json closed_object(Json properties, Json required) {
  return Json{{"type", "object"},
              {"properties", std::move(properties)},
              {"required", std::move(required)},
              {"additionalProperties", false}};
}

Json typed(std::string_view type, std::string_view description) {
  Json schema{{"type", type}};
  if (!description.empty()) schema["description"] = description;
  return schema;
}

Json whole(int minimum, std::string_view description) {
  Json schema{{"type", "integer"}, {"minimum", minimum}};
  if (!description.empty()) schema["description"] = description;
  return schema;
}

Json array_of(Json items, std::string_view description) {
  Json schema{{"type", "array"}, {"items", std::move(items)}};
  if (!description.empty()) schema["description"] = description;
  return schema;
}

Json number_or_null(std::string_view description) {
  Json schema{{"type", Json::array({"number", "null"})}};
  if (!description.empty()) schema["description"] = description;
  return schema;
}

Json closed_file_object(int version, const Json& properties, const Json& required) {
  Json all{{"schema_version",
            Json{{"const", version},
                 {"description",
                  "Raised whenever this schema changes other than in its descriptions: files "
                  "with the same schema_version validate against the same schema."}}},
           {"tool", Json{{"const", "teamsim"}}},
           {"version", typed("string", "The teamsim version that wrote the file.")}};
  all.update(properties);
  Json all_required = Json::array({"schema_version", "tool", "version"});
  for (const auto& name : required) all_required.push_back(name);
  return closed_object(std::move(all), std::move(all_required));
}

Json scenario_hash_field() { return Json{{"type", "string"}, {"pattern", "^[0-9a-f]{16}$"}}; }

Json iso_month_field(std::string_view description) {
  return Json{{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}$"}, {"description", description}};
}

Json result_file_schema(std::string_view title, std::string_view description, const Json& body) {
  Json schema{{"$schema", "http://json-schema.org/draft-07/schema#"},
              {"title", title},
              {"description", description}};
  for (const auto& item : body.items()) schema[item.key()] = item.value();
  return schema;
}

Json month_values(std::string_view description) { return array_of(number_or_null(), description); }

void add_column_summary(Json& properties, Json& required, bool with_se) {
  properties["mean"] = month_values();
  required.push_back("mean");
  if (with_se) {
    properties["se"] = month_values();
    required.push_back("se");
  }
  for (const char* name : sim::kPercentileNames) {
    properties[name] = month_values();
    required.push_back(name);
  }
  properties["defined"] = array_of(whole(0), "Per month, how many replications had a value.");
  required.push_back("defined");
}

Json column_summary_object(bool with_se) {
  Json properties = Json::object();
  Json required = Json::array();
  add_column_summary(properties, required, with_se);
  return closed_object(std::move(properties), std::move(required));
}

}  // namespace teamsim::app::schema
