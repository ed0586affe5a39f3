#pragma once

#include <optional>
#include <string>
#include <string_view>

// Hints for numbers written the way people write them in documents and sheets ("$1,500,000",
// "1.5M", "90k"), which YAML and teamsim read as text.

namespace teamsim::app {

/// The amount `text` means to a person once a currency sign, thousands commas or a k/M/B suffix
/// are taken away ("$1,500,000", "1.5M"), or nothing for a plain number or any other text.
std::optional<double> human_amount(std::string_view text);

/// For text that reads as an amount once a currency sign, thousands commas or a k/M/B suffix
/// are taken away: "; write 1_500_000 (...)", the same amount as teamsim reads numbers; "" for
/// any other text.
std::string human_number_hint(std::string_view text);

/// For a number followed by a unit, as a sentence writes it ("3 months", "45 days", "1.2x", or
/// "25 %" where a percentage is allowed): "; write 3 (a number alone: the key's name gives its
/// unit)", "; write 25%"; "" for any other text.
std::string unit_hint(std::string_view text, bool allow_percent);

/// For a share written as a number of per cent (35 where 0 .. 1 is meant): "; for 35 per cent
/// write 35% (or 0.35)"; "" unless value is a whole number from 2 to 100.
std::string percent_hint(double value);

/// The amount as a scenario should write it: integers grouped with '_' ("1_500_000"), other
/// values with up to six significant decimals ("0.25").
std::string scenario_number(double value);

}  // namespace teamsim::app
