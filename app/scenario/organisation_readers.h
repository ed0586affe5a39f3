#pragma once

#include <cstdint>
#include <string_view>

#include "app/scenario/hiring_plan_csv.h"
#include "app/scenario/yaml_reader.h"
#include "models/scenario_spec.h"

// Readers of the scenario sections about the organisation: hire_sources, roles, founder,
// management, starting_staff, hires (also from a CSV) and hiring_rules. Each reads its section into
// `spec`, reporting every problem to `sink`; keys and defaults: docs/scenario-reference.md.

namespace teamsim::app::loader {

/// hire_sources: built-in sources are amended, new ones start from neutral multipliers.
void read_hire_sources(const YamlNode& node, model::ScenarioSpec& spec, DiagnosticSink& sink);
/// roles: built-in roles are amended (their kind is fixed), new ones need a kind.
void read_roles(const YamlNode& node, model::ScenarioSpec& spec, DiagnosticSink& sink);
void read_founder(const YamlNode& node, model::ScenarioSpec& spec, DiagnosticSink& sink);
void read_management(const YamlNode& node, model::ScenarioSpec& spec, DiagnosticSink& sink);
/// starting_staff; `planned` counts the people of starting staff and dated hires together.
void read_starting_staff(const YamlNode& node, model::ScenarioSpec& spec, std::int64_t& planned,
                         DiagnosticSink& sink);
/// hires; a month past the horizon is an error only when the horizon was read (`horizon_known`).
/// `list_key` names the list in key paths ("hires", or "hires_csv" for a CSV's rows).
void read_hires(const YamlNode& node, model::ScenarioSpec& spec, bool horizon_known,
                std::int64_t& planned, DiagnosticSink& sink, std::string_view list_key = "hires");
/// hires_csv: FILE, a path relative to the file that names it; the rows of `file` (that file as
/// read_hires_csv_file read it when the scenario was loaded) are read as hires
/// (app/scenario/hiring_plan_csv.h), after those of `hires:`.
void read_hires_csv(const YamlNode& node, const HiresCsvFile& file, model::ScenarioSpec& spec,
                    bool horizon_known, std::int64_t& planned, DiagnosticSink& sink);
/// hiring_rules; months past the horizon (when `horizon_known`) or until_month < from_month are
/// errors: such a rule would never apply.
void read_hiring_rules(const YamlNode& node, model::ScenarioSpec& spec, bool horizon_known,
                       DiagnosticSink& sink);

}  // namespace teamsim::app::loader
