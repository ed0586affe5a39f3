#include "app/scenario/replication_inputs.h"

#include <fmt/format.h>

#include <cmath>
#include <utility>

#include "app/common/suggestions.h"
#include "app/scenario/distribution_syntax.h"
#include "app/scenario/scenario_limits.h"
#include "app/scenario/yaml_reader.h"

namespace teamsim::app::loader {
namespace {

// Draws are kept within the range the loader checks: the support where it is finite, else the
// one-in-a-million quantile.
constexpr double kTail = 1e-6;

// Top-level keys that set the shape of the run or are not numbers of the model.
bool cannot_vary(const std::string& key_path) {
  for (const std::string_view key :
       {"horizon_months", "replications", "seed", "name", "description"}) {
    if (key_path == key) return true;
  }
  return key_path == "expect" || key_path.starts_with("expect.") || key_path.starts_with("expect[");
}

// Reads the map at `node` (which has a `per` key) into `found.input`, or reports why not.
void read_marked(const YamlNode& node, MarkedInput& found, DiagnosticSink& sink) {
  const std::size_t errors_before = sink.count();
  const YamlNode* per = node.find("per");
  if (const auto text = read_text(*per, key_path_join(found.key_path, "per"), sink)) {
    if (*text != kPerReplication) {
      sink.error(per->mark, key_path_join(found.key_path, "per"),
                 fmt::format("unknown value '{}'{} (per: replication draws the number once per "
                             "replication; without per, a key that takes a distribution draws it "
                             "per deal, lead or person)",
                             *text, suggestion(*text, {std::string(kPerReplication)})));
    }
  }
  if (cannot_vary(found.key_path)) {
    sink.error(node.mark, found.key_path,
               found.key_path.starts_with("expect")
                   ? "an expectation's threshold cannot be drawn per replication; give a number"
                   : "cannot be drawn per replication: it sets the shape of the run; give a "
                     "number");
  }
  YamlNode without_per = node;
  std::erase_if(without_per.entries, [](const YamlEntry& e) { return e.key == "per"; });
  auto distribution = read_distribution(without_per, found.key_path, sink, Support{-kInf, kInf});
  if (!distribution || sink.count() != errors_before) return;
  const double low = distribution->support_min();
  const double high = distribution->support_max();
  model::ReplicationInput input;
  input.key_path = found.key_path;
  input.min_draw = std::isfinite(low) ? low : distribution->quantile(kTail);
  input.max_draw = std::isfinite(high) ? high : distribution->quantile(1 - kTail);
  input.distribution = std::move(*distribution);
  found.input = std::move(input);
}

void walk(const YamlNode& node, const std::string& key_path, std::vector<std::size_t>& steps,
          std::vector<MarkedInput>& found, DiagnosticSink& sink) {
  if (node.is_map() && node.find("per") != nullptr) {
    MarkedInput marked{key_path, steps, node.mark, std::nullopt};
    read_marked(node, marked, sink);
    found.push_back(std::move(marked));
    return;
  }
  for (std::size_t i = 0; i < node.entries.size(); ++i) {
    steps.push_back(i);
    walk(node.entries[i].value, key_path_join(key_path, node.entries[i].key), steps, found, sink);
    steps.pop_back();
  }
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    steps.push_back(i);
    walk(node.items[i], key_path_index(key_path, i), steps, found, sink);
    steps.pop_back();
  }
}

}  // namespace

std::vector<MarkedInput> find_replication_inputs(const YamlNode& root, DiagnosticSink& sink) {
  std::vector<MarkedInput> found;
  std::vector<std::size_t> steps;
  for (std::size_t i = 0; i < root.entries.size(); ++i) {
    steps.push_back(i);
    walk(root.entries[i].value, root.entries[i].key, steps, found, sink);
    steps.pop_back();
  }
  return found;
}

void substitute(YamlNode& root, const MarkedInput& input, std::optional<double> value) {
  YamlNode* node = &root;
  for (const std::size_t step : input.steps) {
    node = node->is_map() ? &node->entries[step].value : &node->items[step];
  }
  YamlNode replacement;
  replacement.mark = node->mark;
  if (value) {
    replacement.kind = YamlKind::kScalar;
    replacement.text = number_text(*value);
  }
  *node = std::move(replacement);
}

std::string number_text(double value) { return fmt::format("{}", value); }

}  // namespace teamsim::app::loader
