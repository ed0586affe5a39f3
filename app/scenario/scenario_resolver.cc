#include "app/scenario/scenario_resolver.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <memory>
#include <system_error>
#include <utility>

#include "app/common/plural.h"
#include "app/common/suggestions.h"
#include "app/scenario/scenario_as_run_yaml.h"
#include "app/scenario/yaml_reader.h"
#include "models/scenario_spec.h"

namespace teamsim::app {
namespace {

namespace fs = std::filesystem;

// Role names that exist without being written, one per kind (docs/scenario-reference.md, `roles`).
std::vector<std::string> builtin_roles() {
  std::vector<std::string> names;
  for (const auto& kind : model::kRoleKinds) names.emplace_back(kind.name);
  return names;
}
const std::vector<std::string> kBuiltinRoles = builtin_roles();

YamlMark command_line_mark() { return YamlMark{std::string(kCommandLineFile), 0, 0}; }

Diagnostic command_line_error(std::string key_path, std::string message) {
  return Diagnostic{std::string(kCommandLineFile), 0, 0, std::move(key_path), std::move(message)};
}

Diagnostic error_at(const YamlMark& mark, std::string key_path, std::string message) {
  return Diagnostic{mark.file, mark.line, mark.column, std::move(key_path), std::move(message)};
}

std::string canonical_name(const std::string& path) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(path, error);
  return error ? fs::path(path).lexically_normal().string() : canonical.string();
}

// Removes the entry `key` from a map node and returns it.
std::optional<YamlEntry> take_entry(YamlNode& node, std::string_view key) {
  if (!node.is_map()) return std::nullopt;
  const auto it = std::find_if(node.entries.begin(), node.entries.end(),
                               [&](const YamlEntry& e) { return e.key == key; });
  if (it == node.entries.end()) return std::nullopt;
  YamlEntry entry = std::move(*it);
  node.entries.erase(it);
  return entry;
}

// Parses `text` and merges it over the files it extends (recursively). `chain` holds the
// canonical names of the files being read, outermost first.
std::optional<YamlNode> load_chain(std::string_view text, const std::string& file_name,
                                   std::vector<std::string>& chain,
                                   std::vector<Diagnostic>& diagnostics) {
  std::optional<YamlNode> root = parse_yaml(text, file_name, diagnostics);
  if (!root) return std::nullopt;
  std::optional<YamlEntry> extends = take_entry(*root, "extends");
  if (!extends) return root;
  const YamlNode& target = extends->value;
  if (!target.is_scalar() || target.text.empty()) {
    diagnostics.push_back(error_at(
        target.mark, "extends",
        fmt::format("expected the name of a scenario file, got {}", describe_yaml_node(target))));
    return std::nullopt;
  }
  const std::string base_path =
      (fs::path(file_name).parent_path() / target.text).lexically_normal().string();
  if (chain.size() > static_cast<std::size_t>(kMaxExtendsDepth)) {
    diagnostics.push_back(
        error_at(target.mark, "extends",
                 fmt::format("more than {} levels of extends; flatten some of the files",
                             kMaxExtendsDepth)));
    return std::nullopt;
  }
  const std::string canonical = canonical_name(base_path);
  if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
    std::string cycle;
    for (const std::string& name : chain) cycle += fs::path(name).filename().string() + " -> ";
    cycle += fs::path(canonical).filename().string();
    diagnostics.push_back(
        error_at(target.mark, "extends", fmt::format("extends cycle: {}", cycle)));
    return std::nullopt;
  }
  std::string error;
  const std::optional<std::string> contents = read_yaml_file(base_path, error);
  if (!contents) {
    diagnostics.push_back(
        error_at(target.mark, "extends", fmt::format("cannot read '{}': {}", base_path, error)));
    return std::nullopt;
  }
  chain.push_back(canonical);
  std::optional<YamlNode> base = load_chain(*contents, base_path, chain, diagnostics);
  chain.pop_back();
  if (!base) return std::nullopt;
  if (!base->is_map() && !base->is_null()) {
    diagnostics.push_back(
        error_at(base->mark, "",
                 fmt::format("a scenario extended by {} must be a map of keys, got {}", file_name,
                             describe_yaml_node(*base))));
    return std::nullopt;
  }
  if (!root->is_map() && !root->is_null()) return root;  // the loader reports it
  merge_yaml(*base, *root);
  // The merged scenario is this file's: a problem of the whole scenario, or of a key no file
  // wrote (a default), is reported here, not at the first line of the file it extends.
  base->mark = root->mark;
  return base;
}

// Replaces every mark in `node` by `mark`.
void relabel(YamlNode& node, const YamlMark& mark) {
  node.mark = mark;
  for (YamlNode& item : node.items) relabel(item, mark);
  for (YamlEntry& entry : node.entries) {
    entry.key_mark = mark;
    relabel(entry.value, mark);
  }
}

// One step of an override path: a map key or a list index.
struct PathStep {
  std::string key;
  std::optional<std::size_t> index;
};

// A key may be empty ("U.S..x", "a..b", a trailing "U.S."): walk_to joins it to the steps around
// it where the map has a name that ends (or starts) with a dot, and refuses it otherwise.
std::optional<std::vector<PathStep>> parse_path(std::string_view path) {
  std::vector<PathStep> steps;
  std::size_t i = 0;
  while (i <= path.size()) {
    const std::size_t end = path.find_first_of(".[", i);
    const std::string_view key =
        path.substr(i, end == std::string_view::npos ? path.npos : end - i);
    if (key.empty() && (end == std::string_view::npos || path[end] == '[')) {
      if (i == path.size() && !steps.empty()) {
        steps.push_back({"", std::nullopt});  // the trailing dot of "territories.U.S."
        break;
      }
      return std::nullopt;
    }
    steps.push_back({std::string(key), std::nullopt});
    i = end == std::string_view::npos ? path.size() : end;
    while (i < path.size() && path[i] == '[') {
      const std::size_t close = path.find(']', i);
      if (close == std::string_view::npos) return std::nullopt;
      std::size_t index = 0;
      const char* first = path.data() + i + 1;
      const char* last = path.data() + close;
      const auto [ptr, ec] = std::from_chars(first, last, index);
      if (ec != std::errc() || ptr != last || first == last) return std::nullopt;
      steps.push_back({"", index});
      i = close + 1;
    }
    if (i == path.size()) break;
    if (path[i] != '.') return std::nullopt;
    ++i;
  }
  if (steps.empty()) return std::nullopt;
  return steps;
}

std::vector<std::string> map_keys(const YamlNode& node) {
  std::vector<std::string> keys;
  for (const YamlEntry& entry : node.entries) keys.push_back(entry.key);
  return keys;
}

// An override of the command line, parsed: where it goes and the value it sets.
struct Override {
  std::string path;
  std::vector<PathStep> steps;
  YamlNode value;
};

// Parses one "path=VALUE" override; nothing (with a diagnostic) when it is malformed, names a key
// that cannot be set on the command line, or its value is not YAML.
std::optional<Override> parse_override(const std::string& text,
                                       std::vector<Diagnostic>& diagnostics) {
  const auto split = split_override(text);
  if (!split) {
    diagnostics.push_back(command_line_error(
        "", fmt::format("--set '{}': expected KEY.PATH=VALUE, e.g. pipeline.win_rate=0.25", text)));
    return std::nullopt;
  }
  const auto& [path, value_text] = *split;
  auto steps = parse_path(path);
  if (!steps) {
    diagnostics.push_back(command_line_error(
        "", fmt::format("--set '{}': '{}' is not a key path; write keys separated by dots, list "
                        "items as [N], e.g. hires[0].month",
                        text, path)));
    return std::nullopt;
  }
  if (steps->front().key == "extends" || steps->front().key == "variants") {
    diagnostics.push_back(command_line_error(
        path, fmt::format("cannot be set on the command line; {}",
                          steps->front().key == "variants" ? "choose one with --variant NAME"
                                                           : "write it in the scenario file")));
    return std::nullopt;
  }
  std::vector<Diagnostic> value_problems;
  std::optional<YamlNode> value =
      parse_yaml(value_text, std::string(kCommandLineFile), value_problems);
  if (!value) {
    for (Diagnostic& d : value_problems) {
      diagnostics.push_back(command_line_error(
          path, fmt::format("the value '{}' is not valid YAML: {}", value_text, d.message)));
    }
    return std::nullopt;
  }
  relabel(*value, command_line_mark());
  return Override{std::string(path), std::move(*steps), std::move(*value)};
}

// False (with a diagnostic) when the override may not add the key `step` to the map `node` at
// `walked`. Roles and territories are user-named maps: a misspelt name would silently define a new
// one, so an override may name only existing ones (or define a whole new one, as its last step).
bool may_add_key(const YamlNode& node, const std::string& walked, const PathStep& step, bool last,
                 const std::string& path, std::vector<Diagnostic>& diagnostics) {
  const bool in_roles = walked == "roles";
  const bool in_territories = walked == "territories" && !node.entries.empty();
  std::vector<std::string> names = map_keys(node);
  if (in_roles) {
    for (const std::string& builtin : kBuiltinRoles) {
      if (std::find(names.begin(), names.end(), builtin) == names.end()) names.push_back(builtin);
    }
  }
  const bool builtin_role = in_roles && std::find(kBuiltinRoles.begin(), kBuiltinRoles.end(),
                                                  step.key) != kBuiltinRoles.end();
  if ((in_roles || in_territories) && !builtin_role && !last) {
    diagnostics.push_back(command_line_error(
        path, fmt::format("unknown {} '{}'{}", in_roles ? "role" : "territory", step.key,
                          suggestion(step.key, names,
                                     in_roles ? "defined roles" : "defined territories"))));
    return false;
  }
  return true;
}

// Follows the override's path from `root`, making the maps and keys it names that are missing;
// the node it names, or nullptr (with a diagnostic) when the path cannot be followed.
YamlNode* walk_to(YamlNode& root, const Override& parsed, std::vector<Diagnostic>& diagnostics) {
  const std::string& path = parsed.path;
  if (root.is_null()) {
    root.kind = YamlKind::kMap;
  }
  YamlNode* node = &root;
  std::string walked;
  for (std::size_t s = 0; s < parsed.steps.size(); ++s) {
    const PathStep& step = parsed.steps[s];
    const bool last = s + 1 == parsed.steps.size();
    if (step.index) {
      if (!node->is_sequence() || *step.index >= node->items.size()) {
        // A list the scenario does not write (or leaves empty) has no items to index: say so
        // and how to give it, rather than "hires is null".
        std::string message =
            node->is_null()
                ? fmt::format(
                      "{} has no items (not written, or empty); there is no [{}]: set the "
                      "whole list, e.g. --set '{}=[...]'",
                      walked, *step.index, walked)
            : node->is_sequence()
                ? fmt::format("{} has {}; there is no [{}]", walked,
                              counted(node->items.size(), "item"), *step.index)
                : fmt::format("{} is {}, not a list", walked, describe_yaml_node(*node));
        diagnostics.push_back(command_line_error(path, std::move(message)));
        return nullptr;
      }
      walked = key_path_index(walked, *step.index);
      node = &node->items[*step.index];
      continue;
    }
    if (node->is_null()) {
      node->kind = YamlKind::kMap;
      node->mark = command_line_mark();
    }
    if (!node->is_map()) {
      diagnostics.push_back(command_line_error(
          path, fmt::format("cannot set '{}' inside {}, which is {}, not a map", step.key,
                            walked.empty() ? "the scenario" : walked, describe_yaml_node(*node))));
      return nullptr;
    }
    // A name that holds dots (a territory "eu.west"), as key paths write it: the longest run of
    // steps that spells a key of the map, joined again ("eu.west" before a territory "eu").
    YamlNode* child = nullptr;
    std::string key;
    std::size_t run_end = s;
    while (run_end + 1 < parsed.steps.size() && !parsed.steps[run_end + 1].index) ++run_end;
    for (std::size_t t = run_end; t > s && child == nullptr; --t) {
      std::string joined = step.key;
      for (std::size_t u = s + 1; u <= t; ++u) joined += "." + parsed.steps[u].key;
      if (YamlNode* found = node->find(joined)) {
        child = found;
        key = joined;
        s = t;
      }
    }
    if (child == nullptr) {
      child = node->find(step.key);
      key = step.key;
    }
    if (child == nullptr && step.key.empty()) {
      diagnostics.push_back(command_line_error(
          path, fmt::format("an empty key (two dots, or a dot at the end) inside {}, which has no "
                            "name that ends with a dot there; a name that ends with one is "
                            "written with it, then a dot before the next key, e.g. "
                            "territories.U.S..inbound_leads_per_month for a territory 'U.S.'",
                            walked.empty() ? "the scenario" : walked)));
      return nullptr;
    }
    if (child == nullptr) {
      // "territories.U.S.inbound_leads_per_month" for a territory "U.S.": the dot the name ends
      // with is missing; say how to write it rather than "unknown territory 'U'".
      for (std::size_t t = s; t <= run_end && t + 1 < parsed.steps.size(); ++t) {
        std::string joined = step.key;
        for (std::size_t u = s + 1; u <= t; ++u) joined += "." + parsed.steps[u].key;
        if (node->find(joined + ".") != nullptr) {
          std::string written = key_path_join(walked, joined + ".");
          for (std::size_t u = t + 1; u < parsed.steps.size(); ++u) {
            written = parsed.steps[u].index ? key_path_index(written, *parsed.steps[u].index)
                                            : written + "." + parsed.steps[u].key;
          }
          diagnostics.push_back(command_line_error(
              path, fmt::format("'{}.' ends with a dot; write it with its dot, then a dot before "
                                "the next key: {}",
                                joined, written)));
          return nullptr;
        }
      }
      if (!may_add_key(*node, walked, step, last, path, diagnostics)) return nullptr;
      node->entries.push_back(YamlEntry{step.key, command_line_mark(), YamlNode{}});
      child = &node->entries.back().value;
      child->mark = command_line_mark();
    }
    walked = key_path_join(walked, key);
    node = child;
  }
  return node;
}

// Applies one "path=VALUE" override to `root`; false (with a diagnostic) when it cannot.
bool apply_override(YamlNode& root, const std::string& text, std::vector<Diagnostic>& diagnostics) {
  const std::optional<Override> parsed = parse_override(text, diagnostics);
  if (!parsed) return false;
  YamlNode* node = walk_to(root, *parsed, diagnostics);
  if (node == nullptr) return false;
  merge_yaml(*node, parsed->value);
  return true;
}

ResolvedTree resolve_from_text(std::string_view text, const std::string& file_name,
                               const ScenarioRequest& request) {
  ResolvedTree result;
  std::vector<std::string> chain = {canonical_name(file_name)};
  std::optional<YamlNode> root = load_chain(text, file_name, chain, result.diagnostics);
  if (!root) return result;

  if (std::optional<YamlEntry> variants = take_entry(*root, "variants")) {
    if (!variants->value.is_map() && !variants->value.is_null()) {
      result.diagnostics.push_back(
          error_at(variants->value.mark, "variants",
                   fmt::format("expected a map from variant name to the keys it overrides, got {}",
                               describe_yaml_node(variants->value))));
      return result;
    }
    result.variants = map_keys(variants->value);
    for (const YamlEntry& entry : variants->value.entries) {
      const std::string path = key_path_join("variants", entry.key);
      if (!entry.value.is_map() && !entry.value.is_null()) {
        result.diagnostics.push_back(
            error_at(entry.value.mark, path,
                     fmt::format("expected a map of the keys this variant overrides, got {}",
                                 describe_yaml_node(entry.value))));
      }
      for (const YamlEntry& inner : entry.value.entries) {
        if (inner.key == "extends" || inner.key == "variants") {
          result.diagnostics.push_back(
              error_at(inner.key_mark, key_path_join(path, inner.key),
                       "not allowed inside a variant; write it at the top level"));
        }
      }
    }
    if (!result.diagnostics.empty()) return result;
    if (!request.variant.empty()) {
      if (const YamlNode* chosen = variants->value.find(request.variant)) {
        merge_yaml(*root, *chosen);
        if (chosen->find("name") == nullptr) {
          result.name_suffix = fmt::format(" [{}]", request.variant);
        }
      }
    }
  }
  if (!request.variant.empty() && std::find(result.variants.begin(), result.variants.end(),
                                            request.variant) == result.variants.end()) {
    result.diagnostics.push_back(command_line_error(
        "", result.variants.empty()
                ? fmt::format("unknown variant '{}': {} declares no variants", request.variant,
                              file_name)
                : fmt::format("unknown variant '{}'{}", request.variant,
                              suggestion(request.variant, result.variants, "declared variants"))));
    return result;
  }
  for (const std::string& override_text : request.overrides) {
    if (apply_override(*root, override_text, result.diagnostics) &&
        split_override(override_text)->first == "name") {
      result.name_suffix.clear();
    }
  }
  result.base_of_variants = !result.variants.empty() && request.variant.empty();
  if (result.diagnostics.empty()) result.root = std::move(root);
  return result;
}

LoadResult load_resolved(ResolvedTree tree, const std::string& file_name) {
  if (!tree.root) {
    LoadResult failed;
    failed.diagnostics = std::move(tree.diagnostics);
    return failed;
  }
  LoadResult loaded = load_scenario_tree(*tree.root, file_name, tree.base_of_variants);
  if (!loaded.ok()) return loaded;
  loaded.spec->name += tree.name_suffix;
  // The plan as loaded, a hiring-plan CSV's rows included, for the scenario as run
  // (scenario.yaml).
  loaded.merged_tree =
      std::make_shared<const YamlNode>(with_hires_csv_read_in(*tree.root, loaded.hires_csv_rows));
  return loaded;
}

}  // namespace

std::optional<std::pair<std::string, std::string>> split_override(std::string_view text) {
  const std::size_t equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0) return std::nullopt;
  return std::pair{std::string(text.substr(0, equals)), std::string(text.substr(equals + 1))};
}

ResolvedTree resolve_scenario_tree(const ScenarioRequest& request) {
  std::string error;
  const std::optional<std::string> contents = read_yaml_file(request.path, error);
  if (!contents) {
    ResolvedTree result;
    result.diagnostics.push_back(
        Diagnostic{request.path, 0, 0, "", "cannot read the file: " + error});
    return result;
  }
  return resolve_from_text(*contents, request.path, request);
}

ResolvedTree resolve_scenario_tree_string(std::string_view text, const std::string& file_name,
                                          const ScenarioRequest& request) {
  return resolve_from_text(text, file_name, request);
}

LoadResult resolve_scenario(const ScenarioRequest& request) {
  return load_resolved(resolve_scenario_tree(request), request.path);
}

LoadResult resolve_scenario_string(std::string_view text, const std::string& file_name,
                                   const ScenarioRequest& request) {
  return load_resolved(resolve_from_text(text, file_name, request), file_name);
}

std::vector<std::string> scenario_variants(const std::string& path) {
  ScenarioRequest request;
  request.path = path;
  return resolve_scenario_tree(request).variants;
}

}  // namespace teamsim::app
