#include "app/scenario/organisation_readers.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "tests/app/scenario/section_test_util.h"

// The organisation's sections read alone into a default scenario: roles, hires, hiring rules and
// the limit on planned people. (scenario_loader_organisation_test.cc reads them in whole files.)

namespace teamsim::app::loader {
namespace {

using Errors = std::vector<std::string>;

class OrganisationReadersTest : public SectionTest {};

TEST_F(OrganisationReadersTest, ANewRoleNeedsAKindAndIsReadAsAnAccountExecutiveWithoutOne) {
  read_roles(section("roles:\n"
                     "  closer:\n"
                     "    annual_salary: 90_000\n",
                     "roles"),
             spec_, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:3:5: roles.closer: missing required key 'kind'"});
  const model::RoleSpec* closer = spec_.find_role("closer");
  ASSERT_NE(closer, nullptr);
  EXPECT_EQ(closer->kind, model::RoleKind::kAccountExecutive);
  EXPECT_EQ(closer->annual_salary, 90'000);
}

TEST_F(OrganisationReadersTest, ANewRoleWithoutAKindNamedLikeABuiltInOneGetsADidYouMean) {
  read_roles(section("roles:\n"
                     "  sales_mgr:\n"
                     "    annual_salary: 150_000\n",
                     "roles"),
             spec_, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:3:5: roles.sales_mgr: missing required key 'kind': a new "
                             "role needs one; or did you mean the built-in role 'sales_manager'?"});
}

TEST_F(OrganisationReadersTest, ABuiltInRoleKeepsItsKind) {
  read_roles(section("roles:\n"
                     "  account_executive:\n"
                     "    kind: sales_manager\n",
                     "roles"),
             spec_, sink_);
  EXPECT_EQ(errors(),
            Errors{"s.yaml:3:11: roles.account_executive.kind: the built-in role "
                   "'account_executive' is of kind account_executive; give a role of kind "
                   "sales_manager another name"});
}

TEST_F(OrganisationReadersTest, AKeyOfAnotherKindIsAnError) {
  read_roles(section("roles:\n"
                     "  sales_manager:\n"
                     "    annual_quota: 500_000\n",
                     "roles"),
             spec_, sink_);
  EXPECT_EQ(errors(),
            Errors{"s.yaml:3:19: roles.sales_manager.annual_quota: applies only to "
                   "roles of kind account_executive, and this role is of kind sales_manager"});
}

TEST_F(OrganisationReadersTest, OnTargetEarningsFollowTheSalaryUnlessGiven) {
  read_roles(section("roles:\n"
                     "  account_executive:\n"
                     "    annual_salary: 100_000\n",
                     "roles"),
             spec_, sink_);
  EXPECT_EQ(errors(), Errors{});
  EXPECT_EQ(spec_.find_role("account_executive")->on_target_earnings, 200'000);

  read_roles(section("roles:\n"
                     "  account_executive:\n"
                     "    annual_salary: 100_000\n"
                     "    on_target_earnings: 90_000\n",
                     "roles"),
             spec_, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:4:25: roles.account_executive.on_target_earnings: must be at "
                             "least annual_salary (100000), got 90000"});
}

TEST_F(OrganisationReadersTest, AHireMonthMustFallWithinTheHorizonWhenItIsKnown) {
  spec_.horizon_months = 24;
  const std::string yaml = "hires:\n  - {role: account_executive, count: 2, month: 30}\n";
  std::int64_t planned = 0;
  read_hires(section(yaml, "hires"), spec_, true, planned, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:2:48: hires[0].month: must be between 1 and 24 "
                             "(horizon_months), got 30"});
  // An invalid horizon was reported already: only the longest horizon bounds the month.
  spec_.hires.clear();
  planned = 0;
  read_hires(section(yaml, "hires"), spec_, false, planned, sink_);
  EXPECT_EQ(errors(), Errors{});
  ASSERT_EQ(spec_.hires.size(), 1u);
  EXPECT_EQ(spec_.hires[0].month, 30);
  EXPECT_EQ(planned, 2);
}

TEST_F(OrganisationReadersTest, AMonthBeforeTheFirstWithTheHorizonRefusedNamesTheLongestHorizon) {
  // With horizon_months refused, a hire at month 0 said "must be between 1 and 600
  // (horizon_months)": 600 is teamsim's longest horizon, not the plan's.
  const std::string yaml = "hires:\n  - {role: account_executive, month: 0}\n";
  std::int64_t planned = 0;
  read_hires(section(yaml, "hires"), spec_, false, planned, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:2:38: hires[0].month: must be between 1 and 600 (the longest "
                             "horizon; horizon_months is invalid), got 0"});
  read_hiring_rules(section("hiring_rules:\n  - {role: account_executive, every_months: 3, "
                            "from_month: 0}\n",
                            "hiring_rules"),
                    spec_, false, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:2:60: hiring_rules[0].from_month: must be between 1 and 600 "
                             "(the longest horizon; horizon_months is invalid), got 0"});
}

TEST_F(OrganisationReadersTest, AnUnknownRoleIsSuggestedFromTheDefinedOnes) {
  std::int64_t planned = 0;
  read_starting_staff(
      section("starting_staff:\n  - {role: account_exec, count: 1}\n", "starting_staff"), spec_,
      planned, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:2:12: starting_staff[0].role: unknown role 'account_exec'; "
                             "did you mean 'account_executive'?"});
}

TEST_F(OrganisationReadersTest, StaffAndHiresTogetherMayNotPassThePlannedPeopleLimit) {
  std::int64_t planned = 0;
  read_starting_staff(
      section("starting_staff:\n  - {role: account_executive, count: 100_000}\n", "starting_staff"),
      spec_, planned, sink_);
  EXPECT_EQ(errors(), Errors{});
  read_hires(section("hires:\n  - {role: account_executive, count: 1, month: 2}\n", "hires"), spec_,
             true, planned, sink_);
  EXPECT_EQ(planned, 100'001);
  EXPECT_EQ(errors(), Errors{"s.yaml:2:38: hires[0].count: starting_staff and hires reach 100001 "
                             "people with this entry, more than the limit of 100000 (a limit that "
                             "keeps a replication from running for minutes; see \"Limits\" in "
                             "docs/scenario-reference.md)"});
}

TEST_F(OrganisationReadersTest, AHiringRuleTakesExactlyOneBasis) {
  read_hiring_rules(
      section("hiring_rules:\n  - {role: account_executive, count: 1}\n", "hiring_rules"), spec_,
      true, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:2:5: hiring_rules[0]: give exactly one of every_months, "
                             "per_customers, per_reps or when_reps_per_manager_above"});
  spec_.hiring_rules.clear();
  read_hiring_rules(section("hiring_rules:\n  - {role: account_executive, count: 1, per_reps: 4}\n",
                            "hiring_rules"),
                    spec_, true, sink_);
  EXPECT_EQ(errors(), Errors{});
  ASSERT_EQ(spec_.hiring_rules.size(), 1u);
  EXPECT_EQ(spec_.hiring_rules[0].basis, model::RuleBasis::kReps);
  EXPECT_EQ(spec_.hiring_rules[0].ratio, 4);
}

}  // namespace
}  // namespace teamsim::app::loader
