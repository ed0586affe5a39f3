#include "app/scenario/scenario_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "app/common/errors.h"
#include "app/scenario/assumptions.h"
#include "app/scenario/customer_readers.h"
#include "app/scenario/hiring_plan_csv.h"
#include "app/scenario/key_readers.h"
#include "app/scenario/market_readers.h"
#include "app/scenario/organisation_readers.h"
#include "app/scenario/plan_calendar.h"
#include "app/scenario/plausibility_checks.h"
#include "app/scenario/replication_inputs.h"
#include "app/scenario/scenario_checks.h"
#include "app/scenario/scenario_limits.h"
#include "app/scenario/yaml_reader.h"
#include "models/defaults.h"
#include "models/replication_inputs.h"

// The entry point: reads the top-level keys, hands each section to its reader (in an order that
// lets later sections refer to earlier ones), then runs the whole-scenario checks.

namespace teamsim::app {
namespace {

using model::ScenarioSpec;

// name, description, horizon_months, replications, seed and start_date; returns whether the
// horizon is known (absent, or given and valid), which later checks of months depend on.
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
  // Before every section with months, which may be written as calendar months.
  if (const YamlNode* start = reader.get("start_date")) {
    loader::read_start_date(*start, spec, reader.sink());
  }
  return horizon_known;
}

// The organisation's sections, in the order their references need: hire sources before roles, roles
// and territories before staff, hires and rules.
void read_organisation(ObjectReader& reader, ScenarioSpec& spec, bool horizon_known,
                       const HiresCsvFile& hires_csv) {
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
    loader::read_hires_csv(*node, hires_csv, spec, horizon_known, planned_people, sink);
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
  loader::check_initial_customers_placed(reader.node(), spec, sink);
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

// Loads a tree without replication inputs; plausibility warnings only when `warn`. `hires_csv` is
// the file the tree's `hires_csv:` names, as read when the scenario was loaded.
LoadResult load_plain_tree(const YamlNode& root, const std::string& file_name,
                           const HiresCsvFile& hires_csv, bool warn,
                           bool base_of_variants = false) {
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
  if (const YamlNode* node = reader.get("money"))
    loader::read_money(*node, spec, horizon_known, sink);
  read_organisation(reader, spec, horizon_known, hires_csv);
  read_market_and_customers(reader, spec);
  if (const YamlNode* node = reader.get("expect")) {
    result.expectations = read_scenario_expectations(*node, spec, horizon_known, sink);
  }
  reader.finish();
  // A start_date written and refused: the months written as dates are not the mistake, and
  // "the scenario has no start_date" for each of them would send the user to add the key again.
  if (std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                  [](const Diagnostic& d) { return d.key_path == "start_date"; })) {
    std::erase_if(result.diagnostics, [](const Diagnostic& d) {
      return d.message.find(kNoStartDate) != std::string::npos;
    });
  }
  if (result.diagnostics.empty()) loader::check_combinations(spec, root, sink);

  if (result.diagnostics.empty()) {
    if (warn) loader::check_plausibility(spec, root, result.warnings, base_of_variants);
    sort_diagnostics(result.warnings);
    result.spec = std::move(spec);
  } else {
    sort_diagnostics(result.diagnostics);
  }
  return result;
}

// The scenario of one replication: the tree with each replication input's map replaced by the
// number drawn, loaded like any scenario.
class TreeRespecifier : public model::ScenarioRespecifier {
 public:
  TreeRespecifier(YamlNode tree, std::vector<loader::MarkedInput> inputs, std::string file_name,
                  HiresCsvFile hires_csv)
      : tree_(std::move(tree)),
        inputs_(std::move(inputs)),
        file_name_(std::move(file_name)),
        hires_csv_(std::move(hires_csv)) {}

  model::ScenarioSpec respecify(const std::vector<double>& values) const override {
    YamlNode tree = tree_;
    std::vector<std::string> drawn;
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
      loader::substitute(tree, inputs_[i], values.at(i));
      drawn.push_back(fmt::format("{} = {}", inputs_[i].key_path, loader::number_text(values[i])));
    }
    LoadResult loaded = load_plain_tree(tree, file_name_, hires_csv_, false);
    if (!loaded.ok()) {
      throw ScenarioError(
          fmt::format("the values drawn for a replication ({}) make the scenario invalid: {}",
                      fmt::join(drawn, ", "), format_diagnostic(loaded.diagnostics.front())));
    }
    return std::move(*loaded.spec);
  }

 private:
  YamlNode tree_;
  std::vector<loader::MarkedInput> inputs_;
  std::string file_name_;
  HiresCsvFile hires_csv_;
};

// Where each replication input stands in one of the trees loaded to check it.
// kTypical, a draw from inside the distribution, is almost surely not a whole number for a
// continuous family: a whole-number key rejects it at load time, not in some replication.
enum class Level { kMedian, kLowest, kHighest, kTypical };

constexpr double kTypicalQuantile = 0.3141592653589793;

double level_of(const model::ReplicationInput& input, Level level) {
  switch (level) {
    case Level::kLowest:
      return input.min_draw;
    case Level::kHighest:
      return input.max_draw;
    case Level::kTypical:
      return std::clamp(input.distribution.quantile(kTypicalQuantile), input.min_draw,
                        input.max_draw);
    case Level::kMedian:
      break;
  }
  return std::clamp(input.distribution.quantile(0.5), input.min_draw, input.max_draw);
}

YamlNode tree_at(const YamlNode& root, const std::vector<loader::MarkedInput>& inputs,
                 Level level) {
  YamlNode tree = root;
  for (const loader::MarkedInput& marked : inputs) {
    loader::substitute(tree, marked,
                       marked.input ? std::optional(level_of(*marked.input, level)) : std::nullopt);
  }
  return tree;
}

const loader::MarkedInput* input_at(const Diagnostic& d,
                                    const std::vector<loader::MarkedInput>& inputs) {
  for (const loader::MarkedInput& marked : inputs) {
    if (d.key_path == marked.key_path && d.file == marked.mark.file && d.line == marked.mark.line &&
        d.column == marked.mark.column) {
      return &marked;
    }
  }
  return nullptr;
}

// A scenario with replication inputs is loaded at their medians (the spec the run's summary and
// checks use), and checked with every input at its lowest and at its highest draw, so that a
// value some replication could draw and the key does not allow is reported now, at the input.
LoadResult load_with_replication_inputs(const YamlNode& root, const std::string& file_name,
                                        const HiresCsvFile& hires_csv,
                                        std::vector<loader::MarkedInput> inputs,
                                        std::vector<Diagnostic> marker_problems,
                                        bool base_of_variants) {
  const YamlNode median_tree = tree_at(root, inputs, Level::kMedian);
  LoadResult result = load_plain_tree(median_tree, file_name, hires_csv, true, base_of_variants);
  std::set<std::string> reported_inputs;
  std::set<std::tuple<std::string, int, int, std::string, std::string>> seen;
  // A map that could not be read (reported in marker_problems) stands as null: what the loads
  // say about it is noise.
  const auto at_bad_input = [&](const Diagnostic& d) {
    return std::any_of(inputs.begin(), inputs.end(), [&](const loader::MarkedInput& marked) {
      return !marked.input &&
             (d.key_path == marked.key_path || d.key_path.starts_with(marked.key_path + "."));
    });
  };
  std::vector<Diagnostic> problems = std::move(marker_problems);
  const auto add = [&](Diagnostic d, Level level) {
    if (at_bad_input(d)) return;
    if (const loader::MarkedInput* marked = input_at(d, inputs)) {
      if (!reported_inputs.insert(marked->key_path).second) return;
      const double value = level_of(*marked->input, level);
      // The key's own message ends "got VALUE": the draw is named before it.
      const std::string got = ", got " + loader::number_text(value);
      if (d.message.ends_with(got)) d.message.resize(d.message.size() - got.size());
      d.message = fmt::format("{} per replication can draw {}{}: {}",
                              marked->input->distribution.describe(), loader::number_text(value),
                              level == Level::kMedian ? " (its median)" : "", d.message);
    } else if (level == Level::kLowest) {
      d.message += " (with every per-replication input at its lowest draw)";
    } else if (level == Level::kHighest) {
      d.message += " (with every per-replication input at its highest draw)";
    } else if (level == Level::kTypical) {
      d.message +=
          fmt::format(" (with every per-replication input at its {} quantile)", kTypicalQuantile);
    }
    if (seen.insert({d.file, d.line, d.column, d.key_path, d.message}).second) {
      problems.push_back(std::move(d));
    }
  };
  std::set<std::tuple<std::string, int, int, std::string, std::string>> at_median;
  for (const Diagnostic& d : result.diagnostics) {
    at_median.insert({d.file, d.line, d.column, d.key_path, d.message});
  }
  for (const Level level : {Level::kLowest, Level::kHighest, Level::kTypical}) {
    for (Diagnostic& d :
         load_plain_tree(tree_at(root, inputs, level), file_name, hires_csv, false).diagnostics) {
      if (at_median.contains({d.file, d.line, d.column, d.key_path, d.message}) &&
          input_at(d, inputs) == nullptr) {
        continue;
      }
      add(std::move(d), level);
    }
  }
  for (Diagnostic& d : result.diagnostics) add(std::move(d), Level::kMedian);
  if (!problems.empty()) {
    sort_diagnostics(problems);
    result.diagnostics = std::move(problems);
    result.spec.reset();
    result.warnings.clear();
    return result;
  }
  for (const loader::MarkedInput& marked : inputs) {
    result.spec->replication_inputs.push_back(*marked.input);
  }
  result.spec->respecifier =
      std::make_shared<const TreeRespecifier>(median_tree, std::move(inputs), file_name, hires_csv);
  return result;
}

}  // namespace

LoadResult load_scenario_tree(const YamlNode& root, const std::string& file_name,
                              bool base_of_variants) {
  std::vector<Diagnostic> marker_problems;
  DiagnosticSink sink(marker_problems);
  std::vector<loader::MarkedInput> inputs = loader::find_replication_inputs(root, sink);
  HiresCsvFile hires_csv = read_hires_csv_file(root);
  LoadResult result =
      inputs.empty() && marker_problems.empty()
          ? load_plain_tree(root, file_name, hires_csv, true, base_of_variants)
          : load_with_replication_inputs(root, file_name, hires_csv, std::move(inputs),
                                         std::move(marker_problems), base_of_variants);
  if (result.ok()) {
    result.written_keys = written_key_paths(root);
    result.hires_csv_rows = std::move(hires_csv.rows);
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
