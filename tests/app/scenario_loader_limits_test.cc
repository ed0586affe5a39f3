// The loader's limits on rates, counts and magnitudes (so that no scenario runs a replication for
// hours, fills memory or overflows a sum), and its checks of what only the whole scenario shows
// (shares that leave a lead nowhere to go, rates that commit a replication to too many events).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "app/scenario_loader.h"
#include "models/limits.h"
#include "models/projection.h"

namespace teamsim::app {
namespace {

using Errors = std::vector<std::string>;

Errors errors_of(std::string_view text) {
  const LoadResult result = load_scenario_string(text, "s.yaml");
  EXPECT_FALSE(result.ok());
  Errors out;
  for (const Diagnostic& d : result.diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

/// The single error of `text`, which must contain every one of `parts`.
void expect_one_error(std::string_view text, std::initializer_list<std::string_view> parts) {
  const Errors errors = errors_of(text);
  ASSERT_EQ(errors.size(), 1u) << text;
  for (const std::string_view part : parts) {
    EXPECT_NE(errors[0].find(part), std::string::npos) << errors[0] << "\nlacks: " << part;
  }
}

void expect_ok(std::string_view text) {
  const LoadResult result = load_scenario_string(text, "s.yaml");
  EXPECT_TRUE(result.ok()) << format_diagnostics(result.diagnostics);
}

constexpr std::string_view kEventsNote =
    " (a limit that keeps a replication from running for minutes; see \"Limits\" in "
    "docs/scenario-reference.md)";

TEST(ScenarioLoaderLimits, RatesThatDriveEventsAreCapped) {
  EXPECT_EQ(errors_of("territories: {north: {inbound_leads_per_month: 1e12}}\n"),
            Errors{"s.yaml:1:48: territories.north.inbound_leads_per_month: must be at most "
                   "100000, got 1000000000000" +
                   std::string(kEventsNote)});
  EXPECT_EQ(errors_of("roles: {account_executive: {prospecting_leads_per_month: 5000}}\n"),
            Errors{"s.yaml:1:58: roles.account_executive.prospecting_leads_per_month: must be at "
                   "most 1000, got 5000" +
                   std::string(kEventsNote)});
  // Negative values still get the plain range error, without the note.
  EXPECT_EQ(errors_of("territories: {north: {inbound_leads_per_month: -4}}\n"),
            Errors{"s.yaml:1:48: territories.north.inbound_leads_per_month: must be at least 0, "
                   "got -4"});
  expect_ok("territories: {north: {inbound_leads_per_month: 100_000}}\nhorizon_months: 12\n");
}

TEST(ScenarioLoaderLimits, StartingStaffAndHiresTogetherAreCapped) {
  // Each entry is within 0..100,000; together they pass the 100,000 people the loader allows,
  // and the entry that does it is named.
  EXPECT_EQ(errors_of("starting_staff:\n"
                      "  - {role: account_executive, count: 60_000}\n"
                      "hires:\n"
                      "  - {role: account_executive, month: 1, count: 50_000}\n"),
            Errors{"s.yaml:4:48: hires[0].count: starting_staff and hires reach 110000 people "
                   "with this entry, more than the limit of 100000" +
                   std::string(kEventsNote)});
  EXPECT_EQ(errors_of("customers: {initial: 2_000_000}\n"),
            Errors{"s.yaml:1:22: customers.initial: must be between 0 and 1000000, got "
                   "2_000_000"});
}

TEST(ScenarioLoaderLimits, RatesThatCommitEveryReplicationToTooManyEventsAreRefused) {
  // 100,000 leads a month in each of two territories over 600 months: 120,000,000 arrivals.
  expect_one_error(
      "horizon_months: 600\n"
      "territories:\n"
      "  north: {inbound_leads_per_month: 100_000}\n"
      "  south: {inbound_leads_per_month: 100_000}\n",
      {"s.yaml:3:36: territories.north.inbound_leads_per_month: the inbound leads of 2 "
       "territories (the busiest, 100000 a month) over 600 months arrive ~120,000,000 times per "
       "replication: ~120,001,200 events per replication in all,",
       "more than the limit of 100,000,000"});
  // The same flow at a seasonal peak of twice the average is drawn at the peak.
  expect_one_error(
      "horizon_months: 600\n"
      "territories:\n"
      "  north: {inbound_leads_per_month: 100_000}\n"
      "seasonality: {leads: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}\n",
      {"territories.north.inbound_leads_per_month: the inbound leads of 1 territory (the busiest, "
       "100000 a month at a seasonal peak of x2) over 600 months arrive ~120,000,000 times"});
  // A million customers that never churn renew every month for 120 months.
  expect_one_error(
      "horizon_months: 120\n"
      "customers: {initial: 1_000_000, monthly_churn: 0, annual_contract_share: 0}\n",
      {"s.yaml:2:22: customers.initial: 1000000 initial customers renew ~120,000,000 times per "
       "replication over 120 months",
       "Lower customers.initial or horizon_months"});
  expect_ok(
      "customers: {initial: 1_000_000, monthly_churn: 0, annual_contract_share: 0}\n"
      "territories: {all: {inbound_leads_per_month: 0}}\n"
      "seasonality: {leads: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5]}\n"
      "horizon_months: 80\n");
}

TEST(ScenarioLoaderLimits, EventEstimateIsTheExpectationDerivedByHand) {
  model::ScenarioSpec spec;
  spec.horizon_months = 30;
  spec.territories = {{"a", 10}, {"b", 5}};
  spec.seasonality.leads = {2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  spec.customers.initial_customers = 100;
  spec.customers.monthly_churn = 0.1;
  spec.customers.annual_churn = 0.5;
  spec.customers.annual_contract_share = 0.25;
  const model::EventEstimate estimate = model::estimate_events(spec);
  // Arrivals are drawn at the peak rate: (10 + 5) x 2 x 30 months.
  EXPECT_DOUBLE_EQ(estimate.lead_arrivals, 900);
  // Monthly: 1 + 0.9 + ... + 0.9^29 = (1 - 0.9^30) / 0.1; annual: two terms, 1 + 0.5.
  EXPECT_NEAR(estimate.initial_renewals, 100 * (0.75 * (1 - std::pow(0.9, 30)) / 0.1 + 0.25 * 1.5),
              1e-9);
  EXPECT_DOUBLE_EQ(estimate.months, 60);
}

TEST(ScenarioLoaderLimits, MagnitudesThatWouldOverflowAreRefused) {
  EXPECT_EQ(errors_of("roles: {sales_manager: {annual_salary: 1e16}}\n"),
            Errors{"s.yaml:1:40: roles.sales_manager.annual_salary: must be at most "
                   "1000000000000000, got 1e+16 (larger amounts are surely a typo)"});
  EXPECT_EQ(errors_of("territories: {north: {win_rate_factor: 1000}}\n"),
            Errors{"s.yaml:1:40: territories.north.win_rate_factor: must be at most 100, got 1000 "
                   "(a multiplier above 100 is surely a typo)"});
  EXPECT_EQ(errors_of("seasonality: {leads: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 50]}\n"),
            Errors{"s.yaml:1:56: seasonality.leads[11]: must be between 0 and 10, got 50 (ten "
                   "times the average month at most)"});
  // Commission is paid per unit of quota: a quota of a fraction of a unit would overflow it.
  EXPECT_EQ(errors_of("roles: {account_executive: {annual_quota: 0.001}}\n"),
            Errors{"s.yaml:1:43: roles.account_executive.annual_quota: must be 0 (no quota) or "
                   "at least 1, got 0.001"});
  // Expansion compounds every month: at most +50 % a month keeps MRR finite over 600 months.
  EXPECT_EQ(errors_of("customers: {monthly_expansion: 80%}\n"),
            Errors{"s.yaml:1:32: customers.monthly_expansion: must be at most 0.5, got 0.8 "
                   "(growth compounds every month and would overflow)"});
  expect_one_error("customers: {monthly_expansion: {dist: normal, mean: 0.1, sd: 0.2}}\n",
                   {"s.yaml:1:32: customers.monthly_expansion: normal reaches 1.05",
                    "at its one-in-a-million draw; keep that below 0.5 (growth compounds every "
                    "month and would overflow)"});
  // A far tail of a duration: a century at most.
  expect_one_error("pipeline: {sales_cycle_days: {dist: lognormal, median: 60, p90: 60000}}\n",
                   {"pipeline.sales_cycle_days: lognormal reaches ", "keep that below 36525"});
  // A hiring rule may want at most ten people per rep.
  EXPECT_EQ(errors_of("hiring_rules:\n  - {role: sales_manager, per_reps: 0.01}\n"),
            Errors{"s.yaml:2:37: hiring_rules[0].per_reps: must be between 0.1 and 10000000, got "
                   "0.01 (ten people per rep at most)"});
}

TEST(ScenarioLoaderLimits, SharesThatLeaveALeadNowhereToGoAreRefused) {
  EXPECT_EQ(errors_of("products:\n  a: {share: 0}\n  b: {share: 0}\n"),
            Errors{"s.yaml:2:3: products: every product's share is 0, so a lead has no product; "
                   "give one a positive share"});
  EXPECT_EQ(errors_of("channels:\n  a: {share: 0}\n"),
            Errors{"s.yaml:2:3: channels: every channel's share is 0, so a lead has no channel; "
                   "give one a positive share"});
  // Shares are relative weights, normalised over the entries: they may sum above one.
  expect_ok("products:\n  a: {share: 3}\n  b: {share: 2}\nchannels:\n  x: {share: 70}\n");
}

}  // namespace
}  // namespace teamsim::app
