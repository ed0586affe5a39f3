#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

// The keys of every map in a scenario file, one table: what each holds, what it means and its
// default when it is not the default scenario's. The loader's ObjectReaders read only keys listed
// here and suggest among them for a misspelt one; `teamsim schema` (scenario_schema.h) generates
// the JSON Schema from it; docs/scenario-reference.md documents the same keys (a test checks).

namespace teamsim::app {

/// What a key's value is written as (docs/scenario-reference.md, "Values").
enum class ValueKind {
  kNumber,         ///< a number: 3_000_000, 35%, -2.5
  kWholeNumber,    ///< a whole number
  kMonthOrLast,    ///< a whole number or `last`
  kBoolean,        ///< true or false
  kText,           ///< any scalar
  kChoice,         ///< one of `choices()`
  kDistribution,   ///< a number or {dist: NAME, ...}
  kTwelve,         ///< a list of 12 numbers
  kNumberMap,      ///< a map from a name to a number
  kSection,        ///< a map of the keys of section `section`
  kNamedSections,  ///< a map from a name to a map of the keys of section `section`
  kList,           ///< a list of maps of the keys of section `section`
  kVariants,       ///< a map from a variant name to top-level keys (without extends, variants)
};

/// One key of a section.
struct KeyDoc {
  std::string_view name;
  ValueKind kind;
  std::string_view doc;             ///< one sentence for an editor's hover
  std::string_view default_json{};  ///< the default as JSON, when not the default scenario's
  std::string_view section{};       ///< kSection, kNamedSections, kList: the section's name
  std::vector<std::string> (*choices)() = nullptr;  ///< kChoice: the accepted names
};

/// A map of a scenario file: "" (the top level), "money", "roles" (each role), "hires" (each hire).
struct SectionDoc {
  std::string_view name;
  /// Where the section's defaults are in scenario_to_json(default_scenario()) as a JSON pointer
  /// ("/money", "/territories/all"); empty when the default scenario has none (list entries).
  std::string_view defaults_pointer;
  std::vector<KeyDoc> keys;

  /// The key named `name`, or nullptr.
  const KeyDoc* find(std::string_view key) const;
  /// The keys' names, in table order.
  std::vector<std::string> key_names() const;
};

/// Every section, the top level first.
std::span<const SectionDoc> scenario_sections();

/// The section named `name`; throws std::logic_error for a name not in the table (a loader bug).
const SectionDoc& scenario_section(std::string_view name);

}  // namespace teamsim::app
