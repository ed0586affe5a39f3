// End-to-end tests of territories.*.initial_customers on the real binary: the counts place the
// customers (read back from the accounts each territory has left), --set changes one count and
// customers.initial follows, and the mistakes a user can make are reported with exit code 3.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

// No leads, no staff, no churn: the accounts a territory has free are its accounts less its
// initial customers, in every replication and month.
constexpr const char* kPlan =
    "horizon_months: 3\n"
    "territories:\n"
    "  north: {inbound_leads_per_month: 0, accounts: 30, initial_customers: 12}\n"
    "  south: {inbound_leads_per_month: 5, accounts: 50, initial_customers: 8}\n"
    "roles: {account_executive: {prospecting_leads_per_month: 0}}\n"
    "customers: {monthly_churn: 0}\n"
    "pipeline: {warm_start: false}\n";

// The mean and p5 of `metric` at `month` in summary.csv.
std::vector<double> mean_and_p5(const std::string& csv, int month, const std::string& metric) {
  std::istringstream lines(csv);
  std::string line;
  std::string key(1, ',');
  key.append(std::to_string(month)).append(1, ',').append(metric).append(1, ',');
  while (std::getline(lines, line)) {
    const std::size_t at = line.find(key);
    if (at == std::string::npos) continue;
    std::vector<std::string> fields;
    std::istringstream cells(line.substr(at + key.size()));
    for (std::string cell; std::getline(cells, cell, ',');) fields.push_back(cell);
    // unit, mean, se, p5, ...
    return {std::stod(fields.at(1)), std::stod(fields.at(3))};
  }
  ADD_FAILURE() << "no " << metric << " at month " << month;
  return {0, 0};
}

TEST(InitialCustomersTest, EachTerritoryStartsWithItsOwnCustomers) {
  TempDir folder;
  write(folder.path() + "/plan.yaml", kPlan);
  const CommandResult run = run_teamsim("run plan.yaml -n 30 -q --out a", folder.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string csv = read_file(folder.path() + "/a/summary.csv");
  for (const int month : {1, 3}) {
    // 30 - 12 and 50 - 8, the mean and the 5th percentile alike: no replication differs.
    EXPECT_EQ(mean_and_p5(csv, month, "territory.north.accounts_available"),
              (std::vector<double>{18, 18}));
    EXPECT_EQ(mean_and_p5(csv, month, "territory.south.accounts_available"),
              (std::vector<double>{42, 42}));
    EXPECT_EQ(mean_and_p5(csv, month, "customers"), (std::vector<double>{20, 20}));
  }
  // The scenario as run keeps the counts, and runs to the same numbers.
  const CommandResult again = run_teamsim("run a/scenario.yaml -n 30 -q --out b", folder.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(read_file(folder.path() + "/b/summary.csv"), csv);

  // --set one territory's count: customers.initial, left out, is the new sum (12 + 20).
  const CommandResult set = run_teamsim(
      "run plan.yaml -n 30 -q --out c --set territories.south.initial_customers=20", folder.path());
  ASSERT_EQ(set.exit_code, 0) << set.err;
  const std::string set_csv = read_file(folder.path() + "/c/summary.csv");
  EXPECT_EQ(mean_and_p5(set_csv, 1, "territory.south.accounts_available"),
            (std::vector<double>{30, 30}));
  EXPECT_EQ(mean_and_p5(set_csv, 1, "customers"), (std::vector<double>{32, 32}));
}

TEST(InitialCustomersTest, TheMistakesAreReportedWhereTheyAre) {
  TempDir folder;
  // customers.initial written, and not the territories' sum.
  write(folder.path() + "/sum.yaml", kPlan);
  const CommandResult sum =
      run_teamsim("validate sum.yaml --set customers.initial=25", folder.path());
  EXPECT_EQ(sum.exit_code, 3);
  EXPECT_NE(sum.err.find("<command line>: customers.initial: is 25, but the territories' "
                         "initial_customers add up to 20 (north 12 at sum.yaml:3 and south 8 at "
                         "sum.yaml:4); leave customers.initial out"),
            std::string::npos)
      << sum.err;
  // One territory without a count.
  write(folder.path() + "/missing.yaml",
        "territories:\n  north: {initial_customers: 3}\n  south: {}\n");
  const CommandResult missing = run_teamsim("validate missing.yaml", folder.path());
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("missing.yaml:3:3: territories.south: initial_customers is given for "
                             "north but not for south"),
            std::string::npos)
      << missing.err;
  // More customers than accounts.
  const CommandResult full =
      run_teamsim("validate sum.yaml --set territories.north.initial_customers=31", folder.path());
  EXPECT_EQ(full.exit_code, 3);
  EXPECT_NE(full.err.find("<command line>: territories.north.initial_customers: 31 initial "
                          "customers, but the territory has 30 accounts"),
            std::string::npos)
      << full.err;
}

}  // namespace
}  // namespace teamsim::e2e
