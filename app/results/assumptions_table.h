#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/scenario/assumptions.h"

namespace teamsim::app {

/// The tag a row of the assumptions table carries when the scenario left its values at their
/// defaults: "default", or "partly default" when it set some of them.
std::string default_tag(const Assumption& assumption);

/// The assumptions as an aligned plain-text table ending in a newline: a title line saying what
/// "[default]" means, then one row per assumption (label, value, tag), values wrapped to fit
/// `max_columns` (0: no limit). Empty when there are none.
std::string assumptions_table(const std::vector<Assumption>& assumptions,
                              std::size_t max_columns = 0);

/// One assumption across plans: each plan's row of that label (nullptr when a plan has none).
struct AssumptionAcrossPlans {
  std::string label;
  std::vector<const Assumption*> per_plan;
  bool differs = false;  ///< the plans' values are not all the same (default tags aside)
};

/// The assumptions of several plans lined up by label, in the order of the first plan that has
/// each; the rows point into `plans`.
std::vector<AssumptionAcrossPlans> align_assumptions(
    const std::vector<std::vector<Assumption>>& plans);

/// A row's value with its tag, as the tables print it: "4 per AE a month [default]"; "—" for none.
std::string tagged_value(const Assumption* assumption);

/// The assumptions that differ between plans (value or default tag), one block per assumption
/// with a line per plan ("A: 4 per AE a month [default]"), plans lettered A, B, ... in the order
/// of `labels`; a line saying they are the same when none differ (true of the plans only when
/// `plans` has their unshown differences: with_unshown_differences). Ends in a blank line.
std::string assumption_differences_table(const std::vector<std::string>& labels,
                                         const std::vector<std::vector<Assumption>>& plans,
                                         std::size_t max_columns = 0);

}  // namespace teamsim::app
