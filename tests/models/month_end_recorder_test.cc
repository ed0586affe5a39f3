// MonthEndRecorder on its own: it writes the month's row from what the components and the tally
// say, and recording changes nothing in the model.
#include "models/month_end_recorder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <span>
#include <vector>

#include "tests/models/component_harness.h"
#include "tests/undefined_values.h"

namespace teamsim::model {
namespace {

/// The components a month-end recorder reads, wired as a replication wires them, with no events
/// run: the test sets their state by hand.
struct RecorderModel {
  explicit RecorderModel(const ScenarioSpec& spec)
      : harness(spec),
        layout(harness.spec),
        accounts(harness.spec.territories),
        segments(harness.spec),
        customers(harness.context, accounts),
        organisation(harness.context, accounts),
        pipeline(harness.context, organisation, customers, accounts, segments) {
    organisation.set_listener(pipeline);
  }
  /// A recorder of replication 0 keeping `kept` (empty: every column).
  MonthEndRecorder recorder(std::span<const std::size_t> kept = {}) {
    return MonthEndRecorder(harness.context, organisation, pipeline, customers, accounts, layout, 0,
                            kept);
  }

  ComponentHarness harness;
  MetricLayout layout;
  AccountPool accounts;
  SegmentMix segments;
  CustomerBase customers;
  Organisation organisation;
  Pipeline pipeline;
};

TEST(MonthEndRecorderTest, RecordsTheTallyAndTheStateAndChangesNothing) {
  ScenarioSpec spec = quiet_scenario(2);
  spec.territories = {TerritorySpec{"all", 0, 10}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 2, ""},
                         StartingStaffSpec{"sales_manager", 1, ""}};
  RecorderModel model(spec);
  ModelContext& context = model.harness.context;
  const MetricLayout& layout = model.layout;
  AccountPool& accounts = model.accounts;
  CustomerBase& customers = model.customers;
  Organisation& organisation = model.organisation;
  organisation.add_starting_staff();
  customers.add(500, context.substream(Stream::kInitialCustomer, 0), 0, kUnassigned);
  accounts.occupy(0);
  context.month.won = 3;
  context.month.lost = 1;
  context.month.bookings = 30'000;
  model.harness.simulator.run_until(kDaysPerMonth, [](const sim::Event&) {});
  customers.close_month(1);

  MonthEndRecorder recorder = model.recorder();
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
  MonthEndRecorder some = model.recorder(kept);
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

TEST(MonthEndRecorderTest, TerritoryCustomersAndArrAreCountedEvenWhenKeptAlone) {
  // Customers of 500 and 300 a month in territory "b" and one of 200 in "a": territory "a" holds
  // 1 customer and 12 x 200 = 2,400 of ARR, "b" 2 and 12 x 800 = 9,600. Kept alone under
  // --metrics, a territory's ARR still needs the scan over customers, and gets the same value.
  ScenarioSpec spec = quiet_scenario(1);
  spec.territories = {TerritorySpec{"a", 0}, TerritorySpec{"b", 0}};
  RecorderModel model(spec);
  ModelContext& context = model.harness.context;
  const MetricLayout& layout = model.layout;
  CustomerBase& customers = model.customers;
  customers.add(500, context.substream(Stream::kInitialCustomer, 0), 1, kUnassigned);
  customers.add(200, context.substream(Stream::kInitialCustomer, 1), 0, kUnassigned);
  customers.add(300, context.substream(Stream::kInitialCustomer, 2), 1, kUnassigned);
  model.harness.simulator.run_until(kDaysPerMonth, [](const sim::Event&) {});
  customers.close_month(1);

  MonthEndRecorder recorder = model.recorder();
  recorder.record(1);
  const auto at = [&](const MonthEndRecorder& r, std::size_t t, TerritoryMetric metric) {
    return r.monthly()(0, static_cast<Eigen::Index>(layout.territory_index(t, metric)));
  };
  EXPECT_EQ(at(recorder, 0, TerritoryMetric::kCustomers), 1);
  EXPECT_EQ(at(recorder, 0, TerritoryMetric::kArr), 2'400);
  EXPECT_EQ(at(recorder, 1, TerritoryMetric::kCustomers), 2);
  EXPECT_EQ(at(recorder, 1, TerritoryMetric::kArr), 9'600);

  const std::vector<std::size_t> kept = {layout.territory_index(1, TerritoryMetric::kArr)};
  MonthEndRecorder some = model.recorder(kept);
  some.record(1);
  EXPECT_EQ(at(some, 1, TerritoryMetric::kArr), 9'600);
}

}  // namespace
}  // namespace teamsim::model
