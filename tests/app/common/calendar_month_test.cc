#include "app/common/calendar_month.h"

#include <gtest/gtest.h>

#include <string>

namespace teamsim::app {
namespace {

// Hand-derived: Nov 2027 + 1 = Dec 2027, + 2 = Jan 2028 (the year rolls over after December);
// Jan 2027 - 1 = Dec 2026; 36 months after Jan 2027 is Jan 2030, so month 36 is Dec 2029.
TEST(CalendarMonthTest, AddingMonthsRollsTheYearOver) {
  EXPECT_EQ(add_months({2027, 11}, 1), (CalendarMonth{2027, 12}));
  EXPECT_EQ(add_months({2027, 11}, 2), (CalendarMonth{2028, 1}));
  EXPECT_EQ(add_months({2027, 12}, 1), (CalendarMonth{2028, 1}));
  EXPECT_EQ(add_months({2027, 1}, -1), (CalendarMonth{2026, 12}));
  EXPECT_EQ(add_months({2027, 1}, 35), (CalendarMonth{2029, 12}));
  EXPECT_EQ(add_months({2027, 3}, 600), (CalendarMonth{2077, 3}));
  EXPECT_EQ(add_months({2027, 3}, 0), (CalendarMonth{2027, 3}));
}

TEST(CalendarMonthTest, MonthsBetweenIsTheInverseOfAdding) {
  EXPECT_EQ(months_between({2027, 12}, {2028, 1}), 1);
  EXPECT_EQ(months_between({2027, 1}, {2027, 1}), 0);
  EXPECT_EQ(months_between({2027, 1}, {2026, 11}), -2);
  EXPECT_EQ(months_between({2027, 1}, {2029, 12}), 35);
  for (int n = -30; n <= 30; ++n) {
    EXPECT_EQ(months_between({2027, 5}, add_months({2027, 5}, n)), n) << n;
  }
}

TEST(CalendarMonthTest, MonthsAreWrittenIsoAndNamed) {
  EXPECT_EQ(iso_month({2027, 3}), "2027-03");
  EXPECT_EQ(iso_month({2027, 12}), "2027-12");
  EXPECT_EQ(month_name({2027, 1}), "Jan 2027");
  EXPECT_EQ(month_name({2029, 12}), "Dec 2029");
  EXPECT_EQ(short_month_name(7), "Jul");
}

TEST(CalendarMonthTest, MonthsAndTheFirstDayOfOneAreRead) {
  std::string error;
  EXPECT_EQ(parse_calendar_month("2027-03", error), (CalendarMonth{2027, 3}));
  EXPECT_EQ(parse_calendar_month("2027-3", error), (CalendarMonth{2027, 3}));
  EXPECT_EQ(parse_calendar_month("2027-03-01", error), (CalendarMonth{2027, 3}));
  EXPECT_EQ(error, "");
}

TEST(CalendarMonthTest, EveryOtherSpellingSaysWhatToWrite) {
  const std::pair<const char*, const char*> cases[] = {
      {"2027-13", "'2027-13' has no month 13; write YYYY-MM with a month from 01 to 12"},
      {"2027-00", "'2027-00' has no month 0; write YYYY-MM with a month from 01 to 12"},
      {"2027-03-15",
       "'2027-03-15' is a day; teamsim plans in whole months, each from its first day: write the "
       "month, 2027-03"},
      {"2027/03", "expected a calendar month written YYYY-MM, such as 2027-03, got '2027/03'"},
      {"Mar 2027", "expected a calendar month written YYYY-MM, such as 2027-03, got 'Mar 2027'"},
      {"2027-03x", "expected a calendar month written YYYY-MM, such as 2027-03, got '2027-03x'"},
      {"0999-01", "expected a calendar month written YYYY-MM, such as 2027-03, got '0999-01'"},
      {"2027-003", "expected a calendar month written YYYY-MM, such as 2027-03, got '2027-003'"},
  };
  for (const auto& [text, message] : cases) {
    std::string error;
    EXPECT_FALSE(parse_calendar_month(text, error).has_value()) << text;
    EXPECT_EQ(error, message) << text;
  }
}

TEST(CalendarMonthTest, OnlyDateShapedTextLooksLikeACalendarMonth) {
  EXPECT_TRUE(looks_like_calendar_month("2027-03"));
  EXPECT_TRUE(looks_like_calendar_month("2027-03-15"));
  EXPECT_FALSE(looks_like_calendar_month("12"));
  EXPECT_FALSE(looks_like_calendar_month("-12"));
  EXPECT_FALSE(looks_like_calendar_month("1e3"));
  EXPECT_FALSE(looks_like_calendar_month("last"));
  EXPECT_FALSE(looks_like_calendar_month("3_000"));
}

TEST(CalendarMonthTest, NamesWithoutAStartDateAreMonthNumbers) {
  const MonthNames names;
  EXPECT_FALSE(names.start().has_value());
  EXPECT_EQ(names.label(12), "M12");
  EXPECT_EQ(names.phrase(12), "month 12");
  EXPECT_EQ(names.heading(12), "Month 12");
  EXPECT_EQ(names.iso(12), "");
  EXPECT_EQ(names.horizon(36), "36 months");
  EXPECT_EQ(names.horizon(1), "1 month");
  EXPECT_EQ(names.span(13, 24),
            "months 13\xE2\x80\x93"
            "24");
}

TEST(CalendarMonthTest, NamesWithAStartDateAreCalendarMonths) {
  const MonthNames names(CalendarMonth{2027, 11});
  EXPECT_EQ(names.at(1), (CalendarMonth{2027, 11}));
  EXPECT_EQ(names.label(1), "Nov 2027");
  EXPECT_EQ(names.label(3), "Jan 2028");
  EXPECT_EQ(names.phrase(3), "Jan 2028");
  EXPECT_EQ(names.heading(3), "Jan 2028");
  EXPECT_EQ(names.iso(3), "2028-01");
  EXPECT_EQ(names.horizon(14), "14 months, Nov 2027 \xE2\x80\x93 Dec 2028");
  EXPECT_EQ(names.span(3, 14),
            "Jan 2028\xE2\x80\x93"
            "Dec 2028");
}

}  // namespace
}  // namespace teamsim::app
