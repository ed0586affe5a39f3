// Lead routing (pipeline.routing) and what a sales leader checks of it: one more seller never
// lowers expected wins or bookings, whether or not leads go unworked (common random numbers:
// both plans see the same leads, deals and draws). Expected values by hand beside each test.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/models/test_scenarios.h"

namespace teamsim::model {
namespace {

/// Three ramped AEs in one territory with `leads` inbound leads a month and real deal
/// distributions (the defaults'); new AEs ramp linearly over 4 months.
ScenarioSpec three_ramped_aes(double leads, LeadRouting routing) {
  ScenarioSpec spec = quiet_scenario(12);
  spec.territories = {TerritorySpec{"all", leads}};
  spec.pipeline = default_scenario().pipeline;
  spec.pipeline.routing = routing;
  spec.pipeline.warm_start = true;
  spec.customers.annual_contract_share = 0;
  RoleSpec& ae = role(spec, "account_executive");
  ae.ramp_months = Distribution::constant(4);
  ae.max_open_opportunities = 25;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 3, ""}};
  return spec;
}

struct PairedDifference {
  double mean, se;
};

/// Mean and standard error over replications of (plan a - plan b) of a flow summed over the
/// horizon: the replications are paired by their common random numbers.
PairedDifference paired(const Projection& a, const Projection& b, Metric metric) {
  const Eigen::VectorXd diff = a.samples.metric(MetricLayout::index(metric)).rowwise().sum() -
                               b.samples.metric(MetricLayout::index(metric)).rowwise().sum();
  const double n = static_cast<double>(diff.size());
  const double mean = diff.mean();
  const double var = (diff.array() - mean).square().sum() / (n - 1);
  return {mean, std::sqrt(var / n)};
}

TEST(LeadRoutingTest, AFourthRepNeverLowersWinsOrBookingsWhetherOrNotLeadsGoUnworked) {
  // 30 leads a month and ~20 % wins: three reps hold ~30 x 2 months = 60 open deals of their
  // 75 slots (light), or at 120 leads a month far more than 75 (leads go unworked).
  for (const double leads : {30.0, 120.0}) {
    const ScenarioSpec without = three_ramped_aes(leads, LeadRouting::kRampedFirst);
    ScenarioSpec with = without;
    with.hires = {HireSpec{"account_executive", 1, 1, ""}};
    const Projection a = run(with, 400);
    const Projection b = run(without, 400);
    for (const Metric metric : {Metric::kDealsWon, Metric::kNewBookings}) {
      const PairedDifference d = paired(a, b, metric);
      EXPECT_GE(d.mean, -3 * d.se) << "leads " << leads << ", metric " << static_cast<int>(metric);
    }
    if (leads > 100) {
      // Leads go unworked without the fourth rep: with them, strictly more wins.
      const PairedDifference wins = paired(a, b, Metric::kDealsWon);
      EXPECT_GT(wins.mean, 3 * wins.se);
    }
  }
}

TEST(LeadRoutingTest, LeastLoadedRoutingHandsANewRepLeadsTheRampedTeamWouldHaveWon) {
  // Why least_loaded is not the default: with room to spare, the new rep (fewest open deals) is
  // handed the next leads and wins them at ramping odds, so the fourth rep lowers wins.
  const ScenarioSpec without = three_ramped_aes(30, LeadRouting::kLeastLoaded);
  ScenarioSpec with = without;
  with.hires = {HireSpec{"account_executive", 1, 1, ""}};
  const PairedDifference wins = paired(run(with, 400), run(without, 400), Metric::kDealsWon);
  EXPECT_LT(wins.mean, -3 * wins.se);
}

TEST(LeadRoutingTest, ProductivityWeightedRoutingSharesLeadsInProportionToProductivity) {
  // A senior AE (performance 3) and an AE (performance 1), both ramped, in one territory: the
  // senior one gets 3/4 of the leads. Their wins then are in the ratio 3 x 3 : 1 x 1, so the
  // senior AE books 9/10 of the bookings: measured through commission, paid only to seniors.
  ScenarioSpec spec = three_ramped_aes(40, LeadRouting::kProductivityWeighted);
  role(spec, "account_executive").max_open_opportunities = 100'000;  // room for every lead
  spec.horizon_months = 6;
  spec.pipeline.win_rate = Distribution::constant(0.1);
  spec.pipeline.deal_size_acv = Distribution::constant(12'000);
  RoleSpec senior = role(spec, "account_executive");
  senior.name = "senior_ae";
  senior.performance = Distribution::constant(3);
  senior.annual_quota = 120'000;
  senior.annual_salary = 0;
  senior.on_target_earnings = 120'000;  // commission = bookings
  spec.roles.push_back(senior);
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""},
                         StartingStaffSpec{"senior_ae", 1, ""}};
  const Projection p = run(spec, 300);
  const Eigen::VectorXd senior_bookings =
      p.samples.metric(MetricLayout::index(Metric::kCommission)).rowwise().sum();
  const Eigen::VectorXd bookings =
      p.samples.metric(MetricLayout::index(Metric::kNewBookings)).rowwise().sum();
  // Ratio estimator over all histories; its standard error from the per-history residuals.
  const double share = senior_bookings.sum() / bookings.sum();
  const Eigen::ArrayXd residual = senior_bookings.array() - share * bookings.array();
  const double n = static_cast<double>(bookings.size());
  const double se = std::sqrt(residual.square().sum() / (n - 1) / n) / bookings.mean();
  EXPECT_NEAR(share, 0.9, 4 * se) << "se " << se;
}

TEST(LeadRoutingTest, WhileAnyoneSellsNoDealIsLostForWantOfAnOwner) {
  // Sure deals (win rate 1, identical ramped reps): every deal closes won, including those of
  // territory a's only AE, who leaves within days (attrition 99.9 % a year, no backfill), while
  // b's senior AE stays. Before, the leaver's deals waited for a's next seller, who never came,
  // and were lost.
  ScenarioSpec spec = quiet_scenario(12);
  spec.territories = {TerritorySpec{"a", 30}, TerritorySpec{"b", 30}};
  spec.pipeline.win_rate = Distribution::constant(1);
  spec.pipeline.complex_share = 0;
  spec.pipeline.unqualified_lead_share = 0;
  RoleSpec& ae = role(spec, "account_executive");
  ae.annual_attrition = 0.999;
  ae.backfill = false;
  RoleSpec senior = ae;
  senior.name = "senior_ae";
  senior.annual_attrition = 0;
  spec.roles.push_back(senior);
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, "a"},
                         StartingStaffSpec{"senior_ae", 1, "b"}};
  const Projection p = run(spec, 200);
  const Eigen::MatrixXd& lost = p.samples.metric(MetricLayout::index(Metric::kDealsLost));
  const Eigen::MatrixXd& departures = p.samples.metric(MetricLayout::index(Metric::kDepartures));
  EXPECT_EQ(lost.sum(), 0);
  EXPECT_GT(departures.sum(), 150);  // nearly every history loses territory a's AE
  EXPECT_GT(p.samples.metric(MetricLayout::index(Metric::kDealsWon)).sum(), 50'000);  // ~65,000
}

TEST(LeadRoutingTest, ALeaversDealsAreLostWhenNobodyIsLeftToCloseThem) {
  // One AE who leaves within days (attrition 99.9 % a year: mean tenure ~53 days), no backfill:
  // once no AE is employed at a month's start, that month books nothing (before, the leaver's
  // deals kept closing at their odds and nobody earned their commission).
  ScenarioSpec spec = three_ramped_aes(30, LeadRouting::kRampedFirst);
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  role(spec, "account_executive").annual_attrition = 0.999;
  role(spec, "account_executive").backfill = false;
  const Projection p = run(spec, 200);
  const Eigen::MatrixXd& aes = named(p, "headcount.account_executive");
  const Eigen::MatrixXd& won = p.samples.metric(MetricLayout::index(Metric::kDealsWon));
  int months_checked = 0;
  for (Eigen::Index r = 0; r < won.rows(); ++r) {
    for (Eigen::Index m = 1; m < won.cols(); ++m) {
      if (aes(r, m - 1) > 0) continue;
      ++months_checked;
      EXPECT_EQ(won(r, m), 0) << "replication " << r << ", month " << m + 1;
    }
  }
  EXPECT_GT(months_checked, 1000);
}

}  // namespace
}  // namespace teamsim::model
