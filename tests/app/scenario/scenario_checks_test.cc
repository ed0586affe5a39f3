#include "app/scenario/scenario_checks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/scenario/yaml_tree.h"
#include "models/defaults.h"

// The whole-scenario checks on a spec built in code; the YAML only gives them places to point at.

namespace teamsim::app::loader {
namespace {

using Errors = std::vector<std::string>;

class ScenarioChecksTest : public ::testing::Test {
 protected:
  const YamlNode& parse(const std::string& yaml) {
    std::vector<Diagnostic> parse_errors;
    root_ = *parse_yaml(yaml, "s.yaml", parse_errors);
    EXPECT_TRUE(parse_errors.empty()) << format_diagnostics(parse_errors);
    return root_;
  }
  Errors combination_errors(const std::string& yaml) {
    diagnostics_.clear();
    check_combinations(spec_, parse(yaml), sink_);
    return formatted();
  }
  Errors formatted() const {
    Errors out;
    for (const Diagnostic& d : diagnostics_) out.push_back(format_diagnostic(d));
    return out;
  }

  model::ScenarioSpec spec_ = model::default_scenario();
  YamlNode root_;
  std::vector<Diagnostic> diagnostics_;
  DiagnosticSink sink_{diagnostics_};
};

TEST_F(ScenarioChecksTest, TheDefaultScenarioPasses) {
  EXPECT_EQ(combination_errors("name: x\n"), Errors{});
}

TEST_F(ScenarioChecksTest, SharesThatAreAllZeroLeaveALeadNowhereToGo) {
  model::ProductSpec product;
  product.name = "core";
  spec_.products = {product};  // share 0
  spec_.channels = {model::default_channel("email")};
  spec_.channels[0].share = 0;
  EXPECT_EQ(combination_errors("name: x\nproducts: {core: {share: 0}}\n"),
            (Errors{"s.yaml:2:11: products: every product's share is 0, so a lead has no "
                    "product; give one a positive share",
                    "s.yaml:1:1: channels: every channel's share is 0, so a lead has no channel; "
                    "give one a positive share"}));
}

TEST_F(ScenarioChecksTest, InitialCustomersMustFitTheAccountsOfTheirTerritory) {
  // 50 customers and one territory of 30 accounts: every customer lands there.
  spec_.territories = {model::TerritorySpec{"a", 50, 30}};
  spec_.customers.initial_customers = 50;
  EXPECT_EQ(combination_errors("territories:\n  a: {inbound_leads_per_month: 50, accounts: 30}\n"),
            Errors{"s.yaml:2:46: territories.a.accounts: 30 accounts, but about 50 of the 50 "
                   "initial customers are placed in this territory (all of them: customers are "
                   "spread over the territories by inbound_leads_per_month), and each holds an "
                   "account, so no lead could come from it; raise accounts or lower "
                   "customers.initial"});
  // Two territories, 3:1 by leads: the first gets 75 of 100 customers, more than its 70 accounts;
  // the second 25 of its 1,000, and an unlimited territory (0) none to fit.
  spec_.territories = {model::TerritorySpec{"east", 30, 70},
                       model::TerritorySpec{"west", 10, 1000}};
  spec_.customers.initial_customers = 100;
  EXPECT_EQ(combination_errors("territories:\n  east: {inbound_leads_per_month: 30, accounts: 70}\n"
                               "  west: {inbound_leads_per_month: 10, accounts: 1000}\n"),
            Errors{"s.yaml:2:49: territories.east.accounts: 70 accounts, but about 75 of the 100 "
                   "initial customers are placed in this territory (75% of them: customers are "
                   "spread over the territories by inbound_leads_per_month), and each holds an "
                   "account, so no lead could come from it; raise accounts or lower "
                   "customers.initial"});
  spec_.territories[0].accounts = 75;
  EXPECT_EQ(combination_errors("name: x\n"), Errors{});
  spec_.territories[0].accounts = 0;
  EXPECT_EQ(combination_errors("name: x\n"), Errors{});
}

TEST_F(ScenarioChecksTest, ATerritorysOwnInitialCustomersMustFitItsAccountsExactly) {
  // With counts by territory the check is exact, whatever the lead flow: 31 customers in 30
  // accounts is one too many; 30 fit (the territory then starts with none free); an unlimited
  // territory (0) takes any number.
  spec_.territories = {model::TerritorySpec{"north", 0, 30}, model::TerritorySpec{"south", 50, 0}};
  spec_.territories[0].initial_customers = 31;
  spec_.territories[1].initial_customers = 500;
  spec_.customers.initial_customers = 531;
  const std::string yaml =
      "territories:\n"
      "  north: {inbound_leads_per_month: 0, accounts: 30, initial_customers: 31}\n"
      "  south: {inbound_leads_per_month: 50, initial_customers: 500}\n";
  EXPECT_EQ(combination_errors(yaml),
            Errors{"s.yaml:2:72: territories.north.initial_customers: 31 initial customers, but "
                   "the territory has 30 accounts and each customer holds one; raise accounts or "
                   "lower initial_customers"});
  spec_.territories[0].initial_customers = 30;
  spec_.customers.initial_customers = 530;
  EXPECT_EQ(combination_errors(yaml), Errors{});
}

TEST_F(ScenarioChecksTest, ExpansionPlusTheCoveredBonusMayNotCompoundPastTheLimit) {
  spec_.customers.monthly_expansion = sim::Distribution::constant(0.3);
  spec_.customers.covered_expansion_bonus = 0.25;
  EXPECT_EQ(combination_errors("customers:\n  monthly_expansion: 0.3\n"),
            Errors{"s.yaml:2:22: customers.monthly_expansion: monthly_expansion (0.3) plus "
                   "covered_expansion_bonus (0.25) is 0.55 a month for a covered customer; keep "
                   "the sum at most 0.5 (growth compounds every month and would overflow)"});
}

TEST_F(ScenarioChecksTest, TooManyEventsPointAtTheBusiestTerritory) {
  // 100,000 leads a month at a seasonal peak of 2 over 600 months: 120 million arrivals, past
  // the limit of 100 million events. Without a territories key the error points at the root.
  spec_.territories[0].inbound_leads_per_month = 100'000;
  spec_.seasonality.leads[0] = 2;
  spec_.horizon_months = 600;
  const Errors errors = combination_errors("name: x\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("s.yaml:1:1: territories.all.inbound_leads_per_month: the inbound "
                            "leads of 1 territory (the busiest, 100000 a month at a seasonal peak "
                            "of x2) over 600 months arrive ~120,000,000 times per replication: ~",
                            0),
            0u)
      << errors[0];
}

TEST_F(ScenarioChecksTest, ABackfillSourceMustBeDefined) {
  spec_.roles[0].backfill_source = "recruiter";
  const YamlNode& root = parse("roles:\n  account_executive: {backfill_source: recruiter}\n");
  check_role_sources(spec_, root.find("roles"), sink_);
  // Reported at the value (column 40); nothing is close to 'recruiter', so the defined sources are
  // listed in the order of models/defaults.cc.
  EXPECT_EQ(
      formatted(),
      Errors{"s.yaml:2:40: roles.account_executive.backfill_source: unknown hire source "
             "'recruiter'; defined hire sources: experienced_external, agency, internal_transfer, "
             "referral, new_graduate"});
}

}  // namespace
}  // namespace teamsim::app::loader
