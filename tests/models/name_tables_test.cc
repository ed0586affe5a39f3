#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "models/defaults.h"
#include "models/scenario_spec.h"

// The tables of names in models/scenario_spec.h: every enum value has exactly one entry and its
// name parses back to it. Each all_*() below lists the enum's values in a switch, so that adding a
// value without updating this test fails to compile (-Wswitch with -Werror).

namespace teamsim::model {
namespace {

template <class Enum, class Table>
void expect_round_trip(const std::vector<Enum>& values, const Table& table) {
  ASSERT_EQ(values.size(), std::size(table));
  std::set<std::string_view> names;
  for (const Enum value : values) {
    const std::string_view name = name_of(value);
    ASSERT_FALSE(name.empty()) << static_cast<int>(value);
    EXPECT_TRUE(names.insert(name).second) << name << " is named twice";
    EXPECT_EQ(sim::parse_in(table, name), value) << name;
    EXPECT_FALSE(sim::entry_of(table, value)->description.empty()) << name;
  }
  EXPECT_EQ(sim::parse_in(table, "no such name"), std::nullopt);
}

template <class Enum, class Classify>
std::vector<Enum> values_while(Classify known) {
  std::vector<Enum> values;
  for (int i = 0; known(static_cast<Enum>(i)); ++i) values.push_back(static_cast<Enum>(i));
  return values;
}

TEST(NameTables, RampCurves) {
  const auto values = values_while<RampCurve>([](RampCurve c) {
    switch (c) {
      case RampCurve::kLinear:
      case RampCurve::kStep:
      case RampCurve::kSCurve:
        return true;
    }
    return false;
  });
  expect_round_trip(values, kRampCurves);
  EXPECT_EQ(name_of(RampCurve::kSCurve), "s_curve");
}

TEST(NameTables, RuleBases) {
  const auto values = values_while<RuleBasis>([](RuleBasis b) {
    switch (b) {
      case RuleBasis::kNone:
      case RuleBasis::kCustomers:
      case RuleBasis::kReps:
      case RuleBasis::kRepsPerManagerAbove:
        return true;
    }
    return false;
  });
  expect_round_trip(values, kRuleBases);
  EXPECT_EQ(name_of(RuleBasis::kNone), "every_months");
  EXPECT_EQ(name_of(RuleBasis::kRepsPerManagerAbove), "when_reps_per_manager_above");
  for (const RuleBasisEntry& basis : kRuleBases) {
    if (basis.value == RuleBasis::kNone) continue;
    EXPECT_GT(basis.min_ratio, 0) << basis.name;
    EXPECT_FALSE(basis.min_ratio_why.empty()) << basis.name;
  }
}

TEST(NameTables, AnnualBillings) {
  const auto values = values_while<AnnualBilling>([](AnnualBilling b) {
    switch (b) {
      case AnnualBilling::kMonthly:
      case AnnualBilling::kUpfront:
        return true;
    }
    return false;
  });
  expect_round_trip(values, kAnnualBillings);
  EXPECT_EQ(name_of(AnnualBilling::kUpfront), "upfront");
}

TEST(NameTables, SalesMotions) {
  const auto values = values_while<SalesMotion>([](SalesMotion m) {
    switch (m) {
      case SalesMotion::kTransactional:
      case SalesMotion::kRelationship:
        return true;
    }
    return false;
  });
  expect_round_trip(values, kSalesMotions);
}

TEST(NameTables, RoleKindsNameTheBuiltInRoles) {
  const auto values = values_while<RoleKind>([](RoleKind k) {
    switch (k) {
      case RoleKind::kAccountExecutive:
      case RoleKind::kSalesManager:
      case RoleKind::kAssistantManager:
      case RoleKind::kCustomerSuccess:
      case RoleKind::kSpecialist:
      case RoleKind::kSalesOperations:
      case RoleKind::kSalesEnablement:
        return true;
    }
    return false;
  });
  expect_round_trip(values, kRoleKinds);
  EXPECT_EQ(name_of(RoleKind::kSpecialist), "sales_specialist");
  const std::vector<RoleSpec> roles = default_roles();
  ASSERT_EQ(roles.size(), values.size());
  for (std::size_t i = 0; i < roles.size(); ++i) {
    EXPECT_EQ(roles[i].kind, values[i]);
    EXPECT_EQ(roles[i].name, name_of(values[i]));
  }
}

}  // namespace
}  // namespace teamsim::model
