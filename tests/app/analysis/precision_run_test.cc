#include "app/analysis/precision_run.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "app/analysis/run_summary.h"
#include "app/results/summary_writer.h"
#include "app/scenario/scenario_resolver.h"
#include "tests/undefined_values.h"

namespace teamsim::app {
namespace {

constexpr const char* kPlan =
    "horizon_months: 12\n"
    "customers: {initial: 10}\n"
    "hires: [{role: account_executive, count: 2, month: 1}]\n";

model::ScenarioSpec load() {
  LoadResult loaded = resolve_scenario_string(kPlan, "plan.yaml", {});
  EXPECT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  return loaded.spec.value_or(model::ScenarioSpec{});
}

PrecisionTarget target_for(const model::ScenarioSpec& spec, double fraction, std::size_t first,
                           std::size_t cap) {
  return {choose_metric(model::MetricLayout(spec), spec.horizon_months, "arr", std::nullopt),
          fraction, first, cap};
}

model::ProjectionOptions options() {
  model::ProjectionOptions o;
  o.seed = 9;
  o.threads = 2;
  return o;
}

TEST(PrecisionRun, ParsesPercentagesAndFractions) {
  EXPECT_DOUBLE_EQ(*parse_precision("1%"), 0.01);
  EXPECT_DOUBLE_EQ(*parse_precision("0.5%"), 0.005);
  EXPECT_DOUBLE_EQ(*parse_precision("0.02"), 0.02);
  for (const char* bad : {"0", "0%", "100%", "1", "-1%", "abc", "", "%", "1 %", "1%%"}) {
    EXPECT_FALSE(parse_precision(bad)) << bad;
  }
}

TEST(PrecisionRun, PrecisionOfASample) {
  // 1, 2, 3, 4: mean 2.5, sd sqrt(5/3), se sd / 2.
  Eigen::VectorXd values(4);
  values << 1, 2, 3, 4;
  const Precision p = precision_of(values);
  EXPECT_DOUBLE_EQ(p.mean, 2.5);
  EXPECT_NEAR(p.half_width, 1.96 * std::sqrt(5.0 / 3.0) / 2, 1e-12);
  EXPECT_NEAR(p.relative, p.half_width / 2.5, 1e-12);
  EXPECT_EQ(precision_of(Eigen::VectorXd::Constant(5, 7.0)).relative, 0);  // known exactly
  Eigen::VectorXd centred(2);
  centred << -1, 1;
  EXPECT_TRUE(std::isinf(precision_of(centred).relative));  // mean 0: no relative precision
}

TEST(PrecisionRun, PrecisionOfAMeanPerEvent) {
  // Monthly mean waits 2 and 4 over 1 and 3 events, and a history without an event (NaN):
  // weighted mean 3.5 with the ratio estimator's se 0.75 (tests/sim/statistics_test.cc).
  Eigen::VectorXd waits(3), events(3);
  waits << 2, 4, std::numeric_limits<double>::quiet_NaN();
  events << 1, 3, 0;
  const Precision p = precision_of(waits, &events);
  EXPECT_DOUBLE_EQ(p.mean, 3.5);
  EXPECT_DOUBLE_EQ(p.half_width, 1.96 * 0.75);
  // Undefined in every history: no precision can be claimed.
  const Eigen::VectorXd none =
      Eigen::VectorXd::Constant(3, std::numeric_limits<double>::quiet_NaN());
  EXPECT_TRUE(std::isinf(precision_of(none).relative));
}

TEST(PrecisionRun, NextBatchFollowsTheSquareRootLaw) {
  const model::ScenarioSpec spec = load();
  const PrecisionTarget t = target_for(spec, 0.01, 200, 20'000);
  // 1.5 times the wanted half-width needs 2.25 times the replications, plus 10 %: 495 -> 500.
  EXPECT_EQ(next_replication_total(200, 0.015, t), 500u);
  // Far off: at most four times as many per step.
  EXPECT_EQ(next_replication_total(200, 0.1, t), 800u);
  // Nearly there: still at least one more first batch.
  EXPECT_EQ(next_replication_total(200, 0.0101, t), 400u);
  // Never past the cap; a mean of 0 grows fourfold.
  EXPECT_EQ(next_replication_total(15'000, 0.02, t), 20'000u);
  EXPECT_EQ(next_replication_total(300, INFINITY, t), 1200u);
}

TEST(PrecisionRun, ResultIsExactlyTheFixedRunWithTheFinalCount) {
  const model::ScenarioSpec spec = load();
  PrecisionReport report;
  const model::Projection batched =
      project_to_precision(spec, options(), target_for(spec, 0.03, 50, 5000), report);
  ASSERT_TRUE(report.reached);
  EXPECT_GT(report.batches, 1u);  // the test is about batches
  EXPECT_LE(report.achieved.relative, 0.03);
  model::ProjectionOptions fixed = options();
  fixed.replications = report.replications;
  const model::Projection single = model::project(spec, fixed);
  ASSERT_EQ(batched.samples.replications(), report.replications);
  for (std::size_t m = 0; m < single.layout.size(); ++m) {
    ASSERT_TRUE(testing::same_values(batched.samples.metric(m), single.samples.metric(m)))
        << single.layout.info(m).name;
  }
  EXPECT_EQ(batched.events, single.events);
  // So the files are the same bytes.
  const RunSummary a = summarize_run(spec, batched, 9), b = summarize_run(spec, single, 9);
  EXPECT_EQ(summary_csv(a), summary_csv(b));
  EXPECT_EQ(summary_json(a, spec), summary_json(b, spec));
}

TEST(PrecisionRun, StopsAtTheCap) {
  const model::ScenarioSpec spec = load();
  PrecisionReport report;
  std::size_t calls = 0;
  const model::Projection p =
      project_to_precision(spec, options(), target_for(spec, 1e-6, 40, 130), report,
                           [&](const PrecisionReport&) { ++calls; });
  EXPECT_FALSE(report.reached);
  EXPECT_EQ(report.replications, 130u);
  EXPECT_EQ(p.samples.replications(), 130u);
  EXPECT_EQ(calls, report.batches);
}

}  // namespace
}  // namespace teamsim::app
