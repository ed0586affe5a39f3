#include "app/scenario/scenario_json.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "app/scenario/scenario_loader.h"
#include "models/defaults.h"

namespace teamsim::app {
namespace {

using nlohmann::ordered_json;
using sim::Distribution;

std::vector<std::string> keys_of(const ordered_json& json) {
  std::vector<std::string> keys;
  for (auto it = json.begin(); it != json.end(); ++it) keys.push_back(it.key());
  return keys;
}

model::ScenarioSpec load(std::string_view text) {
  LoadResult result = load_scenario_string(text, "s.yaml");
  EXPECT_TRUE(result.ok()) << format_diagnostics(result.diagnostics);
  return result.spec.value_or(model::ScenarioSpec{});
}

TEST(ScenarioJson, DistributionsAsDistAndParams) {
  EXPECT_EQ(distribution_to_json(Distribution::constant(3)).dump(),
            R"({"dist":"constant","params":{"value":3.0}})");
  EXPECT_EQ(distribution_to_json(Distribution::uniform(1, 2)).dump(),
            R"({"dist":"uniform","params":{"min":1.0,"max":2.0}})");
  EXPECT_EQ(distribution_to_json(Distribution::triangular(3, 4.5, 7)).dump(),
            R"({"dist":"triangular","params":{"min":3.0,"mode":4.5,"max":7.0}})");
  EXPECT_EQ(distribution_to_json(Distribution::normal(60, 20)).dump(),
            R"({"dist":"normal","params":{"mean":60.0,"sd":20.0}})");
  EXPECT_EQ(distribution_to_json(
                Distribution::truncated_normal(60, 20, 0, std::numeric_limits<double>::infinity()))
                .dump(),
            R"({"dist":"normal","params":{"mean":60.0,"sd":20.0,"min":0.0}})");
  EXPECT_EQ(distribution_to_json(Distribution::lognormal(1, 0.5)).dump(),
            R"({"dist":"lognormal","params":{"mu":1.0,"sigma":0.5}})");
  EXPECT_EQ(distribution_to_json(Distribution::gamma(2, 3)).dump(),
            R"({"dist":"gamma","params":{"shape":2.0,"scale":3.0}})");
  EXPECT_EQ(distribution_to_json(Distribution::beta(2, 8)).dump(),
            R"({"dist":"beta","params":{"alpha":2.0,"beta":8.0}})");
  EXPECT_EQ(distribution_to_json(Distribution::poisson(4)).dump(),
            R"({"dist":"poisson","params":{"mean":4.0}})");
  EXPECT_EQ(distribution_to_json(Distribution::empirical({1, 2})).dump(),
            R"({"dist":"empirical","params":{"values":[1.0,2.0]}})");
}

TEST(ScenarioJson, ResolvedScenarioUsesTheYamlKeysInAFixedOrder) {
  const model::ScenarioSpec spec = load(
      "name: Acme\nseed: 7\n"
      "territories: {north: {inbound_leads_per_month: 12}}\n"
      "starting_staff: [{role: account_executive, count: 2, territory: north}]\n"
      "hires: [{role: sales_manager, month: 3}]\n");
  const ordered_json json = scenario_to_json(spec);
  EXPECT_EQ(keys_of(json),
            (std::vector<std::string>{
                "name",        "description",    "horizon_months", "replications", "seed",
                "money",       "roles",          "hire_sources",   "founder",      "management",
                "territories", "starting_staff", "hires",          "hiring_rules", "pipeline",
                "products",    "channels",       "segments",       "seasonality",  "customers"}));
  EXPECT_EQ(json["name"], "Acme");
  EXPECT_EQ(json["seed"], 7u);
  EXPECT_EQ(keys_of(json["money"]),
            (std::vector<std::string>{"currency", "starting_cash", "other_monthly_costs"}));
  EXPECT_EQ(keys_of(json["roles"]),
            (std::vector<std::string>{"account_executive", "sales_manager", "assistant_manager",
                                      "customer_success", "sales_specialist", "sales_operations",
                                      "sales_enablement"}));
  EXPECT_EQ(keys_of(json["roles"]["account_executive"]),
            (std::vector<std::string>{
                "kind", "annual_salary", "time_to_fill_days", "onboarding_days", "ramp_months",
                "ramp_curve", "annual_attrition", "backfill", "backfill_delay_days",
                "backfill_source", "max_open_opportunities", "prospecting_leads_per_month",
                "hands_off_leads", "annual_quota", "on_target_earnings", "performance"}));
  EXPECT_FALSE(json["roles"]["sales_manager"].contains("max_open_opportunities"));
  EXPECT_EQ(json["roles"]["account_executive"]["onboarding_days"].dump(),
            R"({"dist":"constant","params":{"value":15.0}})");
  EXPECT_EQ(json["territories"].dump(),
            R"({"north":{"inbound_leads_per_month":12.0,"accounts":0,"cool_off_months":6.0,)"
            R"("win_rate_factor":1.0,"deal_size_factor":1.0}})");
  EXPECT_EQ(json["starting_staff"].dump(),
            R"([{"role":"account_executive","count":2,"territory":"north"}])");
  EXPECT_EQ(json["hires"].dump(),
            R"([{"role":"sales_manager","count":1,"month":3,"source":"experienced_external"}])");
  EXPECT_EQ(keys_of(json["pipeline"]),
            (std::vector<std::string>{
                "win_rate", "deal_size_acv", "sales_cycle_days", "complex_share",
                "specialist_help_days", "specialist_win_rate_factor", "unassisted_win_rate_factor",
                "unqualified_lead_share", "qualification_accuracy", "rebalance_every_months",
                "routing", "vacant_territory_leads", "warm_start"}));
  EXPECT_EQ(
      keys_of(json["customers"]),
      (std::vector<std::string>{"initial", "initial_mrr", "monthly_churn", "monthly_expansion",
                                "annual_contract_share", "annual_churn", "annual_billing",
                                "covered_churn_factor", "covered_expansion_bonus"}));
}

TEST(ScenarioJson, Fnv1a64KnownValues) {
  EXPECT_EQ(fnv1a_64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a_64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a_64("foobar"), 0x85944171f73967e8ULL);
}

TEST(ScenarioJson, HashIsSixteenHexDigitsOfTheCompactJson) {
  const model::ScenarioSpec spec = model::default_scenario();
  const std::string hash = scenario_hash(spec);
  ASSERT_EQ(hash.size(), 16u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
  char expected[17];
  std::snprintf(expected, sizeof expected, "%016llx",
                static_cast<unsigned long long>(fnv1a_64(scenario_to_json(spec).dump())));
  EXPECT_EQ(hash, expected);
}

TEST(ScenarioJson, HashDependsOnTheResolvedScenarioOnly) {
  // Same meaning, different spelling and key order: same hash.
  const std::string a = scenario_hash(
      load("name: x\nseed: 3\nroles: {account_executive: {annual_attrition: 35%}}\n"));
  const std::string b = scenario_hash(
      load("roles:\n  account_executive:\n    annual_attrition: 0.35\nseed: 3\nname: x\n"));
  EXPECT_EQ(a, b);
  // A different value: a different hash.
  EXPECT_NE(a, scenario_hash(load("name: x\nseed: 4\n")));
}

TEST(ScenarioJson, ATerritorysInitialCustomersAreWrittenOnlyWhenGiven) {
  // Without the key the territory is written as before it existed (the same hash as ever);
  // with it, the count follows the territory's other keys and customers.initial is their sum.
  const ordered_json spread = scenario_to_json(load("territories: {north: {}}\n"));
  EXPECT_FALSE(spread["territories"]["north"].contains("initial_customers"));
  const ordered_json placed =
      scenario_to_json(load("territories: {north: {initial_customers: 9}}\n"));
  EXPECT_EQ(placed["territories"]["north"]["initial_customers"], 9);
  EXPECT_EQ(placed["territories"]["north"].items().begin().key(), "inbound_leads_per_month");
  EXPECT_EQ(placed["customers"]["initial"], 9);
}

// The JSON Schema type of `value`: "object", "array", "string", "integer" or "number".
std::string json_type(const ordered_json& value) {
  if (value.is_object()) return "object";
  if (value.is_array()) return "array";
  if (value.is_string()) return "string";
  if (value.is_number_integer()) return "integer";
  return value.is_number() ? "number" : "other";
}

TEST(ScenarioJson, TheSchemaSaysEveryTopLevelKeyWithItsTypeAndWhichAreAlwaysWritten) {
  // summary.json's resolved_scenario was only "an object": a missing section passed.
  const ordered_json schema = scenario_json_schema();
  EXPECT_EQ(schema["additionalProperties"], false);
  // Every key written for a scenario with a start_date and a number drawn per replication, in
  // the writer's order, with the type the schema gives it.
  const ordered_json full = scenario_to_json(
      load("start_date: 2027-01\ncustomers: {initial: {dist: poisson, mean: 10, per: "
           "replication}}\n"));
  EXPECT_EQ(keys_of(full), keys_of(schema["properties"]));
  for (const auto& item : full.items()) {
    const ordered_json& property = schema["properties"][item.key()];
    if (property.contains("type")) {
      EXPECT_EQ(json_type(item.value()), property["type"]) << item.key();
    }
  }
  EXPECT_EQ(full["replication_inputs"][0].dump(),
            R"({"key":"customers.initial","dist":"poisson","params":{"mean":10.0},)"
            R"("per":"replication"})");
  // Without them, start_date and replication_inputs are left out: the rest are required.
  EXPECT_EQ(schema["required"],
            ordered_json({"name",     "description",  "horizon_months", "replications",
                          "seed",     "money",        "roles",          "hire_sources",
                          "founder",  "management",   "territories",    "starting_staff",
                          "hires",    "hiring_rules", "pipeline",       "products",
                          "channels", "segments",     "seasonality",    "customers"}));
  EXPECT_EQ(keys_of(scenario_to_json(model::default_scenario())),
            schema["required"].get<std::vector<std::string>>());
  const ordered_json& input = schema["properties"]["replication_inputs"]["items"];
  EXPECT_EQ(input["required"], ordered_json({"key", "dist", "params", "per"}));
  EXPECT_EQ(input["properties"]["per"]["const"], "replication");
  EXPECT_EQ(input["properties"]["dist"]["enum"].size(), 9u);  // the nine families, constant too
}

}  // namespace
}  // namespace teamsim::app
