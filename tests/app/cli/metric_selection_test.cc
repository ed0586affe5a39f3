#include "app/cli/metric_selection.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "models/defaults.h"

namespace teamsim::app {
namespace {

TEST(MetricSelectionTest, SelectMetricsByNameOrPrefixInLayoutOrder) {
  const model::MetricLayout layout(model::default_scenario());
  std::string error;
  const auto picked = select_metrics(layout, {"cash", "arr", "arr"}, error);
  ASSERT_TRUE(picked) << error;
  EXPECT_EQ(*picked, (std::vector<std::size_t>{layout.find("arr"), layout.find("cash")}));

  const auto headcounts = select_metrics(layout, {"headcount.*"}, error);
  ASSERT_TRUE(headcounts) << error;
  ASSERT_EQ(headcounts->size(), model::default_scenario().roles.size());
  EXPECT_EQ(headcounts->front(), layout.headcount_index(0));

  EXPECT_EQ(select_metrics(layout, {"arr", "ar"}, error), std::nullopt);
  EXPECT_EQ(error, "--metrics: no metric is named 'ar'; did you mean 'arr'?");
  EXPECT_EQ(select_metrics(layout, {"territory.mars.*"}, error), std::nullopt);
  EXPECT_EQ(error,
            "--metrics: no metric starts with 'territory.mars.' (every metric is listed in "
            "docs/metrics.md and in summary.csv)");
}

}  // namespace
}  // namespace teamsim::app
