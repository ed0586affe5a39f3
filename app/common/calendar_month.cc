#include "app/common/calendar_month.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <stdexcept>

#include "app/common/plural.h"

namespace teamsim::app {
namespace {

constexpr std::array<std::string_view, 12> kShortNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Months since January of year 0, so that month arithmetic is integer arithmetic.
int index_of(CalendarMonth month) { return month.year * 12 + (month.month - 1); }

// The digits at the start of `text`, consumed; nullopt when there are none or too many.
std::optional<int> take_digits(std::string_view& text, std::size_t max_digits) {
  std::size_t n = 0;
  int value = 0;
  while (n < text.size() && std::isdigit(static_cast<unsigned char>(text[n])) != 0) {
    if (n == max_digits) return std::nullopt;
    value = value * 10 + (text[n] - '0');
    ++n;
  }
  if (n == 0) return std::nullopt;
  text.remove_prefix(n);
  return value;
}

}  // namespace

CalendarMonth add_months(CalendarMonth from, int months) {
  const int index = index_of(from) + months;
  // Floor division, so that months before year 0 would still count down correctly.
  const int year = index >= 0 ? index / 12 : -((-index + 11) / 12);
  return CalendarMonth{year, index - year * 12 + 1};
}

int months_between(CalendarMonth from, CalendarMonth to) { return index_of(to) - index_of(from); }

std::string iso_month(CalendarMonth month) {
  return fmt::format("{:04}-{:02}", month.year, month.month);
}

std::string month_name(CalendarMonth month) {
  return fmt::format("{} {}", short_month_name(month.month), month.year);
}

std::string_view short_month_name(int month_of_year) {
  return kShortNames.at(static_cast<std::size_t>(month_of_year - 1));
}

bool looks_like_calendar_month(std::string_view text) {
  return text.size() >= 6 && text[4] == '-' &&
         text.substr(0, 4).find_first_not_of("0123456789") == std::string_view::npos;
}

std::optional<CalendarMonth> parse_calendar_month(std::string_view text, std::string& error) {
  std::string_view rest = text;
  const auto year = take_digits(rest, 4);
  std::optional<int> month;
  std::optional<int> day;
  bool well_formed = year && rest.starts_with('-');
  if (well_formed) {
    rest.remove_prefix(1);
    month = take_digits(rest, 2);
    well_formed = month.has_value();
  }
  if (well_formed && rest.starts_with('-')) {
    rest.remove_prefix(1);
    day = take_digits(rest, 2);
    well_formed = day.has_value();
  }
  if (!well_formed || !rest.empty() || *year < 1000) {
    error =
        fmt::format("expected a calendar month written YYYY-MM, such as 2027-03, got '{}'", text);
    return std::nullopt;
  }
  if (*month < 1 || *month > 12) {
    error =
        fmt::format("'{}' has no month {}; write YYYY-MM with a month from 01 to 12", text, *month);
    return std::nullopt;
  }
  const CalendarMonth result{*year, *month};
  if (day && *day != 1) {
    error = fmt::format(
        "'{}' is a day; teamsim plans in whole months, each from its first day: write the month, "
        "{}",
        text, iso_month(result));
    return std::nullopt;
  }
  return result;
}

CalendarMonth MonthNames::at(int month) const {
  if (!start_) throw std::logic_error("MonthNames::at without a start date");
  return add_months(*start_, month - 1);
}

std::string MonthNames::iso(int month) const { return start_ ? iso_month(at(month)) : ""; }

std::string MonthNames::label(int month) const {
  return start_ ? month_name(at(month)) : fmt::format("M{}", month);
}

std::string MonthNames::phrase(int month) const {
  return start_ ? month_name(at(month)) : fmt::format("month {}", month);
}

std::string MonthNames::horizon(int months) const {
  const std::string count = counted(static_cast<std::uint64_t>(months), "month");
  if (!start_) return count;
  return fmt::format("{}, {} \xE2\x80\x93 {}", count, label(1), label(months));
}

std::string MonthNames::span(int first, int last) const {
  if (!start_) return fmt::format("months {}\xE2\x80\x93{}", first, last);
  return fmt::format("{}\xE2\x80\x93{}", label(first), label(last));
}

std::string MonthNames::heading(int month) const {
  return start_ ? month_name(at(month)) : fmt::format("Month {}", month);
}

}  // namespace teamsim::app
