#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/analysis/expectation_check.h"
#include "app/common/diagnostics.h"
#include "app/report/report_charts.h"
#include "app/results/summary_reader.h"

namespace teamsim::app {

/// What the report says about when and how it was made; none of it enters summary.csv/json.
struct ReportContext {
  std::string generated_at;           ///< when the report was written, e.g. "2025-03-01 14:05 UTC"
  std::string run_at;                 ///< when the run finished; empty when unknown
  std::optional<double> run_seconds;  ///< how long the run took; unset when unknown
  std::string source_file;            ///< the scenario file; empty when unknown
  /// The scenario's expectation results; the section is left out when empty.
  std::vector<ExpectationResult> expectations;
  /// The scenario's plausibility warnings, as validate says them: a notice under the title links
  /// to a section listing them; neither is written when empty.
  std::vector<Diagnostic> warnings;
};

/// One self-contained HTML page (inline CSS and SVG, no scripts, no network): title, run facts,
/// headline numbers, the key-metric table (months 12/24/36 as p10/p50/p90), every chart with a
/// caption, the expectation results, the plausibility warnings (with a notice under the title),
/// the resolved scenario and a footer. Prints on A4/Letter.
std::string render_report_html(const SummaryDocument& document,
                               const std::vector<ReportChart>& charts,
                               const ReportContext& context);

/// One line of the batch index: a scenario's folder and its headline results.
struct BatchIndexEntry {
  std::string folder;         ///< the scenario's output folder, relative to the index
  std::string scenario_file;  ///< the scenario file as found under the batch directory
  std::optional<SummaryDocument> document;  ///< unset when the scenario failed to run
  std::string error;                        ///< why it failed, when it did
  std::size_t expectations = 0;             ///< how many expectations it has
  std::size_t failures = 0;                 ///< how many of them failed
  std::vector<Diagnostic> warnings;         ///< its plausibility warnings, as validate says them
};

/// The batch's index.html: one row per scenario linking its report, with ARR, customers,
/// headcount and cash at the last month (p10/p50/p90), P(cash < 0) by then with where the runway
/// ends, and its expectation status; a scenario with plausibility warnings is marked and they
/// are listed in full below the table.
std::string render_batch_index_html(const std::vector<BatchIndexEntry>& entries,
                                    const ReportContext& context);

}  // namespace teamsim::app
