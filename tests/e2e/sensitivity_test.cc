#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

const std::string kScenario =
    std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/compare-manager-first.yaml";

TEST(SensitivityCli, RanksTheInputsAndWritesCsvJsonAndTheTornadoChart) {
  TempDir out;
  const int n = replications_for_build(60);
  const CommandResult r =
      run_teamsim("sensitivity '" + kScenario + "' --variant reps_first --metric arr --month 24" +
                  " -n " + std::to_string(n) + " -t 2 -q --report --out " + out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ARR at month 24: base mean"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("swing ± 95% CI"), std::string::npos) << r.out;
  const std::string csv = read_file(out.path() + "/sensitivity.csv");
  EXPECT_EQ(csv.rfind("rank,input,status,distribution,low_value,high_value,metric,unit,month,", 0),
            0u);
  EXPECT_NE(csv.find("\n1,"), std::string::npos);
  const auto json = nlohmann::json::parse(read_file(out.path() + "/sensitivity.json"));
  EXPECT_EQ(json["metric"], "arr");
  EXPECT_EQ(json["month"], 24);
  EXPECT_EQ(json["replications"], n);
  // The first input is analysed and has the largest swing; no analysed input follows a
  // skipped one.
  const auto& inputs = json["inputs"];
  ASSERT_GT(inputs.size(), 10u);
  EXPECT_EQ(inputs[0]["status"], "analysed");
  bool skipped = false;
  double previous = 1e300;
  for (const auto& input : inputs) {
    if (input["status"] != "analysed") {
      skipped = true;
      continue;
    }
    EXPECT_FALSE(skipped) << input["input"];
    const double swing = std::abs(input["swing"].get<double>());
    EXPECT_LE(swing, previous);
    previous = swing;
  }
  const std::string svg = read_file(out.path() + "/sensitivity.svg");
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("What moves ARR at month 24"), std::string::npos);
  // --report: the base run's report with the tornado chart in it.
  const std::string html = read_file(out.path() + "/report.html");
  EXPECT_NE(html.find("<figure id=\"chart-sensitivity\">"), std::string::npos);
  EXPECT_EQ(read_file(out.path() + "/charts/sensitivity.svg"), svg);
  EXPECT_NE(read_file(out.path() + "/summary.csv"), "");
}

TEST(SensitivityCli, BadMetricOrMonthIsAUsageErrorWithAHint) {
  TempDir out;
  CommandResult r = run_teamsim("sensitivity '" + kScenario +
                                "' --variant reps_first --metric ar -n 5 -q --out " + out.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--metric 'ar': unknown metric; did you mean 'arr'?"), std::string::npos)
      << r.err;
  r = run_teamsim("sensitivity '" + kScenario + "' --month 30 -n 5 -q --out " + out.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--month 30: the scenario runs 24 months (1..24)"), std::string::npos)
      << r.err;
  r = run_teamsim("sensitivity '" + kScenario + "' --variant nope -n 5 -q --out " + out.path());
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(read_file(out.path() + "/sensitivity.csv"), "");
}

}  // namespace
}  // namespace teamsim::e2e
