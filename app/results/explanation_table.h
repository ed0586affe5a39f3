#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "app/analysis/run_explanation.h"

namespace teamsim::app {

/// A number of the explanation for people: counts as format_compact, NaN as "—" (undefined:
/// no replication had the quantity, never 0).
std::string explanation_count(double value);
/// A share as "12%"; NaN as "—".
std::string explanation_percent(double share);
/// A coverage as a whole percentage rounded down, so that a coverage that binds (below 90 %)
/// never reads as 90 %.
std::string explanation_percent_down(double share);
/// Days as "45"; NaN as "—".
std::string explanation_days(double days);

/// Each run of consecutive years with the same binding text, as ("year 1", text) or
/// ("years 2-3", text).
std::vector<std::pair<std::string, std::string>> binding_by_years(
    const RunExplanation& explanation);

/// One sentence per role with dated hires: "AEs: 3 requested (requisitions open in months 3-9);
/// by month 36 median 5 hired (4-7, backfills included), 3 employed, 0.1 waiting for a search on
/// average".
std::vector<std::string> hiring_sentences(const RunExplanation& explanation);

/// When the plan runs out of cash, and that the model goes on regardless: "runs out by month 14
/// in 12% of the replications (`where`: the line or card that shows the runway). The model does
/// not stop the plan there: it keeps hiring, paying and selling, ..."; empty when it does not
/// run out (RunExplanation::cash_runs_out).
std::string cash_sentence(const RunExplanation& explanation, std::string_view where);

/// The "why" section for the terminal: the funnel per year, the constraints per year, what binds
/// and the hires against the plan, in plain text fitting `max_columns` (0: no limit; years that
/// do not fit are left out, the last one kept). Ends in a newline.
std::string explanation_table(const RunExplanation& explanation, std::size_t max_columns = 0);

}  // namespace teamsim::app
