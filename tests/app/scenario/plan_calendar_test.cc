// Loader tests for start_date and the month keys written as calendar months.
#include "app/scenario/plan_calendar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/scenario/scenario_json.h"
#include "app/scenario/scenario_loader.h"
#include "tests/app/scenario/loader_test_util.h"

namespace teamsim::app {
namespace {

using Errors = std::vector<std::string>;

TEST(PlanCalendarTest, StartDateSetsTheYearAndTheSeasonalitysFirstMonth) {
  const LoadResult loaded = load_ok("start_date: 2027-07\n");
  ASSERT_TRUE(loaded.spec.has_value());
  EXPECT_EQ(loaded.spec->start_year, 2027);
  EXPECT_EQ(loaded.spec->seasonality.start_month_of_year, 7);
  EXPECT_EQ(start_date_of(*loaded.spec), (CalendarMonth{2027, 7}));
  EXPECT_EQ(month_names_of(*loaded.spec).label(7), "Jan 2028");
  // The first day of a month stands for the month.
  EXPECT_EQ(start_date_of(*load_ok("start_date: 2027-07-01\n").spec), (CalendarMonth{2027, 7}));
}

TEST(PlanCalendarTest, WithoutStartDateMonthsAreNumbers) {
  const LoadResult loaded = load_ok("hires: [{role: sales_manager, month: 3}]\n");
  EXPECT_EQ(loaded.spec->start_year, 0);
  EXPECT_FALSE(start_date_of(*loaded.spec).has_value());
  EXPECT_FALSE(scenario_to_json(*loaded.spec).contains("start_date"));
}

TEST(PlanCalendarTest, EveryMonthKeyTakesACalendarMonthOrItsNumber) {
  const LoadResult loaded = load_ok(R"(
start_date: 2027-11
horizon_months: 36
money:
  funding: [{month: 2028-09, amount: 1_000_000}]
  cost_schedule: [{from_month: 2028-01, other_monthly_costs: 40_000}]
hires:
  - {role: sales_manager, month: 2027-11}
  - {role: account_executive, start_month: 2028-01}
  - {role: account_executive, month: 4}
  - {role: account_executive, month: 2030-10}
hiring_rules:
  - {role: customer_success, per_customers: 40, from_month: 2028-11, until_month: 2029-10}
expect:
  - {metric: arr, month: 2028-10, op: ">=", value: 0}
)");
  ASSERT_TRUE(loaded.spec.has_value());
  const model::ScenarioSpec& spec = *loaded.spec;
  // Nov 2027 is month 1, so Jan 2028 is month 3 (across the year end) and Oct 2030 month 36.
  ASSERT_EQ(spec.hires.size(), 4u);
  EXPECT_EQ(spec.hires[0].month, 1);
  EXPECT_EQ(spec.hires[1].month, 3);
  EXPECT_TRUE(spec.hires[1].by_start_month);
  EXPECT_EQ(spec.hires[2].month, 4);
  EXPECT_EQ(spec.hires[3].month, 36);
  EXPECT_EQ(spec.money.funding.at(0).month, 11);
  EXPECT_EQ(spec.money.cost_schedule.at(0).from_month, 3);
  EXPECT_EQ(spec.hiring_rules.at(0).from_month, 13);
  EXPECT_EQ(spec.hiring_rules.at(0).until_month, 24);
  ASSERT_EQ(loaded.expectations.size(), 1u);
  EXPECT_EQ(loaded.expectations[0].month, 12);
  EXPECT_EQ(loaded.expectations[0].name, "p50(arr) at Oct 2028 >= $0");
}

TEST(PlanCalendarTest, TheResolvedScenarioRecordsTheStartDate) {
  const auto json = scenario_to_json(*load_ok("start_date: 2027-01\n").spec);
  EXPECT_EQ(json.at("start_date"), "2027-01");
  EXPECT_EQ(json.at("seasonality").at("start_month_of_year"), 1);
  // A start date is part of what the scenario says: its hash differs from the same plan without.
  EXPECT_NE(scenario_hash(*load_ok("start_date: 2027-01\n").spec),
            scenario_hash(*load_ok("name: s\n").spec));
}

TEST(PlanCalendarTest, AMalformedStartDateSaysWhatToWrite) {
  EXPECT_EQ(errors_in("start_date: 2027-13\n"),
            Errors{"s.yaml:1:13: start_date: '2027-13' has no month 13; write YYYY-MM with a "
                   "month from 01 to 12"});
  EXPECT_EQ(errors_in("start_date: 2027-01-15\n"),
            Errors{"s.yaml:1:13: start_date: '2027-01-15' is a day; teamsim plans in whole months, "
                   "each from its first day: write the month, 2027-01"});
  EXPECT_EQ(errors_in("start_date: January 2027\n"),
            Errors{"s.yaml:1:13: start_date: expected a calendar month written YYYY-MM, such as "
                   "2027-03, got 'January 2027'"});
  EXPECT_EQ(errors_in("start_date: [2027, 1]\n"),
            Errors{"s.yaml:1:13: start_date: expected text, got a list"});
}

TEST(PlanCalendarTest, ADateWithoutStartDateSaysToAddIt) {
  EXPECT_EQ(errors_in("hires: [{role: sales_manager, month: 2027-03}]\n"),
            Errors{"s.yaml:1:38: hires[0].month: 2027-03 is a calendar month, but the scenario "
                   "has no start_date: add start_date: YYYY-MM (the first simulated month) at its "
                   "top level, or give the month's number (1 = the first)"});
}

TEST(PlanCalendarTest, AStartDateRefusedIsTheOneMistakeOfItsDatedMonths) {
  // 'start_date: 2027-01-15' was refused, and then each dated hire said that the scenario had no
  // start_date and to add one: the key the user had written.
  EXPECT_EQ(errors_in("start_date: 2027-01-15\n"
                      "hires:\n"
                      "  - {role: sales_manager, month: 2027-03}\n"
                      "  - {role: account_executive, month: 2027-05}\n"),
            Errors{"s.yaml:1:13: start_date: '2027-01-15' is a day; teamsim plans in whole months, "
                   "each from its first day: write the month, 2027-01"});
  // Other mistakes of the plan are still said.
  EXPECT_EQ(errors_in("start_date: 2027-13\nhires: [{role: sales_mgr, month: 2027-03}]\n"),
            (Errors{"s.yaml:1:13: start_date: '2027-13' has no month 13; write YYYY-MM with a "
                    "month from 01 to 12",
                    "s.yaml:2:16: hires[0].role: unknown role 'sales_mgr'; did you mean "
                    "'sales_manager'?"}));
}

TEST(PlanCalendarTest, AMonthWrittenAsAWordSaysHowMonthsAreCounted) {
  // 'month: now' (a hire to open at once) said only "expected a whole number, got 'now'".
  EXPECT_EQ(errors_in("horizon_months: 24\n"
                      "hires: [{role: account_executive, month: now}]\n"
                      "money: {cost_schedule: [{from_month: soon, other_monthly_costs: 5}]}\n"),
            (Errors{"s.yaml:2:42: hires[0].month: expected the month's number, from 1 to 24 (1 "
                    "is the plan's first month), got 'now'; a calendar month such as 2027-03 "
                    "needs start_date: YYYY-MM at the top level",
                    "s.yaml:3:38: money.cost_schedule[0].from_month: expected the month's "
                    "number, from 2 to 24 (1 is the plan's first month), got 'soon'; a calendar "
                    "month such as 2027-03 needs start_date: YYYY-MM at the top level"}));
  // With a start_date, the plan's own first month is the example.
  EXPECT_EQ(errors_in("start_date: 2027-09\nhorizon_months: 12\n"
                      "hires: [{role: account_executive, month: march}]\n"),
            Errors{"s.yaml:3:42: hires[0].month: expected the month's number, from 1 to 12 (1 is "
                   "the plan's first month), got 'march', or a calendar month such as 2027-09"});
}

TEST(PlanCalendarTest, ADateOutsideThePlanNamesTheStartAndTheHorizon) {
  EXPECT_EQ(errors_in("start_date: 2027-01\nhorizon_months: 24\n"
                      "hires: [{role: sales_manager, month: 2026-12},\n"
                      "        {role: sales_manager, start_month: 2029-01}]\n"),
            (Errors{"s.yaml:3:38: hires[0].month: 2026-12 is before the plan starts: the plan "
                    "runs from 2027-01 (start_date) to 2028-12 (horizon_months 24)",
                    "s.yaml:4:44: hires[1].start_month: 2029-01 is past the horizon: the plan "
                    "runs from 2027-01 (start_date) to 2028-12 (horizon_months 24)"}));
  EXPECT_EQ(errors_in("start_date: 2027-01\nhorizon_months: 24\n"
                      "expect: [{metric: arr, month: 2029-01, op: \">=\", value: 0}]\n"),
            Errors{"s.yaml:3:31: expect[0].month: 2029-01 is past the horizon: the plan runs from "
                   "2027-01 (start_date) to 2028-12 (horizon_months 24)"});
  EXPECT_EQ(errors_in("start_date: 2027-01\nhorizon_months: 24\n"
                      "money: {funding: [{month: 2029-01, amount: 1}]}\n"),
            Errors{"s.yaml:3:27: money.funding[0].month: 2029-01 is past the horizon: the plan "
                   "runs from 2027-01 (start_date) to 2028-12 (horizon_months 24)"});
  EXPECT_EQ(errors_in("start_date: 2027-01\nhorizon_months: 24\n"
                      "hiring_rules: [{role: customer_success, per_customers: 40, "
                      "from_month: 2026-01}]\n"),
            Errors{"s.yaml:3:72: hiring_rules[0].from_month: 2026-01 is before the plan starts: "
                   "the plan runs from 2027-01 (start_date) to 2028-12 (horizon_months 24)"});
}

TEST(PlanCalendarTest, TheLastPlanMonthIsTheHorizonOrWithItRefusedTheLongestOne) {
  model::ScenarioSpec spec;
  spec.horizon_months = 24;
  EXPECT_EQ(loader::last_plan_month(spec, true), 24);
  EXPECT_EQ(loader::last_plan_month(spec, false), 600);
}

TEST(PlanCalendarTest, ADateOutsideThePlanWithTheHorizonRefusedNamesTheLongestHorizon) {
  // With horizon_months refused the dates were said against "(horizon_months 600)", as if the
  // plan ran 600 months; 600 is teamsim's longest horizon, which from 2027-01 ends in 2076-12.
  const std::string refused =
      "s.yaml:2:17: horizon_months: expected a whole number, got a quoted string \"24\"; remove "
      "the quotes";
  EXPECT_EQ(errors_in("start_date: 2027-01\nhorizon_months: \"24\"\n"
                      "hires: [{role: sales_manager, month: 2026-12}]\n"
                      "expect: [{metric: arr, month: 2077-01, op: \">=\", value: 0}]\n"),
            (Errors{refused,
                    "s.yaml:3:38: hires[0].month: 2026-12 is before the plan starts: the plan "
                    "runs from 2027-01 (start_date) to at most 2076-12 (the longest horizon, 600 "
                    "months; horizon_months is invalid)",
                    "s.yaml:4:31: expect[0].month: 2077-01 is past the longest horizon: the plan "
                    "runs from 2027-01 (start_date) to at most 2076-12 (the longest horizon, 600 "
                    "months; horizon_months is invalid)"}));
  // A date within the longest horizon is not said: the horizon's own mistake is the one.
  EXPECT_EQ(errors_in("start_date: 2027-01\nhorizon_months: \"24\"\n"
                      "money: {funding: [{month: 2030-01, amount: 1}]}\n"),
            Errors{refused});
}

TEST(PlanCalendarTest, EveryMonthNumberPastTheHorizonIsReportedAlike) {
  // Hires, hiring rules, funding, cost steps and expectations read their months the same way,
  // so a month past the horizon says the same, naming the key that sets the horizon.
  EXPECT_EQ(
      errors_in("horizon_months: 24\n"
                "money: {funding: [{month: 25, amount: 1}],\n"
                "        cost_schedule: [{from_month: 26, other_monthly_costs: 1}]}\n"
                "hires: [{role: sales_manager, month: 27}]\n"
                "hiring_rules: [{role: customer_success, per_customers: 40, from_month: 0}]\n"
                "expect: [{metric: arr, month: 29, op: \">=\", value: 0}]\n"),
      (Errors{"s.yaml:2:27: money.funding[0].month: must be between 1 and 24 "
              "(horizon_months), got 25",
              "s.yaml:3:38: money.cost_schedule[0].from_month: must be between 2 and 24 "
              "(horizon_months), got 26",
              "s.yaml:4:38: hires[0].month: must be between 1 and 24 (horizon_months), got 27",
              "s.yaml:5:72: hiring_rules[0].from_month: must be between 1 and 24 "
              "(horizon_months), got 0",
              "s.yaml:6:31: expect[0].month: must be between 1 and 24 (horizon_months), got "
              "29"}));
}

TEST(PlanCalendarTest, ACostStepInTheFirstMonthSaysWhichMonthComesFirst) {
  EXPECT_EQ(errors_in("start_date: 2027-01\n"
                      "money: {cost_schedule: [{from_month: 2027-01, other_monthly_costs: 1}]}\n"),
            Errors{"s.yaml:2:38: money.cost_schedule[0].from_month: 2027-01 is month 1; give "
                   "2027-02 (month 2) or later"});
}

TEST(PlanCalendarTest, ADayInAHireSaysToWriteTheMonth) {
  EXPECT_EQ(errors_in("start_date: 2027-01\nhires: [{role: sales_manager, month: 2027-03-15}]\n"),
            Errors{"s.yaml:2:38: hires[0].month: '2027-03-15' is a day; teamsim plans in whole "
                   "months, each from its first day: write the month, 2027-03"});
}

TEST(PlanCalendarTest, TheSeasonalityMayRepeatTheStartMonthButNotContradictIt) {
  const LoadResult same = load_ok("start_date: 2027-07\nseasonality: {start_month_of_year: 7}\n");
  EXPECT_EQ(same.spec->seasonality.start_month_of_year, 7);
  EXPECT_EQ(errors_in("start_date: 2027-07\nseasonality: {start_month_of_year: 1}\n"),
            Errors{"s.yaml:2:36: seasonality.start_month_of_year: is 1 (Jan), but start_date "
                   "2027-07 starts in Jul: leave start_month_of_year out (start_date sets it) or "
                   "make the two agree"});
}

}  // namespace
}  // namespace teamsim::app
