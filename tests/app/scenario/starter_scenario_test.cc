#include "app/scenario/starter_scenario.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "app/scenario/scenario_loader.h"
#include "models/defaults.h"

namespace teamsim::app {
namespace {

const model::RoleSpec& role(const model::ScenarioSpec& spec, const std::string& name) {
  for (const model::RoleSpec& r : spec.roles) {
    if (r.name == name) return r;
  }
  throw std::logic_error("no role " + name);
}

// The starter file restates teamsim's defaults: loading it gives the same scenario as the
// defaults, so the file and models/defaults.cc cannot drift apart.
TEST(StarterScenarioTest, WithoutAnswersItRestatesTheDefaults) {
  const LoadResult loaded = load_scenario_string(starter_scenario_yaml({}), "scenario.yaml");
  ASSERT_TRUE(loaded.ok()) << (loaded.diagnostics.empty() ? "" : loaded.diagnostics[0].message);
  const model::ScenarioSpec& spec = *loaded.spec;
  const model::ScenarioSpec defaults = model::default_scenario();
  EXPECT_EQ(spec.horizon_months, defaults.horizon_months);
  EXPECT_EQ(spec.replications, defaults.replications);
  EXPECT_EQ(spec.money.currency, defaults.money.currency);
  EXPECT_EQ(spec.money.starting_cash, defaults.money.starting_cash);
  EXPECT_EQ(spec.money.other_monthly_costs, defaults.money.other_monthly_costs);
  ASSERT_EQ(spec.territories.size(), 1u);
  EXPECT_EQ(spec.territories[0].name, model::default_territory().name);
  EXPECT_EQ(spec.territories[0].inbound_leads_per_month,
            model::default_territory().inbound_leads_per_month);
  EXPECT_TRUE(spec.starting_staff.empty());
  EXPECT_TRUE(spec.hires.empty());
  for (const char* name : {"account_executive", "sales_manager"}) {
    SCOPED_TRACE(name);
    const model::RoleSpec& written = role(spec, name);
    const model::RoleSpec& expected = role(defaults, name);
    EXPECT_EQ(written.annual_salary, expected.annual_salary);
    EXPECT_EQ(written.annual_quota, expected.annual_quota);
    EXPECT_EQ(written.on_target_earnings, expected.on_target_earnings);
    EXPECT_DOUBLE_EQ(written.annual_attrition, expected.annual_attrition);
    EXPECT_EQ(written.time_to_fill_days.describe(), expected.time_to_fill_days.describe());
    EXPECT_EQ(written.ramp_months.describe(), expected.ramp_months.describe());
  }
  EXPECT_EQ(spec.pipeline.win_rate.describe(), defaults.pipeline.win_rate.describe());
  EXPECT_EQ(spec.pipeline.deal_size_acv.describe(), defaults.pipeline.deal_size_acv.describe());
  EXPECT_EQ(spec.pipeline.sales_cycle_days.describe(),
            defaults.pipeline.sales_cycle_days.describe());
  EXPECT_EQ(spec.customers.initial_customers, defaults.customers.initial_customers);
  EXPECT_DOUBLE_EQ(spec.customers.monthly_churn, defaults.customers.monthly_churn);
}

TEST(StarterScenarioTest, AnswersReplaceTheirDefaults) {
  StarterAnswers answers;
  answers.name = "Say \"hi\"";
  answers.account_executives_today = 3;
  answers.inbound_leads_per_month = 12.5;
  answers.starting_cash = -250'000;
  answers.horizon_months = 18;
  answers.ae_hire_months = {2, 2, 18};
  const std::string text = starter_scenario_yaml(answers);
  const LoadResult loaded = load_scenario_string(text, "plan.yaml");
  ASSERT_TRUE(loaded.ok()) << text;
  const model::ScenarioSpec& spec = *loaded.spec;
  EXPECT_EQ(spec.name, "Say \"hi\"");
  EXPECT_EQ(spec.horizon_months, 18);
  EXPECT_EQ(spec.money.starting_cash, -250'000);
  EXPECT_EQ(spec.territories[0].inbound_leads_per_month, 12.5);
  ASSERT_EQ(spec.starting_staff.size(), 1u);
  EXPECT_EQ(spec.starting_staff[0].count, 3);
  ASSERT_EQ(spec.hires.size(), 3u);
  EXPECT_EQ(spec.hires[2].month, 18);
  EXPECT_NE(text.find("You gave this"), std::string::npos);
}

TEST(StarterScenarioTest, AQuotaTheAnswersLeadFlowCannotFillIsWhatARampedAECanBook) {
  // One AE and 5 leads a month: 12 x (5 + 4 prospected) x 0.2 mean win rate x 15,494 mean ACV
  // = $335k a year, half the default 640k: the plan asks 330,000 (two figures) and the loader
  // has nothing to warn about. Its commission: (160,000 OTE - 80,000 salary) / 330,000 = 24.2 %.
  StarterAnswers answers;
  answers.account_executives_today = 1;
  answers.inbound_leads_per_month = 5;
  const std::string yaml = starter_scenario_yaml(answers);
  const LoadResult loaded = load_scenario_string(yaml, "scenario.yaml");
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(role(*loaded.spec, "account_executive").annual_quota, 330'000);
  EXPECT_TRUE(loaded.warnings.empty()) << loaded.warnings[0].message;
  EXPECT_NE(yaml.find("= 24.2% of each deal's ACV"), std::string::npos) << yaml;
  // With enough leads the default stands, and its comment says it is the default.
  answers.inbound_leads_per_month = 100;
  const std::string plenty = starter_scenario_yaml(answers);
  EXPECT_EQ(
      role(*load_scenario_string(plenty, "scenario.yaml").spec, "account_executive").annual_quota,
      role(model::default_scenario(), "account_executive").annual_quota);
  EXPECT_EQ(plenty.find("Set from your answers"), std::string::npos);
}

// A start date is written, and the hires are dated from it: month 2 of a plan starting in
// December 2027 is January 2028.
TEST(StarterScenarioTest, AStartDateDatesTheHires) {
  StarterAnswers answers;
  answers.start_date = CalendarMonth{2027, 12};
  answers.ae_hire_months = {2, 13};
  const std::string text = starter_scenario_yaml(answers);
  EXPECT_NE(text.find("\nstart_date: 2027-12\n"), std::string::npos) << text;
  EXPECT_NE(text.find("{role: account_executive, month: 2028-01}"), std::string::npos) << text;
  EXPECT_NE(text.find("{role: account_executive, month: 2028-12}"), std::string::npos) << text;
  const LoadResult loaded = load_scenario_string(text, "plan.yaml");
  ASSERT_TRUE(loaded.ok()) << text;
  EXPECT_EQ(loaded.spec->start_year, 2027);
  EXPECT_EQ(loaded.spec->seasonality.start_month_of_year, 12);
  ASSERT_EQ(loaded.spec->hires.size(), 2u);
  EXPECT_EQ(loaded.spec->hires[0].month, 2);
  EXPECT_EQ(loaded.spec->hires[1].month, 13);
}

// Each key that holds a value has a comment right above it, and no line is wider than 100.
TEST(StarterScenarioTest, EveryKeyHasACommentAbove) {
  std::stringstream lines(starter_scenario_yaml({}));
  std::string line, previous;
  int keys = 0;
  while (std::getline(lines, line)) {
    EXPECT_LE(line.size(), 100u) << line;
    const std::size_t first = line.find_first_not_of(' ');
    const bool is_comment = first != std::string::npos && line[first] == '#';
    const std::size_t colon = line.find(": ");
    if (!is_comment && colon != std::string::npos && line[first] != '-') {
      ++keys;
      EXPECT_EQ(previous.find_first_not_of(' ') != std::string::npos
                    ? previous[previous.find_first_not_of(' ')]
                    : ' ',
                '#')
          << line;
    }
    previous = line;
  }
  EXPECT_GE(keys, 18);
}

}  // namespace
}  // namespace teamsim::app
