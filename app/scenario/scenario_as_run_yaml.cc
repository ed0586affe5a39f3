#include "app/scenario/scenario_as_run_yaml.h"

#include <fmt/format.h>
#include <yaml-cpp/emitter.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <vector>

namespace teamsim::app {
namespace {

YamlNode plain_scalar(std::string text) {
  YamlNode node;
  node.kind = YamlKind::kScalar;
  node.text = std::move(text);
  return node;
}

/// Sets `key` of the map `root` to `value`: in place when it is there, else at `position`.
void set_entry(YamlNode& root, std::string_view key, YamlNode value, std::size_t position) {
  if (YamlNode* found = root.find(key)) {
    *found = std::move(value);
    return;
  }
  YamlEntry entry;
  entry.key = std::string(key);
  entry.value = std::move(value);
  position = std::min(position, root.entries.size());
  root.entries.insert(root.entries.begin() + static_cast<std::ptrdiff_t>(position),
                      std::move(entry));
}

void emit(YAML::Emitter& out, const YamlNode& node) {
  switch (node.kind) {
    case YamlKind::kNull:
      out << YAML::Null;
      break;
    case YamlKind::kScalar:
      // Quoted text stays a string when read again; plain text is read as it was written.
      if (node.quoted) out << YAML::DoubleQuoted;
      out << node.text;
      break;
    case YamlKind::kSequence:
      out << YAML::BeginSeq;
      for (const YamlNode& item : node.items) emit(out, item);
      out << YAML::EndSeq;
      break;
    case YamlKind::kMap:
      out << YAML::BeginMap;
      for (const YamlEntry& entry : node.entries) {
        // A plain `<<` is a merge key, which the scenario reader refuses: keep it a name.
        out << YAML::Key;
        if (entry.key == "<<") out << YAML::DoubleQuoted;
        out << entry.key << YAML::Value;
        emit(out, entry.value);
      }
      out << YAML::EndMap;
      break;
  }
}

}  // namespace

YamlNode with_hires_csv_read_in(const YamlNode& merged, std::optional<YamlNode> rows) {
  YamlNode root = merged;
  const auto csv = std::find_if(root.entries.begin(), root.entries.end(),
                                [](const YamlEntry& entry) { return entry.key == "hires_csv"; });
  if (csv == root.entries.end() || !rows) return root;
  const std::size_t at = static_cast<std::size_t>(csv - root.entries.begin());
  root.entries.erase(csv);
  if (YamlNode* hires = root.find("hires"); hires != nullptr && hires->is_sequence()) {
    for (YamlNode& row : rows->items) hires->items.push_back(std::move(row));
  } else {
    set_entry(root, "hires", std::move(*rows), at);
  }
  return root;
}

std::string scenario_as_run_yaml(const YamlNode& tree, const std::string& name) {
  YamlNode root = tree;
  set_entry(root, "name", plain_scalar(name), 0);
  root.find("name")->quoted = true;  // a name is text, whatever it looks like
  YAML::Emitter out;
  out.SetIndent(2);
  emit(out, root);
  if (!out.good()) {
    throw std::runtime_error("cannot write scenario.yaml: " + out.GetLastError());
  }
  return std::string(out.c_str()) + "\n";
}

std::string scenario_as_run_file(const std::string& yaml, const std::string& provenance,
                                 const std::string& rerun) {
  // A --set value may hold a line break: every line of the comment stays a comment.
  const auto commented = [](const std::string& text) {
    std::string out;
    for (const char c : text) out += c == '\n' ? std::string("\n#   ") : std::string(1, c);
    return out;
  };
  return fmt::format(
      "# The scenario as teamsim ran it: {}.\n"
      "# extends:, the variant and --set are applied and a hires_csv is written in as hires;\n"
      "# `{}` reproduces the run's numbers.\n"
      "{}",
      commented(provenance), commented(rerun), yaml);
}

}  // namespace teamsim::app
