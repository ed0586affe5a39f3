#pragma once

#include <optional>
#include <string>
#include <string_view>

// Calendar months for a scenario that gives its start date (`start_date: 2027-01`): month
// arithmetic, the YYYY-MM spelling scenarios and CSV files use, and the names outputs give the
// simulated months ("Jan 2027" instead of "M1"). The model counts months from 1; only the names
// change.

namespace teamsim::app {

/// A month of the calendar.
struct CalendarMonth {
  int year = 0;
  int month = 1;  ///< 1 = January .. 12 = December

  friend bool operator==(const CalendarMonth&, const CalendarMonth&) = default;
};

/// The calendar month `months` after `from` (before it when negative): Dec 2027 + 1 = Jan 2028.
CalendarMonth add_months(CalendarMonth from, int months);
/// Months from `from` to `to`: 0 for the same month, 1 for the next, -1 for the one before.
int months_between(CalendarMonth from, CalendarMonth to);

/// "2027-03", as scenarios, CSV files and summary.json write a month.
std::string iso_month(CalendarMonth month);
/// "Mar 2027", as tables, charts and reports show a month.
std::string month_name(CalendarMonth month);
/// "Mar" for month_of_year 3 (1..12).
std::string_view short_month_name(int month_of_year);

/// Whether `text` is written as a date (four digits, a hyphen, ...), so that a month key reads it
/// as a calendar month rather than as a number.
bool looks_like_calendar_month(std::string_view text);
/// Reads "2027-03" (also "2027-3"), or "2027-03-01": the first day of a month stands for the
/// month. Nullopt with `error` saying what to write otherwise: another day (plans are made in
/// whole months), a month outside 01..12, or anything else.
std::optional<CalendarMonth> parse_calendar_month(std::string_view text, std::string& error);

/// How outputs name the simulated months: M1, M2, ... (month 1, ...) without a start date;
/// Jan 2027, Feb 2027, ... with one.
class MonthNames {
 public:
  MonthNames() = default;
  explicit MonthNames(std::optional<CalendarMonth> start) : start_(start) {}

  /// The calendar month of simulated month 1, when the scenario gives one.
  const std::optional<CalendarMonth>& start() const { return start_; }
  /// The calendar month of simulated month `month` (1 = the first); needs start().
  CalendarMonth at(int month) const;
  /// "2027-03" for simulated month `month`; empty without a start date.
  std::string iso(int month) const;
  /// A column, tick or cell label: "M12", or "Dec 2027".
  std::string label(int month) const;
  /// The month in a sentence ("at ...", "by ...", "from ..."): "month 12", or "Dec 2027".
  std::string phrase(int month) const;
  /// The month as a heading or at the start of a sentence: "Month 12", or "Dec 2027".
  std::string heading(int month) const;
  /// A horizon of `months` months: "36 months", or "36 months, Jan 2027 – Dec 2029".
  std::string horizon(int months) const;
  /// The months `first` to `last` in a sentence: "months 13–24", or "Jan 2028–Dec 2028".
  std::string span(int first, int last) const;

 private:
  std::optional<CalendarMonth> start_;
};

}  // namespace teamsim::app
