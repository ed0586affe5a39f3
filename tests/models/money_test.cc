// Money and customers: cash at risk, burn, quota attainment and commission, CAC, retention
// cohorts (GRR, NRR, logo), customer-success coverage and annual contracts. Expected numbers
// are derived by hand beside each test; tolerances are 4 Monte Carlo standard errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "tests/models/test_scenarios.h"
#include "tests/undefined_values.h"

namespace teamsim::model {
namespace {

/// `reps` account executives ramped from day 0 with a quota of 60,000, sharing one territory of
/// 10 leads a month, each lead won with probability 0.5 at 1,000 the day it arrives.
ScenarioSpec reps_on_quota(int horizon_months, int reps) {
  ScenarioSpec spec = quiet_scenario(horizon_months);
  role(spec, "account_executive").annual_quota = 60'000;
  spec.territories = {TerritorySpec{"all", 10}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", reps, ""}};
  spec.pipeline.win_rate = Distribution::constant(0.5);
  spec.pipeline.deal_size_acv = Distribution::constant(1000);
  spec.pipeline.sales_cycle_days = Distribution::constant(0);
  return spec;
}

/// P(N <= n) for N ~ Poisson(mean).
double poisson_cdf(double mean, int n) {
  double below = 0, pmf = std::exp(-mean);
  for (int k = 0; k <= n; ++k) {
    below += pmf;
    pmf *= mean / (k + 1);
  }
  return below;
}

TEST(MoneyTest, CashEverNegativeAndCumulativeBurn) {
  // Starting cash 100, costs 50 a month, no revenue: cash 50, 0, -50, -100: below zero from
  // month 3 on, and it stays flagged. Burn is 50 t.
  ScenarioSpec spec = quiet_scenario(5);
  spec.money.starting_cash = 100;
  spec.money.other_monthly_costs = 50;
  const Projection p = run(spec, 1);
  const double flagged[] = {0, 0, 1, 1, 1};
  for (Eigen::Index t = 1; t <= 5; ++t) {
    EXPECT_EQ(metric_at(p, Metric::kCashEverNegative, 0, t), flagged[t - 1]);
    EXPECT_NEAR(metric_at(p, Metric::kCumulativeBurn, 0, t), 50.0 * static_cast<double>(t), 1e-9);
  }
}

// Money does not steer the team: no cash, however negative, stops a hire, a lead or a renewal
// (docs/metrics.md, cash). A plan in debt from day 0, with ten times the other costs and a
// funding round, has every replication's team, pipeline and customers the same to the bit; only
// the cash metrics and the cost ratios move.
TEST(MoneyTest, CashAndOtherCostsNeverChangeWhatTheTeamDoes) {
  ScenarioSpec spec = default_scenario();
  spec.horizon_months = 18;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 2, ""}};
  spec.hires = {HireSpec{"sales_manager", 1, 2, "", "experienced_external", false},
                HireSpec{"account_executive", 2, 4, "", "experienced_external", false}};
  spec.territories.front().accounts = 500;
  spec.money.starting_cash = 1'000'000;
  spec.money.other_monthly_costs = 20'000;
  const Projection base = run(spec, 12);
  spec.money.starting_cash = -5'000'000;
  spec.money.other_monthly_costs = 200'000;
  spec.money.funding = {FundingSpec{6, 1'000'000}};
  const Projection poor = run(spec, 12);

  const std::vector<Metric> money = {Metric::kTotalCost,
                                     Metric::kCash,
                                     Metric::kCumulativeBurn,
                                     Metric::kFunding,
                                     Metric::kCashEverNegative,
                                     Metric::kCashLow,
                                     Metric::kCac,
                                     Metric::kCacPaybackMonths};
  ASSERT_EQ(poor.samples.metrics(), base.samples.metrics());
  for (std::size_t i = 0; i < base.samples.metrics(); ++i) {
    const bool is_money = std::any_of(money.begin(), money.end(), [&](Metric m) {
      return base.stored[i] == MetricLayout::index(m);
    });
    EXPECT_EQ(testing::same_values(poor.samples.metric(i), base.samples.metric(i)), !is_money)
        << base.stored_info(i).name;
  }
}

TEST(MoneyTest, CashLowIsTheLowestMonthEndCashSoFar) {
  // Falling cash: 100 less 50 a month, so the trough is the month's own cash, 100 - 50 t.
  ScenarioSpec spec = quiet_scenario(4);
  spec.money.starting_cash = 100;
  spec.money.other_monthly_costs = 50;
  const Projection falling = run(spec, 1);
  for (Eigen::Index t = 1; t <= 4; ++t) {
    EXPECT_NEAR(metric_at(falling, Metric::kCashLow, 0, t), 100 - 50.0 * static_cast<double>(t),
                1e-9);
  }
  // Rising cash (no costs; the initial customers pay): the trough stays the starting cash.
  spec.money.other_monthly_costs = 0;
  spec.customers.initial_customers = 10;
  const Projection rising = run(spec, 20);
  EXPECT_GT(metric_at(rising, Metric::kCash, 0, 4), 100);
  for (Eigen::Index r = 0; r < 20; ++r) {
    for (Eigen::Index t = 1; t <= 4; ++t) EXPECT_EQ(metric_at(rising, Metric::kCashLow, r, t), 100);
  }
}

TEST(MoneyTest, FundingArrivesAtItsMonthsStartAndIsNotBurn) {
  // 100 less 50 a month, 200 raised at the start of month 3: cash 50, 0, 150, 100. Burn (what
  // was spent) is 50 t whatever was raised; funding shows in its month only.
  ScenarioSpec spec = quiet_scenario(4);
  spec.money.starting_cash = 100;
  spec.money.other_monthly_costs = 50;
  spec.money.funding = {{3, 200}};
  const Projection p = run(spec, 1);
  const double cash[] = {50, 0, 150, 100};
  const double funding[] = {0, 0, 200, 0};
  for (Eigen::Index t = 1; t <= 4; ++t) {
    EXPECT_NEAR(metric_at(p, Metric::kCash, 0, t), cash[t - 1], 1e-9) << t;
    EXPECT_NEAR(metric_at(p, Metric::kFunding, 0, t), funding[t - 1], 1e-9) << t;
    EXPECT_NEAR(metric_at(p, Metric::kCumulativeBurn, 0, t), 50.0 * static_cast<double>(t), 1e-9);
  }
  EXPECT_EQ(metric_at(p, Metric::kCashEverNegative, 0, 4), 0);
}

TEST(MoneyTest, ACostScheduleChangesTheOtherCostsFromItsMonth) {
  // 50 a month, then 10 from month 3 and 30 from month 4: cash 100 - 50, - 50, - 10, - 30.
  ScenarioSpec spec = quiet_scenario(4);
  spec.money.starting_cash = 100;
  spec.money.other_monthly_costs = 50;
  spec.money.cost_schedule = {{3, 10}, {4, 30}};
  const Projection p = run(spec, 1);
  const double cash[] = {50, 0, -10, -40};
  for (Eigen::Index t = 1; t <= 4; ++t) {
    EXPECT_NEAR(metric_at(p, Metric::kCash, 0, t), cash[t - 1], 1e-9) << t;
  }
  EXPECT_NEAR(metric_at(p, Metric::kTotalCost, 0, 3), 10, 1e-9);
}

TEST(MoneyTest, QuotaAttainmentAndCommission) {
  // One ramped rep, 10 leads a month won with 0.5 at 1,000: 12-month bookings are 1,000 x
  // Poisson(60). Quota 60,000, so attainment at month 12 has mean 1 and the share at quota is
  // P(Poisson(60) >= 60). On-target earnings 20,000 above the salary: commission is exactly
  // 20,000 / 60,000 of the bookings.
  ScenarioSpec spec = reps_on_quota(12, 1);
  RoleSpec& ae = role(spec, "account_executive");
  ae.annual_salary = 50'000;
  ae.on_target_earnings = 70'000;
  const std::size_t reps = 400;
  const Projection p = run(spec, reps);
  const Eigen::MatrixXd& attainment = named(p, "quota_attainment_mean");
  EXPECT_NEAR(attainment.col(11).mean(), 1, 4 * std::sqrt(60.0) / 60 / std::sqrt(400.0));
  const double at_quota = 1 - poisson_cdf(60, 59);
  EXPECT_NEAR(named(p, "share_at_quota").col(11).mean(), at_quota,
              4 * std::sqrt(at_quota * (1 - at_quota) / reps));
  EXPECT_TRUE(named(p, "commission").isApprox(named(p, "new_bookings") / 3.0));
  // Month 3: the rep's three months of bookings against a quarter of the quota.
  for (Eigen::Index r = 0; r < 5; ++r) {
    const double bookings = named(p, "new_bookings").row(r).head(3).sum();
    EXPECT_NEAR(named(p, "quota_attainment_p50")(r, 2), bookings / 15'000, 1e-12);
  }
}

TEST(MoneyTest, CommissionIsTheRolesRateWhateverTheHireSourcePays) {
  // The same rep, hired from a source paying half the salary (salary_factor 0.5): paid 25,000 a
  // year, but the commission rate is the role's, (70,000 - 50,000) / 60,000 = 1/3 of bookings,
  // not (70,000 - 25,000) / 60,000 = 3/4 of it. Payroll is the source's: 25,000 / 365.25 a day.
  ScenarioSpec spec = reps_on_quota(3, 1);
  RoleSpec& ae = role(spec, "account_executive");
  ae.annual_salary = 50'000;
  ae.on_target_earnings = 70'000;
  for (HireSourceSpec& source : spec.hire_sources) {
    if (source.name == "experienced_external") source.salary_factor = 0.5;
  }
  const Projection p = run(spec, 50);
  EXPECT_GT(named(p, "new_bookings").sum(), 0);
  EXPECT_TRUE(named(p, "commission").isApprox(named(p, "new_bookings") / 3.0));
  EXPECT_NEAR(named(p, "payroll")(0, 0), 25'000 / 12.0, 1e-6);
}

TEST(MoneyTest, QuotaAttainmentBandsFollowThePoissonOdds) {
  // One rep ramped from day 0, 10 leads a month won with 0.5 at 1,000, quota 60,000: at month 2
  // the rep's bookings are 1,000 x N with N ~ Poisson(10), against 60,000 x 2 / 12 = 10,000, so
  // the attainment is N / 10 and every band edge is an integer N: below 50% is N <= 4, 50-80%
  // is 5..7, 80-100% is 8..9, 100-120% is 10..11 (on quota included), 120% or more is N >= 12.
  // The band's count is 1 with the band's Poisson probability p, else 0.
  const std::size_t reps = 4000;
  const Projection p = run(reps_on_quota(2, 1), reps);
  // P(from <= N <= to) for N ~ Poisson(10).
  const auto between = [](int from, int to) {
    return poisson_cdf(10, to) - (from > 0 ? poisson_cdf(10, from - 1) : 0.0);
  };
  const std::pair<const char*, double> bands[] = {
      {"quota_attainment.below_50", between(0, 4)},
      {"quota_attainment.50_to_80", between(5, 7)},
      {"quota_attainment.80_to_100", between(8, 9)},
      {"quota_attainment.100_to_120", between(10, 11)},
      {"quota_attainment.120_plus", 1 - poisson_cdf(10, 11)}};
  for (const auto& [name, probability] : bands) {
    EXPECT_NEAR(named(p, name).col(1).mean(), probability,
                4 * std::sqrt(probability * (1 - probability) / static_cast<double>(reps)))
        << name;
  }
  // The same rule history by history: the band of each replication's N / 10.
  for (Eigen::Index r = 0; r < 50; ++r) {
    const double wins = named(p, "deals_won").row(r).head(2).sum();
    const std::size_t expected = wins <= 4 ? 0 : wins <= 7 ? 1 : wins <= 9 ? 2 : wins <= 11 ? 3 : 4;
    for (std::size_t band = 0; band < 5; ++band) {
      EXPECT_EQ(named(p, bands[band].first)(r, 1), band == expected ? 1.0 : 0.0)
          << r << " " << wins << " " << bands[band].first;
    }
  }
}

TEST(MoneyTest, QuotaAttainmentBandsCountEveryRampedAeOnce) {
  // Conservation in every history and month of the default scenario: the bands add up to
  // ramped_aes, and the two bands from 100% up hold share_at_quota of them.
  ScenarioSpec spec = default_scenario();
  spec.horizon_months = 24;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 4, ""}};
  const Projection p = run(spec, 20);
  const Eigen::MatrixXd& ramped = named(p, "ramped_aes");
  ASSERT_GT(ramped.maxCoeff(), 2);
  Eigen::MatrixXd total = Eigen::MatrixXd::Zero(ramped.rows(), ramped.cols());
  for (const char* band : model::kQuotaBandNames) {
    total += named(p, std::string("quota_attainment.") + band);
  }
  EXPECT_EQ(total, ramped);
  const Eigen::MatrixXd at_quota =
      named(p, "quota_attainment.100_to_120") + named(p, "quota_attainment.120_plus");
  EXPECT_TRUE(at_quota.isApprox(named(p, "share_at_quota").cwiseProduct(ramped), 1e-12));
  EXPECT_GT(at_quota.sum(), 0);
  EXPECT_LT(at_quota.sum(), ramped.sum());
}

TEST(MoneyTest, TeamQuotaAttainmentIsTeamBookingsOverTeamQuota) {
  // Two reps ramped from day 0 with quota 60,000 each: at month t, with k = min(12, t), the
  // team's attainment is the last k months' bookings over 2 x 60,000 x k / 12, in every history.
  const Projection p = run(reps_on_quota(15, 2), 10);
  for (Eigen::Index r = 0; r < 10; ++r) {
    for (Eigen::Index t = 1; t <= 15; ++t) {
      const Eigen::Index k = std::min<Eigen::Index>(12, t);
      const double bookings = named(p, "new_bookings").row(r).segment(t - k, k).sum();
      EXPECT_NEAR(metric_at(p, Metric::kTeamQuotaAttainment, r, t),
                  bookings / (2 * 60'000.0 * static_cast<double>(k) / 12), 1e-12)
          << r << " " << t;
    }
  }
}

TEST(MoneyTest, CacIsTrailingCostOverNewCustomers) {
  // The formula in every history: trailing-12-month total cost over wins, and over new MRR.
  ScenarioSpec spec = default_scenario();
  spec.horizon_months = 18;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 3, ""}};
  const Projection p = run(spec, 10);
  for (Eigen::Index r = 0; r < 10; ++r) {
    for (Eigen::Index t = 1; t <= 18; ++t) {
      const Eigen::Index w = std::min<Eigen::Index>(12, t);
      const double cost = named(p, "total_cost").row(r).segment(t - w, w).sum();
      const double wins = named(p, "deals_won").row(r).segment(t - w, w).sum();
      const double bookings = named(p, "new_bookings").row(r).segment(t - w, w).sum();
      EXPECT_NEAR(metric_at(p, Metric::kCac, r, t), wins > 0 ? cost / wins : 0, 1e-6);
      EXPECT_NEAR(metric_at(p, Metric::kCacPaybackMonths, r, t),
                  bookings > 0 ? cost / (bookings / 12) : 0, 1e-9);
    }
  }
}

TEST(MoneyTest, RetentionCohortsMatchChurnAndExpansion) {
  // 400 customers at 100 a month, monthly churn 3 %, +1 % expansion per renewal. The cohort of
  // month t - 12 keeps each logo with q = 0.97^12 and each survivor's MRR grows by 1.01^12:
  // logo retention q, GRR q (expansion excluded), NRR q 1.01^12. At month 12 the cohort is the
  // day-0 base; before it there are not twelve months to look back over: undefined, not a
  // retention over fewer months (which would read as a better annual one).
  ScenarioSpec spec = quiet_scenario(24);
  spec.customers.initial_customers = 400;
  spec.customers.initial_mrr = Distribution::constant(100);
  spec.customers.monthly_churn = 0.03;
  spec.customers.monthly_expansion = Distribution::constant(0.01);
  const std::size_t reps = 200;
  const Projection p = run(spec, reps);
  const double q = std::pow(0.97, 12);
  const double se = std::sqrt(q * (1 - q) / 400 / reps);
  for (const Eigen::Index t : {12, 18, 24}) {
    EXPECT_NEAR(named(p, "logo_retention_t12m").col(t - 1).mean(), q, 4 * se) << t;
    EXPECT_NEAR(named(p, "grr_t12m").col(t - 1).mean(), q, 4 * se) << t;
    EXPECT_NEAR(named(p, "nrr_t12m").col(t - 1).mean(), q * std::pow(1.01, 12),
                4 * se * std::pow(1.01, 12))
        << t;
  }
  for (const char* name : {"logo_retention_t12m", "grr_t12m", "nrr_t12m"}) {
    for (const Eigen::Index t : {1, 6, 11}) {
      EXPECT_TRUE(named(p, name).col(t - 1).array().isNaN().all()) << name << " " << t;
    }
  }
}

TEST(MoneyTest, CoveredCustomersChurnLess) {
  // 300 customers, monthly churn 10 %; CSRs covering 400 accounts cover everyone and halve the
  // churn: E[customers at t] = 300 x 0.95^t; without CSRs 300 x 0.9^t.
  ScenarioSpec spec = quiet_scenario(6);
  spec.customers.initial_customers = 300;
  spec.customers.initial_mrr = Distribution::constant(100);
  spec.customers.monthly_churn = 0.1;
  spec.customers.covered_churn_factor = 0.5;
  role(spec, "customer_success").accounts_per_rep = 200;
  const std::size_t reps = 200;
  const Projection without = run(spec, reps);
  spec.starting_staff = {StartingStaffSpec{"customer_success", 2, ""}};
  const Projection with = run(spec, reps);
  for (Eigen::Index t = 1; t <= 6; ++t) {
    for (const auto& [p, c] : {std::pair{&without, 0.1}, std::pair{&with, 0.05}}) {
      const double q = std::pow(1 - c, static_cast<double>(t));
      EXPECT_NEAR(mean_at(*p, Metric::kCustomers, t), 300 * q,
                  4 * std::sqrt(300 * q * (1 - q) / reps));
    }
  }
  EXPECT_EQ(named(with, "covered_customers"), named(with, "customers"));
  EXPECT_EQ(named(without, "covered_customers").sum(), 0);
}

TEST(MoneyTest, InitialAnnualContractsRenewOnAnniversariesSpreadOverTheYear) {
  // 200 customers on annual contracts started before day 0 at uniformly spread points of their
  // term: each has exactly one anniversary in months 1-12, where it renews or churns (20 %).
  // Month 1 sees 200 / 12 anniversaries and 200 x 0.2 / 12 = 3.33 churns on average (not 0,
  // as when every initial contract renewed in month 12); the count at month 12 is
  // Binomial(200, 0.8) as before.
  ScenarioSpec spec = quiet_scenario(13);
  spec.customers.initial_customers = 200;
  spec.customers.initial_mrr = Distribution::constant(100);
  spec.customers.annual_contract_share = 1;
  spec.customers.annual_churn = 0.2;
  spec.customers.monthly_churn = 0.5;  // ignored by annual contracts
  const std::size_t reps = 200;
  const Projection p = run(spec, reps);
  const Eigen::MatrixXd anniversaries =
      named(p, "renewals").leftCols(12) + named(p, "logo_churn").leftCols(12);
  EXPECT_EQ(anniversaries.rowwise().sum().minCoeff(), 200);
  EXPECT_EQ(anniversaries.rowwise().sum().maxCoeff(), 200);
  const double p_churn_month_1 = 0.2 / 12;
  EXPECT_NEAR(mean_at(p, Metric::kLogoChurn, 1), 200 * p_churn_month_1,
              4 * std::sqrt(200 * p_churn_month_1 * (1 - p_churn_month_1) / reps));
  EXPECT_NEAR(mean_at(p, Metric::kCustomers, 12), 160, 4 * std::sqrt(200 * 0.16 / reps));
}

TEST(MoneyTest, InitialUpfrontCustomersHavePaidTheirCurrentYear) {
  // Three customers on annual contracts at 1,000 a month, no churn, no costs. Billed upfront,
  // each has paid its current year before day 0: no cash on day 0, 12 x 1,000 = 12,000 at its
  // anniversary within the year, so cash is a multiple of 12,000 that never falls and reaches
  // 36,000 by month 12. Billed monthly cash is 3,000 t. Revenue is 3,000 a month either way.
  ScenarioSpec spec = quiet_scenario(13);
  spec.customers.initial_customers = 3;
  spec.customers.initial_mrr = Distribution::constant(1000);
  spec.customers.annual_contract_share = 1;
  spec.customers.annual_churn = 0;
  const Projection monthly = run(spec, 20);
  spec.customers.annual_billing = AnnualBilling::kUpfront;
  const Projection upfront = run(spec, 20);
  for (Eigen::Index r = 0; r < 20; ++r) {
    double before = 0;
    for (Eigen::Index t = 1; t <= 12; ++t) {
      const double cash = metric_at(upfront, Metric::kCash, r, t);
      EXPECT_NEAR(std::fmod(cash + 1e-6, 12'000), 0, 1e-5) << r << " " << t;
      EXPECT_GE(cash, before);
      before = cash;
      EXPECT_NEAR(metric_at(monthly, Metric::kCash, r, t), 3'000 * static_cast<double>(t), 1e-6);
      EXPECT_NEAR(metric_at(upfront, Metric::kRevenue, r, t), 3'000, 1e-6) << t;
    }
    EXPECT_NEAR(before, 36'000, 1e-6) << r;
  }
  EXPECT_EQ(named(upfront, "arr"), named(monthly, "arr"));
  EXPECT_EQ(named(upfront, "revenue"), named(monthly, "revenue"));
}

TEST(MoneyTest, UpfrontCashOfWonAnnualDealsIsTheirBookings) {
  // Annual deals of 12,000 ACV won through the year, billed upfront, no costs: before any
  // contract renews (the first renews a year after its win, past month 12) the cash of every
  // history is exactly the sum of its bookings so far.
  ScenarioSpec spec = quiet_scenario(12);
  spec.territories = {TerritorySpec{"all", 10}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  spec.pipeline.win_rate = Distribution::constant(0.5);
  spec.pipeline.deal_size_acv = Distribution::constant(12'000);
  spec.pipeline.sales_cycle_days = Distribution::constant(0);
  spec.customers.annual_contract_share = 1;
  spec.customers.annual_billing = AnnualBilling::kUpfront;
  role(spec, "account_executive").annual_salary = 0;
  const Projection p = run(spec, 20);
  for (Eigen::Index r = 0; r < 20; ++r) {
    double bookings = 0;
    for (Eigen::Index t = 1; t <= 12; ++t) {
      bookings += metric_at(p, Metric::kNewBookings, r, t);
      EXPECT_NEAR(metric_at(p, Metric::kCash, r, t), bookings, 1e-6 * (1 + bookings));
    }
  }
  EXPECT_GT(named(p, "new_bookings").sum(), 0);
}

TEST(MoneyTest, BillingConservesCashOverContractYears) {
  // Half the customers on annual contracts (20 % annual churn), the rest monthly (2 % churn),
  // +1 % expansion per renewal, over two contract years. Whatever the billing, cash collected
  // minus revenue earned so far is what was billed and not yet earned, less what was billed
  // before day 0: sum of collections - sum of revenue = deferred_revenue - its day-0 value. Billed
  // monthly, nothing is deferred and collections are the revenue; the customers are the same either
  // way.
  ScenarioSpec spec = quiet_scenario(27);
  spec.customers.initial_customers = 200;
  spec.customers.initial_mrr = Distribution::lognormal_from_median_p90(1'000, 3'000);
  spec.customers.annual_contract_share = 0.5;
  spec.customers.annual_churn = 0.2;
  spec.customers.monthly_churn = 0.02;
  spec.customers.monthly_expansion = Distribution::constant(0.01);
  const Projection monthly = run(spec, 10);
  spec.customers.annual_billing = AnnualBilling::kUpfront;
  const Projection upfront = run(spec, 10);
  for (Eigen::Index r = 0; r < 10; ++r) {
    // The initial customers paid their current terms before day 0: what was deferred then is
    // deferred_revenue - (collections - revenue) at every month end, one constant per history.
    double collected = 0, earned = 0;
    const double deferred_at_day_0 = metric_at(upfront, Metric::kDeferredRevenue, r, 1) -
                                     metric_at(upfront, Metric::kCollections, r, 1) +
                                     metric_at(upfront, Metric::kRevenue, r, 1);
    EXPECT_GT(deferred_at_day_0, 0);
    for (Eigen::Index t = 1; t <= 27; ++t) {
      collected += metric_at(upfront, Metric::kCollections, r, t);
      earned += metric_at(upfront, Metric::kRevenue, r, t);
      EXPECT_NEAR(deferred_at_day_0 + collected - earned,
                  metric_at(upfront, Metric::kDeferredRevenue, r, t), 1e-9 * collected)
          << r << " " << t;
      EXPECT_NEAR(metric_at(monthly, Metric::kCollections, r, t),
                  metric_at(monthly, Metric::kRevenue, r, t), 1e-9 * collected);
      EXPECT_EQ(metric_at(monthly, Metric::kDeferredRevenue, r, t), 0);
    }
  }
  EXPECT_EQ(named(upfront, "mrr"), named(monthly, "mrr"));
  EXPECT_EQ(named(upfront, "customers"), named(monthly, "customers"));
  EXPECT_GT(named(upfront, "deferred_revenue").minCoeff(), 0);
}

}  // namespace
}  // namespace teamsim::model
