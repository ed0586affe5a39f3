#pragma once

#include <vector>

#include "app/scenario/assumptions.h"
#include "models/scenario_spec.h"

// The assumptions table shows a plan's main drivers, not every key. Two plans compared may
// differ in a key no row shows (a hire source's ramp factor, the review policy, the seasonality)
// or in one a row rounds away ($14,000 and $14,020 both read "$14k"); a comparison that said they
// share every assumption would then be wrong. These rows say what else differs.

namespace teamsim::app {

/// For plans `specs` (resolved) with their assumption rows `plans` (in the same order): one more
/// row per plan for each key of the resolved scenario whose values differ between the plans and
/// which no row that differs shows — group "Other", labelled as `--set` and sensitivity label the
/// key ("Ramp factor (referral)") or by its path, the value in its unit. A named entry (an entry
/// of a map from a name to a section: a territory, role, hire source, ...) that some plans lack
/// is one row for all its keys, "Territory metro": "—" where it is missing, "3 settings: cool-off,
/// win-rate factor, deal-size factor" where it is (four named, the rest counted). The run's own
/// keys (name, description, replications, seed, horizon_months) are left out, and the dated hires
/// are compared in date order (the order of hires of one month is kept: it can matter). Returns
/// `plans` with those rows appended, in the order of the keys in the resolved scenario.
std::vector<std::vector<Assumption>> with_unshown_differences(
    const std::vector<const model::ScenarioSpec*>& specs,
    std::vector<std::vector<Assumption>> plans);

}  // namespace teamsim::app
