#include "app/charts/chart_axis.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "app/common/number_format.h"

namespace teamsim::app {
namespace {

constexpr int kMaxTicks = 7;

/// mantissa * 10^exponent, dividing for negative exponents so 0.2 is written as 2 / 10.
double scaled(double mantissa, int exponent) {
  return exponent >= 0 ? mantissa * power_of_ten(exponent) : mantissa / power_of_ten(-exponent);
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

std::vector<std::string> axis_tick_labels(const Axis& axis, std::string_view currency_symbol) {
  std::vector<std::string> labels;
  const double largest = std::max(std::abs(axis.min), std::abs(axis.max));
  for (double tick : axis.ticks) {
    const double magnitude = std::abs(tick);
    if (largest < 10000 || magnitude < 1000) {
      labels.push_back(format_grouped(tick, std::max(0, -axis.step_exponent), currency_symbol));
      continue;
    }
    labels.push_back(format_suffixed(tick, axis.step_exponent, currency_symbol));
  }
  return labels;
}

std::vector<int> month_ticks(int months, const MonthNames& names) {
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
  if (!names.start()) {
    // Month 1, the first month end and so the first point of every series, then the multiples
    // of the step; not month 0, where no series has a value.
    ticks.push_back(1);
    for (int m = step; m <= months; m += step) {
      if (m > 1) ticks.push_back(m);
    }
    return ticks;
  }
  // Calendar ticks: the months on the step counted from a January (January of year 0, so that
  // a step of 24 falls on even years).
  const CalendarMonth origin{0, 1};
  for (int m = 1; m <= months; ++m) {
    if (months_between(origin, names.at(m)) % step == 0) ticks.push_back(m);
  }
  return ticks;
}

}  // namespace teamsim::app
