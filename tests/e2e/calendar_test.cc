// End-to-end tests of a plan set in the calendar (start_date): the shipped dated-hiring-plan
// scenario, whose hires come from a CSV with dated cells, runs and names its months "Sep 2027"
// in the terminal, the CSV files, the charts and the report; `teamsim hires` writes the plan
// back with dates, and a scenario reading that CSV is the same scenario (same hash, same
// results).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

const std::string kScenario = std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/dated-hiring-plan.yaml";

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Month 1 is Sep 2027, so the key months 12, 24 and the horizon 30 are Aug 2028, Aug 2029 and
// Feb 2030.
TEST(CalendarTest, ARunNamesItsMonthsByTheCalendar) {
  TempDir out;
  const CommandResult r = run_teamsim(
      "run '" + kScenario + "' -n 40 --report --png --out " + out.path(), "", "COLUMNS=200");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Aug 2028")) << r.out;
  EXPECT_TRUE(contains(r.out, "Aug 2029")) << r.out;
  EXPECT_TRUE(contains(r.out, "Feb 2030")) << r.out;
  EXPECT_FALSE(contains(r.out, "month 12")) << r.out;

  const std::string csv = read_file(out.path() + "/summary.csv");
  EXPECT_EQ(csv.rfind("scenario,month,date,metric,unit,", 0), 0u) << csv.substr(0, 200);
  EXPECT_TRUE(contains(csv, ",1,2027-09,arr,currency,")) << csv.substr(0, 400);
  EXPECT_TRUE(contains(csv, ",5,2028-01,arr,currency,"));  // across the year end
  const std::string wide = read_file(out.path() + "/summary_wide.csv");
  EXPECT_EQ(wide.rfind("metric,unit,statistic,Sep 2027,Oct 2027,Nov 2027,Dec 2027,Jan 2028,", 0),
            0u)
      << wide.substr(0, 200);
  EXPECT_TRUE(contains(wide, ",Feb 2030\n"));
  const auto json = nlohmann::json::parse(read_file(out.path() + "/summary.json"));
  EXPECT_EQ(json.at("start_date"), "2027-09");
  EXPECT_EQ(json.at("resolved_scenario").at("start_date"), "2027-09");

  // Chart ticks on the calendar's Januaries and Julys; the report's table and cards.
  const std::string arr = read_file(out.path() + "/charts/arr.svg");
  EXPECT_TRUE(contains(arr, ">Jan 2028<")) << arr.substr(0, 400);
  EXPECT_TRUE(contains(arr, ">Jul 2029<"));
  EXPECT_FALSE(contains(arr, ">M12<"));
  const std::string html = read_file(out.path() + "/report.html");
  EXPECT_TRUE(contains(html, "class=\"month\">Aug 2028</th>"));
  EXPECT_TRUE(contains(html, "ARR, Feb 2030 (median)"));

  // The why's hires against the plan (dated-hiring-plan.csv): the manager's requisition opens in
  // Sep 2027 (`month`); the five AEs and the CS rep are dated by when they start (`start_month`).
  for (const std::string* text : {&r.out, &html}) {
    EXPECT_TRUE(contains(*text,
                         "Managers: 1 requested (requisition opens in Sep 2027); by Feb "
                         "2030 median"))
        << *text;
    EXPECT_TRUE(contains(*text,
                         "AEs: 5 requested (to start from Jan 2028 to Jan 2029); by Feb "
                         "2030 median"));
    EXPECT_TRUE(contains(*text, "CS reps: 1 requested (to start in Sep 2028); by Feb 2030 median"));
  }

  // teamsim report rebuilds the same names from summary.json alone.
  const CommandResult rebuilt = run_teamsim("report " + out.path());
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_TRUE(contains(read_file(out.path() + "/report.html"), "class=\"month\">Aug 2028</th>"));
}

TEST(CalendarTest, TheDatedPlanWrittenAsCsvIsTheSameScenario) {
  TempDir folder;
  const CommandResult hires = run_teamsim("hires '" + kScenario + "' -o hires.csv", folder.path());
  ASSERT_EQ(hires.exit_code, 0) << hires.err;
  const std::string csv = read_file(folder.path() + "/hires.csv");
  EXPECT_EQ(csv,
            "role,month,start_month,count,territory,source\n"
            "sales_manager,2027-09,,1,,experienced_external\n"
            "account_executive,,2028-01,1,north_america,referral\n"
            "account_executive,,2028-03,1,europe,experienced_external\n"
            "account_executive,,2028-06,2,,experienced_external\n"
            "customer_success,,2028-09,1,,experienced_external\n"
            "account_executive,,2029-01,1,europe,agency\n");

  // The scenario with its CSV replaced by the one teamsim wrote: the same scenario.
  write(folder.path() + "/from-csv.yaml", "extends: " + kScenario + "\nhires_csv: hires.csv\n");
  const CommandResult a = run_teamsim("run '" + kScenario + "' -n 30 -q --out a", folder.path());
  const CommandResult b = run_teamsim("run from-csv.yaml -n 30 -q --out b", folder.path());
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  const auto json_a = nlohmann::json::parse(read_file(folder.path() + "/a/summary.json"));
  const auto json_b = nlohmann::json::parse(read_file(folder.path() + "/b/summary.json"));
  EXPECT_EQ(json_a.at("scenario_hash"), json_b.at("scenario_hash"));
  EXPECT_EQ(read_file(folder.path() + "/a/summary.csv"),
            read_file(folder.path() + "/b/summary.csv"));
  // And it writes back the same CSV.
  EXPECT_EQ(run_teamsim("hires from-csv.yaml", folder.path()).out, csv);
}

TEST(CalendarTest, ComparedPlansWithOneStartDateNameTheMonths) {
  TempDir folder;
  write(folder.path() + "/later.yaml",
        "extends: " + kScenario +
            "\nname: later round\nmoney: {funding: [{month: 2029-08, "
            "amount: 6_000_000}]}\n");
  const CommandResult r = run_teamsim("compare '" + kScenario + "' later.yaml -n 30 -q --out out",
                                      folder.path(), "COLUMNS=200");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Aug 2028")) << r.out;
  const std::string csv = read_file(folder.path() + "/out/compare.csv");
  EXPECT_EQ(csv.rfind("row_kind,plan_a,plan_b,metric,unit,month,date,", 0), 0u)
      << csv.substr(0, 200);
}

TEST(CalendarTest, ADateOutsideThePlanIsReportedAtItsCell) {
  TempDir folder;
  write(folder.path() + "/plan.yaml",
        "start_date: 2027-01\nhorizon_months: 12\nhires_csv: plan.csv\n");
  write(folder.path() + "/plan.csv", "role,month\naccount_executive,2028-01\n");
  const CommandResult result = run_teamsim("validate plan.yaml", folder.path());
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_TRUE(contains(result.err,
                       "plan.csv:2:19: hires_csv[0].month: 2028-01 is past the horizon: the plan "
                       "runs from 2027-01 (start_date) to 2027-12 (horizon_months 12)"))
      << result.err;
}

// --month takes the plan's calendar months too, with the loader's messages.
TEST(CalendarTest, MonthOptionsTakeCalendarMonths) {
  TempDir folder;
  const std::string sweep =
      "sweep '" + kScenario + "' --vary money.starting_cash=900000 -n 10 --out out --month ";
  const CommandResult r = run_teamsim(sweep + "2028-08", folder.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "; ARR at Aug 2028\n")) << r.out;
  const CommandResult past = run_teamsim(sweep + "2031-01", folder.path());
  EXPECT_EQ(past.exit_code, 2);
  EXPECT_TRUE(contains(past.err,
                       "--month 2031-01: 2031-01 is past the horizon: the plan runs from 2027-09 "
                       "(start_date) to 2030-02 (horizon_months 30)"))
      << past.err;
  const CommandResult word = run_teamsim(sweep + "soon", folder.path());
  EXPECT_EQ(word.exit_code, 2);
  EXPECT_TRUE(contains(word.err,
                       "--month soon: not a month; give its number (1 = the first) or a calendar "
                       "month such as 2027-09"))
      << word.err;
  const CommandResult undated =
      run_teamsim("run scenarios/default.yaml --precision 5% --month 2027-03 --out " +
                  folder.path() + "/undated");
  EXPECT_EQ(undated.exit_code, 2);
  EXPECT_TRUE(contains(undated.err,
                       "--month 2027-03: 2027-03 is a calendar month, but the "
                       "scenario has no start_date"))
      << undated.err;
}

}  // namespace
}  // namespace teamsim::e2e
