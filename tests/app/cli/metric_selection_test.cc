#include "app/cli/metric_selection.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/common/errors.h"
#include "models/defaults.h"

namespace teamsim::app {
namespace {

// The message of the UsageError that select_metrics throws for `patterns`.
std::string refusal(const model::MetricLayout& layout, const std::vector<std::string>& patterns) {
  try {
    select_metrics(layout, patterns);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "(no UsageError)";
}

TEST(MetricSelectionTest, SelectMetricsByNameOrPrefixInLayoutOrder) {
  const model::MetricLayout layout(model::default_scenario());
  EXPECT_EQ(select_metrics(layout, {"cash", "arr", "arr"}),
            (std::vector<std::size_t>{layout.find("arr"), layout.find("cash")}));

  const std::vector<std::size_t> headcounts = select_metrics(layout, {"headcount.*"});
  ASSERT_EQ(headcounts.size(), model::default_scenario().roles.size());
  EXPECT_EQ(headcounts.front(), layout.headcount_index(0));

  EXPECT_EQ(refusal(layout, {"arr", "ar"}),
            "--metrics: no metric is named 'ar'; did you mean 'arr'?");
  EXPECT_EQ(refusal(layout, {"total_headcount"}),
            "--metrics: no metric is named 'total_headcount'; did you mean 'headcount_total'?");
  EXPECT_EQ(refusal(layout, {"territory.mars.*"}),
            "--metrics: no metric starts with 'territory.mars.' (every metric is listed in "
            "docs/metrics.md and in summary.csv)");
}

}  // namespace
}  // namespace teamsim::app
