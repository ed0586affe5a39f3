#include "app/scenario/assumptions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "app/common/number_format.h"
#include "app/scenario/scenario_resolver.h"

namespace teamsim::app {
namespace {

constexpr const char* kPlan =
    "name: Plan\n"
    "horizon_months: 24\n"
    "hires: [{role: account_executive, count: 2, month: 1}, {role: sales_manager, month: 4}]\n"
    "territories: {main: {inbound_leads_per_month: 12}}\n"
    "pipeline:\n"
    "  win_rate: 0.25\n"
    "  deal_size_acv: {dist: lognormal, median: 15_500, p90: 31_000}\n"
    "roles: {account_executive: {annual_quota: 600_000}}\n"
    "variants:\n"
    "  v: {customers: {monthly_churn: 2%}}\n";

LoadResult load(std::string_view text, std::string variant = "",
                std::vector<std::string> overrides = {}) {
  LoadResult result = resolve_scenario_string(text, "plan.yaml", {"", variant, overrides});
  EXPECT_TRUE(result.ok()) << format_diagnostics(result.diagnostics);
  return result;
}

std::vector<Assumption> assumptions_of(std::string_view text, std::string variant = "",
                                       std::vector<std::string> overrides = {}) {
  const LoadResult loaded = load(text, std::move(variant), std::move(overrides));
  if (!loaded.ok()) return {};
  return scenario_assumptions(*loaded.spec, loaded.written_keys);
}

const Assumption& row(const std::vector<Assumption>& rows, const std::string& label) {
  const auto it =
      std::find_if(rows.begin(), rows.end(), [&](const Assumption& a) { return a.label == label; });
  if (it == rows.end()) throw std::runtime_error("no row " + label);
  return *it;
}

TEST(AssumptionsTest, MarksExactlyTheKeysTheScenarioLeftUnset) {
  // Written through the file, a variant and --set: each counts as set.
  const std::vector<Assumption> rows =
      assumptions_of(kPlan, "v", {"money.starting_cash=1_000_000"});
  std::set<std::string> all_default, set_by_scenario;
  for (const Assumption& a : rows) {
    EXPECT_FALSE(a.keys.empty()) << a.label;
    if (a.all_default()) all_default.insert(a.label);
    if (!a.uses_default()) set_by_scenario.insert(a.label);
  }
  EXPECT_EQ(all_default,
            (std::set<std::string>{"Starting team", "Time to fill", "Until a manager starts",
                                   "Prospected leads", "Sales cycle", "Open deals at most",
                                   "AE ramp", "Attrition", "On-target earnings", "Base salaries",
                                   "Initial customers", "Expansion", "Other costs", "Funding"}));
  EXPECT_EQ(set_by_scenario,
            (std::set<std::string>{"Dated hires", "Inbound leads", "Win rate", "Deal size (ACV)",
                                   "Quota", "Churn", "Starting cash"}));
  EXPECT_EQ(row(rows, "Prospected leads").default_keys,
            std::vector<std::string>{"roles.account_executive.prospecting_leads_per_month"});
}

TEST(AssumptionsTest, AKeyIsWrittenByItselfItsListOrTheSalesMotionPreset) {
  const std::vector<std::string> written = {"hires", "pipeline", "pipeline.win_rate",
                                            "pipeline.win_rate.mean"};
  EXPECT_TRUE(scenario_wrote(written, "pipeline.win_rate"));
  EXPECT_TRUE(scenario_wrote(written, "hires[0].month"));  // written with its list
  EXPECT_FALSE(scenario_wrote(written, "pipeline.deal_size_acv"));
  EXPECT_FALSE(scenario_wrote(written, "customers.monthly_churn"));
  // A motion's preset writes its six keys, and no other.
  const std::vector<std::string> motion = {"sales_motion"};
  EXPECT_TRUE(scenario_wrote(motion, "customers.monthly_churn"));
  EXPECT_TRUE(scenario_wrote(motion, "pipeline.deal_size_acv"));
  EXPECT_FALSE(scenario_wrote(motion, "pipeline.complex_share"));
}

TEST(AssumptionsTest, InitialCustomersSayWhereTheyAreWhenTheTerritoriesGiveTheirCounts) {
  const std::vector<Assumption> rows = assumptions_of(
      "territories:\n  north: {initial_customers: 120}\n  south: {initial_customers: 0}\n"
      "customers: {initial_mrr: 900}\n");
  const Assumption& initial = row(rows, "Initial customers");
  EXPECT_TRUE(initial.value.starts_with("120 (north 120, south 0), MRR ")) << initial.value;
  EXPECT_EQ(initial.keys, (std::vector<std::string>{
                              "customers.initial", "territories.north.initial_customers",
                              "territories.south.initial_customers", "customers.initial_mrr"}));
  // Spread by the lead flow, the row is as before: the count alone.
  EXPECT_TRUE(row(assumptions_of("customers: {initial: 20}\n"), "Initial customers")
                  .value.starts_with("20, MRR "));
}

TEST(AssumptionsTest, InitialCustomersSayTheArrThePlanStartsFrom) {
  // A founder with 100 customers and $1.5M ARR checks the plan against it: 100 x $1,250 x 12.
  EXPECT_EQ(
      row(assumptions_of("customers: {initial: 100, initial_mrr: 1250}\n"), "Initial customers")
          .value,
      "100, MRR $1,250 a month each: ARR today $1.5M");
  // The default MRR, lognormal with median 1,000 and p90 3,000, has sigma = ln 3 / 1.28155 =
  // 0.85724 and mean 1,000 x e^(sigma^2 / 2) = $1,444.0: 100 of them are 100 x 1,444.0 x 12 =
  // $1.73M on average, where the median's $1.2M is what a reader would work out.
  EXPECT_EQ(row(assumptions_of("customers: {initial: 100}\n"), "Initial customers").value,
            "100, MRR median $1,000, p90 $3,000 a month each: ARR today $1.73M on average");
  // An MRR drawn once per replication has no one ARR today: the row says its range alone.
  const std::string uncertain =
      row(assumptions_of("customers:\n  initial: 100\n  initial_mrr: {dist: uniform, min: 800, "
                         "max: 1200, per: replication}\n"),
          "Initial customers")
          .value;
  EXPECT_EQ(uncertain.find("ARR today"), std::string::npos) << uncertain;
}

TEST(AssumptionsTest, ChurnListsItsKeysInTheOrderItsValueNamesThem) {
  // Whatever the compiler: GCC and Clang evaluate a call's arguments in opposite orders, and the
  // keys were recorded in that order.
  const std::vector<Assumption> rows = assumptions_of(
      "customers: {monthly_churn: 1%, annual_contract_share: 30%, annual_churn: 10%}\n");
  const Assumption& churn = row(rows, "Churn");
  EXPECT_EQ(churn.value, "1% a month; 30% on annual contracts, 10% a year");
  EXPECT_EQ(churn.keys,
            (std::vector<std::string>{"customers.monthly_churn", "customers.annual_contract_share",
                                      "customers.annual_churn"}));
}

TEST(AssumptionsTest, TheFoundersLineSaysAnAssistantManagerRecruitsAndManagesBesideThem) {
  // Without a sales manager the founder's 1 search and span of 4 are not the whole capacity when
  // an assistant manager is on the plan: its search and span add to them.
  const std::vector<Assumption> alone = assumptions_of(kPlan);
  EXPECT_EQ(row(alone, "Until a manager starts").value,
            "the founder recruits (1 at once, 1.5× as long) and manages 4 reps");
  const std::vector<Assumption> with_assistant =
      assumptions_of(std::string(kPlan) + "starting_staff: [{role: assistant_manager}]\n");
  EXPECT_EQ(row(with_assistant, "Until a manager starts").value,
            "the founder recruits (1 at once, 1.5× as long) and manages 4 reps, beside the "
            "assistant managers' own searches and span");
}

TEST(AssumptionsTest, APartlySetRowNamesTheKeysLeftAtTheirDefaults) {
  const std::vector<Assumption> rows =
      assumptions_of(std::string(kPlan) + "money: {other_monthly_costs: 10_000}\n", "",
                     {"roles.sales_manager.annual_attrition=20%"});
  const Assumption& attrition = row(rows, "Attrition");
  EXPECT_EQ(attrition.value, "AE 35%, manager 20% a year");
  EXPECT_TRUE(attrition.uses_default());
  EXPECT_FALSE(attrition.all_default());
  EXPECT_EQ(attrition.default_keys,
            std::vector<std::string>{"roles.account_executive.annual_attrition"});
  EXPECT_FALSE(row(rows, "Other costs").uses_default());
}

TEST(AssumptionsTest, StartingTeamSaysEachRoleOnceWithWhereItsPeopleSell) {
  // Three AEs placed in two territories are "3 AEs (1 east, 2 west)", not "1 AE, 2 AEs"
  // (series-a-scale-up.yaml), and not "3 AEs", which two plans placing them differently share.
  const std::vector<Assumption> rows = assumptions_of(
      "territories: {east: {}, west: {}}\n"
      "starting_staff:\n"
      "  - {role: account_executive, territory: east}\n"
      "  - {role: sales_manager}\n"
      "  - {role: account_executive, count: 2, territory: west}\n");
  EXPECT_EQ(row(rows, "Starting team").value, "3 AEs (1 east, 2 west), 1 manager");
  // Listed in another order, the same team reads the same; people the scenario does not place
  // go where the fewest sell on day 0.
  const std::vector<Assumption> reordered = assumptions_of(
      "territories: {east: {}, west: {}}\n"
      "starting_staff:\n"
      "  - {role: sales_manager}\n"
      "  - {role: account_executive, count: 2, territory: west}\n"
      "  - {role: account_executive}\n");
  EXPECT_EQ(row(reordered, "Starting team").value,
            "3 AEs (2 west, 1 where fewest sell), 1 manager");
}

TEST(AssumptionsTest, MixSaysEachEntrysShareOfTheLeadsWhenThereAreSeveral) {
  // segment-mix.yaml's up_market variant against a half-and-half mix: the names alone were the
  // same ("segment mid_market, segment enterprise"), the proportions were not shown.
  const std::vector<Assumption> rows = assumptions_of(
      "territories: {emea: {}, us: {}}\n"
      "segments: {mid_market: {share: 2}, enterprise: {share: 1, share_by_territory: {emea: 0}}}\n"
      "channels: {email: {share: 3}, events: {share: 1}}\n"
      "products: {core: {}}\n");
  EXPECT_EQ(row(rows, "Mix").value,
            "product core, channel email 75% of leads (5% of leads convert), channel events 25% "
            "of leads (35% of leads convert), segment mid_market 66.7% of leads, segment "
            "enterprise 33.3% of leads (other shares by territory)");
}

TEST(AssumptionsTest, DatedHiresSayEachCountOnceAndRolesByTheirNames) {
  const std::vector<Assumption> rows = assumptions_of(
      "name: Plan\n"
      "roles: {sdr: {kind: account_executive, hands_off_leads: true}}\n"
      "hires: [{role: account_executive, count: 2, month: 1},\n"
      "        {role: account_executive, month: 3}, {role: sdr, count: 6, month: 2}]\n",
      "");
  EXPECT_EQ(row(rows, "Dated hires").value, "3 AEs: months 1 (×2), 3; 6 SDRs: month 2");
}

TEST(AssumptionsTest, AHireOfNobodyIsNoDatedHire) {
  // `count: 0` switches a hire off (--set 'hires[1].count=0'): it read "0 managers: month 2".
  std::vector<Assumption> rows = assumptions_of(
      "hires: [{role: sales_manager, count: 0, month: 2},\n"
      "        {role: account_executive, count: 2, month: 3}]\n",
      "");
  EXPECT_EQ(row(rows, "Dated hires").value, "2 AEs: month 3");
  rows = assumptions_of("hires: [{role: account_executive, count: 0, month: 3}]\n", "");
  EXPECT_EQ(row(rows, "Dated hires").value, "none");
}

TEST(AssumptionsTest, DatedHiresReadInDateOrderWithTheirTerritoriesAndSources) {
  // Listed out of order, in two territories, one from a non-default source: read by date, and
  // grouped by what sets hires apart, so that plans differing only in where or how they hire
  // do not read the same, and plans listing the same hires in another order do.
  const std::string hires =
      "hires: [{role: account_executive, month: 9, territory: us},\n"
      "        {role: sales_manager, month: 1},\n"
      "        {role: account_executive, month: 6, territory: emea, source: referral},\n"
      "        {role: account_executive, month: 3, territory: us}]\n";
  const std::vector<Assumption> rows =
      assumptions_of("territories: {us: {}, emea: {}}\n" + hires, "");
  EXPECT_EQ(row(rows, "Dated hires").value,
            "1 manager: month 1; 2 AEs (us): months 3, 9; 1 AE (emea, referral): month 6");
  // With one territory, every hire goes there: the territory sets nothing apart.
  const std::vector<Assumption> one_territory = assumptions_of(
      "territories: {us: {}}\n"
      "hires: [{role: account_executive, month: 6, territory: us},\n"
      "        {role: account_executive, month: 2}]\n",
      "");
  EXPECT_EQ(row(one_territory, "Dated hires").value, "2 AEs: months 2, 6");
  // Hires of one month keep their order, in which they queue for the recruiting slots
  // (manager-first.yaml against reps-first.yaml).
  EXPECT_EQ(row(assumptions_of("hires: [{role: sales_manager, month: 1},\n"
                               "        {role: account_executive, count: 6, month: 1}]\n",
                               ""),
                "Dated hires")
                .value,
            "1 manager: month 1; 6 AEs: month 1");
  EXPECT_EQ(row(assumptions_of("hires: [{role: account_executive, count: 6, month: 1},\n"
                               "        {role: sales_manager, month: 1}]\n",
                               ""),
                "Dated hires")
                .value,
            "6 AEs: month 1; 1 manager: month 1");
}

TEST(AssumptionsTest, HiringRulesReadAsSentences) {
  const std::vector<Assumption> rows =
      assumptions_of(std::string(kPlan) +
                     "hiring_rules:\n"
                     "  - {role: account_executive, count: 2, every_months: 3}\n"
                     "  - {role: sales_manager, when_reps_per_manager_above: 10}\n"
                     "  - {role: assistant_manager, when_reps_per_manager_above: 7}\n"
                     "  - {role: customer_success, per_customers: 80}\n");
  EXPECT_EQ(row(rows, "Hiring rules").value,
            "2 AEs every 3 months; a manager per 10 reps; an assistant manager per 7 reps; a "
            "CS rep per 80 customers");
}

TEST(AssumptionsTest, HiringRulesSayWhenWhereAndHowFarTheyHire) {
  // Two rules that differ only in their months, cap, territory or source hire differently: each
  // of those is said, so that compare does not call such plans alike.
  const std::vector<Assumption> rows = assumptions_of(
      "horizon_months: 36\n"
      "territories: {us: {}, emea: {}}\n"
      "hiring_rules:\n"
      "  - {role: account_executive, every_months: 3, from_month: 6, territory: emea}\n"
      "  - {role: account_executive, every_months: 6, until_month: 24, source: agency}\n"
      "  - {role: customer_success, per_customers: 40, from_month: 18, until_month: 30,\n"
      "     max_count: 2}\n"
      "  - {role: sales_manager, when_reps_per_manager_above: 8, until_month: 36}\n",
      "");
  EXPECT_EQ(row(rows, "Hiring rules").value,
            "1 AE every 3 months from month 6 (emea); 1 AE every 6 months until month 24 "
            "(agency); a CS rep per 40 customers from month 18 to month 30, up to 2 CS reps; a "
            "manager per 8 reps");
  // With a start date, the months are calendar months.
  const std::vector<Assumption> dated = assumptions_of(
      "start_date: 2027-01\n"
      "hiring_rules: [{role: account_executive, every_months: 3, from_month: 2027-07}]\n",
      "");
  EXPECT_EQ(row(dated, "Hiring rules").value, "1 AE every 3 months from Jul 2027");
}

TEST(AssumptionsTest, ValuesReadInTheUsersUnits) {
  const std::vector<Assumption> rows = assumptions_of(kPlan, "v");
  // By hand: the defaults of docs/scenario-reference.md and the plan's own values.
  // One dated entry of 2: "2 AEs: month 1", the count said once.
  EXPECT_EQ(row(rows, "Dated hires").value, "2 AEs: month 1; 1 manager: month 4");
  EXPECT_EQ(row(rows, "Inbound leads").value, "12 a month");
  EXPECT_EQ(row(rows, "Prospected leads").value, "4 per AE a month");
  EXPECT_EQ(row(rows, "Win rate").value, "25% of opportunities");
  EXPECT_EQ(row(rows, "Deal size (ACV)").value, "median $15.5k, p90 $31k a year");
  EXPECT_EQ(row(rows, "Sales cycle").value, "median 60, p90 120 days");
  EXPECT_EQ(row(rows, "Open deals at most").value, "40 per AE");
  EXPECT_EQ(row(rows, "AE ramp").value,
            "onboarding 15 days, then ramp 1.5–4 months, most likely 2.5 (linear)");
  EXPECT_EQ(row(rows, "Quota").value, "$600k a year");
  EXPECT_EQ(row(rows, "On-target earnings").value, "$160k a year");
  EXPECT_EQ(row(rows, "Base salaries").value, "AE $80k, manager $150k a year");
  EXPECT_EQ(row(rows, "Churn").value, "2% a month");
  EXPECT_EQ(row(rows, "Expansion").value, "+1% a month on staying customers");
  EXPECT_EQ(row(rows, "Starting cash").value, "$2M");
  EXPECT_EQ(row(rows, "Other costs").value, "$30k a month");
  EXPECT_EQ(row(rows, "Funding").value, "none");
  EXPECT_EQ(row(rows, "Time to fill").value,
            "AE median 45, p90 90 days; manager median 60, p90 120 days");
  for (const Assumption& a : rows) {
    EXPECT_FALSE(a.source.empty()) << a.label;
    EXPECT_NE(a.source.find("scenario-reference"), std::string::npos) << a.label;
  }
}

TEST(AssumptionsTest, PerReplicationInputsShowAsUncertainLevels) {
  const std::vector<Assumption> rows = assumptions_of(
      "territories: {main: {inbound_leads_per_month: {dist: uniform, min: 10, max: 20, per: "
      "replication}}}\n"
      "pipeline:\n"
      "  deal_size_acv:\n"
      "    dist: lognormal\n"
      "    median: {dist: uniform, min: 10_000, max: 20_000, per: replication}\n"
      "    p90: 40_000\n"
      "hires: [{role: account_executive, month: 1}]\n");
  const Assumption& leads = row(rows, "Inbound leads");
  EXPECT_EQ(leads.value, "10–20 a month (one level per run)");
  EXPECT_TRUE(leads.uncertain);
  EXPECT_FALSE(leads.uses_default());
  const Assumption& size = row(rows, "Deal size (ACV)");
  EXPECT_TRUE(size.uncertain);
  EXPECT_NE(size.value.find("; median $10k–$20k (one level per run)"), std::string::npos)
      << size.value;
  EXPECT_FALSE(row(rows, "Win rate").uncertain);
}

TEST(AssumptionsTest, ASalesMotionSetsItsPresetsKeys) {
  const std::vector<Assumption> rows =
      assumptions_of("sales_motion: transactional\nhires: [{role: account_executive, month: 1}]\n");
  EXPECT_FALSE(row(rows, "Win rate").uses_default());
  EXPECT_EQ(row(rows, "Deal size (ACV)").value, "median $6,000, p90 $15k a year");
  EXPECT_FALSE(row(rows, "Churn").uses_default());
  EXPECT_TRUE(row(rows, "Expansion").uses_default());
}

TEST(AssumptionsTest, WrittenKeysCountHiresFromACsvAndListsAsWhole) {
  std::vector<Diagnostic> diagnostics;
  const auto tree = parse_yaml(
      "hires_csv: plan.csv\nmoney: {funding: [{month: 3, amount: 1}]}\npipeline:\n  win_rate: "
      "{dist: beta, mean: 0.2, sd: 0.05}\n",
      "plan.yaml", diagnostics);
  ASSERT_TRUE(tree);
  EXPECT_EQ(written_key_paths(*tree),
            (std::vector<std::string>{"hires", "hires_csv", "money", "money.funding", "pipeline",
                                      "pipeline.win_rate", "pipeline.win_rate.dist",
                                      "pipeline.win_rate.mean", "pipeline.win_rate.sd"}));
}

TEST(AssumptionsTest, DistributionsReadAsAPersonReadsThem) {
  const auto plain = [](double v) { return format_compact(v); };
  EXPECT_EQ(describe_for_people(sim::Distribution::triangular(1.5, 2.5, 4), plain, " months"),
            "1.5–4 months, most likely 2.5");
  EXPECT_EQ(describe_for_people(sim::Distribution::uniform(10, 20), plain, ""), "10–20");
  EXPECT_EQ(describe_for_people(sim::Distribution::constant(14), plain, " days"), "14 days");
  EXPECT_EQ(describe_for_people(sim::Distribution::poisson(3), plain, ""), "mean 3");
  const sim::Distribution beta = sim::Distribution::beta_from_mean_sd(0.22, 0.05);
  const auto pct = [](double v) { return format_compact(100 * v) + "%"; };
  EXPECT_EQ(describe_for_people(beta, pct, ""),
            "mean 22%, 80% within " + pct(beta.quantile(0.1)) + "–" + pct(beta.quantile(0.9)));
}

}  // namespace
}  // namespace teamsim::app
