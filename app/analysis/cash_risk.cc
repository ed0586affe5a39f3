#include "app/analysis/cash_risk.h"

namespace teamsim::app {

std::optional<int> first_month_at_risk(const RunSummary& summary, double risk) {
  const MetricSummary* ever_negative = summary.find(kCashEverNegativeMetric);
  if (ever_negative == nullptr) return std::nullopt;
  for (Eigen::Index m = 0; m < ever_negative->stats.mean.size(); ++m) {
    if (ever_negative->stats.mean(m) >= risk) return static_cast<int>(m) + 1;
  }
  return std::nullopt;
}

}  // namespace teamsim::app
