#include "app/scenario/customer_readers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/app/scenario/section_test_util.h"

// The sections about money and the customer base read alone into a default scenario: money,
// seasonality and customers. (scenario_loader_test.cc reads them in whole files.)

namespace teamsim::app::loader {
namespace {

using Errors = std::vector<std::string>;

class CustomerReadersTest : public SectionTest {};

TEST_F(CustomerReadersTest, ACurrencyIsThreeCapitalLetters) {
  read_money(section("money: {currency: usd}\n", "money"), spec_, true, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:1:19: money.currency: expected a three-letter currency code "
                             "such as USD, got 'usd'"});
  read_money(section("money: {currency: EUR, starting_cash: -250_000}\n", "money"), spec_, true,
             sink_);
  EXPECT_EQ(errors(), Errors{});
  EXPECT_EQ(spec_.money.currency, "EUR");
  EXPECT_EQ(spec_.money.starting_cash, -250'000);
}

TEST_F(CustomerReadersTest, SeasonalityIsTwelveMultipliersOfAtMostTen) {
  read_seasonality(section("seasonality: {leads: [1, 1, 1]}\n", "seasonality"), spec_, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:1:22: seasonality.leads: expected a list of 12 numbers, one "
                             "per calendar month from January"});
  read_seasonality(
      section("seasonality: {closing: [11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5]}\n", "seasonality"),
      spec_, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:1:25: seasonality.closing[0]: must be between 0 and 10, got "
                             "11 (ten times the average month at most)"});
  // The valid months are kept; the invalid one keeps its default.
  EXPECT_EQ(spec_.seasonality.closing[0], 1);
  EXPECT_EQ(spec_.seasonality.closing[11], 0.5);
}

TEST_F(CustomerReadersTest, CustomersKeysHaveTheirLimits) {
  read_customers(section("customers: {initial: 2_000_000}\n", "customers"), spec_, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:1:22: customers.initial: must be between 0 and 1000000, got "
                             "2_000_000"});
  read_customers(section("customers: {covered_expansion_bonus: 0.6}\n", "customers"), spec_, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:1:38: customers.covered_expansion_bonus: must be at most 0.5, "
                             "got 0.6 (growth compounds every month and would overflow)"});
  read_customers(section("customers: {initial: 40, annual_billing: upfront}\n", "customers"), spec_,
                 sink_);
  EXPECT_EQ(errors(), Errors{});
  EXPECT_EQ(spec_.customers.initial_customers, 40);
  EXPECT_EQ(spec_.customers.annual_billing, model::AnnualBilling::kUpfront);
}

}  // namespace
}  // namespace teamsim::app::loader
