#include "app/scenario/plausibility_checks.h"

#include <gmock/gmock.h>  // HasSubstr only: header-only, no gmock library linked
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/scenario/scenario_loader.h"

// Plausibility warnings through the whole loader: valid scenarios that are probably not what was
// meant. The expected figures are worked out by hand from the built-in defaults
// (models/defaults.cc): AE time to fill lognormal(median 45, p90 90) has mean 45 e^{σ²/2} with
// σ = ln 2 / 1.2816, i.e. 52.1 days; the sales cycle lognormal(60, p90 120) has mean 69.4 days; the
// deal size lognormal(12,000, p90 30,000) has mean 12,000 e^{σ²/2} with σ = ln 2.5 / 1.2816, i.e.
// 15,494; the win rate's mean is 0.2.

namespace teamsim::app::loader {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> warnings(const std::string& yaml) {
  const LoadResult result = load_scenario_string(yaml, "s.yaml");
  EXPECT_TRUE(result.diagnostics.empty()) << format_diagnostics(result.diagnostics);
  std::vector<std::string> out;
  for (const Diagnostic& d : result.warnings) {
    EXPECT_TRUE(d.warning);
    out.push_back(format_diagnostic(d));
  }
  return out;
}

// One ramped AE with plenty of inbound leads: nothing to say.
const std::string kPlentyOfLeads =
    "territories: {a: {inbound_leads_per_month: 100}}\n"
    "starting_staff: [{role: account_executive}]\n";

TEST(PlausibilityTest, TheBuiltInDefaultsWithEnoughLeadsRaiseNoWarning) {
  EXPECT_TRUE((warnings(kPlentyOfLeads)).empty());
}

TEST(PlausibilityTest, AChurnWrittenAsTheWholeNumberOneIsProbablyAPercentage) {
  const auto found = warnings(kPlentyOfLeads + "customers:\n  monthly_churn: 1\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0], HasSubstr("s.yaml:4:18: warning: customers.monthly_churn: 1 means 100 %: "
                                  "every customer leaves at its first renewal, so ARR falls to 0. "
                                  "If you meant 1 %, write 1% or 0.01"));
  // Written as a percentage, as a decimal or quoted, it says what it means.
  EXPECT_TRUE((warnings(kPlentyOfLeads + "customers: {monthly_churn: 1%}\n")).empty());
  EXPECT_TRUE((warnings(kPlentyOfLeads + "customers: {monthly_churn: 0.01}\n")).empty());
  // Inside a distribution's parameters too, wherever the key is.
  const auto win = warnings(kPlentyOfLeads + "pipeline: {win_rate: 1}\n");
  ASSERT_EQ(win.size(), 1u);
  EXPECT_THAT(win[0], HasSubstr("s.yaml:3:22: warning: pipeline.win_rate: 1 means 100 %: every "
                                "opportunity is won"));
}

TEST(PlausibilityTest, AMonthlyChurnThatReadsAsAPercentageIsFlagged) {
  // 'monthly_churn: 0.5', meant as 0.5 %, is 50 % a month: nearly every customer gone in a year,
  // and nothing said so.
  const auto found = warnings(kPlentyOfLeads + "customers:\n  monthly_churn: 0.5\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0], HasSubstr("s.yaml:4:18: warning: customers.monthly_churn: 0.5 means 50 % "
                                  "of the customers leave at each monthly renewal: 99.9 % of "
                                  "them are gone within a year. If you meant 0.5 %, write 0.5%"));
  // 15 % a month or less, a per cent sign, or a quoted value (refused by the loader): nothing.
  EXPECT_TRUE((warnings(kPlentyOfLeads + "customers: {monthly_churn: 0.15}\n")).empty());
  EXPECT_TRUE((warnings(kPlentyOfLeads + "customers: {monthly_churn: 50%}\n")).empty());
  EXPECT_TRUE((warnings(kPlentyOfLeads + "customers: {monthly_churn: 0.03}\n")).empty());
}

TEST(PlausibilityTest, AQuotaBeyondTheOpportunityCapacityIsFlagged) {
  // 10 open ÷ 69.45 days × 365.25 × 0.2 × 15,494 = $163k a year: 25 % of 640k.
  const auto found = warnings(
      "territories: {a: {inbound_leads_per_month: 100}}\n"
      "roles: {account_executive: {max_open_opportunities: 10}}\n"
      "starting_staff: [{role: account_executive}]\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0], HasSubstr("s.yaml:2:28: warning: roles.account_executive.annual_quota: a "
                                  "ramped AE can book about $163k a year (10 open "
                                  "opportunities ÷ a 69-day mean cycle; × 20 % mean win rate × "
                                  "$15.5k mean ACV), 25 % of the quota of $640k"));
}

TEST(PlausibilityTest, AQuotaBeyondTheLeadFlowIsFlagged) {
  // 5 leads a month × 12 × 0.2 × 15,494 = $186k a year: 29 % of the 640k quota.
  const auto found = warnings(
      "territories: {a: {inbound_leads_per_month: 5}}\n"
      "roles: {account_executive: {prospecting_leads_per_month: 0, annual_quota: 640_000}}\n"
      "starting_staff: [{role: account_executive}]\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0], HasSubstr("s.yaml:2:75: warning: roles.account_executive.annual_quota: a "
                                  "ramped AE can book about $186k a year (12 months "
                                  "× about 5.0 leads a month per rep: 5 inbound and SDR leads over "
                                  "1 seller, plus 0 prospected each; × 20 % mean win rate"));
  EXPECT_THAT(found[0], HasSubstr("29 % of the quota of $640k"));
  // In the scenario's currency.
  const auto euros = warnings(
      "money: {currency: EUR}\n"
      "territories: {a: {inbound_leads_per_month: 5}}\n"
      "roles: {account_executive: {prospecting_leads_per_month: 0, annual_quota: 640_000}}\n"
      "starting_staff: [{role: account_executive}]\n");
  ASSERT_EQ(euros.size(), 1u);
  EXPECT_THAT(euros[0], HasSubstr("29 % of the quota of €640k"));
}

TEST(PlausibilityTest, AQuotaWarningShowsTheRolesPerformanceInItsArithmetic) {
  // 5 leads a month × 12 × 0.2 × 15,494 × 0.5 = $93k a year (92,964): 14.5 % of the 640k quota. The
  // workings printed must multiply out to the figure quoted, performance included.
  const auto found = warnings(
      "territories: {a: {inbound_leads_per_month: 5}}\n"
      "roles: {account_executive: {prospecting_leads_per_month: 0, annual_quota: 640_000, "
      "performance: 0.5}}\n"
      "starting_staff: [{role: account_executive}]\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0], HasSubstr("can book about $93k a year"));
  EXPECT_THAT(found[0], HasSubstr("× $15.5k mean ACV × 0.5 mean performance), 15 % of the quota"));
}

TEST(PlausibilityTest, AQuotaIsHeldAgainstTheLeadsOfEachTerritoryNotTheirSum) {
  // us: 20 leads for 1 AE; emea: none for 2. Pooled, every rep would get 20 / 3 + 4 prospected
  // = 10.7 leads a month ($397k, 62 %); in emea a rep has only their own 4:
  // 4 x 12 x 0.2 x 15,494 = $149k, 23 % of 640k, and the warning names emea.
  const auto found = warnings(
      "territories: {us: {inbound_leads_per_month: 20}, emea: {inbound_leads_per_month: 0}}\n"
      "starting_staff: [{role: account_executive, territory: us},\n"
      "                 {role: account_executive, count: 2, territory: emea}]\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0], HasSubstr("a ramped AE can book about $149k a year (12 months × about 4.0 "
                                  "leads a month per rep in emea: 0 inbound and SDR leads over 2 "
                                  "sellers, plus 4 prospected each;"));
  EXPECT_THAT(found[0], HasSubstr("23 % of the quota of $640k"));
}

TEST(PlausibilityTest, DatedHiresBeyondTheFoundersRecruitingBandwidthAreFlagged) {
  // The founder runs one search at a time, 1.5 × slower: 52.1 × 1.5 = 78.1 days each. Two hires
  // in month 1: the second waits 78 days (2.6 months), within the three months tolerated.
  EXPECT_TRUE(warnings(kPlentyOfLeads + "hires: [{role: account_executive, count: 2, month: 1}]\n")
                  .empty());
  // Six: the sixth waits 5 × 78.1 = 391 days, 12.8 months. (A founder who manages ten: the
  // seven reps stay within the management span.)
  const auto found = warnings(kPlentyOfLeads +
                              "founder: {span_of_control: 10}\n"
                              "hires: [{role: account_executive, count: 6, month: 1}]\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0], HasSubstr("s.yaml:4:9: warning: hires[0]: the recruiting bandwidth starts "
                                  "this search about 13 months late"));
  // A sales manager from the start runs four searches at once, at normal speed.
  EXPECT_TRUE(warnings("territories: {a: {inbound_leads_per_month: 100}}\n"
                       "starting_staff: [{role: account_executive}, {role: sales_manager}]\n"
                       "roles: {sales_manager: {concurrent_searches: 4}}\n"
                       "hires: [{role: account_executive, count: 6, month: 1}]\n")
                  .empty());
}

TEST(PlausibilityTest, TheRecruitingAdviceNeverAsksToOpenAMonthOneSearchEarlier) {
  // The founder recruits the manager first (60 × 1.5 = 90 days), then the AEs one at a time
  // (78.1 days each): the fifth AE waits about 90 + 4 × 78.1 days. Which advice fits depends on
  // when the manager's search opens: in month 1 it cannot open earlier.
  const std::string team = kPlentyOfLeads + "founder: {span_of_control: 10}\n";
  const auto month_one = warnings(team +
                                  "hires: [{role: sales_manager, month: 1},\n"
                                  "        {role: account_executive, count: 5, month: 2}]\n");
  ASSERT_EQ(month_one.size(), 1u);
  EXPECT_THAT(month_one[0], HasSubstr("The manager's search opens in month 1 already: raise "
                                      "founder.concurrent_searches, or spread the hires"));
  EXPECT_THAT(month_one[0], ::testing::Not(HasSubstr("earlier")));
  const auto month_three = warnings(team +
                                    "hires: [{role: sales_manager, month: 3},\n"
                                    "        {role: account_executive, count: 5, month: 2}]\n");
  ASSERT_EQ(month_three.size(), 1u);
  EXPECT_THAT(month_three[0], HasSubstr("Open the manager's search earlier, raise "
                                        "founder.concurrent_searches, or spread the hires"));
  const auto none = warnings(team + "hires: [{role: account_executive, count: 6, month: 1}]\n");
  ASSERT_EQ(none.size(), 1u);
  EXPECT_THAT(none[0], HasSubstr("Hire a sales manager first, raise founder.concurrent_searches, "
                                 "or spread the hires"));
}

TEST(PlausibilityTest, AnAssistantWithoutASalesManagerRecruitsBesideTheFounder) {
  // No sales manager: the model's slots are the founder's one plus the assistant's one, and while
  // the founder recruits every search takes the founder's 1.5 × (60 × 1.5 = 90 days). Four
  // searches opened on day 0 start on days 0, 0, 90, 90: the longest wait is 90 days, under the
  // three months (91.3 days) tolerated. Counting the assistant's slot alone, as if it replaced
  // the founder, the fourth would wait 3 × 60 = 180 days and be flagged.
  const std::string team =
      "territories: {a: {inbound_leads_per_month: 100}}\n"
      "founder: {span_of_control: 10}\n"
      "roles: {account_executive: {time_to_fill_days: 60}}\n"
      "starting_staff: [{role: account_executive}, {role: assistant_manager}]\n";
  EXPECT_TRUE(warnings(team + "hires: [{role: account_executive, count: 4, month: 1}]\n").empty());
  // Six: starts on days 0, 0, 90, 90, 180, 180: the sixth waits 180 days, 5.9 months.
  const auto found = warnings(team + "hires: [{role: account_executive, count: 6, month: 1}]\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0], HasSubstr("warning: hires[0]: the recruiting bandwidth starts this search "
                                  "about 6 months late"));
  // Once a sales manager is employed, the slots are the managers' and assistants' only (3 + 1),
  // at their own speed: six 60-day searches start on days 0, 0, 0, 0, 60, 60.
  EXPECT_TRUE(warnings("territories: {a: {inbound_leads_per_month: 100}}\n"
                       "roles: {account_executive: {time_to_fill_days: 60}}\n"
                       "starting_staff: [{role: account_executive}, {role: assistant_manager},"
                       " {role: sales_manager}]\n"
                       "hires: [{role: account_executive, count: 6, month: 1}]\n")
                  .empty());
}

TEST(PlausibilityTest, AHireThatCannotFinishOnboardingWithinTheRunIsFlagged) {
  // Founder-led search: first day 78.1 days in (month 3.6); 120 days of onboarding end on day
  // 198 (month 7.5), after the sixth month's end (day 182.6).
  const std::string plan = "horizon_months: 6\n" + kPlentyOfLeads +
                           "roles: {account_executive: {onboarding_days: 120}}\n"
                           "hires: [{role: account_executive, month: 1}]\n";
  const auto found = warnings(plan);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0], HasSubstr("s.yaml:5:9: warning: hires[0]: this account_executive cannot be "
                                  "trained within the run: expected to start around month 4 and "
                                  "to finish 120 days of onboarding around month 8, after the last "
                                  "month (6), so it never sells in the run."));
  // A manager never sells: what never counts is what it adds once onboarded.
  const auto manager = warnings("horizon_months: 3\n" + kPlentyOfLeads +
                                "hires: [{role: sales_manager, month: 3}]\n");
  ASSERT_EQ(manager.size(), 1u);
  EXPECT_THAT(manager[0], HasSubstr("this sales_manager cannot be trained within the run"));
  EXPECT_THAT(manager[0], HasSubstr("so what it adds once onboarded (span, trainer slots, accounts "
                                    "covered, ...) never counts in the run."));
  // Seven months: day 198 falls inside the run.
  EXPECT_TRUE((warnings("horizon_months: 7\n" + plan.substr(plan.find('\n') + 1))).empty());
}

TEST(PlausibilityTest, ADatedPlansWarningsNameItsMonthsAsItsHiresDo) {
  // With start_date the hire is written `month: 2027-10`; the warnings spoke of "month 17, not
  // month 4" and "the last month (12)". Six founder-led searches from day 30.4: the sixth starts
  // on day 30.4 + 5 x 78.1 = 421 and ends on day 499 (month 17.4: Jan 2029); planned, month 2
  // + 52.1 / 30.4 rounded, month 4 (Dec 2027).
  const auto found = warnings("start_date: 2027-09\nhorizon_months: 12\n" + kPlentyOfLeads +
                              "founder: {span_of_control: 10}\n"
                              "hires: [{role: account_executive, count: 6, month: 2027-10}]\n");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_THAT(found[0], HasSubstr("its people start around Jan 2029, not Dec 2027."));
  EXPECT_THAT(found[1], HasSubstr("expected to start around Jan 2029 and to finish 15 days of "
                                  "onboarding around Feb 2029, after the last month (Aug 2028)"));
}

TEST(PlausibilityTest, ATeamThatOutgrowsItsManagementSpanIsFlagged) {
  // Five reps and the founder's span of 4: coverage 4 / 5 = 80 %, and every rep keeps
  // 1 − 0.3 × (1 − 0.8) = 0.94 of their productivity (penalty 30 % by default).
  const std::string five =
      "territories: {a: {inbound_leads_per_month: 100}}\n"
      "starting_staff: [{role: account_executive, count: 5}]\n";
  const auto found = warnings(five);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0], HasSubstr("s.yaml:2:17: warning: starting_staff: from day 0, the "
                                  "plan's 5 reps (starting staff and dated hires) outgrow its "
                                  "management span (4: the founder's, no sales manager): coverage "
                                  "80 %, so every rep's productivity is × 0.940"));
  // Four are within it; without a penalty, or with a rule that hires managers as reps grow,
  // there is nothing to say.
  EXPECT_TRUE(warnings("territories: {a: {inbound_leads_per_month: 100}}\n"
                       "starting_staff: [{role: account_executive, count: 4}]\n")
                  .empty());
  EXPECT_TRUE(warnings(five + "management: {under_management_penalty: 0}\n").empty());
  EXPECT_TRUE(
      warnings(five + "hiring_rules: [{role: sales_manager, when_reps_per_manager_above: 6}]\n")
          .empty());
}

TEST(PlausibilityTest, AManagementSpanJustExceededNeverReadsAsFullyCovered) {
  // 241 reps for 240 (a manager managing 240): 99.59 % covered, shown as 99 %, and
  // 1 − 0.3 × 1 / 241 = 0.99876, shown as 0.998 (both rounded down, never "100 %, × 1.00").
  const auto found = warnings(
      "territories: {a: {inbound_leads_per_month: 10000}}\n"
      "roles: {sales_manager: {span_of_control: 240}}\n"
      "starting_staff: [{role: account_executive, count: 241}, {role: sales_manager}]\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0], HasSubstr("(240: its managers'): coverage 99 %, so every rep's "
                                  "productivity is × 0.998"));
}

TEST(PlausibilityTest, ATeamBeyondItsSpanOnlyAfterTheLastMonthIsNotFlagged) {
  // The fifth rep's search opens in month 12 of 12: they would start after the run ends (which
  // the onboarding check says), so the run's team never outgrows the founder's span of 4.
  const auto found = warnings(
      "horizon_months: 12\n"
      "territories: {a: {inbound_leads_per_month: 100}}\n"
      "founder: {concurrent_searches: 3}\n"
      "starting_staff: [{role: account_executive, count: 4}]\n"
      "hires: [{role: account_executive, month: 12}]\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0], HasSubstr("cannot be trained within the run"));
}

TEST(PlausibilityTest, TheManagementSpanIsJudgedAtTheEndOfTheDatedPlan) {
  // Three reps, two more in month 2 (five, beyond the founder's 4 for a while), then a manager
  // (span 8, and the founder stops managing once they are onboarded): covered at the end.
  const std::string plan =
      "territories: {a: {inbound_leads_per_month: 200}}\n"
      "founder: {concurrent_searches: 3}\n"
      "starting_staff: [{role: account_executive, count: 3}]\n"
      "hires:\n"
      "  - {role: account_executive, month: 2, count: 2}\n"
      "  - {role: sales_manager, month: 2}\n";
  EXPECT_TRUE(warnings(plan).empty());
  // Six more in month 12: 11 reps for the manager's 8, 8 / 11 = 72.7 % (shown rounded down), and
  // 1 − 0.3 × 3 / 11 = 0.9182; flagged at the hire after which the team stays beyond its span.
  const auto found = warnings(plan + "  - {role: account_executive, month: 12, count: 6}\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0], HasSubstr("s.yaml:7:5: warning: hires[2]: from this hire on, the "
                                  "plan's 11 reps (starting staff and dated hires) outgrow its "
                                  "management span (8: its managers'): coverage 72 %, so every "
                                  "rep's productivity is × 0.918"));
}

TEST(PlausibilityTest, APlanThatEmploysNoOneIsFlagged) {
  // teamsim init without answers writes `starting_staff: []` and `hires: []`: every month of
  // bookings, customers and headcount is 0, and nothing said why.
  const auto found =
      warnings("territories: {a: {inbound_leads_per_month: 20}}\nstarting_staff: []\nhires: []\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0], HasSubstr("s.yaml:3:8: warning: hires: the plan employs no one (no "
                                  "starting_staff, hires or hiring_rules), so no lead is worked "
                                  "and no deal is won"));
  // Without either key, at the whole file; a hire of nobody is nobody.
  const auto bare = warnings("horizon_months: 12\n");
  ASSERT_EQ(bare.size(), 1u);
  EXPECT_THAT(bare[0], HasSubstr("s.yaml:1:1: warning: hires: the plan employs no one"));
  EXPECT_EQ(warnings("hires: [{role: account_executive, month: 2, count: 0}]\n").size(), 1u);
  // Anyone at all, or a rule that hires, is a team.
  EXPECT_TRUE(warnings(kPlentyOfLeads).empty());
  EXPECT_TRUE(warnings("territories: {a: {inbound_leads_per_month: 100}}\n"
                       "hires: [{role: account_executive, month: 1}]\n")
                  .empty());
}

}  // namespace
}  // namespace teamsim::app::loader
