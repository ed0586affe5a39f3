#include "app/cli/month_option.h"

#include <gtest/gtest.h>

#include <string>

#include "app/common/errors.h"
#include "models/defaults.h"

namespace teamsim::app {
namespace {

// The UsageError's message for `text`, or "(no error)".
std::string refusal(const std::string& text, const model::ScenarioSpec& spec) {
  try {
    month_option(text, spec, "--month");
  } catch (const UsageError& e) {
    return e.what();
  }
  return "(no error)";
}

model::ScenarioSpec dated(int year, int month) {
  model::ScenarioSpec spec = model::default_scenario();
  spec.horizon_months = 24;
  spec.start_year = year;
  spec.seasonality.start_month_of_year = month;
  return spec;
}

TEST(MonthOptionTest, AMonthNumberIsAWholeNumberAndNothingElse) {
  EXPECT_EQ(parse_month_number("12"), 12);
  EXPECT_EQ(parse_month_number("0"), 0);  // in range or not is the caller's question
  EXPECT_EQ(parse_month_number(""), std::nullopt);
  EXPECT_EQ(parse_month_number("12x"), std::nullopt);
  EXPECT_EQ(parse_month_number("1.5"), std::nullopt);
  EXPECT_EQ(parse_month_number("soon"), std::nullopt);
  EXPECT_EQ(parse_month_number("99999999999"), std::nullopt);  // out of int's range
}

TEST(MonthOptionTest, NumbersPassAndDatesBecomeTheirMonth) {
  EXPECT_FALSE(month_option(std::nullopt, dated(2027, 11), "--month").has_value());
  EXPECT_EQ(month_option("7", model::default_scenario(), "--month"), 7);
  // Nov 2027 is month 1, so Jan 2028 is month 3.
  EXPECT_EQ(month_option("2028-01", dated(2027, 11), "--month"), 3);
  // A number out of range is left to the metric choice, which says so with the horizon.
  EXPECT_EQ(month_option("99", dated(2027, 11), "--month"), 99);
}

TEST(MonthOptionTest, EveryOtherTextSaysWhatToWrite) {
  EXPECT_EQ(refusal("soon", dated(2027, 11)),
            "--month soon: not a month; give its number (1 = the first) or a calendar month such "
            "as 2027-11");
  EXPECT_EQ(refusal("soon", model::default_scenario()),
            "--month soon: not a month; give its number (1 = the first)");
  EXPECT_EQ(refusal("2029-11", dated(2027, 11)),
            "--month 2029-11: 2029-11 is past the horizon: the plan runs from 2027-11 "
            "(start_date) to 2029-10 (horizon_months 24)");
  EXPECT_EQ(refusal("2027-10", dated(2027, 11)),
            "--month 2027-10: 2027-10 is before the plan starts: the plan runs from 2027-11 "
            "(start_date) to 2029-10 (horizon_months 24)");
  EXPECT_EQ(
      refusal("2027-03", model::default_scenario())
          .rfind("--month 2027-03: 2027-03 is a calendar month, but the scenario has no start_date",
                 0),
      0u);
}

}  // namespace
}  // namespace teamsim::app
