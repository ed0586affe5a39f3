#pragma once

#include <optional>
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
  kMonth,          ///< a whole number, or a calendar month (2027-03) when start_date is given
  kMonthOrLast,    ///< as kMonth, or `last`
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

/// What a number of a scenario is measured in, for showing it in the user's terms.
enum class ValueUnit {
  kNone,
  kMoney,        ///< an amount in the scenario's currency
  kProbability,  ///< a chance or a share, in [0, 1]; shown as a percentage
  kPercent,      ///< a relative change or fraction that may leave [0, 1]; shown as a percentage
  kDays,
  kMonths,
  kCount,   ///< a whole number of people, accounts, deals, ...
  kRate,    ///< things a month
  kFactor,  ///< a multiplier, shown as ×1.2
};

/// A number's short name in the user's words ("Deal size (ACV)") and its unit. The numbers that
/// have one are the scenario's assumptions, which `teamsim sensitivity` varies; those without
/// (months of hires, counts of people hired, the horizon, mix shares, policies) are the plan's
/// decisions or the run's shape (docs/comparing-plans.md, "Which numbers vary").
struct NumberLabel {
  std::string_view text;
  ValueUnit unit = ValueUnit::kNone;
};

/// One key of a section.
struct KeyDoc {
  std::string_view name;
  ValueKind kind;
  std::string_view doc;             ///< one sentence for an editor's hover
  NumberLabel label{};              ///< numbers and distributions that are assumptions
  std::string_view default_json{};  ///< the default as JSON, when not the default scenario's
  std::string_view section{};       ///< kSection, kNamedSections, kList: the section's name
  std::vector<std::string> (*choices)() = nullptr;  ///< kChoice: the accepted names
};

/// A word people write as a key for a quantity teamsim works out from other keys ("arr" for the
/// ARR today, "burn"): the message for it says what to write instead of a far-fetched "did you
/// mean".
struct DerivedWord {
  std::string_view word;     ///< lower case
  std::string_view instead;  ///< follows "unknown key 'arr': "
};

/// A map of a scenario file: "" (the top level), "money", "roles" (each role), "hires" (each hire).
struct SectionDoc {
  std::string_view name;
  /// Where the section's defaults are in scenario_to_json(default_scenario()) as a JSON pointer
  /// ("/money", "/territories/all"); empty when the default scenario has none (list entries).
  std::string_view defaults_pointer;
  std::vector<KeyDoc> keys;
  std::vector<DerivedWord> derived{};  ///< words for quantities worked out here, not keys

  /// The derived word `key` is (in any case), or nullptr.
  const DerivedWord* derived_word(std::string_view key) const;

  /// The key named `name`, or nullptr.
  const KeyDoc* find(std::string_view key) const;
  /// The keys' names, in table order.
  std::vector<std::string> key_names() const;
};

/// Every section, the top level first.
std::span<const SectionDoc> scenario_sections();

/// The section named `name`; throws std::logic_error for a name not in the table (a loader bug).
const SectionDoc& scenario_section(std::string_view name);

/// A key path of a resolved scenario ("roles.account_executive.ramp_months",
/// "money.funding[0].amount") traced through the table: the key's doc and, for a key inside a
/// named entry or a list item, that entry ("account_executive", "#1"). Nullopt for a path that is
/// not a key of the table (a distribution's parameter, a seasonality list's item).
struct KeyAtPath {
  const KeyDoc* key = nullptr;
  std::string entry;
};
std::optional<KeyAtPath> key_at_path(std::string_view key_path);

/// The label of the number at `key_path` with its entry: "Time to fill (account_executive)",
/// "Deal size (ACV)"; the key path itself when the table gives it no label.
std::string number_label(std::string_view key_path);

}  // namespace teamsim::app
