#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/suggestions.h"
#include "app/scenario/yaml_reader.h"
#include "sim/name_table.h"

// Reading one key of a scenario section into a spec field, with the loader's ranges and limits
// (app/scenario/scenario_limits.h); every problem becomes a diagnostic and leaves the field as it
// was.

namespace teamsim::app::loader {

/// "a, b or c".
std::string one_of(const std::vector<std::string>& items);

/// Assigns a number key of `reader` within [min, max], when present and valid.
void read_number_key(ObjectReader& reader, std::string_view key, double min, double max,
                     double& target);
/// Assigns a number key that must be at least `min` and, for the reason `note` gives, at most
/// `cap`: "must be at least 0" for a negative value, "must be at most 100000 (why)" for a huge one.
void read_capped_key(ObjectReader& reader, std::string_view key, double min, double cap,
                     std::string_view note, double& target);
/// A money key: an amount from 0 to kMaxMoney.
void read_money_key(ObjectReader& reader, std::string_view key, double& target);
/// A multiplier key: from 0 to kMaxFactor.
void read_factor_key(ObjectReader& reader, std::string_view key, double& target);
/// A whole-number key within [min, max].
void read_int_key(ObjectReader& reader, std::string_view key, std::int64_t min, std::int64_t max,
                  int& target);

/// Assigns a key whose value is one of the names of `table` (e.g. model::kRampCurves), when present
/// and valid; an unknown name is reported with a "did you mean".
template <class Table, class Enum>
void read_choice(ObjectReader& reader, std::string_view key, const Table& table, Enum& target) {
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return;
  const auto text = read_text(*node, reader.path_of(key), reader.sink());
  if (!text) return;
  if (const auto value = sim::parse_in(table, *text)) {
    target = *value;
    return;
  }
  reader.sink().error(
      node->mark, reader.path_of(key),
      fmt::format("unknown value '{}'{}", *text, suggestion(*text, sim::names_in(table))));
}

/// True when `node` is a map or null (an empty section); otherwise reports it.
bool is_map_or_null(const YamlNode& node, const std::string& key_path, DiagnosticSink& sink);
/// True when `node` is a list or null; otherwise reports it.
bool is_list_or_null(const YamlNode& node, const std::string& key_path, DiagnosticSink& sink);
/// Reports a map of named entries (roles, territories, products, ...) longer than kMaxNamedEntries;
/// its entries are still read, so that their own mistakes are reported too.
void check_entry_count(const YamlNode& node, std::string_view key, DiagnosticSink& sink);

}  // namespace teamsim::app::loader
