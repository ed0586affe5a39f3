#include "app/analysis/sensitivity_analysis.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "app/common/errors.h"
#include "app/scenario/scenario_json.h"
#include "app/scenario/scenario_numbers.h"
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
  std::size_t analysed = 0, distributions = 0;
  for (const InputSensitivity& input : result.inputs) {
    if (input.status != InputStatus::kAnalysed) continue;
    ++analysed;
    distributions += input.kind != InputKind::kConstant;
    if (input.key_path == "customers.initial_mrr") continue;
    // Pinning draws as usual and substitutes the value afterwards, so every other random
    // number is the same: not "close to zero" but zero, in every statistic.
    EXPECT_EQ(input.swing, 0) << input.key_path;
    EXPECT_EQ(input.swing_se, 0) << input.key_path;
    EXPECT_EQ(input.low.mean, result.base.mean) << input.key_path;
    EXPECT_EQ(input.high.p50, result.base.p50) << input.key_path;
    // Independent of ARR: Spearman's rho has standard error 1 / sqrt(n - 1) under independence.
    if (input.kind == InputKind::kConstant) {
      EXPECT_TRUE(std::isnan(input.rank_correlation)) << input.key_path;
    } else {
      EXPECT_LT(std::abs(input.rank_correlation), 4 / std::sqrt(double(n - 1))) << input.key_path;
    }
  }
  // Drawn and varying here: the CSR's time to fill (its ramp is a constant) and the initial MRR.
  // Leads arrive but nobody works them, and a deal (win rate, cycle, size) is drawn only once a
  // lead becomes an opportunity, so the pipeline's inputs are never drawn.
  EXPECT_EQ(distributions, 2u);
  EXPECT_EQ(find(result, "roles.customer_success.time_to_fill_days").status,
            InputStatus::kAnalysed);
  EXPECT_EQ(find(result, "pipeline.win_rate").status, InputStatus::kNotDrawn);
  EXPECT_EQ(find(result, "pipeline.deal_size_acv").status, InputStatus::kNotDrawn);
  EXPECT_EQ(find(result, "roles.account_executive.performance").status, InputStatus::kNotDrawn);
  // A distribution given as one number is a constant, moved by ± its range (by pinning); the AE's
  // backfill delay is never drawn, nobody being an AE.
  const InputSensitivity& delay = find(result, "roles.account_executive.backfill_delay_days");
  EXPECT_EQ(delay.kind, InputKind::kConstant);
  EXPECT_EQ(delay.status, InputStatus::kNotDrawn);
  // Analysed inputs come first, by decreasing |swing|.
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

// Fifty customers paying 1,000 a month (a number, not a distribution), who never churn or change:
// ARR at every month end is exactly 12 x 50 x 1,000, linear in both the count and the MRR.
constexpr const char* kFixedCustomers =
    "horizon_months: 6\n"
    "customers: {initial: 50, initial_mrr: 1000, monthly_churn: 0, monthly_expansion: 0}\n";

/// The analysis of `yaml` with every constant at ± `all` (and `by_key`), constants respecified
/// from the same text.
SensitivityResult with_constants(const char* yaml, const std::string& metric, int month,
                                 std::size_t replications, double all,
                                 std::map<std::string, double> by_key = {}) {
  const model::ScenarioSpec spec = load(yaml);
  SensitivityOptions options = options_for(spec, metric, month, replications);
  options.ranges.all = all;
  options.ranges.by_key = std::move(by_key);
  options.respecify = respecify_with_override({"test.yaml", "", {}}, std::string(yaml));
  return analyse_sensitivity(spec, options);
}

// ±20 % of each constant: the MRR (a distribution given as one number, pinned) and the count of
// customers (a plain number, set by resolving the scenario again) each move ARR by exactly
// ±20 % of 600,000, in every replication.
TEST(SensitivityAnalysis, ConstantsMoveByTheirRangeAndSwingByTheirClosedForm) {
  const SensitivityResult result = with_constants(kFixedCustomers, "arr", 6, 20, 0.2);
  const InputSensitivity& mrr = find(result, "customers.initial_mrr");
  EXPECT_EQ(mrr.kind, InputKind::kConstant);
  EXPECT_EQ(mrr.label, "Initial MRR each");
  EXPECT_EQ(mrr.unit, ValueUnit::kMoney);
  EXPECT_DOUBLE_EQ(mrr.base_value, 1000);
  EXPECT_DOUBLE_EQ(mrr.range, 0.2);
  EXPECT_DOUBLE_EQ(mrr.low_value, 800);
  EXPECT_DOUBLE_EQ(mrr.high_value, 1200);
  EXPECT_NEAR(mrr.swing, 12 * 50 * 400.0, 1e-6);
  EXPECT_NEAR(mrr.swing_se, 0, 1e-6);
  EXPECT_TRUE(std::isnan(mrr.rank_correlation));
  const InputSensitivity& count = find(result, "customers.initial");
  EXPECT_EQ(count.label, "Initial customers");
  EXPECT_DOUBLE_EQ(count.low_value, 40);
  EXPECT_DOUBLE_EQ(count.high_value, 60);
  EXPECT_NEAR(count.low.mean, 12 * 40 * 1000.0, 1e-6);
  EXPECT_NEAR(count.swing, 12 * 20 * 1000.0, 1e-6);
  // The two tie for the largest swing, so they lead the ranking in input order.
  EXPECT_EQ(result.inputs[0].status, InputStatus::kAnalysed);
  EXPECT_NEAR(std::abs(result.inputs[0].swing), 240'000, 1e-6);
  // Constants of roles nobody holds are never run; 0 ± 20 % is 0.
  EXPECT_EQ(find(result, "roles.sales_manager.annual_salary").status, InputStatus::kNotDrawn);
  EXPECT_EQ(find(result, "customers.monthly_churn").status, InputStatus::kUnchanged);
  EXPECT_EQ(find(result, "money.starting_cash").swing, 0);  // in use, but not in ARR
}

// With counts by territory, each territory's count is the input (customers.initial, their sum,
// is not one): 30 and 20 customers of 1,000 a month, ±20 % each, move ARR by 12 x 12 x 1,000 and
// 12 x 8 x 1,000 exactly, customers.initial written or not (it follows the new sum).
TEST(SensitivityAnalysis, EachTerritorysInitialCustomersVaryAndTheirSumFollows) {
  for (const char* initial : {"", "initial: 50, "}) {
    SCOPED_TRACE(initial);
    const std::string yaml = std::string(
                                 "horizon_months: 6\n"
                                 "territories:\n"
                                 "  north: {initial_customers: 30}\n"
                                 "  south: {initial_customers: 20}\n"
                                 "customers: {") +
                             initial +
                             "initial_mrr: 1000, monthly_churn: 0, monthly_expansion: 0}\n";
    const SensitivityResult result = with_constants(yaml.c_str(), "arr", 6, 5, 0.2);
    EXPECT_TRUE(std::none_of(result.inputs.begin(), result.inputs.end(), [](const auto& input) {
      return input.key_path == "customers.initial";
    }));
    const InputSensitivity& north = find(result, "territories.north.initial_customers");
    EXPECT_EQ(north.label, "Initial customers (north)");
    EXPECT_DOUBLE_EQ(north.low_value, 24);
    EXPECT_DOUBLE_EQ(north.high_value, 36);
    EXPECT_NEAR(north.swing, 12 * 12 * 1000.0, 1e-6);
    const InputSensitivity& south = find(result, "territories.south.initial_customers");
    EXPECT_NEAR(south.low.mean, 12 * (30 + 16) * 1000.0, 1e-6);
    EXPECT_NEAR(south.swing, 12 * 8 * 1000.0, 1e-6);
  }
}

TEST(SensitivityAnalysis, ATerritoryWhoseNameHoldsDotsIsAnalysedLikeAnyOther) {
  // A territory "eu.west" or "U.S.": its constants were left out of the analysis without a word
  // (their key paths, territories.eu.west.initial_customers and
  // territories.U.S..initial_customers, were read as a territory "eu" or "U" with an unknown key),
  // and a cool-off was taken as unused when the territory's name held a dot.
  const char* yaml =
      "horizon_months: 6\n"
      "territories:\n"
      "  eu.west: {initial_customers: 30, accounts: 500, cool_off_months: 3}\n"
      "  U.S.: {initial_customers: 20}\n"
      "customers: {initial_mrr: 1000, monthly_churn: 0, monthly_expansion: 0}\n";
  const SensitivityResult result = with_constants(yaml, "arr", 6, 5, 0.2);
  const InputSensitivity& west = find(result, "territories.eu.west.initial_customers");
  EXPECT_EQ(west.label, "Initial customers (eu.west)");
  EXPECT_DOUBLE_EQ(west.low_value, 24);
  EXPECT_DOUBLE_EQ(west.high_value, 36);
  EXPECT_NEAR(west.swing, 12 * 12 * 1000.0, 1e-6);
  const InputSensitivity& us = find(result, "territories.U.S..initial_customers");
  EXPECT_EQ(us.label, "Initial customers (U.S.)");
  EXPECT_NEAR(us.low.mean, 12 * (30 + 16) * 1000.0, 1e-6);
  EXPECT_NEAR(us.swing, 12 * 8 * 1000.0, 1e-6);
  EXPECT_EQ(find(result, "territories.eu.west.cool_off_months").status, InputStatus::kAnalysed);
  EXPECT_EQ(find(result, "territories.U.S..inbound_leads_per_month").status,
            InputStatus::kAnalysed);
}

// Whole numbers are rounded and never fall from 1 or more to 0; probabilities are clamped to
// [0, 1] and say so; a range of 0 holds a constant fixed.
TEST(SensitivityAnalysis, WholeNumbersRoundAndProbabilitiesClampToTheirRange) {
  constexpr const char* kYaml =
      "horizon_months: 3\n"
      "customers: {initial: 2, initial_mrr: 1000, monthly_churn: 0.9, monthly_expansion: 0}\n";
  const SensitivityResult result = with_constants(kYaml, "arr", 3, 10, 0,
                                                  {{"customers.initial", 0.8},
                                                   {"customers.monthly_churn", 0.2},
                                                   {"customers.initial_mrr", 0.1}});
  const InputSensitivity& count = find(result, "customers.initial");
  EXPECT_DOUBLE_EQ(count.low_value, 1);   // 2 x 0.2 = 0.4 rounds to 0; kept at 1
  EXPECT_DOUBLE_EQ(count.high_value, 4);  // 2 x 1.8 = 3.6
  const InputSensitivity& churn = find(result, "customers.monthly_churn");
  EXPECT_DOUBLE_EQ(churn.low_value, 0.9 * 0.8);
  EXPECT_DOUBLE_EQ(churn.high_value, 1);  // 1.08 clamped
  EXPECT_FALSE(churn.low_clamped);
  EXPECT_TRUE(churn.high_clamped);
  EXPECT_EQ(find(result, "money.starting_cash").status, InputStatus::kUnchanged);
  EXPECT_DOUBLE_EQ(find(result, "customers.initial_mrr").high_value, 1100);
}

// A whole number the range does not reach once rounded is left unchanged, not run.
TEST(SensitivityAnalysis, AWholeNumberTheRangeDoesNotReachIsUnchanged) {
  const SensitivityResult result =
      with_constants(kFixedCustomers, "arr", 6, 5, 0, {{"customers.initial", 0.005}});
  const InputSensitivity& count = find(result, "customers.initial");
  EXPECT_EQ(count.status, InputStatus::kUnchanged);
  EXPECT_DOUBLE_EQ(count.low_value, 50);
  EXPECT_DOUBLE_EQ(count.high_value, 50);
}

// The numbers of a mechanism the scenario does not switch on cannot move anything: they are listed
// as not used (never run), like the constants of a role nobody is hired into. Switched on, the
// same numbers are analysed.
constexpr const char* kMechanismsOff =
    "horizon_months: 3\n"
    "territories: {all: {inbound_leads_per_month: 10}}\n"
    "starting_staff: [{role: account_executive, count: 1}]\n"
    "customers: {initial: 10, initial_mrr: 1000}\n";

constexpr const char* kMechanismsOn =
    "horizon_months: 3\n"
    "territories: {all: {inbound_leads_per_month: 10, accounts: 500, cool_off_months: 3}}\n"
    "starting_staff: [{role: account_executive, count: 1}, {role: sales_specialist, count: 1},\n"
    "                 {role: sales_operations, count: 1}, {role: customer_success, count: 1}]\n"
    "hires: [{role: sales_specialist, month: 1}]\n"
    "roles: {sales_specialist: {time_to_fill_days: 5}}\n"
    "pipeline: {complex_share: 0.3, unqualified_lead_share: 0.2, qualification_accuracy: 0.8,\n"
    "           specialist_help_days: 10, specialist_win_rate_factor: 1.3,\n"
    "           unassisted_win_rate_factor: 0.8}\n"
    "customers: {initial: 10, initial_mrr: 1000, annual_contract_share: 0.5, annual_churn: 0.1,\n"
    "            covered_churn_factor: 0.7, covered_expansion_bonus: 0.002}\n";

TEST(SensitivityAnalysis, NumbersOfAMechanismTheScenarioDoesNotUseAreNotRun) {
  const std::vector<std::string> keys = {"pipeline.specialist_help_days",
                                         "pipeline.specialist_win_rate_factor",
                                         "pipeline.unassisted_win_rate_factor",
                                         "pipeline.qualification_accuracy",
                                         "customers.annual_churn",
                                         "customers.covered_churn_factor",
                                         "customers.covered_expansion_bonus",
                                         "territories.all.cool_off_months"};
  const SensitivityResult off = with_constants(kMechanismsOff, "arr", 3, 2, 0.2);
  for (const std::string& key : keys) {
    EXPECT_EQ(find(off, key).status, InputStatus::kNotDrawn) << key;
    EXPECT_EQ(find(off, key).replications, 0u) << key;
  }
  // Used, though it moves nothing here: ARR does not depend on the starting cash.
  EXPECT_EQ(find(off, "money.starting_cash").status, InputStatus::kAnalysed);
  const SensitivityResult on = with_constants(kMechanismsOn, "arr", 3, 2, 0.2);
  for (const std::string& key : keys) {
    EXPECT_EQ(find(on, key).status, InputStatus::kAnalysed) << key;
  }
  // The specialist hired draws a ramp but does not sell: the ramp moves nothing.
  EXPECT_EQ(find(on, "roles.sales_specialist.ramp_months").status, InputStatus::kNotDrawn);
}

// An SDR (hands_off_leads) hands its prospecting off in full from the end of its onboarding and
// holds no deal: its ramp, performance, open-deal cap, quota and on-target earnings move nothing.
// They were run and listed with a swing of exactly 0, as if measured ("Ramp (sdr) 1.6 .. 2.4
// months", "Performance (sdr)"), beside the inputs that matter. Its lead rate and onboarding,
// and the AE's own ramp and performance, are analysed as before.
TEST(SensitivityAnalysis, AnSdrsNumbersThatOnlyASellersDealsUseAreNotRun) {
  constexpr const char* kYaml =
      "horizon_months: 4\n"
      "territories: {all: {inbound_leads_per_month: 5}}\n"
      "starting_staff: [{role: account_executive, count: 1}]\n"
      "hires: [{role: sdr, month: 1}, {role: account_executive, month: 1}]\n"
      "roles:\n"
      "  sdr: {kind: account_executive, hands_off_leads: true, prospecting_leads_per_month: 15,\n"
      "        ramp_months: 2, annual_quota: 100_000, on_target_earnings: 100_000}\n";
  const SensitivityResult result = with_constants(kYaml, "arr", 4, 2, 0.2);
  for (const char* key :
       {"roles.sdr.ramp_months", "roles.sdr.performance", "roles.sdr.max_open_opportunities",
        "roles.sdr.annual_quota", "roles.sdr.on_target_earnings"}) {
    EXPECT_EQ(find(result, key).status, InputStatus::kNotDrawn) << key;
    EXPECT_EQ(find(result, key).replications, 0u) << key;
  }
  for (const char* key :
       {"roles.sdr.prospecting_leads_per_month", "roles.sdr.onboarding_days",
        "roles.account_executive.ramp_months", "roles.account_executive.performance"}) {
    EXPECT_EQ(find(result, key).status, InputStatus::kAnalysed) << key;
  }
}

// With unlimited seller capacity and no prospecting, expected bookings are proportional to the
// inbound lead rate (a thinned Poisson process), so moving it by ±20 % moves mean bookings by
// 0.4 x the base mean, within the Monte Carlo standard errors.
TEST(SensitivityAnalysis, InboundLeadFlowMovesBookingsInProportionWithinMonteCarloError) {
  constexpr const char* kYaml =
      "horizon_months: 6\n"
      "territories: {all: {inbound_leads_per_month: 30}}\n"
      "starting_staff: [{role: account_executive, count: 3}]\n"
      "roles: {account_executive: {annual_attrition: 0, performance: 1,\n"
      "        prospecting_leads_per_month: 0, max_open_opportunities: 10000}}\n"
      "management: {under_management_penalty: 0}\n"
      "pipeline: {win_rate: 0.25, sales_cycle_days: {dist: gamma, mean: 40, sd: 20},\n"
      "           deal_size_acv: 12000}\n";
  const SensitivityResult result = with_constants(
      kYaml, "new_bookings", 6, 400, 0, {{"territories.all.inbound_leads_per_month", 0.2}});
  const InputSensitivity& leads = find(result, "territories.all.inbound_leads_per_month");
  EXPECT_EQ(leads.label, "Inbound leads a month (all)");
  EXPECT_DOUBLE_EQ(leads.low_value, 24);
  EXPECT_DOUBLE_EQ(leads.high_value, 36);
  const double tolerance =
      4 * std::sqrt(leads.swing_se * leads.swing_se + std::pow(0.4 * result.base.se, 2));
  EXPECT_NEAR(leads.swing, 0.4 * result.base.mean, tolerance);
  EXPECT_GT(leads.swing, 0.2 * result.base.mean);  // the test has power: not 0
  EXPECT_LT(tolerance, 0.15 * result.base.mean);   // and precision: 0.4 is told from 0.25
}

// A number drawn once per replication is ranked like a distribution, at its p10 and p90.
TEST(SensitivityAnalysis, ANumberDrawnPerReplicationIsRankedAtItsQuantiles) {
  constexpr const char* kYaml =
      "horizon_months: 3\n"
      "customers: {initial: 50, monthly_churn: 0, monthly_expansion: 0,\n"
      "            initial_mrr: {dist: uniform, min: 500, max: 1500, per: replication}}\n";
  const SensitivityResult result = with_constants(kYaml, "arr", 3, 50, 0.2);
  const InputSensitivity& mrr = find(result, "customers.initial_mrr");
  EXPECT_EQ(mrr.kind, InputKind::kPerReplication);
  EXPECT_DOUBLE_EQ(mrr.low_value, 600);
  EXPECT_DOUBLE_EQ(mrr.high_value, 1400);
  EXPECT_NEAR(mrr.swing, 12 * 50 * 800.0, 1e-6);
  EXPECT_EQ(result.inputs.front().key_path, "customers.initial_mrr");
  // Listed once, as the replication input, not also as a constant.
  std::size_t listed = 0;
  for (const InputSensitivity& input : result.inputs) listed += input.key_path == mrr.key_path;
  EXPECT_EQ(listed, 1u);
}

// A value the scenario does not accept is a ScenarioError naming the key and the way out.
TEST(SensitivityAnalysis, AConstantWhoseValueTheScenarioRejectsIsAScenarioError) {
  const Respecify respecify =
      respecify_with_override({"test.yaml", "", {}}, std::string(kFixedCustomers));
  try {
    respecify("customers.monthly_churn", 1.5);
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind("the scenario with customers.monthly_churn = 1.5 is not valid: ", 0),
              0u)
        << message;
    EXPECT_NE(message.find("(--range customers.monthly_churn=10%)"), std::string::npos) << message;
  }
}

// Every constant of a scenario can be set, each to its own value giving back the same scenario:
// also a built-in role the file's `roles:` does not write (enablement-investment.yaml hires an
// assistant_manager by a rule; territory-imbalance.yaml a sales_operations person), which --set
// knows only with its kind.
TEST(SensitivityAnalysis, EveryConstantCanBeSetIncludingRolesTheFileDoesNotWrite) {
  for (const char* file : {"enablement-investment.yaml", "territory-imbalance.yaml"}) {
    const ScenarioRequest request{std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/" + file, "", {}};
    const LoadResult base = resolve_scenario(request);
    ASSERT_TRUE(base.ok()) << file;
    const Respecify respecify = respecify_with_override(request);
    std::size_t roles = 0;
    for (const ScenarioNumber& number : scenario_numbers(*base.spec)) {
      if (!number.key_path.starts_with("roles.")) continue;
      ++roles;
      EXPECT_EQ(scenario_hash(respecify(number.key_path, number.value)), scenario_hash(*base.spec))
          << file << " " << number.key_path;
    }
    EXPECT_GT(roles, 20u);
  }
  const Respecify respecify = respecify_with_override(
      {std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/enablement-investment.yaml", "", {}});
  const model::ScenarioSpec varied = respecify("roles.assistant_manager.annual_salary", 99000);
  EXPECT_EQ(varied.find_role("assistant_manager")->annual_salary, 99000);
}

// Screening with the first 20 replications of 60: an input whose swing, 3 standard errors out,
// is under 5 % of the largest swing 3 standard errors in (both from those 20) keeps its 20-
// replication result, which is then exactly that of an analysis of 20; every other input goes
// on and gets exactly the result of the unscreened analysis of 60 (its runs split at 20 are the
// same replications). Bookings depend on the deal sizes and the win rate; salaries, costs and
// the like cannot move them (swing 0), so both kinds occur.
TEST(SensitivityAnalysis, ScreeningKeepsTheInputsThatMayMatterExactlyAndStopsTheRest) {
  const model::ScenarioSpec spec = load(kBookings);
  const auto analyse = [&](std::size_t replications, std::size_t screen) {
    SensitivityOptions options = options_for(spec, "new_bookings", 6, replications);
    options.respecify = respecify_with_override({"test.yaml", "", {}}, std::string(kBookings));
    options.screen_replications = screen;
    return analyse_sensitivity(spec, options);
  };
  const SensitivityResult full = analyse(60, 0);
  const SensitivityResult first = analyse(20, 0);
  const SensitivityResult screened = analyse(60, 20);
  EXPECT_EQ(full.screen_replications, 0u);
  EXPECT_EQ(screened.screen_replications, 20u);
  EXPECT_EQ(screened.replications, 60u);

  double largest = 0;  // the near end of the largest interval, from the first 20
  for (const InputSensitivity& input : first.inputs) {
    if (input.status != InputStatus::kAnalysed) continue;
    largest = std::max(largest, std::abs(input.swing) - 3 * input.swing_se);
  }
  ASSERT_GT(largest, 0);
  std::size_t kept = 0, stopped = 0;
  for (const InputSensitivity& input : screened.inputs) {
    if (input.status != InputStatus::kAnalysed) {
      EXPECT_EQ(input.replications, 0u) << input.key_path;
      continue;
    }
    const InputSensitivity& early = find(first, input.key_path);
    const bool may_matter = std::abs(early.swing) + 3 * early.swing_se >= 0.05 * largest;
    const InputSensitivity& expected = may_matter ? find(full, input.key_path) : early;
    EXPECT_EQ(input.replications, may_matter ? 60u : 20u) << input.key_path;
    EXPECT_EQ(input.swing, expected.swing) << input.key_path;
    EXPECT_EQ(input.swing_se, expected.swing_se) << input.key_path;
    // A screened-out input is centred on the whole run's base: its first-20 outcomes shifted by
    // the base over 60 minus the base over the same 20.
    const double shift = may_matter ? 0 : full.base.mean - first.base.mean;
    EXPECT_DOUBLE_EQ(input.low.mean, expected.low.mean + shift) << input.key_path;
    EXPECT_DOUBLE_EQ(input.high.p50, expected.high.p50 + shift) << input.key_path;
    (may_matter ? kept : stopped) += 1;
  }
  EXPECT_GE(kept, 2u);  // the deal size and the win rate at least
  EXPECT_GE(stopped, 10u);
  EXPECT_EQ(find(screened, "pipeline.deal_size_acv").replications, 60u);
  // The unscreened analysis runs every input in full.
  for (const InputSensitivity& input : full.inputs) {
    if (input.status == InputStatus::kAnalysed) {
      EXPECT_EQ(input.replications, 60u);
    }
  }
}

TEST(SensitivityAnalysis, ALongAnalysisIsScreenedByDefaultWithATenthOfItsReplications) {
  // 162 inputs x 2 runs x 1,000 = 324,000 replications: a tenth, 100.
  EXPECT_EQ(automatic_screen(162, 1000), 100u);
  // 250 x 2 x 100 = 50,000: the least that gets it, and never fewer than 50.
  EXPECT_EQ(automatic_screen(250, 100), 50u);
  EXPECT_EQ(automatic_screen(249, 100), 0u);
  // 50 would be more than half of 99: not worth screening.
  EXPECT_EQ(automatic_screen(5000, 99), 0u);
  EXPECT_EQ(automatic_screen(5000, 10), 0u);
  EXPECT_EQ(automatic_screen(25, 1000), 100u);  // 25 x 2 x 1,000 = 50,000
  EXPECT_EQ(automatic_screen(24, 1000), 0u);
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
