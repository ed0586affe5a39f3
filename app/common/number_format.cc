#include "app/common/number_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace teamsim::app {
namespace {

struct Suffix {
  double unit;
  int exponent;
  const char* letter;
};

constexpr Suffix kSuffixes[] = {{1e12, 12, "T"}, {1e9, 9, "B"}, {1e6, 6, "M"}, {1e3, 3, "k"}};

std::string trim_zeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

/// The sign and currency in front of a number: "-$" or "$".
std::string prefix(bool negative, std::string_view currency_symbol) {
  return fmt::format("{}{}", negative ? "-" : "", currency_symbol);
}

/// |value| in the unit with `decimals` decimals, trailing zeros trimmed, and the suffix.
std::string with_suffix(double magnitude, const Suffix& suffix, int decimals) {
  return trim_zeros(fmt::format("{:.{}f}", magnitude / suffix.unit, decimals)) + suffix.letter;
}

/// From here on, a suffix would need more than three digits before it ($1439193T): numbers this
/// large read as a mantissa and a power of ten instead.
constexpr double kLargestSuffixed = 999.5e12;

/// |value| as 3 significant digits and a power of ten, trailing zeros trimmed: "1.44e18".
std::string scientific(double value, std::string_view currency_symbol) {
  const std::string text = fmt::format("{:.2e}", std::abs(value));  // "1.44e+18"
  const std::size_t e = text.find('e');
  return prefix(value < 0, currency_symbol) + trim_zeros(text.substr(0, e)) + "e" +
         std::to_string(std::stoi(text.substr(e + 1)));
}

/// Decimals for a number below 10,000 so it keeps about 3 significant digits, at most 2.
int compact_decimals(double magnitude) {
  if (magnitude >= 100) return 0;
  if (magnitude >= 10) return 1;
  return 2;
}

}  // namespace

std::string format_grouped(double value, int decimals, std::string_view currency_symbol) {
  if (!std::isfinite(value)) return "n/a";
  decimals = std::clamp(decimals, 0, 12);
  std::string digits = fmt::format("{:.{}f}", std::abs(value), decimals);
  const bool negative = value < 0 && digits.find_first_not_of("0.") != std::string::npos;
  const std::size_t point = digits.find('.');
  const std::size_t integer_digits = point == std::string::npos ? digits.size() : point;
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i < integer_digits && (integer_digits - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return prefix(negative, currency_symbol) + grouped;
}

std::string currency_symbol(const std::string& currency) {
  if (currency == "USD") return "$";
  if (currency == "EUR") return "€";
  if (currency == "GBP") return "£";
  // Any other code in front, as people write it when there is no symbol they all read the
  // same way ("CHF 251k"; "¥" is both yen and yuan): every amount keeps its unit.
  if (currency.empty()) return "";
  return currency + " ";
}

std::string format_compact(double value, std::string_view currency_symbol) {
  if (!std::isfinite(value)) return "n/a";
  const double magnitude = std::abs(value);
  if (std::round(magnitude) < 10000) {
    return trim_zeros(format_grouped(value, compact_decimals(magnitude), currency_symbol));
  }
  if (magnitude >= kLargestSuffixed) return scientific(value, currency_symbol);
  // The largest suffix not above the value; rounding may carry into the next one (999.9k -> 1M).
  std::size_t i = 0;
  while (i + 1 < std::size(kSuffixes) && magnitude < kSuffixes[i].unit) ++i;
  int decimals = compact_decimals(magnitude / kSuffixes[i].unit);
  if (i > 0 && std::round(magnitude / kSuffixes[i].unit * power_of_ten(decimals)) >=
                   1000 * power_of_ten(decimals)) {
    --i;
    decimals = 2;
  }
  return prefix(value < 0, currency_symbol) + with_suffix(magnitude, kSuffixes[i], decimals);
}

std::string format_suffixed(double value, int resolution_exponent,
                            std::string_view currency_symbol) {
  if (!std::isfinite(value)) return "n/a";
  const double magnitude = std::abs(value);
  if (magnitude >= kLargestSuffixed) return scientific(value, currency_symbol);
  const Suffix* suffix = &kSuffixes[std::size(kSuffixes) - 1];
  for (const Suffix& s : kSuffixes) {
    if (magnitude >= s.unit) {
      suffix = &s;
      break;
    }
  }
  const int decimals = std::max(0, suffix->exponent - resolution_exponent);
  return prefix(value < 0, currency_symbol) + with_suffix(magnitude, *suffix, decimals);
}

std::string format_number(double value) { return fmt::format("{}", value); }

std::string format_metric_number(double value, std::string_view unit,
                                 std::string_view currency_symbol) {
  if (!std::isfinite(value)) return "n/a";
  if (unit == "ratio") return fmt::format("{:.1f}%", value * 100);
  if (unit == "count") return format_compact(std::round(value));
  return format_compact(value, unit == "currency" ? currency_symbol : "");
}

bool is_duration_unit(std::string_view unit) {
  return std::find(kDurationUnits.begin(), kDurationUnits.end(), unit) != kDurationUnits.end();
}

std::string unit_after_number(std::string_view unit) {
  return is_duration_unit(unit) ? fmt::format(" {}", unit) : std::string();
}

std::string format_metric_number_beside(double value, double reference, std::string_view unit,
                                        std::string_view currency_symbol) {
  if (!std::isfinite(value)) return "n/a";
  // -1, 0 or 1 as a is below, at or above b, equal within rounding error.
  const auto side = [](double a, double b) {
    if (std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)})) return 0;
    return a < b ? -1 : 1;
  };
  const auto rounded = [](double x, int decimals) {
    const double scale = power_of_ten(decimals);
    return std::round(x * scale) / scale;
  };
  const std::string_view symbol = unit == "currency" ? currency_symbol : "";
  const double magnitude = std::abs(value);
  std::string text = format_metric_number(value, unit, currency_symbol);
  double shown = 0;  // the value `text` shows
  if (unit == "ratio") {
    shown = rounded(100 * value, 1) / 100;
  } else if (unit == "count") {
    shown = std::round(value);
  } else if (std::round(magnitude) < 10000) {
    shown = rounded(value, compact_decimals(magnitude));
  } else {  // about three significant digits
    const int exponent = static_cast<int>(std::floor(std::log10(magnitude))) - 2;
    shown = rounded(value, -exponent);
  }
  // Below 10,000 a number is written in full with up to 2 decimals; above, to 3 digits.
  int full_decimals = 0;
  if (unit == "count") {
    full_decimals = 1;
  } else if (unit != "ratio" && std::round(magnitude) < 10000) {
    full_decimals = compact_decimals(magnitude) + 1;
  }
  for (int more = 1; more <= 6 && side(shown, reference) != side(value, reference); ++more) {
    if (unit == "ratio") {
      shown = rounded(100 * value, 1 + more) / 100;
      text = fmt::format("{:.{}f}%", 100 * value, 1 + more);
    } else {
      const int decimals = full_decimals + more - 1;
      shown = rounded(value, decimals);
      text = format_grouped(value, decimals, symbol);
    }
  }
  return text;
}

double power_of_ten(int exponent) {
  double p = 1;
  for (int i = 0; i < std::abs(exponent); ++i) p *= 10;
  return exponent >= 0 ? p : 1 / p;
}

}  // namespace teamsim::app
