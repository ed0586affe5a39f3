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
  // searches waited for per role, seven per territory (docs/metrics.md).
  const std::size_t metrics =
      static_cast<std::size_t>(Metric::kCount) + 5 + 3 * spec.roles.size() + 7 * 2;
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

}  // namespace
}  // namespace teamsim::model
