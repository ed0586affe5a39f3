// Segments (who the company sells to): their share of leads, overall and by territory, and
// their factors on win rate, deal size, cycle and churn. Expected numbers are derived by hand
// beside each test; tolerances are 4 Monte Carlo standard errors.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/models/test_scenarios.h"

namespace teamsim::model {
namespace {

/// One fully ramped rep with unlimited capacity in one territory with `leads` a month; deals
/// close at once with a constant win rate and ACV.
ScenarioSpec one_rep(int horizon_months, double leads, double win_rate, double acv) {
  ScenarioSpec spec = quiet_scenario(horizon_months);
  spec.territories = {TerritorySpec{"all", leads}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  spec.pipeline.win_rate = Distribution::constant(win_rate);
  spec.pipeline.deal_size_acv = Distribution::constant(acv);
  spec.pipeline.sales_cycle_days = Distribution::constant(0);
  return spec;
}

SegmentSpec segment(const std::string& name, double share) {
  SegmentSpec s;
  s.name = name;
  s.share = share;
  return s;
}

TEST(SegmentTest, SegmentsSplitLeadsAndScaleWinRateAndDealSize) {
  // 40 leads a month, shares 3 : 1, win rate 0.4 at 1,000. "smb" is neutral; "ent" wins at half
  // the rate with deals four times the size. E[leads] = 30 and 10, E[wins] = 30 x 0.4 = 12 and
  // 10 x 0.2 = 2, E[bookings] = 12,000 and 2 x 4,000 = 8,000 a month.
  ScenarioSpec spec = one_rep(12, 40, 0.4, 1000);
  SegmentSpec ent = segment("ent", 1);
  ent.win_rate_factor = 0.5;
  ent.deal_size_factor = 4;
  spec.segments = {segment("smb", 3), ent};
  const Projection p = run(spec, 200);
  const struct {
    const char* name;
    double expected;
  } checks[] = {{"segment.smb.leads", 30},        {"segment.ent.leads", 10},
                {"segment.smb.wins", 12},         {"segment.ent.wins", 2},
                {"segment.smb.bookings", 12'000}, {"segment.ent.bookings", 8'000}};
  for (const auto& check : checks) {
    const MeanSe value = history_average(named(p, check.name), 1, 12);
    EXPECT_NEAR(value.mean, check.expected, 4 * value.se) << check.name;
  }
  // The segments add up to the totals in every history and month (whole-number ACVs: exact).
  EXPECT_EQ(named(p, "segment.smb.leads") + named(p, "segment.ent.leads"), named(p, "leads"));
  EXPECT_EQ(named(p, "segment.smb.opportunities") + named(p, "segment.ent.opportunities"),
            named(p, "opportunities_opened"));
  EXPECT_EQ(named(p, "segment.smb.wins") + named(p, "segment.ent.wins"), named(p, "deals_won"));
  EXPECT_EQ(named(p, "segment.smb.bookings") + named(p, "segment.ent.bookings"),
            named(p, "new_bookings"));
  EXPECT_EQ(named(p, "segment.smb.customers") + named(p, "segment.ent.customers"),
            named(p, "customers"));
  EXPECT_TRUE(
      (named(p, "segment.smb.arr") + named(p, "segment.ent.arr")).isApprox(named(p, "arr")));
}

TEST(SegmentTest, ChurnFactorScalesEachSegmentsChurn) {
  // 400 initial customers spread 1 : 1 over two segments, monthly churn 5 %, "fast" churning
  // twice as often: a customer is in "fast" and still active at t with probability 0.5 x 0.9^t
  // (0.5 x 0.95^t for "slow"), so the counts are Binomial(400, that).
  ScenarioSpec spec = quiet_scenario(6);
  spec.customers.initial_customers = 400;
  spec.customers.initial_mrr = Distribution::constant(100);
  spec.customers.monthly_churn = 0.05;
  SegmentSpec fast = segment("fast", 1);
  fast.churn_factor = 2;
  spec.segments = {fast, segment("slow", 1)};
  const std::size_t reps = 200;
  const Projection p = run(spec, reps);
  for (Eigen::Index t = 1; t <= 6; ++t) {
    for (const auto& [name, churn] : {std::pair{"fast", 0.1}, std::pair{"slow", 0.05}}) {
      const double q = 0.5 * std::pow(1 - churn, static_cast<double>(t));
      const Eigen::MatrixXd& customers = named(p, std::string("segment.") + name + ".customers");
      EXPECT_NEAR(customers.col(t - 1).mean(), 400 * q, 4 * std::sqrt(400 * q * (1 - q) / reps))
          << name << " month " << t;
    }
  }
  // MRR stays 100 per customer: ARR is 1,200 per customer, and churned logos are counted.
  EXPECT_TRUE(named(p, "segment.fast.arr").isApprox(1200 * named(p, "segment.fast.customers")));
  EXPECT_EQ(named(p, "segment.fast.logo_churn") + named(p, "segment.slow.logo_churn"),
            named(p, "logo_churn"));
}

TEST(SegmentTest, CycleFactorLengthensTheSegmentsDeals) {
  // Every deal takes 10 days; the only segment triples it: every closed deal took 30 days.
  ScenarioSpec spec = one_rep(6, 20, 0.5, 1000);
  spec.pipeline.sales_cycle_days = Distribution::constant(10);
  SegmentSpec slow = segment("slow", 1);
  slow.cycle_factor = 3;
  spec.segments = {slow};
  const Projection p = run(spec, 20);
  const Eigen::MatrixXd& cycle = named(p, "avg_cycle_days");
  for (Eigen::Index r = 0; r < 20; ++r) {
    for (Eigen::Index t = 2; t <= 6; ++t) EXPECT_NEAR(cycle(r, t - 1), 30, 1e-9);
  }
}

TEST(SegmentTest, SharesByTerritoryRouteTerritoriesToSegments) {
  // "north" sells only to "ent", "south" only to "smb" (its default share): the segment's
  // leads are exactly the territory's.
  ScenarioSpec spec = one_rep(6, 0, 0.5, 1000);
  spec.territories = {TerritorySpec{"north", 15}, TerritorySpec{"south", 25}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, "north"},
                         StartingStaffSpec{"account_executive", 1, "south"}};
  SegmentSpec ent = segment("ent", 0);
  ent.share_by_territory = {{"north", 1}};
  SegmentSpec smb = segment("smb", 1);
  smb.share_by_territory = {{"north", 0}};
  spec.segments = {ent, smb};
  const Projection p = run(spec, 20);
  EXPECT_EQ(named(p, "segment.ent.leads"), named(p, "territory.north.leads"));
  EXPECT_EQ(named(p, "segment.smb.leads"), named(p, "territory.south.leads"));
  EXPECT_GT(named(p, "segment.ent.leads").sum(), 0);
}

TEST(SegmentTest, ANeutralSegmentLeavesEveryLeadsFateAlone) {
  // The segment is drawn after everything else about a lead, so one neutral segment changes no
  // lead's product, win draw, cycle or size: the same deals are won in every history.
  ScenarioSpec spec = default_scenario();
  spec.horizon_months = 12;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 3, ""}};
  spec.customers.monthly_churn = 0;
  const Projection without = run(spec, 20);
  spec.segments = {default_segment("mid_market")};
  const Projection with = run(spec, 20);
  EXPECT_EQ(named(with, "deals_won"), named(without, "deals_won"));
  EXPECT_EQ(named(with, "new_bookings"), named(without, "new_bookings"));
  EXPECT_EQ(named(with, "segment.mid_market.bookings"), named(with, "new_bookings"));
}

TEST(SegmentTest, PresetsOrderSmbMidMarketAndEnterprise) {
  const SegmentSpec smb = default_segment("smb");
  const SegmentSpec mid = default_segment("mid_market");
  const SegmentSpec enterprise = default_segment("enterprise");
  EXPECT_LT(smb.deal_size_factor, mid.deal_size_factor);
  EXPECT_LT(mid.deal_size_factor, enterprise.deal_size_factor);
  EXPECT_LT(smb.cycle_factor, enterprise.cycle_factor);
  EXPECT_GT(smb.churn_factor, enterprise.churn_factor);
  EXPECT_EQ(mid.win_rate_factor, 1);
  EXPECT_EQ(default_segment("partners").deal_size_factor, 1);
}

}  // namespace
}  // namespace teamsim::model
