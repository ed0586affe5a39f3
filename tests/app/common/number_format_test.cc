#include "app/common/number_format.h"

#include <gtest/gtest.h>

#include <limits>

namespace teamsim::app {
namespace {

TEST(FormatGrouped, ThousandsSeparatorsAndCurrencyAfterTheSign) {
  EXPECT_EQ(format_grouped(1234567, 0), "1,234,567");
  EXPECT_EQ(format_grouped(-1234.5, 1, "$"), "-$1,234.5");
  EXPECT_EQ(format_grouped(999, 0), "999");
  EXPECT_EQ(format_grouped(100000, 2, "\xE2\x82\xAC"),
            "\xE2\x82\xAC"
            "100,000.00");
  EXPECT_EQ(format_grouped(-0.001, 2), "0.00");
}

TEST(FormatCompact, SuffixesFromTenThousand) {
  EXPECT_EQ(format_compact(1'500'000, "$"), "$1.5M");
  EXPECT_EQ(format_compact(250'000), "250k");
  EXPECT_EQ(format_compact(12), "12");
  EXPECT_EQ(format_compact(9'500), "9,500");
  EXPECT_EQ(format_compact(12'345), "12.3k");
  EXPECT_EQ(format_compact(-1'234'567, "$"), "-$1.23M");
  EXPECT_EQ(format_compact(2.5e9, "$"), "$2.5B");
  EXPECT_EQ(format_compact(0.25), "0.25");
  EXPECT_EQ(format_compact(0), "0");
}

TEST(FormatCompact, RoundingCarriesIntoTheNextSuffix) {
  EXPECT_EQ(format_compact(999'999), "1M");
  EXPECT_EQ(format_compact(99'996), "100k");
  EXPECT_EQ(format_compact(9'999.7), "10k");
}

TEST(FormatCompact, BeyondTrillionsAMantissaAndAPowerOfTen) {
  // A suffix would need four digits or more before it ("$1439193T"): 3 significant digits and
  // the power of ten instead, short enough for a table's cell.
  EXPECT_EQ(format_compact(999.4e12, "$"), "$999T");
  EXPECT_EQ(format_compact(999.6e12, "$"), "$1e15");
  EXPECT_EQ(format_compact(1.4392e18, "$"), "$1.44e18");
  EXPECT_EQ(format_compact(-2.5e20, "$"), "-$2.5e20");
  EXPECT_EQ(format_compact(1e100), "1e100");
  EXPECT_EQ(format_suffixed(1.5e18, 15, "€"), "€1.5e18");
  EXPECT_EQ(format_suffixed(std::numeric_limits<double>::infinity(), 15, "€"), "n/a");
}

TEST(CurrencySymbol, EveryCurrencyHasAUnit) {
  EXPECT_EQ(currency_symbol("USD"), "$");
  EXPECT_EQ(currency_symbol("EUR"), "\xE2\x82\xAC");
  EXPECT_EQ(currency_symbol("GBP"), "\xC2\xA3");
  EXPECT_EQ(currency_symbol("JPY"), "JPY ");
  EXPECT_EQ(currency_symbol(""), "");
  EXPECT_EQ(format_compact(251'000, currency_symbol("JPY")), "JPY 251k");
  EXPECT_EQ(format_compact(-1'234'567, currency_symbol("CHF")), "-CHF 1.23M");
  EXPECT_EQ(format_grouped(1234.5, 2, currency_symbol("SEK")), "SEK 1,234.50");
}

TEST(FormatCompact, NotANumber) {
  EXPECT_EQ(format_compact(std::numeric_limits<double>::quiet_NaN(), "$"), "n/a");
}

// A metric's value by its unit, as the tables write it; beside a threshold, with the digits that
// keep it on its own side of it, and a threshold itself exactly.
TEST(FormatMetricNumber, ByUnitAndBesideAThreshold) {
  EXPECT_EQ(format_metric_number(0.125, "ratio", "$"), "12.5%");
  EXPECT_EQ(format_metric_number(1.3e6, "currency", "CHF "), "CHF 1.3M");
  EXPECT_EQ(format_metric_number(1.3e6, "days", "$"), "1.3M");
  EXPECT_EQ(format_metric_number(37.4, "count", "$"), "37");
  EXPECT_EQ(format_metric_number(std::numeric_limits<double>::quiet_NaN(), "ratio", ""), "n/a");
  // 5.04 % rounds to "5.0%", which would read as equal to a threshold of 5 %.
  EXPECT_EQ(format_metric_number_beside(0.0504, 0.05, "ratio", ""), "5.04%");
  EXPECT_EQ(format_metric_number_beside(0.05, 0.05, "ratio", ""), "5.0%");
  EXPECT_EQ(format_metric_number_beside(0.0525, 0.0525, "ratio", ""), "5.25%");
  EXPECT_EQ(format_metric_number_beside(0.2, 0.05, "ratio", ""), "20.0%");
  // 1,300,400 is "$1.3M", equal to a threshold of 1.3M to three digits.
  EXPECT_EQ(format_metric_number_beside(1'300'400, 1'300'000, "currency", "$"), "$1,300,400");
  EXPECT_EQ(format_metric_number_beside(1'300'000, 1'300'000, "currency", "$"), "$1.3M");
  EXPECT_EQ(format_metric_number_beside(1'299'000, 1'299'000, "currency", "$"), "$1,299,000");
  EXPECT_EQ(format_metric_number_beside(2.5, 2.5, "currency", "$"), "$2.5");
  // 39.6 customers round to 40, on the wrong side of "at least 40".
  EXPECT_EQ(format_metric_number_beside(39.6, 40, "count", ""), "39.6");
  EXPECT_EQ(format_metric_number_beside(41, 40, "count", ""), "41");
}

TEST(UnitAfterNumber, OnlyDurationsNameTheirUnit) {
  EXPECT_EQ(unit_after_number("days"), " days");
  EXPECT_EQ(unit_after_number("months"), " months");
  // Money and shares carry their sign ("$1.3M", "25.0%"); counts and FTE are plain numbers.
  for (const char* unit : {"currency", "ratio", "count", "fte", ""}) {
    EXPECT_EQ(unit_after_number(unit), "") << unit;
    EXPECT_FALSE(is_duration_unit(unit)) << unit;
  }
}

}  // namespace
}  // namespace teamsim::app
