#pragma once

#include "app/scenario/yaml_reader.h"
#include "models/scenario_spec.h"

// Checks that only the whole scenario shows, run once every section is read. Each reports at the
// YAML node that is best to change, found under `root` (or `roles`).

namespace teamsim::app::loader {

/// Every role's backfill_source names a defined hire source (hire_sources may come after roles).
void check_role_sources(const model::ScenarioSpec& spec, const YamlNode* roles,
                        DiagnosticSink& sink);

/// Checks what only the whole scenario shows: shares that are all 0 (a lead would have nowhere to
/// go), monthly expansion plus the covered bonus compounding past kMaxMonthlyExpansion, a finite
/// territory with (or expected to receive) more initial customers than it has accounts, and rates
/// that commit every replication to more events than model::ReplicationLimits allows. (Factors that
/// multiply a churn or a win probability above 1 are capped at 1 by the model, as documented.)
void check_combinations(const model::ScenarioSpec& spec, const YamlNode& root,
                        DiagnosticSink& sink);

}  // namespace teamsim::app::loader
