#include "app/results/sensitivity_files.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "app/common/errors.h"
#include "models/defaults.h"
#include "tests/app/results/schema_pin.h"
#include "tests/app/sensitivity_test_util.h"

namespace teamsim::app {
namespace {

using testing::sample_sensitivity_result;

TEST(SensitivityFiles, TheRangeIsShownInTheInputsUnitAndSaysHowItWasVaried) {
  const SensitivityResult result = sample_sensitivity_result();
  EXPECT_EQ(input_range_text(result.inputs[0], result, "$"), "$5,625 .. $40k (p10..p90)");
  EXPECT_EQ(input_range_text(result.inputs[1], result, "$"), "16 .. 24 (±20%)");
  EXPECT_EQ(input_range_text(result.inputs[2], result, "$"), "72% .. 100% (±20%, clamped)");
  EXPECT_EQ(input_value_text(result.inputs[2], 0.72, "$"), "72%");
}

TEST(SensitivityFiles, CsvKeepsMachineNumbersAndAddsTheLabelAndTheValuesInWords) {
  const std::string csv = sensitivity_csv(sample_sensitivity_result(), "USD");
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "rank,input,label,kind,status,distribution,base_value,range,low_value,high_value,"
            "low_text,high_text,clamped,metric,unit,month,base_mean,low_mean,high_mean,low_p50,"
            "high_p50,swing,swing_se,rank_correlation,correlation_replications,replications,"
            "default");
  EXPECT_NE(csv.find("\n1,pipeline.deal_size_acv,Deal size (ACV),distribution,analysed,"
                     "\"lognormal(8.6, 0.9)\",,,5625.000000000006,40000,\"$5,625\",$40k,,arr,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\n2,territories.east.inbound_leads_per_month,Inbound leads a month (east),"
                     "constant,analysed,20,20,0.2,16,24.000000000000004,16,24,,arr,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\n3,customers.annual_churn,Annual-contract churn,constant,analysed,0.9,0.9,"
                     "0.2,0.72,1,72%,100%,high,arr,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\n,pipeline.complex_share,Complex-deal share,constant,unchanged,"),
            std::string::npos);
}

// Screened with its first 20 replications: each analysed row says how many its runs had.
TEST(SensitivityFiles, EachRowSaysHowManyReplicationsItsRunsHad) {
  const std::string csv = sensitivity_csv(testing::sample_screened_sensitivity_result(), "USD");
  // swing, swing_se, rank_correlation, correlation_replications, replications, default.
  EXPECT_NE(csv.find(",1500000,10000,0.12,100,100,false\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",-150000,2000,,0,20,false\n"), std::string::npos) << csv;
  // Not analysed (swing 0, no interval): no replications.
  EXPECT_TRUE(csv.ends_with(",0,0,,,,false\n")) << csv;
  const SensitivityDocument back = parse_sensitivity_json(sensitivity_json(
      testing::sample_screened_sensitivity_result(), model::default_scenario(), "plan.yaml", 12));
  EXPECT_EQ(back.result.screen_replications, 20u);
  EXPECT_EQ(back.result.inputs[0].replications, 100u);
  EXPECT_EQ(back.result.inputs[2].replications, 20u);
}

// `teamsim report` makes the tornado again from sensitivity.json: what it reads back is what was
// written.
TEST(SensitivityFiles, JsonReadsBackToTheSameResult) {
  SensitivityResult result = sample_sensitivity_result();
  result.inputs[1].is_default = true;
  model::ScenarioSpec spec = model::default_scenario();
  spec.money.currency = "EUR";
  const std::string json = sensitivity_json(result, spec, "plan.yaml", 12);
  EXPECT_NE(json.find("\"low_text\": \"€5,625\""), std::string::npos);
  const SensitivityDocument back = parse_sensitivity_json(json);
  EXPECT_EQ(back.currency, "EUR");
  // The plan's name, for the tornado's subtitle when `teamsim report` draws it again.
  EXPECT_EQ(back.result.scenario_name, spec.name);
  EXPECT_FALSE(back.result.scenario_name.empty());
  EXPECT_EQ(back.chart_inputs, 12u);
  EXPECT_EQ(back.result.metric.name, "arr");
  EXPECT_EQ(back.result.metric.month, 24);
  EXPECT_EQ(back.result.replications, 100u);
  EXPECT_DOUBLE_EQ(back.result.base.mean, 1e6);
  ASSERT_EQ(back.result.inputs.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    const InputSensitivity& a = result.inputs[i];
    const InputSensitivity& b = back.result.inputs[i];
    EXPECT_EQ(b.key_path, a.key_path);
    EXPECT_EQ(b.label, a.label);
    EXPECT_EQ(b.kind, a.kind);
    EXPECT_EQ(b.unit, a.unit);
    EXPECT_EQ(b.status, a.status);
    EXPECT_EQ(b.is_default, a.is_default) << a.key_path;
    EXPECT_DOUBLE_EQ(b.low_value, a.low_value);
    EXPECT_DOUBLE_EQ(b.high_value, a.high_value);
    EXPECT_EQ(b.high_clamped, a.high_clamped);
    EXPECT_DOUBLE_EQ(b.low.mean, a.low.mean);
    EXPECT_DOUBLE_EQ(b.high.mean, a.high.mean);
    EXPECT_DOUBLE_EQ(b.swing, a.swing);
  }
  EXPECT_DOUBLE_EQ(back.result.inputs[2].range, 0.2);
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

TEST(SensitivityFiles, TheSchemaVersionIsRaisedWhenTheSchemaChanges) {
  expect_schema_pinned(sensitivity_json_schema(), kSensitivitySchemaVersion,
                       {.file = "sensitivity.json",
                        .option = "--sensitivity",
                        .constant = "kSensitivitySchemaVersion",
                        .header = "app/results/sensitivity_files.h",
                        .version = 3,
                        .fingerprint = "cf8dbe39735dc403"});
}

// The file says the version its schema pins.
TEST(SensitivityFiles, TheJsonSaysTheSchemasVersion) {
  const SensitivityResult result = sample_sensitivity_result();
  const nlohmann::json json =
      nlohmann::json::parse(sensitivity_json(result, model::default_scenario(), "plan.yaml", 15));
  EXPECT_EQ(json["schema_version"], kSensitivitySchemaVersion);
  EXPECT_EQ(sensitivity_json_schema()["properties"]["schema_version"]["const"],
            kSensitivitySchemaVersion);
}

// Whether the scenario wrote each input is the CSV's last column and a field of each input.
TEST(SensitivityFiles, EachInputSaysWhetherItIsADefault) {
  SensitivityResult result = sample_sensitivity_result();
  result.inputs[0].is_default = false;
  result.inputs[1].is_default = true;
  const std::string csv = sensitivity_csv(result, "USD");
  const std::string header = csv.substr(0, csv.find('\n'));
  EXPECT_TRUE(header.ends_with(",replications,default")) << header;
  std::size_t line = csv.find('\n') + 1;
  const std::string first = csv.substr(line, csv.find('\n', line) - line);
  line = csv.find('\n', line) + 1;
  const std::string second = csv.substr(line, csv.find('\n', line) - line);
  EXPECT_TRUE(first.ends_with(",false")) << first;
  EXPECT_TRUE(second.ends_with(",true")) << second;
  const nlohmann::json json =
      nlohmann::json::parse(sensitivity_json(result, model::default_scenario(), "plan.yaml", 15));
  EXPECT_EQ(json["inputs"][0]["default"], false);
  EXPECT_EQ(json["inputs"][1]["default"], true);
}

}  // namespace
}  // namespace teamsim::app
