#include "app/results/unshown_differences.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/results/assumptions_table.h"
#include "app/scenario/scenario_loader.h"
#include "tests/app/scenario/loader_test_util.h"

namespace teamsim::app {
namespace {

// Two plans loaded from inline YAML, with their assumption rows and the unshown differences.
struct TwoPlans {
  model::ScenarioSpec a, b;
  std::vector<std::vector<Assumption>> rows;
};

TwoPlans compared(std::string_view a, std::string_view b) {
  const LoadResult first = load_ok(a);
  const LoadResult second = load_ok(b);
  TwoPlans plans{*first.spec, *second.spec, {}};
  plans.rows = with_unshown_differences({&plans.a, &plans.b},
                                        {scenario_assumptions(plans.a, first.written_keys),
                                         scenario_assumptions(plans.b, second.written_keys)});
  return plans;
}

// The "Other" rows of plan `index`: label and value.
std::vector<std::pair<std::string, std::string>> others(const TwoPlans& plans, std::size_t index) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (const Assumption& a : plans.rows[index]) {
    if (a.group == "Other") rows.emplace_back(a.label, a.value);
  }
  return rows;
}

using Rows = std::vector<std::pair<std::string, std::string>>;

TEST(UnshownDifferencesTest, AKeyNoRowShowsIsSaidInItsUnit) {
  // A hire source's ramp factor and the rebalancing interval (3 months by default) are in no
  // row of the table.
  const TwoPlans plans = compared("hire_sources: {referral: {ramp_factor: 0.7}}\n",
                                  "pipeline: {rebalance_every_months: 6}\n");
  EXPECT_EQ(others(plans, 0),
            (Rows{{"Ramp factor (referral)", "×0.7"}, {"pipeline.rebalance_every_months", "3"}}));
  EXPECT_EQ(others(plans, 1),
            (Rows{{"Ramp factor (referral)", "×0.9"}, {"pipeline.rebalance_every_months", "6"}}));
  EXPECT_NE(assumption_differences_table({"a", "b"}, plans.rows)
                .find("  Ramp factor (referral)\n"
                      "    A: ×0.7\n"
                      "    B: ×0.9\n"),
            std::string::npos);
}

TEST(UnshownDifferencesTest, AValueARowRoundsAwayIsSaidInFull) {
  // Both read "$50k a month" in the table's Other costs row, which therefore does not differ.
  const TwoPlans plans =
      compared("money: {other_monthly_costs: 50_000}\n", "money: {other_monthly_costs: 50_040}\n");
  EXPECT_EQ(others(plans, 0), (Rows{{"Other costs a month", "50000"}}));
  EXPECT_EQ(others(plans, 1), (Rows{{"Other costs a month", "50040"}}));
}

TEST(UnshownDifferencesTest, APlanDifferingOnlyInTheRunsKeysOrTheOrderOfItsHiresSharesEverything) {
  const TwoPlans plans = compared(
      "name: A\nreplications: 100\nseed: 7\n"
      "hires: [{role: sales_manager, month: 1}, {role: account_executive, month: 3}]\n",
      "name: B\ndescription: other\nreplications: 200\n"
      "hires: [{role: account_executive, month: 3}, {role: sales_manager, month: 1}]\n");
  EXPECT_EQ(others(plans, 0), Rows{});
  EXPECT_EQ(assumption_differences_table({"a", "b"}, plans.rows),
            "The 2 plans share every assumption.\n\n");
}

TEST(UnshownDifferencesTest, TheOrderOfHiresOfOneMonthIsAnAssumption) {
  // Hires of one month queue for the recruiting slots in the order listed. Here the Dated hires
  // row reads "2 AEs: months 1, 1; 1 manager: month 1" for both, so the list itself is shown.
  const TwoPlans plans = compared(
      "hires: [{role: account_executive, month: 1}, {role: sales_manager, month: 1},\n"
      "        {role: account_executive, month: 1}]\n",
      "hires: [{role: account_executive, month: 1}, {role: account_executive, month: 1},\n"
      "        {role: sales_manager, month: 1}]\n");
  const Rows rows = others(plans, 0);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].first, "hires");
  EXPECT_NE(rows[0].second, others(plans, 1).at(0).second);
}

TEST(UnshownDifferencesTest, AKeyARowShowsDifferentlyIsNotSaidTwice) {
  // The Churn row differs and shows customers.monthly_churn; the seasonality is in no row.
  const TwoPlans plans = compared(
      "customers: {monthly_churn: 2%}\n",
      "customers: {monthly_churn: 3%}\nseasonality: {leads: [1, 1, 1, 1, 1, 1, 0.8, 0.8, 1, 1, "
      "1, 1.2]}\n");
  EXPECT_EQ(others(plans, 0),
            (Rows{{"seasonality.leads", "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"}}));
  EXPECT_EQ(others(plans, 1),
            (Rows{{"seasonality.leads", "[1, 1, 1, 1, 1, 1, 0.8, 0.8, 1, 1, 1, 1.2]"}}));
}

TEST(UnshownDifferencesTest, AnInputDrawnPerReplicationIsTheValueOfItsKey) {
  // The Inbound leads row differs ("10–20 a month (one level per run)" against "15 a month") and
  // shows the key, so nothing else is listed; a rate drawn per replication that no row shows is
  // listed as its distribution, labelled by the plan where it is a single number.
  const TwoPlans plans = compared(
      "territories: {main: {inbound_leads_per_month: {dist: uniform, min: 10, max: 20, per: "
      "replication}}}\n"
      "pipeline: {qualification_accuracy: {dist: uniform, min: 0.7, max: 0.9, per: replication}}\n",
      "territories: {main: {inbound_leads_per_month: 15}}\n"
      "pipeline: {qualification_accuracy: 0.8}\n");
  EXPECT_EQ(others(plans, 0), (Rows{{"Qualification accuracy", "uniform (min 0.7, max 0.9)"}}));
  EXPECT_EQ(others(plans, 1), (Rows{{"Qualification accuracy", "80%"}}));
}

TEST(UnshownDifferencesTest, ADistributionIsItsFamilyAndParameters) {
  // median 14,000 and 14,020 both read "median $14k" in the Deal size row.
  const TwoPlans plans =
      compared("pipeline: {deal_size_acv: {dist: lognormal, median: 14_000, p90: 32_000}}\n",
               "pipeline: {deal_size_acv: {dist: lognormal, median: 14_020, p90: 32_000}}\n");
  const Rows rows = others(plans, 0);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].first, "pipeline.deal_size_acv");
  // mu = ln 14,000 = 9.54681; sigma = ln(32,000 / 14,000) / 1.28155 = 0.64506.
  EXPECT_EQ(rows[0].second, "lognormal (mu 9.547, sigma 0.6451)");
}

TEST(UnshownDifferencesTest, AnEntityInOnePlanOnlyIsOneRowNamingItsSettings) {
  // Territory metro is only in B: its inbound leads are in the Inbound leads row, which differs
  // (10 against 10 + 5 a month); its other four keys (territories_to_json: accounts, cool-off,
  // win-rate and deal-size factors) make one row. main is in both: its cool-off, 6 months by
  // default against 3, stays a row of its own, before metro's keys as main comes first.
  const TwoPlans plans =
      compared("territories: {main: {inbound_leads_per_month: 10}}\n",
               "territories: {main: {inbound_leads_per_month: 10, cool_off_months: 3},\n"
               "              metro: {inbound_leads_per_month: 5}}\n");
  EXPECT_EQ(others(plans, 0), (Rows{{"Cool-off (main)", "6 months"}, {"Territory metro", "—"}}));
  EXPECT_EQ(others(plans, 1),
            (Rows{{"Cool-off (main)", "3 months"},
                  {"Territory metro",
                   "4 settings: addressable accounts, cool-off, win-rate factor and "
                   "deal-size factor"}}));
  EXPECT_NE(assumption_differences_table({"a", "b"}, plans.rows)
                .find("  Territory metro\n"
                      "    A: —\n"
                      "    B: 4 settings: addressable accounts, cool-off, win-rate factor "
                      "and deal-size factor\n"),
            std::string::npos);
}

TEST(UnshownDifferencesTest, AnEntitysLongListNamesFourSettingsAndCountsTheRest) {
  // A hire source only A defines and no hire uses: its six factors and costs (time to fill, ramp,
  // productivity, attrition, salary, cost per hire) are one row, the last two counted.
  const TwoPlans plans = compared("hire_sources: {bootcamp: {ramp_factor: 1.5}}\n", "{}\n");
  EXPECT_EQ(others(plans, 0),
            (Rows{{"Hire source bootcamp",
                   "6 settings: time-to-fill factor, ramp factor, productivity factor, attrition "
                   "factor and 2 more"}}));
  EXPECT_EQ(others(plans, 1), (Rows{{"Hire source bootcamp", "—"}}));
}

}  // namespace
}  // namespace teamsim::app
