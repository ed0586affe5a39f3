#pragma once

#include "app/scenario/yaml_reader.h"
#include "models/scenario_spec.h"

// Readers of the scenario sections about the market and how deals are won: territories,
// sales_motion, pipeline, products, channels and segments. Each reads its section into `spec`,
// reporting every problem to `sink`; keys and defaults: docs/scenario-reference.md.

namespace teamsim::app::loader {

/// territories: when given, they replace the default territory "all". initial_customers is given
/// by every territory or by none.
void read_territories(const YamlNode& node, model::ScenarioSpec& spec, DiagnosticSink& sink);
/// After territories and customers: when the territories give initial_customers, customers.initial
/// is their sum (written, it must be that sum) and at most kMaxInitialCustomers.
void check_initial_customers_placed(const YamlNode& root, model::ScenarioSpec& spec,
                                    DiagnosticSink& sink);
/// sales_motion: a preset (model::kSalesMotions) applied to the pipeline and customers.
void read_sales_motion(const YamlNode& node, model::ScenarioSpec& spec, DiagnosticSink& sink);
void read_pipeline(const YamlNode& node, model::ScenarioSpec& spec, DiagnosticSink& sink);
/// products: each starts from the pipeline's values, so read after pipeline.
void read_products(const YamlNode& node, model::ScenarioSpec& spec, DiagnosticSink& sink);
void read_channels(const YamlNode& node, model::ScenarioSpec& spec, DiagnosticSink& sink);
/// segments: shares per territory refer to the territories read before; every territory (and the
/// initial customers) must find a segment with a positive share.
void read_segments(const YamlNode& node, model::ScenarioSpec& spec, DiagnosticSink& sink);

}  // namespace teamsim::app::loader
