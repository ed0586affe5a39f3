#include "app/results/summary_reader.h"

#include <gtest/gtest.h>

#include <exception>
#include <fstream>
#include <optional>
#include <string>

#include "app/analysis/run_summary.h"
#include "app/common/errors.h"
#include "app/results/summary_writer.h"
#include "models/defaults.h"
#include "models/projection.h"
#include "tests/app/results/small_run.h"
#include "tests/undefined_values.h"

namespace teamsim::app {
namespace {

TEST(SummaryReaderTest, ReadsBackWhatSummaryJsonWrote) {
  model::ScenarioSpec spec = model::default_scenario();
  spec.horizon_months = 6;
  model::ProjectionOptions options;
  options.replications = 20;
  options.seed = 3;
  options.threads = 1;
  RunSummary written =
      summarize_run(spec, model::project(spec, options), 3, {{"arr", 6}, {"customers", 2}});
  ASSERT_EQ(written.histograms.size(), 2u);
  written.histograms[0].histogram.last_closed = true;  // as a share's ending at 100 % is
  EXPECT_EQ(written.histograms[1].histogram.total(), 20u);
  const std::optional<SummaryDocument> read = parse_summary_json(summary_json(written, spec));
  EXPECT_EQ(read->summary.scenario_name, written.scenario_name);
  EXPECT_EQ(read->summary.seed, 3u);
  EXPECT_EQ(read->summary.replications, 20u);
  EXPECT_EQ(read->summary.horizon_months, 6);
  ASSERT_EQ(read->summary.metrics.size(), written.metrics.size());
  for (std::size_t m = 0; m < written.metrics.size(); ++m) {
    SCOPED_TRACE(written.metrics[m].info.name);
    EXPECT_EQ(read->summary.metrics[m].info.name, written.metrics[m].info.name);
    EXPECT_EQ(read->summary.metrics[m].info.unit, written.metrics[m].info.unit);
    EXPECT_TRUE(testing::approx_values(read->summary.metrics[m].stats.percentiles,
                                       written.metrics[m].stats.percentiles));
    EXPECT_TRUE(
        testing::approx_values(read->summary.metrics[m].stats.mean, written.metrics[m].stats.mean));
    EXPECT_EQ(read->summary.metrics[m].stats.defined, written.metrics[m].stats.defined);
    EXPECT_EQ(read->summary.metrics[m].info.can_be_undefined,
              written.metrics[m].info.can_be_undefined);
    EXPECT_EQ(read->summary.metrics[m].info.defined_from_month,
              written.metrics[m].info.defined_from_month);
  }
  // Not in the file, but a report rebuilt from it still knows that a retention ratio has no
  // value before month 12 (its expect: lines say so).
  EXPECT_EQ(read->summary.find("grr_t12m")->info.defined_from_month, 12);
  EXPECT_EQ(read->summary.find("arr")->info.defined_from_month, 1);
  ASSERT_EQ(read->summary.histograms.size(), 2u);
  for (std::size_t h = 0; h < 2; ++h) {
    EXPECT_EQ(read->summary.histograms[h].metric, written.histograms[h].metric);
    EXPECT_EQ(read->summary.histograms[h].month, written.histograms[h].month);
    EXPECT_EQ(read->summary.histograms[h].histogram.counts, written.histograms[h].histogram.counts);
    EXPECT_EQ(read->summary.histograms[h].histogram.bin_width,
              written.histograms[h].histogram.bin_width);
    EXPECT_EQ(read->summary.histograms[h].histogram.last_closed, h == 0);
  }
  EXPECT_TRUE(read->resolved_scenario.is_object());
  EXPECT_FALSE(read->tool_version.empty());
}

TEST(SummaryReaderTest, TheRolesHiredByRulesAndNotBackfilledAreReadBackAndUnknownInOlderFiles) {
  model::ScenarioSpec spec = model::default_scenario();
  spec.horizon_months = 3;
  RunSummary written = small_run(spec, 4, 1);
  written.roles_hired_by_rules = std::vector<std::string>{"customer_success", "sdr"};
  written.roles_without_backfill = std::vector<std::string>{"sales_manager"};
  const SummaryDocument read = parse_summary_json(summary_json(written, spec));
  EXPECT_EQ(read.summary.roles_hired_by_rules, written.roles_hired_by_rules);
  EXPECT_EQ(read.summary.roles_without_backfill, written.roles_without_backfill);

  // A plan without either writes empty lists, read back as known and empty.
  written.roles_hired_by_rules = std::vector<std::string>{};
  written.roles_without_backfill = std::vector<std::string>{};
  std::string text = summary_json(written, spec);
  EXPECT_NE(text.find("\"roles_hired_by_rules\": []"), std::string::npos);
  const SummaryDocument empty = parse_summary_json(text);
  ASSERT_TRUE(empty.summary.roles_hired_by_rules.has_value());
  EXPECT_TRUE(empty.summary.roles_hired_by_rules->empty());
  ASSERT_TRUE(empty.summary.roles_without_backfill.has_value());

  // A file from before they were written does not know them.
  for (const char* key : {"roles_hired_by_rules", "roles_without_backfill"}) {
    const std::size_t at = text.find(std::string("\"") + key + "\": [],");
    ASSERT_NE(at, std::string::npos) << key;
    text.erase(at, text.find('\n', at) + 1 - at);
  }
  const SummaryDocument older = parse_summary_json(text);
  EXPECT_FALSE(older.summary.roles_hired_by_rules.has_value());
  EXPECT_FALSE(older.summary.roles_without_backfill.has_value());
}

TEST(SummaryReaderTest, PlausibilityWarningsAreKeptWithoutWhereTheyWereWritten) {
  // summary.json held no warnings, so `teamsim report` could not show what run's report did. They
  // are kept by key and message (the file, line and column are the scenario file's: the same run
  // from its scenario.yaml would write other ones), and only when there are some.
  model::ScenarioSpec spec = model::default_scenario();
  spec.horizon_months = 3;
  RunSummary written = small_run(spec, 4, 1);
  EXPECT_EQ(summary_json(written, spec).find("\"warnings\""), std::string::npos);
  written.warnings = {{"plans/q3.yaml", 2, 28, "customers.monthly_churn", "1 means 100 %", true},
                      {"plans/q3.yaml", 6, 5, "hires[0]", "the \"search\" starts late", true}};
  const std::string text = summary_json(written, spec);
  EXPECT_NE(text.find("  \"warnings\": [\n    {\n      \"key\": \"customers.monthly_churn\",\n"
                      "      \"message\": \"1 means 100 %\"\n    },"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("plans/q3.yaml"), std::string::npos);
  EXPECT_LT(text.find("\"warnings\""), text.find("\"resolved_scenario\""));
  const SummaryDocument read = parse_summary_json(text);
  ASSERT_EQ(read.summary.warnings.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const Diagnostic& w = read.summary.warnings[i];
    EXPECT_EQ(w.key_path, written.warnings[i].key_path);
    EXPECT_EQ(w.message, written.warnings[i].message);
    EXPECT_TRUE(w.warning);
    EXPECT_EQ(w.file, "");
    EXPECT_EQ(w.line, 0);
  }
  std::string bad = text;
  bad.replace(bad.find("\"key\": \"hires[0]\""), 17, "\"keys\": \"hires[0]\"");
  EXPECT_THROW(parse_summary_json(bad), Error);
}

TEST(SummaryReaderTest, ExpectationsAreReadBackOnlyWhenTheScenarioHadThem) {
  model::ScenarioSpec spec = model::default_scenario();
  spec.horizon_months = 3;
  RunSummary written = small_run(spec, 4, 1);
  EXPECT_EQ(summary_json(written, spec).find("\"expectations\""), std::string::npos);
  written.expectations = {{"arr", 3, "p50", Comparison::kGreater, 0.1, "ARR grows", {}},
                          {"cash", 2, "mean", Comparison::kLessEqual, 2.5e6, "cash", {}}};
  const std::string text = summary_json(written, spec);
  const SummaryDocument read = parse_summary_json(text);
  ASSERT_EQ(read.summary.expectations.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const Expectation& e = read.summary.expectations[i];
    EXPECT_EQ(e.metric, written.expectations[i].metric);
    EXPECT_EQ(e.month, written.expectations[i].month);
    EXPECT_EQ(e.stat, written.expectations[i].stat);
    EXPECT_EQ(e.op, written.expectations[i].op);
    EXPECT_EQ(e.value, written.expectations[i].value);
    EXPECT_EQ(e.name, written.expectations[i].name);
  }
  std::string bad = text;
  const std::string op = "\"op\": \">\"";
  bad.replace(bad.find(op), op.size(), "\"op\": \"!\"");
  try {
    parse_summary_json(bad);
    ADD_FAILURE() << "an unknown operator was read";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("an expectation is malformed (unknown operator)"),
              std::string::npos)
        << e.what();
  }
}

TEST(SummaryReaderTest, AStartDateIsReadBack) {
  model::ScenarioSpec spec = model::default_scenario();
  spec.horizon_months = 2;
  spec.start_year = 2027;
  spec.seasonality.start_month_of_year = 11;
  const RunSummary written = small_run(spec, 5, 1);
  const std::optional<SummaryDocument> read = parse_summary_json(summary_json(written, spec));
  EXPECT_EQ(read->summary.start_date, (CalendarMonth{2027, 11}));
  EXPECT_EQ(read->summary.month_names().label(2), "Dec 2027");
}

// The message of the Error that parse_summary_json throws for `text`.
std::string refusal(const std::string& text) {
  try {
    parse_summary_json(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no Error)";
}

TEST(SummaryReaderTest, RejectsWhatIsNotASummary) {
  EXPECT_EQ(refusal("not json"), "not a JSON object");
  EXPECT_EQ(refusal(R"({"tool": "other"})"),
            "not a teamsim summary.json (no \"tool\": \"teamsim\" or no metrics)");
  EXPECT_EQ(refusal(R"({"tool": "teamsim", "horizon_months": 2, "metrics": [{"name": "arr", )"
                    R"("mean": [1]}]})"),
            "metric arr: mean or se is not a list of 2 numbers");
  const std::string histogram_prefix =
      R"({"tool": "teamsim", "horizon_months": 1, "metrics": [], "histograms": [)";
  for (const char* bad :
       {R"({"metric": "arr", "month": 1, "first_edge": 0, "bin_width": 0, "counts": [1]}]})",
        R"({"metric": "arr", "month": 1, "first_edge": 0, "bin_width": 1, "counts": [-1]}]})",
        R"({"metric": "arr", "month": 1, "first_edge": 0, "bin_width": 1, "counts": "3"}]})",
        R"({"month": 1, "first_edge": 0, "bin_width": 1, "counts": [1]}]})"}) {
    EXPECT_EQ(refusal(histogram_prefix + bad).rfind("a histogram is malformed (", 0), 0u) << bad;
  }
  EXPECT_NO_THROW(parse_summary_json(histogram_prefix + R"(]})"));
  EXPECT_EQ(refusal(R"({"tool": "teamsim", "horizon_months": 1, "start_date": "2027", )"
                    R"("metrics": []})"),
            "start_date is not a month written YYYY-MM, such as 2027-01");
}

TEST(SummaryReaderTest, AFileThatIsNotASummaryNestsTheReason) {
  EXPECT_THROW(
      {
        try {
          read_summary_file("/nonexistent/summary.json");
        } catch (const Error& e) {
          EXPECT_STREQ(e.what(), "cannot read /nonexistent/summary.json");
          throw;
        }
      },
      Error);
  const std::string path = ::testing::TempDir() + "/not_a_summary.json";
  std::ofstream(path) << "[1, 2]";
  try {
    read_summary_file(path);
    ADD_FAILURE() << "no Error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot read " + path + " as a run's summary");
    try {
      std::rethrow_if_nested(e);
      ADD_FAILURE() << "nothing nested";
    } catch (const Error& cause) {
      EXPECT_STREQ(cause.what(), "not a JSON object");
    }
  }
}

}  // namespace
}  // namespace teamsim::app
