#include "app/report/sensitivity_report.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/app/sensitivity_test_util.h"

namespace teamsim::app {
namespace {

using testing::sample_sensitivity_result;

TEST(SensitivityReport, TheTableNamesInputsInWordsWithTheirValuesInUnits) {
  const std::string table = sensitivity_table(sample_sensitivity_result(), "USD");
  EXPECT_NE(table.find("Deal size (ACV)"), std::string::npos) << table;
  EXPECT_NE(table.find("$5,625 .. $40k (p10..p90)"), std::string::npos) << table;
  EXPECT_NE(table.find("Inbound leads a month (east)"), std::string::npos) << table;
  EXPECT_NE(table.find("16 .. 24 (±20%)"), std::string::npos) << table;
  EXPECT_NE(table.find("territories.east.inbound_leads_per_month"), std::string::npos);
  EXPECT_NE(table.find("each distribution pinned at its p10, then its p90; each constant at "
                       "−20% and +20%"),
            std::string::npos)
      << table;
  EXPECT_EQ(table.find("5625.0"), std::string::npos);
  EXPECT_EQ(table.find("24.000"), std::string::npos);
}

TEST(SensitivityReport, TheFootnoteCountsTheInputsAnalysedShownAndLeftOut) {
  // The sample: three inputs analysed, one constant unchanged by its range.
  EXPECT_NE(sensitivity_table(sample_sensitivity_result(), "USD", 2)
                .find("3 inputs analysed: 2 above, 1 more in sensitivity.csv. Left out: 1 "
                      "unchanged by their range"),
            std::string::npos);
  EXPECT_NE(sensitivity_table(sample_sensitivity_result(), "USD")
                .find("3 inputs analysed, all above. Left out: 1 unchanged"),
            std::string::npos);
}

// --range 0%: every constant held fixed, only the distributions analysed. The table says so
// instead of "each constant at −0% and +0%", and counts the constants held fixed apart.
TEST(SensitivityReport, ARangeOfZeroSaysTheConstantsAreHeldFixed) {
  SensitivityResult result = sample_sensitivity_result();
  for (std::size_t i = 1; i < result.inputs.size(); ++i) {
    InputSensitivity& constant = result.inputs[i];
    constant.status = InputStatus::kUnchanged;
    constant.range = 0;
    constant.low_value = constant.high_value = constant.base_value;
    constant.low = constant.high = result.base;
    constant.swing = constant.swing_se = 0;
  }
  const std::string table = sensitivity_table(result, "USD");
  EXPECT_NE(table.find("each distribution pinned at its p10, then its p90; each constant held "
                       "fixed (--range 0%); the base run's"),
            std::string::npos)
      << table;
  EXPECT_EQ(table.find("0%"), table.find("0%)"));  // no "−0% and +0%"
  EXPECT_NE(table.find("1 input analysed, all above. Left out: 3 held fixed (a --range of 0%), "
                       "0 unchanged by their range"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("none has an effect."), std::string::npos) << table;
  // The tornado counts its one input in the singular.
  EXPECT_NE(sensitivity_tornado(result, "USD").subtitle.find("at a time; 1 input"),
            std::string::npos)
      << sensitivity_tornado(result, "USD").subtitle;
  // One key of its own above 0: the others are held fixed "but those given their own".
  result.inputs[1].range = 0.5;
  EXPECT_NE(sensitivity_table(result, "USD")
                .find("each constant held fixed (--range 0%) but those given their own --range"),
            std::string::npos);
}

// The tornado, pasted alone into a slide (sensitivity.png), says which plan it ranks the inputs
// of, as a run's charts do: it said only "Mean of 100 replications with one input ...".
TEST(SensitivityReport, TheTornadoNamesItsPlan) {
  SensitivityResult result = sample_sensitivity_result();
  result.scenario_name = "Series A [fast]";
  EXPECT_EQ(sensitivity_tornado(result, "USD").subtitle.rfind("Series A [fast] · mean of ", 0), 0u)
      << sensitivity_tornado(result, "USD").subtitle;
  result.scenario_name.clear();
  EXPECT_EQ(sensitivity_tornado(result, "USD").subtitle.rfind("Mean of ", 0), 0u);
}

TEST(SensitivityReport, TheTornadoBarsCarryTheLabelAndTheRangeInUnits) {
  const TornadoChartSpec chart = sensitivity_tornado(sample_sensitivity_result(), "EUR");
  ASSERT_EQ(chart.bars.size(), 3u);  // the unchanged constant has no bar
  EXPECT_EQ(chart.bars[0].label, "Deal size (ACV)");
  EXPECT_EQ(chart.bars[0].range_note, "€5,625 .. €40k (p10..p90)");
  EXPECT_EQ(chart.bars[1].label, "Inbound leads a month (east)");
  EXPECT_EQ(chart.bars[1].range_note, "16 .. 24 (±20%)");
  const ReportChart report = sensitivity_report_chart(sample_sensitivity_result(), "EUR");
  EXPECT_EQ(report.file_stem, "sensitivity");
  EXPECT_TRUE(report.wide);  // its labels stay readable: the report gives it the full width
  EXPECT_NE(report.svg.find("Inbound leads a month (east)"), std::string::npos);
  EXPECT_NE(report.note.find("each constant at −20% and +20%"), std::string::npos) << report.note;
}

TEST(SensitivityReport, ARatioMetricReadsInPerCentAndItsSwingInPoints) {
  // The same inputs with a share as the outcome: base mean 0.22 ± 1.96 x 0.013, p50 0.21;
  // the deal size's swing 0.115 ± 1.96 x 0.01 (the sample's numbers, rescaled by hand).
  SensitivityResult result = sample_sensitivity_result();
  result.metric.name = "win_rate";
  result.metric.unit = "ratio";
  result.base = {0.22, 0.013, 0.21};
  result.inputs[0].low = {0.163, 0.01, 0.16};
  result.inputs[0].high = {0.278, 0.01, 0.28};
  result.inputs[0].swing = 0.115;
  result.inputs[0].swing_se = 0.01;
  const std::string table = sensitivity_table(result, "USD");
  EXPECT_NE(table.find("Win rate at month 24: base mean 22.0% ± 2.5 pts (95% CI), p50 21.0%"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("16.3%"), std::string::npos) << table;
  EXPECT_NE(table.find("27.8%"), std::string::npos) << table;
  EXPECT_NE(table.find("+11.5 pts ± 2.0 pts"), std::string::npos) << table;
  EXPECT_NE(table.find("with win rate; below"), std::string::npos) << table;
  const TornadoChartSpec chart = sensitivity_tornado(result, "USD");
  EXPECT_EQ(chart.title, "What moves win rate at month 24");
  EXPECT_EQ(chart.value_suffix, "%");
  EXPECT_DOUBLE_EQ(chart.base, 22.0);
  EXPECT_DOUBLE_EQ(chart.bars[0].low, 16.3);
  EXPECT_NE(render_tornado_chart(chart).find(">base 22%</text>"), std::string::npos);
}

TEST(SensitivityReport, AScreenedInputIsMarkedAndTheFootnoteSaysWhy) {
  const SensitivityResult result = testing::sample_screened_sensitivity_result();
  const std::string table = sensitivity_table(result, "USD");
  EXPECT_NE(table.find("(100 replications, every input screened with its first 20, seed 7)"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("-$150k ± $3,920*"), std::string::npos) << table;  // 1.96 x 2,000
  EXPECT_NE(table.find("+$1.5M ± $19.6k "), std::string::npos) << table;  // not screened
  EXPECT_NE(table.find("* screened: 1 input ran 20 replications, not 100: even 3 standard errors "
                       "out, its swing is under 5% of the largest swing's"),
            std::string::npos)
      << table;
  EXPECT_NE(sensitivity_tornado(result, "USD")
                .subtitle.find("Mean of 100 replications (* 20 for inputs screened out)"),
            std::string::npos);
  // The screened-out input's bar is starred; the one run in full is not.
  const TornadoChartSpec tornado = sensitivity_tornado(result, "USD");
  for (const auto& bar : tornado.bars) {
    EXPECT_EQ(bar.label.ends_with(" *"), bar.label.starts_with("Annual-contract churn"))
        << bar.label;
  }
  EXPECT_NE(sensitivity_report_chart(result, "USD")
                .note.find(" Every input ran 20 replications first; those whose swing, even 3 "
                           "standard errors out, stayed under 5% of the largest kept that "
                           "estimate, the others ran all 100."),
            std::string::npos);
  // Unscreened: no mark, no footnote.
  EXPECT_EQ(sensitivity_table(sample_sensitivity_result(), "USD").find("screened"),
            std::string::npos);
}

// An input the scenario left at teamsim's default is marked in the table, and a note says what
// the mark means and how many of the listed inputs carry it; without one, neither.
TEST(SensitivityReport, AnInputLeftAtItsDefaultIsMarkedAndTheNoteSaysSo) {
  SensitivityResult result = sample_sensitivity_result();
  EXPECT_EQ(sensitivity_table(result, "USD").find("[default]"), std::string::npos);
  result.inputs[1].is_default = true;
  const std::string table = sensitivity_table(result, "USD");
  EXPECT_NE(table.find("Inbound leads a month (east) [default]"), std::string::npos) << table;
  EXPECT_EQ(table.find("Deal size (ACV) [default]"), std::string::npos) << table;
  EXPECT_NE(table.find("[default]: not set by the scenario, teamsim's default (1 of the 3 "
                       "above;"),
            std::string::npos)
      << table;
}

}  // namespace
}  // namespace teamsim::app
