#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/scenario/scenario_limits.h"
#include "app/scenario/yaml_reader.h"
#include "sim/distribution.h"

// The scenario syntax of an uncertain input: a bare number (a constant) or a map {dist: FAMILY,
// parameters...} with exactly one of the family's parameter sets (sim::kFamilies), plus min and max
// for a truncatable family. A value is checked against the support of its key: a win rate cannot go
// above 1, a duration below 0, a deal size's far tail past any sane amount.

namespace teamsim::app::loader {

/// The values a distribution-valued key may take.
struct Support {
  double min;
  double max;
  /// Only a constant is checked against [min, max]; a distribution's tail is allowed.
  bool constants_only = false;
  /// The largest value its one-in-a-million draw may reach (infinite: no check), so that a far tail
  /// cannot overflow what the model adds up; `why` says so in the message.
  double typical_max = kInf;
  std::string_view why = "a far tail like this is surely a mistake";
};

/// An amount of money.
inline constexpr Support kMoney{0, kInf, false, kMaxMoney, "larger amounts are surely a typo"};
/// A multiplier of a rate, a size, a duration or a chance.
inline constexpr Support kMultiplier{0, kInf, false, kMaxFactor,
                                     "a multiplier above 100 is surely a typo"};
/// A duration in days.
inline constexpr Support kDays{0, kInf, false, 36'525, "a century at most"};
/// A duration in months.
inline constexpr Support kMonths{0, kInf, false, 1'200, "a century at most"};
/// A probability.
inline constexpr Support kProbability{0, 1};
/// A relative change of MRR at a renewal (see kMaxMonthlyExpansion).
inline constexpr Support kRelativeChange{-1, kInf, true, kMaxMonthlyExpansion,
                                         "growth compounds every month and would overflow"};

/// Reads the distribution written at `node` (under `key_path`), or reports every problem with it
/// and returns nullopt.
std::optional<sim::Distribution> read_distribution(const YamlNode& node,
                                                   const std::string& key_path,
                                                   DiagnosticSink& sink, Support support);

/// Assigns a distribution-valued key of `reader`, when present and valid.
void read_distribution_key(ObjectReader& reader, std::string_view key, Support support,
                           sim::Distribution& target);

}  // namespace teamsim::app::loader
