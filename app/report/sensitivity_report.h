#pragma once

#include <cstddef>
#include <string>

#include "app/analysis/sensitivity_analysis.h"
#include "app/charts/tornado_chart.h"
#include "app/report/report_charts.h"

// What `teamsim sensitivity` shows: the terminal table and the tornado chart of one
// SensitivityResult (its files: app/results/sensitivity_files.h). Inputs are named in the user's
// words and their values shown in the scenario's units.

namespace teamsim::app {

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
