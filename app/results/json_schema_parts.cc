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
