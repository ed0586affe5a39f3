#include "app/charts/chart_axis.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace teamsim::app {
namespace {

using Ticks = std::vector<double>;

TEST(NiceAxis, HandWorkedZeroTo937) {
  const Axis a = nice_axis(0, 937);
  EXPECT_EQ(a.ticks, (Ticks{0, 200, 400, 600, 800, 1000}));
  EXPECT_EQ(a.min, 0);
  EXPECT_EQ(a.max, 1000);
  EXPECT_EQ(a.step, 200);
}

TEST(NiceAxis, HandWorkedExamples) {
  EXPECT_EQ(nice_axis(0, 100).ticks, (Ticks{0, 20, 40, 60, 80, 100}));
  EXPECT_EQ(nice_axis(0, 70).ticks, (Ticks{0, 20, 40, 60, 80}));
  EXPECT_EQ(nice_axis(0, 13).ticks, (Ticks{0, 5, 10, 15}));
  EXPECT_EQ(nice_axis(0, 1.5e6).ticks, (Ticks{0, 5e5, 1e6, 1.5e6}));
  EXPECT_EQ(nice_axis(1'030'000, 1'180'000).ticks,
            (Ticks{1'000'000, 1'050'000, 1'100'000, 1'150'000, 1'200'000}));
}

TEST(NiceAxis, NegativeRange) {
  EXPECT_EQ(nice_axis(-937, 0).ticks, (Ticks{-1000, -800, -600, -400, -200, 0}));
  EXPECT_EQ(nice_axis(-50, -12).ticks, (Ticks{-50, -40, -30, -20, -10}));
}

TEST(NiceAxis, ZeroCrossing) {
  EXPECT_EQ(nice_axis(-300, 800).ticks, (Ticks{-400, -200, 0, 200, 400, 600, 800}));
  EXPECT_EQ(nice_axis(-2.5e6, 1.2e6).ticks, (Ticks{-3e6, -2e6, -1e6, 0, 1e6, 2e6}));
}

TEST(NiceAxis, FractionalRangeHasExactTicks) {
  const Axis a = nice_axis(0, 1);
  ASSERT_EQ(a.ticks.size(), 6u);
  EXPECT_DOUBLE_EQ(a.ticks[3], 0.6);
  EXPECT_EQ(a.step_exponent, -1);
  EXPECT_EQ(nice_axis(0.1, 0.13).ticks.size(), 7u);
}

TEST(NiceAxis, EqualValuesRunFromZero) {
  EXPECT_EQ(nice_axis(12, 12).ticks, (Ticks{0, 2, 4, 6, 8, 10, 12}));
  EXPECT_EQ(nice_axis(-5, -5).ticks, (Ticks{-5, -4, -3, -2, -1, 0}));
  EXPECT_EQ(nice_axis(0, 0).ticks, (Ticks{0, 0.2, 0.4, 0.6, 0.8, 1}));
}

TEST(NiceAxis, WholeNumbersNeverStepBelowOne) {
  // Without the option 0..3 would get a step of 0.5 (7 ticks); half a customer is no tick.
  EXPECT_EQ(nice_axis(0, 3).step, 0.5);
  EXPECT_EQ(nice_axis(0, 3, true).ticks, (Ticks{0, 1, 2, 3}));
  EXPECT_EQ(nice_axis(0, 1, true).ticks, (Ticks{0, 1}));
  EXPECT_EQ(nice_axis(0, 0, true).ticks, (Ticks{0, 1}));
  EXPECT_EQ(nice_axis(0, 0.4, true).ticks, (Ticks{0, 1}));
  EXPECT_EQ(nice_axis(0, 2.5, true).ticks, (Ticks{0, 1, 2, 3}));
  EXPECT_EQ(nice_axis(0, 9, true).ticks, (Ticks{0, 2, 4, 6, 8, 10}));
  // Large ranges are as without the option.
  EXPECT_EQ(nice_axis(0, 937, true).ticks, nice_axis(0, 937).ticks);
  EXPECT_EQ(axis_tick_labels(nice_axis(0, 3, true)),
            (std::vector<std::string>{"0", "1", "2", "3"}));
}

TEST(NiceAxis, NonFiniteOrSwappedBounds) {
  EXPECT_EQ(nice_axis(std::numeric_limits<double>::quiet_NaN(), 5).max, 1);
  EXPECT_EQ(nice_axis(0, std::numeric_limits<double>::infinity()).max, 1);
  EXPECT_EQ(nice_axis(937, 0).ticks, nice_axis(0, 937).ticks);
}

/// Across many ranges of every sign and scale: 4 to 7 evenly spaced 1/2/5 ticks covering the data.
TEST(NiceAxis, AlwaysFourToSevenTicksCoveringTheData) {
  std::uint64_t state = 42;
  auto uniform = [&state] {
    state = state * 6364136223846793005u + 1442695040888963407u;
    return static_cast<double>(state >> 11) / static_cast<double>(1ull << 53);
  };
  for (int i = 0; i < 20000; ++i) {
    const double scale = std::pow(10.0, std::floor(uniform() * 16) - 6);
    const double a = (uniform() * 2 - 1) * scale;
    const double b = uniform() < 0.1 ? a : (uniform() * 2 - 1) * scale;
    const double lo = std::min(a, b), hi = std::max(a, b);
    const Axis axis = nice_axis(lo, hi);
    ASSERT_GE(axis.ticks.size(), 4u) << lo << ".." << hi;
    ASSERT_LE(axis.ticks.size(), 7u) << lo << ".." << hi;
    ASSERT_LE(axis.min, lo) << lo << ".." << hi;
    ASSERT_GE(axis.max, hi) << lo << ".." << hi;
    const double mantissa = axis.step / std::pow(10.0, axis.step_exponent);
    ASSERT_TRUE(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 ||
                std::abs(mantissa - 5) < 1e-9)
        << axis.step;
    for (std::size_t t = 1; t < axis.ticks.size(); ++t) {
      ASSERT_NEAR(axis.ticks[t] - axis.ticks[t - 1], axis.step, axis.step * 1e-9);
    }
  }
}

TEST(AxisTickLabels, SmallAxesInFullWithSeparators) {
  EXPECT_EQ(axis_tick_labels(nice_axis(0, 937)),
            (std::vector<std::string>{"0", "200", "400", "600", "800", "1,000"}));
  EXPECT_EQ(axis_tick_labels(nice_axis(0, 1)),
            (std::vector<std::string>{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}));
}

TEST(AxisTickLabels, LargeAxesCompactWithJustTheDecimalsTheStepNeeds) {
  EXPECT_EQ(axis_tick_labels(nice_axis(0, 1.5e6), "$"),
            (std::vector<std::string>{"$0", "$500k", "$1M", "$1.5M"}));
  EXPECT_EQ(axis_tick_labels(nice_axis(-2.5e6, 1.2e6), "$"),
            (std::vector<std::string>{"-$3M", "-$2M", "-$1M", "$0", "$1M", "$2M"}));
  EXPECT_EQ(axis_tick_labels(nice_axis(1'030'000, 1'180'000)),
            (std::vector<std::string>{"1M", "1.05M", "1.1M", "1.15M", "1.2M"}));
  EXPECT_EQ(axis_tick_labels(nice_axis(0, 40'000)),
            (std::vector<std::string>{"0", "10k", "20k", "30k", "40k"}));
}

// The series start at month 1, the first month end: the first tick is there, not at month 0
// (day 0, where no series has a value), then the step's multiples.
TEST(MonthTicks, AtMostSevenTicksFromMonthOne) {
  EXPECT_EQ(month_ticks(24), (std::vector<int>{1, 6, 12, 18, 24}));
  EXPECT_EQ(month_ticks(36), (std::vector<int>{1, 6, 12, 18, 24, 30, 36}));
  EXPECT_EQ(month_ticks(12), (std::vector<int>{1, 2, 4, 6, 8, 10, 12}));
  EXPECT_EQ(month_ticks(60), (std::vector<int>{1, 12, 24, 36, 48, 60}));
  EXPECT_EQ(month_ticks(6), (std::vector<int>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(month_ticks(1), (std::vector<int>{1}));
  EXPECT_EQ(month_ticks(0), (std::vector<int>{1}));
  EXPECT_EQ(MonthNames().label(12), "M12");
}

// Calendar ticks fall on the calendar, not on month 0: with 30 months from Sep 2027 the step is
// 6 months, so the ticks are the Januaries and Julys, months 5 (Jan 2028), 11, 17, 23 and 29;
// 12 months from Nov 2027 step by 2 from an even month: Nov, Jan, Mar, May, Jul, Sep.
TEST(MonthTicks, CalendarMonthsFallOnTheCalendar) {
  const MonthNames from_september(CalendarMonth{2027, 9});
  EXPECT_EQ(month_ticks(30, from_september), (std::vector<int>{5, 11, 17, 23, 29}));
  EXPECT_EQ(from_september.label(5), "Jan 2028");
  EXPECT_EQ(month_ticks(12, MonthNames(CalendarMonth{2027, 11})),
            (std::vector<int>{1, 3, 5, 7, 9, 11}));
  EXPECT_EQ(month_ticks(36, MonthNames(CalendarMonth{2027, 1})),
            (std::vector<int>{1, 7, 13, 19, 25, 31}));
}

}  // namespace
}  // namespace teamsim::app
