// Closed-form checks of the sales model. Every expected number is derived by hand in the comment
// beside it; statistical tolerances are a stated number of Monte Carlo standard errors.
#include "models/replication.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "models/defaults.h"
#include "models/projection.h"
#include "sim/replication_runner.h"
#include "tests/models/test_scenarios.h"
#include "tests/undefined_values.h"

namespace teamsim::model {
namespace {

using sim::Distribution;

TEST(ReplicationTest, DeterministicHiringPlanGivesExactlyThatHeadcount) {
  ScenarioSpec spec = quiet_scenario(6);
  role(spec, "account_executive").time_to_fill_days = Distribution::constant(10);
  role(spec, "sales_manager").time_to_fill_days = Distribution::constant(10);
  spec.hires = {HireSpec{"account_executive", 2, 1, ""}, HireSpec{"sales_manager", 1, 3, ""},
                HireSpec{"account_executive", 3, 5, ""}};
  const Projection p = run(spec, 20);
  const MetricLayout& layout = p.layout;
  // Requisitions open at the start of months 1, 3 and 5 and fill 10 days later, well before
  // each month end (30.4 days): 2, 2, 3, 3, 6, 6 people.
  const double expected_total[] = {2, 2, 3, 3, 6, 6};
  const double expected_aes[] = {2, 2, 2, 2, 5, 5};
  for (Eigen::Index r = 0; r < 20; ++r) {
    for (Eigen::Index month = 1; month <= 6; ++month) {
      EXPECT_EQ(metric_at(p, Metric::kHeadcountTotal, r, month), expected_total[month - 1]);
      EXPECT_EQ(p.samples.metric(layout.headcount_index(0))(r, month - 1), expected_aes[month - 1]);
      EXPECT_EQ(metric_at(p, Metric::kDepartures, r, month), 0);
    }
    EXPECT_EQ(metric_at(p, Metric::kHires, r, 1), 2);
    EXPECT_EQ(metric_at(p, Metric::kHires, r, 3), 1);
    EXPECT_EQ(metric_at(p, Metric::kHires, r, 5), 3);
  }
}

// Renewals replayed at month ends run as the events would have: every metric but money the
// same, replication by replication; money within rounding (the replay adds a renewal's revenue
// after the fact, so the ledger's sums are split differently), and as many events counted.
// A scenario with wins, churn, annual and upfront contracts, segments of churn, customer success
// hired and leaving mid-month, and finite accounts cooling off for the default 6 months.
TEST(ReplicationTest, ReplayedRenewalsGiveTheEventsMetrics) {
  ScenarioSpec spec = default_scenario();
  spec.horizon_months = 24;
  spec.territories[0].accounts = 4'000;
  spec.territories[0].inbound_leads_per_month = 60;
  spec.customers.initial_customers = 400;
  spec.customers.annual_contract_share = 0.4;
  spec.customers.annual_billing = AnnualBilling::kUpfront;
  spec.customers.monthly_churn = 0.03;
  spec.customers.monthly_expansion = Distribution::normal(0.01, 0.02);
  role(spec, "customer_success").accounts_per_rep = 60;
  role(spec, "customer_success").annual_attrition = 0.6;
  spec.starting_staff.push_back(StartingStaffSpec{"customer_success", 3, ""});
  spec.hires.push_back(HireSpec{"customer_success", 2, 4, ""});
  const MetricLayout layout(spec);
  const std::set<std::string> money = {"revenue",    "collections", "payroll",
                                       "total_cost", "cac",         "cac_payback_months",
                                       "cash",       "cash_low",    "cumulative_burn"};
  for (std::uint64_t r = 0; r < 6; ++r) {
    Replication events(spec, layout, 11, r, nullptr, {}, {}, RenewalMode::kEvents);
    Replication replayed(spec, layout, 11, r, nullptr, {}, {}, RenewalMode::kReplayWhenExact);
    const Eigen::MatrixXd a = events.run();
    const Eigen::MatrixXd b = replayed.run();
    EXPECT_EQ(events.events_handled(), replayed.events_handled()) << "replication " << r;
    const auto kind = kind_of(EventKind::kCustomerRenewal);
    EXPECT_GT(replayed.simulator().events_by_kind()[kind], 1000u);
    EXPECT_EQ(events.simulator().events_by_kind()[kind],
              replayed.simulator().events_by_kind()[kind]);
    ASSERT_EQ(a.rows(), b.rows());
    ASSERT_EQ(a.cols(), b.cols());
    for (Eigen::Index c = 0; c < a.cols(); ++c) {
      const std::string& name = layout.info(static_cast<std::size_t>(c)).name;
      for (Eigen::Index m = 0; m < a.rows(); ++m) {
        if (std::isnan(a(m, c)) || std::isnan(b(m, c))) {
          EXPECT_EQ(std::isnan(b(m, c)), std::isnan(a(m, c)))
              << name << " month " << m + 1 << " replication " << r;
        } else if (money.contains(name)) {
          EXPECT_NEAR(b(m, c), a(m, c), 1e-12 * std::max(1.0, std::abs(a(m, c))))
              << name << " month " << m + 1 << " replication " << r;
        } else {
          EXPECT_EQ(b(m, c), a(m, c)) << name << " month " << m + 1 << " replication " << r;
        }
      }
    }
  }
}

TEST(ReplicationTest, AStopRequestEndsALongReplicationWithinOneCheckInterval) {
  // 1,000 inbound leads a month for 60 months: at least 60,000 lead events. With the stop
  // already requested the replication gives up at the first check, after exactly
  // sim::Simulator::kStopCheckInterval events.
  ScenarioSpec spec = default_scenario();
  spec.horizon_months = 60;
  for (TerritorySpec& territory : spec.territories) territory.inbound_leads_per_month = 1'000;
  const MetricLayout layout(spec);
  Replication replication(spec, layout, 1, 0);
  const std::atomic<bool> stop{true};
  EXPECT_THROW(replication.run(&stop), sim::ReplicationStopped);
  EXPECT_EQ(replication.events_handled(), sim::Simulator::kStopCheckInterval);
}

TEST(ReplicationTest, AStopRequestIsHeardWhileThinnedArrivalsAreDrawn) {
  // The first month's lead seasonality is a millionth of its peak: a territory drawing 100,000
  // arrivals a month at the peak rejects nearly all of month 1's, drawn and skipped before any
  // event runs. With the stop already requested the replication gives up there, at the 4,096th
  // rejection, having handled no event.
  ScenarioSpec spec = quiet_scenario(12);
  spec.territories = {TerritorySpec{"all", 100'000}};
  spec.seasonality.leads = {1e-6, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  const MetricLayout layout(spec);
  Replication replication(spec, layout, 1, 0);
  const std::atomic<bool> stop{true};
  EXPECT_THROW(replication.run(&stop), sim::ReplicationStopped);
  EXPECT_EQ(replication.events_handled(), 0u);
}

TEST(ReplicationTest, PayrollAccruesFromTheStartDate) {
  ScenarioSpec spec = quiet_scenario(2);
  RoleSpec& ae = role(spec, "account_executive");
  ae.time_to_fill_days = Distribution::constant(10);
  ae.annual_salary = 73'050;  // 200 per day over 365.25 days
  spec.hires = {HireSpec{"account_executive", 2, 1, ""}};
  const Projection p = run(spec, 3);
  // Month 1: two people from day 10 to day 30.4375 at 200/day each.
  EXPECT_NEAR(metric_at(p, Metric::kPayroll, 0, 1), 2 * 200 * (kDaysPerMonth - 10), 1e-6);
  // Month 2: the whole month.
  EXPECT_NEAR(metric_at(p, Metric::kPayroll, 0, 2), 2 * 200 * kDaysPerMonth, 1e-6);
}

TEST(ReplicationTest, ChurnOnlyCustomersDecayGeometrically) {
  // Each customer churns independently with probability c at each monthly renewal, so the count
  // at month t is Binomial(N, (1 - c)^t): mean N (1 - c)^t, variance N q (1 - q) with q = (1-c)^t.
  ScenarioSpec spec = quiet_scenario(24);
  const int n = 500;
  const double c = 0.05;
  spec.customers.initial_customers = n;
  spec.customers.initial_mrr = Distribution::constant(100);
  spec.customers.monthly_churn = c;
  const std::size_t reps = 400;
  const Projection p = run(spec, reps);
  for (Eigen::Index t = 1; t <= 24; ++t) {
    const double q = std::pow(1 - c, static_cast<double>(t));
    const double se = std::sqrt(n * q * (1 - q) / reps);
    EXPECT_NEAR(mean_at(p, Metric::kCustomers, t), n * q, 4.5 * se) << "month " << t;
    // Every customer pays a constant 100, so MRR is exactly 100 x customers in each history.
    EXPECT_DOUBLE_EQ(metric_at(p, Metric::kMrr, 0, t),
                     100 * metric_at(p, Metric::kCustomers, 0, t));
  }
}

TEST(ReplicationTest, InitialCustomersStayInTheTerritoriesTheirCountsName) {
  // 5, 0 and 7 initial customers in three territories of 10 accounts, with no leads, no churn
  // and no sellers: in every replication and month the accounts left free are 10 - 5, 10 - 0 and
  // 10 - 7, and the customers 5 + 0 + 7.
  ScenarioSpec spec = quiet_scenario(3);
  spec.territories = {TerritorySpec{"a", 0, 10}, TerritorySpec{"b", 0, 10},
                      TerritorySpec{"c", 0, 10}};
  spec.territories[0].initial_customers = 5;
  spec.territories[1].initial_customers = 0;
  spec.territories[2].initial_customers = 7;
  spec.customers.initial_customers = 12;
  const std::size_t reps = 20;
  const Projection p = run(spec, reps);
  for (Eigen::Index r = 0; r < static_cast<Eigen::Index>(reps); ++r) {
    for (Eigen::Index t = 1; t <= 3; ++t) {
      EXPECT_EQ(named(p, "territory.a.accounts_available")(r, t - 1), 5);
      EXPECT_EQ(named(p, "territory.b.accounts_available")(r, t - 1), 10);
      EXPECT_EQ(named(p, "territory.c.accounts_available")(r, t - 1), 3);
      EXPECT_EQ(metric_at(p, Metric::kCustomers, r, t), 12);
    }
  }
}

TEST(ReplicationTest, PlacedInitialCustomersAndTheirArrStayInTheirTerritories) {
  // 5 and 7 initial customers placed in "a" and "b", each paying 100 a month, no leads, no churn
  // and +2 % at every monthly renewal: in every replication and month t the territories hold
  // exactly 5 and 7 customers, with ARR 12 x 5 x 100 x 1.02^t = 6,000 x 1.02^t and
  // 12 x 7 x 100 x 1.02^t = 8,400 x 1.02^t (ExpansionCompoundsMonthlyOnStayingCustomers: each
  // initial customer renews once a month).
  ScenarioSpec spec = quiet_scenario(6);
  spec.territories = {TerritorySpec{"a", 0}, TerritorySpec{"b", 0}};
  spec.territories[0].initial_customers = 5;
  spec.territories[1].initial_customers = 7;
  spec.customers.initial_customers = 12;
  spec.customers.initial_mrr = Distribution::constant(100);
  spec.customers.monthly_expansion = Distribution::constant(0.02);
  const std::size_t reps = 10;
  const Projection p = run(spec, reps);
  for (Eigen::Index r = 0; r < static_cast<Eigen::Index>(reps); ++r) {
    for (Eigen::Index t = 1; t <= 6; ++t) {
      const double growth = std::pow(1.02, static_cast<double>(t));
      EXPECT_EQ(named(p, "territory.a.customers")(r, t - 1), 5);
      EXPECT_EQ(named(p, "territory.b.customers")(r, t - 1), 7);
      EXPECT_NEAR(named(p, "territory.a.arr")(r, t - 1), 6'000 * growth, 1e-9);
      EXPECT_NEAR(named(p, "territory.b.arr")(r, t - 1), 8'400 * growth, 1e-9);
      EXPECT_NEAR(metric_at(p, Metric::kArr, r, t), 14'400 * growth, 1e-9);
    }
  }
}

TEST(ReplicationTest, WonCustomersAreInTheirDealsTerritory) {
  // "a" starts with 5 customers paying 100 a month and gets no leads; "b" has none, 20 leads a
  // month, one AE, deals closed at once, won with 0.5 at an ACV of 2,400 (MRR 200). No churn and
  // no expansion: at month t, "a" holds its 5 customers and 6,000 of ARR, and "b" every deal won
  // in it so far, W_b(t) = sum of territory.b.wins over months 1..t, with ARR 2,400 x W_b(t).
  ScenarioSpec spec = quiet_scenario(6);
  spec.territories = {TerritorySpec{"a", 0}, TerritorySpec{"b", 20}};
  spec.territories[0].initial_customers = 5;
  spec.territories[1].initial_customers = 0;
  spec.customers.initial_customers = 5;
  spec.customers.initial_mrr = Distribution::constant(100);
  spec.pipeline.win_rate = Distribution::constant(0.5);
  spec.pipeline.deal_size_acv = Distribution::constant(2'400);
  spec.pipeline.sales_cycle_days = Distribution::constant(0);
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, "b"}};
  const std::size_t reps = 20;
  const Projection p = run(spec, reps);
  double won_anywhere = 0;
  for (Eigen::Index r = 0; r < static_cast<Eigen::Index>(reps); ++r) {
    double won = 0;
    for (Eigen::Index t = 1; t <= 6; ++t) {
      won += named(p, "territory.b.wins")(r, t - 1);
      EXPECT_EQ(named(p, "territory.a.customers")(r, t - 1), 5);
      EXPECT_EQ(named(p, "territory.a.arr")(r, t - 1), 6'000);
      EXPECT_EQ(named(p, "territory.b.customers")(r, t - 1), won);
      EXPECT_EQ(named(p, "territory.b.arr")(r, t - 1), 2'400 * won);
    }
    won_anywhere += won;
  }
  EXPECT_GT(won_anywhere, 0);  // about 20 x 0.5 x 6 = 60 deals a replication
}

TEST(ReplicationTest, TerritoryCustomersDecayGeometricallyAndAddUpToTheTotals) {
  // 300 and 100 initial customers placed in "a" and "b", MRR drawn uniform on [50, 150], monthly
  // churn c = 0.05, no leads: territory t's count at month m is Binomial(n_t, q), q = (1 - c)^m,
  // mean n_t q and standard error sqrt(n_t q (1 - q) / replications) over replications. In every
  // replication and month the territories' customers add up to `customers` exactly, and their
  // ARR to `arr` up to the rounding of summing in another order.
  ScenarioSpec spec = quiet_scenario(24);
  const double c = 0.05;
  spec.territories = {TerritorySpec{"a", 0}, TerritorySpec{"b", 0}};
  spec.territories[0].initial_customers = 300;
  spec.territories[1].initial_customers = 100;
  spec.customers.initial_customers = 400;
  spec.customers.initial_mrr = Distribution::uniform(50, 150);
  spec.customers.monthly_churn = c;
  const std::size_t reps = 400;
  const Projection p = run(spec, reps);
  const Eigen::MatrixXd& a = named(p, "territory.a.customers");
  const Eigen::MatrixXd& b = named(p, "territory.b.customers");
  for (Eigen::Index t = 1; t <= 24; ++t) {
    const double q = std::pow(1 - c, static_cast<double>(t));
    for (const auto& [count, n] : {std::pair{&a, 300.0}, std::pair{&b, 100.0}}) {
      const double se = std::sqrt(n * q * (1 - q) / static_cast<double>(reps));
      EXPECT_NEAR(count->col(t - 1).mean(), n * q, 4.5 * se) << "month " << t << ", n " << n;
    }
  }
  EXPECT_EQ(a + b, named(p, "customers"));
  const Eigen::MatrixXd arr_sum = named(p, "territory.a.arr") + named(p, "territory.b.arr");
  const Eigen::MatrixXd& arr = named(p, "arr");
  EXPECT_GT(arr.minCoeff(), 0);
  EXPECT_LE(((arr_sum - arr).array().abs() / arr.array()).maxCoeff(), 1e-12);
}

TEST(ReplicationTest, ExpansionCompoundsMonthlyOnStayingCustomers) {
  // No churn, constant +2 % per renewal: MRR at month t is exactly N x 100 x 1.02^t.
  ScenarioSpec spec = quiet_scenario(12);
  spec.customers.initial_customers = 10;
  spec.customers.initial_mrr = Distribution::constant(100);
  spec.customers.monthly_expansion = Distribution::constant(0.02);
  const Projection p = run(spec, 2);
  for (Eigen::Index t = 1; t <= 12; ++t) {
    EXPECT_NEAR(metric_at(p, Metric::kMrr, 1, t), 1000 * std::pow(1.02, static_cast<double>(t)),
                1e-9);
    EXPECT_DOUBLE_EQ(metric_at(p, Metric::kArr, 1, t), 12 * metric_at(p, Metric::kMrr, 1, t));
  }
}

TEST(ReplicationTest, SteadyStateBookingsAreLeadsTimesWinRateTimesDealSize) {
  // Inbound leads arrive as a Poisson process of rate L per month; ten fully ramped reps with
  // unlimited capacity open every lead; each closes after a constant 20 days and is won with
  // probability w. Won deals in a month are then Poisson(L w) (thinning, shifted by a constant),
  // and bookings a compound Poisson sum with mean L w E[X] and variance L w E[X^2].
  // Deal sizes are gamma(shape 4, scale 3000): E[X] = 12000, E[X^2] = k(k+1) theta^2.
  ScenarioSpec spec = quiet_scenario(24);
  const double leads = 40, win = 0.25, k = 4, theta = 3000;
  spec.territories = {TerritorySpec{"all", leads}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 10, ""}};
  spec.pipeline.win_rate = Distribution::constant(win);
  spec.pipeline.deal_size_acv = Distribution::gamma(k, theta);
  spec.pipeline.sales_cycle_days = Distribution::constant(20);
  const std::size_t reps = 300;
  const Projection p = run(spec, reps);

  const double mean_bookings = leads * win * k * theta;
  const double var_bookings = leads * win * k * (k + 1) * theta * theta;
  // Months 2..24 are disjoint windows of a Poisson process, so they are independent: average them.
  const Eigen::MatrixXd& bookings = p.samples.metric(MetricLayout::index(Metric::kNewBookings));
  const double cells = static_cast<double>(reps) * 23;
  const double average = bookings.rightCols(23).mean();
  EXPECT_NEAR(average, mean_bookings, 4 * std::sqrt(var_bookings / cells));

  const Eigen::MatrixXd& lead_counts = p.samples.metric(MetricLayout::index(Metric::kLeads));
  EXPECT_NEAR(lead_counts.mean(), leads, 4 * std::sqrt(leads / (reps * 24.0)));
  const Eigen::MatrixXd& won = p.samples.metric(MetricLayout::index(Metric::kDealsWon));
  EXPECT_NEAR(won.rightCols(23).mean(), leads * win, 4 * std::sqrt(leads * win / cells));
}

TEST(ReplicationTest, LongRunRampedFractionOfASeatMatchesRenewalTheory) {
  // A seat cycles: tenure T ~ Exp(lambda), then a vacancy of L (backfill delay, instant fill).
  // Productivity rises linearly over R after the start. By the renewal-reward theorem the long-run
  // ramped fraction is E[integral of productivity over a tenure] / E[cycle]
  //   = ((1 - e^{-lambda R}) / lambda^2 R) / ((1 + lambda L) / lambda)
  //   = (1 - e^{-lambda R}) / (lambda R (1 + lambda L)).
  ScenarioSpec spec = quiet_scenario(300);
  const double annual_attrition = 0.6, ramp_months = 3, vacancy_months = 1;
  RoleSpec& ae = role(spec, "account_executive");
  ae.annual_attrition = annual_attrition;
  ae.ramp_months = Distribution::constant(ramp_months);
  ae.backfill = true;
  ae.backfill_delay_days = Distribution::constant(vacancy_months * kDaysPerMonth);
  const int seats = 20;
  spec.hires = {HireSpec{"account_executive", seats, 1, ""}};
  const std::size_t reps = 200;
  const Projection p = run(spec, reps);

  const double lambda = -std::log(1 - annual_attrition) / 12;  // per month
  const double expected = (1 - std::exp(-lambda * ramp_months)) /
                          (lambda * ramp_months * (1 + lambda * vacancy_months));
  // Skip 100 months of start-up transient (about seven mean cycles), then average each history's
  // snapshots: the per-history averages are i.i.d., so their spread gives the standard error.
  const Eigen::MatrixXd& capacity = p.samples.metric(MetricLayout::index(Metric::kRampedCapacity));
  const Eigen::VectorXd per_history = capacity.rightCols(200).rowwise().mean() / seats;
  const double mean = per_history.mean();
  const double sd = std::sqrt((per_history.array() - mean).square().sum() / (reps - 1));
  EXPECT_NEAR(mean, expected, 4 * sd / std::sqrt(static_cast<double>(reps)))
      << "expected " << expected;
}

TEST(ReplicationTest, CashIsStartingCashPlusRevenueMinusCosts) {
  // Conservation: in every history, cash at month t = starting cash + sum of (collections -
  // total cost) over months 1..t, and collections are the revenue when every contract is billed
  // monthly. Uses the defaults, so every mechanism is on; then again with half the contracts
  // annual and billed upfront.
  ScenarioSpec spec = default_scenario();
  spec.horizon_months = 24;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 2, ""}};
  spec.hires = {HireSpec{"sales_manager", 1, 1, ""}, HireSpec{"account_executive", 3, 2, ""}};
  spec.customers.initial_customers = 30;
  for (const AnnualBilling billing : {AnnualBilling::kMonthly, AnnualBilling::kUpfront}) {
    spec.customers.annual_billing = billing;
    spec.customers.annual_contract_share = billing == AnnualBilling::kMonthly ? 0 : 0.5;
    const Projection p = run(spec, 20);
    for (Eigen::Index r = 0; r < 20; ++r) {
      double cash = spec.money.starting_cash;
      for (Eigen::Index t = 1; t <= 24; ++t) {
        cash += metric_at(p, Metric::kCollections, r, t) - metric_at(p, Metric::kTotalCost, r, t);
        EXPECT_NEAR(metric_at(p, Metric::kCash, r, t), cash, 1e-6 * spec.money.starting_cash);
        if (billing == AnnualBilling::kMonthly) {
          EXPECT_NEAR(metric_at(p, Metric::kCollections, r, t),
                      metric_at(p, Metric::kRevenue, r, t), 1e-9 * spec.money.starting_cash);
        }
      }
    }
  }
}

TEST(ReplicationTest, LeadsBeyondCapacityAreUnworked) {
  // One rep who can hold 2 opportunities that never close within the horizon: the first two
  // leads become opportunities and every later lead is unworked.
  ScenarioSpec spec = quiet_scenario(3);
  role(spec, "account_executive").max_open_opportunities = 2;
  spec.territories = {TerritorySpec{"all", 30}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  spec.pipeline.sales_cycle_days = Distribution::constant(1000);
  const Projection p = run(spec, 50);
  for (Eigen::Index r = 0; r < 50; ++r) {
    double leads = 0, unworked = 0, opened = 0;
    for (Eigen::Index t = 1; t <= 3; ++t) {
      leads += metric_at(p, Metric::kLeads, r, t);
      unworked += metric_at(p, Metric::kLeadsUnworked, r, t);
      opened += metric_at(p, Metric::kOpportunitiesOpened, r, t);
    }
    EXPECT_EQ(opened, std::min(leads, 2.0));
    EXPECT_EQ(unworked, leads - opened);
    EXPECT_EQ(metric_at(p, Metric::kOpenOpportunities, r, 3), opened);
  }
}

TEST(ReplicationTest, PlansWithTheSameSeedSeeTheSameLeadsAndTheSameChurn) {
  // Common random numbers: inbound leads and initial customers have their own streams, so a
  // different hiring plan changes neither when leads arrive nor which initial customers churn.
  ScenarioSpec a = default_scenario();
  a.horizon_months = 24;
  for (RoleSpec& r : a.roles) r.prospecting_leads_per_month = 0;
  a.territories = {TerritorySpec{"east", 12}, TerritorySpec{"west", 7}};
  a.customers.initial_customers = 40;
  a.hires = {HireSpec{"account_executive", 1, 1, ""}};
  ScenarioSpec b = a;
  b.hires = {HireSpec{"sales_manager", 1, 1, ""}, HireSpec{"account_executive", 4, 2, ""}};
  const Projection pa = run(a, 30);
  const Projection pb = run(b, 30);
  EXPECT_EQ(pa.samples.metric(MetricLayout::index(Metric::kLeads)),
            pb.samples.metric(MetricLayout::index(Metric::kLeads)));
  // The plans do differ: more reps work more of those leads.
  EXPECT_NE(pa.samples.metric(MetricLayout::index(Metric::kOpportunitiesOpened)),
            pb.samples.metric(MetricLayout::index(Metric::kOpportunitiesOpened)));

  // With no leads at all, only the initial customers remain: identical in both plans.
  a.territories = {TerritorySpec{"east", 0}};
  b.territories = a.territories;
  const Projection qa = run(a, 30);
  const Projection qb = run(b, 30);
  EXPECT_EQ(qa.samples.metric(MetricLayout::index(Metric::kCustomers)),
            qb.samples.metric(MetricLayout::index(Metric::kCustomers)));
  EXPECT_EQ(qa.samples.metric(MetricLayout::index(Metric::kMrr)),
            qb.samples.metric(MetricLayout::index(Metric::kMrr)));
}

TEST(ReplicationTest, SameSeedSameNumbersWhateverTheThreadCount) {
  ScenarioSpec spec = default_scenario();
  spec.starting_staff = {StartingStaffSpec{"account_executive", 2, ""}};
  spec.hires = {HireSpec{"account_executive", 2, 3, ""}};
  const Projection one = run(spec, 40, 99, 1);
  const Projection two = run(spec, 40, 99, 2);
  const Projection other_seed = run(spec, 40, 100, 2);
  bool any_difference = false;
  for (std::size_t m = 0; m < one.layout.size(); ++m) {
    EXPECT_TRUE(testing::same_values(one.samples.metric(m), two.samples.metric(m)))
        << one.layout.info(m).name;
    any_difference |= !testing::same_values(one.samples.metric(m), other_seed.samples.metric(m));
  }
  EXPECT_EQ(one.events, two.events);
  EXPECT_TRUE(any_difference);
}

}  // namespace
}  // namespace teamsim::model
