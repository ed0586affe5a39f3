#include "app/scenario/customer_readers.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "app/scenario/distribution_syntax.h"
#include "app/scenario/key_readers.h"
#include "app/scenario/plan_calendar.h"
#include "app/scenario/scenario_limits.h"

namespace teamsim::app::loader {
namespace {

using model::ScenarioSpec;

// Reads a list of twelve non-negative multipliers, one per calendar month.
void read_twelve(ObjectReader& reader, std::string_view key, std::array<double, 12>& target) {
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return;
  const std::string path = reader.path_of(key);
  if (!node->is_sequence() || node->items.size() != 12) {
    reader.sink().error(node->mark, path,
                        "expected a list of 12 numbers, one per calendar month from January");
    return;
  }
  for (std::size_t i = 0; i < 12; ++i) {
    const std::string item_path = key_path_index(path, i);
    const auto value = read_number(node->items[i], item_path, reader.sink());
    if (value && check_range(*value, 0, kInf, node->items[i], item_path, reader.sink()) &&
        check_range(*value, 0, kMaxSeasonalMultiplier, node->items[i], item_path, reader.sink(),
                    " (ten times the average month at most)")) {
      target[i] = *value;
    }
  }
}

// The month at `key` (its `node`), from first_month to the horizon (the longest horizon when
// the scenario's was refused, which was reported already).
std::optional<int> read_month_at(ObjectReader& reader, const YamlNode& node, std::string_view key,
                                 const ScenarioSpec& spec, bool horizon_known, int first_month) {
  return read_plan_month(node, reader.path_of(key), start_date_of(spec), first_month,
                         last_plan_month(spec, horizon_known), reader.sink(), horizon_known);
}

// money.funding: rounds of {month, amount}, each month within the horizon.
void read_funding(const YamlNode& node, ScenarioSpec& spec, bool horizon_known,
                  DiagnosticSink& sink) {
  if (!is_list_or_null(node, "money.funding", sink)) return;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    ObjectReader reader(node.items[i], key_path_index("money.funding", i),
                        scenario_section("funding"), sink);
    if (!reader.valid()) continue;
    model::FundingSpec round;
    int month = 0;  // 0: absent or invalid (reported)
    if (const YamlNode* month_node = reader.require("month")) {
      month = read_month_at(reader, *month_node, "month", spec, horizon_known, 1).value_or(0);
    }
    if (reader.require("amount") != nullptr) read_money_key(reader, "amount", round.amount);
    reader.finish();
    if (month == 0) continue;
    round.month = month;
    spec.money.funding.push_back(round);
  }
}

// money.cost_schedule: steps of {from_month, other_monthly_costs}, months increasing from 2
// (month 1's level is money.other_monthly_costs itself).
void read_cost_schedule(const YamlNode& node, ScenarioSpec& spec, bool horizon_known,
                        DiagnosticSink& sink) {
  if (!is_list_or_null(node, "money.cost_schedule", sink)) return;
  int previous = 1;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    ObjectReader reader(node.items[i], key_path_index("money.cost_schedule", i),
                        scenario_section("cost_schedule"), sink);
    if (!reader.valid()) continue;
    model::CostStepSpec step;
    const YamlNode* month_node = reader.require("from_month");
    int month = 0;  // 0: absent or invalid (reported)
    if (month_node != nullptr) {
      month = read_month_at(reader, *month_node, "from_month", spec, horizon_known, 2).value_or(0);
    }
    if (reader.require("other_monthly_costs") != nullptr) {
      read_money_key(reader, "other_monthly_costs", step.other_monthly_costs);
    }
    reader.finish();
    if (month == 0) continue;
    if (month <= previous) {
      sink.error(month_node->mark, reader.path_of("from_month"),
                 fmt::format("must come after the previous step's month {}: list the steps in "
                             "the order they happen",
                             previous));
      continue;
    }
    previous = month;
    step.from_month = previous;
    spec.money.cost_schedule.push_back(step);
  }
}

}  // namespace

void read_money(const YamlNode& node, ScenarioSpec& spec, bool horizon_known,
                DiagnosticSink& sink) {
  ObjectReader reader(node, "money", scenario_section("money"), sink);
  if (const YamlNode* currency_node = reader.get("currency")) {
    const std::string path = reader.path_of("currency");
    if (const auto currency = read_text(*currency_node, path, sink)) {
      const bool valid =
          currency->size() == 3 && std::all_of(currency->begin(), currency->end(),
                                               [](char c) { return c >= 'A' && c <= 'Z'; });
      if (valid) {
        spec.money.currency = *currency;
      } else {
        sink.error(
            currency_node->mark, path,
            fmt::format("expected a three-letter currency code such as USD, got '{}'", *currency));
      }
    }
  }
  read_capped_key(reader, "starting_cash", -kMaxMoney, kMaxMoney, kMoneyNote,
                  spec.money.starting_cash);
  read_money_key(reader, "other_monthly_costs", spec.money.other_monthly_costs);
  if (const YamlNode* funding = reader.get("funding"))
    read_funding(*funding, spec, horizon_known, sink);
  if (const YamlNode* steps = reader.get("cost_schedule"))
    read_cost_schedule(*steps, spec, horizon_known, sink);
  reader.finish();
}

void read_customers(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  ObjectReader reader(node, "customers", scenario_section("customers"), sink);
  if (const auto initial = reader.integer("initial", 0, kMaxInitialCustomers)) {
    spec.customers.initial_customers = static_cast<int>(*initial);
  }
  read_distribution_key(reader, "initial_mrr", kMoney, spec.customers.initial_mrr);
  read_number_key(reader, "monthly_churn", 0, 1, spec.customers.monthly_churn);
  read_distribution_key(reader, "monthly_expansion", kRelativeChange,
                        spec.customers.monthly_expansion);
  read_number_key(reader, "annual_contract_share", 0, 1, spec.customers.annual_contract_share);
  read_number_key(reader, "annual_churn", 0, 1, spec.customers.annual_churn);
  read_choice(reader, "annual_billing", model::kAnnualBillings, spec.customers.annual_billing);
  read_factor_key(reader, "covered_churn_factor", spec.customers.covered_churn_factor);
  read_capped_key(reader, "covered_expansion_bonus", -1, kMaxMonthlyExpansion,
                  " (growth compounds every month and would overflow)",
                  spec.customers.covered_expansion_bonus);
  reader.finish();
}

void read_seasonality(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  ObjectReader reader(node, "seasonality", scenario_section("seasonality"), sink);
  read_twelve(reader, "leads", spec.seasonality.leads);
  read_twelve(reader, "closing", spec.seasonality.closing);
  const int from_start_date = spec.seasonality.start_month_of_year;
  read_int_key(reader, "start_month_of_year", 1, 12, spec.seasonality.start_month_of_year);
  // start_date says which calendar month comes first; a different start_month_of_year would
  // make the seasonality disagree with the months the outputs show.
  if (const auto start = start_date_of(spec);
      start && spec.seasonality.start_month_of_year != from_start_date) {
    sink.error(reader.get("start_month_of_year")->mark, reader.path_of("start_month_of_year"),
               fmt::format("is {} ({}), but start_date {} starts in {}: leave start_month_of_year "
                           "out (start_date sets it) or make the two agree",
                           spec.seasonality.start_month_of_year,
                           short_month_name(spec.seasonality.start_month_of_year),
                           iso_month(CalendarMonth{start->year, from_start_date}),
                           short_month_name(from_start_date)));
    spec.seasonality.start_month_of_year = from_start_date;
  }
  reader.finish();
}

}  // namespace teamsim::app::loader
