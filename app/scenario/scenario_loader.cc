#include "app/scenario/scenario_loader.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <tuple>
#include <utility>

#include "app/scenario/customer_readers.h"
#include "app/scenario/key_readers.h"
#include "app/scenario/market_readers.h"
#include "app/scenario/organisation_readers.h"
#include "app/scenario/plausibility_checks.h"
#include "app/scenario/scenario_checks.h"
#include "app/scenario/scenario_limits.h"
#include "app/scenario/yaml_reader.h"
#include "models/defaults.h"

// The entry point: reads the top-level keys, hands each section to its reader (in an order that
// lets later sections refer to earlier ones), then runs the whole-scenario checks.

namespace teamsim::app {
namespace {

using model::ScenarioSpec;

// name, description, horizon_months, replications and seed; returns whether the horizon is known
// (absent, or given and valid), which later checks of months depend on.
bool read_run_keys(ObjectReader& reader, ScenarioSpec& spec) {
  if (const auto name = reader.text("name")) spec.name = *name;
  if (const auto description = reader.text("description")) spec.description = *description;
  bool horizon_known = true;
  if (reader.get("horizon_months") != nullptr) {
    const auto horizon = reader.integer("horizon_months", 1, loader::kMaxHorizonMonths);
    horizon_known = horizon.has_value();
    if (horizon) spec.horizon_months = static_cast<int>(*horizon);
  }
  loader::read_int_key(reader, "replications", 1, loader::kMaxReplications, spec.replications);
  if (const YamlNode* seed = reader.get("seed")) {
    if (const auto value = read_uint64(*seed, "seed", reader.sink())) spec.seed = *value;
  }
  return horizon_known;
}

// The organisation's sections, in the order their references need: hire sources before roles, roles
// and territories before staff, hires and rules.
void read_organisation(ObjectReader& reader, ScenarioSpec& spec, bool horizon_known) {
  DiagnosticSink& sink = reader.sink();
  if (const YamlNode* node = reader.get("hire_sources"))
    loader::read_hire_sources(*node, spec, sink);
  const YamlNode* roles_node = reader.get("roles");
  if (roles_node != nullptr) loader::read_roles(*roles_node, spec, sink);
  loader::check_role_sources(spec, roles_node, sink);
  if (const YamlNode* node = reader.get("founder")) loader::read_founder(*node, spec, sink);
  if (const YamlNode* node = reader.get("management")) loader::read_management(*node, spec, sink);
  if (const YamlNode* node = reader.get("territories")) loader::read_territories(*node, spec, sink);
  std::int64_t planned_people = 0;
  if (const YamlNode* node = reader.get("starting_staff")) {
    loader::read_starting_staff(*node, spec, planned_people, sink);
  }
  if (const YamlNode* node = reader.get("hires")) {
    loader::read_hires(*node, spec, horizon_known, planned_people, sink);
  }
  if (const YamlNode* node = reader.get("hires_csv")) {
    loader::read_hires_csv(*node, spec, horizon_known, planned_people, sink);
  }
  if (const YamlNode* node = reader.get("hiring_rules"))
    loader::read_hiring_rules(*node, spec, horizon_known, sink);
}

// The market's and the customers' sections: the sales motion's presets first, so that pipeline and
// customers amend them, and the pipeline before the products that start from it.
void read_market_and_customers(ObjectReader& reader, ScenarioSpec& spec) {
  DiagnosticSink& sink = reader.sink();
  if (const YamlNode* node = reader.get("sales_motion"))
    loader::read_sales_motion(*node, spec, sink);
  if (const YamlNode* node = reader.get("pipeline")) loader::read_pipeline(*node, spec, sink);
  if (const YamlNode* node = reader.get("products")) loader::read_products(*node, spec, sink);
  if (const YamlNode* node = reader.get("channels")) loader::read_channels(*node, spec, sink);
  if (const YamlNode* node = reader.get("seasonality")) loader::read_seasonality(*node, spec, sink);
  if (const YamlNode* node = reader.get("customers")) loader::read_customers(*node, spec, sink);
  if (const YamlNode* node = reader.get("segments")) loader::read_segments(*node, spec, sink);
}

// Orders diagnostics by position, files in order of first appearance.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> files;
  for (const Diagnostic& d : diagnostics) {
    if (std::find(files.begin(), files.end(), d.file) == files.end()) files.push_back(d.file);
  }
  const auto rank = [&](const Diagnostic& d) {
    return std::find(files.begin(), files.end(), d.file) - files.begin();
  };
  std::stable_sort(
      diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        return std::tuple(rank(a), a.line, a.column) < std::tuple(rank(b), b.line, b.column);
      });
}

std::string default_name(const std::string& file_name) {
  std::string stem = std::filesystem::path(file_name).stem().string();
  return stem.empty() ? "unnamed" : stem;
}

}  // namespace

LoadResult load_scenario_tree(const YamlNode& root, const std::string& file_name) {
  LoadResult result;
  DiagnosticSink sink(result.diagnostics);
  if (root.is_null()) {
    sink.error(root.mark, "",
               "the scenario is empty; write a map of keys such as 'horizon_months: 36'");
    return result;
  }
  ScenarioSpec spec = model::default_scenario();
  spec.name = default_name(file_name);
  ObjectReader reader(root, "", scenario_section(""), sink);
  if (!reader.valid()) return result;

  const bool horizon_known = read_run_keys(reader, spec);
  if (const YamlNode* node = reader.get("money")) loader::read_money(*node, spec, sink);
  read_organisation(reader, spec, horizon_known);
  read_market_and_customers(reader, spec);
  if (const YamlNode* node = reader.get("expect")) {
    result.expectations = read_scenario_expectations(*node, spec, horizon_known, sink);
  }
  reader.finish();
  if (result.diagnostics.empty()) loader::check_combinations(spec, root, sink);

  if (result.diagnostics.empty()) {
    loader::check_plausibility(spec, root, result.warnings);
    sort_diagnostics(result.warnings);
    result.spec = std::move(spec);
  } else {
    sort_diagnostics(result.diagnostics);
  }
  return result;
}

LoadResult load_scenario_string(std::string_view text, const std::string& file_name) {
  LoadResult result;
  std::optional<YamlNode> root = parse_yaml(text, file_name, result.diagnostics);
  if (!root) return result;
  return load_scenario_tree(*root, file_name);
}

LoadResult load_scenario_file(const std::string& path) {
  std::string error;
  const std::optional<std::string> text = read_yaml_file(path, error);
  if (!text) {
    LoadResult result;
    result.diagnostics.push_back(Diagnostic{path, 0, 0, "", "cannot read the file: " + error});
    return result;
  }
  return load_scenario_string(*text, path);
}

}  // namespace teamsim::app
