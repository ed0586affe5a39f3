#pragma once

#include <vector>

#include "app/common/diagnostics.h"
#include "app/scenario/yaml_tree.h"
#include "models/scenario_spec.h"

// Plausibility warnings: a scenario that is valid but probably not what its author meant, or that
// cannot deliver what it asks for. They never stop a run (`--strict` makes them errors); each
// says what teamsim will do and what to write instead. docs/scenario-reference.md, "Plausibility
// warnings".

namespace teamsim::app::loader {

/// Appends a warning (Diagnostic::warning set) for each of: a churn, expansion, win rate or
/// complex share written as the whole number 1 (100 %, probably meant as 1 %); a monthly churn
/// written as a decimal above 0.15 (0.5, probably meant as 0.5 %); an AE quota beyond
/// what a ramped rep can book with the role's opportunity capacity or the lead flow per rep;
/// dated hires that the recruiting bandwidth starts more than three months late; a dated hire
/// that cannot finish its onboarding before the last month, so it is never trained in the run; a
/// plan that employs no one (no starting staff, dated hires or hiring rules), unless
/// `base_of_variants` (the shared base of a file's variants, which may leave the team to them).
void check_plausibility(const model::ScenarioSpec& spec, const YamlNode& root,
                        std::vector<Diagnostic>& warnings, bool base_of_variants = false);

}  // namespace teamsim::app::loader
