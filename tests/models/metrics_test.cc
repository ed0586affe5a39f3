#include "models/metrics.h"

#include <gtest/gtest.h>

#include <limits>
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

TEST(FiniteMetricsTest, NamesTheFirstNonFiniteMetricAndItsMonth) {
  const MetricLayout layout(default_scenario());
  Eigen::RowVectorXd row = Eigen::RowVectorXd::Zero(static_cast<Eigen::Index>(layout.size()));
  EXPECT_EQ(non_finite_metric(layout, row, 3), std::nullopt);

  const auto column = [](Metric metric) {
    return static_cast<Eigen::Index>(MetricLayout::index(metric));
  };
  row(column(Metric::kCacPaybackMonths)) = std::numeric_limits<double>::infinity();
  EXPECT_EQ(non_finite_metric(layout, row, 7),
            "metric 'cac_payback_months' is +infinity at month 7");
  row(column(Metric::kCac)) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(non_finite_metric(layout, row, 7), "metric 'cac' is NaN at month 7");
  row = Eigen::RowVectorXd::Zero(row.size());
  row(static_cast<Eigen::Index>(layout.headcount_index(0))) =
      -std::numeric_limits<double>::infinity();
  EXPECT_EQ(non_finite_metric(layout, row, 12),
            "metric 'headcount.account_executive' is -infinity at month 12");
}

TEST(FiniteMetricsDeathTest, AssertAbortsNamingMetricMonthAndReplication) {
  const MetricLayout layout(default_scenario());
  Eigen::RowVectorXd row = Eigen::RowVectorXd::Zero(static_cast<Eigen::Index>(layout.size()));
  assert_finite_metrics(layout, row, 1, 0);  // all finite: returns
  row(static_cast<Eigen::Index>(MetricLayout::index(Metric::kWinRate))) =
      std::numeric_limits<double>::quiet_NaN();
  EXPECT_DEATH(assert_finite_metrics(layout, row, 5, 42),
               "internal error: metric 'win_rate' is NaN at month 5 in replication 42");
}

}  // namespace
}  // namespace teamsim::model
