#include "models/metrics.h"

#include <gtest/gtest.h>

#include <limits>
#include <set>
#include <string>

#include "models/defaults.h"

namespace teamsim::model {
namespace {

TEST(MetricLayoutTest, FixedMetricsThenOneHeadcountPerRoleThenTerritories) {
  // The seven built-in roles plus "sdr": a headcount each, then hired_to_date and
  // recruiting_queue each, then nine metrics for the one territory "all", ending with its
  // customers and ARR.
  ScenarioSpec spec = default_scenario();
  spec.roles.push_back(default_role(RoleKind::kAccountExecutive, "sdr"));
  const MetricLayout layout(spec);
  ASSERT_EQ(layout.size(), static_cast<std::size_t>(Metric::kCount) + 5 + 3 * 8 + 9);
  EXPECT_EQ(layout.info(MetricLayout::index(Metric::kArr)).name, "arr");
  EXPECT_EQ(layout.info(MetricLayout::index(Metric::kCash)).name, "cash");
  EXPECT_EQ(layout.info(MetricLayout::index(Metric::kCashEverNegative)).name, "cash_ever_negative");
  EXPECT_EQ(layout.info(MetricLayout::quota_band_index(QuotaBand::kBelow50)).name,
            "quota_attainment.below_50");
  EXPECT_EQ(layout.info(MetricLayout::quota_band_index(QuotaBand::k120Plus)).name,
            "quota_attainment.120_plus");
  EXPECT_EQ(layout.info(MetricLayout::quota_band_index(QuotaBand::k100To120)).description,
            "Ramped account executives with a quota attainment from 100% to below 120% of quota");
  EXPECT_EQ(layout.info(layout.headcount_index(7)).name, "headcount.sdr");
  EXPECT_EQ(layout.info(layout.role_index(0, RoleMetric::kHiredToDate)).name,
            "hired_to_date.account_executive");
  EXPECT_EQ(layout.info(layout.role_index(7, RoleMetric::kRecruitingQueue)).name,
            "recruiting_queue.sdr");
  EXPECT_EQ(layout.info(layout.territory_index(0, TerritoryMetric::kBookingsPerRep)).name,
            "territory.all.bookings_per_rep");
  EXPECT_EQ(layout.info(layout.territory_index(0, TerritoryMetric::kCustomers)).name,
            "territory.all.customers");
  EXPECT_EQ(layout.info(layout.territory_index(0, TerritoryMetric::kArr)).name,
            "territory.all.arr");
  EXPECT_EQ(layout.info(layout.territory_index(0, TerritoryMetric::kArr)).unit, "currency");
  EXPECT_EQ(layout.territory_index(0, TerritoryMetric::kArr) + 1, layout.size());
  EXPECT_EQ(layout.find("headcount.account_executive"), layout.headcount_index(0));
  EXPECT_EQ(layout.find("no_such_metric"), layout.size());
}

TEST(MetricLayoutTest, TheRetentionRatiosAreDefinedFromMonth12AndEveryOtherMetricFromMonth1) {
  // The four ratios over the cohort of 12 months earlier have no cohort before month 12
  // (docs/metrics.md, Undefined ratios); models/metrics.def says so, and nothing else does.
  const std::set<std::string> from_month_12 = {"employee_retention_t12m", "grr_t12m", "nrr_t12m",
                                               "logo_retention_t12m"};
  ScenarioSpec spec = default_scenario();
  const MetricLayout layout(spec);
  for (const MetricInfo& info : layout.infos()) {
    const bool later = from_month_12.count(info.name) > 0;
    EXPECT_EQ(info.defined_from_month, later ? 12 : 1) << info.name;
    if (later) {
      EXPECT_TRUE(info.can_be_undefined) << info.name;
    }
    EXPECT_EQ(defined_from_month(info.name), info.defined_from_month) << info.name;
  }
  EXPECT_EQ(defined_from_month("no_such_metric"), 1);
}

TEST(MetricLayoutTest, SharesAreTheRatiosThatNeverExceedOne) {
  // docs/metrics.md: a win rate, a retention of logos, people or MRR without expansion, the
  // share of AEs at quota, min(1, span / reps) and a 0/1 indicator are at most 1; attainment and
  // NRR are ratios that pass it.
  const std::set<std::string> shares = {
      "cash_ever_negative",      "win_rate", "share_at_quota",     "management_coverage",
      "employee_retention_t12m", "grr_t12m", "logo_retention_t12m"};
  const MetricLayout layout(default_scenario());
  for (const MetricInfo& info : layout.infos()) {
    EXPECT_EQ(info.share, shares.count(info.name) > 0) << info.name;
    if (info.share) {
      EXPECT_EQ(info.unit, "ratio") << info.name;
    }
  }
}

TEST(QuotaBandTest, EdgesBelongToTheBandAbove) {
  EXPECT_EQ(quota_band(0), QuotaBand::kBelow50);
  EXPECT_EQ(quota_band(0.4999), QuotaBand::kBelow50);
  EXPECT_EQ(quota_band(0.5), QuotaBand::k50To80);
  EXPECT_EQ(quota_band(0.79), QuotaBand::k50To80);
  EXPECT_EQ(quota_band(0.8), QuotaBand::k80To100);
  EXPECT_EQ(quota_band(0.999), QuotaBand::k80To100);
  EXPECT_EQ(quota_band(1.0), QuotaBand::k100To120);
  // Rounding just below quota is on quota, as for share_at_quota.
  EXPECT_EQ(quota_band(1.0 - 1e-13), QuotaBand::k100To120);
  EXPECT_LT(0.3 / (0.1 + 0.2), 1.0);
  EXPECT_EQ(quota_band(0.3 / (0.1 + 0.2)), QuotaBand::k100To120);
  EXPECT_EQ(quota_band(1.1999), QuotaBand::k100To120);
  EXPECT_EQ(quota_band(1.2), QuotaBand::k120Plus);
  EXPECT_EQ(quota_band(7.5), QuotaBand::k120Plus);
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
  // NaN is how a ratio says "undefined" (cac with no deal won): allowed there, named elsewhere.
  row(column(Metric::kCac)) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(non_finite_metric(layout, row, 7), std::nullopt);
  row(column(Metric::kCacPaybackMonths)) = std::numeric_limits<double>::infinity();
  EXPECT_EQ(non_finite_metric(layout, row, 7),
            "metric 'cac_payback_months' is +infinity at month 7");
  row(column(Metric::kArr)) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(non_finite_metric(layout, row, 7), "metric 'arr' is NaN at month 7");
  row(column(Metric::kArr)) = 0;
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
  assert_finite_metrics(layout, row, 1, 0);  // an undefined win rate: no deal closed
  row(static_cast<Eigen::Index>(MetricLayout::index(Metric::kWinRate))) =
      std::numeric_limits<double>::infinity();
  EXPECT_DEATH(assert_finite_metrics(layout, row, 5, 42),
               "internal error: metric 'win_rate' is \\+infinity at month 5 in replication 42");
}

}  // namespace
}  // namespace teamsim::model
