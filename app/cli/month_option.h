#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "models/scenario_spec.h"

// The --month options of run, sweep and sensitivity: a month number, or, for a scenario with a
// start_date, a calendar month as the scenario writes it (--month 2028-12).

namespace teamsim::app {

/// The whole number `text` is ("12"), or nullopt when it is anything else ("", "12x", "1.5").
std::optional<int> parse_month_number(std::string_view text);

/// The month `text` gives (nullopt when the option was not given): a whole number, left to the
/// metric choice to check against the horizon, or a calendar month of `spec`'s plan (1 =
/// start_date). Anything else, a date without start_date, and a date outside the plan throw
/// UsageError naming `option` and saying what to write.
std::optional<int> month_option(const std::optional<std::string>& text,
                                const model::ScenarioSpec& spec, std::string_view option);

}  // namespace teamsim::app
