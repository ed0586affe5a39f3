#pragma once

#include "app/scenario/yaml_reader.h"
#include "models/scenario_spec.h"

// Readers of the scenario sections about money and the customer base: money, customers and
// seasonality. Each reads its section into `spec`, reporting every problem to `sink`; keys and
// defaults: docs/scenario-reference.md.

namespace teamsim::app::loader {

/// money: currency (three capital letters), starting cash and other monthly costs, funding rounds
/// and cost steps; their months are checked against the horizon only when it was read
/// (`horizon_known`), else against the longest horizon.
void read_money(const YamlNode& node, model::ScenarioSpec& spec, bool horizon_known,
                DiagnosticSink& sink);
void read_customers(const YamlNode& node, model::ScenarioSpec& spec, DiagnosticSink& sink);
/// seasonality: twelve monthly multipliers each for leads and closing, and the calendar month the
/// scenario starts in.
void read_seasonality(const YamlNode& node, model::ScenarioSpec& spec, DiagnosticSink& sink);

}  // namespace teamsim::app::loader
