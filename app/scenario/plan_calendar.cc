#include "app/scenario/plan_calendar.h"

#include <fmt/format.h>

#include <cctype>
#include <cstdint>
#include <limits>

#include "app/scenario/scenario_limits.h"

namespace teamsim::app {

std::optional<CalendarMonth> start_date_of(const model::ScenarioSpec& spec) {
  if (spec.start_year == 0) return std::nullopt;
  return CalendarMonth{spec.start_year, spec.seasonality.start_month_of_year};
}

MonthNames month_names_of(const model::ScenarioSpec& spec) {
  return MonthNames(start_date_of(spec));
}

std::optional<int> calendar_month_number(std::string_view text, std::optional<CalendarMonth> start,
                                         int first_month, int last_month, std::string& error,
                                         bool horizon_known) {
  const auto month = parse_calendar_month(text, error);
  if (!month) return std::nullopt;
  if (!start) {
    error = fmt::format(
        "{} {}: add start_date: YYYY-MM (the first simulated month) at its top level, or give the "
        "month's number (1 = the first)",
        text, kNoStartDate);
    return std::nullopt;
  }
  const MonthNames names(start);
  const int number = months_between(*start, *month) + 1;
  // With horizon_months refused, the last month is not the horizon but the longest one.
  const std::string plan =
      horizon_known ? fmt::format("the plan runs from {} (start_date) to {} (horizon_months {})",
                                  iso_month(*start), names.iso(last_month), last_month)
                    : fmt::format(
                          "the plan runs from {} (start_date) to at most {} (the longest horizon, "
                          "{} months; horizon_months is invalid)",
                          iso_month(*start), names.iso(last_month), last_month);
  if (number < 1) {
    error = fmt::format("{} is before the plan starts: {}", iso_month(*month), plan);
  } else if (number > last_month) {
    error = fmt::format("{} is past the {}horizon: {}", iso_month(*month),
                        horizon_known ? "" : "longest ", plan);
  } else if (number < first_month) {
    error = fmt::format("{} is month {}; give {} (month {}) or later", iso_month(*month), number,
                        names.iso(first_month), first_month);
  } else {
    return number;
  }
  return std::nullopt;
}

namespace loader {

void read_start_date(const YamlNode& node, model::ScenarioSpec& spec, DiagnosticSink& sink) {
  const auto text = read_text(node, "start_date", sink);
  if (!text) return;
  std::string error;
  const auto start = parse_calendar_month(*text, error);
  if (!start) {
    sink.error(node.mark, "start_date", error);
    return;
  }
  spec.start_year = start->year;
  spec.seasonality.start_month_of_year = start->month;
}

bool is_calendar_month(const YamlNode& node) {
  return node.kind == YamlKind::kScalar && looks_like_calendar_month(node.text);
}

std::optional<int> read_calendar_month(const YamlNode& node, const std::string& key_path,
                                       std::optional<CalendarMonth> start, int first_month,
                                       int last_month, DiagnosticSink& sink, bool horizon_known) {
  std::string error;
  const auto number =
      calendar_month_number(node.text, start, first_month, last_month, error, horizon_known);
  if (!number) sink.error(node.mark, key_path, error);
  return number;
}

int last_plan_month(const model::ScenarioSpec& spec, bool horizon_known) {
  return horizon_known ? spec.horizon_months : kMaxHorizonMonths;
}

std::optional<int> read_plan_month(const YamlNode& node, const std::string& key_path,
                                   std::optional<CalendarMonth> start, int first_month,
                                   int last_month, DiagnosticSink& sink, bool horizon_known) {
  if (is_calendar_month(node)) {
    return read_calendar_month(node, key_path, start, first_month, last_month, sink, horizon_known);
  }
  // A word ('now', 'march', 'Q3'): the month is a number counted from the plan's start, which
  // 'expected a whole number' alone did not say.
  if (node.kind == YamlKind::kScalar && !node.quoted && !node.text.empty() &&
      std::isalpha(static_cast<unsigned char>(node.text.front()))) {
    sink.error(
        node.mark, key_path,
        fmt::format("expected the month's number, from {} to {} (1 is the plan's first "
                    "month), got '{}'{}",
                    first_month, last_month, node.text,
                    start ? fmt::format(", or a calendar month such as {}", iso_month(*start))
                          : "; a calendar month such as 2027-03 needs start_date: YYYY-MM "
                            "at the top level"));
    return std::nullopt;
  }
  const auto value = read_integer(node, key_path, sink, std::numeric_limits<std::int64_t>::min(),
                                  std::numeric_limits<std::int64_t>::max());
  if (!value) return std::nullopt;
  if (*value < first_month || *value > last_month) {
    // With horizon_months refused, the last month is not the horizon but the longest one.
    sink.error(node.mark, key_path,
               fmt::format("must be between {} and {} ({}), got {}", first_month, last_month,
                           horizon_known ? "horizon_months"
                                         : "the longest horizon; horizon_months is invalid",
                           *value));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

}  // namespace loader
}  // namespace teamsim::app
