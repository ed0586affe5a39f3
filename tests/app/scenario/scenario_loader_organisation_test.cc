// Loader tests for the organisation keys: role kinds and their fields, hire sources, hiring
// rules, founder and management, territories' accounts, sales motion, products, channels,
// seasonality and customer-success keys.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/scenario/scenario_loader.h"
#include "models/defaults.h"
#include "tests/app/scenario/loader_test_util.h"

namespace teamsim::app {
namespace {

using Errors = std::vector<std::string>;

TEST(ScenarioLoaderOrganisation, EveryOrganisationKeyIsRead) {
  const model::ScenarioSpec spec = load_good(R"(
horizon_months: 24
sales_motion: relationship
hire_sources:
  referral: {cost_per_hire: 5000}
  bootcamp: {ramp_factor: 1.2, productivity: 0.9}
roles:
  account_executive: {annual_salary: 90_000, annual_quota: 700_000, ramp_curve: s_curve,
                      performance: {dist: normal, mean: 1, sd: 0.2, min: 0.5, max: 1.5}}
  sales_manager: {span_of_control: 6, concurrent_searches: 2, trainees_at_once: 3}
  customer_success: {accounts_per_rep: 80}
  sales_specialist: {concurrent_deals: 3}
  sales_operations: {leads_screened_per_month: 500}
  sales_enablement: {reps_supported: 12, ramp_reduction: 30%, productivity_uplift: 4%}
  sdr: {kind: account_executive, hands_off_leads: true, annual_quota: 0, backfill_source: bootcamp}
founder: {span_of_control: 3, concurrent_searches: 1, time_to_fill_factor: 2}
management: {under_management_penalty: 40%, underperformance_threshold: 50%,
             underperformance_months: 6, improvement_plan_months: 3}
territories:
  north: {inbound_leads_per_month: 10, accounts: 500, cool_off_months: 9, win_rate_factor: 1.1}
hires:
  - {role: account_executive, month: 2, source: referral}
hiring_rules:
  - {role: account_executive, every_months: 3, until_month: 12}
  - {role: customer_success, per_customers: 40}
  - {role: assistant_manager, when_reps_per_manager_above: 8, max_count: 2}
pipeline: {complex_share: 0.3, unqualified_lead_share: 20%, rebalance_every_months: 6}
products:
  core: {share: 3, deal_size_acv: 20_000}
  platform: {share: 1, complex_share: 1}
channels:
  phone: {share: 2}
  events: {cost_per_lead: 200}
seasonality: {leads: [1, 1, 1, 1, 1, 1, 0.5, 0.5, 1, 1, 1.5, 1], start_month_of_year: 7}
customers: {covered_churn_factor: 0.6, annual_churn: 9%, annual_billing: upfront}
)");
  const model::RoleSpec& ae = *spec.find_role("account_executive");
  EXPECT_EQ(ae.annual_quota, 700'000);
  EXPECT_EQ(ae.on_target_earnings, 180'000);  // 2 x the salary given
  EXPECT_EQ(ae.ramp_curve, model::RampCurve::kSCurve);
  EXPECT_DOUBLE_EQ(ae.performance.mean(), 1);
  EXPECT_EQ(spec.find_role("sales_manager")->span_of_control, 6);
  EXPECT_EQ(spec.find_role("customer_success")->accounts_per_rep, 80);
  EXPECT_EQ(spec.find_role("sales_specialist")->concurrent_deals, 3);
  EXPECT_EQ(spec.find_role("sales_operations")->leads_screened_per_month, 500);
  EXPECT_DOUBLE_EQ(spec.find_role("sales_enablement")->ramp_reduction, 0.3);
  EXPECT_TRUE(spec.find_role("sdr")->hands_off_leads);
  EXPECT_EQ(spec.find_role("sdr")->backfill_source, "bootcamp");
  EXPECT_EQ(spec.find_source("referral")->cost_per_hire, 5000);
  EXPECT_EQ(spec.find_source("referral")->time_to_fill_factor, 0.7);  // default kept
  EXPECT_EQ(spec.find_source("bootcamp")->productivity, 0.9);
  EXPECT_EQ(spec.founder.concurrent_searches, 1);
  EXPECT_DOUBLE_EQ(spec.management.under_management_penalty, 0.4);
  EXPECT_DOUBLE_EQ(spec.management.underperformance_threshold, 0.5);
  EXPECT_EQ(spec.management.underperformance_months, 6);
  EXPECT_EQ(spec.management.improvement_plan_months, 3);
  EXPECT_EQ(spec.territories[0].accounts, 500);
  EXPECT_EQ(spec.hires[0].source, "referral");
  ASSERT_EQ(spec.hiring_rules.size(), 3u);
  EXPECT_EQ(spec.hiring_rules[0].every_months, 3);
  EXPECT_EQ(spec.hiring_rules[1].basis, model::RuleBasis::kCustomers);
  EXPECT_EQ(spec.hiring_rules[2].max_count, 2);
  EXPECT_DOUBLE_EQ(spec.pipeline.complex_share, 0.3);
  // The relationship motion's long cycle, unless a key overrides it; products inherit it.
  EXPECT_NEAR(spec.pipeline.sales_cycle_days.quantile(0.5), 120, 1e-9);
  EXPECT_EQ(spec.customers.annual_contract_share, 1);
  EXPECT_DOUBLE_EQ(spec.customers.annual_churn, 0.09);
  EXPECT_EQ(spec.customers.annual_billing, model::AnnualBilling::kUpfront);
  ASSERT_EQ(spec.products.size(), 2u);
  EXPECT_NEAR(spec.products[1].sales_cycle_days.quantile(0.5), 120, 1e-9);
  EXPECT_EQ(spec.products[1].complex_share, 1);
  ASSERT_EQ(spec.channels.size(), 2u);
  EXPECT_EQ(spec.channels[0].lead_conversion, 0.15);  // the phone preset
  EXPECT_EQ(spec.channels[1].cost_per_lead, 200);
  EXPECT_EQ(spec.seasonality.leads[10], 1.5);
  EXPECT_EQ(spec.seasonality.start_month_of_year, 7);
}

TEST(ScenarioLoaderOrganisation, MistakesAreReportedWithTheirPlace) {
  EXPECT_EQ(errors_in("roles: {customer_success: {span_of_control: 3}}\n"),
            Errors{"s.yaml:1:45: roles.customer_success.span_of_control: applies only to roles "
                   "of kind sales_manager or assistant_manager, and this role is of kind "
                   "customer_success"});
  EXPECT_EQ(errors_in("roles: {x: {kind: sales_specalist}}\n"),
            Errors{"s.yaml:1:19: roles.x.kind: unknown role kind 'sales_specalist'; did you mean "
                   "'sales_specialist'?"});
  EXPECT_EQ(errors_in("hires: [{role: account_executive, month: 1, source: refferal}]\n"),
            Errors{"s.yaml:1:53: hires[0].source: unknown hire source 'refferal'; did you mean "
                   "'referral'?"});
  EXPECT_EQ(errors_in("hiring_rules: [{role: account_executive}]\n"),
            Errors{"s.yaml:1:16: hiring_rules[0]: give exactly one of every_months, "
                   "per_customers, per_reps or when_reps_per_manager_above"});
  EXPECT_EQ(errors_in("sales_motion: relationshp\n"),
            Errors{"s.yaml:1:15: sales_motion: unknown sales motion 'relationshp'; did you mean "
                   "'relationship'?"});
  EXPECT_EQ(errors_in("seasonality: {leads: [1, 2]}\n"),
            Errors{"s.yaml:1:22: seasonality.leads: expected a list of 12 numbers, one per "
                   "calendar month from January"});
  EXPECT_EQ(errors_in("roles: {account_executive: {annual_salary: 100, on_target_earnings: 50}}\n"),
            Errors{"s.yaml:1:69: roles.account_executive.on_target_earnings: must be at least "
                   "annual_salary (100), got 50"});
  EXPECT_EQ(errors_in("roles: {account_executive: {ramp_curve: exponential}}\n"),
            Errors{"s.yaml:1:41: roles.account_executive.ramp_curve: unknown value "
                   "'exponential'; expected one of: linear, step, s_curve"});
  EXPECT_EQ(errors_in("management: {underperformance_months: 13}\n"),
            Errors{"s.yaml:1:39: management.underperformance_months: must be between 1 and 12, "
                   "got 13"});
  EXPECT_EQ(errors_in("management: {underperformance_threshold: -50%}\n"),
            Errors{"s.yaml:1:42: management.underperformance_threshold: must be at least 0, "
                   "got -0.5"});
  EXPECT_EQ(errors_in("customers: {annual_billing: up_front}\n"),
            Errors{"s.yaml:1:29: customers.annual_billing: unknown value 'up_front'; did you "
                   "mean 'upfront'?"});
}

TEST(ScenarioLoaderOrganisation, SegmentsStartFromPresetsAndTakeSharesByTerritory) {
  const model::ScenarioSpec spec = load_good(R"(
territories: {north: {}, south: {}}
segments:
  smb: {share: 3, share_by_territory: {north: 0}}
  enterprise: {share: 1, churn_factor: 0.5}
  public_sector: {win_rate_factor: 0.8, deal_size_factor: 2, cycle_factor: 1.5}
)");
  ASSERT_EQ(spec.segments.size(), 3u);
  EXPECT_EQ(spec.segments[0].share, 3);
  EXPECT_EQ(spec.segments[0].share_in("north"), 0);
  EXPECT_EQ(spec.segments[0].share_in("south"), 3);
  EXPECT_DOUBLE_EQ(spec.segments[0].deal_size_factor, 0.4);  // the smb preset
  EXPECT_EQ(spec.segments[1].churn_factor, 0.5);
  EXPECT_EQ(spec.segments[1].deal_size_factor, 5);  // the enterprise preset, kept
  EXPECT_EQ(spec.segments[2].share, 1);
  EXPECT_EQ(spec.segments[2].cycle_factor, 1.5);
  EXPECT_TRUE(load_good("name: x\n").segments.empty());
}

TEST(ScenarioLoaderOrganisation, SegmentMistakesAreReportedWithTheirPlace) {
  EXPECT_EQ(errors_in("territories: {north: {}}\n"
                      "segments: {smb: {share_by_territory: {noth: 1}}}\n"),
            Errors{"s.yaml:2:39: segments.smb.share_by_territory.noth: unknown territory 'noth'; "
                   "did you mean 'north'?"});
  EXPECT_EQ(errors_in("segments: {smb: {churn_factor: -1}}\n"),
            Errors{"s.yaml:1:32: segments.smb.churn_factor: must be at least 0, got -1"});
  EXPECT_EQ(errors_in("territories: {north: {}, south: {}}\n"
                      "segments: {smb: {share_by_territory: {south: 0}}}\n"),
            Errors{"s.yaml:2:11: segments: every segment's share in territory 'south' is 0; give "
                   "one a positive share there (share or share_by_territory)"});
  EXPECT_EQ(errors_in("customers: {initial: 5}\nsegments: {smb: {share: 0}}\n"),
            (Errors{"s.yaml:2:11: segments: every segment's share is 0, so the initial customers "
                    "have no segment; give one a positive share",
                    "s.yaml:2:11: segments: every segment's share in territory 'all' is 0; give "
                    "one a positive share there (share or share_by_territory)"}));
  EXPECT_EQ(errors_in("segments: [smb]\n"),
            Errors{"s.yaml:1:11: segments: expected a map, got a list"});
  EXPECT_EQ(errors_in("segments: {smb: {shar: 1}}\n"),
            Errors{"s.yaml:1:18: segments.smb: unknown key 'shar'; did you mean 'share'?"});
}

TEST(ScenarioLoaderOrganisation, HiringRuleMonthsMustFallWithinTheHorizonAndInOrder) {
  EXPECT_EQ(errors_in("horizon_months: 24\nhiring_rules:\n"
                      "  - {role: account_executive, every_months: 3, from_month: 30}\n"),
            Errors{"s.yaml:3:60: hiring_rules[0].from_month: must be between 1 and 24 "
                   "(horizon_months), got 30"});
  EXPECT_EQ(
      errors_in("horizon_months: 24\nhiring_rules:\n"
                "  - {role: account_executive, every_months: 3, from_month: 6, until_month: 3}\n"),
      Errors{"s.yaml:3:76: hiring_rules[0].until_month: must be at least from_month (6), "
             "got 3: the rule would never apply"});
  EXPECT_EQ(errors_in("horizon_months: 24\nhiring_rules:\n"
                      "  - {role: customer_success, per_customers: 40, until_month: 25}\n"),
            Errors{"s.yaml:3:62: hiring_rules[0].until_month: must be between 1 and 24 "
                   "(horizon_months), got 25"});
}

TEST(ScenarioLoaderOrganisation, AHireGivesTheMonthItsSearchOpensOrTheMonthItStarts) {
  const model::ScenarioSpec spec = load_good(
      "horizon_months: 24\nhires:\n"
      "  - {role: account_executive, month: 2}\n"
      "  - {role: account_executive, start_month: 6}\n");
  ASSERT_EQ(spec.hires.size(), 2u);
  EXPECT_EQ(spec.hires[0].month, 2);
  EXPECT_FALSE(spec.hires[0].by_start_month);
  EXPECT_EQ(spec.hires[1].month, 6);
  EXPECT_TRUE(spec.hires[1].by_start_month);
  EXPECT_EQ(errors_in("horizon_months: 24\nhires:\n"
                      "  - {role: account_executive, month: 2, start_month: 4}\n"),
            Errors{"s.yaml:3:54: hires[0].start_month: give month (the search opens) or "
                   "start_month (the person starts), not both"});
}

}  // namespace
}  // namespace teamsim::app
