#include "app/results/explanation_table.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "app/analysis/run_explanation.h"

namespace teamsim::app {
namespace {

RoleHiring three_aes() {
  RoleHiring aes;
  aes.role = "account_executive";
  aes.requested = 3;
  aes.opened = {3, 3, 9};
  aes.month = 36;
  aes.hired_p10 = 4;
  aes.hired_p50 = 5;
  aes.hired_p90 = 7;
  aes.employed_p50 = 3;
  aes.waiting_for_search = 0.1;
  return aes;
}

TEST(HiringSentencesTest, KnownCounts) {
  RunExplanation explanation;
  explanation.hiring.push_back(three_aes());
  EXPECT_EQ(hiring_sentences(explanation),
            (std::vector<std::string>{
                "AEs: 3 requested (requisitions open in months 3-9); by month 36 median 5 hired "
                "(4-7, backfills "
                "and rule hires included), 3 employed, 0.1 waiting for a search on average"}));
}

TEST(HiringSentencesTest, PercentilesOfPeopleAreWholeAsInTheKeyMetricTable) {
  // Percentiles interpolate between histories: 97.5 hires is the median of 97 and 98. People
  // read whole, as the key-metric table writes counts; the mean queue keeps its decimal.
  RunExplanation explanation;
  RoleHiring aes = three_aes();
  aes.hired_p10 = 88.9;
  aes.hired_p50 = 97.5;
  aes.hired_p90 = 107.2;
  aes.employed_p50 = 64.5;
  explanation.hiring.push_back(aes);
  EXPECT_EQ(hiring_sentences(explanation),
            (std::vector<std::string>{
                "AEs: 3 requested (requisitions open in months 3-9); by month 36 median 98 hired "
                "(89-107, backfills and rule hires included), 65 employed, 0.1 waiting for a "
                "search on average"}));
}

TEST(HiringSentencesTest, TheHiresCountTheRolesBackfillsAndItsRulesHiresOnlyWhereItHasThem) {
  // The hires counted beside the dated ones: backfills where the role replaces its leavers, rule
  // hires where a hiring rule hires it; neither, and the range stands alone.
  RunExplanation explanation;
  RoleHiring aes = three_aes();
  aes.rule_hired = false;
  explanation.hiring.push_back(aes);
  aes.backfilled = false;
  aes.rule_hired = true;
  explanation.hiring.push_back(aes);
  aes.rule_hired = false;
  explanation.hiring.push_back(aes);
  const std::string start =
      "AEs: 3 requested (requisitions open in months 3-9); by month 36 median 5 hired (4-7";
  const std::string end = ", 3 employed, 0.1 waiting for a search on average";
  EXPECT_EQ(hiring_sentences(explanation),
            (std::vector<std::string>{start + ", backfills included)" + end,
                                      start + ", rule hires included)" + end, start + ")" + end}));
}

TEST(HiringSentencesTest, TheMonthsSayWhetherTheRequisitionsOpenOrThePeopleStartThen) {
  // `month: m` opens the requisitions at month m's start; `start_month: m` is when the people
  // should start (docs/scenario-reference.md, hires). One of each, both, and calendar months.
  RoleHiring manager = three_aes();
  manager.role = "sales_manager";
  manager.requested = 1;
  manager.opened = {1, 6, 6};
  RoleHiring aes = three_aes();
  aes.opened = {};
  aes.to_start = {3, 4, 8};
  RoleHiring csrs = three_aes();
  csrs.role = "customer_success";
  csrs.requested = 5;
  csrs.opened = {2, 1, 3};
  csrs.to_start = {3, 6, 6};
  RunExplanation explanation;
  explanation.hiring = {manager, aes, csrs};
  const std::string by = "; by month 36 median 5 hired";
  std::vector<std::string> sentences = hiring_sentences(explanation);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0].substr(0, sentences[0].find(by)),
            "Managers: 1 requested (requisition opens in month 6)");
  EXPECT_EQ(sentences[1].substr(0, sentences[1].find(by)),
            "AEs: 3 requested (to start in months 4-8)");
  EXPECT_EQ(sentences[2].substr(0, sentences[2].find(by)),
            "CS reps: 5 requested (2 with requisitions opening in months 1-3, 3 to start in month "
            "6)");

  // Month 1 is Sep 2027: month 6 is Feb 2028, months 4-8 Dec 2027 to Apr 2028.
  explanation.months = MonthNames(CalendarMonth{2027, 9});
  sentences = hiring_sentences(explanation);
  EXPECT_EQ(sentences[0].substr(0, sentences[0].find("; by ")),
            "Managers: 1 requested (requisition opens in Feb 2028)");
  EXPECT_EQ(sentences[1].substr(0, sentences[1].find("; by ")),
            "AEs: 3 requested (to start from Dec 2027 to Apr 2028)");
}

TEST(HiringSentencesTest, CountsThatWereNotKeptSayNotKnownInWords) {
  constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
  RoleHiring aes = three_aes();
  aes.hired_p10 = aes.hired_p50 = aes.hired_p90 = kNan;
  aes.employed_p50 = kNan;
  aes.waiting_for_search = kNan;
  RunExplanation explanation;
  explanation.hiring.push_back(aes);
  EXPECT_EQ(
      hiring_sentences(explanation),
      (std::vector<std::string>{"AEs: 3 requested (requisitions open in months 3-9); by month 36 "
                                "not known: hires, headcount and "
                                "requisitions waiting for a search were not kept (--metrics)"}));

  aes = three_aes();
  aes.waiting_for_search = kNan;
  explanation.hiring = {aes};
  EXPECT_EQ(hiring_sentences(explanation),
            (std::vector<std::string>{
                "AEs: 3 requested (requisitions open in months 3-9); by month 36 median 5 hired "
                "(4-7, backfills "
                "and rule hires included), 3 employed; not known: requisitions waiting for a "
                "search were not "
                "kept (--metrics)"}));
}

TEST(CashSentenceTest, SaysWhenCashRunsOutAndThatTheModelGoesOn) {
  RunExplanation explanation;
  EXPECT_EQ(cash_sentence(explanation, "the runway line above"), "");
  // 29 of 100 replications: 0.29 x 100 is a hair below 29 in floating point, still "29%".
  explanation.cash_runs_out = CashRunout{14, 0.29};
  EXPECT_EQ(cash_sentence(explanation, "the runway line above"),
            "runs out by month 14 in 29% of the replications (the runway line above). The model "
            "does not stop a plan that runs out: it keeps hiring, paying and selling, so in those "
            "replications the results from then on count on cash the plan does not have.");
  // 99.6 % is not every replication.
  explanation.cash_runs_out = CashRunout{3, 0.996};
  explanation.months = MonthNames(CalendarMonth{2027, 9});
  EXPECT_EQ(cash_sentence(explanation, "above").rfind("runs out by Nov 2027 in 99% of", 0), 0u);
}

TEST(CashSentenceTest, TheWhyTableSaysItAfterWhatBinds) {
  RunExplanation explanation;
  explanation.funnel.resize(1);
  explanation.funnel[0] = {1, 1, 12};
  explanation.constraints.resize(1);
  explanation.binding = {"no constraint; demand sets the pace"};
  EXPECT_EQ(explanation_table(explanation).find("Cash"), std::string::npos);
  explanation.cash_runs_out = CashRunout{4, 1.0};
  const std::string table = explanation_table(explanation);
  const std::size_t binds = table.find("Binds in year 1: no constraint");
  const std::size_t cash = table.find(
      "Cash runs out by month 4 in 100% of the replications (the "
      "runway line above). The model does not stop a plan that runs out");
  ASSERT_NE(binds, std::string::npos) << table;
  ASSERT_NE(cash, std::string::npos) << table;
  EXPECT_LT(binds, cash);
}

TEST(ExplanationFormatTest, ACoverageIsRoundedDownSoThatOneThatBindsNeverReadsAs90Percent) {
  EXPECT_EQ(explanation_percent(0.897), "90%");
  EXPECT_EQ(explanation_percent_down(0.897), "89%");
  EXPECT_EQ(explanation_percent_down(1.0), "100%");
  EXPECT_EQ(explanation_percent_down(std::numeric_limits<double>::quiet_NaN()), "—");
}

}  // namespace
}  // namespace teamsim::app
