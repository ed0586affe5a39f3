#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/common/calendar_month.h"

namespace teamsim::app {

/// A linear axis with evenly spaced "nice" ticks: the step is 1, 2 or 5 times a power of ten and
/// every tick is a whole multiple of it.
struct Axis {
  double min = 0;             ///< the first tick, at or below the data minimum
  double max = 1;             ///< the last tick, at or above the data maximum
  double step = 1;            ///< the distance between ticks
  int step_exponent = 0;      ///< step = mantissa * 10^step_exponent, mantissa 1, 2 or 5
  std::vector<double> ticks;  ///< min, min + step, ..., max
};

/// The axis with the smallest 1/2/5 step whose ticks (at most 7, at least 4) cover
/// [data_min, data_max]. Equal values get an axis from zero to the value; NaN or infinite bounds
/// give the axis 0..1; bounds given in the wrong order are swapped. With `whole_numbers` (counts
/// of people or customers) the step is at least 1, so 0..3 gets the ticks 0, 1, 2, 3 rather than
/// 0, 0.5, ..., 3; such an axis may then have as few as 2 ticks.
Axis nice_axis(double data_min, double data_max, bool whole_numbers = false);

/// The labels of the axis ticks, each with just the decimals the step needs: "0", "200", ...,
/// "1,000" on small axes, "$0", "$500k", "$1M", "$1.5M" once the largest tick reaches 10,000.
std::vector<std::string> axis_tick_labels(const Axis& axis, std::string_view currency_symbol = "");

/// Month ticks for an x axis running from month 0 (day 0) to `months`, whose series start at
/// month 1 (the first month end): month 1, then the multiples of the smallest of 1, 2, 3, 6, 12,
/// 24, 60 or 120 months that gives at most 7 ticks (1, 6, 12, ..., 36). With calendar
/// months (names.start()), the months 1..`months` that fall on such a step of the calendar,
/// counted from a January (January and July for 6, every January for 12), so that the ticks
/// are the calendar's quarters, halves or years.
std::vector<int> month_ticks(int months, const MonthNames& names = {});

}  // namespace teamsim::app
