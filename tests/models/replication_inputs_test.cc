#include "models/replication_inputs.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <vector>

#include "models/projection.h"
#include "models/uncertain_inputs.h"
#include "test_scenarios.h"

namespace teamsim::model {
namespace {

// Sets the first territory's inbound lead rate and the other monthly costs to the drawn values (as
// the loader's respecifier does for the keys written with per: replication).
class FakeRespecifier : public ScenarioRespecifier {
 public:
  explicit FakeRespecifier(ScenarioSpec base) : base_(std::move(base)) {}
  ScenarioSpec respecify(const std::vector<double>& values) const override {
    ScenarioSpec spec = base_;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (spec.replication_inputs[i].key_path == "territories.all.inbound_leads_per_month") {
        spec.territories[0].inbound_leads_per_month = values[i];
      } else {
        spec.money.other_monthly_costs = values[i];
      }
    }
    spec.replication_inputs.clear();
    spec.respecifier.reset();
    return spec;
  }

 private:
  ScenarioSpec base_;
};

ReplicationInput uniform_input(const std::string& key_path, double min, double max) {
  return {key_path, Distribution::uniform(min, max), min, max};
}

// Leads somewhere between 10 and 20 a month, the same all run long.
ScenarioSpec uncertain_leads(int horizon_months) {
  ScenarioSpec spec = quiet_scenario(horizon_months);
  spec.territories[0].inbound_leads_per_month = 15;
  spec.replication_inputs = {uniform_input("territories.all.inbound_leads_per_month", 10, 20)};
  spec.respecifier = std::make_shared<FakeRespecifier>(spec);
  return spec;
}

TEST(ReplicationInputs, DrawIsAPureFunctionOfSeedReplicationAndKeyPath) {
  const ReplicationInput input = uniform_input("territories.all.inbound_leads_per_month", 10, 20);
  const double first = draw_replication_input(input, 7, 3);
  EXPECT_EQ(draw_replication_input(input, 7, 3), first);
  EXPECT_GE(first, 10);
  EXPECT_LE(first, 20);
  EXPECT_NE(draw_replication_input(input, 7, 4), first);
  EXPECT_NE(draw_replication_input(input, 8, 3), first);
  ReplicationInput renamed = input;
  renamed.key_path = "territories.other.inbound_leads_per_month";
  EXPECT_NE(draw_replication_input(renamed, 7, 3), first);
}

TEST(ReplicationInputs, AddingAnInputChangesNoOtherDraw) {
  ScenarioSpec one = uncertain_leads(3);
  ScenarioSpec two = one;
  two.replication_inputs.insert(two.replication_inputs.begin(),
                                uniform_input("money.other_monthly_costs", 0, 1000));
  for (std::uint64_t r = 0; r < 50; ++r) {
    EXPECT_EQ(draw_replication_inputs(one, 1, r)[0], draw_replication_inputs(two, 1, r)[1]);
  }
}

TEST(ReplicationInputs, DrawsStayWithinTheCheckedRange) {
  const ReplicationInput normal{"k", Distribution::normal(0, 1), -0.5, 0.5};
  for (std::uint64_t r = 0; r < 200; ++r) {
    const double value = draw_replication_input(normal, 1, r);
    EXPECT_GE(value, -0.5);
    EXPECT_LE(value, 0.5);
  }
}

TEST(ReplicationInputs, EachReplicationRunsOnItsOwnDrawnLevel) {
  // With no staff, a month's cost is exactly the other monthly costs: the drawn level itself.
  ScenarioSpec spec = quiet_scenario(2);
  spec.replication_inputs = {uniform_input("money.other_monthly_costs", 1000, 2000)};
  spec.respecifier = std::make_shared<FakeRespecifier>(spec);
  ProjectionOptions options;
  options.replications = 20;
  options.first_replication = 5;
  options.seed = 3;
  options.threads = 2;
  const Projection p = project(spec, options);
  for (Eigen::Index i = 0; i < 20; ++i) {
    const double level =
        draw_replication_input(spec.replication_inputs[0], 3, static_cast<std::uint64_t>(i + 5));
    EXPECT_DOUBLE_EQ(metric_at(p, Metric::kTotalCost, i, 1), level);
    EXPECT_DOUBLE_EQ(metric_at(p, Metric::kTotalCost, i, 2), level);
  }
}

TEST(ReplicationInputs, ProbeRecordsAndPinsTheLevels) {
  ScenarioSpec spec = quiet_scenario(1);
  spec.replication_inputs = {uniform_input("money.other_monthly_costs", 1000, 2000)};
  spec.respecifier = std::make_shared<FakeRespecifier>(spec);
  ProjectionOptions options;
  options.replications = 10;
  options.inputs = InputProbeOptions{{}, /*record=*/true};
  const Projection recorded = project(spec, options);
  const std::size_t column = list_uncertain_inputs(spec).size();  // after the per-entity inputs
  ASSERT_EQ(static_cast<std::size_t>(recorded.input_means.cols()), column + 1);
  for (Eigen::Index r = 0; r < 10; ++r) {
    EXPECT_DOUBLE_EQ(recorded.input_means(r, static_cast<Eigen::Index>(column)),
                     metric_at(recorded, Metric::kTotalCost, r, 1));
  }
  options.inputs = InputProbeOptions{};
  options.inputs->pinned.resize(column + 1);
  options.inputs->pinned[column] = 1234;
  const Projection pinned = project(spec, options);
  for (Eigen::Index r = 0; r < 10; ++r) {
    EXPECT_DOUBLE_EQ(metric_at(pinned, Metric::kTotalCost, r, 1), 1234);
  }
}

// Leads in a year given the rate L are Poisson(12 L); with L uniform on [10, 20] drawn once per
// replication, their count N has E[N] = 12 E[L] = 180 and, by the law of total variance,
// Var[N] = E[12 L] + Var[12 L] = 180 + 144 * 100 / 12 = 1380 (a fixed L = 15 gives 180).
TEST(ReplicationInputs, LeadCountFollowsTheMixedPoissonMeanAndVariance) {
  const ScenarioSpec spec = uncertain_leads(12);
  ProjectionOptions options;
  options.replications = 4000;
  options.seed = 11;
  const Projection p = project(spec, options);
  const Eigen::VectorXd n = p.samples.metric(MetricLayout::index(Metric::kLeads)).rowwise().sum();
  const double count = static_cast<double>(n.size());
  const double mean = n.mean();
  const Eigen::ArrayXd centred = n.array() - mean;
  const double variance = centred.square().sum() / (count - 1);
  const double fourth = centred.pow(4).mean();
  const double mean_se = std::sqrt(variance / count);
  const double variance_se = std::sqrt((fourth - variance * variance) / count);
  EXPECT_NEAR(mean, 180, 4 * mean_se);
  EXPECT_NEAR(variance, 1380, 4 * variance_se);
}

}  // namespace
}  // namespace teamsim::model
