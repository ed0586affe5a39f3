#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/common/calendar_month.h"
#include "app/scenario/yaml_reader.h"
#include "models/scenario_spec.h"

// A scenario's calendar: `start_date: 2027-01` names the first simulated month, and every month
// key of the plan (hires, hiring rules, funding, cost steps, expectations) may then be written as
// a calendar month (`month: 2027-03`) instead of its number. Outputs name the months from it.

namespace teamsim::app {

/// What the message of a calendar month in a plan without a start_date says, after the month:
/// a loader that has reported a start_date it could not read drops those messages, which would
/// tell the user to add the key they wrote.
inline constexpr std::string_view kNoStartDate =
    "is a calendar month, but the scenario has no "
    "start_date";

/// The calendar month of month 1, when the scenario gives start_date.
std::optional<CalendarMonth> start_date_of(const model::ScenarioSpec& spec);
/// How outputs name the scenario's months: M1, ... or Jan 2027, ...
MonthNames month_names_of(const model::ScenarioSpec& spec);

/// The number in the plan (1 = `start`, the scenario's start_date) of the calendar month
/// written `text` (2027-03). Nullopt with `error` saying why for a malformed date, no start
/// date, and a month outside first_month..last_month (naming the start date and the horizon).
/// With `horizon_known` false (horizon_months was refused) last_month is the longest horizon, and
/// the message names it as such: "... to at most 2076-12 (the longest horizon, 600 months;
/// horizon_months is invalid)".
std::optional<int> calendar_month_number(std::string_view text, std::optional<CalendarMonth> start,
                                         int first_month, int last_month, std::string& error,
                                         bool horizon_known = true);

namespace loader {

/// Reads the top-level `start_date` (YYYY-MM, or the first day of a month): sets spec.start_year
/// and the seasonality's start_month_of_year.
void read_start_date(const YamlNode& node, model::ScenarioSpec& spec, DiagnosticSink& sink);

/// Whether a month key's value is written as a calendar month (2027-03) rather than a number.
bool is_calendar_month(const YamlNode& node);

/// Reads a month key written as a calendar month: the number of that month in the plan (1 =
/// `start`, the scenario's start_date). No start date, a malformed date, and a month outside
/// first_month..last_month (before start_date, past the horizon) are reported, naming the
/// start date and the horizon's last month (the longest horizon's, said as such, when
/// `horizon_known` is false), and give nullopt.
std::optional<int> read_calendar_month(const YamlNode& node, const std::string& key_path,
                                       std::optional<CalendarMonth> start, int first_month,
                                       int last_month, DiagnosticSink& sink,
                                       bool horizon_known = true);

/// The last month a month key of the plan may name: the horizon when horizon_months was read
/// (`horizon_known`), else the longest horizon (kMaxHorizonMonths), the refusal being reported.
int last_plan_month(const model::ScenarioSpec& spec, bool horizon_known);

/// Reads a month key of the plan, a whole number or a calendar month, from first_month to
/// last_month (the horizon's last month). Every month key reads through here, so that each says
/// the same when out of range: "must be between 1 and 36 (horizon_months), got 40". With
/// `horizon_known` false (horizon_months was refused) last_month is the longest horizon, and a
/// month out of range says so: "must be between 1 and 600 (the longest horizon; horizon_months
/// is invalid), got 0", or for a calendar month "... to at most 2076-12 (the longest horizon, 600
/// months; horizon_months is invalid)".
std::optional<int> read_plan_month(const YamlNode& node, const std::string& key_path,
                                   std::optional<CalendarMonth> start, int first_month,
                                   int last_month, DiagnosticSink& sink, bool horizon_known = true);

}  // namespace loader
}  // namespace teamsim::app
