#include "app/results/unshown_differences.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "app/common/number_format.h"
#include "app/common/plural.h"
#include "app/common/sentence_case.h"
#include "app/results/assumptions_table.h"
#include "app/scenario/scenario_json.h"
#include "app/scenario/scenario_keys.h"
#include "app/scenario/scenario_numbers.h"

namespace teamsim::app {
namespace {

using Json = nlohmann::ordered_json;

// Keys of the run rather than of the plan: compare prints the horizon and runs every plan with
// the same replications and seed.
constexpr std::array<std::string_view, 5> kRunKeys = {"name", "description", "replications", "seed",
                                                      "horizon_months"};

// The dated hires in date order: hires of different months open their searches in date order
// whatever order the scenario lists them in, so that order is not an assumption. Hires of one
// month keep theirs: they queue for the recruiting slots in it (manager-first.yaml and
// reps-first.yaml differ in nothing else).
Json hires_by_date(const Json& hires) {
  std::vector<Json> items(hires.begin(), hires.end());
  // (month, whether it is a start month), as the assumptions table orders them.
  const auto date = [](const Json& hire) {
    return hire.contains("month") ? std::pair(hire["month"].get<int>(), 0)
                                  : std::pair(hire["start_month"].get<int>(), 1);
  };
  std::stable_sort(items.begin(), items.end(),
                   [&](const Json& a, const Json& b) { return date(a) < date(b); });
  return Json(items);
}

// The resolved scenario's values by key path, in its order: a distribution ({"dist", "params"})
// and a list are one value each, as a row of the table shows them, and a replication input is
// the value of the key it names.
void flatten(const Json& node, const std::string& path, std::vector<std::string>& order,
             std::map<std::string, Json>& values) {
  if (path == "replication_inputs") {
    // Each is the distribution of the key it names, drawn once per replication: that key's value.
    for (const Json& input : node) flatten(input, input["key"].get<std::string>(), order, values);
    return;
  }
  if (node.is_object() && !node.contains("dist")) {
    for (const auto& [name, value] : node.items()) {
      flatten(value, path.empty() ? name : path + "." + name, order, values);
    }
    return;
  }
  Json value = path == "hires" ? hires_by_date(node) : node;
  if (std::find(order.begin(), order.end(), path) == order.end()) order.push_back(path);
  values[path] = std::move(value);
}

// Whether a row that differs shows the key at `path` (the row's key or a parent of it).
bool shown(const std::string& path, const std::vector<std::string>& keys) {
  return std::any_of(keys.begin(), keys.end(), [&](const std::string& key) {
    return path == key || (path.size() > key.size() && path.starts_with(key) &&
                           (path[key.size()] == '.' || path[key.size()] == '['));
  });
}

// A JSON value as a person reads it: numbers with `digits` significant digits (0: in full,
// "14020", "0.35"), text as written, a distribution as its family and parameters, a list of
// numbers or text as "[1, 0.8, 1.2]".
std::string plain(const Json& value, int digits) {
  if (value.is_number()) {
    const double number = value.get<double>();
    return digits > 0 ? fmt::format("{:.{}g}", number, digits) : fmt::format("{}", number);
  }
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_object() && value.contains("dist")) {
    std::vector<std::string> params;
    for (const auto& [name, number] : value["params"].items()) {
      params.push_back(fmt::format("{} {}", name, plain(number, digits)));
    }
    return fmt::format("{} ({})", value["dist"].get<std::string>(), fmt::join(params, ", "));
  }
  if (value.is_array() && value.empty()) return "none";
  if (value.is_array() && std::all_of(value.begin(), value.end(), [](const Json& item) {
        return item.is_number() || item.is_string();
      })) {
    std::vector<std::string> items;
    for (const Json& item : value) items.push_back(plain(item, digits));
    return fmt::format("[{}]", fmt::join(items, ", "));
  }
  return value.dump();
}

// Each plan's value at `path`: in the key's unit where it has one ("$14k", "35%"), else with four
// significant digits; in full where that rounding would make different values read the same.
std::vector<std::string> values_of(const std::string& path,
                                   const std::vector<std::map<std::string, Json>>& values,
                                   const std::optional<ScenarioNumber>& number,
                                   std::string_view currency) {
  std::vector<std::string> in_unit;
  std::vector<std::string> full;
  for (const auto& plan : values) {
    const auto it = plan.find(path);
    if (it == plan.end()) {
      full.emplace_back("—");
      in_unit.emplace_back("—");
      continue;
    }
    full.push_back(plain(it->second, 0));
    in_unit.push_back(number && it->second.is_number()
                          ? format_in_unit(it->second.get<double>(), number->unit, currency)
                          : plain(it->second, 4));
  }
  for (std::size_t i = 0; i < full.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (full[i] != full[j] && in_unit[i] == in_unit[j]) return full;
    }
  }
  return in_unit;
}

// A named entry of the scenario (a territory, role, hire source, product, channel, segment: an
// entry of a map from a name to a section): the path its keys start with and how it is called.
struct Entity {
  std::string prefix;  // "territories.metro"
  std::string title;   // "Territory metro"
};

// "territories" -> "Territory", "hire_sources" -> "Hire source": what one entry of a map is.
std::string entry_noun(std::string_view map_name) {
  std::string noun(map_name);
  if (noun.ends_with("ies")) {
    noun.replace(noun.size() - 3, 3, "y");
  } else if (noun.ends_with('s')) {
    noun.pop_back();
  }
  std::replace(noun.begin(), noun.end(), '_', ' ');
  return capitalised(noun);
}

// The named entry whose key `path` is, traced through the table of keys, or nullopt for a key
// of no named entry ("pipeline.win_rate", "hires").
std::optional<Entity> entity_of(const std::string& path) {
  const SectionDoc* section = &scenario_section("");
  std::size_t at = 0;
  while (at < path.size()) {
    const std::size_t end = std::min(path.find('.', at), path.size());
    const KeyDoc* key = section->find(std::string_view(path).substr(at, end - at));
    if (key == nullptr || end == path.size()) return std::nullopt;
    if (key->kind == ValueKind::kNamedSections) {
      const std::size_t name_end = path.find('.', end + 1);
      if (name_end == std::string::npos) return std::nullopt;
      return Entity{
          path.substr(0, name_end),
          fmt::format("{} {}", entry_noun(key->name), path.substr(end + 1, name_end - end - 1))};
    }
    if (key->kind != ValueKind::kSection) return std::nullopt;
    section = &scenario_section(key->section);
    at = end + 1;
  }
  return std::nullopt;
}

// What a key of an entity is called in a list of them: its label's words in lower case
// ("cool-off", "deal size (ACV)"), or its name after the entity's path in words ("ramp curve").
std::string key_name_in(const std::string& path, const Entity& entity) {
  const std::optional<KeyAtPath> key = key_at_path(path);
  std::string name = key && !key->key->label.text.empty() ? std::string(key->key->label.text)
                                                          : path.substr(entity.prefix.size() + 1);
  std::replace(name.begin(), name.end(), '_', ' ');
  return in_sentence(name);  // "AE ramp" stays
}

// Names listed in an entity's row at most; the rest are counted.
constexpr std::size_t kNamesListed = 4;

// The row of an entity some plans lack, for a plan that has it: "3 settings: cool-off, win-rate
// factor and deal-size factor"; "—" for a plan without it.
std::string entity_value(const std::vector<std::string>& names) {
  if (names.empty()) return "—";
  return fmt::format("{}: {}", counted(names.size(), "setting"), listed(names, kNamesListed));
}

}  // namespace

std::vector<std::vector<Assumption>> with_unshown_differences(
    const std::vector<const model::ScenarioSpec*>& specs,
    std::vector<std::vector<Assumption>> plans) {
  std::vector<std::string> shown_keys;
  for (const AssumptionAcrossPlans& row : align_assumptions(plans)) {
    if (!row.differs) continue;
    for (const Assumption* a : row.per_plan) {
      if (a != nullptr) shown_keys.insert(shown_keys.end(), a->keys.begin(), a->keys.end());
    }
  }
  std::vector<std::string> order;
  std::vector<std::map<std::string, Json>> values(specs.size());
  std::map<std::string, ScenarioNumber> numbers;  // the labelled numbers, by key path
  for (std::size_t i = 0; i < specs.size(); ++i) {
    flatten(scenario_to_json(*specs[i]), "", order, values[i]);
    for (ScenarioNumber& number : scenario_numbers(*specs[i])) {
      numbers.emplace(number.key_path, std::move(number));
    }
  }
  const std::string currency = currency_symbol(specs.front()->money.currency);
  // The keys that differ and that no row shows, in the resolved scenario's order.
  std::vector<std::string> differing;
  for (const std::string& path : order) {
    const bool run_key = std::find(kRunKeys.begin(), kRunKeys.end(), path) != kRunKeys.end();
    if (run_key || shown(path, shown_keys)) continue;
    const auto value_in = [&](std::size_t plan) {
      const auto it = values[plan].find(path);
      return it == values[plan].end() ? Json() : it->second;
    };
    bool differs = false;
    for (std::size_t i = 1; i < specs.size(); ++i) differs = differs || value_in(i) != value_in(0);
    if (differs) differing.push_back(path);
  }
  // A named entry some plans lack differs in every key it has: one row says so, where its
  // first key would be ("Territory metro: — / 3 settings: cool-off, ..."), not a row per key.
  const auto in_plan = [&](std::size_t plan, const std::string& prefix) {
    const auto it = values[plan].lower_bound(prefix + ".");
    return it != values[plan].end() && it->first.starts_with(prefix + ".");
  };
  const auto in_some_plans_only = [&](const std::optional<Entity>& entity) {
    if (!entity) return false;
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (!in_plan(i, entity->prefix)) return true;
    }
    return false;
  };
  std::vector<std::vector<Assumption>> extra(plans.size());
  std::vector<std::string> entities_said;
  for (const std::string& path : differing) {
    const std::optional<Entity> entity = entity_of(path);
    if (in_some_plans_only(entity)) {
      if (std::find(entities_said.begin(), entities_said.end(), entity->prefix) !=
          entities_said.end()) {
        continue;
      }
      entities_said.push_back(entity->prefix);
      std::vector<std::string> keys;
      for (const std::string& other : differing) {
        if (other.starts_with(entity->prefix + ".")) keys.push_back(other);
      }
      for (std::size_t i = 0; i < plans.size(); ++i) {
        std::vector<std::string> names;
        for (const std::string& key : keys) {
          if (values[i].count(key) != 0) names.push_back(key_name_in(key, *entity));
        }
        Assumption row;
        row.group = "Other";
        row.label = entity->title;
        row.value = entity_value(names);
        row.keys = keys;
        extra[i].push_back(std::move(row));
      }
      continue;
    }
    const auto number = numbers.find(path);
    const std::optional<ScenarioNumber> labelled =
        number == numbers.end() ? std::nullopt : std::optional(number->second);
    const std::vector<std::string> texts = values_of(path, values, labelled, currency);
    for (std::size_t i = 0; i < plans.size(); ++i) {
      Assumption row;
      row.group = "Other";
      row.label = labelled ? labelled->label : path;
      row.value = texts[i];
      row.keys = {path};
      extra[i].push_back(std::move(row));
    }
  }
  for (std::size_t i = 0; i < plans.size(); ++i) {
    plans[i].insert(plans[i].end(), extra[i].begin(), extra[i].end());
  }
  return plans;
}

}  // namespace teamsim::app
