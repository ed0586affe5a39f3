#include "app/report/report_charts.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "app/common/number_format.h"
#include "app/results/terminal_table.h"
#include "models/metrics.h"
#include "sim/histogram.h"
#include "tests/app/report_test_util.h"
#include "tests/app/svg_test_util.h"

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
  EXPECT_EQ(charts[5].title, "Headcount: AEs");
}

// A founder of eight people read "Headcount 4" as the company's: it counts the scenario's roles,
// the sales team, and neither the founders nor engineering.
TEST(ReportChartsTest, TheHeadcountChartSaysItCountsTheSalesTeam) {
  const auto charts = report_charts(fake_summary());
  EXPECT_EQ(charts[4].file_stem, "headcount_total");
  EXPECT_EQ(charts[4].title, "Sales headcount");
  EXPECT_EQ(charts[4].note,
            "Everyone in the sales team (the scenario's roles) at month end; founders and staff "
            "outside sales are not counted.");
  EXPECT_EQ(key_metric_label("headcount_total"), "Sales headcount");
}

// A run of one replication says so in the singular under every chart's title.
TEST(ReportChartsTest, OneReplicationIsCountedInTheSingular) {
  RunSummary summary = fake_summary();
  summary.replications = 1;
  for (const ReportChart& chart : report_charts(summary)) {
    EXPECT_NE(chart.svg.find(" · 1 replication<"), std::string::npos) << chart.file_stem;
    EXPECT_EQ(chart.svg.find("1 replications"), std::string::npos) << chart.file_stem;
  }
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
  // P(cash < 0 so far) rises 2.5 % a month: it reaches 10 % in month 4.
  add_metric(summary, kCashEverNegativeMetric, "ratio", 0, 0.025);
  const auto charts = report_charts(summary);
  const auto cash = std::find_if(charts.begin(), charts.end(),
                                 [](const ReportChart& c) { return c.file_stem == "cash"; });
  ASSERT_NE(cash, charts.end());
  EXPECT_NE(cash->svg.find("zero cash"), std::string::npos);
  EXPECT_NE(cash->svg.find("P(cash &lt; 0) reaches 10% in month 4"), std::string::npos);
  EXPECT_NE(cash->note.find("the end of the runway"), std::string::npos);
}

TEST(ReportChartsTest, WithoutTheRiskMetricThereIsNoMarker) {
  const RunSummary summary = fake_summary();
  const auto charts = report_charts(summary);
  EXPECT_EQ(charts.back().svg.find("P(cash"), std::string::npos);
}

TEST(ReportChartsTest, TerritoryBarsAndQuotaHistogramWhenTheirMetricsExist) {
  RunSummary summary = fake_summary(12);
  add_metric(summary, "territory.north_america.bookings", "currency", 0, 1000,
             model::MetricKind::kFlow);
  add_metric(summary, "territory.europe.bookings", "currency", 0, 500, model::MetricKind::kFlow);
  add_metric(summary, "territory.europe.leads", "count", 0, 5, model::MetricKind::kFlow);
  for (const char* band : model::kQuotaBandNames) {
    add_metric(summary, std::string(kQuotaAttainmentPrefix) + band, "count", 1, 0);
  }
  const auto charts = report_charts(summary);
  const auto names = stems(charts);
  ASSERT_GE(names.size(), 2u);
  EXPECT_EQ(names[names.size() - 2], "territory_bookings");
  EXPECT_EQ(names.back(), "quota_attainment");
  const std::string& bars = charts[charts.size() - 2].svg;
  EXPECT_NE(bars.find("north america"), std::string::npos);
  EXPECT_NE(bars.find("europe"), std::string::npos);
  EXPECT_NE(charts.back().svg.find("&lt;50%"), std::string::npos);
}

/// A summary whose five attainment bands hold, at every month, on average 0.5, 1.5, 2, 3 and 1
/// ramped AEs: 8 in all, so the shares are 6.25%, 18.75%, 25%, 37.5% and 12.5%, labelled to 0.1%
/// (6.3%, 18.8%).
RunSummary quota_band_summary() {
  RunSummary summary = fake_summary(12);
  const double means[] = {0.5, 1.5, 2, 3, 1};
  for (std::size_t band = 0; band < std::size(means); ++band) {
    add_metric(summary, std::string(kQuotaAttainmentPrefix) + model::kQuotaBandNames[band], "count",
               means[band], 0);
  }
  add_metric(summary, "quota_attainment_p10", "ratio", 0.4, 0);
  add_metric(summary, "quota_attainment_p50", "ratio", 0.9, 0);
  add_metric(summary, "quota_attainment_p90", "ratio", 1.3, 0);
  return summary;
}

TEST(ReportChartsTest, GoldenQuotaAttainmentBands) {
  const auto charts = report_charts(quota_band_summary());
  ASSERT_EQ(charts.back().file_stem, "quota_attainment");
  const ReportChart& chart = charts.back();
  testing::expect_matches_golden("quota_attainment_bands.svg", chart.svg);
  // One bar per band, labelled from the model's edges, its share at its end and in its hover.
  for (const char* text :
       {">&lt;50%</text>", ">50–80%</text>", ">80–100%</text>", ">100–120%</text>", ">≥120%</text>",
        ">37.5%</text>", ">6.3%</text>", ">25.0%</text>",  // one decimal on every bar
        "<title>100–120% of quota: 37.5% of ramped AEs (3.0 of 8.0 a run)</title>",
        "ramped account executives (8.0 a run on average)", "month 12, 500"}) {
    EXPECT_NE(chart.svg.find(text), std::string::npos) << text;
  }
  // Below quota in orange, on or above quota in blue.
  const auto fills = testing::attribute_values(chart.svg, "rect", "fill");
  ASSERT_EQ(fills.size(), 2u + 5u);  // background, plot area, five bars
  EXPECT_EQ(fills[4], "#E69F00");
  EXPECT_EQ(fills[5], "#0072B2");
  // The value axis reaches past the largest share, labelled in %.
  EXPECT_NE(chart.svg.find(">40%</text>"), std::string::npos);
  // The per-AE percentiles, medians over replications, in the note, said to be within a run's
  // own 8 AEs: they are not the shares of all AEs the bars show.
  EXPECT_NE(chart.note.find("Among one run's own ramped AEs (8.0 on average), the median AE is "
                            "typically at 90% of quota, the 10th percentile at 40% and the 90th "
                            "at 130% (each the median over the runs); with so few AEs a run's "
                            "percentiles fall between its reps' attainments and are no shares of "
                            "all AEs: the bars give those."),
            std::string::npos)
      << chart.note;
}

TEST(ReportChartsTest, QuotaNoteLeavesOutTheSmallTeamCaveatForALargeTeam) {
  // 40 ramped AEs a run: a run's 10th percentile is then an attainment a tenth of them are below.
  RunSummary summary = fake_summary(12);
  for (std::size_t band = 0; band < std::size(model::kQuotaBandNames); ++band) {
    add_metric(summary, std::string(kQuotaAttainmentPrefix) + model::kQuotaBandNames[band], "count",
               8, 0);
  }
  add_metric(summary, "quota_attainment_p10", "ratio", 0.4, 0);
  add_metric(summary, "quota_attainment_p50", "ratio", 0.9, 0);
  add_metric(summary, "quota_attainment_p90", "ratio", 1.3, 0);
  const ReportChart chart = report_charts(summary).back();
  EXPECT_NE(chart.note.find("(40.0 on average)"), std::string::npos) << chart.note;
  EXPECT_NE(chart.note.find("(each the median over the runs)."), std::string::npos) << chart.note;
  EXPECT_EQ(chart.note.find("so few AEs"), std::string::npos) << chart.note;
}

TEST(ReportChartsTest, QuotaBandSharesAddUpToAllRampedAes) {
  // Shares of the pooled ramped AEs: whatever the counts, the bars add up to 100% (each rounded
  // to 0.1%, so within 5 x 0.05%).
  RunSummary summary = fake_summary(12);
  const double means[] = {0.2, 0, 4.1, 0.7, 0.3};
  for (std::size_t band = 0; band < std::size(means); ++band) {
    add_metric(summary, std::string(kQuotaAttainmentPrefix) + model::kQuotaBandNames[band], "count",
               means[band], 0);
  }
  const std::string svg = report_charts(summary).back().svg;
  const auto heights = testing::attribute_values(svg, "rect", "height");
  ASSERT_EQ(heights.size(), 7u);
  const testing::PlotArea area = testing::plot_area(svg);
  // The largest share is 4.1 / 5.3 = 77.4%, so the axis runs 0, 20, ..., 80%: a bar's share is
  // its height / the plot's height x 80.
  EXPECT_NE(svg.find(">80%</text>"), std::string::npos) << svg;
  EXPECT_EQ(svg.find(">100%</text>"), std::string::npos) << svg;
  double total = 0;
  for (std::size_t i = 2; i < heights.size(); ++i) total += std::stod(heights[i]);
  EXPECT_NEAR(total / area.height * 80, 100, 0.25);
}

TEST(ReportChartsTest, NoBandChartWithoutRampedAes) {
  RunSummary summary = fake_summary(12);
  for (const char* band : model::kQuotaBandNames) {
    add_metric(summary, std::string(kQuotaAttainmentPrefix) + band, "count", 0, 0);
  }
  const auto names = stems(report_charts(summary));
  EXPECT_EQ(std::count(names.begin(), names.end(), "quota_attainment"), 0);
}

TEST(ReportChartsTest, TerritoryLeadsWinsAndBookingsPerRepBars) {
  RunSummary summary = fake_summary(24);
  // Means (the fake's p50) of base + month x slope: leads over 24 months sum to
  // 24 x 10 + 2 x 300 = 840 and 24 x 5 + 1 x 300 = 420; bookings per rep has slope 0, so the
  // mean month of months 13-24 is its base.
  for (const auto& [territory, scale] : {std::pair{"north", 2.0}, {"south", 1.0}}) {
    const std::string prefix = fmt::format("territory.{}.", territory);
    add_metric(summary, prefix + "leads", "count", 5 * scale, scale, model::MetricKind::kFlow);
    add_metric(summary, prefix + "wins", "count", scale, 0, model::MetricKind::kFlow);
    add_metric(summary, prefix + "bookings_per_rep", "currency", 40'000 * scale, 0,
               model::MetricKind::kFlow);
  }
  const auto charts = report_charts(summary);
  const auto find = [&](const std::string& stem) {
    return std::find_if(charts.begin(), charts.end(),
                        [&](const ReportChart& c) { return c.file_stem == stem; });
  };
  ASSERT_NE(find("territory_leads"), charts.end());
  ASSERT_NE(find("territory_wins"), charts.end());
  ASSERT_NE(find("territory_bookings_per_rep"), charts.end());
  EXPECT_EQ(find("territory_bookings"), charts.end());  // no bookings metrics in this summary
  const std::string& leads = find("territory_leads")->svg;
  EXPECT_NE(leads.find("<title>north: 840</title>"), std::string::npos) << leads;
  EXPECT_NE(leads.find("<title>south: 420</title>"), std::string::npos);
  const std::string& per_rep = find("territory_bookings_per_rep")->svg;
  EXPECT_NE(per_rep.find("<title>north: $80,000</title>"), std::string::npos) << per_rep;
  EXPECT_NE(per_rep.find("months 13–24"), std::string::npos);
  // One territory: no bars, the totals already say it.
  RunSummary single = fake_summary(12);
  add_metric(single, "territory.only.leads", "count", 1, 1, model::MetricKind::kFlow);
  const auto names = stems(report_charts(single));
  EXPECT_EQ(std::count(names.begin(), names.end(), "territory_leads"), 0);
}

TEST(ReportChartsTest, TerritoryArrBarsAreTheLastMonthsLevel) {
  // ARR is a stock: each bar is the territory's mean at the last month, never a sum over months.
  // Means of base + month x slope at month 12: 100,000 + 12 x 10,000 = 220,000 and
  // 50,000 + 12 x 5,000 = 110,000.
  RunSummary summary = fake_summary(12);
  add_metric(summary, "territory.north.arr", "currency", 100'000, 10'000);
  add_metric(summary, "territory.south.arr", "currency", 50'000, 5'000);
  const auto charts = report_charts(summary);
  const auto arr = std::find_if(charts.begin(), charts.end(), [](const ReportChart& c) {
    return c.file_stem == "territory_arr";
  });
  ASSERT_NE(arr, charts.end());
  EXPECT_EQ(arr->title, "ARR by territory");
  EXPECT_NE(arr->svg.find("<title>north: $220,000</title>"), std::string::npos) << arr->svg;
  EXPECT_NE(arr->svg.find("<title>south: $110,000</title>"), std::string::npos);
  EXPECT_NE(arr->svg.find("at month 12"), std::string::npos);
  EXPECT_EQ(arr->svg.find("in total"), std::string::npos);
}

TEST(ReportChartsTest, QuotaSpreadAcrossRepsWithoutBandsAndNoChartForAnEmptyRole) {
  // A summary without the attainment bands (older summary.json) shows the per-AE percentiles.
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

/// The histogram of `metric` at month 12: bins `bin_width` wide from `first_edge`.
HistogramSummary histogram_at_12(std::string metric, double first_edge, double bin_width,
                                 std::vector<std::size_t> counts) {
  HistogramSummary h;
  h.metric = std::move(metric);
  h.month = 12;
  h.histogram.first_edge = first_edge;
  h.histogram.bin_width = bin_width;
  h.histogram.counts = std::move(counts);
  return h;
}

/// ARR at month 12 of fake_summary(12) in 6 bins of $100k from $500k: 500 replications.
HistogramSummary arr_histogram() {
  return histogram_at_12("arr", 500'000, 100'000, {20, 85, 160, 140, 70, 25});
}

TEST(ReportChartsTest, GoldenHistogram) {
  RunSummary summary = fake_summary(12);
  summary.histograms.push_back(arr_histogram());
  const ReportChart chart = histogram_chart(summary, summary.histograms[0]);
  EXPECT_EQ(chart.file_stem, "histogram.arr.m12");
  testing::expect_matches_golden("histogram_arr.svg", chart.svg);
  // Edges on the axis, ranges and shares in the hover text, the rule in the note.
  for (const char* text :
       {">$500k</text>", ">$1.1M</text>", "<title>$700k to $800k: 160 replications (32.0%)</title>",
        "median $700k, 80% of runs between $560k and $840k"}) {
    EXPECT_NE(chart.svg.find(text), std::string::npos) << text;
  }
  EXPECT_NE(chart.note.find("Freedman"), std::string::npos);
}

// A chart pasted alone into a slide says which plan it shows: the territory bars and the
// histogram named none ("Bookings per rep by territory / mean month of months 25–36 · mean of 100
// replications"), though the fan and quota charts beside them do.
TEST(ReportChartsTest, EveryChartNamesItsPlan) {
  RunSummary summary = fake_summary(12);
  summary.scenario_name = "Series A [fast]";
  for (const char* territory : {"east", "west"}) {
    for (const char* measure : {".bookings", ".arr", ".bookings_per_rep", ".leads", ".wins"}) {
      add_metric(summary, std::string("territory.") + territory + measure, "currency", 1, 1,
                 model::MetricKind::kFlow);
    }
  }
  for (const char* band : model::kQuotaBandNames) {
    add_metric(summary, std::string(kQuotaAttainmentPrefix) + band, "count", 1, 0);
  }
  std::vector<ReportChart> charts = report_charts(summary);
  summary.histograms.push_back(arr_histogram());
  charts.push_back(histogram_chart(summary, summary.histograms[0]));
  ASSERT_EQ(charts.size(), 8u + 5u + 1u + 1u);  // fans, territories, quota, histogram
  for (const ReportChart& chart : charts) {
    EXPECT_NE(chart.svg.find(">Series A [fast] · "), std::string::npos) << chart.file_stem;
  }
  // The plan, then what the territory chart or the histogram said before.
  EXPECT_NE(charts[8].svg.find(">Series A [fast] · months 1–12 in total · mean of 500 "
                               "replications</text>"),
            std::string::npos)
      << charts[8].svg;
  EXPECT_NE(charts.back().svg.find(">Series A [fast] · median $700k, 80% of runs between $560k "
                                   "and $840k · 500 replications</text>"),
            std::string::npos)
      << charts.back().svg;
  // A plan without a name: the chart's own words alone, no leading " · ".
  summary.scenario_name.clear();
  EXPECT_NE(histogram_chart(summary, summary.histograms[0])
                .svg.find(">median $700k, 80% of runs between $560k and $840k · 500 "
                          "replications</text>"),
            std::string::npos);
}

TEST(ReportChartsTest, HistogramAxesCoverTheData) {
  // Samples of a skewed outcome, binned as a run bins them: every bar inside the plot area, the
  // bars side by side from the first edge to the last, the count axis reaching the tallest bar.
  std::vector<double> samples;
  for (int i = 0; i < 1000; ++i) samples.push_back(400'000 + 3e5 * std::pow(i / 1000.0, 3) * 4);
  RunSummary summary = fake_summary(12);
  summary.histograms.push_back({"arr", 12, sim::make_histogram(samples, false)});
  const sim::Histogram& bins = summary.histograms[0].histogram;
  ASSERT_GE(bins.counts.size(), 5u);
  const std::string svg = histogram_chart(summary, summary.histograms[0]).svg;
  const testing::PlotArea area = testing::plot_area(svg);
  const auto xs = testing::attribute_values(svg, "rect", "x");
  const auto ys = testing::attribute_values(svg, "rect", "y");
  const auto ws = testing::attribute_values(svg, "rect", "width");
  const auto hs = testing::attribute_values(svg, "rect", "height");
  // rect 0 is the background, rect 1 the plot area, then one bar per bin (empty ones too).
  ASSERT_EQ(xs.size(), 2 + bins.counts.size());
  const double band = area.width / static_cast<double>(bins.counts.size());
  double tallest = 0;
  for (std::size_t i = 0; i < bins.counts.size(); ++i) {
    const double x = std::stod(xs[i + 2]), y = std::stod(ys[i + 2]);
    const double w = std::stod(ws[i + 2]), h = std::stod(hs[i + 2]);
    EXPECT_GE(x, area.x - 0.01);
    EXPECT_LE(x + w, area.x + area.width + 0.01);
    EXPECT_GE(y, area.y - 0.01);
    EXPECT_NEAR(y + h, area.y + area.height, 0.02);  // on the zero line at the bottom
    EXPECT_NEAR(x + w / 2, area.x + band * (static_cast<double>(i) + 0.5), 0.02);
    tallest = std::max(tallest, h);
  }
  // The tallest bar is the largest count; the axis tops it at or below the plot's top.
  const std::size_t most = *std::max_element(bins.counts.begin(), bins.counts.end());
  EXPECT_LE(tallest, area.height + 0.01);
  EXPECT_GT(tallest, area.height * 0.5);  // a "nice" axis end is less than twice the data
  for (std::size_t i = 0; i < bins.counts.size(); ++i) {
    EXPECT_NEAR(std::stod(hs[i + 2]) / tallest,
                static_cast<double>(bins.counts[i]) / static_cast<double>(most), 0.002);
  }
  // The x axis runs from the first edge to the last: both are labelled.
  EXPECT_NE(svg.find(">" + format_compact(bins.edge(0), "$") + "</text>"), std::string::npos);
  EXPECT_NE(svg.find(">" + format_compact(bins.edge(bins.counts.size()), "$") + "</text>"),
            std::string::npos);
}

TEST(ReportChartsTest, HistogramsOfCountsLabelEachValue) {
  RunSummary summary = fake_summary(12);
  HistogramSummary h = histogram_at_12("customers", 0, 1, {100, 250, 150});
  summary.histograms.push_back(h);
  const auto charts = report_charts(summary);
  const auto histogram = std::find_if(charts.begin(), charts.end(), [](const ReportChart& c) {
    return c.file_stem == "histogram.customers.m12";
  });
  ASSERT_NE(histogram, charts.end());
  EXPECT_NE(histogram->svg.find("<title>2: 150 replications (30.0%)</title>"), std::string::npos)
      << histogram->svg;
  EXPECT_EQ(histogram->svg.find(" to "), std::string::npos);
}

TEST(ReportChartsTest, HistogramsOfRatiosLabelTheirEdgesInPerCent) {
  // share_at_quota from 0 to 1.2 in bins of 0.2: "0%" .. "120%", as its subtitle writes 50.0%.
  RunSummary summary = fake_summary(12);
  add_metric(summary, "share_at_quota", "ratio", 0.5, 0);
  HistogramSummary h = histogram_at_12("share_at_quota", 0, 0.2, {100, 80, 90, 60, 0, 70});
  const ReportChart chart = histogram_chart(summary, h);
  for (const char* text : {">0%</text>", ">20%</text>", ">120%</text>",
                           "<title>20% to 40%: 80 replications (20.0%)</title>"}) {
    EXPECT_NE(chart.svg.find(text), std::string::npos) << text;
  }
  EXPECT_EQ(chart.svg.find(">0.2</text>"), std::string::npos);
  EXPECT_NE(chart.note.find("a bin 20 percentage points wide"), std::string::npos) << chart.note;
  EXPECT_EQ(chart.note.find("upper one"), std::string::npos) << chart.note;
}

TEST(ReportChartsTest, AxesSayTheMetricsUnit) {
  EXPECT_EQ(metric_axis_label("arr", "currency", "USD"), "annual recurring revenue (USD)");
  EXPECT_EQ(metric_axis_label("arr", "currency", ""), "annual recurring revenue");
  EXPECT_EQ(metric_axis_label("cac_payback_months", "months", "USD"), "CAC payback (months)");
  EXPECT_EQ(metric_axis_label("avg_cycle_days", "days", "USD"), "average cycle (days)");
  EXPECT_EQ(metric_axis_label("customers", "count", "USD"), "customers");
  EXPECT_EQ(metric_axis_label("win_rate", "ratio", "USD"), "win rate");
  EXPECT_EQ(with_unit("time in queue", "days", ""), "time in queue (days)");
  // The histogram of CAC payback says months under its axis.
  RunSummary summary = fake_summary(12);
  add_metric(summary, "cac_payback_months", "months", 7, 1);
  HistogramSummary h = histogram_at_12("cac_payback_months", 5, 1, {25, 90, 80, 55, 20});
  const ReportChart chart = histogram_chart(summary, h);
  EXPECT_NE(chart.svg.find(">CAC payback (months)</text>"), std::string::npos) << chart.svg;
}

TEST(ReportChartsTest, HistogramSubtitlesSayTheMetricsUnitAsTheAxisDoes) {
  // add_metric's percentiles at month 12 are its centre, base + 12 x slope, times 0.8 (p10),
  // 1 (p50) and 1.2 (p90). A plan without a name, so that the subtitle is one line.
  RunSummary summary = fake_summary(12);
  summary.scenario_name.clear();
  // CAC payback 7 + 12 x 1 = 19 months: p10 15.2, p90 22.8; bins 1 month wide.
  add_metric(summary, "cac_payback_months", "months", 7, 1);
  ReportChart chart =
      histogram_chart(summary, histogram_at_12("cac_payback_months", 5, 1, {25, 90, 80}));
  EXPECT_NE(chart.svg.find("median 19 months, 80% of runs between 15.2 and 22.8 months"),
            std::string::npos)
      << chart.svg;
  EXPECT_NE(chart.note.find("a bin 1 month wide"), std::string::npos) << chart.note;
  // A cycle of 20 + 12 x 5 = 80 days: 64 and 96; bins 10 days wide.
  add_metric(summary, "avg_cycle_days", "days", 20, 5, model::MetricKind::kFlow);
  chart = histogram_chart(summary, histogram_at_12("avg_cycle_days", 60, 10, {25, 90, 80}));
  EXPECT_NE(chart.svg.find("median 80 days, 80% of runs between 64 and 96 days"), std::string::npos)
      << chart.svg;
  EXPECT_NE(chart.note.find("a bin 10 days wide"), std::string::npos) << chart.note;
  // Ramped capacity 0.5 + 12 x 0.08 = 1.46 FTE: 1.168 and 1.752, shown to 3 digits.
  chart = histogram_chart(summary, histogram_at_12("ramped_capacity", 1, 0.5, {25, 90}));
  EXPECT_NE(chart.svg.find("median 1.46 FTE, 80% of runs between 1.17 and 1.75 FTE"),
            std::string::npos)
      << chart.svg;
  // Money and shares carry their signs; a count is its axis' noun and stays a number: 10 + 12 x
  // 3 = 46 customers, 36.8 and 55.2 rounded to whole ones.
  add_metric(summary, "win_rate", "ratio", 0.1, 0.01, model::MetricKind::kFlow);
  chart = histogram_chart(summary, histogram_at_12("win_rate", 0, 0.1, {25, 90, 80}));
  EXPECT_NE(chart.svg.find("median 22.0%, 80% of runs between 17.6% and 26.4%"), std::string::npos)
      << chart.svg;
  chart = histogram_chart(summary, histogram_at_12("customers", 30, 5, {25, 90, 80, 10}));
  EXPECT_NE(chart.svg.find("median 46, 80% of runs between 37 and 55 · "), std::string::npos)
      << chart.svg;
}

TEST(ReportChartsTest, AShareAtOneHundredPerCentIsInTheLastBarEndingThere) {
  // Shares of a team of five at quota (0, 0.2, ..., 1): 1 is an edge of bins 0.2 wide, and a
  // share's last bin holds it, so the axis ends at 100% and no bar reaches 120%.
  RunSummary summary = fake_summary(12);
  add_metric(summary, "share_at_quota", "ratio", 0.4, 0);
  HistogramSummary h = histogram_at_12("share_at_quota", 0, 0.2, {100, 80, 90, 60, 70});
  h.histogram.last_closed = true;
  const ReportChart chart = histogram_chart(summary, h);
  for (const char* text :
       {">0%</text>", ">100%</text>", "<title>80% to 100%: 70 replications (17.5%)</title>"}) {
    EXPECT_NE(chart.svg.find(text), std::string::npos) << text;
  }
  EXPECT_EQ(chart.svg.find("120%"), std::string::npos);
  EXPECT_NE(chart.note.find("the last also its upper one, 100%: the most the metric can be"),
            std::string::npos)
      << chart.note;
}

TEST(ReportChartsTest, MetricTitles) {
  EXPECT_EQ(metric_title("cac_payback_months"), "CAC payback (months)");
  EXPECT_EQ(metric_title("avg_time_to_hire_days"), "Average time to hire (days)");
  EXPECT_EQ(metric_title("specialist_queue_wait_days"), "Specialist queue wait (days)");
  EXPECT_EQ(unit_in_words(metric_title("cac_payback_months")), "CAC payback in months");
  EXPECT_EQ(unit_in_words("Win rate"), "Win rate");
  EXPECT_EQ(metric_title("nrr_t12m"), "NRR t12m");
  EXPECT_EQ(metric_title("bookings_per_ae"), "Bookings per AE");
  EXPECT_EQ(metric_title("arr"), "ARR");
  EXPECT_EQ(metric_title("headcount.sales_manager"), "Headcount: managers");
  EXPECT_EQ(metric_title("headcount.sdr"), "Headcount: SDRs");
  EXPECT_EQ(metric_title("territory.emea.bookings"), "Bookings: emea");
  EXPECT_EQ(metric_title("logo_churn"), "Logo churn");
  // Every per-role and per-entity family reads as the headcount and territory ones do.
  EXPECT_EQ(metric_title("hired_to_date.account_executive"), "Hired to date: AEs");
  EXPECT_EQ(metric_title("recruiting_queue.sdr"), "Recruiting queue: SDRs");
  EXPECT_EQ(metric_title("territory.us_east.arr"), "ARR: us east");
  EXPECT_EQ(metric_title("channel.inbound_web.leads"), "Leads: inbound web channel");
  EXPECT_EQ(metric_title("product.starter.wins"), "Wins: starter product");
  EXPECT_EQ(metric_title("segment.enterprise.logo_churn"), "Logo churn: enterprise segment");
  EXPECT_EQ(metric_title("quota_attainment.50_to_80"), "Ramped AEs at 50–80% of quota");
  EXPECT_EQ(metric_title("quota_attainment.below_50"), "Ramped AEs at <50% of quota");
  EXPECT_EQ(metric_title("ramped_aes"), "Ramped AEs");
  EXPECT_EQ(currency_symbol("EUR"), "€");
  EXPECT_EQ(currency_symbol("CHF"), "CHF ");
}

}  // namespace
}  // namespace teamsim::app
