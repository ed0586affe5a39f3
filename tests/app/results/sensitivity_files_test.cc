#include "app/results/sensitivity_files.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "app/common/errors.h"
#include "models/defaults.h"

namespace teamsim::app {
namespace {

/// A result as analyse_sensitivity makes it, by hand: a distribution and a clamped constant
/// analysed, a constant left unchanged.
SensitivityResult sample_result() {
  SensitivityResult result;
  result.metric.name = "arr";
  result.metric.unit = "currency";
  result.metric.month = 24;
  result.replications = 100;
  result.seed = 7;
  result.base = {1e6, 1e4, 9.9e5};
  InputSensitivity size;
  size.key_path = "pipeline.deal_size_acv";
  size.label = "Deal size (ACV)";
  size.unit = ValueUnit::kMoney;
  size.distribution = "lognormal(8.6, 0.9)";
  size.base_value = size.range = std::numeric_limits<double>::quiet_NaN();
  size.low_value = 5625.000000000006;
  size.high_value = 40000;
  size.low = {5e5, 1e4, 4.9e5};
  size.high = {2e6, 2e4, 1.9e6};
  size.swing = 1.5e6;
  size.swing_se = 1e4;
  size.rank_correlation = 0.12;
  size.correlation_replications = 100;
  InputSensitivity churn;
  churn.key_path = "customers.annual_churn";
  churn.label = "Annual-contract churn";
  churn.unit = ValueUnit::kProbability;
  churn.kind = InputKind::kConstant;
  churn.distribution = "0.9";
  churn.base_value = 0.9;
  churn.range = 0.2;
  churn.low_value = 0.72;
  churn.high_value = 1;
  churn.high_clamped = true;
  churn.low = {1.1e6, 1e4, 1.1e6};
  churn.high = {0.95e6, 1e4, 0.95e6};
  churn.swing = -1.5e5;
  churn.swing_se = 2e3;
  churn.rank_correlation = std::numeric_limits<double>::quiet_NaN();
  InputSensitivity zero;
  zero.key_path = "pipeline.complex_share";
  zero.label = "Complex-deal share";
  zero.unit = ValueUnit::kProbability;
  zero.kind = InputKind::kConstant;
  zero.status = InputStatus::kUnchanged;
  zero.distribution = "0";
  zero.base_value = zero.low_value = zero.high_value = 0;
  zero.range = 0.2;
  zero.low = zero.high = result.base;
  zero.rank_correlation = std::numeric_limits<double>::quiet_NaN();
  result.inputs = {size, churn, zero};
  return result;
}

TEST(SensitivityFiles, TheRangeIsShownInTheInputsUnitAndSaysHowItWasVaried) {
  const SensitivityResult result = sample_result();
  EXPECT_EQ(input_range_text(result.inputs[0], result, "$"), "$5,625 .. $40k (p10..p90)");
  EXPECT_EQ(input_range_text(result.inputs[1], result, "$"), "72% .. 100% (±20%, clamped)");
  EXPECT_EQ(input_value_text(result.inputs[1], 0.72, "$"), "72%");
}

TEST(SensitivityFiles, CsvKeepsMachineNumbersAndAddsTheLabelAndTheValuesInWords) {
  const std::string csv = sensitivity_csv(sample_result(), "USD");
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "rank,input,label,kind,status,distribution,base_value,range,low_value,high_value,"
            "low_text,high_text,clamped,metric,unit,month,base_mean,low_mean,high_mean,low_p50,"
            "high_p50,swing,swing_se,rank_correlation,correlation_replications");
  EXPECT_NE(csv.find("\n1,pipeline.deal_size_acv,Deal size (ACV),distribution,analysed,"
                     "\"lognormal(8.6, 0.9)\",,,5625.000000000006,40000,\"$5,625\",$40k,,arr,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\n2,customers.annual_churn,Annual-contract churn,constant,analysed,0.9,0.9,"
                     "0.2,0.72,1,72%,100%,high,arr,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\n,pipeline.complex_share,Complex-deal share,constant,unchanged,"),
            std::string::npos);
}

// `teamsim report` makes the tornado again from sensitivity.json: what it reads back is what was
// written.
TEST(SensitivityFiles, JsonReadsBackToTheSameResult) {
  const SensitivityResult result = sample_result();
  model::ScenarioSpec spec = model::default_scenario();
  spec.money.currency = "EUR";
  const std::string json = sensitivity_json(result, spec, "plan.yaml", 12);
  EXPECT_NE(json.find("\"low_text\": \"€5,625\""), std::string::npos);
  const SensitivityDocument back = parse_sensitivity_json(json);
  EXPECT_EQ(back.currency, "EUR");
  EXPECT_EQ(back.chart_inputs, 12u);
  EXPECT_EQ(back.result.metric.name, "arr");
  EXPECT_EQ(back.result.metric.month, 24);
  EXPECT_EQ(back.result.replications, 100u);
  EXPECT_DOUBLE_EQ(back.result.base.mean, 1e6);
  ASSERT_EQ(back.result.inputs.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    const InputSensitivity& a = result.inputs[i];
    const InputSensitivity& b = back.result.inputs[i];
    EXPECT_EQ(b.key_path, a.key_path);
    EXPECT_EQ(b.label, a.label);
    EXPECT_EQ(b.kind, a.kind);
    EXPECT_EQ(b.unit, a.unit);
    EXPECT_EQ(b.status, a.status);
    EXPECT_DOUBLE_EQ(b.low_value, a.low_value);
    EXPECT_DOUBLE_EQ(b.high_value, a.high_value);
    EXPECT_EQ(b.high_clamped, a.high_clamped);
    EXPECT_DOUBLE_EQ(b.low.mean, a.low.mean);
    EXPECT_DOUBLE_EQ(b.high.mean, a.high.mean);
    EXPECT_DOUBLE_EQ(b.swing, a.swing);
  }
  EXPECT_DOUBLE_EQ(back.result.inputs[1].range, 0.2);
  EXPECT_TRUE(std::isnan(back.result.inputs[0].range));
}

TEST(SensitivityFiles, AFileThatIsNotASensitivityJsonIsAnErrorNamingIt) {
  EXPECT_THROW(parse_sensitivity_json("{\"metric\": \"arr\"}"), Error);
  try {
    read_sensitivity_file("/nonexistent/sensitivity.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "cannot read /nonexistent/sensitivity.json");
  }
}

}  // namespace
}  // namespace teamsim::app
