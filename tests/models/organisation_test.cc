// The organisation: recruiting bandwidth and the founder, span of control, trainer capacity,
// enablement, ramp curves, hire sources, hiring rules, SDRs, performance and employee retention.
// Expected numbers are derived by hand beside each test.
#include <gtest/gtest.h>

#include <cmath>

#include "models/ramp.h"
#include "tests/models/test_scenarios.h"

namespace teamsim::model {
namespace {

double headcount(const Projection& p, const std::string& role_name, Eigen::Index month) {
  return named(p, "headcount." + role_name)(0, month - 1);
}

TEST(OrganisationTest, HiringTheManagerFirstSpeedsUpLaterHires) {
  // The founder runs one search at a time and takes twice the 30-day time to fill (60 days); a
  // manager runs three at once at 30 days. Reps first (AEs listed before the manager): the AEs
  // start on days 60, 120, 180 (months 2, 4, 6) and the manager on day 240 (month 8).
  // Manager first: the manager starts on day 60, then all three AE searches run at once and
  // finish on day 90 (month 3).
  ScenarioSpec reps_first = quiet_scenario(9);
  reps_first.founder.concurrent_searches = 1;
  reps_first.founder.time_to_fill_factor = 2;
  for (RoleSpec& r : reps_first.roles) r.time_to_fill_days = Distribution::constant(30);
  role(reps_first, "sales_manager").concurrent_searches = 3;
  ScenarioSpec manager_first = reps_first;
  reps_first.hires = {HireSpec{"account_executive", 3, 1, ""}, HireSpec{"sales_manager", 1, 1, ""}};
  manager_first.hires = {HireSpec{"sales_manager", 1, 1, ""},
                         HireSpec{"account_executive", 3, 1, ""}};
  const Projection a = run(reps_first, 2);
  const Projection b = run(manager_first, 2);
  const double aes_reps_first[] = {0, 1, 1, 2, 2, 3, 3, 3, 3};
  const double aes_manager_first[] = {0, 0, 3, 3, 3, 3, 3, 3, 3};
  for (Eigen::Index month = 1; month <= 9; ++month) {
    EXPECT_EQ(headcount(a, "account_executive", month), aes_reps_first[month - 1]) << month;
    EXPECT_EQ(headcount(b, "account_executive", month), aes_manager_first[month - 1]) << month;
  }
  EXPECT_EQ(headcount(a, "sales_manager", 7), 0);
  EXPECT_EQ(headcount(a, "sales_manager", 8), 1);
  // Month 3 of manager-first: three hires that each waited 90 days since their requisition;
  // month 2 the manager's 60 days. Months without a hire have no mean time to hire: undefined
  // (NaN), not 0 days.
  EXPECT_DOUBLE_EQ(metric_at(b, Metric::kAvgTimeToHireDays, 0, 3), 90);
  EXPECT_DOUBLE_EQ(metric_at(b, Metric::kAvgTimeToHireDays, 0, 2), 60);
  EXPECT_TRUE(std::isnan(metric_at(b, Metric::kAvgTimeToHireDays, 0, 1)));
  EXPECT_TRUE(std::isnan(metric_at(b, Metric::kAvgTimeToHireDays, 0, 4)));
  EXPECT_EQ(metric_at(a, Metric::kRecruitingQueue, 0, 1), 3);
}

TEST(OrganisationTest, TheFounderStepsInWhenTheManagersNeitherRecruitNorManage) {
  // A sales manager at day 0 who runs no searches and manages nobody (concurrent_searches and
  // span_of_control 0). Nobody used to recruit or manage then. Now the founder does: one search
  // at a time, twice the 30-day time to fill, so the two AEs asked for in month 1 start on days
  // 60 and 120 (months 2 and 4); the founder manages one rep, so coverage is 1 with one AE and
  // 1/2 with two.
  ScenarioSpec spec = quiet_scenario(4);
  spec.founder.concurrent_searches = 1;
  spec.founder.time_to_fill_factor = 2;
  spec.founder.span_of_control = 1;
  for (RoleSpec& r : spec.roles) r.time_to_fill_days = Distribution::constant(30);
  RoleSpec& manager = role(spec, "sales_manager");
  manager.concurrent_searches = 0;
  manager.span_of_control = 0;
  spec.starting_staff = {StartingStaffSpec{"sales_manager", 1, ""}};
  spec.hires = {HireSpec{"account_executive", 2, 1, ""}};
  const Projection p = run(spec, 1);
  const double aes[] = {0, 1, 1, 2};
  for (Eigen::Index month = 1; month <= 4; ++month) {
    EXPECT_EQ(headcount(p, "account_executive", month), aes[month - 1]) << month;
  }
  EXPECT_DOUBLE_EQ(metric_at(p, Metric::kManagementCoverage, 0, 2), 1);
  EXPECT_DOUBLE_EQ(metric_at(p, Metric::kManagementCoverage, 0, 4), 0.5);
}

TEST(OrganisationTest, PerRoleHiresAndSearchQueueAddUpToTheTotals) {
  // The founder runs one search at a time, 60 days each (30 x 2): four AE requisitions open at
  // day 0 start on days 60, 120, 180 and 240, so at the end of month m (30.4375 m days) the AEs
  // hired so far are floor(30.4375 m / 60) and the AEs waiting for a search are 3 minus that
  // (one is being searched for) while positive. A sales manager's requisition (month 3) queues
  // behind them: hired on day 300 (month 10).
  ScenarioSpec spec = quiet_scenario(11);
  spec.founder.concurrent_searches = 1;
  spec.founder.time_to_fill_factor = 2;
  for (RoleSpec& r : spec.roles) r.time_to_fill_days = Distribution::constant(30);
  spec.hires = {HireSpec{"account_executive", 4, 1, ""}, HireSpec{"sales_manager", 1, 3, ""}};
  const Projection p = run(spec, 2);
  for (Eigen::Index month = 1; month <= 11; ++month) {
    const double hired = std::min(4.0, std::floor(30.4375 * static_cast<double>(month) / 60));
    EXPECT_EQ(named(p, "hired_to_date.account_executive")(0, month - 1), hired) << month;
    EXPECT_EQ(named(p, "recruiting_queue.account_executive")(0, month - 1),
              std::max(0.0, 3 - hired))
        << month;
    EXPECT_EQ(named(p, "hired_to_date.sales_manager")(0, month - 1), month >= 10 ? 1 : 0) << month;
    // The roles add up to the totals, in every month of every history.
    for (Eigen::Index rep = 0; rep < 2; ++rep) {
      double hired_all = 0, waiting_all = 0, hires_so_far = 0;
      for (const RoleSpec& r : spec.roles) {
        hired_all += named(p, "hired_to_date." + r.name)(rep, month - 1);
        waiting_all += named(p, "recruiting_queue." + r.name)(rep, month - 1);
      }
      for (Eigen::Index m = 1; m <= month; ++m)
        hires_so_far += metric_at(p, Metric::kHires, rep, m);
      EXPECT_EQ(hired_all, hires_so_far) << month;
      EXPECT_EQ(waiting_all, metric_at(p, Metric::kRecruitingQueue, rep, month)) << month;
    }
  }
}

TEST(OrganisationTest, ManagerFirstFillsTheTeamSoonerWithDefaultDistributions) {
  // Directional (no closed form once times to fill are lognormal): with the default founder
  // (one search at a time, 1.5 x slower) and manager (three searches), six AEs opened in month 1
  // behind the manager's requisition are on board sooner, on average over paired histories,
  // than the same six opened ahead of it (about 2.3 vs 1.5 AEs at month 5, 4.5 vs 2.5 at
  // month 8, now that the manager's first month is onboarding: it recruits, but the founder
  // still trains). Same seed, so the same draws per requisition.
  ScenarioSpec manager_first = default_scenario();
  manager_first.horizon_months = 8;
  manager_first.hires = {HireSpec{"sales_manager", 1, 1, ""},
                         HireSpec{"account_executive", 6, 1, ""}};
  ScenarioSpec reps_first = manager_first;
  reps_first.hires = {HireSpec{"account_executive", 6, 1, ""}, HireSpec{"sales_manager", 1, 1, ""}};
  const Projection a = run(manager_first, 300);
  const Projection b = run(reps_first, 300);
  const Eigen::MatrixXd difference =
      named(a, "headcount.account_executive") - named(b, "headcount.account_executive");
  for (const Eigen::Index month : {5, 8}) {
    const MeanSe gain = history_average(difference, month, month);
    EXPECT_GT(gain.mean, 4 * gain.se) << "month " << month << ": " << gain.mean;
  }
}

TEST(OrganisationTest, RepsBeyondTheSpanOfControlLoseProductivity) {
  // Eight ramped reps, the founder's span is 4: coverage 0.5, factor 1 - 0.5 x 0.5 = 0.75, so
  // ramped capacity is 6. A manager with span 4 plus an assistant with span 4 cover all 8.
  ScenarioSpec spec = quiet_scenario(2);
  spec.founder.span_of_control = 4;
  spec.management.under_management_penalty = 0.5;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 8, ""}};
  const Projection founder_only = run(spec, 1);
  EXPECT_DOUBLE_EQ(metric_at(founder_only, Metric::kRampedCapacity, 0, 1), 6);
  EXPECT_DOUBLE_EQ(metric_at(founder_only, Metric::kManagementCoverage, 0, 1), 0.5);
  role(spec, "sales_manager").span_of_control = 4;
  role(spec, "assistant_manager").span_of_control = 4;
  spec.starting_staff.push_back(StartingStaffSpec{"sales_manager", 1, ""});
  const Projection manager_only = run(spec, 1);
  EXPECT_DOUBLE_EQ(metric_at(manager_only, Metric::kRampedCapacity, 0, 1), 6);
  spec.starting_staff.push_back(StartingStaffSpec{"assistant_manager", 1, ""});
  const Projection with_assistant = run(spec, 1);
  EXPECT_DOUBLE_EQ(metric_at(with_assistant, Metric::kRampedCapacity, 0, 1), 8);
  EXPECT_DOUBLE_EQ(metric_at(with_assistant, Metric::kManagementCoverage, 0, 1), 1);
}

TEST(OrganisationTest, UnderManagementSlowsTheRamp) {
  // One new rep with a 2-month linear ramp and coverage 0 (founder span 0, penalty 0.5): the
  // factor is 0.5, so the ramp takes 4 months and productivity 0.5 x elapsed / 4 months.
  ScenarioSpec spec = quiet_scenario(4);
  spec.founder.span_of_control = 0;
  spec.management.under_management_penalty = 0.5;
  role(spec, "account_executive").ramp_months = Distribution::constant(2);
  spec.hires = {HireSpec{"account_executive", 1, 1, ""}};
  const Projection p = run(spec, 1);
  for (Eigen::Index month = 1; month <= 4; ++month) {
    EXPECT_NEAR(metric_at(p, Metric::kRampedCapacity, 0, month),
                0.5 * static_cast<double>(month) / 4.0, 1e-12);
  }
}

TEST(OrganisationTest, TrainerCapacityQueuesOnboarding) {
  // Four AEs start on day 0 with 40 days of onboarding; the founder trains two at once. The
  // first two sell from day 40 (month 2), the other two from day 80 (month 3).
  ScenarioSpec spec = quiet_scenario(3);
  spec.founder.trainees_at_once = 2;
  role(spec, "account_executive").onboarding_days = Distribution::constant(40);
  spec.hires = {HireSpec{"account_executive", 4, 1, ""}};
  const Projection p = run(spec, 1);
  EXPECT_EQ(metric_at(p, Metric::kOnboardingQueue, 0, 1), 2);
  EXPECT_EQ(metric_at(p, Metric::kRampedCapacity, 0, 1), 0);
  EXPECT_EQ(metric_at(p, Metric::kRampedCapacity, 0, 2), 2);
  EXPECT_EQ(metric_at(p, Metric::kRampedCapacity, 0, 3), 4);
}

TEST(OrganisationTest, EveryNewHireWithAnOnboardingNeedsATrainer) {
  // The founder trains one hire at a time; a CSR and then an AE start on day 0, each with 40
  // days of onboarding. The CSR holds the slot for days 0-40 and covers its accounts from day
  // 40 (month 2); the AE waits (onboarding queue 1 at the end of month 1), onboards on days
  // 40-80 and sells from day 80 (month 3).
  ScenarioSpec spec = quiet_scenario(3);
  spec.founder.trainees_at_once = 1;
  spec.customers.initial_customers = 100;
  role(spec, "customer_success").accounts_per_rep = 100;
  role(spec, "customer_success").onboarding_days = Distribution::constant(40);
  role(spec, "account_executive").onboarding_days = Distribution::constant(40);
  spec.hires = {HireSpec{"customer_success", 1, 1, ""}, HireSpec{"account_executive", 1, 1, ""}};
  const Projection p = run(spec, 1);
  const double queue[] = {1, 0, 0}, covered[] = {0, 100, 100}, capacity[] = {0, 0, 1};
  for (Eigen::Index month = 1; month <= 3; ++month) {
    EXPECT_EQ(metric_at(p, Metric::kOnboardingQueue, 0, month), queue[month - 1]) << month;
    EXPECT_EQ(metric_at(p, Metric::kCoveredCustomers, 0, month), covered[month - 1]) << month;
    EXPECT_EQ(metric_at(p, Metric::kRampedCapacity, 0, month), capacity[month - 1]) << month;
    EXPECT_EQ(headcount(p, "customer_success", month), 1);
  }
}

TEST(OrganisationTest, ANewManagerTakesOverOnceOnboarded) {
  // Eight ramped reps, the founder's span 4, penalty 0.5. A manager (span 8) hired on day 0
  // onboards for 40 days: until day 40 the founder still manages (coverage 0.5, capacity
  // 8 x 0.75 = 6 at the end of month 1), then the manager covers everyone (capacity 8).
  ScenarioSpec spec = quiet_scenario(2);
  spec.founder.span_of_control = 4;
  spec.management.under_management_penalty = 0.5;
  role(spec, "sales_manager").span_of_control = 8;
  role(spec, "sales_manager").onboarding_days = Distribution::constant(40);
  spec.starting_staff = {StartingStaffSpec{"account_executive", 8, ""}};
  spec.hires = {HireSpec{"sales_manager", 1, 1, ""}};
  const Projection p = run(spec, 1);
  EXPECT_EQ(headcount(p, "sales_manager", 1), 1);
  EXPECT_DOUBLE_EQ(metric_at(p, Metric::kManagementCoverage, 0, 1), 0.5);
  EXPECT_DOUBLE_EQ(metric_at(p, Metric::kRampedCapacity, 0, 1), 6);
  EXPECT_DOUBLE_EQ(metric_at(p, Metric::kManagementCoverage, 0, 2), 1);
  EXPECT_DOUBLE_EQ(metric_at(p, Metric::kRampedCapacity, 0, 2), 8);
}

TEST(OrganisationTest, EnablementShortensTheRampAndRaisesProductivity) {
  // A 4-month linear ramp; one enablement person supporting 10 reps (full coverage) with a 50 %
  // ramp reduction and a 10 % uplift: ramp 2 months, productivity 1.1 x elapsed / 2 months.
  ScenarioSpec spec = quiet_scenario(3);
  role(spec, "account_executive").ramp_months = Distribution::constant(4);
  RoleSpec& enablement = role(spec, "sales_enablement");
  enablement.reps_supported = 10;
  enablement.ramp_reduction = 0.5;
  enablement.productivity_uplift = 0.1;
  spec.hires = {HireSpec{"account_executive", 1, 1, ""}};
  const Projection without = run(spec, 1);
  EXPECT_NEAR(metric_at(without, Metric::kRampedCapacity, 0, 1), 0.25, 1e-12);
  spec.starting_staff = {StartingStaffSpec{"sales_enablement", 1, ""}};
  const Projection with = run(spec, 1);
  EXPECT_NEAR(metric_at(with, Metric::kRampedCapacity, 0, 1), 1.1 * 0.5, 1e-12);
  EXPECT_NEAR(metric_at(with, Metric::kRampedCapacity, 0, 3), 1.1, 1e-12);
}

TEST(OrganisationTest, MoreEnablementThanRepsNeverDilutesTheBestSupport) {
  // Two enablement roles, each person supporting 10 reps: "sales_enablement" (uplift 10 %, ramp
  // reduction 50 %) and "coach" (2 %, 10 %). One AE: 20 reps' support for 1 rep. Averaged by
  // reps_supported, one coach would lower what the rep gets to 6 % and 30 % (ramp 2.8 months);
  // the best cover the reps first, so the rep keeps 10 % and 50 %: ramp 2 months, capacity
  // 1.1 x 1/2 after month 1, as with the first person alone.
  ScenarioSpec spec = quiet_scenario(3);
  role(spec, "account_executive").ramp_months = Distribution::constant(4);
  RoleSpec& enablement = role(spec, "sales_enablement");
  enablement.reps_supported = 10;
  enablement.ramp_reduction = 0.5;
  enablement.productivity_uplift = 0.1;
  RoleSpec coach = enablement;
  coach.name = "coach";
  coach.ramp_reduction = 0.1;
  coach.productivity_uplift = 0.02;
  spec.roles.push_back(coach);
  spec.hires = {HireSpec{"account_executive", 1, 1, ""}};
  spec.starting_staff = {StartingStaffSpec{"coach", 1, ""},
                         StartingStaffSpec{"sales_enablement", 1, ""}};
  const Projection p = run(spec, 1);
  EXPECT_NEAR(metric_at(p, Metric::kRampedCapacity, 0, 1), 1.1 * 0.5, 1e-12);
  EXPECT_NEAR(metric_at(p, Metric::kRampedCapacity, 0, 3), 1.1, 1e-12);

  // Two AEs, no ramp reduction; one person supporting 1 rep at 10 % and one supporting 5 at 2 %:
  // 6 reps' support for 2. The first rep gets 10 %, the second 2 %: 6 % each on average (the
  // weighted average would be 0.2 / 6 = 3.3 %). Capacity after month 1: 2 x 1.06 x 1/4.
  enablement.ramp_reduction = 0;
  enablement.reps_supported = 1;
  RoleSpec& second = role(spec, "coach");
  second.ramp_reduction = 0;
  second.reps_supported = 5;
  spec.hires = {HireSpec{"account_executive", 2, 1, ""}};
  const Projection mixed = run(spec, 1);
  EXPECT_NEAR(metric_at(mixed, Metric::kRampedCapacity, 0, 1), 2 * 1.06 * 0.25, 1e-12);
}

TEST(OrganisationTest, RampCurvesHaveTheirShapes) {
  EXPECT_DOUBLE_EQ(ramp_curve_value(RampCurve::kLinear, 0.25), 0.25);
  EXPECT_DOUBLE_EQ(ramp_curve_value(RampCurve::kStep, 0.99), 0.0);
  EXPECT_DOUBLE_EQ(ramp_curve_value(RampCurve::kStep, 1.0), 1.0);
  EXPECT_DOUBLE_EQ(ramp_curve_value(RampCurve::kSCurve, 0.5), 0.5);
  EXPECT_DOUBLE_EQ(ramp_curve_value(RampCurve::kSCurve, 0.25), 0.25 * 0.25 * 2.5);
  EXPECT_DOUBLE_EQ(ramp_curve_value(RampCurve::kSCurve, 2.0), 1.0);
  // In a replication: a 4-month ramp read at month ends 1..4 (x = 0.25, 0.5, 0.75, 1).
  ScenarioSpec spec = quiet_scenario(4);
  role(spec, "account_executive").ramp_months = Distribution::constant(4);
  spec.hires = {HireSpec{"account_executive", 1, 1, ""}};
  for (const RampCurve curve : {RampCurve::kLinear, RampCurve::kStep, RampCurve::kSCurve}) {
    role(spec, "account_executive").ramp_curve = curve;
    const Projection p = run(spec, 1);
    for (Eigen::Index month = 1; month <= 4; ++month) {
      EXPECT_NEAR(metric_at(p, Metric::kRampedCapacity, 0, month),
                  ramp_curve_value(curve, static_cast<double>(month) / 4.0), 1e-12);
    }
  }
}

TEST(OrganisationTest, HireSourcesChangeTimeToFillRampSalaryAndCost) {
  // Time to fill 40 days: an internal transfer (factor 0.5) starts on day 20 (month 1), an
  // external hire on day 40 (month 2). A new graduate (defaults: ramp x1.5, salary x0.7,
  // productivity 0.8, 1,000 per hire) with a 2-month ramp reaches 0.8 x 1/3 after month 1.
  ScenarioSpec spec = quiet_scenario(2);
  RoleSpec& ae = role(spec, "account_executive");
  ae.time_to_fill_days = Distribution::constant(40);
  ae.annual_salary = 73'050;  // 200 per day
  spec.hires = {HireSpec{"account_executive", 1, 1, "", "internal_transfer"},
                HireSpec{"account_executive", 1, 1, "", "experienced_external"}};
  const Projection p = run(spec, 1);
  EXPECT_EQ(headcount(p, "account_executive", 1), 1);
  EXPECT_EQ(headcount(p, "account_executive", 2), 2);

  ScenarioSpec graduate = quiet_scenario(1);
  role(graduate, "account_executive").ramp_months = Distribution::constant(2);
  role(graduate, "account_executive").annual_salary = 73'050;
  graduate.hires = {HireSpec{"account_executive", 1, 1, "", "new_graduate"}};
  const Projection g = run(graduate, 1);
  EXPECT_NEAR(metric_at(g, Metric::kRampedCapacity, 0, 1), 0.8 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(metric_at(g, Metric::kHiringCost, 0, 1), 1'000);
  EXPECT_NEAR(metric_at(g, Metric::kPayroll, 0, 1), 0.7 * 200 * kDaysPerMonth, 1e-6);
}

TEST(OrganisationTest, RecurringRuleHiresOneAePerQuarterUntilMonth12) {
  // Requisitions at the start of months 1, 4, 7 and 10, filled at once.
  ScenarioSpec spec = quiet_scenario(15);
  HiringRuleSpec rule;
  rule.role = "account_executive";
  rule.every_months = 3;
  rule.until_month = 12;
  spec.hiring_rules = {rule};
  const Projection p = run(spec, 1);
  const double expected[] = {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4};
  for (Eigen::Index month = 1; month <= 15; ++month) {
    EXPECT_EQ(headcount(p, "account_executive", month), expected[month - 1]) << month;
  }
}

TEST(OrganisationTest, ConditionalRulesFollowCustomersAndRepsPerManager) {
  // 100 customers, a CSR per 40: floor(100 / 40) = 2 CSRs. 20 reps and one manager, an
  // assistant when a manager has more than 8: ceil(20 / 8) - 1 = 2 assistants.
  ScenarioSpec spec = quiet_scenario(3);
  spec.customers.initial_customers = 100;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 20, ""},
                         StartingStaffSpec{"sales_manager", 1, ""}};
  HiringRuleSpec csr;
  csr.role = "customer_success";
  csr.basis = RuleBasis::kCustomers;
  csr.ratio = 40;
  HiringRuleSpec assistant;
  assistant.role = "assistant_manager";
  assistant.basis = RuleBasis::kRepsPerManagerAbove;
  assistant.ratio = 8;
  spec.hiring_rules = {csr, assistant};
  const Projection p = run(spec, 1);
  for (Eigen::Index month = 1; month <= 3; ++month) {
    EXPECT_EQ(headcount(p, "customer_success", month), 2);
    EXPECT_EQ(headcount(p, "assistant_manager", month), 2);
  }
}

TEST(OrganisationTest, AnSdrHandsItsLeadsToTheAes) {
  // An SDR prospects 12 leads a month and hands them to the one AE: leads are Poisson(12) a
  // month, all become the AE's opportunities, won with probability 0.5 at a constant 1,000.
  ScenarioSpec spec = quiet_scenario(12);
  RoleSpec sdr = default_role(RoleKind::kAccountExecutive, "sdr");
  sdr.hands_off_leads = true;
  sdr.prospecting_leads_per_month = 12;
  sdr.time_to_fill_days = Distribution::constant(0);
  sdr.onboarding_days = Distribution::constant(0);
  sdr.ramp_months = Distribution::constant(0);
  sdr.annual_attrition = 0;
  sdr.annual_quota = 0;
  spec.roles.push_back(sdr);
  spec.starting_staff = {StartingStaffSpec{"sdr", 1, ""},
                         StartingStaffSpec{"account_executive", 1, ""}};
  spec.pipeline.win_rate = Distribution::constant(0.5);
  spec.pipeline.deal_size_acv = Distribution::constant(1000);
  spec.pipeline.sales_cycle_days = Distribution::constant(0);
  const std::size_t reps = 200;
  const Projection p = run(spec, reps);
  const MeanSe leads = history_average(named(p, "leads"), 1, 12);
  EXPECT_NEAR(leads.mean, 12, 4 * leads.se);
  EXPECT_EQ(named(p, "leads"), named(p, "opportunities_opened"));
  const MeanSe bookings = history_average(named(p, "new_bookings"), 1, 12);
  EXPECT_NEAR(bookings.mean, 12 * 0.5 * 1000, 4 * bookings.se);
  // Only the AE is a seller: bookings per AE equal bookings.
  EXPECT_EQ(named(p, "bookings_per_ae"), named(p, "new_bookings"));
}

TEST(OrganisationTest, PerformanceMultiplierScalesWins) {
  // Ten reps of performance 0.5 win with probability 0.4 x 0.5 = 0.2: E[wins] = 30 x 0.2 = 6.
  ScenarioSpec spec = quiet_scenario(12);
  role(spec, "account_executive").performance = Distribution::constant(0.5);
  spec.territories = {TerritorySpec{"all", 30}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 10, ""}};
  spec.pipeline.win_rate = Distribution::constant(0.4);
  spec.pipeline.sales_cycle_days = Distribution::constant(0);
  const Projection p = run(spec, 200);
  const MeanSe wins = history_average(named(p, "deals_won"), 1, 12);
  EXPECT_NEAR(wins.mean, 6, 4 * wins.se);
}

TEST(OrganisationTest, EmployeeRetentionIsOneMinusAnnualAttrition) {
  // 100 people, 30 % annual attrition, no backfill: each of the cohort employed 12 months
  // earlier is still employed with probability 0.7 (the exponential tenure is memoryless), so
  // the share is Binomial(n, 0.7) / n with n = 100 at month 12.
  ScenarioSpec spec = quiet_scenario(24);
  RoleSpec& ae = role(spec, "account_executive");
  ae.annual_attrition = 0.3;
  ae.backfill = false;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 100, ""}};
  const std::size_t reps = 300;
  const Projection p = run(spec, reps);
  const Eigen::MatrixXd& retention = named(p, "employee_retention_t12m");
  EXPECT_NEAR(retention.col(11).mean(), 0.7, 4 * std::sqrt(0.7 * 0.3 / 100 / reps));
  // Before month 12 nobody has been watched for twelve months: undefined in every history.
  EXPECT_TRUE(retention.col(0).array().isNaN().all());
  EXPECT_TRUE(retention.col(5).array().isNaN().all());
  EXPECT_TRUE(retention.col(10).array().isNaN().all());
  EXPECT_NEAR(retention.col(23).mean(), 0.7, 0.03);
}

TEST(OrganisationTest, PerformanceManagementLetsPersistentUnderperformersGo) {
  // A rep who never sells (no leads), quota 12,000, reviewed on 3 months at 50 % with a 2-month
  // plan: ramped from day 0, the month-3 review finds 0 < 0.5 x 3,000 and starts a plan; at the
  // month-5 review the plan's 2 months are still 0 < 0.5 x 2,000, so the rep is let go. The
  // backfill (no delay, instant hire, no ramp) starts selling at the end of month 5 and goes the
  // same way: plans in months 8, 13, 18, exits in months 10, 15, 20.
  ScenarioSpec spec = quiet_scenario(21);
  role(spec, "account_executive").annual_quota = 12'000;
  spec.management.underperformance_threshold = 0.5;
  spec.management.underperformance_months = 3;
  spec.management.improvement_plan_months = 2;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 1, ""}};
  const Projection p = run(spec, 1);
  for (Eigen::Index month = 1; month <= 21; ++month) {
    const bool exit = month % 5 == 0;
    const bool on_plan = month % 5 == 3 || month % 5 == 4;
    EXPECT_EQ(metric_at(p, Metric::kPerformanceExits, 0, month), exit ? 1 : 0) << month;
    EXPECT_EQ(metric_at(p, Metric::kDepartures, 0, month), exit ? 1 : 0) << month;
    EXPECT_EQ(metric_at(p, Metric::kRepsOnPlan, 0, month), on_plan ? 1 : 0) << month;
    EXPECT_EQ(headcount(p, "account_executive", month), exit ? 0 : 1) << month;
    EXPECT_EQ(metric_at(p, Metric::kHires, 0, month), month > 1 && month % 5 == 1 ? 1 : 0) << month;
  }
  // Nobody manages (no manager, the founder's span 0): nobody is reviewed.
  spec.founder.span_of_control = 0;
  const Projection unmanaged = run(spec, 1);
  EXPECT_EQ(named(unmanaged, "performance_exits").sum(), 0);
  EXPECT_EQ(named(unmanaged, "reps_on_plan").sum(), 0);
}

TEST(OrganisationTest, NobodyLeavesTwiceWhenAPerformanceExitComesBeforeTheirAttrition) {
  // 100 reps who never sell, 30 % annual attrition, no backfill, the plan of the test above:
  // everyone still employed at the month-5 review is let go, so every rep leaves exactly once,
  // by attrition (exponential tenure: P(before month 5) = 1 - 0.7^(5/12)) or by the review.
  // A performance exit must cancel the departure drawn at hire, else that person leaves again
  // (and headcount goes negative).
  ScenarioSpec spec = quiet_scenario(24);
  RoleSpec& ae = role(spec, "account_executive");
  ae.annual_quota = 12'000;
  ae.annual_attrition = 0.3;
  ae.backfill = false;
  spec.management.underperformance_threshold = 0.5;
  spec.management.underperformance_months = 3;
  spec.management.improvement_plan_months = 2;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 100, ""}};
  const std::size_t reps = 200;
  const Projection p = run(spec, reps);
  const Eigen::MatrixXd& departures = named(p, "departures");
  for (Eigen::Index r = 0; r < departures.rows(); ++r) {
    ASSERT_EQ(departures.row(r).sum(), 100) << "replication " << r;
  }
  EXPECT_EQ(named(p, "headcount.account_executive").rightCols(19).maxCoeff(), 0);
  const double stay = std::pow(0.7, 5.0 / 12.0);
  EXPECT_NEAR(mean_at(p, Metric::kPerformanceExits, 5), 100 * stay,
              4 * std::sqrt(100 * stay * (1 - stay) / reps));
}

TEST(OrganisationTest, PlansAndExitsFollowThePoissonOddsOfMissingTheThreshold) {
  // 100 reps, each prospecting 10 leads a month and winning each with 0.3 x performance 0.5, so
  // wins are Poisson(1.5) a month at 1,000; quota 36,000 (3,000 a month), threshold 55 %, no
  // attrition or backfill. Month 3 review: on a plan when 3 months' wins are below
  // 0.55 x 9 = 4.95, p1 = P(Poisson(4.5) <= 4). Month 5: let go when the plan's 2 months are
  // below 0.55 x 6 = 3.3 wins, p2 = P(Poisson(3) <= 3), independently of months 1-3; only
  // month-3 plans end in month 5. So E[on plan at 3] = 100 p1 and E[exits in 5] = 100 p1 p2.
  ScenarioSpec spec = quiet_scenario(5);
  RoleSpec& ae = role(spec, "account_executive");
  ae.annual_quota = 36'000;
  ae.prospecting_leads_per_month = 10;
  ae.performance = Distribution::constant(0.5);
  ae.backfill = false;
  spec.pipeline.win_rate = Distribution::constant(0.3);
  spec.pipeline.deal_size_acv = Distribution::constant(1000);
  spec.pipeline.sales_cycle_days = Distribution::constant(0);
  spec.management.underperformance_threshold = 0.55;
  spec.management.underperformance_months = 3;
  spec.management.improvement_plan_months = 2;
  spec.starting_staff = {StartingStaffSpec{"account_executive", 100, ""}};
  const auto poisson_cdf = [](double mean, int k) {
    double pmf = std::exp(-mean), cdf = 0;
    for (int i = 0; i <= k; ++i) {
      cdf += pmf;
      pmf *= mean / (i + 1);
    }
    return cdf;
  };
  const double p1 = poisson_cdf(4.5, 4), p2 = poisson_cdf(3, 3);
  const std::size_t reps = 200;
  const Projection p = run(spec, reps);
  const double on_plan = 100 * p1, exits = 100 * p1 * p2;
  EXPECT_NEAR(mean_at(p, Metric::kRepsOnPlan, 3), on_plan,
              4 * std::sqrt(100 * p1 * (1 - p1) / reps));
  EXPECT_NEAR(mean_at(p, Metric::kPerformanceExits, 5), exits,
              4 * std::sqrt(100 * p1 * p2 * (1 - p1 * p2) / reps));
  EXPECT_EQ(named(p, "performance_exits").leftCols(4).sum(), 0);
  EXPECT_EQ(named(p, "performance_exits"), named(p, "departures"));
}

TEST(OrganisationTest, ADatedHireOpensAfterThePreviousMonthsSnapshot) {
  // `month: 3` opens the requisition at month 3's start, after month 2's snapshot; filled at once,
  // the hire counts in month 3 only.
  ScenarioSpec spec = quiet_scenario(4);
  spec.hires = {HireSpec{"account_executive", 1, 3, ""}};
  const Projection p = run(spec, 1);
  const double hires[] = {0, 0, 1, 0};
  for (Eigen::Index month = 1; month <= 4; ++month) {
    EXPECT_EQ(metric_at(p, Metric::kHires, 0, month), hires[month - 1]) << month;
    EXPECT_EQ(metric_at(p, Metric::kOpenRequisitions, 0, month), 0) << month;
  }
}

TEST(OrganisationTest, AConditionalRuleNeverTakesItsRoleAboveMaxCount) {
  // 1,000 customers and a CSR per 50 up to 20; half the CSRs leave within a year and are
  // backfilled 60 days later. Employed plus requisitions (pending backfills included) never pass
  // 20, so headcount never does, in any month of any history.
  ScenarioSpec spec = quiet_scenario(60);
  spec.customers.initial_customers = 1'000;
  RoleSpec& csr = role(spec, "customer_success");
  csr.annual_attrition = 0.5;
  csr.backfill = true;
  csr.backfill_delay_days = Distribution::constant(60);
  csr.time_to_fill_days = Distribution::constant(30);
  HiringRuleSpec rule;
  rule.role = "customer_success";
  rule.basis = RuleBasis::kCustomers;
  rule.ratio = 50;
  rule.max_count = 20;
  spec.hiring_rules = {rule};
  const Projection p = run(spec, 200);
  EXPECT_LE(named(p, "headcount.customer_success").maxCoeff(), 20);
}

TEST(OrganisationTest, ATraineeWhoLeavesFreesTheTrainerSlotForTheNext) {
  // The founder trains one at a time; two AEs hired on day 0, 60-day onboarding, 99 % annual
  // attrition (hazard l = -ln(0.01) per year). At the end of month 1 (T = 30.4375 days, before
  // the first onboarding ends) the second waits iff both are still there: exp(-2 l T) = 0.4642.
  ScenarioSpec spec = quiet_scenario(1);
  spec.founder.trainees_at_once = 1;
  RoleSpec& ae = role(spec, "account_executive");
  ae.onboarding_days = Distribution::constant(60);
  ae.annual_attrition = 0.99;
  ae.backfill = false;
  spec.hires = {HireSpec{"account_executive", 2, 1, ""}};
  const std::size_t n = 4'000;
  const Projection p = run(spec, n);
  const double expected = std::exp(-2 * -std::log(0.01) / kDaysPerYear * kDaysPerMonth);
  const double se = std::sqrt(expected * (1 - expected) / n);
  EXPECT_NEAR(mean_at(p, Metric::kOnboardingQueue, 1), expected, 4 * se);
}

TEST(OrganisationTest, DatedHiresShowTheirPlannedStartsAndWhoIsLate) {
  // Three AEs to start in month 3 (day 60.875). Time to fill 40 days expected, so the searches
  // open on day 20.875; but the founder runs one search at a time and takes 1.25 x 40 = 50 days:
  // the AEs start on days 70.875 (month 3), 120.875 (month 4) and 170.875 (month 6). Planned:
  // 3 in month 3. Late (not started, planned start more than 30.4375 days before the snapshot):
  // the third at the ends of months 4 (day 121.75) and 5 (day 152.1875).
  ScenarioSpec spec = quiet_scenario(6);
  spec.founder.concurrent_searches = 1;
  spec.founder.time_to_fill_factor = 1.25;
  role(spec, "account_executive").time_to_fill_days = Distribution::constant(40);
  HireSpec hire{"account_executive", 3, 3, ""};
  hire.by_start_month = true;
  spec.hires = {hire};
  const Projection p = run(spec, 1);
  const double planned[] = {0, 0, 3, 0, 0, 0};
  const double hires[] = {0, 0, 1, 1, 0, 1};
  for (Eigen::Index month = 1; month <= 6; ++month) {
    EXPECT_EQ(metric_at(p, Metric::kPlannedStarts, 0, month), planned[month - 1]) << month;
    EXPECT_EQ(metric_at(p, Metric::kHires, 0, month), hires[month - 1]) << month;
  }
  EXPECT_EQ(metric_at(p, Metric::kDatedHiresLate, 0, 4), 1);
  EXPECT_EQ(metric_at(p, Metric::kDatedHiresLate, 0, 5), 1);
  EXPECT_EQ(metric_at(p, Metric::kDatedHiresLate, 0, 6), 0);
}

}  // namespace
}  // namespace teamsim::model
