#include "app/report/sensitivity_report.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace teamsim::app {
namespace {

SensitivityResult two_inputs() {
  SensitivityResult result;
  result.metric.name = "arr";
  result.metric.unit = "currency";
  result.metric.month = 24;
  result.replications = 100;
  result.seed = 7;
  result.base = {1e6, 1e4, 9.9e5};
  InputSensitivity size;
  size.key_path = "pipeline.deal_size_acv";
  size.label = "Deal size (ACV)";
  size.unit = ValueUnit::kMoney;
  size.low_value = 5625.000000000006;
  size.high_value = 40000;
  size.low = {5e5, 1e4, 4.9e5};
  size.high = {2e6, 2e4, 1.9e6};
  size.swing = 1.5e6;
  size.swing_se = 1e4;
  size.rank_correlation = 0.12;
  InputSensitivity leads;
  leads.key_path = "territories.east.inbound_leads_per_month";
  leads.label = "Inbound leads a month (east)";
  leads.unit = ValueUnit::kRate;
  leads.kind = InputKind::kConstant;
  leads.base_value = 20;
  leads.range = 0.2;
  leads.low_value = 16;
  leads.high_value = 24.000000000000004;
  leads.low = {8e5, 1e4, 8e5};
  leads.high = {1.2e6, 1e4, 1.2e6};
  leads.swing = 4e5;
  leads.swing_se = 5e3;
  leads.rank_correlation = std::numeric_limits<double>::quiet_NaN();
  result.inputs = {size, leads};
  return result;
}

TEST(SensitivityReport, TheTableNamesInputsInWordsWithTheirValuesInUnits) {
  const std::string table = sensitivity_table(two_inputs(), "USD");
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

TEST(SensitivityReport, TheTornadoBarsCarryTheLabelAndTheRangeInUnits) {
  const TornadoChartSpec chart = sensitivity_tornado(two_inputs(), "EUR");
  ASSERT_EQ(chart.bars.size(), 2u);
  EXPECT_EQ(chart.bars[0].label, "Deal size (ACV)");
  EXPECT_EQ(chart.bars[0].range_note, "€5,625 .. €40k (p10..p90)");
  EXPECT_EQ(chart.bars[1].label, "Inbound leads a month (east)");
  EXPECT_EQ(chart.bars[1].range_note, "16 .. 24 (±20%)");
  const ReportChart report = sensitivity_report_chart(two_inputs(), "EUR");
  EXPECT_EQ(report.file_stem, "sensitivity");
  EXPECT_NE(report.svg.find("Inbound leads a month (east)"), std::string::npos);
  EXPECT_NE(report.note.find("each constant at −20% and +20%"), std::string::npos) << report.note;
}

}  // namespace
}  // namespace teamsim::app
