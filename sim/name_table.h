#pragma once

#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

// A set of names (ramp curves, rule bases, distribution families, ...) is kept in one table of
// entries next to the enum it names; every reader, writer and description goes through it.
// An entry is any struct with a `value` (the enum) and a `name` (its spelling in files); it may
// carry more columns. The helpers below work on any such table.

namespace teamsim::sim {

/// One entry of a name table: an enum value, its name in scenario files and what it means.
template <class Enum>
struct Named {
  Enum value;
  std::string_view name;
  std::string_view description;
};

/// The entry of `table` for `value`, or nullptr when the table lacks it.
template <class Table, class Enum>
constexpr const auto* entry_of(const Table& table, Enum value) {
  for (const auto& entry : table) {
    if (entry.value == value) return &entry;
  }
  return static_cast<decltype(&*std::begin(table))>(nullptr);
}

/// The name of `value` in `table` (empty when the table lacks it).
template <class Table, class Enum>
constexpr std::string_view name_in(const Table& table, Enum value) {
  const auto* entry = entry_of(table, value);
  return entry != nullptr ? entry->name : std::string_view();
}

/// The value named `name` in `table`, if any.
template <class Table>
constexpr auto parse_in(const Table& table, std::string_view name)
    -> std::optional<std::remove_cvref_t<decltype(std::begin(table)->value)>> {
  for (const auto& entry : table) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

/// Every name of `table`, in table order (for "did you mean" and "one of ..." messages).
template <class Table>
std::vector<std::string> names_in(const Table& table) {
  std::vector<std::string> names;
  for (const auto& entry : table) names.emplace_back(entry.name);
  return names;
}

/// True when the table lists the enum's values 0, 1, 2, ... in order, so that a value's entry is
/// table[value]; each table static_asserts it.
template <class Table>
constexpr bool in_enum_order(const Table& table) {
  int expected = 0;
  for (const auto& entry : table) {
    if (static_cast<int>(entry.value) != expected++) return false;
  }
  return true;
}

}  // namespace teamsim::sim
