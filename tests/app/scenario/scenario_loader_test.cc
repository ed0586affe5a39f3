#include "app/scenario/scenario_loader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

#include "app/scenario/scenario_resolver.h"
#include "models/defaults.h"

namespace teamsim::app {
namespace {

using Errors = std::vector<std::string>;
using sim::Distribution;

Errors errors_of(std::string_view text) {
  const LoadResult result = load_scenario_string(text, "s.yaml");
  EXPECT_FALSE(result.ok());
  EXPECT_FALSE(result.spec.has_value());
  Errors out;
  for (const Diagnostic& d : result.diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

model::ScenarioSpec load_ok(std::string_view text, const std::string& file_name = "s.yaml") {
  LoadResult result = load_scenario_string(text, file_name);
  EXPECT_TRUE(result.ok()) << format_diagnostics(result.diagnostics);
  return result.spec.value_or(model::ScenarioSpec{});
}

template <class T>
const T& params_of(const Distribution& distribution) {
  return std::get<T>(distribution.params());
}

TEST(ScenarioLoader, MinimalScenarioTakesTheDefaults) {
  const model::ScenarioSpec spec = load_ok(
      "name: Minimal\n"
      "horizon_months: 24\n"
      "hires:\n"
      "  - {role: account_executive, month: 1}\n"
      "  - {role: sales_manager, month: 2}\n");
  const model::ScenarioSpec defaults = model::default_scenario();
  EXPECT_EQ(spec.name, "Minimal");
  EXPECT_EQ(spec.horizon_months, 24);
  EXPECT_EQ(spec.replications, defaults.replications);
  EXPECT_EQ(spec.seed, defaults.seed);
  ASSERT_EQ(spec.roles.size(), 7u);  // one built-in role per kind
  EXPECT_EQ(spec.roles[0].name, "account_executive");
  EXPECT_EQ(spec.roles[0].annual_salary, 80'000);
  EXPECT_EQ(spec.roles[0].annual_attrition, 0.35);
  EXPECT_EQ(spec.roles[0].max_open_opportunities, 40);
  EXPECT_EQ(spec.roles[1].name, "sales_manager");
  EXPECT_EQ(spec.roles[1].annual_salary, 150'000);
  ASSERT_EQ(spec.territories.size(), 1u);
  EXPECT_EQ(spec.territories[0].name, "all");
  EXPECT_EQ(spec.territories[0].inbound_leads_per_month, 20);
  ASSERT_EQ(spec.hires.size(), 2u);
  EXPECT_EQ(spec.hires[1].role, "sales_manager");
  EXPECT_EQ(spec.hires[1].month, 2);
  EXPECT_EQ(spec.hires[1].count, 1);
  EXPECT_EQ(spec.hires[1].territory, "");
  EXPECT_EQ(spec.money.starting_cash, 2'000'000);
  EXPECT_EQ(spec.money.other_monthly_costs, 30'000);
  EXPECT_EQ(spec.money.currency, "USD");
  EXPECT_EQ(spec.customers.monthly_churn, 0.01);
  EXPECT_EQ(spec.customers.initial_customers, 0);
}

TEST(ScenarioLoader, NameDefaultsToTheFileStem) {
  EXPECT_EQ(load_ok("horizon_months: 12\n", "plans/acme-2025.yaml").name, "acme-2025");
}

TEST(ScenarioLoader, FullScenario) {
  const model::ScenarioSpec spec = load_ok(R"(
name: "Acme"
description: "Two territories, a manager first"
horizon_months: 36
replications: 2000
seed: 18446744073709551615
money: {currency: EUR, starting_cash: 3_000_000, other_monthly_costs: 45_000}
roles:
  account_executive:
    annual_salary: 90_000
    time_to_fill_days: {dist: lognormal, median: 45, p90: 90}
    onboarding_days: 10
    ramp_months: {dist: triangular, min: 3, mode: 4.5, max: 7}
    annual_attrition: 30%
    backfill: false
    backfill_delay_days: {dist: uniform, min: 7, max: 21}
    max_open_opportunities: 30
    prospecting_leads_per_month: 5
  sdr:
    kind: account_executive
    annual_salary: 55_000
    ramp_months: 2
  sales_manager:
    time_to_fill_days: {dist: gamma, mean: 60, sd: 20}
territories:
  north: {inbound_leads_per_month: 12}
  south: {inbound_leads_per_month: 8}
starting_staff:
  - {role: account_executive, count: 2, territory: north}
hires:
  - {role: sales_manager, month: 1}
  - {role: sdr, count: 2, month: 3, territory: south}
pipeline:
  win_rate: {dist: beta, mean: 0.25, sd: 0.05}
  deal_size_acv: {dist: lognormal, median: 15000, p90: 40000}
  sales_cycle_days: {dist: normal, median: 60, p90: 100, min: 5}
customers:
  initial: 10
  initial_mrr: {dist: empirical, values: [500, 1_000, 2_500]}
  monthly_churn: 2%
  monthly_expansion: {dist: normal, mean: 0.005, sd: 0.01, min: -1}
)");
  EXPECT_EQ(spec.name, "Acme");
  EXPECT_EQ(spec.description, "Two territories, a manager first");
  EXPECT_EQ(spec.replications, 2000);
  EXPECT_EQ(spec.seed, 18446744073709551615ULL);
  EXPECT_EQ(spec.money.currency, "EUR");
  EXPECT_EQ(spec.money.starting_cash, 3'000'000);
  ASSERT_EQ(spec.roles.size(), 8u);
  const model::RoleSpec& ae = spec.roles[0];
  EXPECT_EQ(ae.annual_salary, 90'000);
  EXPECT_DOUBLE_EQ(ae.annual_attrition, 0.30);
  EXPECT_FALSE(ae.backfill);
  EXPECT_EQ(ae.max_open_opportunities, 30);
  EXPECT_EQ(ae.prospecting_leads_per_month, 5);
  EXPECT_EQ(params_of<Distribution::Constant>(ae.onboarding_days).value, 10);
  EXPECT_EQ(params_of<Distribution::Triangular>(ae.ramp_months).mode, 4.5);
  EXPECT_EQ(params_of<Distribution::Uniform>(ae.backfill_delay_days).max, 21);
  EXPECT_TRUE(
      std::holds_alternative<Distribution::Gamma>(spec.roles[1].time_to_fill_days.params()));
  const model::RoleSpec& sdr = spec.roles[7];
  EXPECT_EQ(sdr.name, "sdr");
  EXPECT_EQ(sdr.kind, model::RoleKind::kAccountExecutive);
  EXPECT_EQ(sdr.annual_salary, 55'000);
  EXPECT_EQ(sdr.annual_attrition, 0.35);  // from the account executive defaults
  ASSERT_EQ(spec.territories.size(), 2u);
  EXPECT_EQ(spec.territories[1].name, "south");
  EXPECT_EQ(spec.territories[1].inbound_leads_per_month, 8);
  ASSERT_EQ(spec.starting_staff.size(), 1u);
  EXPECT_EQ(spec.starting_staff[0].count, 2);
  EXPECT_EQ(spec.starting_staff[0].territory, "north");
  ASSERT_EQ(spec.hires.size(), 2u);
  EXPECT_EQ(spec.hires[1].role, "sdr");
  EXPECT_EQ(spec.hires[1].count, 2);
  EXPECT_EQ(spec.hires[1].month, 3);
  EXPECT_EQ(spec.hires[1].territory, "south");
  const auto& cycle = params_of<Distribution::TruncatedNormal>(spec.pipeline.sales_cycle_days);
  EXPECT_EQ(cycle.mean, 60);
  EXPECT_EQ(cycle.min, 5);
  EXPECT_NEAR(spec.pipeline.win_rate.mean(), 0.25, 1e-9);
  EXPECT_EQ(spec.customers.initial_customers, 10);
  EXPECT_EQ(params_of<Distribution::Empirical>(spec.customers.initial_mrr).values,
            (std::vector<double>{500, 1000, 2500}));
  EXPECT_DOUBLE_EQ(spec.customers.monthly_churn, 0.02);
}

TEST(ScenarioLoader, EveryDistributionForm) {
  const model::ScenarioSpec spec = load_ok(R"(
roles:
  r1: {kind: account_executive, time_to_fill_days: {dist: constant, value: 3}}
  r2: {kind: account_executive, time_to_fill_days: {dist: uniform, p5: 10, p95: 20}}
  r3: {kind: account_executive, time_to_fill_days: {dist: normal, mean: 30, sd: 5, min: 0}}
  r4: {kind: account_executive, time_to_fill_days: {dist: normal, p5: 20, p95: 40, min: 0, max: 90}}
  r5: {kind: account_executive, time_to_fill_days: {dist: lognormal, mean: 40, sd: 10}}
  r6: {kind: account_executive, time_to_fill_days: {dist: lognormal, p5: 20, p95: 80}}
  r7: {kind: account_executive, time_to_fill_days: {dist: gamma, shape: 2, scale: 10}}
  r8: {kind: account_executive, time_to_fill_days: {dist: gamma, median: 30, p90: 60}}
  r9: {kind: account_executive, time_to_fill_days: {dist: poisson, mean: 30}}
  r10: {kind: sales_manager, time_to_fill_days: {dist: empirical, values: [10, 20]}}
pipeline:
  win_rate: {dist: beta, alpha: 2, beta: 8}
customers:
  monthly_expansion: {dist: beta, p5: 0.01, p95: 0.1}
)");
  ASSERT_EQ(spec.roles.size(), 17u);  // the seven built-in roles, then r1 .. r10
  EXPECT_EQ(params_of<Distribution::Constant>(spec.roles[7].time_to_fill_days).value, 3);
  EXPECT_TRUE(
      std::holds_alternative<Distribution::Uniform>(spec.roles[8].time_to_fill_days.params()));
  EXPECT_EQ(params_of<Distribution::TruncatedNormal>(spec.roles[9].time_to_fill_days).min, 0);
  EXPECT_EQ(params_of<Distribution::TruncatedNormal>(spec.roles[10].time_to_fill_days).max, 90);
  EXPECT_TRUE(
      std::holds_alternative<Distribution::Poisson>(spec.roles[15].time_to_fill_days.params()));
  EXPECT_EQ(spec.roles[16].kind, model::RoleKind::kSalesManager);
  EXPECT_EQ(params_of<Distribution::Beta>(spec.pipeline.win_rate).alpha, 2);
}

TEST(ScenarioLoader, UnknownKeysSuggestTheClosestOne) {
  EXPECT_EQ(errors_of("horizon_month: 24\n"),
            Errors{"s.yaml:1:1: unknown key 'horizon_month'; did you mean 'horizon_months'?"});
  EXPECT_EQ(errors_of("pipeline:\n  winrate: 0.2\n"),
            Errors{"s.yaml:2:3: pipeline: unknown key 'winrate'; did you mean 'win_rate'?"});
  EXPECT_EQ(errors_of("customers: {churn_per_month: 1%}\n"),
            Errors{"s.yaml:1:13: customers: unknown key 'churn_per_month'; expected one of: "
                   "initial, initial_mrr, monthly_churn, monthly_expansion, "
                   "annual_contract_share, annual_churn, annual_billing, covered_churn_factor, "
                   "covered_expansion_bonus"});
}

TEST(ScenarioLoader, WrongTypes) {
  EXPECT_EQ(errors_of("horizon_months: [1]\n"),
            Errors{"s.yaml:1:17: horizon_months: expected a whole number, got a list"});
  EXPECT_EQ(errors_of("money: 5\n"), Errors{"s.yaml:1:8: money: expected a map, got '5'"});
  EXPECT_EQ(errors_of("hires: {role: x}\n"),
            Errors{"s.yaml:1:8: hires: expected a list, got a map; its keys are those of one item, "
                   "and a list holds each item after '- ' (- role: ..., its other keys lined up "
                   "with role) or inside [ ] ([{role: ...}])"});
  EXPECT_EQ(errors_of("name: {a: 1}\n"), Errors{"s.yaml:1:7: name: expected text, got a map"});
  EXPECT_EQ(errors_of("pipeline: {win_rate: [0.2]}\n"),
            Errors{"s.yaml:1:22: pipeline.win_rate: expected a number or a distribution map "
                   "{dist: ...}, got a list"});
  EXPECT_EQ(errors_of("roles: {sales_manager: {annual_salary: \"150000\"}}\n"),
            Errors{"s.yaml:1:40: roles.sales_manager.annual_salary: expected a number, got a "
                   "quoted string \"150000\"; remove the quotes"});
}

TEST(ScenarioLoader, ABadRoutingNamesItsPlaceAndKey) {
  EXPECT_EQ(errors_of("pipeline:\n  routing: ramped_frist\n"),
            Errors{"s.yaml:2:12: pipeline.routing: unknown value 'ramped_frist'; did you mean "
                   "'ramped_first'?"});
}

TEST(ScenarioLoader, ANonBooleanWarmStartNamesItsPlaceAndKey) {
  EXPECT_EQ(errors_of("pipeline:\n  warm_start: 2\n"),
            Errors{"s.yaml:2:15: pipeline.warm_start: expected true or false, got '2'"});
  EXPECT_EQ(errors_of("pipeline: {warm_start: yes}\n"),
            Errors{"s.yaml:1:24: pipeline.warm_start: 'yes' is not accepted as a boolean; write "
                   "true or false"});
}

TEST(ScenarioLoader, StrictScalars) {
  EXPECT_EQ(errors_of("horizon_months: 010\n"),
            Errors{"s.yaml:1:17: horizon_months: ambiguous: YAML 1.1 reads 010 as octal 8; "
                   "write 10"});
  EXPECT_EQ(errors_of("money: {starting_cash: .inf}\n"),
            Errors{"s.yaml:1:24: money.starting_cash: must be a finite number, got '.inf'"});
  EXPECT_EQ(errors_of("money: {starting_cash: 0x10}\n"),
            Errors{"s.yaml:1:24: money.starting_cash: hexadecimal, octal and binary numbers are "
                   "not supported; write '0x10' as a decimal number"});
  EXPECT_EQ(errors_of("seed: \"42\"\n"),
            Errors{"s.yaml:1:7: seed: expected a whole number, got a quoted string \"42\"; "
                   "remove the quotes"});
  EXPECT_EQ(errors_of("roles:\n  account_executive:\n    backfill: yes\n"),
            Errors{"s.yaml:3:15: roles.account_executive.backfill: 'yes' is not accepted as a "
                   "boolean; write true or false"});
  EXPECT_EQ(errors_of("roles:\n  account_executive:\n    backfill: off\n"),
            Errors{"s.yaml:3:15: roles.account_executive.backfill: 'off' is not accepted as a "
                   "boolean; write true or false"});
}

TEST(ScenarioLoader, AMonthOutOfRangeWithTheHorizonRefusedIsSaidAgainstTheLongestHorizon) {
  // "must be between 1 and 600 (horizon_months)" read as if the plan ran 600 months.
  EXPECT_EQ(errors_of("horizon_months: \"24\"\n"
                      "hires:\n"
                      "  - {role: account_executive, month: 0}\n"),
            (Errors{"s.yaml:1:17: horizon_months: expected a whole number, got a quoted string "
                    "\"24\"; remove the quotes",
                    "s.yaml:3:38: hires[0].month: must be between 1 and 600 (the longest horizon; "
                    "horizon_months is invalid), got 0"}));
  // The same for a funding round's month (which was checked against the default horizon, 36)
  // and an expectation's (against a million).
  EXPECT_EQ(errors_of("horizon_months: \"48\"\n"
                      "money: {funding: [{month: 40, amount: 1000}]}\n"
                      "expect:\n"
                      "  - {metric: arr, month: 0, stat: p50, op: \">\", value: 1}\n"),
            (Errors{"s.yaml:1:17: horizon_months: expected a whole number, got a quoted string "
                    "\"48\"; remove the quotes",
                    "s.yaml:4:26: expect[0].month: must be between 1 and 600 (the longest "
                    "horizon; horizon_months is invalid), got 0"}));
}

TEST(ScenarioLoader, PercentagesAndUnderscores) {
  const model::ScenarioSpec spec = load_ok(
      "money: {starting_cash: 1_500_000}\n"
      "roles: {account_executive: {annual_attrition: 35%}}\n"
      "customers: {monthly_churn: 0.5%}\n");
  EXPECT_EQ(spec.money.starting_cash, 1'500'000);
  EXPECT_DOUBLE_EQ(spec.roles[0].annual_attrition, 0.35);
  EXPECT_DOUBLE_EQ(spec.customers.monthly_churn, 0.005);
}

TEST(ScenarioLoader, IntegerRanges) {
  EXPECT_EQ(errors_of("horizon_months: 0\n"),
            Errors{"s.yaml:1:17: horizon_months: must be between 1 and 600, got 0"});
  EXPECT_EQ(errors_of("horizon_months: 601\n"),
            Errors{"s.yaml:1:17: horizon_months: must be between 1 and 600, got 601"});
  EXPECT_EQ(errors_of("replications: 2.5\n"),
            Errors{"s.yaml:1:15: replications: must be a whole number, got 2.5"});
  EXPECT_EQ(errors_of("replications: 1_000_001\n"),
            Errors{"s.yaml:1:15: replications: must be between 1 and 1000000, got 1_000_001"});
  EXPECT_EQ(errors_of("seed: -1\n"),
            Errors{"s.yaml:1:7: seed: must be between 0 and 18446744073709551615, got -1"});
  EXPECT_EQ(errors_of("seed: 18446744073709551616\n"),
            Errors{"s.yaml:1:7: seed: must be between 0 and 18446744073709551615, got "
                   "18446744073709551616"});
  EXPECT_EQ(load_ok("seed: 0\n").seed, 0u);
}

TEST(ScenarioLoader, CountsAndProbabilities) {
  EXPECT_EQ(errors_of("hires:\n  - {role: account_executive, month: 1, count: -1}\n"),
            Errors{"s.yaml:2:48: hires[0].count: must be between 0 and 100000, got -1"});
  EXPECT_EQ(errors_of("starting_staff:\n  - {role: account_executive, count: -2}\n"),
            Errors{"s.yaml:2:38: starting_staff[0].count: must be between 0 and 100000, got -2"});
  EXPECT_EQ(errors_of("customers: {initial: -3}\n"),
            Errors{"s.yaml:1:22: customers.initial: must be between 0 and 1000000, got -3"});
  EXPECT_EQ(errors_of("customers: {monthly_churn: 1.5}\n"),
            Errors{"s.yaml:1:28: customers.monthly_churn: must be between 0 and 1, got 1.5"});
  EXPECT_EQ(errors_of("customers: {monthly_churn: -1%}\n"),
            Errors{"s.yaml:1:28: customers.monthly_churn: must be between 0 and 1, got -0.01"});
  EXPECT_EQ(errors_of("roles: {account_executive: {annual_attrition: 100%}}\n"),
            Errors{"s.yaml:1:47: roles.account_executive.annual_attrition: must be less than 1 "
                   "(at 1 everyone would leave at once), got 1"});
  EXPECT_EQ(errors_of("roles: {account_executive: {annual_attrition: -0.1}}\n"),
            Errors{"s.yaml:1:47: roles.account_executive.annual_attrition: must be at least 0, "
                   "got -0.1"});
  EXPECT_EQ(errors_of("roles: {sales_manager: {annual_salary: -1}}\n"),
            Errors{"s.yaml:1:40: roles.sales_manager.annual_salary: must be at least 0, got -1"});
  EXPECT_EQ(errors_of("territories: {north: {inbound_leads_per_month: -4}}\n"),
            Errors{"s.yaml:1:48: territories.north.inbound_leads_per_month: must be at least 0, "
                   "got -4"});
  EXPECT_EQ(errors_of("money: {other_monthly_costs: -5}\n"),
            Errors{"s.yaml:1:30: money.other_monthly_costs: must be at least 0, got -5"});
  EXPECT_EQ(errors_of("money: {currency: usd}\n"),
            Errors{"s.yaml:1:19: money.currency: expected a three-letter currency code such as "
                   "USD, got 'usd'"});
}

TEST(ScenarioLoader, HireMonthWithinTheHorizon) {
  EXPECT_EQ(
      errors_of("horizon_months: 24\nhires:\n  - {role: sales_manager, month: 25}\n"),
      Errors{"s.yaml:3:34: hires[0].month: must be between 1 and 24 (horizon_months), got 25"});
  EXPECT_EQ(
      errors_of("hires:\n  - {role: sales_manager, month: 0}\n"),
      Errors{"s.yaml:2:34: hires[0].month: must be between 1 and 36 (horizon_months), got 0"});
  EXPECT_EQ(
      load_ok("horizon_months: 24\nhires:\n  - {role: sales_manager, month: 24}\n").hires[0].month,
      24);
}

TEST(ScenarioLoader, MistakesPeopleMakeGetTheFix) {
  const std::string plain =
      " (a plain number: no currency sign, thousands commas or k/M suffix; '_' may group digits)";
  EXPECT_EQ(errors_of("money:\n  starting_cash: $1,500,000\n  other_monthly_costs: 90k\n"),
            (Errors{"s.yaml:2:18: money.starting_cash: expected a number, got '$1,500,000'; write "
                    "1_500_000" +
                        plain,
                    "s.yaml:3:24: money.other_monthly_costs: expected a number, got '90k'; write "
                    "90_000" +
                        plain}));
  EXPECT_EQ(errors_of("money: {starting_cash: 1.5M}\n"),
            Errors{"s.yaml:1:24: money.starting_cash: expected a number, got '1.5M'; write "
                   "1_500_000" +
                   plain});
  EXPECT_EQ(errors_of("expect:\n  - {metric: arr, month: last, stat: p50, op: >=, value: 1}\n"),
            Errors{"s.yaml:2:47: invalid YAML: unknown token; a bare > or < is YAML syntax: quote "
                   "a comparison, e.g. op: \">=\""});
  EXPECT_EQ(errors_of("hiring: []\n"),
            Errors{"s.yaml:1:1: unknown key 'hiring'; did you mean 'hiring_rules' or 'hires'?"});
  EXPECT_EQ(errors_of("hires:\n  - {role: sales_mgr, month: 1}\n"),
            Errors{"s.yaml:2:12: hires[0].role: unknown role 'sales_mgr'; did you mean "
                   "'sales_manager'?"});
}

TEST(ScenarioLoader, FundingAndCostStepsAreCheckedWhereWritten) {
  EXPECT_EQ(errors_of("horizon_months: 12\nmoney:\n"
                      "  funding: [{month: 13, amount: 1}, {amount: 5}]\n"
                      "  cost_schedule: [{from_month: 5, other_monthly_costs: 1}, {from_month: 3, "
                      "other_monthly_costs: 2}, {from_month: 1, other_monthly_costs: 2}]\n"),
            (Errors{"s.yaml:3:21: money.funding[0].month: must be between 1 and 12 "
                    "(horizon_months), got 13",
                    "s.yaml:3:37: money.funding[1]: missing required key 'month'",
                    "s.yaml:4:73: money.cost_schedule[1].from_month: must come after the previous "
                    "step's month 5: list the steps in the order they happen",
                    "s.yaml:4:114: money.cost_schedule[2].from_month: must be between 2 and 12 "
                    "(horizon_months), got 1"}));
  const model::ScenarioSpec spec = load_ok(
      "money: {funding: [{month: 9, amount: 3_000_000}], cost_schedule: [{from_month: 10, "
      "other_monthly_costs: 70_000}]}\n");
  ASSERT_EQ(spec.money.funding.size(), 1u);
  EXPECT_EQ(spec.money.funding[0].month, 9);
  EXPECT_EQ(spec.money.funding[0].amount, 3'000'000);
  ASSERT_EQ(spec.money.cost_schedule.size(), 1u);
  EXPECT_EQ(spec.money.cost_schedule[0].from_month, 10);
  EXPECT_EQ(spec.money.cost_schedule[0].other_monthly_costs, 70'000);
}

TEST(ScenarioLoader, MissingRequiredKeys) {
  EXPECT_EQ(errors_of("hires:\n  - {role: sales_manager}\n  - {month: 2}\n"),
            (Errors{"s.yaml:2:5: hires[0]: missing required key 'month'",
                    "s.yaml:3:5: hires[1]: missing required key 'role'"}));
  EXPECT_EQ(errors_of("starting_staff:\n  - count: 2\n"),
            Errors{"s.yaml:2:5: starting_staff[0]: missing required key 'role'"});
  EXPECT_EQ(errors_of("roles:\n  sdr:\n    annual_salary: 50_000\n"),
            Errors{"s.yaml:3:5: roles.sdr: missing required key 'kind'"});
  EXPECT_EQ(errors_of("roles:\n  sdr:\n"),
            Errors{"s.yaml:2:3: roles.sdr: missing required key 'kind'"});
}

TEST(ScenarioLoader, RoleKinds) {
  EXPECT_EQ(errors_of("roles: {sdr: {kind: acount_executive}}\n"),
            Errors{"s.yaml:1:21: roles.sdr.kind: unknown role kind 'acount_executive'; did you "
                   "mean 'account_executive'?"});
  EXPECT_EQ(errors_of("roles: {sales_manager: {kind: account_executive}}\n"),
            Errors{"s.yaml:1:31: roles.sales_manager.kind: the built-in role 'sales_manager' is "
                   "of kind sales_manager; give a role of kind account_executive another name"});
  EXPECT_EQ(errors_of("roles: {sales_manager: {max_open_opportunities: 5}}\n"),
            Errors{"s.yaml:1:49: roles.sales_manager.max_open_opportunities: applies only to "
                   "roles of kind account_executive, and this role is of kind sales_manager"});
  EXPECT_EQ(load_ok("roles: {account_executive: {kind: account_executive}}\n").roles.size(), 7u);
}

TEST(ScenarioLoader, CrossReferences) {
  EXPECT_EQ(errors_of("hires:\n  - {role: acount_executive, month: 1}\n"),
            Errors{"s.yaml:2:12: hires[0].role: unknown role 'acount_executive'; did you mean "
                   "'account_executive'?"});
  EXPECT_EQ(errors_of("hires:\n  - {role: cfo, month: 1}\n"),
            Errors{"s.yaml:2:12: hires[0].role: unknown role 'cfo'; defined roles: "
                   "account_executive, sales_manager, assistant_manager, customer_success, "
                   "sales_specialist, sales_operations, sales_enablement; to hire a role of your "
                   "own, define it under roles: with one of those as its kind, e.g. roles: {cfo: "
                   "{kind: account_executive}}"});
  // 'sdr' said only the defined roles, none of which is an SDR: an AE-kind role of one's own that
  // hands its leads on, which the name does not teach.
  EXPECT_EQ(errors_of("hires:\n  - {role: sdr, month: 1}\n"),
            Errors{"s.yaml:2:12: hires[0].role: unknown role 'sdr'; defined roles: "
                   "account_executive, sales_manager, assistant_manager, customer_success, "
                   "sales_specialist, sales_operations, sales_enablement; an SDR is a role of "
                   "your own, an AE that prospects and hands its leads to the AEs: define it "
                   "under roles: {sdr: {kind: account_executive, hands_off_leads: true}}"});
  EXPECT_EQ(errors_of("territories: {north: {}, south: {}}\n"
                      "starting_staff:\n  - {role: account_executive, territory: nort}\n"),
            Errors{"s.yaml:3:42: starting_staff[0].territory: unknown territory 'nort'; did you "
                   "mean 'north'?"});
  EXPECT_EQ(errors_of("hires:\n  - {role: account_executive, month: 1, territory: east}\n"),
            Errors{"s.yaml:2:52: hires[0].territory: unknown territory 'east'; defined "
                   "territories: all"});
  // A user-defined role can be hired.
  EXPECT_EQ(load_ok("roles: {sdr: {kind: account_executive}}\nhires: [{role: sdr, month: 2}]\n")
                .hires[0]
                .role,
            "sdr");
}

TEST(ScenarioLoader, DistributionNamesAndParameterSets) {
  EXPECT_EQ(errors_of("pipeline:\n  sales_cycle_days: {dist: lognormla, median: 60, p90: 120}\n"),
            Errors{"s.yaml:2:28: pipeline.sales_cycle_days.dist: unknown distribution "
                   "'lognormla'; did you mean 'lognormal'?"});
  EXPECT_EQ(errors_of("pipeline:\n  sales_cycle_days: {dist: weibull, shape: 2}\n"),
            Errors{"s.yaml:2:28: pipeline.sales_cycle_days.dist: unknown distribution "
                   "'weibull'; expected one of: constant, uniform, triangular, normal, "
                   "lognormal, gamma, beta, poisson, empirical"});
  EXPECT_EQ(errors_of("pipeline:\n  sales_cycle_days: {median: 60, p90: 120}\n"),
            Errors{"s.yaml:2:21: pipeline.sales_cycle_days: missing required key 'dist'"});
  EXPECT_EQ(errors_of("pipeline:\n  sales_cycle_days: {dist: lognormal, median: 60}\n"),
            Errors{"s.yaml:2:21: pipeline.sales_cycle_days: lognormal takes exactly one of "
                   "{median, p90}, {mean, sd} or {p5, p95}; got {median}"});
  EXPECT_EQ(
      errors_of(
          "pipeline:\n  sales_cycle_days: {dist: gamma, mean: 60, sd: 9, shape: 2, scale: 3}\n"),
      Errors{"s.yaml:2:21: pipeline.sales_cycle_days: gamma takes exactly one of {shape, scale}, "
             "{mean, sd} or {median, p90}; got {shape, scale, mean, sd}"});
  EXPECT_EQ(errors_of("pipeline:\n  sales_cycle_days: {dist: normal, min: 0}\n"),
            Errors{"s.yaml:2:21: pipeline.sales_cycle_days: normal takes exactly one of {mean, "
                   "sd}, {median, p90} or {p5, p95} (each optionally with min and max); got no "
                   "parameters"});
  EXPECT_EQ(errors_of("pipeline:\n  sales_cycle_days: {dist: constant}\n"),
            Errors{"s.yaml:2:21: pipeline.sales_cycle_days: constant takes {value}; got no "
                   "parameters"});
  EXPECT_EQ(errors_of("pipeline:\n  sales_cycle_days: {dist: lognormal, median: 60, p09: 120}\n"),
            Errors{"s.yaml:2:51: pipeline.sales_cycle_days: unknown key 'p09'; did you mean "
                   "'p90'?"});
  EXPECT_EQ(errors_of("pipeline:\n  sales_cycle_days: {dist: uniform, min: 0, max: 9, mode: 3}\n"),
            Errors{"s.yaml:2:53: pipeline.sales_cycle_days: unknown key 'mode'; expected one of: "
                   "dist, min, max, p5, p95"});
}

TEST(ScenarioLoader, DistributionParameters) {
  EXPECT_EQ(errors_of("pipeline:\n  sales_cycle_days: {dist: lognormal, median: 60, p90: 30}\n"),
            Errors{"s.yaml:2:21: pipeline.sales_cycle_days: lognormal: p90 (30) must be greater "
                   "than the median (60)"});
  EXPECT_EQ(errors_of("pipeline:\n  sales_cycle_days: {dist: lognormal, median: \"60\", p90: x}\n"),
            (Errors{"s.yaml:2:47: pipeline.sales_cycle_days.median: expected a number, got a "
                    "quoted string \"60\"; remove the quotes",
                    "s.yaml:2:58: pipeline.sales_cycle_days.p90: expected a number, got 'x'"}));
  EXPECT_EQ(errors_of("pipeline:\n  sales_cycle_days: {dist: empirical, values: [30, x]}\n"),
            Errors{"s.yaml:2:52: pipeline.sales_cycle_days.values[1]: expected a number, got "
                   "'x'"});
  EXPECT_EQ(errors_of("pipeline:\n  sales_cycle_days: {dist: empirical, values: 30}\n"),
            Errors{"s.yaml:2:47: pipeline.sales_cycle_days.values: expected a list of numbers, "
                   "got '30'"});
}

TEST(ScenarioLoader, DistributionSupport) {
  EXPECT_EQ(errors_of("pipeline:\n  sales_cycle_days: {dist: normal, mean: 60, sd: 20}\n"),
            Errors{"s.yaml:2:21: pipeline.sales_cycle_days: normal can go below 0 here; add min: "
                   "0"});
  EXPECT_EQ(errors_of("pipeline:\n  deal_size_acv: {dist: uniform, min: -10, max: 50}\n"),
            Errors{"s.yaml:2:18: pipeline.deal_size_acv: uniform can go below 0 here (its "
                   "smallest possible value is -10)"});
  EXPECT_EQ(errors_of("pipeline:\n  deal_size_acv: -5\n"),
            Errors{"s.yaml:2:18: pipeline.deal_size_acv: must be at least 0, got -5"});
  EXPECT_EQ(errors_of("pipeline:\n  win_rate: 1.5\n"),
            Errors{"s.yaml:2:13: pipeline.win_rate: must be between 0 and 1, got 1.5"});
  EXPECT_EQ(errors_of("pipeline:\n  win_rate: {dist: constant, value: 120%}\n"),
            Errors{"s.yaml:2:13: pipeline.win_rate: must be between 0 and 1, got 1.2"});
  EXPECT_EQ(errors_of("pipeline:\n  win_rate: {dist: normal, mean: 0.2, sd: 0.05, min: 0}\n"),
            Errors{"s.yaml:2:13: pipeline.win_rate: normal can go above 1 here; add max: 1"});
  EXPECT_EQ(errors_of("pipeline:\n  win_rate: {dist: uniform, min: 0.1, max: 1.2}\n"),
            Errors{"s.yaml:2:13: pipeline.win_rate: uniform can go above 1 here (its largest "
                   "possible value is 1.2)"});
  EXPECT_EQ(errors_of("pipeline:\n  win_rate: {dist: lognormal, median: 0.2, p90: 0.3}\n"),
            Errors{"s.yaml:2:13: pipeline.win_rate: lognormal can go above 1 here (it has no "
                   "upper bound)"});
  // Expansion may shrink MRR by at most 100 %: a constant below -1 is an error, while a normal's
  // far tail is allowed (the model never lets MRR go below 0).
  EXPECT_EQ(errors_of("customers:\n  monthly_expansion: -150%\n"),
            Errors{"s.yaml:2:22: customers.monthly_expansion: must be at least -1, got -1.5"});
  load_ok("customers:\n  monthly_expansion: {dist: normal, mean: -0.6, sd: 0.2}\n");
  // Truncated into range, and a probability given as a beta: fine.
  load_ok(
      "pipeline:\n  win_rate: {dist: normal, mean: 0.2, sd: 0.05, min: 0, max: 1}\n"
      "  sales_cycle_days: {dist: normal, mean: 60, sd: 20, min: 0}\n");
}

TEST(ScenarioLoader, YamlProblemsComeFirstAndAlone) {
  EXPECT_EQ(errors_of("seed: 1\nseed: 2\nbogus: 1\n"),
            Errors{"s.yaml:2:1: duplicate key 'seed' (first written on line 1)"});
  EXPECT_EQ(errors_of("roles: [\n"),
            Errors{"s.yaml:2:1: invalid YAML: end of sequence flow not found"});
}

TEST(ScenarioLoader, EmptyOrNonMapScenario) {
  EXPECT_EQ(errors_of(""), Errors{"s.yaml:1:1: the scenario is empty; write a map of keys such as "
                                  "'horizon_months: 36'"});
  EXPECT_EQ(errors_of("- 1\n- 2\n"), Errors{"s.yaml:1:1: expected a map, got a list"});
}

TEST(ScenarioLoader, ReportsEveryProblemAtOnceInFileOrder) {
  EXPECT_EQ(errors_of(R"(horizon_month: 24
replications: 0
roles:
  account_executive:
    annual_attrition: 1.5
    backfill: no
hires:
  - {role: sales_manger, month: 2}
  - {role: account_executive, month: 99}
pipeline:
  win_rate: {dist: betta, mean: 0.2, sd: 0.05}
)"),
            (Errors{
                "s.yaml:1:1: unknown key 'horizon_month'; did you mean 'horizon_months'?",
                "s.yaml:2:15: replications: must be between 1 and 1000000, got 0",
                "s.yaml:5:23: roles.account_executive.annual_attrition: must be less than 1 (at "
                "1 everyone would leave at once), got 1.5",
                "s.yaml:6:15: roles.account_executive.backfill: 'no' is not accepted as a "
                "boolean; write true or false",
                "s.yaml:8:12: hires[0].role: unknown role 'sales_manger'; did you mean "
                "'sales_manager'?",
                "s.yaml:9:38: hires[1].month: must be between 1 and 36 (horizon_months), got 99",
                "s.yaml:11:20: pipeline.win_rate.dist: unknown distribution 'betta'; did you "
                "mean 'beta'?",
            }));
}

TEST(ScenarioLoader, AliasesMayShareValues) {
  const model::ScenarioSpec spec = load_ok(
      "pipeline:\n  sales_cycle_days: &cycle {dist: lognormal, median: 60, p90: 120}\n"
      "roles:\n  account_executive: {time_to_fill_days: *cycle}\n");
  EXPECT_EQ(spec.roles[0].time_to_fill_days.mean(), spec.pipeline.sales_cycle_days.mean());
}

TEST(ScenarioLoader, AKeyThatOnlyHoldsAnAnchorSaysWhereAnAnchorGoes) {
  // As docker-compose's x- keys allow: the key was refused with the list of 26 top-level keys,
  // which says nothing about where the shared value can go.
  EXPECT_EQ(errors_of("lead_defaults: &lead {inbound_leads_per_month: 12}\n"
                      "territories: {nord: *lead, sud: *lead}\n"),
            (Errors{"s.yaml:1:1: unknown key 'lead_defaults'; a key that only holds an anchor "
                    "(&lead) is not read: set the anchor where its value is first used, and "
                    "repeat the value with *lead (a: &lead {...}, then b: *lead)"}));
  // A close name is a misspelt key, anchored or not: its "did you mean" alone.
  EXPECT_EQ(errors_of("pipelin: &p {win_rate: 0.3}\n"),
            (Errors{"s.yaml:1:1: unknown key 'pipelin'; did you mean 'pipeline'?"}));
}

TEST(ScenarioLoader, HostileInputsAreRejectedWithoutCrashing) {
  std::string laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char name = 'b'; name <= 'k'; ++name) {
    laughs += std::string(1, name) + ": &" + name + " [";
    for (int k = 0; k < 10; ++k) laughs += std::string(k > 0 ? ", *" : "*") + char(name - 1);
    laughs += "]\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const Errors bomb = errors_of(laughs);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 1.0);
  ASSERT_EQ(bomb.size(), 1u);
  EXPECT_NE(bomb[0].find("alias expansion too large"), std::string::npos) << bomb[0];

  const Errors deep = errors_of("roles: " + std::string(10'000, '['));
  ASSERT_EQ(deep.size(), 1u);
  EXPECT_NE(deep[0].find("nesting deeper than 64 levels"), std::string::npos) << deep[0];
}

class ScenarioFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("teamsim_loader_test_" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    const std::filesystem::path path = dir_ / name;
    std::ofstream(path) << text;
    return path.string();
  }
  std::filesystem::path dir_;
};

TEST_F(ScenarioFileTest, LoadsAFileNamedAfterItsStem) {
  const LoadResult result = load_scenario_file(write("seed-round.yaml", "horizon_months: 12\n"));
  ASSERT_TRUE(result.ok()) << format_diagnostics(result.diagnostics);
  EXPECT_EQ(result.spec->name, "seed-round");
  EXPECT_EQ(result.spec->horizon_months, 12);
}

TEST_F(ScenarioFileTest, DiagnosticsNameThePath) {
  const std::string path = write("bad.yaml", "horizon_months: -3\n");
  const LoadResult result = load_scenario_file(path);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(result.diagnostics[0]),
            path + ":1:17: horizon_months: must be between 1 and 600, got -3");
}

TEST_F(ScenarioFileTest, MissingFile) {
  const std::string path = (dir_ / "nope.yaml").string();
  const LoadResult result = load_scenario_file(path);
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].line, 0);
  EXPECT_EQ(result.diagnostics[0].column, 0);
  EXPECT_EQ(format_diagnostic(result.diagnostics[0]),
            path + ": cannot read the file: No such file or directory");
}

TEST_F(ScenarioFileTest, DirectoryIsNotAFile) {
  const LoadResult result = load_scenario_file(dir_.string());
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(result.diagnostics[0]),
            dir_.string() + ": cannot read the file: Is a directory");
}

TEST_F(ScenarioFileTest, OversizedFile) {
  const std::string path = write("big.yaml", std::string(kMaxYamlBytes + 10, '#'));
  const LoadResult result = load_scenario_file(path);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(result.diagnostics[0]),
            path + ": the file is larger than 1 MiB (1048576 bytes), the limit for scenario files");
}

TEST(ScenarioExamples, EveryShippedScenarioLoadsCleanly) {
  const std::filesystem::path dir = std::filesystem::path(TEAMSIM_SOURCE_DIR) / "scenarios";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no scenarios/ yet";
  int loaded = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".yaml" && extension != ".yml")) continue;
    // Shipped scenarios may use extends and variants: check the base and every variant.
    const std::string path = entry.path().string();
    std::vector<std::string> variants = {""};
    for (const std::string& variant : scenario_variants(path)) variants.push_back(variant);
    for (const std::string& variant : variants) {
      const LoadResult result = resolve_scenario({path, variant, {}});
      EXPECT_TRUE(result.ok()) << format_diagnostics(result.diagnostics);
    }
    ++loaded;
  }
  if (loaded == 0) GTEST_SKIP() << "scenarios/ holds no YAML files yet";
}

}  // namespace
}  // namespace teamsim::app
