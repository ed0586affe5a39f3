#include "app/results/sweep_json_schema.h"

#include <gtest/gtest.h>

#include "tests/app/results/schema_pin.h"

namespace teamsim::app {
namespace {

TEST(SweepJsonSchemaTest, TheSchemaVersionIsRaisedWhenTheSchemaChanges) {
  // Version 2: each metric of a point has its standard errors (se), as sweep.csv has.
  expect_schema_pinned(sweep_json_schema(), kSweepSchemaVersion,
                       {.file = "sweep.json",
                        .option = "--sweep",
                        .constant = "kSweepSchemaVersion",
                        .header = "app/results/sweep_json_schema.h",
                        .version = 2,
                        .fingerprint = "4ab1e1549a1dfecd"});
}

// A point's metric has the columns of sweep.csv, se included, and nothing else.
TEST(SweepJsonSchemaTest, APointsMetricHasTheStatisticsOfSweepCsv) {
  const nlohmann::ordered_json schema = sweep_json_schema();
  const auto& metric =
      schema["properties"]["points"]["items"]["properties"]["metrics"]["additionalProperties"];
  EXPECT_EQ(metric["required"],
            nlohmann::ordered_json::array(
                {"mean", "se", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "defined"}));
  EXPECT_FALSE(metric["additionalProperties"].get<bool>());
}

}  // namespace
}  // namespace teamsim::app
