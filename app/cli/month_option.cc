#include "app/cli/month_option.h"

#include <fmt/format.h>

#include <charconv>
#include <system_error>

#include "app/common/calendar_month.h"
#include "app/common/errors.h"
#include "app/scenario/plan_calendar.h"

namespace teamsim::app {

std::optional<int> parse_month_number(std::string_view text) {
  int number = 0;
  const char* end = text.data() + text.size();
  const auto [stop, problem] = std::from_chars(text.data(), end, number);
  if (text.empty() || problem != std::errc() || stop != end) return std::nullopt;
  return number;
}

std::optional<int> month_option(const std::optional<std::string>& text,
                                const model::ScenarioSpec& spec, std::string_view option) {
  if (!text) return std::nullopt;
  if (looks_like_calendar_month(*text)) {
    std::string error;
    const auto number =
        calendar_month_number(*text, start_date_of(spec), 1, spec.horizon_months, error);
    if (!number) throw UsageError(fmt::format("{} {}: {}", option, *text, error));
    return number;
  }
  const std::optional<int> number = parse_month_number(*text);
  if (!number) {
    throw UsageError(fmt::format(
        "{} {}: not a month; give its number (1 = the first){}", option, *text,
        start_date_of(spec) ? " or a calendar month such as " + month_names_of(spec).iso(1) : ""));
  }
  return number;
}

}  // namespace teamsim::app
