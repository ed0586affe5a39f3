// Pipeline on its own with the organisation and customer base it works with, but no replication
// or projection: lead conservation, capacity, a won deal becoming a customer with its owner's
// commission, and a leaver's deals passing to a colleague. Expected values by hand.
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "models/pipeline.h"
#include "tests/models/component_harness.h"

namespace teamsim::model {
namespace {

struct PipelineAlone : ComponentHarness {
  explicit PipelineAlone(ScenarioSpec scenario)
      : ComponentHarness(std::move(scenario)),
        accounts(spec.territories),
        segments(spec),
        customers(context, accounts),
        organisation(context, accounts),
        pipeline(context, organisation, customers, accounts, segments) {
    organisation.set_listener(pipeline);
    organisation.add_starting_staff();
    organisation.schedule_planned_hires();
    pipeline.start();
  }

  void run_until(double day) {
    ComponentHarness::run_until(day, [&](EventKind kind, std::uint32_t subject) {
      if (route_organisation_event(organisation, kind, subject)) return;
      switch (kind) {
        case EventKind::kInboundLead:
          return pipeline.inbound_lead(subject);
        case EventKind::kProspectedLead:
          return pipeline.prospected_lead(subject);
        case EventKind::kOpportunityClosed:
          return pipeline.close_opportunity(subject);
        case EventKind::kSpecialistReleased:
          return pipeline.release_specialist();
        case EventKind::kCustomerRenewal:
          return customers.renew(subject, 0);
        default:
          FAIL() << "unexpected event kind " << kind_of(kind);
      }
    });
  }

  AccountPool accounts;
  SegmentMix segments;
  CustomerBase customers;
  Organisation organisation;
  Pipeline pipeline;
};

ScenarioSpec sure_deals(int sellers, int max_open) {
  ScenarioSpec spec = quiet_scenario(3);
  spec.territories = {TerritorySpec{"all", 40}};
  spec.pipeline.win_rate = Distribution::constant(1);
  spec.pipeline.sales_cycle_days = Distribution::constant(20);
  spec.pipeline.deal_size_acv = Distribution::constant(12'000);
  spec.pipeline.complex_share = 0;
  spec.pipeline.unqualified_lead_share = 0;
  spec.customers.annual_contract_share = 1;
  RoleSpec& ae = role(spec, "account_executive");
  ae.max_open_opportunities = max_open;
  ae.annual_quota = 120'000;
  ae.annual_salary = 0;
  ae.on_target_earnings = 12'000;  // variable pay: 10 % of bookings
  spec.starting_staff = {StartingStaffSpec{"account_executive", sellers, ""}};
  return spec;
}

TEST(PipelineComponentTest, EveryLeadIsWorkedOrUnworkedAndEveryWinIsACustomerWithCommission) {
  PipelineAlone model(sure_deals(2, 3));
  model.run_until(2 * kDaysPerMonth);
  const MonthTally& month = model.context.month;
  EXPECT_GT(month.leads, 40);  // ~80 expected, Poisson
  EXPECT_EQ(month.leads, month.opportunities + month.leads_unworked);
  // Two sellers with room for 3 each: never more than 6 open at once.
  EXPECT_LE(model.pipeline.open_opportunities(), 6u);
  EXPECT_EQ(month.won,
            month.opportunities - static_cast<double>(model.pipeline.open_opportunities()));
  EXPECT_EQ(static_cast<double>(model.customers.active()), month.won);
  EXPECT_DOUBLE_EQ(model.customers.mrr(), 1'000 * month.won);
  EXPECT_DOUBLE_EQ(month.bookings, 12'000 * month.won);
  EXPECT_DOUBLE_EQ(month.commission, 1'200 * month.won);
}

TEST(PipelineComponentTest, ALeaversOpenDealsPassToTheLeastLoadedColleague) {
  PipelineAlone model(sure_deals(2, 3));
  model.run_until(10);
  const int first = model.pipeline.open_opportunities_of(0);
  const int second = model.pipeline.open_opportunities_of(1);
  ASSERT_GT(first + second, 0);
  model.organisation.leave(0);
  EXPECT_EQ(model.pipeline.open_opportunities_of(0), 0);
  EXPECT_EQ(model.pipeline.open_opportunities_of(1), first + second);
  EXPECT_EQ(model.pipeline.open_opportunities(), static_cast<std::size_t>(first + second));
}

TEST(PipelineComponentTest, ALeaversDealsPassOnInTheOrderTheyWereOpened) {
  // Sure 20-day deals, each opened by a lead its seller finds at a day the test chooses. L (0),
  // A (1) and B (2) start ramped, joining in that order; C (3), hired at day 0, ramps over six
  // months. A's deals of days 1, 2 and 3 close on days 21-23 and free their slots, which are
  // reused last freed first: L's deals of days 24, 25 and 26 take the slots in the reverse of
  // the order they were opened. B holds one deal of day 20 (closing on day 40). L leaves on day
  // 27. Only A and B have a ramp value of 1, so C (below 1, and the least loaded) takes nothing;
  // by opening order, day 24's deal goes to A (0 deals against B's 1), day 25's to A (1 each:
  // the earlier joiner), day 26's to B (2 against 1). By slot order day 24's would be B's.
  ScenarioSpec spec = sure_deals(3, 1000);
  spec.territories = {TerritorySpec{"all", 0}};
  RoleSpec& ae = role(spec, "account_executive");
  ae.ramp_months = Distribution::constant(6);
  ae.backfill = false;
  spec.hires = {HireSpec{"account_executive", 1, 1, ""}};
  PipelineAlone model(spec);
  const std::uint32_t leaver = 0, a = 1, b = 2, c = 3;
  const auto find_lead_on = [&](std::uint32_t seller, double day) {
    model.run_until(day);
    model.pipeline.prospected_lead(seller);
  };
  for (const double day : {1.0, 2.0, 3.0}) find_lead_on(a, day);
  find_lead_on(b, 20);
  for (const double day : {24.0, 25.0, 26.0}) find_lead_on(leaver, day);
  model.run_until(27);
  ASSERT_EQ(model.pipeline.open_opportunities_of(leaver), 3);
  ASSERT_EQ(model.pipeline.open_opportunities_of(a), 0);
  ASSERT_EQ(model.pipeline.open_opportunities_of(b), 1);
  ASSERT_TRUE(model.organisation.person(c).seller);
  model.organisation.leave(leaver);
  EXPECT_EQ(model.pipeline.open_opportunities_of(a), 2);
  EXPECT_EQ(model.pipeline.open_opportunities_of(b), 2);
  EXPECT_EQ(model.pipeline.open_opportunities_of(c), 0);
  // Each deal closes 20 days after it was opened: whose count drops says whose it was.
  const std::vector<std::pair<double, std::pair<int, int>>> held_after = {
      {40.5, {2, 1}},   // B's own deal of day 20
      {44.5, {1, 1}},   // day 24's, A's
      {45.5, {0, 1}},   // day 25's, A's
      {46.5, {0, 0}}};  // day 26's, B's
  for (const auto& [day, held] : held_after) {
    model.run_until(day);
    EXPECT_EQ(model.pipeline.open_opportunities_of(a), held.first) << "day " << day;
    EXPECT_EQ(model.pipeline.open_opportunities_of(b), held.second) << "day " << day;
  }
  EXPECT_EQ(model.context.month.lost, 0);
}

TEST(PipelineComponentTest, ASellerWithEverySlotTakenFindsNoLeads) {
  // One seller prospecting 30 leads a month, no inbound leads, room for 2 deals that never close
  // within the run: their first two leads become opportunities, and then they find no more (a
  // lead lost for want of room would wrongly say that capacity binds).
  ScenarioSpec spec = sure_deals(1, 2);
  spec.territories = {TerritorySpec{"all", 0}};
  spec.pipeline.sales_cycle_days = Distribution::constant(1000);
  role(spec, "account_executive").prospecting_leads_per_month = 30;
  PipelineAlone model(spec);
  model.run_until(2 * kDaysPerMonth - 1);
  const MonthTally& month = model.context.month;
  EXPECT_EQ(month.leads, 2);
  EXPECT_EQ(month.opportunities, 2);
  EXPECT_EQ(month.leads_unworked, 0);
}

TEST(PipelineComponentTest, WithoutSellersEveryLeadGoesUnworked) {
  PipelineAlone model(sure_deals(0, 3));
  model.run_until(kDaysPerMonth);
  EXPECT_GT(model.context.month.leads, 0);
  EXPECT_EQ(model.context.month.leads_unworked, model.context.month.leads);
  EXPECT_EQ(model.context.month.opportunities, 0);
}

TEST(PipelineComponentTest, AFiniteMarketRunsOutOfAccounts) {
  ScenarioSpec spec = sure_deals(1, 1000);
  spec.territories[0].accounts = 5;
  spec.customers.monthly_churn = 0;
  PipelineAlone model(spec);
  model.run_until(3 * kDaysPerMonth);
  // Won accounts stay customers: at most 5 deals ever, and every one of them won.
  EXPECT_EQ(model.customers.active(), 5u);
  EXPECT_EQ(model.accounts.available_after(0, model.context.now()), 0);
}

TEST(PipelineComponentTest, RoundRobinHandsLeadsOutInTurn) {
  // Deals that never close in the run and room for all: after N leads each of three sellers
  // holds N/3, give or take one.
  ScenarioSpec spec = sure_deals(3, 1000);
  spec.pipeline.sales_cycle_days = Distribution::constant(1000);
  spec.pipeline.routing = LeadRouting::kRoundRobin;
  PipelineAlone model(spec);
  model.run_until(2 * kDaysPerMonth);
  const double leads = model.context.month.leads;
  ASSERT_GT(leads, 30);
  for (std::uint32_t seller = 0; seller < 3; ++seller) {
    EXPECT_LE(std::abs(model.pipeline.open_opportunities_of(seller) - leads / 3), 1.0) << seller;
  }
}

TEST(PipelineComponentTest, RampedFirstGivesANewSellerOnlyWhatTheRampedHaveNoRoomFor) {
  // One ramped seller and a new hire ramping over 6 months, from day 0, each with room for 5:
  // the first 5 leads go to the ramped seller, the next ones to the new hire (deals never
  // close).
  ScenarioSpec spec = sure_deals(1, 5);
  spec.pipeline.sales_cycle_days = Distribution::constant(1000);
  spec.pipeline.routing = LeadRouting::kRampedFirst;
  role(spec, "account_executive").ramp_months = Distribution::constant(6);
  spec.hires = {HireSpec{"account_executive", 1, 1, ""}};
  PipelineAlone model(spec);
  // Stop between the 6th and the 9th lead: least-loaded routing would have split them evenly.
  double day = 0;
  while (model.context.month.leads < 6) model.run_until(day += 0.25);
  const double leads = model.context.month.leads;
  ASSERT_LE(leads, 9);
  EXPECT_EQ(model.pipeline.open_opportunities_of(0), 5);
  EXPECT_EQ(model.pipeline.open_opportunities_of(1), leads - 5);
}

// The only seller, with room for every lead and sure wins in `cycle_days`, and their successor,
// searched for from day 0 and selling from day 40 (time to fill 40 days, no onboarding).
ScenarioSpec seller_and_successor(double cycle_days) {
  ScenarioSpec spec = sure_deals(1, 1000);
  spec.pipeline.sales_cycle_days = Distribution::constant(cycle_days);
  role(spec, "account_executive").time_to_fill_days = Distribution::constant(40);
  spec.hires = {HireSpec{"account_executive", 1, 1, ""}};
  return spec;
}

// Runs to day 10, when the only seller (person 0) leaves: the deals they held.
int only_seller_leaves_on_day_10(PipelineAlone& model) {
  model.run_until(10);
  const int open = model.pipeline.open_opportunities_of(0);
  model.organisation.leave(0);
  return open;
}

TEST(PipelineComponentTest, WithNobodySellingAnywhereDealsWaitForTheNextSeller) {
  // The successor inherits every deal still open, which then closes at the new owner's odds.
  PipelineAlone model(seller_and_successor(1000));
  const int open = only_seller_leaves_on_day_10(model);
  ASSERT_GT(open, 0);
  EXPECT_EQ(model.pipeline.open_opportunities_of(0), 0);
  model.run_until(41);
  EXPECT_GE(model.pipeline.open_opportunities_of(1), open);
  EXPECT_EQ(model.pipeline.open_opportunities(),
            static_cast<std::size_t>(model.pipeline.open_opportunities_of(1)));
}

// Sure deals in two territories, a and b, with room for every lead.
ScenarioSpec two_territories(double cycle_days) {
  ScenarioSpec spec = sure_deals(0, 1000);
  spec.territories = {TerritorySpec{"a", 20}, TerritorySpec{"b", 20}};
  spec.pipeline.sales_cycle_days = Distribution::constant(cycle_days);
  return spec;
}

TEST(PipelineComponentTest, ALoneSellersDealsPassToASellerOfAnotherTerritory) {
  // Territory a's only seller (0) leaves on day 10: b's seller (1) takes every deal they held,
  // wins each (sure deals, productivity 1) and is paid its commission; nothing is lost.
  ScenarioSpec spec = two_territories(20);
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, "a"},
                         StartingStaffSpec{"account_executive", 1, "b"}};
  PipelineAlone model(spec);
  model.run_until(10);
  const int first = model.pipeline.open_opportunities_of(0);
  const int second = model.pipeline.open_opportunities_of(1);
  ASSERT_GT(first, 0);
  model.organisation.leave(0);
  EXPECT_EQ(model.pipeline.open_opportunities_of(1), first + second);
  model.run_until(kDaysPerMonth - 0.5);  // every deal opened by day 10 has closed
  const MonthTally& month = model.context.month;
  EXPECT_EQ(month.lost, 0);
  EXPECT_EQ(month.won,
            month.opportunities - static_cast<double>(model.pipeline.open_opportunities()));
  EXPECT_DOUBLE_EQ(month.commission, 0.1 * month.bookings);
}

TEST(PipelineComponentTest, AnInheritedDealIsWonAtTheProductivityOfTheTeamWithoutTheLeaver) {
  // Five reps and the founder's span of 4, at a penalty of 0.5: coverage 4 / 5, so every rep's
  // productivity is 1 - 0.5 (1 - 0.8) = 0.9. Only a's seller (0) gets leads (300 a month, b
  // none), so on day 10 they hold about 100 sure deals (win rate 1) opened at 0.9. They leave:
  // with four reps coverage is 1, and the b seller who takes the deals wins them at 1, every
  // one; at the productivity of the team with the leaver, 0.9, some 10 would be lost.
  ScenarioSpec spec = two_territories(20);
  spec.territories = {TerritorySpec{"a", 300}, TerritorySpec{"b", 0}};
  spec.founder.span_of_control = 4;
  spec.management.under_management_penalty = 0.5;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, "a"},
                         StartingStaffSpec{"account_executive", 4, "b"}};
  role(spec, "account_executive").backfill = false;  // a's leads go unworked once they leave
  PipelineAlone model(spec);
  model.run_until(10);
  const int held = model.pipeline.open_opportunities_of(0);
  ASSERT_GT(held, 50);
  EXPECT_DOUBLE_EQ(model.organisation.productivity(model.organisation.person(1)), 0.9);
  model.organisation.leave(0);
  EXPECT_DOUBLE_EQ(model.organisation.productivity(model.organisation.person(1)), 1.0);
  model.run_until(30.1);  // every deal opened by day 10 has closed, within month 1
  const MonthTally& month = model.context.month;
  EXPECT_EQ(month.won, held);
  EXPECT_EQ(month.lost, 0);
}

TEST(PipelineComponentTest, AVacantTerritorysLeadsGoToAnotherTerritorysSellerWhenAsked) {
  // Territory a has one seller (0), b nobody; 20 leads a month each, 20-day sure deals of
  // $12,000. By day 9 no deal has closed. unworked (the default): every lead of b goes unworked
  // and only a's become opportunities. company: a's seller takes b's too, nothing goes unworked,
  // and b's deals, closing by day 29, are b's bookings: $12,000 each, commission 10 %.
  for (const VacantTerritoryLeads choice :
       {VacantTerritoryLeads::kUnworked, VacantTerritoryLeads::kCompany}) {
    SCOPED_TRACE(std::string(name_of(choice)));
    ScenarioSpec spec = two_territories(20);
    spec.starting_staff = {StartingStaffSpec{"account_executive", 1, "a"}};
    spec.pipeline.vacant_territory_leads = choice;
    PipelineAlone model(spec);
    model.run_until(9);
    const MonthTally& month = model.context.month;
    const double vacant = month.territory[1].leads;
    ASSERT_GT(vacant, 0);
    EXPECT_EQ(month.leads, month.territory[0].leads + vacant);
    EXPECT_EQ(month.leads, month.opportunities + month.leads_unworked);
    if (choice == VacantTerritoryLeads::kUnworked) {
      EXPECT_EQ(month.leads_unworked, vacant);
      EXPECT_EQ(month.territory[1].opportunities, 0);
      continue;
    }
    EXPECT_EQ(month.leads_unworked, 0);
    EXPECT_EQ(month.territory[1].opportunities, vacant);
    EXPECT_EQ(model.pipeline.open_opportunities_of(0), month.opportunities);
    model.run_until(kDaysPerMonth - 0.5);
    EXPECT_EQ(month.territory[1].wins, vacant);
    EXPECT_DOUBLE_EQ(month.territory[1].bookings, 12'000 * vacant);
    EXPECT_DOUBLE_EQ(month.commission, 0.1 * month.bookings);
  }
}

TEST(PipelineComponentTest, DealsWaitingForASellerGoToTheNextOneAnywhere) {
  // Territory a's only seller leaves on day 10 while b has nobody; the next seller starts in b
  // on day 40 and takes a's deals (100-day cycles: still open). Each is won at their
  // productivity at its close: 1, with no ramp.
  ScenarioSpec spec = two_territories(100);
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, "a"}};
  role(spec, "account_executive").time_to_fill_days = Distribution::constant(40);
  spec.hires = {HireSpec{"account_executive", 1, 1, "b"}};
  PipelineAlone model(spec);
  const int open = only_seller_leaves_on_day_10(model);
  ASSERT_GT(open, 0);
  model.run_until(41);
  EXPECT_GE(model.pipeline.open_opportunities_of(1), open);  // and b's leads since day 40
  model.run_until(3 * kDaysPerMonth);                        // month 4 starts on day 91.3
  model.run_until(112);
  EXPECT_EQ(model.context.month.won, open);
  EXPECT_EQ(model.context.month.lost, 0);
}

TEST(PipelineComponentTest, ANewSellerClosesTheDealsWaitingForThemAtTheirProductivityThen) {
  // Every deal the leaver opened (100-day cycles, opened on days 0-10) closes on days 100-110.
  // The successor has a step ramp: productivity 0 until the ramp ends, 1 after. Taken over on
  // day 40 at productivity 0, these deals used to be lost, every one. Now each is won or lost
  // at the productivity its new owner has when it closes: all won with a 20-day ramp (full from
  // day 60), all lost with a 200-day one (still 0 at day 110). Deals the successor opens close
  // after day 140.
  for (const double ramp_days : {20.0, 200.0}) {
    SCOPED_TRACE(ramp_days);
    ScenarioSpec spec = seller_and_successor(100);
    RoleSpec& ae = role(spec, "account_executive");
    ae.ramp_curve = RampCurve::kStep;
    ae.ramp_months = Distribution::constant(ramp_days / kDaysPerMonth);
    PipelineAlone model(spec);
    const int open = only_seller_leaves_on_day_10(model);
    ASSERT_GT(open, 0);
    model.run_until(3 * kDaysPerMonth);  // month 4 starts on day 91.3
    model.run_until(112);
    const MonthTally& month = model.context.month;
    EXPECT_EQ(month.won + month.lost, open);
    EXPECT_EQ(month.won, ramp_days < 60 ? open : 0);
  }
}

}  // namespace
}  // namespace teamsim::model
