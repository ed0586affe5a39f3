#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "app/analysis/sensitivity_analysis.h"
#include "app/charts/tornado_chart.h"
#include "app/report/report_charts.h"

// What `teamsim sensitivity` shows: the terminal table and the tornado chart of one
// SensitivityResult (its files: app/results/sensitivity_files.h). Inputs are named in the user's
// words and their values shown in the scenario's units.

namespace teamsim::app {

/// "ARR at month 36: base mean $3.45M ± $108k (95% CI), p50 $3.5M".
std::string sensitivity_heading(const SensitivityResult& result, const std::string& currency);

/// How the inputs were varied and on which random numbers, as one sentence.
std::string sensitivity_method(const SensitivityResult& result);

/// One analysed input as the terminal table and the report show it: rank, input, low .. high,
/// mean at low, mean at high, swing ± 95% CI (starred when screened out), rank correlation; and
/// its key path.
struct SensitivityRow {
  /// Where each of `cells` is.
  enum Column : std::size_t { kRank, kInput, kRange, kMeanAtLow, kMeanAtHigh, kSwing, kRankCorr };
  std::array<std::string, 7> cells;
  std::string key_path;
  /// The scenario did not write the input: its label says "[default]".
  bool is_default = false;
};

/// The analysed inputs, largest swing first, and how many inputs were left out and why.
struct SensitivityRows {
  std::vector<SensitivityRow> analysed;
  std::size_t held = 0;       ///< constants held fixed (a --range of 0%)
  std::size_t unchanged = 0;  ///< unchanged by their range
  std::size_t not_drawn = 0;  ///< not used by the scenario or never drawn
  std::size_t screened = 0;   ///< analysed on the screening's replications only
};
SensitivityRows sensitivity_rows(const SensitivityResult& result, const std::string& currency);

/// The notes under the table when its first `shown` inputs are listed: the screening, the
/// counts of inputs analysed and left out, how to read the rank correlation. Each a paragraph;
/// a '\n' inside one is where the terminal breaks it.
std::vector<std::string> sensitivity_notes(const SensitivityResult& result,
                                           const SensitivityRows& rows, std::size_t shown);

/// The terminal table: a heading with the base outcome, then the analysed inputs (at most
/// `max_rows`, largest swing first) with how each was varied, the mean outcome at each end, the
/// swing with its 95 % interval, the rank correlation and the key path; then a line counting the
/// inputs left out.
std::string sensitivity_table(const SensitivityResult& result, const std::string& currency,
                              std::size_t max_rows = 15);

/// The tornado chart of the analysed inputs with the largest swings (at most `max_bars`).
TornadoChartSpec sensitivity_tornado(const SensitivityResult& result, const std::string& currency,
                                     std::size_t max_bars = 15);

/// The tornado as a report chart ("sensitivity"), with the note saying how to read it.
ReportChart sensitivity_report_chart(const SensitivityResult& result, const std::string& currency,
                                     std::size_t max_bars = 15);

}  // namespace teamsim::app
