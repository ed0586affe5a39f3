#include "app/scenario/distribution_syntax.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <utility>
#include <variant>
#include <vector>

#include "app/common/number_format.h"
#include "app/common/suggestions.h"
#include "app/scenario/key_readers.h"

namespace teamsim::app::loader {
namespace {

using sim::Distribution;

// "{min, max} or {p5, p95}": the parameter sets `family` accepts.
std::string describe_sets(const sim::FamilyEntry& family) {
  std::vector<std::string> sets;
  for (const sim::ParameterSet& set : family.parameter_sets())
    sets.push_back(fmt::format("{{{}}}", fmt::join(set.keys(), ", ")));
  return one_of(sets);
}

// Builds the distribution for `family` from `set` and, for a truncatable family, the optional
// bounds `min` and `max` among `p`.
Distribution make_distribution(const sim::FamilyEntry& family, const sim::ParameterSet& set,
                               const std::map<std::string, double>& p,
                               const std::vector<double>& values) {
  std::vector<double> arguments;
  for (const std::string_view key : set.keys()) {
    if (key == "values") {
      arguments.insert(arguments.end(), values.begin(), values.end());
    } else {
      arguments.push_back(p.at(std::string(key)));
    }
  }
  Distribution base = set.make(arguments);
  if (!family.truncatable || (!p.contains("min") && !p.contains("max"))) return base;
  const auto& normal = std::get<Distribution::TruncatedNormal>(base.params());
  return Distribution::truncated_normal(normal.mean, normal.sd,
                                        p.contains("min") ? p.at("min") : -kInf,
                                        p.contains("max") ? p.at("max") : kInf);
}

// Reports a constant outside `support`: the plain range first, then its typical maximum with the
// reason.
bool check_constant(double value, Support support, const YamlNode& node,
                    const std::string& key_path, DiagnosticSink& sink) {
  if (!check_range(value, support.min, support.max, node, key_path, sink)) return false;
  return check_range(value, -kInf, support.typical_max, node, key_path, sink,
                     fmt::format(" ({})", support.why));
}

// Reports a distribution that can take values outside `support`.
bool check_support(const Distribution& distribution, const sim::FamilyEntry& entry, Support support,
                   const YamlNode& node, const std::string& key_path, DiagnosticSink& sink) {
  const std::string_view family = entry.name;
  if (distribution.is_constant() && entry.value == sim::Family::kConstant) {
    return check_constant(distribution.support_min(), support, node, key_path, sink);
  }
  if (std::isfinite(support.typical_max)) {
    const double far = distribution.quantile(1 - 1e-6);
    if (!(far <= support.typical_max)) {
      sink.error(
          node.mark, key_path,
          fmt::format("{} reaches {} at its one-in-a-million draw; keep that below {} ({})", family,
                      format_number(far), format_number(support.typical_max), support.why));
      return false;
    }
  }
  if (support.constants_only) return true;
  const double low = distribution.support_min();
  const double high = distribution.support_max();
  if (low < support.min) {
    const std::string bound = format_number(support.min);
    sink.error(node.mark, key_path,
               entry.truncatable
                   ? fmt::format("{} can go below {} here; add min: {}", family, bound, bound)
                   : fmt::format("{} can go below {} here (its smallest possible value is {})",
                                 family, bound, format_number(low)));
    return false;
  }
  if (high > support.max) {
    const std::string bound = format_number(support.max);
    std::string message;
    if (entry.truncatable) {
      message = fmt::format("{} can go above {} here; add max: {}", family, bound, bound);
    } else if (std::isinf(high)) {
      message = fmt::format("{} can go above {} here (it has no upper bound)", family, bound);
    } else {
      message = fmt::format("{} can go above {} here (its largest possible value is {})", family,
                            bound, format_number(high));
    }
    sink.error(node.mark, key_path, std::move(message));
    return false;
  }
  return true;
}

// The parameters given in a distribution map: numbers by key, the list of `values` (empirical), and
// the keys of the parameter set in the order written (truncation bounds excluded).
struct GivenParameters {
  std::map<std::string, double> numbers;
  std::vector<double> values;
  std::vector<std::string> keys;
};

// The family named by the map's `dist` key, or nullptr (reported).
const sim::FamilyEntry* read_family(ObjectReader& reader) {
  DiagnosticSink& sink = reader.sink();
  const YamlNode* dist_node = reader.require("dist");
  if (dist_node == nullptr) return nullptr;
  const auto dist_name = read_text(*dist_node, reader.path_of("dist"), sink);
  if (!dist_name) return nullptr;
  const auto family = sim::parse_in(sim::kFamilies, *dist_name);
  if (!family) {
    sink.error(dist_node->mark, reader.path_of("dist"),
               fmt::format("unknown distribution '{}'{}", *dist_name,
                           suggestion(*dist_name, sim::names_in(sim::kFamilies))));
    return nullptr;
  }
  return sim::entry_of(sim::kFamilies, *family);
}

// Reads parameter `key` when present; `part_of_set` is false for the truncation bounds.
void read_parameter(ObjectReader& reader, const std::string& key, bool part_of_set,
                    GivenParameters& given) {
  DiagnosticSink& sink = reader.sink();
  const YamlNode* value_node = reader.get(key);
  if (value_node == nullptr) return;
  if (part_of_set) given.keys.push_back(key);
  const std::string path = reader.path_of(key);
  if (key == "values") {
    if (!value_node->is_sequence()) {
      sink.error(
          value_node->mark, path,
          fmt::format("expected a list of numbers, got {}", describe_yaml_node(*value_node)));
      return;
    }
    for (std::size_t i = 0; i < value_node->items.size(); ++i) {
      if (const auto v = read_number(value_node->items[i], key_path_index(path, i), sink)) {
        given.values.push_back(*v);
      }
    }
    return;
  }
  if (const auto v = read_number(*value_node, path, sink)) given.numbers[key] = *v;
}

// Reads every key of any of `family`'s parameter sets (and min and max when it is truncatable).
GivenParameters read_parameters(ObjectReader& reader, const sim::FamilyEntry& family) {
  std::vector<std::string> keys;
  for (const sim::ParameterSet& set : family.parameter_sets()) {
    for (const std::string_view key : set.keys()) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.emplace_back(key);
    }
  }
  GivenParameters given;
  for (const std::string& key : keys) read_parameter(reader, key, true, given);
  if (family.truncatable) {
    read_parameter(reader, "min", false, given);
    read_parameter(reader, "max", false, given);
  }
  return given;
}

// The parameter set of `family` whose keys are exactly those given, or nullptr (reported).
const sim::ParameterSet* choose_set(const sim::FamilyEntry& family,
                                    const std::vector<std::string>& given, const YamlNode& node,
                                    const std::string& key_path, DiagnosticSink& sink) {
  std::vector<std::string> sorted_given = given;
  std::sort(sorted_given.begin(), sorted_given.end());
  const sim::ParameterSet* chosen = nullptr;
  for (const sim::ParameterSet& set : family.parameter_sets()) {
    std::vector<std::string> sorted_keys(set.keys().begin(), set.keys().end());
    std::sort(sorted_keys.begin(), sorted_keys.end());
    if (sorted_keys == sorted_given) chosen = &set;
  }
  if (chosen != nullptr) return chosen;
  const std::string got =
      given.empty() ? "no parameters" : fmt::format("{{{}}}", fmt::join(given, ", "));
  const std::string accepted =
      family.parameter_sets().size() == 1
          ? fmt::format("{} takes {}", family.name, describe_sets(family))
          : fmt::format("{} takes exactly one of {}", family.name, describe_sets(family));
  sink.error(node.mark, key_path,
             fmt::format("{}{}; got {}", accepted,
                         family.truncatable ? " (each optionally with min and max)" : "", got));
  return nullptr;
}

}  // namespace

// A bare number (a constant) or a map {dist: NAME, parameters...}.
std::optional<Distribution> read_distribution(const YamlNode& node, const std::string& key_path,
                                              DiagnosticSink& sink, Support support) {
  if (!node.is_map()) {
    const auto value =
        read_number(node, key_path, sink, "a number or a distribution map {dist: ...}");
    if (!value) return std::nullopt;
    if (!check_constant(*value, support, node, key_path, sink)) return std::nullopt;
    return Distribution::constant(*value);
  }
  const std::size_t errors_before = sink.count();
  ObjectReader reader(node, key_path, sink);
  const sim::FamilyEntry* family = read_family(reader);
  if (family == nullptr) return std::nullopt;
  const GivenParameters given = read_parameters(reader, *family);
  if (!reader.finish()) return std::nullopt;
  const sim::ParameterSet* set = choose_set(*family, given.keys, node, key_path, sink);
  if (set == nullptr || sink.count() != errors_before) return std::nullopt;
  try {
    Distribution distribution = make_distribution(*family, *set, given.numbers, given.values);
    if (!check_support(distribution, *family, support, node, key_path, sink)) {
      return std::nullopt;
    }
    return distribution;
  } catch (const std::invalid_argument& e) {
    sink.error(node.mark, key_path, e.what());
    return std::nullopt;
  }
}

void read_distribution_key(ObjectReader& reader, std::string_view key, Support support,
                           Distribution& target) {
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return;
  if (auto value = read_distribution(*node, reader.path_of(key), reader.sink(), support)) {
    target = std::move(*value);
  }
}

}  // namespace teamsim::app::loader
