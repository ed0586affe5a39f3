// LeadRouter: the least-loaded index chooses the seller a scan of every seller would (the rules
// of docs/scenario-reference.md, "Lead routing"), through hires, ramps, departures and moves; and
// a leaver's open opportunities come back in index order.
#include "models/lead_router.h"

#include <gtest/gtest.h>

#include <random>

#include "tests/models/component_harness.h"

namespace teamsim::model {
namespace {

/// Tells the router what the organisation tells the pipeline.
struct RouterListener final : TeamListener {
  void started_selling(std::uint32_t person) override {
    if (organisation->person(person).seller) router->joined(person);
  }
  void left(std::uint32_t person) override { router->left(person); }
  void moved(std::uint32_t person) override { router->moved(person); }
  void specialists_changed(std::int64_t, int) override {}
  const Organisation* organisation = nullptr;
  LeadRouter* router = nullptr;
};

struct RouterAlone : ComponentHarness {
  RouterAlone(ScenarioSpec scenario, LeadRouting rule)
      : ComponentHarness(std::move(scenario)),
        accounts(spec.territories),
        organisation(context, accounts),
        router(organisation, rule, spec.territories.size()) {
    listener.organisation = &organisation;
    listener.router = &router;
    organisation.set_listener(listener);
  }

  void run_until(double day) {
    ComponentHarness::run_until(day, [&](EventKind kind, std::uint32_t subject) {
      if (kind == EventKind::kMonthStart) {
        organisation.month_start(static_cast<int>(subject), 0);
      } else if (!route_organisation_event(organisation, kind, subject)) {
        FAIL() << "not an organisation event: " << kind_of(kind);
      }
    });
  }

  AccountPool accounts;
  RouterListener listener;
  Organisation organisation;
  LeadRouter router;
};

/// Two territories, six AEs at the start and a dozen hired over two years, who ramp on an S-curve
/// over one to three months, leave at 60 % a year and are backfilled; at most four deals each.
/// Sales operations rebalance the territories every month (moves).
ScenarioSpec churning_team() {
  ScenarioSpec spec = quiet_scenario(24);
  spec.pipeline.rebalance_every_months = 1;
  spec.territories = {TerritorySpec{"a", 10}, TerritorySpec{"b", 30}};
  RoleSpec& ae = role(spec, "account_executive");
  ae.ramp_months = Distribution::uniform(1, 3);
  ae.ramp_curve = RampCurve::kSCurve;
  ae.annual_attrition = 0.6;
  ae.time_to_fill_days = Distribution::constant(20);
  ae.backfill_delay_days = Distribution::constant(5);
  ae.max_open_opportunities = 4;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 6, ""},
                         StartingStaffSpec{"sales_operations", 1, ""}};
  for (int month = 1; month <= 12; ++month) {
    spec.hires.push_back(HireSpec{"account_executive", 1, 2 * month - 1, ""});
  }
  return spec;
}

void expect_index_agrees_with_scan(LeadRouting rule) {
  RouterAlone model(churning_team(), rule);
  model.organisation.add_starting_staff();
  model.organisation.schedule_planned_hires();
  for (int month = 1; month <= 24; ++month) {
    model.context.schedule_at((month - 1) * kDaysPerMonth, priority::kMonthStart,
                              EventKind::kMonthStart, static_cast<std::uint32_t>(month));
  }
  std::mt19937_64 rng(11);
  std::vector<std::vector<std::uint32_t>> deals;  // by person: the fake opportunities they own
  std::uint32_t next_deal = 0;
  int nontrivial = 0;
  for (double day = 0; day < 24 * kDaysPerMonth; day += 0.25) {
    model.run_until(day);
    for (std::size_t t = 0; t < 2; ++t) {
      const std::uint32_t chosen = model.router.route(t, 0.5, day);
      ASSERT_EQ(chosen, model.router.route_by_scan(t)) << "day " << day << " territory " << t;
      nontrivial += model.organisation.sellers_in(t).size() > 1 ? 1 : 0;
      // Deals open with the chosen seller and close at random.
      if (chosen != kNobody && rng() % 2 == 0) {
        if (deals.size() <= chosen) deals.resize(chosen + 1);
        deals[chosen].push_back(next_deal);
        model.router.assign(chosen, next_deal++);
      }
    }
    for (std::uint32_t person = 0; person < deals.size(); ++person) {
      if (!model.organisation.person(person).active) {
        deals[person].clear();  // the router took them back when the person left
      } else if (!deals[person].empty() && rng() % 5 == 0) {
        model.router.unassign(person, deals[person].back());
        deals[person].pop_back();
      }
    }
  }
  EXPECT_GT(nontrivial, 4000);
  EXPECT_GT(next_deal, 1000u);
  EXPECT_GT(model.context.month.moves, 0) << "rebalancing moved nobody";
}

TEST(LeadRouterTest, RampedFirstIndexChoosesAsTheScanDoes) {
  expect_index_agrees_with_scan(LeadRouting::kRampedFirst);
}

TEST(LeadRouterTest, LeastLoadedIndexChoosesAsTheScanDoes) {
  expect_index_agrees_with_scan(LeadRouting::kLeastLoaded);
}

/// Three ramped AEs (0, 1, 2) in one territory and a fourth hired on day 0, ramping linearly over
/// a month, on day 1; at most two open deals each, none yet.
struct ThreeRampedOneRamping : RouterAlone {
  ThreeRampedOneRamping() : RouterAlone(team(), LeadRouting::kRampedFirst) {
    organisation.add_starting_staff();
    organisation.schedule_planned_hires();
    run_until(1);
  }
  static ScenarioSpec team() {
    ScenarioSpec spec = quiet_scenario(3);
    RoleSpec& ae = role(spec, "account_executive");
    ae.ramp_months = Distribution::constant(1);
    ae.max_open_opportunities = 2;
    spec.starting_staff = {StartingStaffSpec{"account_executive", 3, ""}};
    spec.hires = {HireSpec{"account_executive", 1, 1, ""}};
    return spec;
  }
};

TEST(LeadRouterTest, RampedSellersFirstThenTheLeastLoadedThenTheEarliestJoiner) {
  // The three ramped AEs holding 2, 1 and 1 deals: AE 1. The ramping AE has none but is not
  // ramped: still AE 1, until AEs 1 and 2 are full (max 2).
  ThreeRampedOneRamping model;
  ASSERT_EQ(model.organisation.sellers_in(0).size(), 4u);
  model.router.assign(0, 100);
  model.router.assign(0, 101);
  model.router.assign(1, 102);
  model.router.assign(2, 103);
  EXPECT_EQ(model.router.route(0, 0.5, 1), 1u);
  model.router.assign(1, 104);
  EXPECT_EQ(model.router.route(0, 0.5, 1), 2u);
  model.router.assign(2, 105);
  EXPECT_EQ(model.router.route(0, 0.5, 1), 3u);  // only the ramping AE has room
  // AE 1 leaves with deals 102 and 104, handed back in index order; AE 1 has room no more.
  EXPECT_EQ(model.router.left(1), (std::vector<std::uint32_t>{102, 104}));
  EXPECT_EQ(model.router.load(1), 0);
}

TEST(LeadRouterTest, ALeaversDealsGoOneByOneToTheMostRampedLeastLoaded) {
  // Ramped AEs 0, 1, 2 hold 3, 1 and 1 deals; AE 3, ramping, holds none. Five deals handed over
  // one by one: AE 1 and AE 2 (1 each, AE 1 joined first), then again AE 1 and AE 2 (now 2
  // each), then all three ramped AEs hold 3 and AE 0, the earliest, takes the fifth. The ramping
  // AE takes nothing while a ramped one is there, room or not.
  ThreeRampedOneRamping model;
  ASSERT_EQ(model.organisation.sellers_in(0).size(), 4u);
  for (std::uint32_t deal : {100, 101, 102}) model.router.assign(0, deal);
  model.router.assign(1, 103);
  model.router.assign(2, 104);
  EXPECT_EQ(model.router.successors(0, 5), (std::vector<std::uint32_t>{1, 2, 1, 2, 0}));
  EXPECT_TRUE(model.router.successors(0, 0).empty());
}

TEST(LeadRouterTest, ALoneSellersDealsGoToTheCompanysMostRampedLeastLoaded) {
  // Territory a's only AE (0) leaves; b has AEs 1 and 2 holding 2 and 1 deals, c has AE 3
  // holding 1, all ramped. Four deals go one by one: AE 2 (1 deal, b is listed before c), AE 3
  // (1), then all hold 2 and AE 1 (b, earliest to join) takes one, then AE 2.
  ScenarioSpec spec = quiet_scenario(3);
  spec.territories = {TerritorySpec{"a", 10}, TerritorySpec{"b", 10}, TerritorySpec{"c", 10}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, "a"},
                         StartingStaffSpec{"account_executive", 2, "b"},
                         StartingStaffSpec{"account_executive", 1, "c"}};
  RouterAlone model(spec, LeadRouting::kRampedFirst);
  model.organisation.add_starting_staff();
  model.run_until(1);
  ASSERT_EQ(model.organisation.sellers_in(1).size(), 2u);
  for (std::uint32_t deal : {100, 101}) model.router.assign(1, deal);
  model.router.assign(2, 102);
  model.router.assign(3, 103);
  model.organisation.leave(0);
  ASSERT_TRUE(model.organisation.sellers_in(0).empty());
  EXPECT_EQ(model.router.successors(0, 4), (std::vector<std::uint32_t>{2, 3, 1, 2}));
}

TEST(LeadRouterTest, AVacantTerritorysLeadGoesToTheCompanysMostRampedSellerWithRoom) {
  // Territory a has nobody; b has AEs 0 and 1, c has AE 2, all ramped, room for 2 deals each.
  // Loads (AE 0, 1, 2) and the taker: (1, 0, 0) AE 1 (least loaded, b listed before c);
  // (1, 1, 0) AE 2; (1, 1, 1) AE 0 (b first, earliest to join); (2, 1, 1) AE 1 (AE 0 is full);
  // (2, 2, 2) nobody.
  ScenarioSpec spec = quiet_scenario(3);
  spec.territories = {TerritorySpec{"a", 10}, TerritorySpec{"b", 10}, TerritorySpec{"c", 10}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 2, "b"},
                         StartingStaffSpec{"account_executive", 1, "c"}};
  role(spec, "account_executive").max_open_opportunities = 2;
  RouterAlone model(spec, LeadRouting::kRampedFirst);
  model.organisation.add_starting_staff();
  model.run_until(1);
  ASSERT_TRUE(model.organisation.sellers_in(0).empty());
  model.router.assign(0, 100);
  EXPECT_EQ(model.router.company_seller_with_room(), 1u);
  model.router.assign(1, 101);
  EXPECT_EQ(model.router.company_seller_with_room(), 2u);
  model.router.assign(2, 102);
  EXPECT_EQ(model.router.company_seller_with_room(), 0u);
  model.router.assign(0, 103);
  EXPECT_EQ(model.router.company_seller_with_room(), 1u);
  model.router.assign(1, 104);
  model.router.assign(2, 105);
  EXPECT_EQ(model.router.company_seller_with_room(), kNobody);
}

TEST(LeadRouterTest, RoundRobinGoesOnAfterTheLastOneGivenALeadThoughAnEarlierOneLeft) {
  // AEs 0, 1, 2 in joining order. Leads go to 0, then 1; AE 0 leaves: the turn is after AE 1,
  // so AE 2, then AE 1 again. (By position the turn was 2 of [0, 1, 2]; with AE 0 gone the list
  // is [1, 2] and position 2 wrapped to AE 1, skipping AE 2.)
  ScenarioSpec spec = quiet_scenario(3);
  spec.starting_staff = {StartingStaffSpec{"account_executive", 3, ""}};
  RouterAlone model(spec, LeadRouting::kRoundRobin);
  model.organisation.add_starting_staff();
  model.run_until(1);
  ASSERT_EQ(model.organisation.sellers_in(0).size(), 3u);
  const auto next = [&] { return model.router.route(0, 0.5, 1); };
  EXPECT_EQ(next(), 0u);
  EXPECT_EQ(next(), 1u);
  model.organisation.leave(0);
  EXPECT_EQ(next(), 2u);
  EXPECT_EQ(next(), 1u);
  EXPECT_EQ(next(), 2u);
}

TEST(LeadRouterTest, WithNobodySellingALeaversDealsWaitForTheNextSeller) {
  ScenarioSpec spec = quiet_scenario(3);
  spec.starting_staff.clear();
  spec.hires.clear();
  RouterAlone model(spec, LeadRouting::kRampedFirst);
  ASSERT_TRUE(model.organisation.sellers_in(0).empty());
  EXPECT_EQ(model.router.successors(0, 2), (std::vector<std::uint32_t>{kNobody, kNobody}));
}

}  // namespace
}  // namespace teamsim::model
