#include "app/scenario/scenario_schema.h"

#include <set>
#include <string>

#include "app/common/version.h"
#include "app/scenario/scenario_json.h"
#include "app/scenario/scenario_keys.h"
#include "models/defaults.h"
#include "sim/distribution.h"

namespace teamsim::app {
namespace {

using Json = nlohmann::ordered_json;

// A YAML plain scalar the loader reads as a number but a YAML 1.2 reader (yaml-language-server)
// may read as a string: underscores between digits, a % suffix, an exponent without a dot.
constexpr const char* kNumberPattern = R"(^-?[0-9][0-9_]*(\.[0-9][0-9_]*)?([eE][-+]?[0-9]+)?%?$)";
constexpr const char* kWholePattern = R"(^-?[0-9][0-9_]*([eE][+]?[0-9]+)?$)";
// A calendar month, 2027-03 (or the first day of one, 2027-03-01), for scenarios with a
// start_date (app/common/calendar_month.h).
constexpr const char* kCalendarMonthPattern = R"(^[0-9]{4}-[0-9]{1,2}(-0?1)?$)";

Json number_schema() {
  return Json{{"anyOf", Json::array({Json{{"type", "number"}},
                                     Json{{"type", "string"}, {"pattern", kNumberPattern}}})}};
}

Json whole_number_schema() {
  return Json{{"anyOf", Json::array({Json{{"type", "integer"}},
                                     Json{{"type", "string"}, {"pattern", kWholePattern}}})}};
}

// {dist: NAME, one parameter set, per?}; which sets a family accepts is left to the loader, which
// says so with the list of sets. With `per_required`, the map must say per: replication: a
// number drawn once per replication (app/scenario/replication_inputs.h), which any number may be.
Json distribution_map_schema(bool per_required) {
  Json families = Json::array();
  std::set<std::string> parameters;
  for (const sim::FamilyEntry& family : sim::kFamilies) {
    families.push_back(family.name);
    for (const sim::ParameterSet& set : family.parameter_sets()) {
      for (const std::string_view key : set.keys()) parameters.emplace(key);
    }
    if (family.truncatable) parameters.insert({"min", "max"});
  }
  Json properties = Json::object();
  properties["dist"] = Json{{"description", "The distribution's family."}, {"enum", families}};
  for (const std::string& key : parameters) {
    properties[key] =
        key == "values" ? Json{{"type", "array"}, {"items", number_schema()}} : number_schema();
  }
  properties["per"] =
      Json{{"description",
            "replication: drawn once per replication (an unknown level, the same all run long); "
            "without it a distribution is drawn per deal, lead or person."},
           {"enum", Json::array({"replication"})}};
  Json required = Json::array({"dist"});
  if (per_required) required.push_back("per");
  return Json{{"type", "object"},
              {"properties", properties},
              {"required", required},
              {"additionalProperties", false}};
}

// A bare number (a constant) or a distribution map.
Json distribution_schema() {
  return Json{{"anyOf", Json::array({number_schema(), distribution_map_schema(false)})}};
}

// A number a scenario may also give as a distribution drawn once per replication.
Json uncertain_number_schema(Json number) {
  number["anyOf"].push_back(distribution_map_schema(true));
  return number;
}

// A default as a scenario would write it: a constant distribution as its number; other
// distributions (written with parameters the file would not use) are left to the description.
const Json* writable_default(const Json& value) {
  if (value.is_object()) {
    if (value.value("dist", "") == "constant") return &value["params"]["value"];
    return nullptr;
  }
  return value.is_null() ? nullptr : &value;
}

Json section_schema(const SectionDoc& section, const Json& defaults, bool in_variant);

Json key_schema(const KeyDoc& key, const Json& defaults) {
  Json schema;
  switch (key.kind) {
    case ValueKind::kNumber:
      schema = uncertain_number_schema(number_schema());
      break;
    case ValueKind::kWholeNumber:
      schema = uncertain_number_schema(whole_number_schema());
      break;
    case ValueKind::kMonth:
      schema = uncertain_number_schema(whole_number_schema());
      schema["anyOf"].push_back(Json{{"type", "string"}, {"pattern", kCalendarMonthPattern}});
      break;
    case ValueKind::kMonthOrLast:
      schema = whole_number_schema();
      schema["anyOf"].push_back(Json{{"type", "string"}, {"pattern", kCalendarMonthPattern}});
      schema["anyOf"].push_back(Json{{"enum", Json::array({"last"})}});
      break;
    case ValueKind::kBoolean:
      schema = Json{{"type", "boolean"}};
      break;
    case ValueKind::kText:
      schema = Json{{"type", Json::array({"string", "number", "boolean"})}};
      break;
    case ValueKind::kChoice:
      schema = Json{{"enum", key.choices()}};
      break;
    case ValueKind::kDistribution:
      schema = distribution_schema();
      break;
    case ValueKind::kTwelve:
      schema =
          Json{{"type", "array"}, {"items", number_schema()}, {"minItems", 12}, {"maxItems", 12}};
      break;
    case ValueKind::kNumberMap:
      schema = Json{{"type", Json::array({"object", "null"})},
                    {"additionalProperties", number_schema()}};
      break;
    case ValueKind::kSection:
      schema = section_schema(scenario_section(key.section), defaults, false);
      break;
    case ValueKind::kNamedSections:
      schema = Json{
          {"type", Json::array({"object", "null"})},
          {"additionalProperties", section_schema(scenario_section(key.section), defaults, false)}};
      break;
    case ValueKind::kList:
      schema = Json{{"type", Json::array({"array", "null"})},
                    {"items", section_schema(scenario_section(key.section), defaults, false)}};
      break;
    case ValueKind::kVariants:
      schema = Json{{"type", Json::array({"object", "null"})},
                    {"additionalProperties", section_schema(scenario_section(""), defaults, true)}};
      break;
  }
  Json described = Json{{"description", key.doc}};
  described.update(schema);
  return described;
}

// `defaults` is the whole default scenario's JSON; the section's own defaults are at its pointer.
Json section_schema(const SectionDoc& section, const Json& defaults, bool in_variant) {
  const bool top_level = section.name.empty();
  const Json* own = nullptr;
  if (top_level) {
    own = &defaults;
  } else if (!section.defaults_pointer.empty()) {
    const Json::json_pointer pointer{std::string(section.defaults_pointer)};
    if (defaults.contains(pointer)) own = &defaults[pointer];
  }
  Json properties = Json::object();
  for (const KeyDoc& key : section.keys) {
    // extends and variants cannot appear inside a variant (docs/scenario-reference.md).
    if (in_variant && (key.kind == ValueKind::kVariants || key.name == "extends")) continue;
    Json schema = key_schema(key, defaults);
    if (!key.default_json.empty()) {
      schema["default"] = Json::parse(key.default_json);
    } else if (own != nullptr && own->contains(key.name)) {
      const Json& value = (*own)[std::string(key.name)];
      // At the top level only numbers are defaults: the name is the file's, not the model's.
      const Json* written = writable_default(value);
      const bool section_value = value.is_object() || value.is_array();
      if (written != nullptr && !(top_level && (written->is_string() || section_value))) {
        schema["default"] = *written;
      }
    }
    properties[std::string(key.name)] = std::move(schema);
  }
  return Json{{"type", Json::array({"object", "null"})},
              {"properties", properties},
              {"additionalProperties", false}};
}

}  // namespace

Json scenario_schema() {
  const Json defaults = scenario_to_json(model::default_scenario());
  Json schema = Json{{"$schema", "http://json-schema.org/draft-07/schema#"},
                     {"title", "teamsim scenario"},
                     {"description", std::string("A teamsim ") + kVersion +
                                         " scenario file (docs/scenario-reference.md); "
                                         "generated by `teamsim schema`."}};
  schema.update(section_schema(scenario_section(""), defaults, false));
  schema["type"] = "object";
  return schema;
}

}  // namespace teamsim::app
