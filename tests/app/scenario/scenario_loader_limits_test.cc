// The loader's limits on rates, counts and magnitudes (so that no scenario runs a replication for
// hours, fills memory or overflows a sum), and its checks of what only the whole scenario shows
// (shares that leave a lead nowhere to go, rates that commit a replication to too many events).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "app/analysis/run_summary.h"
#include "app/scenario/scenario_loader.h"
#include "models/limits.h"
#include "models/projection.h"
#include "tests/undefined_values.h"

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

TEST(ScenarioLoaderLimits, NamedEntriesAreCapped) {
  // Every unassigned hire looks for the territory with the fewest AEs: 100,000 people over
  // 50,000 territories would take billions of steps. A thousand of each kind at most.
  const auto many = [](const char* key, int n) {
    std::string text = std::string(key) + ":\n";
    for (int i = 0; i < n; ++i) text += "  e" + std::to_string(i) + ": {}\n";
    return text;
  };
  EXPECT_EQ(errors_of(many("territories", 1001)),
            Errors{"s.yaml:2:3: territories: 1001 entries, more than the limit of 1000" +
                   std::string(kEventsNote)});
  EXPECT_EQ(errors_of(many("products", 2000)),
            Errors{"s.yaml:2:3: products: 2000 entries, more than the limit of 1000" +
                   std::string(kEventsNote)});
  expect_ok(many("territories", 1000));
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
  // Expansion compounds every month: at most +50 % a month, with the covered bonus, keeps MRR
  // and its square finite over 600 months.
  EXPECT_EQ(errors_of("customers: {monthly_expansion: 80%}\n"),
            Errors{"s.yaml:1:32: customers.monthly_expansion: must be at most 0.5, got 0.8 "
                   "(growth compounds every month and would overflow)"});
  EXPECT_EQ(errors_of("customers: {covered_expansion_bonus: 0.6}\n"),
            Errors{"s.yaml:1:38: customers.covered_expansion_bonus: must be at most 0.5, got "
                   "0.6 (growth compounds every month and would overflow)"});
  EXPECT_EQ(errors_of("customers: {monthly_expansion: 0.3, covered_expansion_bonus: 0.25}\n"),
            Errors{"s.yaml:1:62: customers.covered_expansion_bonus: monthly_expansion (0.3) plus "
                   "covered_expansion_bonus (0.25) is 0.55 a month for a covered customer; keep "
                   "the sum at most 0.5 (growth compounds every month and would overflow)"});
  expect_one_error(
      "customers:\n"
      "  monthly_expansion: {dist: normal, mean: 0.05, sd: 0.08}\n"
      "  covered_expansion_bonus: 0.1\n",
      {"s.yaml:3:28: customers.covered_expansion_bonus: monthly_expansion at its "
       "one-in-a-million draw (0.43",
       ") plus covered_expansion_bonus (0.1) is 0.53"});
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

TEST(ScenarioLoaderLimits, SumsOverTheTeamAndTimesStayFinite) {
  // Summed over the sales-operations team and subtracted when someone leaves: 1e308 twice is
  // infinite and never comes back down.
  EXPECT_EQ(errors_of("roles: {sales_operations: {leads_screened_per_month: 1e308}}\n"),
            Errors{"s.yaml:1:54: roles.sales_operations.leads_screened_per_month: must be at "
                   "most 1000000, got 1e+308 (a million a month per person at most)"});
  // A cool-off end in days would be infinite.
  EXPECT_EQ(errors_of("territories: {north: {cool_off_months: 1e307}}\n"),
            Errors{"s.yaml:1:40: territories.north.cool_off_months: must be at most 1200, got "
                   "1e+307 (a century at most)"});
  // Multiplies the pro-rated quota.
  EXPECT_EQ(errors_of("management: {underperformance_threshold: 1e300}\n"),
            Errors{"s.yaml:1:42: management.underperformance_threshold: must be at most 100, got "
                   "1e+300 (a multiplier above 100 is surely a typo)"});
}

TEST(ScenarioLoaderLimits, EveryValueAtItsLimitStillGivesFiniteMetricsAndSummaries) {
  // Amounts at 1e15, every multiplier at 100 (churn's multiply 0), the fastest growth allowed
  // (+25 % a month and the +25 % covered bonus, everyone covered), zero-length sales cycles, the
  // largest shares, a commission rate of 1e15 per unit of ACV (quota 1), over the longest horizon:
  // every sample and every statistic of the summary (whose variances square the samples) must stay
  // finite.
  const LoadResult loaded = load_scenario_string(R"(
horizon_months: 600
money: {starting_cash: -1e15, other_monthly_costs: 1e15}
roles:
  account_executive: {annual_salary: 0, on_target_earnings: 1e15, annual_quota: 1,
                      performance: 100, max_open_opportunities: 100_000,
                      time_to_fill_days: 0, onboarding_days: 0, ramp_months: 0}
  customer_success: {annual_salary: 1e15, accounts_per_rep: 10_000_000}
  sales_operations: {annual_salary: 1e15, leads_screened_per_month: 1e6}
hire_sources:
  experienced_external: {productivity: 100, salary_factor: 100, cost_per_hire: 1e15}
territories:
  all: {inbound_leads_per_month: 2, win_rate_factor: 100, deal_size_factor: 100,
        cool_off_months: 1200}
starting_staff:
  - {role: account_executive, count: 2}
  - {role: customer_success, count: 1}
  - {role: sales_operations, count: 2}
hires:
  - {role: account_executive, month: 1, count: 1}
management: {underperformance_threshold: 100}
pipeline: {deal_size_acv: 1e15, win_rate: 1, sales_cycle_days: 0}
channels:
  web: {share: 1e6, cycle_factor: 100, win_rate_factor: 100, cost_per_lead: 1e15}
segments:
  big: {share: 1e6, deal_size_factor: 100, win_rate_factor: 100, churn_factor: 100}
seasonality:
  leads: [10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
  closing: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]
customers: {initial: 100, initial_mrr: 1e15, monthly_churn: 0, annual_churn: 0,
            annual_contract_share: 0.5, monthly_expansion: 0.25, covered_expansion_bonus: 0.25,
            covered_churn_factor: 100}
)",
                                                 "extreme.yaml");
  ASSERT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  model::ProjectionOptions options;
  options.replications = 3;
  options.threads = 1;
  const model::Projection projection = model::project(*loaded.spec, options);
  for (std::size_t m = 0; m < projection.samples.metrics(); ++m) {
    ASSERT_TRUE(testing::finite_or_undefined(projection.samples.metric(m),
                                             projection.stored_info(m).can_be_undefined))
        << projection.layout.info(m).name;
  }
  const RunSummary summary = summarize_run(*loaded.spec, projection, options.seed);
  for (const MetricSummary& metric : summary.metrics) {
    const bool undefined_allowed = metric.info.can_be_undefined;
    EXPECT_TRUE(testing::finite_or_undefined(metric.stats.mean, undefined_allowed))
        << metric.info.name;
    EXPECT_TRUE(testing::finite_or_undefined(metric.stats.se, undefined_allowed))
        << metric.info.name;
    EXPECT_TRUE(testing::finite_or_undefined(metric.stats.percentiles, undefined_allowed))
        << metric.info.name;
  }
  // The growth did happen: nobody churns and everyone is covered, so an initial customer on a
  // monthly contract (half of them are) has grown by 1.5 at each of its 599 renewals by month 600.
  EXPECT_GT(summary.find("mrr")->stats.mean(599), 1e15 * std::pow(1.5, 599));
}

}  // namespace
}  // namespace teamsim::app
