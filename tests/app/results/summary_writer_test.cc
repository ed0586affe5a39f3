#include "app/results/summary_writer.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "app/analysis/run_summary.h"
#include "app/scenario/scenario_json.h"
#include "models/defaults.h"
#include "models/projection.h"
#include "sim/statistics.h"
#include "tests/app/results/schema_pin.h"
#include "tests/app/results/small_run.h"

namespace teamsim::app {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, separator)) parts.push_back(part);
  return parts;
}

/// The fields of a CSV line without quotes, an empty last field included.
std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> fields = split(line, ',');
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

TEST(SummaryWriterTest, RoundsForPeople) {
  EXPECT_EQ(round_for_people(1234567.89), 1234568.0);
  EXPECT_EQ(round_for_people(-250123.4), -250123.0);
  EXPECT_EQ(round_for_people(100.4), 100.0);
  EXPECT_DOUBLE_EQ(round_for_people(12.345), 12.3);
  EXPECT_DOUBLE_EQ(round_for_people(0.012345), 0.0123);
  EXPECT_DOUBLE_EQ(round_for_people(-3.14159), -3.14);
  EXPECT_EQ(round_for_people(0.0), 0.0);
  EXPECT_FALSE(std::signbit(round_for_people(-0.0)));
  EXPECT_TRUE(std::isnan(round_for_people(std::numeric_limits<double>::quiet_NaN())));
}

TEST(SummaryWriterTest, WideCsvHasARowPerMetricAndStatisticAndAColumnPerMonth) {
  model::ScenarioSpec spec = model::default_scenario();
  spec.horizon_months = 5;
  model::ProjectionOptions options;
  options.replications = 20;
  options.seed = 7;
  options.threads = 1;
  const RunSummary summary = summarize_run(spec, model::project(spec, options), 7);
  const std::vector<std::string> lines = split(summary_wide_csv(summary), '\n');
  // Four statistics per metric, and a "defined" row for each ratio that can be undefined.
  const auto can_be_undefined =
      std::count_if(summary.metrics.begin(), summary.metrics.end(),
                    [](const MetricSummary& metric) { return metric.info.can_be_undefined; });
  ASSERT_EQ(lines.size(), 1 + 4 * summary.metrics.size() + can_be_undefined);
  EXPECT_EQ(lines[0], "metric,unit,statistic,M1,M2,M3,M4,M5");
  const MetricSummary* arr = summary.find("arr");
  ASSERT_NE(arr, nullptr);
  const std::vector<std::string> statistics = {"p10", "p50", "p90", "mean", "defined"};
  const std::vector<Eigen::Index> percentile_columns = {sim::kColumnP10, sim::kColumnP50,
                                                        sim::kColumnP90};
  std::size_t seen = 0;
  std::string previous;
  std::size_t k = 0;  // the row's statistic within its metric
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::vector<std::string> fields = fields_of(lines[i]);
    ASSERT_EQ(fields.size(), 8u) << lines[i];
    k = fields[0] == previous ? k + 1 : 0;
    previous = fields[0];
    ASSERT_LT(k, statistics.size()) << lines[i];
    EXPECT_EQ(fields[2], statistics[k]) << lines[i];
    if (fields[0] != "arr") continue;
    ++seen;
    EXPECT_EQ(fields[1], arr->info.unit);
    for (int month = 0; month < 5; ++month) {
      const double expected = fields[2] == "mean"
                                  ? arr->stats.mean(month)
                                  : arr->stats.percentiles(month, percentile_columns[k]);
      EXPECT_DOUBLE_EQ(std::stod(fields[3 + month]), round_for_people(expected)) << lines[i];
    }
  }
  EXPECT_EQ(seen, 4u);
}

// With a start date (Nov 2027) the wide CSV's columns are calendar months across the year end,
// summary.csv gains a date column after the month, and summary.json records the start date.
TEST(SummaryWriterTest, ADatedRunNamesItsMonths) {
  model::ScenarioSpec spec = model::default_scenario();
  spec.horizon_months = 3;
  spec.start_year = 2027;
  spec.seasonality.start_month_of_year = 11;
  const RunSummary summary = small_run(spec, 10, 7);
  EXPECT_EQ(split(summary_wide_csv(summary), '\n')[0],
            "metric,unit,statistic,Nov 2027,Dec 2027,Jan 2028");
  const std::vector<std::string> lines = split(summary_csv(summary), '\n');
  EXPECT_EQ(lines[0].rfind("scenario,month,date,metric,unit,mean,", 0), 0u) << lines[0];
  EXPECT_EQ(fields_of(lines[3])[1], "3");
  EXPECT_EQ(fields_of(lines[3])[2], "2028-01");
  EXPECT_NE(summary_json(summary, spec).find("\"start_date\": \"2027-11\""), std::string::npos);
}

// Without one, summary.json has no start_date key at all.
TEST(SummaryWriterTest, AnUndatedRunWritesNoStartDate) {
  model::ScenarioSpec spec = model::default_scenario();
  spec.horizon_months = 2;
  const RunSummary summary = small_run(spec, 5, 1);
  EXPECT_EQ(summary_json(summary, spec).find("start_date"), std::string::npos);
  EXPECT_EQ(summary_csv(summary).rfind("scenario,month,metric,", 0), 0u);
}

TEST(SummaryWriterTest, TheSchemaVersionIsRaisedWhenTheSchemaChanges) {
  // schema_version was not tied to the schema: a field could be added, retyped or removed and
  // the files still said schema_version 1, so a pipeline that checks the version (or validates
  // against the schema it saved) could not tell the files apart.
  expect_schema_pinned(summary_json_schema(), kSummarySchemaVersion,
                       {.file = "summary.json",
                        .option = "--summary",
                        .constant = "kSummarySchemaVersion",
                        .header = "app/results/summary_writer.h",
                        .version = 2,
                        .fingerprint = "591ce2993bf02664"});
}

TEST(SummaryWriterTest, TheSchemaFingerprintSeesEveryChangeButADescriptions) {
  const nlohmann::ordered_json schema = summary_json_schema();
  nlohmann::ordered_json reworded = schema;
  reworded["properties"]["version"]["description"] = "Reworded.";
  EXPECT_EQ(schema_fingerprint(reworded), schema_fingerprint(schema));
  nlohmann::ordered_json retyped = schema;
  retyped["properties"]["seed"]["type"] = "number";
  EXPECT_NE(schema_fingerprint(retyped), schema_fingerprint(schema));
  nlohmann::ordered_json added = schema;
  added["properties"]["new_field"] = {{"type", "string"}};
  EXPECT_NE(schema_fingerprint(added), schema_fingerprint(schema));
  // A metric's own "description" field is a property of summary.json, not an annotation.
  ASSERT_TRUE(schema["properties"]["metrics"]["items"]["properties"].contains("description"));
  nlohmann::ordered_json dropped = schema;
  dropped["properties"]["metrics"]["items"]["properties"].erase("description");
  EXPECT_NE(schema_fingerprint(dropped), schema_fingerprint(schema));
}

}  // namespace
}  // namespace teamsim::app
