#include "app/charts/chart_axis.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace teamsim::app {
namespace {

constexpr int kMaxTicks = 7;

/// 10^exponent, exact for the exponents an axis uses.
double pow10(int exponent) {
  double p = 1;
  for (int i = 0; i < std::abs(exponent); ++i) p *= 10;
  return exponent >= 0 ? p : 1 / p;
}

/// mantissa * 10^exponent, dividing for negative exponents so 0.2 is written as 2 / 10.
double scaled(double mantissa, int exponent) {
  return exponent >= 0 ? mantissa * pow10(exponent) : mantissa / pow10(-exponent);
}

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

/// Decimals for a number below 10,000 so it keeps about 3 significant digits, at most 2.
int compact_decimals(double magnitude) {
  if (magnitude >= 100) return 0;
  if (magnitude >= 10) return 1;
  return 2;
}

}  // namespace

Axis nice_axis(double data_min, double data_max, bool whole_numbers) {
  if (!std::isfinite(data_min) || !std::isfinite(data_max)) data_min = 0, data_max = 1;
  if (data_min > data_max) std::swap(data_min, data_max);
  if (data_min == data_max) {
    if (data_min == 0) {
      data_max = 1;
    } else if (data_min > 0) {
      data_min = 0;
    } else {
      data_max = 0;
    }
  }
  const double span = data_max - data_min;
  // Start a notch below the step that would give 10 intervals and take the first 1/2/5 step that
  // needs at most 7 ticks; the step before it needed 8 or more, so this one needs at least 4.
  int exponent = static_cast<int>(std::floor(std::log10(span / 10))) - 1;
  if (whole_numbers) exponent = std::max(exponent, 0);
  constexpr int kMantissas[] = {1, 2, 5};
  for (;; ++exponent) {
    for (int mantissa : kMantissas) {
      const double step = scaled(mantissa, exponent);
      // A small tolerance so data that sits on a tick up to rounding does not add a tick.
      const double tolerance = 1e-9;
      const double first = std::floor(data_min / step + tolerance);
      const double last = std::ceil(data_max / step - tolerance);
      if (last - first + 1 > kMaxTicks) continue;
      Axis axis;
      axis.step = step;
      axis.step_exponent = exponent;
      for (double k = first; k <= last; ++k) {
        double tick = scaled(k * mantissa, exponent);
        if (tick == 0) tick = 0;  // no -0
        axis.ticks.push_back(tick);
      }
      axis.min = axis.ticks.front();
      axis.max = axis.ticks.back();
      return axis;
    }
  }
}

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

std::string format_compact(double value, std::string_view currency_symbol) {
  if (!std::isfinite(value)) return "n/a";
  const double magnitude = std::abs(value);
  if (std::round(magnitude) < 10000) {
    return trim_zeros(format_grouped(value, compact_decimals(magnitude), currency_symbol));
  }
  // The largest suffix not above the value; rounding may carry into the next one (999.9k -> 1M).
  std::size_t i = 0;
  while (i + 1 < std::size(kSuffixes) && magnitude < kSuffixes[i].unit) ++i;
  int decimals = compact_decimals(magnitude / kSuffixes[i].unit);
  if (i > 0 &&
      std::round(magnitude / kSuffixes[i].unit * pow10(decimals)) >= 1000 * pow10(decimals)) {
    --i;
    decimals = 2;
  }
  return prefix(value < 0, currency_symbol) + with_suffix(magnitude, kSuffixes[i], decimals);
}

std::vector<std::string> axis_tick_labels(const Axis& axis, std::string_view currency_symbol) {
  std::vector<std::string> labels;
  const double largest = std::max(std::abs(axis.min), std::abs(axis.max));
  for (double tick : axis.ticks) {
    const double magnitude = std::abs(tick);
    if (largest < 10000 || magnitude < 1000) {
      labels.push_back(format_grouped(tick, std::max(0, -axis.step_exponent), currency_symbol));
      continue;
    }
    const Suffix* suffix = &kSuffixes[std::size(kSuffixes) - 1];
    for (const Suffix& s : kSuffixes) {
      if (magnitude >= s.unit) {
        suffix = &s;
        break;
      }
    }
    const int decimals = std::max(0, suffix->exponent - axis.step_exponent);
    labels.push_back(prefix(tick < 0, currency_symbol) + with_suffix(magnitude, *suffix, decimals));
  }
  return labels;
}

std::vector<int> month_ticks(int months) {
  months = std::max(months, 1);
  constexpr int kSteps[] = {1, 2, 3, 6, 12, 24, 60, 120};
  int step = kSteps[std::size(kSteps) - 1];
  for (int s : kSteps) {
    if (months / s + 1 <= kMaxTicks) {
      step = s;
      break;
    }
  }
  std::vector<int> ticks;
  for (int m = 0; m <= months; m += step) ticks.push_back(m);
  return ticks;
}

std::string month_label(int month) { return fmt::format("M{}", month); }

}  // namespace teamsim::app
