// The pipeline: territories (KPIs, finite accounts and cool-off, rebalancing), seasonality,
// products, channels, qualification, specialists, win rate and cycle. Expected numbers are
// derived by hand beside each test; tolerances are 4 Monte Carlo standard errors.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/statistics.h"
#include "tests/models/test_scenarios.h"

namespace teamsim::model {
namespace {

/// Fully ramped reps with unlimited capacity, deals closing at once, constant win rate and ACV.
ScenarioSpec instant_deals(int horizon_months, double win_rate, double acv) {
  ScenarioSpec spec = quiet_scenario(horizon_months);
  spec.pipeline.win_rate = Distribution::constant(win_rate);
  spec.pipeline.deal_size_acv = Distribution::constant(acv);
  spec.pipeline.sales_cycle_days = Distribution::constant(0);
  return spec;
}

TEST(PipelineTest, PerTerritoryKpisShowUnevenTerritories) {
  // Territory "big" gets 30 leads a month, "small" 10; one rep in each; won with 0.5 at 1,000.
  // E[bookings] = 15,000 and 5,000 a month, and with one rep each that is also per rep.
  ScenarioSpec spec = instant_deals(12, 0.5, 1000);
  spec.territories = {TerritorySpec{"big", 30}, TerritorySpec{"small", 10}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, "big"},
                         StartingStaffSpec{"account_executive", 1, "small"}};
  const Projection p = run(spec, 200);
  const MeanSe big = history_average(named(p, "territory.big.bookings_per_rep"), 1, 12);
  const MeanSe small = history_average(named(p, "territory.small.bookings_per_rep"), 1, 12);
  EXPECT_NEAR(big.mean, 15'000, 4 * big.se);
  EXPECT_NEAR(small.mean, 5'000, 4 * small.se);
  // The territories add up to the totals in every history and month.
  EXPECT_EQ(named(p, "territory.big.leads") + named(p, "territory.small.leads"), named(p, "leads"));
  EXPECT_EQ(named(p, "territory.big.wins") + named(p, "territory.small.wins"),
            named(p, "deals_won"));
  EXPECT_EQ(named(p, "territory.big.opportunities") + named(p, "territory.small.opportunities"),
            named(p, "opportunities_opened"));
  EXPECT_EQ(named(p, "territory.big.reps")(0, 0), 1);
}

TEST(PipelineTest, WonAccountsDepleteTheTerritory) {
  // 200 accounts, 50 leads a month at full availability, every deal won at once: each account
  // is approached at rate 50 / 200 per month, so available accounts are Binomial(200, e^{-t/4}).
  ScenarioSpec spec = instant_deals(8, 1, 1000);
  spec.territories = {TerritorySpec{"all", 50, 200, 0}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  const std::size_t reps = 300;
  const Projection p = run(spec, reps);
  const Eigen::MatrixXd& available = named(p, "territory.all.accounts_available");
  for (Eigen::Index t = 1; t <= 8; ++t) {
    const double q = std::exp(-static_cast<double>(t) / 4);
    EXPECT_NEAR(available.col(t - 1).mean(), 200 * q, 4 * std::sqrt(200 * q * (1 - q) / reps));
  }
}

TEST(PipelineTest, LostAccountsCoolOffBeforeTheyComeBack) {
  // Every deal lost; an account approached at rate 50/200 per month then cools off 2 months.
  // By renewal-reward the long-run available share is (200/50) / (200/50 + 2) = 2/3.
  ScenarioSpec spec = instant_deals(40, 0, 1000);
  spec.territories = {TerritorySpec{"all", 50, 200, 2}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  const Projection p = run(spec, 100);
  const MeanSe available = history_average(named(p, "territory.all.accounts_available"), 11, 40);
  EXPECT_NEAR(available.mean, 200.0 * 2 / 3, 4 * available.se + 0.5);
}

TEST(PipelineTest, SalesOpsRebalancesRepsToTheLeadFlow) {
  // Leads 30 : 10; four reps start in "small". With one sales-ops person rebalancing every
  // month, at the start of month 2 three move to "big" (30 / 40 x 4 = 3).
  ScenarioSpec spec = quiet_scenario(3);
  spec.pipeline.rebalance_every_months = 1;
  spec.territories = {TerritorySpec{"big", 30}, TerritorySpec{"small", 10}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 4, "small"},
                         StartingStaffSpec{"sales_operations", 1, ""}};
  const Projection p = run(spec, 1);
  EXPECT_EQ(named(p, "territory.big.reps")(0, 0), 0);
  EXPECT_EQ(named(p, "territory.big.reps")(0, 1), 3);
  EXPECT_EQ(named(p, "territory.small.reps")(0, 1), 1);
  EXPECT_EQ(named(p, "territory_moves")(0, 1), 3);
  // Without sales ops nothing moves.
  spec.starting_staff.pop_back();
  EXPECT_EQ(named(run(spec, 1), "territory.big.reps")(0, 2), 0);
}

TEST(PipelineTest, AMovedSellersOpenDealsStayInTheTerritoryTheyWereOpenedIn) {
  // As above, four reps in "small" and three move to "big" at the start of month 2. Leads come
  // in month 1 only (seasonality 1 in January, 0 after), so every opportunity is opened in
  // month 1, in "small" ("big" has no seller then: its leads go unworked). Each closes 40 days
  // later, in month 2 or 3, and is won (win rate 1). The movers' deals stay in "small": every
  // win and every customer of the run is "small"'s, none "big"'s, in every history.
  ScenarioSpec spec = instant_deals(3, 1, 1000);
  spec.pipeline.sales_cycle_days = Distribution::constant(40);
  spec.pipeline.rebalance_every_months = 1;
  spec.seasonality.leads = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  spec.territories = {TerritorySpec{"big", 30}, TerritorySpec{"small", 10}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 4, "small"},
                         StartingStaffSpec{"sales_operations", 1, ""}};
  const Projection p = run(spec, 50);
  const Eigen::MatrixXd& opened = named(p, "territory.small.opportunities");
  const Eigen::MatrixXd& won = named(p, "territory.small.wins");
  EXPECT_GT(opened.col(0).sum(), 300);  // about 10 a history
  for (Eigen::Index r = 0; r < opened.rows(); ++r) {
    EXPECT_EQ(named(p, "territory.big.reps")(r, 1), 3) << r;
    EXPECT_EQ(opened.row(r).sum(), opened(r, 0)) << r;
    EXPECT_EQ(won(r, 0), 0) << r;
    EXPECT_EQ(won.row(r).sum(), opened(r, 0)) << r;
    EXPECT_EQ(named(p, "territory.small.customers")(r, 2), opened(r, 0)) << r;
    EXPECT_EQ(named(p, "territory.big.wins").row(r).sum(), 0) << r;
    EXPECT_EQ(named(p, "territory.big.customers")(r, 2), 0) << r;
  }
}

TEST(PipelineTest, SeasonalityScalesLeadsAndClosing) {
  // Lead multipliers January 2, February 0, otherwise 1, starting in January: E[leads] = 60, 0,
  // 30. Closing multiplier 0 in March: nothing is won in month 3.
  ScenarioSpec spec = instant_deals(4, 0.5, 1000);
  spec.territories = {TerritorySpec{"all", 30}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  spec.seasonality.leads[0] = 2;
  spec.seasonality.leads[1] = 0;
  spec.seasonality.closing[2] = 0;
  const std::size_t reps = 300;
  const Projection p = run(spec, reps);
  EXPECT_NEAR(mean_at(p, Metric::kLeads, 1), 60, 4 * std::sqrt(60.0 / reps));
  EXPECT_EQ(named(p, "leads").col(1).sum(), 0);
  EXPECT_NEAR(mean_at(p, Metric::kLeads, 3), 30, 4 * std::sqrt(30.0 / reps));
  EXPECT_EQ(named(p, "deals_won").col(2).sum(), 0);
  EXPECT_NEAR(mean_at(p, Metric::kDealsWon, 4), 15, 4 * std::sqrt(15.0 / reps));
}

TEST(PipelineTest, ProductMixSetsWinRateAndDealSize) {
  // Shares 3 : 1; product "core" wins 0.5 at 1,000, "suite" 0.2 at 5,000. With 40 leads a month
  // E[bookings] = 40 (0.75 x 0.5 x 1000 + 0.25 x 0.2 x 5000) = 40 x 625 = 25,000.
  ScenarioSpec spec = instant_deals(12, 0, 0);
  spec.territories = {TerritorySpec{"all", 40}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  ProductSpec core{"core",
                   3,
                   Distribution::constant(0.5),
                   Distribution::constant(1000),
                   Distribution::constant(0),
                   0};
  ProductSpec suite{"suite",
                    1,
                    Distribution::constant(0.2),
                    Distribution::constant(5000),
                    Distribution::constant(0),
                    0};
  spec.products = {core, suite};
  const Projection p = run(spec, 200);
  const MeanSe bookings = history_average(named(p, "new_bookings"), 1, 12);
  EXPECT_NEAR(bookings.mean, 25'000, 4 * bookings.se);
  const MeanSe suite_bookings = history_average(named(p, "product.suite.bookings"), 1, 12);
  EXPECT_NEAR(suite_bookings.mean, 10'000, 4 * suite_bookings.se);
  EXPECT_EQ(named(p, "product.core.wins") + named(p, "product.suite.wins"), named(p, "deals_won"));
}

TEST(PipelineTest, ChannelsConvertAndCostDifferently) {
  // Half the leads by phone (conversion 0.5, 20 per lead), half by e-mail (0.1, 2 per lead):
  // E[opportunities] = 40 (0.5 x 0.5 + 0.5 x 0.1) = 12; channel cost is exactly the leads of
  // each channel times its cost.
  ScenarioSpec spec = instant_deals(12, 0.5, 1000);
  spec.territories = {TerritorySpec{"all", 40}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  spec.channels = {ChannelSpec{"phone", 1, 0.5, 1, 1, 20}, ChannelSpec{"email", 1, 0.1, 1, 1, 2}};
  const Projection p = run(spec, 200);
  const MeanSe opportunities = history_average(named(p, "opportunities_opened"), 1, 12);
  EXPECT_NEAR(opportunities.mean, 12, 4 * opportunities.se);
  const Eigen::MatrixXd expected_cost =
      20 * named(p, "channel.phone.leads") + 2 * named(p, "channel.email.leads");
  EXPECT_TRUE(named(p, "channel_cost").isApprox(expected_cost));
  EXPECT_EQ(named(p, "leads_not_converted") + named(p, "opportunities_opened"), named(p, "leads"));
}

TEST(PipelineTest, SalesOpsScreensOutUnqualifiedLeads) {
  // Half the leads are unqualified; sales ops with ample screening capacity rejects 80 % of
  // them: E[disqualified] = 40 x 0.5 x 0.8 = 16 a month, E[opportunities] = 24.
  ScenarioSpec spec = instant_deals(12, 0.5, 1000);
  spec.territories = {TerritorySpec{"all", 40}};
  spec.pipeline.unqualified_lead_share = 0.5;
  spec.pipeline.qualification_accuracy = 0.8;
  role(spec, "sales_operations").leads_screened_per_month = 1e9;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""},
                         StartingStaffSpec{"sales_operations", 1, ""}};
  const Projection p = run(spec, 200);
  const MeanSe disqualified = history_average(named(p, "leads_disqualified"), 1, 12);
  EXPECT_NEAR(disqualified.mean, 16, 4 * disqualified.se);
  // Unqualified leads that slip through are never won: E[wins] = 40 x 0.5 x 0.5 = 10.
  const MeanSe wins = history_average(named(p, "deals_won"), 1, 12);
  EXPECT_NEAR(wins.mean, 10, 4 * wins.se);
}

TEST(PipelineTest, SpecialistQueueWaitMatchesPollaczekKhinchine) {
  // Every deal is complex; one specialist helps one deal at a time for a constant D = 1.2 days.
  // Complex deals arrive as a Poisson process of rate l = 15 / 30.4375 per day, so the queue is
  // M/D/1 and the mean wait is l D^2 / (2 (1 - l D)).
  ScenarioSpec spec = instant_deals(48, 0.2, 1000);
  spec.territories = {TerritorySpec{"all", 15}};
  spec.pipeline.complex_share = 1;
  spec.pipeline.specialist_help_days = Distribution::constant(1.2);
  spec.pipeline.specialist_win_rate_factor = 1.5;
  role(spec, "sales_specialist").concurrent_deals = 1;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""},
                         StartingStaffSpec{"sales_specialist", 1, ""}};
  const Projection p = run(spec, 200);
  const double lambda = 15 / kDaysPerMonth, d = 1.2;
  const double expected = lambda * d * d / (2 * (1 - lambda * d));
  // The metric is each month's mean wait, undefined (NaN) in a month without grants; weight
  // months by their grants to get the mean wait per deal of each history, then average the
  // independent histories.
  const Eigen::MatrixXd waits = named(p, "specialist_queue_wait_days").rightCols(47);
  const Eigen::MatrixXd grants = named(p, "specialist_grants").rightCols(47);
  EXPECT_TRUE(((grants.array() == 0) == waits.array().isNaN()).all());  // undefined iff no grant
  const Eigen::VectorXd per_history =
      (grants.array() * waits.array().isNaN().select(0.0, waits.array())).rowwise().sum() /
      grants.array().rowwise().sum();
  const double mean = per_history.mean();
  const double se = std::sqrt((per_history.array() - mean).square().sum() /
                              static_cast<double>(per_history.size() - 1) /
                              static_cast<double>(per_history.size()));
  EXPECT_NEAR(mean, expected, 4 * se + 0.01) << "expected " << expected;
  // The run's summary of a month does the same weighting over the histories (the mean per deal,
  // docs/metrics.md "Means per event"), with the ratio estimator's standard error.
  const std::size_t kept = p.kept_index("specialist_queue_wait_days");
  ASSERT_NE(p.event_weights(kept), nullptr);
  const Eigen::MatrixXd month_waits = p.samples.metric(kept).col(35);
  const Eigen::MatrixXd month_grants = p.event_weights(kept)->col(35);
  const sim::ColumnSummary month_36 = sim::summarize_columns(month_waits, &month_grants);
  EXPECT_NEAR(month_36.mean(0), expected, 4 * month_36.se(0)) << "expected " << expected;
  // Help raises the win rate from 0.2 to 0.3.
  const MeanSe win_rate = history_average(named(p, "win_rate"), 2, 48);
  EXPECT_NEAR(win_rate.mean, 0.3, 4 * win_rate.se + 0.002);
}

TEST(PipelineTest, WinRateAndCycleAreMeasuredOnClosedDeals) {
  // A constant 20-day cycle: every month with a close reports exactly 20; the win rate is
  // won / (won + lost) in each history and month.
  ScenarioSpec spec = instant_deals(6, 0.3, 1000);
  spec.pipeline.sales_cycle_days = Distribution::constant(20);
  spec.territories = {TerritorySpec{"all", 30}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  const Projection p = run(spec, 20);
  for (Eigen::Index r = 0; r < 20; ++r) {
    for (Eigen::Index t = 2; t <= 6; ++t) {
      const double won = metric_at(p, Metric::kDealsWon, r, t);
      const double lost = metric_at(p, Metric::kDealsLost, r, t);
      if (won + lost == 0) continue;
      EXPECT_NEAR(metric_at(p, Metric::kAvgCycleDays, r, t), 20, 1e-9);
      EXPECT_DOUBLE_EQ(metric_at(p, Metric::kWinRate, r, t), won / (won + lost));
    }
  }
}

TEST(PipelineTest, DealsDrawnOnlyForOpportunitiesKeepTheirDistribution) {
  // A deal (win rate, size, cycle) is drawn only once a lead becomes an opportunity. One rep
  // holding one opportunity at a time with a 10-day cycle works about 3 of 30 leads a month;
  // the other ~90 % never draw a deal. The deals drawn must still follow the scenario's laws:
  // P(win) = E[Beta win rate] = 0.3, and the mean won ACV is the lognormal mean
  // 10,000 exp(s^2 / 2) with s = ln 3 / 1.28155 (p90 = 3 x median): 14,440.5, sd
  // 14,440.5 sqrt(exp(s^2) - 1) = 15,043. Tolerances: 4 standard errors over the deals pooled.
  ScenarioSpec spec = instant_deals(24, 0, 0);
  spec.pipeline.win_rate = Distribution::beta_from_mean_sd(0.3, 0.1);
  spec.pipeline.deal_size_acv = Distribution::lognormal_from_median_p90(10'000, 30'000);
  spec.pipeline.sales_cycle_days = Distribution::constant(10);
  spec.territories = {TerritorySpec{"all", 30}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  role(spec, "account_executive").max_open_opportunities = 1;
  const Projection p = run(spec, 200);
  const double won = named(p, "deals_won").sum();
  const double lost = named(p, "deals_lost").sum();
  const double leads = named(p, "leads").sum();
  ASSERT_GT(won, 1000);
  EXPECT_LT((won + lost) / leads, 0.2);  // most leads never became opportunities
  const double closed = won + lost;
  EXPECT_NEAR(won / closed, 0.3, 4 * std::sqrt(0.3 * 0.7 / closed));
  EXPECT_NEAR(named(p, "new_bookings").sum() / won, 14'440.5, 4 * 15'043 / std::sqrt(won));
}

/// One AE hired in month 1 after a constant `fill_days`, selling at once (no onboarding or ramp),
/// prospecting 12 leads a month; no inbound leads. Won with 0.5 at 1,000, closing at once.
ScenarioSpec one_prospector(int horizon_months, double fill_days) {
  ScenarioSpec spec = instant_deals(horizon_months, 0.5, 1000);
  RoleSpec& ae = role(spec, "account_executive");
  ae.prospecting_leads_per_month = 12;
  ae.time_to_fill_days = Distribution::constant(fill_days);
  spec.hires = {HireSpec{"account_executive", 1, 1, "", "experienced_external"}};
  return spec;
}

TEST(PipelineTest, ASellerStartingMidMonthProspectsTheRestOfThatMonth) {
  // Selling from day 10, the AE's own leads are a Poisson process of 12 a month from then on:
  // month 1 holds Poisson(12 x (30.4375 - 10) / 30.4375) = Poisson(8.057), months 2-4
  // Poisson(12) each, independent (the process is drawn month by month from each month's engine;
  // a restart at each month start keeps it Poisson). Mean and variance of each month's count
  // within 4 standard errors: se(mean) = sqrt(lambda / n), se(variance) = sqrt((lambda +
  // 2 lambda^2) / n) for a Poisson count.
  const std::size_t reps = 1000;
  const Projection p = run(one_prospector(4, 10), reps);
  const Eigen::MatrixXd& leads = named(p, "leads");
  const double n = static_cast<double>(reps);
  for (Eigen::Index month = 1; month <= 4; ++month) {
    const double lambda = month == 1 ? 12 * (kDaysPerMonth - 10) / kDaysPerMonth : 12;
    const Eigen::VectorXd count = leads.col(month - 1);
    const double mean = count.mean();
    const double variance = (count.array() - mean).square().sum() / (n - 1);
    EXPECT_NEAR(mean, lambda, 4 * std::sqrt(lambda / n)) << "month " << month;
    EXPECT_NEAR(variance, lambda, 4 * std::sqrt((lambda + 2 * lambda * lambda) / n))
        << "month " << month;
  }
  // Months are independent: the correlation of months 1 and 2 is within 4 / sqrt(n) of 0.
  const Eigen::ArrayXd a = leads.col(0).array() - leads.col(0).mean();
  const Eigen::ArrayXd b = leads.col(1).array() - leads.col(1).mean();
  const double correlation = (a * b).sum() / std::sqrt(a.square().sum() * b.square().sum());
  EXPECT_NEAR(correlation, 0, 4 / std::sqrt(n));
}

TEST(PipelineTest, ProspectingRunsAtTheFullRateWhateverTheRampPerformanceAndSeason) {
  // The same AE as above, now on a 12-month linear ramp, with performance 0.5, unmanaged (the
  // founder's span 0 and the 30 % penalty: factor 0.7) and every calendar month's lead season at
  // 0.2. None of these changes how many leads they find: month 1 still holds
  // Poisson(12 x (30.4375 - 10) / 30.4375) and months 2-4 Poisson(12) (4 standard errors,
  // sqrt(lambda / n)). What they change is the odds: at most 0.5 x 0.7 x the ramp (1/12 at the
  // end of month 1 ... 4/12 at the end of month 4) of the win rate 0.5, so fewer than a tenth of
  // the leads are won.
  ScenarioSpec spec = one_prospector(4, 10);
  RoleSpec& ae = role(spec, "account_executive");
  ae.ramp_months = Distribution::constant(12);
  ae.performance = Distribution::constant(0.5);
  spec.founder.span_of_control = 0;
  spec.management.under_management_penalty = 0.3;
  spec.seasonality.leads.fill(0.2);
  const std::size_t reps = 1000;
  const Projection p = run(spec, reps);
  const Eigen::MatrixXd& leads = named(p, "leads");
  const double n = static_cast<double>(reps);
  for (Eigen::Index month = 1; month <= 4; ++month) {
    const double lambda = month == 1 ? 12 * (kDaysPerMonth - 10) / kDaysPerMonth : 12;
    EXPECT_NEAR(leads.col(month - 1).mean(), lambda, 4 * std::sqrt(lambda / n))
        << "month " << month;
  }
  EXPECT_LT(named(p, "deals_won").sum(), 0.1 * leads.sum());
}

TEST(PipelineTest, ARepHiredLaterFindsTheSameLeadsOnceSelling) {
  // Common random numbers: a rep's prospecting belongs to calendar time, not to time since hire.
  // Hired on day 10 in one plan and on day 40 in the other, the same AE finds the same leads
  // (same moments, same fates) from day 40 on: months 3-6 are identical in every history, and
  // in month 2 the later hire finds a subset of the earlier one's leads.
  const Projection early = run(one_prospector(6, 10), 100);
  const Projection late = run(one_prospector(6, 40), 100);
  for (const char* metric : {"leads", "deals_won", "new_bookings"}) {
    EXPECT_EQ(named(early, metric).rightCols(4), named(late, metric).rightCols(4)) << metric;
  }
  EXPECT_TRUE((named(late, "leads").col(1).array() <= named(early, "leads").col(1).array()).all());
  EXPECT_TRUE((named(late, "leads").col(0).array() == 0).all());
}

TEST(PipelineTest, PlansWithMoreSpecialistsSeeTheSameLeads) {
  // Common random numbers: the specialist team changes when deals close, not which leads come.
  ScenarioSpec a = default_scenario();
  a.horizon_months = 18;
  a.pipeline.complex_share = 0.5;
  a.starting_staff = {StartingStaffSpec{"account_executive", 3, ""},
                      StartingStaffSpec{"sales_specialist", 1, ""}};
  for (RoleSpec& r : a.roles) r.prospecting_leads_per_month = 0;
  ScenarioSpec b = a;
  b.starting_staff[1].count = 3;
  const Projection pa = run(a, 30);
  const Projection pb = run(b, 30);
  EXPECT_EQ(named(pa, "leads"), named(pb, "leads"));
  EXPECT_NE(named(pa, "specialist_queue_wait_days"), named(pb, "specialist_queue_wait_days"));
}

}  // namespace
}  // namespace teamsim::model
