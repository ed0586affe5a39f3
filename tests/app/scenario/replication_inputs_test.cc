#include "app/scenario/replication_inputs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/scenario/scenario_json.h"
#include "app/scenario/scenario_loader.h"
#include "models/projection.h"
#include "models/replication_inputs.h"
#include "sim/statistics.h"

namespace teamsim::app {
namespace {

using Errors = std::vector<std::string>;

Errors errors_of(std::string_view text) {
  const LoadResult result = load_scenario_string(text, "s.yaml");
  EXPECT_FALSE(result.ok());
  Errors out;
  for (const Diagnostic& d : result.diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

model::ScenarioSpec load_ok(std::string_view text) {
  LoadResult result = load_scenario_string(text, "s.yaml");
  EXPECT_TRUE(result.ok()) << format_diagnostics(result.diagnostics);
  return result.spec.value_or(model::ScenarioSpec{});
}

// A founder's plan: three reps, a manager in month 6, leads at `leads` a month.
std::string founder_plan(const std::string& leads) {
  return "horizon_months: 24\n"
         "seed: 5\n"
         "money: {starting_cash: 1_500_000, other_monthly_costs: 25_000}\n"
         "roles:\n"
         "  account_executive: {prospecting_leads_per_month: 2}\n"
         "territories:\n"
         "  main: {inbound_leads_per_month: " +
         leads +
         "}\n"
         "hires:\n"
         "  - {role: account_executive, count: 3, month: 1}\n"
         "  - {role: sales_manager, month: 6}\n";
}

const std::string kUncertainLeads = "{dist: uniform, min: 10, max: 20, per: replication}";

TEST(ReplicationInputs, AnyNumberMayBeDrawnPerReplication) {
  const model::ScenarioSpec spec = load_ok(founder_plan(kUncertainLeads));
  ASSERT_EQ(spec.replication_inputs.size(), 1u);
  const model::ReplicationInput& input = spec.replication_inputs[0];
  EXPECT_EQ(input.key_path, "territories.main.inbound_leads_per_month");
  EXPECT_EQ(input.distribution.describe(), sim::Distribution::uniform(10, 20).describe());
  EXPECT_EQ(input.min_draw, 10);
  EXPECT_EQ(input.max_draw, 20);
  // The spec's own field holds the median; a replication's scenario holds its draw.
  EXPECT_EQ(spec.territories[0].inbound_leads_per_month, 15);
  ASSERT_TRUE(spec.respecifier);
  const model::ScenarioSpec drawn = spec.respecifier->respecify({12.25});
  EXPECT_EQ(drawn.territories[0].inbound_leads_per_month, 12.25);
  EXPECT_TRUE(drawn.replication_inputs.empty());
}

TEST(ReplicationInputs, WorksForPercentagesDistributionKeysAndTheirParameters) {
  const model::ScenarioSpec spec = load_ok(
      "customers: {monthly_churn: {dist: triangular, min: 1%, mode: 2%, max: 4%, per: "
      "replication}}\n"
      "pipeline:\n"
      "  win_rate: {dist: beta, p5: 0.15, p95: 0.35, per: replication}\n"
      "  deal_size_acv:\n"
      "    dist: lognormal\n"
      "    median: {dist: uniform, min: 10_000, max: 20_000, per: replication}\n"
      "    p90: 40_000\n");
  ASSERT_EQ(spec.replication_inputs.size(), 3u);
  EXPECT_EQ(spec.replication_inputs[0].key_path, "customers.monthly_churn");
  EXPECT_EQ(spec.replication_inputs[1].key_path, "pipeline.win_rate");
  EXPECT_EQ(spec.replication_inputs[2].key_path, "pipeline.deal_size_acv.median");
  const model::ScenarioSpec drawn = spec.respecifier->respecify({0.03, 0.2, 12'000});
  EXPECT_EQ(drawn.customers.monthly_churn, 0.03);
  EXPECT_TRUE(drawn.pipeline.win_rate.is_constant());
  EXPECT_EQ(drawn.pipeline.win_rate.quantile(0.5), 0.2);
  EXPECT_NEAR(drawn.pipeline.deal_size_acv.quantile(0.5), 12'000, 1e-6);
  EXPECT_NEAR(drawn.pipeline.deal_size_acv.quantile(0.9), 40'000, 1e-6);
}

TEST(ReplicationInputs, NumbersAreWrittenSoTheyReadBackExactly) {
  for (const double value : {15.0, 0.1, 1.0 / 3, 1e-7, 123456789.125, 2.5e14}) {
    const std::string text = loader::number_text(value);
    const model::ScenarioSpec spec = load_ok("money: {other_monthly_costs: " + text + "}\n");
    EXPECT_EQ(spec.money.other_monthly_costs, value) << text;
  }
}

TEST(ReplicationInputs, ReportsABadPerValue) {
  EXPECT_EQ(errors_of("territories:\n"
                      "  main: {inbound_leads_per_month: {dist: uniform, min: 10, max: 20, per: "
                      "replicaton}}\n"),
            Errors{"s.yaml:2:74: territories.main.inbound_leads_per_month.per: unknown value "
                   "'replicaton'; did you mean 'replication'? (per: replication draws the number "
                   "once per replication; without per, a key that takes a distribution draws it "
                   "per deal, lead or person)"});
}

TEST(ReplicationInputs, ReportsASupportOutsideTheKeysRange) {
  EXPECT_EQ(errors_of("territories:\n"
                      "  main: {inbound_leads_per_month: {dist: uniform, min: -5, max: 20, per: "
                      "replication}}\n"),
            Errors{"s.yaml:2:35: territories.main.inbound_leads_per_month: uniform(-5, 20) per "
                   "replication can draw -5: must be at least 0"});
  // An unbounded tail is checked at its one-in-a-million draw.
  EXPECT_EQ(errors_of("pipeline: {win_rate: {dist: normal, mean: 0.5, sd: 0.2, per: "
                      "replication}}\n"),
            Errors{"s.yaml:1:22: pipeline.win_rate: normal(mean 0.5, sd 0.2) per replication can "
                   "draw -0.4506848617645798: must be between 0 and 1"});
  // A whole-number key takes a distribution of whole numbers only.
  EXPECT_EQ(
      errors_of("hires:\n"
                "  - {role: account_executive, month: 1, count: {dist: uniform, min: 1, max: 3, "
                "per: replication}}\n"),
      Errors{"s.yaml:2:48: hires[0].count: uniform(1, 3) per replication can draw "
             "1.6283185307179586: must be a whole number"});
}

TEST(ReplicationInputs, ReportsKeysThatCannotVaryAndBadDistributions) {
  // Every problem at once: a bad map does not hide another input's range error.
  EXPECT_EQ(errors_of("money: {starting_cash: {per: replication}}\n"
                      "pipeline: {win_rate: {dist: uniform, min: 0.5, max: 1.5, per: "
                      "replication}}\n"),
            (Errors{"s.yaml:1:24: money.starting_cash: missing required key 'dist'",
                    "s.yaml:2:22: pipeline.win_rate: uniform(0.5, 1.5) per replication can draw "
                    "1.5: must be between 0 and 1"}));
  EXPECT_EQ(errors_of("horizon_months: {dist: poisson, mean: 24, per: replication}\n"),
            Errors{"s.yaml:1:17: horizon_months: cannot be drawn per replication: it sets the "
                   "shape of the run; give a number"});
  EXPECT_EQ(errors_of("territories:\n"
                      "  main: {inbound_leads_per_month: {dist: uniform, min: 20, max: 10, per: "
                      "replication}}\n"),
            Errors{"s.yaml:2:35: territories.main.inbound_leads_per_month: uniform: max (10) "
                   "must be greater than min (20)"});
  EXPECT_EQ(errors_of("money: {starting_cash: {per: replication}}\n"),
            Errors{"s.yaml:1:24: money.starting_cash: missing required key 'dist'"});
}

TEST(ReplicationInputs, ResolvedScenarioShowsEachInputAsItsDistribution) {
  const model::ScenarioSpec spec = load_ok(founder_plan(kUncertainLeads));
  const nlohmann::ordered_json json = scenario_to_json(spec);
  const auto& written = json["territories"]["main"]["inbound_leads_per_month"];
  EXPECT_EQ(written["dist"], "uniform");
  EXPECT_EQ(written["per"], "replication");
  ASSERT_EQ(json["replication_inputs"].size(), 1u);
  EXPECT_EQ(json["replication_inputs"][0]["key"], "territories.main.inbound_leads_per_month");
  EXPECT_EQ(json["replication_inputs"][0]["per"], "replication");
}

double band_width(const Eigen::MatrixXd& samples) {
  const sim::ColumnSummary s = sim::summarize_columns(samples);
  return s.percentiles(0, sim::kColumnP90) - s.percentiles(0, sim::kColumnP10);
}

// The "done when": a founder's plan with uncertain lead flow shows wider bands than the
// same plan with the lead flow fixed at its mean.
TEST(ReplicationInputs, UncertainLeadFlowWidensTheBands) {
  model::ProjectionOptions options;
  options.replications = 1000;
  options.seed = 5;
  const model::Projection fixed = model::project(load_ok(founder_plan("15")), options);
  const model::Projection uncertain =
      model::project(load_ok(founder_plan(kUncertainLeads)), options);
  for (const char* metric : {"arr", "customers", "leads"}) {
    EXPECT_GT(band_width(uncertain.find(metric)->col(23)),
              1.1 * band_width(fixed.find(metric)->col(23)))
        << metric;
  }
}

// Two plans with the same uncertain key draw the same level in each replication (common random
// numbers), however differently their teams use it.
TEST(ReplicationInputs, PlansWithTheSameUncertainKeyShareTheDraws) {
  const model::ScenarioSpec a = load_ok(founder_plan(kUncertainLeads));
  std::string other = founder_plan(kUncertainLeads);
  other.replace(other.find("count: 3"), 8, "count: 5");
  other += "customers: {monthly_churn: {dist: uniform, min: 1%, max: 3%, per: replication}}\n";
  const model::ScenarioSpec b = load_ok(other);
  ASSERT_EQ(b.replication_inputs.size(), 2u);
  model::ProjectionOptions options;
  options.replications = 50;
  options.inputs = model::InputProbeOptions{{}, /*record=*/true};
  const model::Projection pa = model::project(a, options);
  const model::Projection pb = model::project(b, options);
  const Eigen::Index last_a = pa.input_means.cols() - 1;
  const Eigen::Index leads_b = pb.input_means.cols() - 2;
  for (Eigen::Index r = 0; r < 50; ++r) {
    EXPECT_EQ(pa.input_means(r, last_a), pb.input_means(r, leads_b));
  }
  EXPECT_NE(pa.input_means(0, last_a), pa.input_means(1, last_a));
}

}  // namespace
}  // namespace teamsim::app
