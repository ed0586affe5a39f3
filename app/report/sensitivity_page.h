#pragma once

#include <string>
#include <vector>

#include "app/analysis/sensitivity_analysis.h"
#include "app/common/diagnostics.h"
#include "app/report/report_charts.h"

// The page `teamsim sensitivity --report` writes as OUT/report.html: what moves the metric,
// answered first (the base outcome and the largest swings), then the tornado, every analysed
// input with its swing's interval and key path, and a link to the base run's own report.

namespace teamsim::app {

/// What the page says beside the result.
struct SensitivityPageContext {
  std::string scenario_file;  ///< as given on the command line
  std::string scenario_name;  ///< its `name:` (" [variant]" included)
  std::string currency;       ///< e.g. "USD"
  std::string generated_at;   ///< when the page was written
  /// The base run's report, relative to the page (e.g. "base-run.html"); empty: none is linked.
  std::string base_report;
  /// The scenario's plausibility warnings: a notice under the title links to a section listing
  /// them, as on the run report.
  std::vector<Diagnostic> warnings;
};

/// Largest swings named in the page's answer, at most.
inline constexpr std::size_t kSensitivityAnswerInputs = 3;

/// The self-contained page (inline CSS and SVG, no scripts), `tornado` as its chart.
std::string render_sensitivity_html(const SensitivityResult& result, const ReportChart& tornado,
                                    const SensitivityPageContext& context);

}  // namespace teamsim::app
