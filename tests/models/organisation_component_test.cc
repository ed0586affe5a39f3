// Organisation on its own (no pipeline, no replication): who sells where, the trainer queue,
// departures and backfill, management coverage, hiring rules and commission. A recording
// listener stands in for the pipeline. Expected values by hand beside each test.
#include <gtest/gtest.h>

#include "models/organisation.h"
#include "tests/models/component_harness.h"

namespace teamsim::model {
namespace {

struct RecordingListener final : TeamListener {
  void started_selling(std::uint32_t person) override { started.push_back(person); }
  void left(std::uint32_t person) override { gone.push_back(person); }
  void moved(std::uint32_t person) override { moves.push_back(person); }
  void specialists_changed(std::int64_t slots, int count) override {
    specialist_slots = slots;
    specialists = count;
  }
  std::vector<std::uint32_t> started, gone, moves;
  std::int64_t specialist_slots = 0;
  int specialists = 0;
};

struct OrganisationAlone : ComponentHarness {
  explicit OrganisationAlone(ScenarioSpec scenario)
      : ComponentHarness(std::move(scenario)),
        accounts(spec.territories),
        organisation(context, accounts) {
    organisation.set_listener(listener);
  }

  void run_until(double day) {
    ComponentHarness::run_until(day, [&](EventKind kind, std::uint32_t subject) {
      if (!route_organisation_event(organisation, kind, subject)) {
        FAIL() << "not an organisation event: " << kind_of(kind);
      }
    });
  }

  AccountPool accounts;
  RecordingListener listener;
  Organisation organisation;
};

TEST(OrganisationComponentTest, StartingSellersGoToTheLeastStaffedTerritoryAndSellAtOnce) {
  ScenarioSpec spec = quiet_scenario(1);
  spec.territories = {TerritorySpec{"a", 0}, TerritorySpec{"b", 0}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 3, ""}};
  OrganisationAlone model(spec);
  model.organisation.add_starting_staff();
  // a, b, then a again (ties go to the first territory).
  EXPECT_EQ(model.organisation.sellers_in(0), (std::vector<std::uint32_t>{0, 2}));
  EXPECT_EQ(model.organisation.sellers_in(1), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(model.listener.started, (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(model.organisation.sellers(), 3);
  EXPECT_DOUBLE_EQ(model.organisation.productivity(model.organisation.person(0)), 1.0);
}

TEST(OrganisationComponentTest, OneTrainerSlotOnboardsHiresOneAfterTheOther) {
  // The founder trains one at a time; two AEs hired on day 0 with 60-day onboarding: the first
  // sells from day 60, the second waits for the slot and sells from day 120.
  ScenarioSpec spec = quiet_scenario(6);
  spec.founder.trainees_at_once = 1;
  role(spec, "account_executive").onboarding_days = Distribution::constant(60);
  spec.hires = {HireSpec{"account_executive", 2, 1, ""}};
  OrganisationAlone model(spec);
  model.organisation.schedule_planned_hires();
  model.run_until(1);
  EXPECT_EQ(model.organisation.onboarding_queue(), 1u);
  model.run_until(100);
  EXPECT_EQ(model.listener.started, (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(model.organisation.onboarding_queue(), 0u);
  model.run_until(121);
  EXPECT_EQ(model.listener.started, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_DOUBLE_EQ(model.organisation.person(1).selling_from, 120);
}

TEST(OrganisationComponentTest, ALeaverIsGoneFromTheTeamAndBackfilledAfterTheDelay) {
  ScenarioSpec spec = quiet_scenario(3);
  RoleSpec& ae = role(spec, "account_executive");
  ae.backfill = true;
  ae.backfill_delay_days = Distribution::constant(10);
  ae.time_to_fill_days = Distribution::constant(30);
  spec.starting_staff = {StartingStaffSpec{"account_executive", 2, ""}};
  OrganisationAlone model(spec);
  model.organisation.add_starting_staff();
  model.organisation.leave(0);
  EXPECT_EQ(model.listener.gone, (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(model.organisation.sellers_in(0), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(model.organisation.headcount_by_role()[model.context.role_index("account_executive")],
            1);
  EXPECT_EQ(model.context.month.departures, 1);
  model.run_until(9);
  EXPECT_EQ(model.organisation.open_requisitions(), 0u);
  model.run_until(11);  // the backfill opens on day 10 and is filled on day 40
  EXPECT_EQ(model.organisation.open_requisitions(), 1u);
  model.run_until(41);
  EXPECT_EQ(model.organisation.open_requisitions(), 0u);
  EXPECT_EQ(model.organisation.sellers(), 2);
  EXPECT_DOUBLE_EQ(model.context.month.time_to_hire_sum, 30);
}

TEST(OrganisationComponentTest, ManagementCoverageIsSpanOverReps) {
  ScenarioSpec spec = quiet_scenario(1);
  spec.founder.span_of_control = 4;
  role(spec, "sales_manager").span_of_control = 8;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 10, ""}};
  OrganisationAlone founder_only(spec);
  founder_only.organisation.add_starting_staff();
  EXPECT_DOUBLE_EQ(founder_only.organisation.management_coverage(), 0.4);
  // A manager takes over from the founder: 8 / 10.
  spec.starting_staff.push_back(StartingStaffSpec{"sales_manager", 1, ""});
  OrganisationAlone managed(spec);
  managed.organisation.add_starting_staff();
  EXPECT_DOUBLE_EQ(managed.organisation.management_coverage(), 0.8);
}

TEST(OrganisationComponentTest, AWinEarnsCommissionAtTheVariableRateAndCountsTowardsQuota) {
  ScenarioSpec spec = quiet_scenario(2);
  RoleSpec& ae = role(spec, "account_executive");
  ae.annual_quota = 600'000;
  ae.annual_salary = 100'000;
  ae.on_target_earnings = 200'000;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  OrganisationAlone model(spec);
  model.organisation.add_starting_staff();
  // Variable pay 100k for 600k of bookings: 1/6 of each deal.
  EXPECT_DOUBLE_EQ(model.organisation.book_win(0, 60'000), 10'000);
  EXPECT_DOUBLE_EQ(model.organisation.trailing_bookings(model.organisation.person(0), 1, 1),
                   60'000);
}

TEST(OrganisationComponentTest, ACustomerRatioRuleHiresUpToItsTarget) {
  ScenarioSpec spec = quiet_scenario(2);
  HiringRuleSpec rule;
  rule.role = "customer_success";
  rule.basis = RuleBasis::kCustomers;
  rule.ratio = 100;
  spec.hiring_rules = {rule};
  OrganisationAlone model(spec);
  model.organisation.month_start(1, 250);  // floor(250 / 100) = 2
  model.run_until(0.5);
  EXPECT_EQ(
      model.organisation.open_requisitions() +
          model.organisation.headcount_by_role()[model.context.role_index("customer_success")],
      2u);
}

TEST(OrganisationComponentTest, SpecialistsTellThePipelineTheirSlots) {
  ScenarioSpec spec = quiet_scenario(1);
  role(spec, "sales_specialist").concurrent_deals = 3;
  spec.starting_staff = {StartingStaffSpec{"sales_specialist", 2, ""}};
  OrganisationAlone model(spec);
  model.organisation.add_starting_staff();
  EXPECT_EQ(model.listener.specialists, 2);
  EXPECT_EQ(model.listener.specialist_slots, 6);
}

ScenarioSpec with_sdr_role(ScenarioSpec spec) {
  RoleSpec sdr = role(spec, "account_executive");
  sdr.name = "sdr";
  sdr.hands_off_leads = true;
  spec.roles.push_back(sdr);
  return spec;
}

int headcount(const OrganisationAlone& model, const std::string& role_name) {
  return model.organisation.headcount_by_role()[model.context.role_index(role_name)];
}

HiringRuleSpec rule_for(const std::string& role_name, RuleBasis basis, double ratio,
                        int max_count = kUnlimited) {
  HiringRuleSpec rule;
  rule.role = role_name;
  rule.basis = basis;
  rule.ratio = ratio;
  rule.max_count = max_count;
  return rule;
}

TEST(OrganisationComponentTest, AManagerRuleOnManagersCountsEachManagerOnce) {
  // 40 AEs and one manager per 8 of them: ceil(40 / 8) = 5 managers, whoever is there already.
  for (int start : {0, 1, 2, 3}) {
    ScenarioSpec spec = quiet_scenario(2);
    spec.starting_staff = {StartingStaffSpec{"account_executive", 40, ""},
                           StartingStaffSpec{"sales_manager", start, ""}};
    spec.hiring_rules = {rule_for("sales_manager", RuleBasis::kRepsPerManagerAbove, 8)};
    OrganisationAlone model(spec);
    model.organisation.add_starting_staff();
    model.organisation.month_start(1, 0);
    model.run_until(1);
    EXPECT_EQ(headcount(model, "sales_manager"), 5) << start << " managers at the start";
  }
}

TEST(OrganisationComponentTest, TheAssistantRuleCountsSdrsAsReps) {
  // 16 AEs and 8 SDRs are 24 reps: ceil(24 / 8) = 3 managing people, one of them the manager.
  ScenarioSpec spec = with_sdr_role(quiet_scenario(2));
  spec.starting_staff = {StartingStaffSpec{"account_executive", 16, ""},
                         StartingStaffSpec{"sdr", 8, ""},
                         StartingStaffSpec{"sales_manager", 1, ""}};
  spec.hiring_rules = {rule_for("assistant_manager", RuleBasis::kRepsPerManagerAbove, 8)};
  OrganisationAlone model(spec);
  model.organisation.add_starting_staff();
  model.organisation.month_start(1, 0);
  model.run_until(1);
  EXPECT_EQ(headcount(model, "assistant_manager"), 2);
}

TEST(OrganisationComponentTest, ABackfillInItsDelayCountsTowardsARule) {
  // 20 CSRs at the rule's cap; one leaves and is backfilled 60 days later. The month start in
  // between sees 19 employed plus the backfill: nothing to open, 20 once the backfill starts.
  ScenarioSpec spec = quiet_scenario(3);
  RoleSpec& csr = role(spec, "customer_success");
  csr.backfill = true;
  csr.backfill_delay_days = Distribution::constant(60);
  spec.starting_staff = {StartingStaffSpec{"customer_success", 20, ""}};
  spec.hiring_rules = {rule_for("customer_success", RuleBasis::kCustomers, 50, 20)};
  OrganisationAlone model(spec);
  model.organisation.add_starting_staff();
  model.organisation.leave(0);
  model.organisation.month_start(1, 1'000);
  model.run_until(61);
  EXPECT_EQ(headcount(model, "customer_success"), 20);
  EXPECT_EQ(model.organisation.open_requisitions(), 0u);
}

TEST(OrganisationComponentTest, TwoRulesForOneRoleSeeEachOthersRequisitions) {
  // One CSR per 100 customers (10), then one per 50 up to 20: 20 in all, not 10 + 20.
  ScenarioSpec spec = quiet_scenario(2);
  spec.hiring_rules = {rule_for("customer_success", RuleBasis::kCustomers, 100),
                       rule_for("customer_success", RuleBasis::kCustomers, 50, 20)};
  OrganisationAlone model(spec);
  model.organisation.month_start(1, 1'000);
  model.run_until(1);
  EXPECT_EQ(headcount(model, "customer_success"), 20);
}

TEST(OrganisationComponentTest, SdrsWithoutATerritoryGoToTheTerritoryWithTheFewestSdrs) {
  // 4 AEs take a, b, a, b; the 4 SDRs are counted apart from them and take a, b, a, b too.
  ScenarioSpec spec = with_sdr_role(quiet_scenario(1));
  spec.territories = {TerritorySpec{"a", 0}, TerritorySpec{"b", 0}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 4, ""},
                         StartingStaffSpec{"sdr", 4, ""}};
  OrganisationAlone model(spec);
  model.organisation.add_starting_staff();
  std::vector<std::size_t> territories;
  for (std::uint32_t i = 0; i < 8; ++i)
    territories.push_back(model.organisation.person(i).territory);
  EXPECT_EQ(territories, (std::vector<std::size_t>{0, 1, 0, 1, 0, 1, 0, 1}));
}

TEST(OrganisationComponentTest, ATraineeWhoLeavesFreesTheTrainerSlotAtOnce) {
  // One trainer slot, two AEs hired on day 0 with 60-day onboarding; the first leaves on day
  // 10: the second starts onboarding then and sells from day 70.
  ScenarioSpec spec = quiet_scenario(6);
  spec.founder.trainees_at_once = 1;
  role(spec, "account_executive").onboarding_days = Distribution::constant(60);
  spec.hires = {HireSpec{"account_executive", 2, 1, ""}};
  OrganisationAlone model(spec);
  model.organisation.schedule_planned_hires();
  model.run_until(10);
  model.organisation.leave(0);
  EXPECT_EQ(model.organisation.onboarding_queue(), 0u);
  model.run_until(71);
  EXPECT_EQ(model.listener.started, (std::vector<std::uint32_t>{1}));
  EXPECT_DOUBLE_EQ(model.organisation.person(1).selling_from, 70);
}

TEST(OrganisationComponentTest, TheFounderTrainsWhileTheManagersHaveNoTrainerSlots) {
  // A manager who trains nobody: the founder's one slot onboards three AEs, 10 days each.
  ScenarioSpec spec = quiet_scenario(2);
  spec.founder.trainees_at_once = 1;
  role(spec, "sales_manager").trainees_at_once = 0;
  role(spec, "account_executive").onboarding_days = Distribution::constant(10);
  spec.starting_staff = {StartingStaffSpec{"sales_manager", 1, ""}};
  spec.hires = {HireSpec{"account_executive", 3, 1, ""}};
  OrganisationAlone model(spec);
  model.organisation.add_starting_staff();
  model.organisation.schedule_planned_hires();
  model.run_until(31);
  EXPECT_EQ(model.listener.started, (std::vector<std::uint32_t>{1, 2, 3}));
  EXPECT_DOUBLE_EQ(model.organisation.person(3).selling_from, 30);
}

TEST(OrganisationComponentTest, AHireByStartMonthOpensOneExpectedTimeToFillEarlier) {
  // Time to fill 40 days x a source factor of 0.5 = 20 days expected. Start in month 3: the
  // search opens on day 2 x 30.4375 - 20 = 40.875 and the hire starts on day 60.875, month 3's
  // first day. Start in month 1: no earlier day than 0.
  ScenarioSpec spec = quiet_scenario(4);
  role(spec, "account_executive").time_to_fill_days = Distribution::constant(40);
  for (HireSourceSpec& source : spec.hire_sources) source.time_to_fill_factor = 0.5;
  HireSpec by_start{"account_executive", 1, 3, ""};
  by_start.by_start_month = true;
  HireSpec first_month = by_start;
  first_month.month = 1;
  spec.hires = {by_start, first_month};
  OrganisationAlone model(spec);
  EXPECT_DOUBLE_EQ(model.organisation.planned_opening_day(spec.hires[0]), 40.875);
  EXPECT_DOUBLE_EQ(model.organisation.planned_opening_day(spec.hires[1]), 0);
  model.organisation.schedule_planned_hires();
  model.run_until(60);
  EXPECT_EQ(model.organisation.people().size(), 1u);
  model.run_until(61);
  ASSERT_EQ(model.organisation.people().size(), 2u);
  EXPECT_DOUBLE_EQ(model.organisation.person(1).start_time, 60.875);
}

}  // namespace
}  // namespace teamsim::model
