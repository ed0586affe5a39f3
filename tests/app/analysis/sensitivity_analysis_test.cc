#include "app/analysis/sensitivity_analysis.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "app/scenario/scenario_resolver.h"
#include "models/projection.h"

namespace teamsim::app {
namespace {

// Fifty customers paying uniform(500, 1500) a month, who never churn or change; a customer-success
// rep is hired (drawing a time to fill, a ramp and a tenure that touch nothing here) and inbound
// leads arrive with nobody to work them (each drawing its whole fate). ARR at every month end is
// then exactly 12 x the sum of the fifty initial MRR draws, and depends on no other input.
constexpr const char* kCustomersOnly =
    "horizon_months: 12\n"
    "customers: {initial: 50, initial_mrr: {dist: uniform, min: 500, max: 1500},\n"
    "            monthly_churn: 0, monthly_expansion: 0, covered_expansion_bonus: 0}\n"
    "hires: [{role: customer_success, month: 1}]\n";

// Three ramped AEs work every inbound lead, each won with probability 0.25 whatever its size;
// deal sizes lognormal(median 12,000, p90 30,000), so p10 = 12,000^2 / 30,000 = 4,800.
constexpr const char* kBookings =
    "horizon_months: 6\n"
    "territories: {all: {inbound_leads_per_month: 30}}\n"
    "starting_staff: [{role: account_executive, count: 3}]\n"
    "roles: {account_executive: {annual_attrition: 0, performance: 1}}\n"
    "management: {under_management_penalty: 0}\n"
    "pipeline: {win_rate: 0.25, sales_cycle_days: {dist: gamma, mean: 40, sd: 20},\n"
    "           deal_size_acv: {dist: lognormal, median: 12000, p90: 30000}}\n";

model::ScenarioSpec load(const char* yaml) {
  LoadResult loaded = resolve_scenario_string(yaml, "test.yaml", {});
  EXPECT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  return loaded.spec.value_or(model::ScenarioSpec{});
}

SensitivityOptions options_for(const model::ScenarioSpec& spec, const std::string& metric,
                               int month, std::size_t replications) {
  SensitivityOptions options;
  options.replications = replications;
  options.seed = 3;
  options.threads = 2;
  options.metric = choose_metric(model::MetricLayout(spec), spec.horizon_months, metric, month);
  return options;
}

const InputSensitivity& find(const SensitivityResult& result, const std::string& key_path) {
  for (const InputSensitivity& input : result.inputs)
    if (input.key_path == key_path) return input;
  throw std::logic_error("no input " + key_path);
}

constexpr std::size_t kCustomersReplications = 400;

/// The analysis of ARR at month 12 in kCustomersOnly, run once for the tests that read it.
const SensitivityResult& customers_only() {
  static const model::ScenarioSpec spec = load(kCustomersOnly);
  static const SensitivityResult result =
      analyse_sensitivity(spec, options_for(spec, "arr", 12, kCustomersReplications));
  return result;
}

TEST(SensitivityAnalysis, SwingOfTheOnlyInputThatMattersIsItsClosedForm) {
  const std::size_t n = kCustomersReplications;
  const SensitivityResult& result = customers_only();
  ASSERT_EQ(result.outcome, sim::RunOutcome::kCompleted);

  // Uniform(500, 1500): p10 = 600, p90 = 1400; ARR = 12 x 50 x the pinned MRR in every history.
  const InputSensitivity& mrr = result.inputs.front();
  EXPECT_EQ(mrr.key_path, "customers.initial_mrr");
  EXPECT_DOUBLE_EQ(mrr.low_value, 600);
  EXPECT_DOUBLE_EQ(mrr.high_value, 1400);
  EXPECT_NEAR(mrr.low.mean, 12 * 50 * 600.0, 1e-6);
  EXPECT_NEAR(mrr.high.mean, 12 * 50 * 1400.0, 1e-6);
  EXPECT_NEAR(mrr.swing, 12 * 50 * 800.0, 1e-6);
  EXPECT_NEAR(mrr.swing_se, 0, 1e-6);  // the same difference in every replication

  // The base run: mean 12 x 50 x 1000, sd 12 sqrt(50) x 1000 / sqrt(12) per history.
  const double se = 12 * std::sqrt(50.0) * 1000 / std::sqrt(12.0) / std::sqrt(double(n));
  EXPECT_NEAR(result.base.mean, 600'000, 4 * se);
  EXPECT_NEAR(result.base.se, se, 0.15 * se);

  // ARR is an increasing function of the replication's mean MRR draw: rank correlation 1.
  EXPECT_NEAR(mrr.rank_correlation, 1.0, 1e-12);
  EXPECT_EQ(mrr.correlation_replications, n);
}

TEST(SensitivityAnalysis, InputsTheMetricCannotDependOnHaveExactlyZeroSwing) {
  const std::size_t n = kCustomersReplications;
  const SensitivityResult& result = customers_only();
  std::size_t analysed = 0;
  for (const InputSensitivity& input : result.inputs) {
    if (input.status != InputStatus::kAnalysed) continue;
    ++analysed;
    if (input.key_path == "customers.initial_mrr") continue;
    // Pinning draws as usual and substitutes the value afterwards, so every other random
    // number is the same: not "close to zero" but zero, in every statistic.
    EXPECT_EQ(input.swing, 0) << input.key_path;
    EXPECT_EQ(input.swing_se, 0) << input.key_path;
    EXPECT_EQ(input.low.mean, result.base.mean) << input.key_path;
    EXPECT_EQ(input.high.p50, result.base.p50) << input.key_path;
    // Independent of ARR: Spearman's rho has standard error 1 / sqrt(n - 1) under independence.
    EXPECT_LT(std::abs(input.rank_correlation), 4 / std::sqrt(double(n - 1))) << input.key_path;
  }
  // Drawn and varying here: the CSR's time to fill (its ramp is a constant) and the initial MRR.
  // Leads arrive but nobody works them, and a deal (win rate, cycle, size) is drawn only once a
  // lead becomes an opportunity, so the pipeline's inputs are never drawn.
  EXPECT_EQ(analysed, 2u);
  EXPECT_EQ(find(result, "roles.customer_success.time_to_fill_days").status,
            InputStatus::kAnalysed);
  EXPECT_EQ(find(result, "pipeline.win_rate").status, InputStatus::kNotDrawn);
  EXPECT_EQ(find(result, "pipeline.deal_size_acv").status, InputStatus::kNotDrawn);
  EXPECT_EQ(find(result, "roles.account_executive.performance").status, InputStatus::kNotDrawn);
  EXPECT_EQ(find(result, "roles.account_executive.backfill_delay_days").status,
            InputStatus::kConstant);
  // Analysed inputs come first, by decreasing |swing|.
  EXPECT_EQ(result.inputs.size(), 7 * 5 + 4 + 2u);
  EXPECT_NE(result.inputs[analysed].status, InputStatus::kAnalysed);
}

TEST(SensitivityAnalysis, BookingsSwingIsTheDealSizeRangeTimesTheWins) {
  // Deal size changes no win (the win draw and probability do not depend on it), so with common
  // random numbers each history's bookings at p90 minus at p10 are (30,000 - 4,800) x its wins.
  const model::ScenarioSpec spec = load(kBookings);
  const std::size_t n = 200;
  const SensitivityResult result =
      analyse_sensitivity(spec, options_for(spec, "new_bookings", 6, n));
  const InputSensitivity& size = find(result, "pipeline.deal_size_acv");
  EXPECT_NEAR(size.low_value, 4800, 1e-6);
  EXPECT_NEAR(size.high_value, 30000, 1e-6);
  model::ProjectionOptions plain;
  plain.replications = n;
  plain.seed = 3;
  plain.threads = 2;
  const model::Projection base = model::project(spec, plain);
  const double wins = base.samples.metric(base.layout.find("deals_won")).col(5).mean();  // month 6
  ASSERT_GT(wins, 5);
  EXPECT_NEAR(size.swing, (30000 - 4800) * wins, 1e-6 * size.swing);
  EXPECT_NEAR(size.low.mean, 4800 * wins, 1e-6 * size.low.mean);
  EXPECT_EQ(result.inputs.front().key_path, "pipeline.deal_size_acv");
  // The base run's bookings are the same as a run without the probe.
  EXPECT_DOUBLE_EQ(result.base.mean,
                   base.samples.metric(base.layout.find("new_bookings")).col(5).mean());
}

TEST(SensitivityAnalysis, StopsWhenAsked) {
  const model::ScenarioSpec spec = load(kCustomersOnly);
  SensitivityOptions options = options_for(spec, "arr", 12, 50);
  const std::atomic<bool> stop{true};
  options.stop_requested = &stop;
  EXPECT_EQ(analyse_sensitivity(spec, options).outcome, sim::RunOutcome::kStopped);
}

}  // namespace
}  // namespace teamsim::app
