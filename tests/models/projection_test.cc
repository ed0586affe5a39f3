#include "models/projection.h"

#include <gtest/gtest.h>

#include "models/defaults.h"
#include "test_scenarios.h"
#include "tests/undefined_values.h"

namespace teamsim::model {
namespace {

TEST(ProjectionTest, SampleMemoryIsEightBytesPerReplicationMonthAndMetric) {
  ScenarioSpec spec = default_scenario();
  spec.horizon_months = 120;
  spec.territories.push_back(spec.territories.front());
  spec.territories.back().name = "second";
  ProjectionOptions options;
  options.replications = 2'000'000;
  const SampleMemory all = sample_memory(spec, options);
  // The layout: the fixed metrics, five quota-attainment bands, a headcount, hires so far and
  // searches waited for per role, nine per territory (docs/metrics.md: leads, opportunities,
  // wins, bookings, bookings per rep, reps, accounts available, customers and ARR).
  const std::size_t metrics =
      static_cast<std::size_t>(Metric::kCount) + 5 + 3 * spec.roles.size() + 9 * 2;
  EXPECT_EQ(all.metrics, metrics);
  EXPECT_EQ(all.months, 120u);
  EXPECT_EQ(all.replications, 2'000'000u);
  // Plus the event counts of the four means over events (avg_time_to_hire_days, win_rate,
  // avg_cycle_days, specialist_queue_wait_days: docs/metrics.md) and one 8-byte event count per
  // replication.
  EXPECT_EQ(all.bytes, 8.0 * 2e6 * (120.0 * static_cast<double>(metrics + 4) + 1.0));

  options.metrics.assign(25, 0);
  EXPECT_EQ(sample_memory(spec, options).bytes, 48'016'000'000.0);
}

TEST(ProjectionTest, KeepsOnlyTheChosenMetricsWithTheSameSamples) {
  const ScenarioSpec spec = quiet_scenario(12);
  const Projection full = run(spec, 20);
  ProjectionOptions options;
  options.replications = 20;
  options.seed = 7;
  const std::size_t cash = full.layout.find("cash");
  const std::size_t arr = full.layout.find("arr");
  options.metrics = {cash, arr};
  const Projection some = project(spec, options);
  ASSERT_EQ(some.samples.metrics(), 2u);
  EXPECT_EQ(some.stored, (std::vector<std::size_t>{cash, arr}));
  EXPECT_EQ(some.stored_info(0).name, "cash");
  EXPECT_EQ(some.samples.metric(0), full.samples.metric(cash));
  EXPECT_EQ(*some.find("arr"), full.samples.metric(arr));
  EXPECT_EQ(some.find("mrr"), nullptr);
  EXPECT_EQ(some.find("no_such_metric"), nullptr);
  EXPECT_EQ(some.events, full.events);

  // Metrics whose month-end scans are skipped unless kept, and a mean over events with its
  // weights: the same samples kept alone as among every metric.
  for (const char* name : {"grr_t12m", "quota_attainment_p50", "deferred_revenue", "win_rate"}) {
    options.metrics = {full.layout.find(name)};
    const Projection one = project(spec, options);
    EXPECT_TRUE(testing::same_values(one.samples.metric(0), *full.find(name))) << name;
  }
  const std::size_t win_rate = full.kept_index("win_rate");
  options.metrics = {full.layout.find("win_rate")};
  EXPECT_EQ(project(spec, options).event_counts[0], full.event_counts[win_rate]);

  options.metrics = {full.layout.size()};
  EXPECT_THROW(project(spec, options), std::invalid_argument);
}

// The model is causal: what happens up to month t does not depend on how long the run goes on.
// Every metric of every replication in months 1-24 is the same to the bit with a horizon of 24,
// 25 or 31 months (a column's length changes its alignment in memory, which must not change the
// order of any sum), hires, rules and departures included.
TEST(ProjectionTest, ALongerHorizonLeavesTheMonthsBeforeItUnchanged) {
  ScenarioSpec spec = default_scenario();
  spec.horizon_months = 24;
  StartingStaffSpec two_aes;
  two_aes.role = "account_executive";
  two_aes.count = 2;
  spec.starting_staff = {two_aes};
  HireSpec manager;
  manager.role = "sales_manager";
  manager.month = 2;
  HireSpec more_aes;
  more_aes.role = "account_executive";
  more_aes.count = 2;
  more_aes.month = 5;
  spec.hires = {manager, more_aes};
  HiringRuleSpec every_quarter;
  every_quarter.role = "account_executive";
  every_quarter.every_months = 3;
  spec.hiring_rules = {every_quarter};
  spec.territories.front().accounts = 400;
  const Projection base = run(spec, 12);
  for (const int longer : {25, 31}) {
    spec.horizon_months = longer;
    const Projection extended = run(spec, 12);
    ASSERT_EQ(extended.samples.metrics(), base.samples.metrics());
    for (std::size_t i = 0; i < base.samples.metrics(); ++i) {
      const Eigen::MatrixXd& months = base.samples.metric(i);
      EXPECT_TRUE(testing::same_values(
          extended.samples.metric(i).block(0, 0, months.rows(), months.cols()), months))
          << base.stored_info(i).name << " with a horizon of " << longer;
    }
  }
}

}  // namespace
}  // namespace teamsim::model
