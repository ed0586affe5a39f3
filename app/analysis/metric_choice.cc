#include "app/analysis/metric_choice.h"

#include <fmt/format.h>

#include <cctype>

#include "app/common/errors.h"
#include "app/common/plural.h"
#include "app/common/suggestions.h"

namespace teamsim::app {

MetricChoice choose_metric(const model::MetricLayout& layout, int horizon_months,
                           const std::string& metric, std::optional<int> month) {
  const std::size_t index = layout.find(metric);
  if (index == layout.size()) {
    throw UsageError(fmt::format(
        "--metric '{}': unknown metric{}", metric,
        suggestion_or_where(metric, layout.names(),
                            "the metrics are the rows of summary.csv (docs/metrics.md)")));
  }
  const int chosen = month.value_or(horizon_months);
  if (chosen < 1 || chosen > horizon_months) {
    throw UsageError(fmt::format("--month {}: the scenario runs {} (1..{})", chosen,
                                 counted(horizon_months, "month"), horizon_months));
  }
  const model::MetricInfo& info = layout.info(index);
  // Undefined in every history before its first month: --precision would run to its cap and the
  // sensitivity's every swing would be n/a.
  if (chosen < info.defined_from_month) {
    std::string what = info.description;
    if (!what.empty()) {
      what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    }
    throw UsageError(fmt::format(
        "--month {}: {} has no value before month {}{}, in any replication; choose month {} or "
        "later",
        chosen, info.name, info.defined_from_month, what.empty() ? "" : " (" + what + ")",
        info.defined_from_month));
  }
  return MetricChoice{index, info.name, info.unit, chosen};
}

}  // namespace teamsim::app
