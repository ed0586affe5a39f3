#include "app/report_charts.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "report_test_util.h"

namespace teamsim::app {
namespace {

using testing::add_metric;
using testing::fake_summary;

std::vector<std::string> stems(const std::vector<ReportChart>& charts) {
  std::vector<std::string> names;
  for (const ReportChart& chart : charts) names.push_back(chart.file_stem);
  return names;
}

TEST(ReportChartsTest, OneFanChartPerKeyMetricInReportOrder) {
  const auto charts = report_charts(fake_summary());
  EXPECT_EQ(stems(charts),
            (std::vector<std::string>{"arr", "mrr", "new_bookings", "customers", "headcount_total",
                                      "headcount.account_executive", "ramped_capacity", "cash"}));
  for (const ReportChart& chart : charts) {
    EXPECT_EQ(chart.svg.rfind("<svg ", 0), 0u) << chart.file_stem;
    EXPECT_FALSE(chart.title.empty());
  }
  EXPECT_EQ(charts[5].title, "Headcount: account executive");
}

TEST(ReportChartsTest, SameSummarySameBytes) {
  const auto a = report_charts(fake_summary());
  const auto b = report_charts(fake_summary());
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].svg, b[i].svg);
}

TEST(ReportChartsTest, MissingMetricsAreSkipped) {
  RunSummary summary = fake_summary();
  summary.metrics.erase(summary.metrics.begin() + 1);  // mrr
  const auto names = stems(report_charts(summary));
  EXPECT_EQ(std::count(names.begin(), names.end(), "mrr"), 0);
  EXPECT_EQ(std::count(names.begin(), names.end(), "arr"), 1);
}

TEST(ReportChartsTest, CashChartHasZeroLineAndMarksFirstRiskyMonth) {
  RunSummary summary = fake_summary();
  // P(cash < 0 so far) rises 1% a month: first above 10% at month 11.
  add_metric(summary, kCashEverNegativeMetric, "ratio", 0, 0.01);
  EXPECT_EQ(first_cash_risk_month(summary), 11);
  const auto charts = report_charts(summary);
  const auto cash = std::find_if(charts.begin(), charts.end(),
                                 [](const ReportChart& c) { return c.file_stem == "cash"; });
  ASSERT_NE(cash, charts.end());
  EXPECT_NE(cash->svg.find("zero cash"), std::string::npos);
  EXPECT_NE(cash->svg.find("P(cash &lt; 0) &gt; 10% from month 11"), std::string::npos);
  EXPECT_NE(cash->note.find("first month"), std::string::npos);
}

TEST(ReportChartsTest, WithoutTheRiskMetricThereIsNoMarker) {
  const RunSummary summary = fake_summary();
  EXPECT_FALSE(first_cash_risk_month(summary));
  const auto charts = report_charts(summary);
  EXPECT_EQ(charts.back().svg.find("P(cash"), std::string::npos);
}

TEST(ReportChartsTest, TerritoryBarsAndQuotaHistogramWhenTheirMetricsExist) {
  RunSummary summary = fake_summary(12);
  add_metric(summary, "territory.north_america.bookings", "currency", 0, 1000,
             model::MetricKind::kFlow);
  add_metric(summary, "territory.europe.bookings", "currency", 0, 500, model::MetricKind::kFlow);
  add_metric(summary, "territory.europe.leads", "count", 0, 5, model::MetricKind::kFlow);
  add_metric(summary, "quota_attainment.below_50", "count", 1, 0);
  add_metric(summary, "quota_attainment.50_to_100", "count", 2, 0);
  const auto charts = report_charts(summary);
  const auto names = stems(charts);
  ASSERT_GE(names.size(), 2u);
  EXPECT_EQ(names[names.size() - 2], "territory_bookings");
  EXPECT_EQ(names.back(), "quota_attainment");
  const std::string& bars = charts[charts.size() - 2].svg;
  EXPECT_NE(bars.find("north america"), std::string::npos);
  EXPECT_NE(bars.find("europe"), std::string::npos);
  EXPECT_NE(charts.back().svg.find("below 50"), std::string::npos);
}

TEST(ReportChartsTest, QuotaSpreadAcrossRepsAndNoChartForAnEmptyRole) {
  RunSummary summary = fake_summary(12);
  add_metric(summary, "quota_attainment_p10", "ratio", 0.4, 0);
  add_metric(summary, "quota_attainment_p50", "ratio", 0.9, 0);
  add_metric(summary, "quota_attainment_p90", "ratio", 1.3, 0);
  add_metric(summary, "headcount.sales_specialist", "count", 0, 0);
  const auto charts = report_charts(summary);
  EXPECT_EQ(charts.back().file_stem, "quota_attainment");
  EXPECT_NE(charts.back().svg.find("median AE"), std::string::npos);
  EXPECT_NE(charts.back().svg.find(">90<"), std::string::npos) << charts.back().svg;
  const auto names = stems(charts);
  EXPECT_EQ(std::count(names.begin(), names.end(), "headcount.sales_specialist"), 0);
}

TEST(ReportChartsTest, MetricTitles) {
  EXPECT_EQ(metric_title("arr"), "ARR");
  EXPECT_EQ(metric_title("headcount.sales_manager"), "Headcount: sales manager");
  EXPECT_EQ(metric_title("territory.emea.bookings"), "Bookings: emea");
  EXPECT_EQ(metric_title("logo_churn"), "Logo churn");
  EXPECT_EQ(currency_symbol("EUR"), "€");
  EXPECT_EQ(currency_symbol("CHF"), "");
}

}  // namespace
}  // namespace teamsim::app
