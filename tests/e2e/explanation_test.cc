// The run's assumptions table and "why" section, on the terminal and in the report, from the
// real binary.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "app/common/utf8.h"
#include "tests/e2e/run_binary.h"

namespace teamsim::e2e {
namespace {

TEST(ExplanationTest, TheRunStartsWithTheAssumptionsAndExplainsItsResult) {
  TempDir out;
  const CommandResult r =
      run_teamsim("run scenarios/default.yaml -n " + std::to_string(replications_for_build(60)) +
                  " --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::size_t assumptions = r.out.find("Assumptions ([default]");
  const std::size_t table = r.out.find("(p10 / p50 / p90)");
  const std::size_t why = r.out.find("Why (means over the replications");
  ASSERT_NE(assumptions, std::string::npos) << r.out;
  EXPECT_LT(assumptions, table);
  EXPECT_LT(table, why);
  // default.yaml sets the AE's salary (85k) and not its OTE: 2 x salary, a default.
  EXPECT_NE(r.out.find("$170k a year [default]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("8 per AE a month\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("22 a month (north_america 14, europe 8)\n"), std::string::npos);
  EXPECT_NE(r.out.find("Binds in year"), std::string::npos) << r.out;
  // Its P(cash < 0) stays below 10 % (the runway lasts): no line on running out.
  EXPECT_EQ(r.out.find("Cash runs out"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("AEs: 3 requested (requisitions open in months 3-9); by month 36 median"),
            std::string::npos)
      << r.out;
}

TEST(ExplanationTest, ARolesHiresCountBackfillsAndRuleHiresOnlyWhereThePlanHasThem) {
  // The manager is not backfilled and no rule hires one; a rule hires AEs; CS reps are
  // backfilled (the default) and no rule hires them. Terminal and report say the same.
  TempDir dir;
  std::ofstream(dir.path() + "/plan.yaml") << "horizon_months: 12\n"
                                              "roles: {sales_manager: {backfill: false}}\n"
                                              "hires:\n"
                                              "  - {role: sales_manager, month: 1}\n"
                                              "  - {role: account_executive, count: 2, month: 2}\n"
                                              "  - {role: customer_success, month: 3}\n"
                                              "hiring_rules:\n"
                                              "  - {role: account_executive, every_months: 6}\n";
  const CommandResult r =
      run_teamsim("run plan.yaml -n 20 --report --out out", dir.path(), "COLUMNS=400");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(dir.path() + "/out/report.html");
  // " hired (...)" of the role's sentence: the hires' range and what they count.
  const auto hired = [](const std::string& text, const std::string& noun) -> std::string {
    const std::size_t role = text.find(noun + ": ", text.find("Hires against the plan"));
    const std::size_t at = role == std::string::npos ? role : text.find(" hired (", role);
    return at == std::string::npos ? "" : text.substr(at, text.find(')', at) + 1 - at);
  };
  for (const std::string* text : {&r.out, &html}) {
    const std::string managers = hired(*text, "Managers");
    EXPECT_NE(managers, "") << *text;
    EXPECT_EQ(managers.find("included"), std::string::npos) << managers;
    EXPECT_NE(hired(*text, "AEs").find(", backfills and rule hires included)"), std::string::npos)
        << *text;
    EXPECT_NE(hired(*text, "CS reps").find(", backfills included)"), std::string::npos) << *text;
  }
}

TEST(ExplanationTest, APlanThatRunsOutOfCashSaysWhenAndThatTheModelGoesOn) {
  // No staff and no customers: cash is 100,000 - 30,000 m at month m (a month's other costs are
  // 30,000 x 30.4375 / 30.4375 days), 10,000 at month 3 and -20,000 at month 4 in every
  // replication: the runway ends in month 4, where 100 % have gone below zero.
  TempDir dir;
  std::ofstream(dir.path() + "/plan.yaml")
      << "horizon_months: 6\nmoney: {starting_cash: 100_000, other_monthly_costs: 30_000}\n";
  const CommandResult r =
      run_teamsim("run plan.yaml -n 20 --report --out out", dir.path(), "COLUMNS=400");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Runway: P(cash < 0) reaches 10 % in month 4"), std::string::npos) << r.out;
  const std::string after =
      "The model does not stop a plan that runs out: it keeps hiring, paying "
      "and selling, so in those replications the results from then on count "
      "on cash the plan does not have.";
  EXPECT_NE(r.out.find("Cash runs out by month 4 in 100% of the replications (the runway line "
                       "above). " +
                       after),
            std::string::npos)
      << r.out;
  const std::string html = read_file(dir.path() + "/out/report.html");
  EXPECT_NE(html.find("<li><strong>Cash</strong> runs out by month 4 in 100% of the replications "
                      "(the P(cash &lt; 0) card above). " +
                      after + "</li>"),
            std::string::npos);
}

TEST(ExplanationTest, TheRunFitsColumnsAndQuietKeepsOnlyTheTable) {
  TempDir out;
  const CommandResult r =
      run_teamsim("run scenarios/default.yaml -n 20 --out " + out.path(), "", "COLUMNS=80");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(app::utf8_width(line), 80u) << line;
  }
  const CommandResult quiet =
      run_teamsim("run scenarios/default.yaml -n 20 -q --out " + out.path());
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.out.find("Assumptions"), std::string::npos);
  EXPECT_EQ(quiet.out.find("Why"), std::string::npos);
}

TEST(ExplanationTest, TheReportOfARunFolderShowsTheAssumptionsAndTheWhy) {
  TempDir out;
  ASSERT_EQ(run_teamsim("run scenarios/default.yaml -n 20 -q --out " + out.path()).exit_code, 0);
  const CommandResult r = run_teamsim("report " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out.path() + "/report.html");
  const std::size_t assumptions = html.find("<section id=\"assumptions\">");
  ASSERT_NE(assumptions, std::string::npos);
  EXPECT_LT(assumptions, html.find("<section id=\"headlines\">"));
  EXPECT_NE(html.find("<span class=\"badge\""), std::string::npos);
  EXPECT_NE(html.find("<section id=\"why\">"), std::string::npos);
  EXPECT_NE(html.find("What binds in"), std::string::npos);
  EXPECT_NE(html.find("Hires against the plan"), std::string::npos);
  // The resolved scenario is a collapsed appendix, not the report's body.
  EXPECT_NE(html.find("<details class=\"appendix\">"), std::string::npos);
}

TEST(ExplanationTest, CompareShowsTheAssumptionsThatDifferBetweenThePlans) {
  TempDir out;
  const CommandResult r = run_teamsim(
      "compare scenarios/compare-manager-first.yaml --variants manager_first,reps_first -n 20 "
      "--report --out " +
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::size_t differ = r.out.find("Assumptions that differ between the plans");
  ASSERT_NE(differ, std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  Dated hires\n    A: 1 manager: month 1; 3 AEs: months 4, 6, 8", differ),
            std::string::npos)
      << r.out;
  // The variants change only the hires: the win rate is the same in both and not listed.
  EXPECT_EQ(r.out.find("  Win rate\n", differ), std::string::npos) << r.out;
  const std::string html = read_file(out.path() + "/report.html");
  EXPECT_NE(html.find("<section id=\"assumptions\">"), std::string::npos);
  EXPECT_NE(html.find(">differs</span>"), std::string::npos);
}

}  // namespace
}  // namespace teamsim::e2e
