#include "app/scenario/number_hints.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <regex>

#include "app/common/number_format.h"

namespace teamsim::app {

// An optional sign (group 1), an optional currency sign, digits with optional thousands commas
// (2) and a fraction (3), and an optional k/M/B (bn, mm) suffix (4).
std::optional<double> human_amount(std::string_view text) {
  static const std::regex kHuman(
      R"(^\s*([-+]?)\s*(?:\$|€|£|USD|EUR|GBP)?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*)"
      R"((k|K|m|M|mm|MM|b|B|bn|BN)?\s*$)");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_match(text.begin(), text.end(), match, kHuman)) return std::nullopt;
  std::string digits;
  for (const char c : match[2].str()) {
    if (c != ',') digits += c;
  }
  digits += match[3].str();
  double value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  const std::string suffix = match[4].str();
  if (suffix == "k" || suffix == "K") value *= 1e3;
  if (suffix == "m" || suffix == "M" || suffix == "mm" || suffix == "MM") value *= 1e6;
  if (suffix == "b" || suffix == "B" || suffix == "bn" || suffix == "BN") value *= 1e9;
  // Only text a plain number would not already be: something was there to take away.
  const bool decorated = !suffix.empty() || match[2].str().find(',') != std::string::npos ||
                         text.find_first_of("$€£") != std::string_view::npos ||
                         text.find("USD") != std::string_view::npos ||
                         text.find("EUR") != std::string_view::npos ||
                         text.find("GBP") != std::string_view::npos;
  if (!decorated) return std::nullopt;
  return match[1].str() == "-" ? -value : value;
}

std::string scenario_number(double value) {
  if (std::abs(value) < 1e15 && value == std::round(value)) {
    std::string digits = fmt::format("{:.0f}", std::abs(value));
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '_';
      grouped += digits[i];
    }
    return (value < 0 ? "-" : "") + grouped;
  }
  return fmt::format("{:.6g}", value);
}

std::string unit_hint(std::string_view text, bool allow_percent) {
  // A plain number (group 1), then a per cent sign after a space (2), or words after a space
  // or a factor's x (3); not 1e, a number's exponent cut short.
  static const std::regex kWithUnit(
      R"(^\s*([-+]?\d+(?:\.\d+)?)(?:(\s+%)|\s+([A-Za-z][A-Za-z .\/-]*?)|(x))\s*$)");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_match(text.begin(), text.end(), match, kWithUnit)) return "";
  const std::string word = match[3].str();
  if (match[2].matched || word == "percent" || word == "per cent" || word == "pct") {
    return allow_percent ? fmt::format("; write {}%", match[1].str()) : "";
  }
  return fmt::format("; write {} (a number alone: the key's name gives its unit)", match[1].str());
}

std::string percent_hint(double value) {
  // Whole numbers only: 35 for 35 % is how sheets write it; 1.5 could mean anything.
  if (!(value >= 2 && value <= 100) || value != std::floor(value)) return "";
  return fmt::format("; for {} per cent write {}% (or {})", format_number(value),
                     format_number(value), scenario_number(value / 100));
}

std::string human_number_hint(std::string_view text) {
  const std::optional<double> amount = human_amount(text);
  if (!amount) return "";
  return fmt::format(
      "; write {} (a plain number: no currency sign, thousands commas or k/M suffix; '_' may "
      "group digits)",
      scenario_number(*amount));
}

}  // namespace teamsim::app
