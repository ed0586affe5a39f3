#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common/calendar_month.h"

// The commented starter scenario `teamsim init` writes (app/cli/commands/command_init.cc).

namespace teamsim::app {

/// A founder's answers; each one left unset keeps teamsim's default.
struct StarterAnswers {
  std::string name = "My sales plan";             ///< shown in reports
  std::optional<int> account_executives_today;    ///< AEs employed and ramped at day 0
  std::optional<double> inbound_leads_per_month;  ///< leads a month, all territories together
  std::optional<double> starting_cash;            ///< currency, in the bank at day 0
  std::optional<double> other_monthly_costs;      ///< currency a month spent outside the sales team
  std::optional<int> customers_today;             ///< paying customers at day 0
  std::optional<double> arr_today;    ///< currency a year, the customers_today's ARR (needs them)
  std::optional<int> horizon_months;  ///< months to simulate
  std::optional<CalendarMonth> start_date;  ///< the calendar month of month 1
  std::vector<int> ae_hire_months;  ///< a new AE searched for from each of these months (1-based)
};

/// The scenario as YAML: every key with a comment saying what it means and, for a default, its
/// value's source (models/defaults.cc and docs/scenario-reference.md); answered keys say so.
/// Numbers come from model::default_scenario() and model::default_role(), never written twice.
std::string starter_scenario_yaml(const StarterAnswers& answers);

}  // namespace teamsim::app
