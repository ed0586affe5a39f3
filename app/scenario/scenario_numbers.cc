#include "app/scenario/scenario_numbers.h"

#include <array>
#include <cmath>
#include <utility>

#include "app/common/number_format.h"
#include "app/scenario/scenario_json.h"
#include "models/customer_base.h"

namespace teamsim::app {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::array<std::pair<ValueUnit, std::string_view>, 9> kUnitNames = {{
    {ValueUnit::kNone, ""},
    {ValueUnit::kMoney, "money"},
    {ValueUnit::kProbability, "probability"},
    {ValueUnit::kPercent, "percent"},
    {ValueUnit::kDays, "days"},
    {ValueUnit::kMonths, "months"},
    {ValueUnit::kCount, "count"},
    {ValueUnit::kRate, "per_month"},
    {ValueUnit::kFactor, "factor"},
}};

// A labelled key's value as a number: a number, or a constant distribution's value.
void add_number(const std::string& key_path, const KeyDoc& key, const Json& value,
                std::vector<ScenarioNumber>& numbers) {
  ScenarioNumber number;
  number.key_path = key_path;
  number.label = number_label(key_path);
  number.unit = key.label.unit;
  number.whole = key.kind == ValueKind::kWholeNumber;
  if (value.is_number()) {
    number.value = value.get<double>();
  } else if (key.kind == ValueKind::kDistribution && value.is_object() && !value.contains("per") &&
             value.value("dist", "") == "constant") {
    number.distribution = true;
    number.value = value.at("params").at("value").get<double>();
  } else {
    return;
  }
  numbers.push_back(std::move(number));
}

void walk(const Json& node, const std::string& key_path, std::vector<ScenarioNumber>& numbers) {
  if (!key_path.empty()) {
    if (const std::optional<KeyAtPath> found = key_at_path(key_path)) {
      const KeyDoc& key = *found->key;
      if (!key.label.text.empty()) {
        add_number(key_path, key, node, numbers);
        return;
      }
      // An unlabelled number, text or list of numbers; or a section to look into.
      if (key.kind != ValueKind::kSection && key.kind != ValueKind::kNamedSections &&
          key.kind != ValueKind::kList) {
        return;
      }
    }
  }
  if (node.is_object()) {
    for (const auto& [name, value] : node.items()) {
      walk(value, key_path.empty() ? name : key_path + "." + name, numbers);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      walk(node[i], key_path + "[" + std::to_string(i) + "]", numbers);
    }
  }
}

std::string with_noun(double value, std::string_view singular, std::string_view plural) {
  return format_compact(value) + " " + std::string(value == 1 ? singular : plural);
}

}  // namespace

std::vector<ScenarioNumber> scenario_numbers(const model::ScenarioSpec& spec) {
  Json json = scenario_to_json(spec);
  json.erase("replication_inputs");  // listed where each was written
  std::vector<ScenarioNumber> numbers;
  walk(json, "", numbers);
  // Territories that give their initial_customers make customers.initial their sum: the counts
  // are theirs, not the total's.
  if (model::initial_customers_placed(spec.territories)) {
    std::erase_if(numbers,
                  [](const ScenarioNumber& n) { return n.key_path == "customers.initial"; });
  }
  return numbers;
}

std::string format_in_unit(double value, ValueUnit unit, std::string_view currency_symbol) {
  if (!std::isfinite(value)) return "n/a";
  switch (unit) {
    case ValueUnit::kMoney:
      return format_compact(value, currency_symbol);
    case ValueUnit::kProbability:
    case ValueUnit::kPercent:
      return format_compact(100 * value) + "%";
    case ValueUnit::kDays:
      return with_noun(value, "day", "days");
    case ValueUnit::kMonths:
      return with_noun(value, "month", "months");
    case ValueUnit::kFactor:
      return "×" + format_compact(value);
    case ValueUnit::kNone:
    case ValueUnit::kCount:
    case ValueUnit::kRate:
      break;
  }
  return format_compact(value);
}

std::string format_range_in_unit(double low, double high, ValueUnit unit,
                                 std::string_view currency_symbol) {
  const bool noun_after = unit == ValueUnit::kDays || unit == ValueUnit::kMonths;
  const std::string low_text = noun_after && std::isfinite(low)
                                   ? format_compact(low)
                                   : format_in_unit(low, unit, currency_symbol);
  return low_text + " .. " + format_in_unit(high, unit, currency_symbol);
}

std::string_view unit_name(ValueUnit unit) {
  for (const auto& [u, name] : kUnitNames) {
    if (u == unit) return name;
  }
  return "";
}

ValueUnit unit_from_name(std::string_view name) {
  for (const auto& [u, n] : kUnitNames) {
    if (n == name) return u;
  }
  return ValueUnit::kNone;
}

}  // namespace teamsim::app
