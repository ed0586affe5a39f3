#include "app/analysis/metric_choice.h"

#include <fmt/format.h>

#include "app/common/errors.h"
#include "app/common/plural.h"
#include "app/common/suggestions.h"

namespace teamsim::app {

MetricChoice choose_metric(const model::MetricLayout& layout, int horizon_months,
                           const std::string& metric, std::optional<int> month) {
  const std::size_t index = layout.find(metric);
  if (index == layout.size()) {
    const std::string hint = closest_match(metric, layout.names());
    throw UsageError(fmt::format("--metric '{}': unknown metric; {}", metric,
                                 hint.empty()
                                     ? "the metrics are the rows of summary.csv (docs/metrics.md)"
                                     : fmt::format("did you mean '{}'?", hint)));
  }
  const int chosen = month.value_or(horizon_months);
  if (chosen < 1 || chosen > horizon_months) {
    throw UsageError(fmt::format("--month {}: the scenario runs {} (1..{})", chosen,
                                 counted(horizon_months, "month"), horizon_months));
  }
  const model::MetricInfo& info = layout.info(index);
  return MetricChoice{index, info.name, info.unit, chosen};
}

}  // namespace teamsim::app
