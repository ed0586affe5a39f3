#include "app/summary_reader.h"

#include <gtest/gtest.h>

#include "app/run_summary.h"
#include "models/defaults.h"
#include "models/projection.h"

namespace teamsim::app {
namespace {

TEST(SummaryReaderTest, ReadsBackWhatSummaryJsonWrote) {
  model::ScenarioSpec spec = model::default_scenario();
  spec.horizon_months = 6;
  model::ProjectionOptions options;
  options.replications = 20;
  options.seed = 3;
  options.threads = 1;
  const RunSummary written = summarize_run(spec, model::project(spec, options), 3);
  std::string error;
  const auto read = parse_summary_json(summary_json(written, spec), error);
  ASSERT_TRUE(read) << error;
  EXPECT_EQ(read->summary.scenario_name, written.scenario_name);
  EXPECT_EQ(read->summary.seed, 3u);
  EXPECT_EQ(read->summary.replications, 20u);
  EXPECT_EQ(read->summary.horizon_months, 6);
  ASSERT_EQ(read->summary.metrics.size(), written.metrics.size());
  for (std::size_t m = 0; m < written.metrics.size(); ++m) {
    SCOPED_TRACE(written.metrics[m].info.name);
    EXPECT_EQ(read->summary.metrics[m].info.name, written.metrics[m].info.name);
    EXPECT_EQ(read->summary.metrics[m].info.unit, written.metrics[m].info.unit);
    EXPECT_TRUE(
        read->summary.metrics[m].stats.percentiles.isApprox(written.metrics[m].stats.percentiles));
    EXPECT_TRUE(read->summary.metrics[m].stats.mean.isApprox(written.metrics[m].stats.mean));
  }
  EXPECT_TRUE(read->resolved_scenario.is_object());
  EXPECT_FALSE(read->tool_version.empty());
}

TEST(SummaryReaderTest, RejectsWhatIsNotASummary) {
  std::string error;
  EXPECT_FALSE(parse_summary_json("not json", error));
  EXPECT_EQ(error, "not a JSON object");
  EXPECT_FALSE(parse_summary_json(R"({"tool": "other"})", error));
  EXPECT_NE(error.find("not a teamsim summary.json"), std::string::npos);
  EXPECT_FALSE(parse_summary_json(
      R"({"tool": "teamsim", "horizon_months": 2, "metrics": [{"name": "arr", "mean": [1]}]})",
      error));
  EXPECT_NE(error.find("metric arr"), std::string::npos) << error;
  EXPECT_FALSE(read_summary_file("/nonexistent/summary.json", error));
  EXPECT_NE(error.find("cannot read"), std::string::npos);
}

}  // namespace
}  // namespace teamsim::app
