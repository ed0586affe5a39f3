#include "models/input_probe.h"

#include <gtest/gtest.h>

#include <cmath>

#include "models/uncertain_inputs.h"
#include "tests/models/test_scenarios.h"
#include "tests/undefined_values.h"

namespace teamsim::model {
namespace {

/// Index of the input at `key_path` in list_uncertain_inputs order; fails the test if absent.
std::size_t input_index(const ScenarioSpec& spec, const std::string& key_path) {
  const std::vector<UncertainInput> inputs = list_uncertain_inputs(spec);
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (inputs[i].key_path == key_path) return i;
  ADD_FAILURE() << "no input " << key_path;
  return 0;
}

Projection run_probed(const ScenarioSpec& spec, std::size_t replications,
                      InputProbeOptions inputs) {
  ProjectionOptions options;
  options.replications = replications;
  options.seed = 5;
  options.threads = 2;
  options.inputs = std::move(inputs);
  return project(spec, options);
}

/// Every mechanism that draws a distribution is on: hires with ramps and departures (backfills),
/// two products (one complex, with specialists), initial customers with expansion.
ScenarioSpec busy_scenario() {
  ScenarioSpec spec = default_scenario();
  spec.horizon_months = 18;
  for (RoleSpec& r : spec.roles) r.annual_attrition = 0.5;
  spec.hires = {HireSpec{"sales_manager", 1, 1, "", "experienced_external"},
                HireSpec{"account_executive", 3, 1, "", "experienced_external"},
                HireSpec{"sales_specialist", 1, 2, "", "referral"}};
  spec.products = {ProductSpec{"core", 2, Distribution::beta(4, 12),
                               Distribution::lognormal_from_median_p90(9000, 20000),
                               Distribution::gamma(4, 10), 0},
                   ProductSpec{"platform", 1, Distribution::uniform(0.1, 0.3),
                               Distribution::triangular(30000, 50000, 120000),
                               Distribution::lognormal_from_median_p90(90, 180), 0.6}};
  spec.pipeline.specialist_help_days = Distribution::uniform(5, 15);
  spec.customers.initial_customers = 10;
  spec.customers.monthly_expansion = Distribution::normal(0.005, 0.01);
  return spec;
}

TEST(InputProbe, AProbeThatPinsNothingChangesNothing) {
  const ScenarioSpec spec = busy_scenario();
  const Projection plain = run(spec, 40, 5);
  const Projection probed = run_probed(spec, 40, {{}, /*record=*/true});
  for (std::size_t m = 0; m < plain.layout.size(); ++m) {
    ASSERT_TRUE(testing::same_values(plain.samples.metric(m), probed.samples.metric(m)))
        << plain.layout.info(m).name;
  }
  // Every distribution the model drew is one of the listed inputs (observe() throws otherwise),
  // and those this scenario draws have a mean in every replication.
  for (const char* drawn :
       {"roles.account_executive.ramp_months", "roles.account_executive.performance",
        "roles.sales_manager.time_to_fill_days", "roles.account_executive.backfill_delay_days",
        "products.core.deal_size_acv", "products.platform.win_rate",
        "pipeline.specialist_help_days", "customers.initial_mrr", "customers.monthly_expansion"}) {
    const auto column = probed.input_means.col(static_cast<Eigen::Index>(input_index(spec, drawn)));
    EXPECT_GT(column.array().isFinite().count(), 30) << drawn;
  }
  // With products, the pipeline's own win rate is never drawn.
  EXPECT_TRUE(
      probed.input_means.col(static_cast<Eigen::Index>(input_index(spec, "pipeline.win_rate")))
          .array()
          .isNaN()
          .all());
}

TEST(InputProbe, PinnedInputGivesItsValueAndEveryOtherDrawStaysInStep) {
  // Deal size affects nothing but bookings (and what follows from them: MRR, commission, cash),
  // so pinning it leaves every deal won where it was, and bookings become the pin times the wins.
  ScenarioSpec spec = quiet_scenario(12);
  spec.territories = {TerritorySpec{"all", 30}};
  spec.starting_staff = {StartingStaffSpec{"account_executive", 3, ""}};
  spec.pipeline.win_rate = Distribution::beta(3, 9);
  spec.pipeline.deal_size_acv = Distribution::lognormal_from_median_p90(12000, 30000);
  spec.pipeline.sales_cycle_days = Distribution::gamma(3, 15);
  InputProbeOptions pin;
  pin.pinned.resize(input_index(spec, "pipeline.deal_size_acv") + 1);
  pin.pinned.back() = 5000;
  const Projection base = run(spec, 50, 5);
  const Projection pinned = run_probed(spec, 50, pin);
  const auto won = MetricLayout::index(Metric::kDealsWon);
  EXPECT_TRUE(base.samples.metric(won) == pinned.samples.metric(won));
  EXPECT_GT(base.samples.metric(won).sum(), 100);
  const Eigen::MatrixXd& bookings =
      pinned.samples.metric(MetricLayout::index(Metric::kNewBookings));
  EXPECT_TRUE(bookings == 5000 * pinned.samples.metric(won));
  EXPECT_FALSE(base.samples.metric(MetricLayout::index(Metric::kNewBookings)) == bookings);
}

TEST(InputProbe, RecordsEachReplicationsMeanDraw) {
  // Twenty initial customers, no churn, no expansion: month 1's MRR is the sum of the twenty
  // draws of initial_mrr, so the recorded mean is MRR / 20 in every replication.
  ScenarioSpec spec = quiet_scenario(3);
  spec.customers.initial_customers = 20;
  spec.customers.initial_mrr = Distribution::uniform(500, 1500);
  const Projection p = run_probed(spec, 30, {{}, true});
  const auto mrr_input = static_cast<Eigen::Index>(input_index(spec, "customers.initial_mrr"));
  const auto expansion =
      static_cast<Eigen::Index>(input_index(spec, "customers.monthly_expansion"));
  for (Eigen::Index r = 0; r < 30; ++r) {
    EXPECT_NEAR(p.input_means(r, mrr_input), metric_at(p, Metric::kMrr, r, 1) / 20, 1e-9);
    EXPECT_EQ(p.input_means(r, expansion), 0);  // drawn (a constant) at every renewal
  }
  // Nobody is hired: no role's distributions are drawn.
  EXPECT_TRUE(std::isnan(p.input_means(
      0, static_cast<Eigen::Index>(input_index(spec, "roles.account_executive.performance")))));
}

TEST(InputProbe, MisuseThrows) {
  const ScenarioSpec spec = quiet_scenario(2);
  InputProbeOptions options;
  options.pinned.resize(list_uncertain_inputs(spec).size() + 1);
  EXPECT_THROW(InputProbe(spec, options), std::invalid_argument);
  const InputProbe probe(spec, {});
  InputDrawTotals totals = probe.make_totals();
  const sim::Distribution stranger = sim::Distribution::constant(1);
  EXPECT_THROW(probe.observe(stranger, 1, totals), std::logic_error);
}

}  // namespace
}  // namespace teamsim::model
