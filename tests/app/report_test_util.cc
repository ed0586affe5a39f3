#include "tests/app/report_test_util.h"

#include "sim/statistics.h"

namespace teamsim::app::testing {

void add_metric(RunSummary& summary, const std::string& name, const std::string& unit, double base,
                double slope, model::MetricKind kind) {
  MetricSummary metric;
  metric.info = {name, unit, kind, "test metric " + name};
  const int months = summary.horizon_months;
  metric.stats.mean.resize(months);
  metric.stats.se.resize(months);
  metric.stats.percentiles.resize(months, static_cast<Eigen::Index>(sim::kPercentileNames.size()));
  for (int m = 0; m < months; ++m) {
    const double centre = base + slope * (m + 1);
    metric.stats.mean(m) = centre;
    metric.stats.se(m) = 0.01 * std::abs(centre);
    for (Eigen::Index p = 0; p < metric.stats.percentiles.cols(); ++p) {
      metric.stats.percentiles(m, p) = centre * (1 + 0.1 * static_cast<double>(p - 3));
    }
  }
  summary.metrics.push_back(std::move(metric));
}

RunSummary fake_summary(int months) {
  RunSummary summary;
  summary.scenario_name = "Test plan";
  summary.scenario_hash = "0123456789abcdef";
  summary.seed = 7;
  summary.replications = 500;
  summary.horizon_months = months;
  summary.currency = "USD";
  add_metric(summary, "arr", "currency", 100'000, 50'000);
  add_metric(summary, "mrr", "currency", 8'000, 4'000);
  add_metric(summary, "new_bookings", "currency", 10'000, 1'000, model::MetricKind::kFlow);
  add_metric(summary, "customers", "count", 10, 3);
  add_metric(summary, "headcount_total", "count", 2, 0.2);
  add_metric(summary, "headcount.account_executive", "count", 1, 0.1);
  add_metric(summary, "ramped_capacity", "fte", 0.5, 0.08);
  add_metric(summary, "cash", "currency", 1'000'000, -40'000);
  return summary;
}

}  // namespace teamsim::app::testing
