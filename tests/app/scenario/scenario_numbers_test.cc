#include "app/scenario/scenario_numbers.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "app/common/number_format.h"
#include "app/scenario/scenario_json.h"
#include "app/scenario/scenario_resolver.h"

namespace teamsim::app {
namespace {

const std::string kScenarioPath =
    std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/compare-manager-first.yaml";

std::map<std::string, ScenarioNumber> by_key(const std::vector<ScenarioNumber>& numbers) {
  std::map<std::string, ScenarioNumber> map;
  for (const ScenarioNumber& number : numbers) map.emplace(number.key_path, number);
  return map;
}

TEST(ScenarioNumbers, ValuesAreShownInTheirUnit) {
  EXPECT_EQ(format_in_unit(5625.000000000006, ValueUnit::kMoney, "$"), "$5,625");
  EXPECT_EQ(format_in_unit(40000, ValueUnit::kMoney, "$"), "$40k");
  EXPECT_EQ(format_in_unit(0.25, ValueUnit::kProbability, "$"), "25%");
  EXPECT_EQ(format_in_unit(0.30000000000000004, ValueUnit::kProbability, "$"), "30%");
  EXPECT_EQ(format_in_unit(0.024, ValueUnit::kPercent, "$"), "2.4%");
  EXPECT_EQ(format_in_unit(45, ValueUnit::kDays, "$"), "45 days");
  EXPECT_EQ(format_in_unit(1, ValueUnit::kDays, "$"), "1 day");
  EXPECT_EQ(format_in_unit(4.5, ValueUnit::kMonths, "$"), "4.5 months");
  EXPECT_EQ(format_in_unit(1.2, ValueUnit::kFactor, "$"), "×1.2");
  EXPECT_EQ(format_in_unit(24, ValueUnit::kRate, "$"), "24");
  EXPECT_EQ(format_in_unit(12, ValueUnit::kCount, "$"), "12");
  EXPECT_EQ(format_range_in_unit(30, 120, ValueUnit::kDays, "$"), "30 .. 120 days");
  EXPECT_EQ(format_range_in_unit(5625, 40000, ValueUnit::kMoney, "€"), "€5,625 .. €40k");
  EXPECT_EQ(format_range_in_unit(0.8, 1, ValueUnit::kProbability, ""), "80% .. 100%");
  for (const ValueUnit unit : {ValueUnit::kMoney, ValueUnit::kProbability, ValueUnit::kDays,
                               ValueUnit::kRate, ValueUnit::kFactor}) {
    EXPECT_EQ(unit_from_name(unit_name(unit)), unit);
  }
}

// The assumptions include defaults the file does not write (the AE's prospecting, its salary),
// each labelled in words with its entry; decisions (months and counts of hires), real
// distributions and the run's shape are not listed.
TEST(ScenarioNumbers, ListsTheResolvedScenariosAssumptionsWithTheirLabels) {
  const LoadResult loaded = resolve_scenario({kScenarioPath, "reps_first", {}});
  ASSERT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  const auto numbers = by_key(scenario_numbers(*loaded.spec));
  const ScenarioNumber& leads = numbers.at("territories.east.inbound_leads_per_month");
  EXPECT_EQ(leads.label, "Inbound leads a month (east)");
  EXPECT_EQ(leads.unit, ValueUnit::kRate);
  EXPECT_DOUBLE_EQ(leads.value, 20);
  EXPECT_FALSE(leads.whole);
  const ScenarioNumber& prospecting =
      numbers.at("roles.account_executive.prospecting_leads_per_month");
  EXPECT_EQ(prospecting.label, "Prospected leads a month (account_executive)");
  const ScenarioNumber& opportunities =
      numbers.at("roles.account_executive.max_open_opportunities");
  EXPECT_TRUE(opportunities.whole);
  EXPECT_EQ(opportunities.unit, ValueUnit::kCount);
  EXPECT_EQ(numbers.at("money.other_monthly_costs").unit, ValueUnit::kMoney);
  EXPECT_DOUBLE_EQ(numbers.at("money.other_monthly_costs").value, 40000);
  EXPECT_EQ(numbers.at("customers.monthly_churn").unit, ValueUnit::kProbability);
  // A distribution given as one number is listed as such; a real one is not.
  const ScenarioNumber& ramp = numbers.at("roles.sales_manager.ramp_months");
  EXPECT_TRUE(ramp.distribution);
  EXPECT_EQ(ramp.label, "Ramp (sales_manager)");
  EXPECT_EQ(numbers.count("pipeline.deal_size_acv"), 0u);
  for (const auto& [key, number] : numbers) {
    EXPECT_EQ(key.find("hires"), std::string::npos) << key;
    EXPECT_EQ(key.find("month_of_year"), std::string::npos) << key;
    EXPECT_NE(number.label, key) << key;
  }
  EXPECT_EQ(numbers.count("horizon_months"), 0u);
  EXPECT_EQ(numbers.count("seed"), 0u);
}

// Sensitivity sets a number by resolving the scenario again with `--set KEY=VALUE`: for every
// listed number it may run, its own value gives back the same scenario (defaults included, e.g. a
// built-in role the file never names), and another value changes that number and nothing else.
TEST(ScenarioNumbers, EachNumberSetByOverrideGivesTheSameScenarioOrChangesOnlyItself) {
  const ScenarioRequest request{kScenarioPath, "reps_first", {}};
  const LoadResult base = resolve_scenario(request);
  ASSERT_TRUE(base.ok());
  const std::string base_hash = scenario_hash(*base.spec);
  const std::vector<ScenarioNumber> numbers = scenario_numbers(*base.spec);
  ASSERT_GT(numbers.size(), 40u);
  for (const ScenarioNumber& number : numbers) {
    // Roles the plan does not define (built-in kinds listed with their defaults) cannot be set
    // with --set; sensitivity never runs them, nobody holding them.
    if (number.key_path.starts_with("roles.") &&
        !number.key_path.starts_with("roles.account_executive.") &&
        !number.key_path.starts_with("roles.sales_manager.")) {
      continue;
    }
    ScenarioRequest same = request;
    same.overrides.push_back(number.key_path + "=" + format_number(number.value));
    const LoadResult reloaded = resolve_scenario(same);
    ASSERT_TRUE(reloaded.ok()) << number.key_path << format_diagnostics(reloaded.diagnostics);
    EXPECT_EQ(scenario_hash(*reloaded.spec), base_hash) << number.key_path;
  }
  ScenarioRequest changed = request;
  changed.overrides.push_back("territories.west.inbound_leads_per_month=18");
  const LoadResult reloaded = resolve_scenario(changed);
  ASSERT_TRUE(reloaded.ok());
  const auto before = by_key(numbers), after = by_key(scenario_numbers(*reloaded.spec));
  for (const auto& [key, number] : after) {
    const double expected =
        key == "territories.west.inbound_leads_per_month" ? 18 : before.at(key).value;
    EXPECT_DOUBLE_EQ(number.value, expected) << key;
  }
}

}  // namespace
}  // namespace teamsim::app
