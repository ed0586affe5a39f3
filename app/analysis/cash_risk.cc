#include "app/analysis/cash_risk.h"

#include <fmt/format.h>

namespace teamsim::app {

std::optional<int> first_month_at_risk(const RunSummary& summary, double risk) {
  const MetricSummary* ever_negative = summary.find(kCashEverNegativeMetric);
  if (ever_negative == nullptr) return std::nullopt;
  for (Eigen::Index m = 0; m < ever_negative->stats.mean.size(); ++m) {
    if (ever_negative->stats.mean(m) >= risk) return static_cast<int>(m) + 1;
  }
  return std::nullopt;
}

std::optional<double> cash_risk_at_end(const RunSummary& summary) {
  const MetricSummary* ever_negative = summary.find(kCashEverNegativeMetric);
  if (ever_negative == nullptr) return std::nullopt;
  return ever_negative->stats.mean(summary.horizon_months - 1);
}

std::string runway_phrase(const RunSummary& summary) {
  if (const std::optional<int> month = first_month_at_risk(summary, kRunwayRisk)) {
    return fmt::format("reaches {:.0f}% in {}", kRunwayRisk * 100,
                       summary.month_names().phrase(*month));
  }
  return fmt::format("below {:.0f}% in every month", kRunwayRisk * 100);
}

}  // namespace teamsim::app
