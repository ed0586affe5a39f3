#include "app/analysis/plan_comparison.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/results/comparison_files.h"
#include "app/scenario/scenario_resolver.h"
#include "sim/paired_statistics.h"
#include "tests/undefined_values.h"

namespace teamsim::app {
namespace {

// A seed-stage plan and its two hiring orders: the question docs/comparing-plans.md walks through.
constexpr const char* kPlans =
    "horizon_months: 24\n"
    "money: {starting_cash: 3_000_000}\n"
    "territories: {east: {inbound_leads_per_month: 20}, west: {inbound_leads_per_month: 15}}\n"
    "customers: {initial: 10}\n"
    "variants:\n"
    "  manager_first:\n"
    "    hires:\n"
    "      - {role: sales_manager, month: 1}\n"
    "      - {role: account_executive, month: 4}\n"
    "      - {role: account_executive, month: 6}\n"
    "      - {role: account_executive, month: 8}\n"
    "  reps_first:\n"
    "    hires:\n"
    "      - {role: account_executive, count: 2, month: 1}\n"
    "      - {role: account_executive, month: 3}\n"
    "      - {role: sales_manager, month: 9}\n";

ComparedPlan plan(const std::string& variant) {
  LoadResult loaded = resolve_scenario_string(kPlans, "plans.yaml", {"", variant, {}});
  EXPECT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  return {variant, loaded.spec.value_or(model::ScenarioSpec{})};
}

CompareOptions options(std::size_t replications, bool independent) {
  CompareOptions o;
  o.replications = replications;
  o.seed = 11;
  o.threads = 2;
  o.independent_streams = independent;
  return o;
}

TEST(PlanComparison, APlanComparedWithItselfDiffersByExactlyZero) {
  const ComparedPlan a = plan("manager_first");
  const PlanComparison comparison = compare_plans({a, a}, options(50, false));
  ASSERT_EQ(comparison.samples.size(), 2u);
  for (std::size_t m = 0; m < comparison.metrics.size(); ++m) {
    EXPECT_TRUE(testing::same_values(comparison.samples[0][m], comparison.samples[1][m]))
        << comparison.metrics[m].name;
  }
  const std::vector<MetricComparison> metrics = summarize_comparison(comparison);
  const MetricComparison& arr = metrics[comparison.find_metric("arr")];
  ASSERT_EQ(arr.differences.size(), 1u);
  EXPECT_EQ(arr.differences[0].difference.mean.cwiseAbs().maxCoeff(), 0.0);
  EXPECT_EQ(arr.differences[0].difference.percentiles.cwiseAbs().maxCoeff(), 0.0);
  EXPECT_EQ(arr.differences[0].prob_greater.maxCoeff(), 0.0);
  EXPECT_EQ(arr.differences[0].prob_equal.minCoeff(), 1.0);
}

TEST(PlanComparison, PlansShareReplicationsAndOutputsAreTidy) {
  const PlanComparison comparison =
      compare_plans({plan("manager_first"), plan("reps_first")}, options(20, false));
  EXPECT_EQ(comparison.seeds, (std::vector<std::uint64_t>{11, 11}));
  EXPECT_EQ(comparison.horizon_months, 24);
  const auto metrics = summarize_comparison(comparison);
  const std::string csv = comparison_csv(comparison, metrics);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "row_kind,plan_a,plan_b,metric,unit,month,mean,se,p5,p10,p25,p50,p75,p90,p95,"
            "defined,p_a_greater,p_equal");
  // Per metric and month: two plan rows and one difference row.
  const auto lines = static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n'));
  EXPECT_EQ(lines, 1 + comparison.metrics.size() * 24 * 3);
  EXPECT_NE(csv.find("\ndifference,manager_first,reps_first,arr,currency,24,"), std::string::npos);
  const std::string table = comparison_table(comparison, metrics);
  EXPECT_NE(table.find("P(A>B)"), std::string::npos);
  EXPECT_NE(table.find("P(A=B)"), std::string::npos);
  EXPECT_NE(table.find("ARR"), std::string::npos);
  // Its P(cash < 0) rows sit under the p50 columns: the legend says they are shares.
  EXPECT_NE(table.find("P(cash < 0) by then"), std::string::npos);
  EXPECT_NE(table.find("In the P(cash < 0) rows the p50 columns give each plan's\n"
                       "share of replications whose cash fell below 0 by then"),
            std::string::npos);
}

double crn_variance_ratio(const std::vector<ComparedPlan>& plans, std::size_t replications) {
  const PlanComparison common = compare_plans(plans, options(replications, false));
  const PlanComparison independent = compare_plans(plans, options(replications, true));
  const std::size_t arr = common.find_metric("arr");
  const auto variance_at_24 = [&](const PlanComparison& c) {
    return sim::column_variance(c.samples[0][arr] - c.samples[1][arr])(23);
  };
  return variance_at_24(independent) / variance_at_24(common);
}

// Common random numbers: with one seed the two hiring plans see the same leads, deals and churn,
// so the paired difference carries less noise than with independent streams (different seeds).
// The issue asks for at least 10x. Keying people and requisitions by (role, ordinal in the role)
// took this pair from 3.0 to 4.7; drawing prospecting in calendar time (a rep hired later finds
// the same leads once selling) from 4.7 to 5.0 (400 replications, seed 11; pooled over seeds
// 11-20, 4.18 to 4.45). What remains is real, not noise (docs/comparing-plans.md measures it):
// a lead that arrives while only one plan has a seller, or a free slot, is worked in that plan
// alone, and a lead worked in both by reps at different points of their ramp is won in one
// alone. The run is deterministic, so the bound sits just under the measured value and catches
// any regression in the stream keying.
TEST(PlanComparison, CommonRandomNumbersCutTheVarianceOfAHiringPlanDifference) {
  const double ratio = crn_variance_ratio({plan("manager_first"), plan("reps_first")}, 400);
  std::printf("CRN variance ratio, manager_first vs reps_first, ARR at month 24: %.2f\n", ratio);
  EXPECT_GE(ratio, 4.9);
}

// Plans with the same team and a different win rate keep every entity in step: the ratio is
// over 10 (21.5 at 400 replications, seed 11).
TEST(PlanComparison, CommonRandomNumbersCutTheVarianceOfAWinRateDifference) {
  const std::string text = std::string(kPlans) +
                           "  trained:\n"
                           "    hires: [{role: account_executive, count: 2, month: 1},\n"
                           "            {role: account_executive, month: 3}]\n"
                           "    pipeline: {win_rate: {dist: beta, mean: 0.25, sd: 0.05}}\n"
                           "  untrained:\n"
                           "    hires: [{role: account_executive, count: 2, month: 1},\n"
                           "            {role: account_executive, month: 3}]\n";
  std::vector<ComparedPlan> plans;
  for (const char* variant : {"trained", "untrained"}) {
    LoadResult loaded = resolve_scenario_string(text, "plans.yaml", {"", variant, {}});
    ASSERT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
    plans.push_back({variant, *loaded.spec});
  }
  const double ratio = crn_variance_ratio(plans, 400);
  std::printf("CRN variance ratio, win rate 25%% vs 20%%, ARR at month 24: %.2f\n", ratio);
  EXPECT_GE(ratio, 21.0);
}

std::vector<ComparedPlan> variants_of(const std::string& text,
                                      const std::vector<std::string>& names) {
  std::vector<ComparedPlan> plans;
  for (const std::string& variant : names) {
    LoadResult loaded = resolve_scenario_string(text, "plans.yaml", {"", variant, {}});
    EXPECT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
    plans.push_back({variant, loaded.spec.value_or(model::ScenarioSpec{})});
  }
  return plans;
}

// Two hiring plans that differ in one hire's timing or in one extra role keep most entities in
// step: the third AE hired in month 3 or month 6 (30.3 at 400 replications, seed 11), a customer
// success rep hired in month 3 or not (31.9). Both are over the 10x; the bounds sit just
// under the measured values.
TEST(PlanComparison, CommonRandomNumbersCutTheVarianceOfAHireTimingDifference) {
  const std::string text = std::string(kPlans) +
                           "  third_in_month_3:\n"
                           "    hires: [{role: account_executive, count: 2, month: 1},\n"
                           "            {role: account_executive, month: 3}]\n"
                           "  third_in_month_6:\n"
                           "    hires: [{role: account_executive, count: 2, month: 1},\n"
                           "            {role: account_executive, month: 6}]\n";
  const double ratio =
      crn_variance_ratio(variants_of(text, {"third_in_month_3", "third_in_month_6"}), 400);
  std::printf("CRN variance ratio, third AE in month 3 vs 6, ARR at month 24: %.2f\n", ratio);
  EXPECT_GE(ratio, 30.0);
}

TEST(PlanComparison, CommonRandomNumbersCutTheVarianceOfACustomerSuccessHire) {
  const std::string text = std::string(kPlans) +
                           "  with_csr:\n"
                           "    hires: [{role: account_executive, count: 2, month: 1},\n"
                           "            {role: account_executive, month: 3},\n"
                           "            {role: customer_success, month: 3}]\n"
                           "  without_csr:\n"
                           "    hires: [{role: account_executive, count: 2, month: 1},\n"
                           "            {role: account_executive, month: 3}]\n";
  const double ratio = crn_variance_ratio(variants_of(text, {"with_csr", "without_csr"}), 400);
  std::printf("CRN variance ratio, a CSR hired in month 3 or not, ARR at month 24: %.2f\n", ratio);
  EXPECT_GE(ratio, 31.5);
}

}  // namespace
}  // namespace teamsim::app
