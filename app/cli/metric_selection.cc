#include "app/cli/metric_selection.h"

#include <fmt/format.h>

#include <string_view>

#include "app/common/errors.h"
#include "app/common/suggestions.h"

namespace teamsim::app {

std::vector<std::size_t> select_metrics(const model::MetricLayout& layout,
                                        const std::vector<std::string>& patterns) {
  std::vector<bool> keep(layout.size(), false);
  const std::vector<std::string> names = layout.names();
  for (const std::string& pattern : patterns) {
    const bool prefix = !pattern.empty() && pattern.back() == '*';
    const std::string_view stem = std::string_view(pattern).substr(0, pattern.size() - prefix);
    bool matched = false;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (prefix ? names[i].rfind(stem, 0) == 0 : names[i] == pattern) {
        keep[i] = true;
        matched = true;
      }
    }
    if (matched) continue;
    const std::vector<std::string> close = close_matches(stem, names);
    throw UsageError(fmt::format(
        "--metrics: no metric {} '{}'{}", prefix ? "starts with" : "is named", stem,
        close.empty() ? " (every metric is listed in docs/metrics.md and in summary.csv)"
                      : suggestion(stem, names)));
  }
  std::vector<std::size_t> columns;
  for (std::size_t i = 0; i < keep.size(); ++i) {
    if (keep[i]) columns.push_back(i);
  }
  return columns;
}

}  // namespace teamsim::app
