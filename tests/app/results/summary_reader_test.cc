#include "app/results/summary_reader.h"

#include <gtest/gtest.h>

#include "app/analysis/run_summary.h"
#include "app/cli/histogram_option.h"
#include "app/results/summary_writer.h"
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
  const RunSummary written =
      summarize_run(spec, model::project(spec, options), 3, {{"arr", 6}, {"customers", 2}});
  ASSERT_EQ(written.histograms.size(), 2u);
  EXPECT_EQ(written.histograms[1].histogram.total(), 20u);
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
  ASSERT_EQ(read->summary.histograms.size(), 2u);
  for (std::size_t h = 0; h < 2; ++h) {
    EXPECT_EQ(read->summary.histograms[h].metric, written.histograms[h].metric);
    EXPECT_EQ(read->summary.histograms[h].month, written.histograms[h].month);
    EXPECT_EQ(read->summary.histograms[h].histogram.counts, written.histograms[h].histogram.counts);
    EXPECT_EQ(read->summary.histograms[h].histogram.bin_width,
              written.histograms[h].histogram.bin_width);
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
  const std::string histogram_prefix =
      R"({"tool": "teamsim", "horizon_months": 1, "metrics": [], "histograms": [)";
  for (const char* bad :
       {R"({"metric": "arr", "month": 1, "first_edge": 0, "bin_width": 0, "counts": [1]}]})",
        R"({"metric": "arr", "month": 1, "first_edge": 0, "bin_width": 1, "counts": [-1]}]})",
        R"({"metric": "arr", "month": 1, "first_edge": 0, "bin_width": 1, "counts": "3"}]})",
        R"({"month": 1, "first_edge": 0, "bin_width": 1, "counts": [1]}]})"}) {
    EXPECT_FALSE(parse_summary_json(histogram_prefix + bad, error)) << bad;
    EXPECT_NE(error.find("a histogram is malformed"), std::string::npos) << error;
  }
  EXPECT_TRUE(parse_summary_json(histogram_prefix + R"(]})", error)) << error;
  EXPECT_FALSE(read_summary_file("/nonexistent/summary.json", error));
  EXPECT_NE(error.find("cannot read"), std::string::npos);
}

TEST(SummaryReaderTest, HistogramRequestsAreCheckedAgainstTheRun) {
  const std::vector<std::string> names = {"arr", "customers", "cash"};
  std::string error;
  const auto ok = parse_histogram_request("customers@12", names, 24, error);
  ASSERT_TRUE(ok) << error;
  EXPECT_EQ(ok->metric, "customers");
  EXPECT_EQ(ok->month, 12);
  EXPECT_EQ(parse_histogram_request("arr@last", names, 24, error)->month, 24);
  EXPECT_FALSE(parse_histogram_request("ar@12", names, 24, error));
  EXPECT_EQ(error, "unknown metric 'ar'; did you mean 'arr'?");
  EXPECT_FALSE(parse_histogram_request("arr@25", names, 24, error));
  EXPECT_EQ(error, "month 25 is outside the horizon of 24 months");
  EXPECT_FALSE(parse_histogram_request("arr@soon", names, 24, error));
  EXPECT_NE(error.find("'soon' is not a month"), std::string::npos) << error;
  EXPECT_FALSE(parse_histogram_request("arr", names, 24, error));
  EXPECT_NE(error.find("METRIC@MONTH"), std::string::npos) << error;
}

TEST(SummaryReaderTest, HistogramOptionsAreParsedOnceAndResolvedPerScenario) {
  // The form alone, before any scenario: "last" stays unresolved.
  std::string error;
  const auto last = parse_histogram_option("territory.emea.leads@last", error);
  ASSERT_TRUE(last) << error;
  EXPECT_EQ(last->metric, "territory.emea.leads");
  EXPECT_FALSE(last->month);
  EXPECT_EQ(parse_histogram_option("arr@36", error)->month, 36);
  for (const char* bad : {"arr", "@12", "arr@", "arr@0", "arr@-3", "arr@1.5", "arr@soon"}) {
    EXPECT_FALSE(parse_histogram_option(bad, error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
  // Then against each scenario: "last" is each one's horizon; a month past it or a metric the
  // scenario lacks is refused with the reason.
  const std::vector<std::string> names = {"arr", "territory.emea.leads"};
  EXPECT_EQ(resolve_histogram_option(*last, names, 24, error)->month, 24);
  EXPECT_EQ(resolve_histogram_option(*last, names, 12, error)->month, 12);
  const auto month_36 = *parse_histogram_option("arr@36", error);
  EXPECT_EQ(resolve_histogram_option(month_36, names, 36, error)->month, 36);
  EXPECT_FALSE(resolve_histogram_option(month_36, names, 24, error));
  EXPECT_EQ(error, "month 36 is outside the horizon of 24 months");
  EXPECT_FALSE(resolve_histogram_option(*last, {"arr", "territory.apac.leads"}, 24, error));
  EXPECT_EQ(error, "unknown metric 'territory.emea.leads'; metrics are: arr, territory.apac.leads");
}

}  // namespace
}  // namespace teamsim::app
