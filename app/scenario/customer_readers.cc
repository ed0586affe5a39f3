#include "app/scenario/customer_readers.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "app/scenario/distribution_syntax.h"
#include "app/scenario/key_readers.h"
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

}  // namespace

void read_money(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
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
  read_int_key(reader, "start_month_of_year", 1, 12, spec.seasonality.start_month_of_year);
  reader.finish();
}

}  // namespace teamsim::app::loader
