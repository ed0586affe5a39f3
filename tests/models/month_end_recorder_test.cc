// MonthEndRecorder on its own: it writes the month's row from what the components and the tally
// say, and recording changes nothing in the model.
#include "models/month_end_recorder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "tests/models/component_harness.h"
#include "tests/undefined_values.h"

namespace teamsim::model {
namespace {

TEST(MonthEndRecorderTest, RecordsTheTallyAndTheStateAndChangesNothing) {
  ScenarioSpec spec = quiet_scenario(2);
  spec.territories = {TerritorySpec{"all", 0, 10}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 2, ""},
                         StartingStaffSpec{"sales_manager", 1, ""}};
  ComponentHarness harness(spec);
  ModelContext& context = harness.context;
  const MetricLayout layout(harness.spec);
  AccountPool accounts(harness.spec.territories);
  SegmentMix segments(harness.spec);
  CustomerBase customers(context, accounts);
  Organisation organisation(context, accounts);
  Pipeline pipeline(context, organisation, customers, accounts, segments);
  organisation.set_listener(pipeline);
  organisation.add_starting_staff();
  customers.add(500, context.substream(Stream::kInitialCustomer, 0), kUnassigned, kUnassigned);
  accounts.occupy(0);
  context.month.won = 3;
  context.month.lost = 1;
  context.month.bookings = 30'000;
  harness.simulator.run_until(kDaysPerMonth, [](const sim::Event&) {});
  customers.close_month(1);

  MonthEndRecorder recorder(context, organisation, pipeline, customers, accounts, layout, 0);
  recorder.record(1);
  const auto value = [&](Metric metric) {
    return recorder.monthly()(0, static_cast<Eigen::Index>(MetricLayout::index(metric)));
  };
  EXPECT_EQ(value(Metric::kHeadcountTotal), 3);
  EXPECT_EQ(value(Metric::kCustomers), 1);
  EXPECT_EQ(value(Metric::kMrr), 500);
  EXPECT_EQ(value(Metric::kWinRate), 0.75);
  EXPECT_EQ(value(Metric::kBookingsPerAe), 15'000);
  EXPECT_EQ(value(Metric::kManagementCoverage), 1.0);
  EXPECT_EQ(recorder.monthly()(0, static_cast<Eigen::Index>(layout.territory_index(
                                      0, TerritoryMetric::kAccountsAvailable))),
            9);
  // Recording again gives the same row: nothing it read has moved.
  const Eigen::RowVectorXd first = recorder.monthly().row(0);
  recorder.record(1);
  EXPECT_TRUE(testing::same_values(first, recorder.monthly().row(0)));
  EXPECT_EQ(customers.mrr(), 500);
  EXPECT_EQ(organisation.sellers(), 2);

  // Keeping only ARR and the win rate: the same values for them, and the scans over customers
  // and people for retention and quota attainment are not made (their columns stay 0).
  const std::vector<std::size_t> kept = {MetricLayout::index(Metric::kArr),
                                         MetricLayout::index(Metric::kWinRate)};
  MonthEndRecorder some(context, organisation, pipeline, customers, accounts, layout, 0, kept);
  some.record(1);
  const auto kept_value = [&](Metric metric) {
    return some.monthly()(0, static_cast<Eigen::Index>(MetricLayout::index(metric)));
  };
  EXPECT_EQ(kept_value(Metric::kArr), value(Metric::kArr));
  EXPECT_EQ(kept_value(Metric::kWinRate), value(Metric::kWinRate));
  // The retention scan writes month 1's trailing-twelve-month retention as undefined (no month
  // 12 months earlier); not made, its column stays 0.
  EXPECT_TRUE(std::isnan(value(Metric::kLogoRetentionT12m)));
  EXPECT_EQ(kept_value(Metric::kLogoRetentionT12m), 0.0);
  EXPECT_EQ(value(Metric::kRepsOnPlan), 0.0);
  EXPECT_EQ(value(Metric::kCoveredCustomers), 0.0);
}

}  // namespace
}  // namespace teamsim::model
