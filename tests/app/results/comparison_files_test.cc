#include "app/results/comparison_files.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/analysis/plan_comparison.h"
#include "tests/app/results/schema_pin.h"

namespace teamsim::app {
namespace {

// Two plans of two replications and one month, with the customers and ARR given here, so that
// every statistic of the table can be worked out by hand.
PlanComparison two_plans(const std::vector<double>& customers_a,
                         const std::vector<double>& customers_b) {
  PlanComparison comparison;
  comparison.labels = {"a", "b"};
  comparison.replications = 2;
  comparison.horizon_months = 1;
  comparison.currency = "USD";
  comparison.metrics = {model::MetricInfo("customers", "count", model::MetricKind::kStock, ""),
                        model::MetricInfo("arr", "currency", model::MetricKind::kStock, "")};
  const auto column = [](const std::vector<double>& values) {
    Eigen::MatrixXd samples(static_cast<Eigen::Index>(values.size()), 1);
    for (std::size_t r = 0; r < values.size(); ++r)
      samples(static_cast<Eigen::Index>(r), 0) = values[r];
    return samples;
  };
  const std::vector<double> arr = {1'000'000, 1'200'000};
  comparison.samples = {{column(customers_a), column(arr)}, {column(customers_b), column(arr)}};
  comparison.event_counts = {{Eigen::MatrixXd(), Eigen::MatrixXd()},
                             {Eigen::MatrixXd(), Eigen::MatrixXd()}};
  return comparison;
}

// The row of `label` at the only month.
std::vector<std::string> row_of(const std::vector<std::vector<std::string>>& rows,
                                const std::string& label) {
  for (const std::vector<std::string>& row : rows) {
    if (row.front() == label) return row;
  }
  ADD_FAILURE() << "no row " << label;
  return {};
}

TEST(ComparisonFilesTest, ACountsPercentilesAreWholeNumbersAsInRunsTable) {
  // Customers A {60, 61}, B {77, 61}: A's median interpolates to 60.5 and B's to 69; the
  // differences A - B are {-17, 0}, whose p10 (type 7) is -17 + 0.1 x 17 = -15.3 and p90
  // -17 + 0.9 x 17 = -1.7. The table writes them as whole customers, 61, 69 and -15 .. -2; the
  // mean difference, -8.5, keeps its decimal.
  const PlanComparison comparison = two_plans({60, 61}, {77, 61});
  const std::vector<std::vector<std::string>> rows =
      comparison_rows(comparison, summarize_comparison(comparison));
  const std::vector<std::string> customers = row_of(rows, "Customers");
  ASSERT_EQ(customers.size(), 2 + 2 + kComparisonPairColumns);
  EXPECT_EQ(customers[2], "61");
  EXPECT_EQ(customers[3], "69");
  EXPECT_EQ(customers[4].substr(0, 5), "-8.5 ");
  EXPECT_EQ(customers[5], "-15 .. -2");
  EXPECT_EQ(customers[6], "0%");   // A is never higher
  EXPECT_EQ(customers[7], "50%");  // equal in one of two
}

TEST(ComparisonFilesTest, MoneyPercentilesKeepTheirCompactForm) {
  // ARR {$1M, $1.2M} in both plans: the median $1.1M, every difference $0.
  const PlanComparison comparison = two_plans({1, 2}, {1, 2});
  const std::vector<std::string> arr =
      row_of(comparison_rows(comparison, summarize_comparison(comparison)), "ARR");
  ASSERT_EQ(arr.size(), 2 + 2 + kComparisonPairColumns);
  EXPECT_EQ(arr[2], "$1.1M");
  EXPECT_EQ(arr[3], "$1.1M");
  EXPECT_EQ(arr[5], "$0 .. $0");
  EXPECT_EQ(arr[7], "100%");
}

TEST(ComparisonFilesTest, TheSchemaVersionIsRaisedWhenTheSchemaChanges) {
  expect_schema_pinned(comparison_json_schema(), kCompareSchemaVersion,
                       {.file = "compare.json",
                        .option = "--compare",
                        .constant = "kCompareSchemaVersion",
                        .header = "app/results/comparison_files.h",
                        .version = 1,
                        .fingerprint = "cb430b6496ef68ed"});
}

// The JSON written for two plans has exactly the fields the schema names, each pair's
// differences with their p_a_greater and p_equal: the writer and the schema agree on the names,
// which jsonschema then checks in full on real files (compare_json_checked_by_jsonschema).
TEST(ComparisonFilesTest, TheSchemaNamesEveryFieldTheJsonHas) {
  const nlohmann::ordered_json schema = comparison_json_schema();
  const auto& metric = schema["properties"]["metrics"]["items"];
  EXPECT_EQ(metric["required"],
            nlohmann::ordered_json::array({"name", "unit", "description", "plans", "differences"}));
  const auto& difference = metric["properties"]["differences"]["items"]["properties"];
  for (const char* field : {"plan_a", "plan_b", "mean", "se", "p5", "p50", "p95", "defined",
                            "p_a_greater", "p_equal"}) {
    EXPECT_TRUE(difference.contains(field)) << field;
  }
  EXPECT_EQ(schema["properties"]["schema_version"]["const"], kCompareSchemaVersion);
  EXPECT_FALSE(metric["additionalProperties"].get<bool>());
}

}  // namespace
}  // namespace teamsim::app
