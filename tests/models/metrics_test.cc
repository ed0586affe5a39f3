#include "models/metrics.h"

#include <gtest/gtest.h>

#include <set>

#include "models/defaults.h"

namespace teamsim::model {
namespace {

TEST(MetricLayoutTest, FixedMetricsThenOneHeadcountPerRoleThenTerritories) {
  // The seven built-in roles plus "sdr", then seven metrics for the one territory "all".
  ScenarioSpec spec = default_scenario();
  spec.roles.push_back(default_role(RoleKind::kAccountExecutive, "sdr"));
  const MetricLayout layout(spec);
  ASSERT_EQ(layout.size(), static_cast<std::size_t>(Metric::kCount) + 8 + 7);
  EXPECT_EQ(layout.info(MetricLayout::index(Metric::kArr)).name, "arr");
  EXPECT_EQ(layout.info(MetricLayout::index(Metric::kCash)).name, "cash");
  EXPECT_EQ(layout.info(MetricLayout::index(Metric::kCashEverNegative)).name, "cash_ever_negative");
  EXPECT_EQ(layout.info(layout.headcount_index(7)).name, "headcount.sdr");
  EXPECT_EQ(layout.info(layout.territory_index(0, TerritoryMetric::kBookingsPerRep)).name,
            "territory.all.bookings_per_rep");
  EXPECT_EQ(layout.find("headcount.account_executive"), layout.headcount_index(0));
  EXPECT_EQ(layout.find("no_such_metric"), layout.size());
}

TEST(MetricLayoutTest, NamesAreUniqueAndDescribed) {
  const MetricLayout layout(default_scenario());
  std::set<std::string> names;
  for (const MetricInfo& info : layout.infos()) {
    EXPECT_TRUE(names.insert(info.name).second) << info.name;
    EXPECT_FALSE(info.description.empty()) << info.name;
    EXPECT_FALSE(info.unit.empty()) << info.name;
  }
}

}  // namespace
}  // namespace teamsim::model
