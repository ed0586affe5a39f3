#pragma once

#include <string>
#include <vector>

#include "app/analysis/run_explanation.h"
#include "app/scenario/assumptions.h"

namespace teamsim::app {

/// The assumptions as an HTML table (group, assumption, value, where a default comes from), each
/// value the scenario left at its default marked with a "default" badge, each uncertain level with
/// an "uncertain" one; "" when there are none.
std::string assumptions_html(const std::vector<Assumption>& assumptions);

/// The assumptions of several plans side by side (a column per plan, lettered as `labels`), the
/// rows where the plans differ first and marked; "" when no plan has any.
std::string assumptions_comparison_html(const std::vector<std::string>& labels,
                                        const std::vector<std::vector<Assumption>>& plans);

/// The "why" of a run as HTML: the funnel per year, the constraints per year with those that bind
/// marked, what binds in words and the hires against the plan; undefined numbers as "—".
std::string explanation_html(const RunExplanation& explanation);

}  // namespace teamsim::app
