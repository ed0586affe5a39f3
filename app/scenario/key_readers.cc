#include "app/scenario/key_readers.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "app/scenario/scenario_keys.h"
#include "app/scenario/scenario_limits.h"

namespace teamsim::app::loader {

std::string one_of(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " or " : ", ";
    text += items[i];
  }
  return text;
}

void read_number_key(ObjectReader& reader, std::string_view key, double min, double max,
                     double& target) {
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return;
  const auto value = read_number(*node, reader.path_of(key), reader.sink());
  if (value && check_range(*value, min, max, *node, reader.path_of(key), reader.sink())) {
    target = *value;
  }
}

void read_capped_key(ObjectReader& reader, std::string_view key, double min, double cap,
                     std::string_view note, double& target) {
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return;
  const std::string path = reader.path_of(key);
  const auto value = read_number(*node, path, reader.sink());
  if (value && check_range(*value, min, kInf, *node, path, reader.sink()) &&
      check_range(*value, -kInf, cap, *node, path, reader.sink(), note)) {
    target = *value;
  }
}

void read_money_key(ObjectReader& reader, std::string_view key, double& target) {
  read_capped_key(reader, key, 0, kMaxMoney, kMoneyNote, target);
}

void read_factor_key(ObjectReader& reader, std::string_view key, double& target) {
  read_capped_key(reader, key, 0, kMaxFactor, kFactorNote, target);
}

void read_int_key(ObjectReader& reader, std::string_view key, std::int64_t min, std::int64_t max,
                  int& target) {
  if (const auto value = reader.integer(key, min, max)) target = static_cast<int>(*value);
}

bool is_map_or_null(const YamlNode& node, const std::string& key_path, DiagnosticSink& sink) {
  if (node.is_map() || node.is_null()) return true;
  sink.error(node.mark, key_path, fmt::format("expected a map, got {}", describe_yaml_node(node)));
  return false;
}

bool is_list_or_null(const YamlNode& node, const std::string& key_path, DiagnosticSink& sink) {
  if (node.is_sequence() || node.is_null()) return true;
  std::string message = fmt::format("expected a list, got {}", describe_yaml_node(node));
  // One entry written without its '- ' ('hires:' then 'role: ...' and 'month: 3' below it):
  // a map whose keys are all keys of the list's items.
  const std::optional<KeyAtPath> list = key_at_path(key_path);
  if (node.is_map() && !node.entries.empty() && list && list->key->kind == ValueKind::kList) {
    const SectionDoc& item = scenario_section(list->key->section);
    const bool one_item =
        std::all_of(node.entries.begin(), node.entries.end(),
                    [&](const YamlEntry& e) { return item.find(e.key) != nullptr; });
    // People counted by role ('starting_staff: {account_executive: 2}'): the items to write.
    const bool counts_by_role = item.find("role") != nullptr && item.find("count") != nullptr &&
                                item.find("month") == nullptr &&
                                std::all_of(node.entries.begin(), node.entries.end(),
                                            [](const YamlEntry& e) { return e.value.is_scalar(); });
    if (one_item) {
      message += fmt::format(
          "; its keys are those of one item, and a list holds each item after '- ' (- {0}: ...,"
          " its other keys lined up with {0}) or inside [ ] ([{{{0}: ...}}])",
          node.entries.front().key);
    } else if (counts_by_role) {
      std::vector<std::string> items;
      for (const YamlEntry& e : node.entries) {
        items.push_back(fmt::format("{{role: {}, count: {}}}", e.key, e.value.text));
      }
      message += fmt::format("; one item per role, with its count: [{}]", fmt::join(items, ", "));
    }
  }
  sink.error(node.mark, key_path, std::move(message));
  return false;
}

void check_entry_count(const YamlNode& node, std::string_view key, DiagnosticSink& sink) {
  if (node.entries.size() <= kMaxNamedEntries) return;
  sink.error(node.mark, std::string(key),
             fmt::format("{} entries, more than the limit of {}{}", node.entries.size(),
                         kMaxNamedEntries, kEventsNote));
}

}  // namespace teamsim::app::loader
