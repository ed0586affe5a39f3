#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/diagnostics.h"

// Our own YAML document tree, built from yaml-cpp's event API rather than YAML::Load, so that every
// node keeps where it was written (file, line, column), whether a scalar was quoted, and map
// entries keep document order. The builder also refuses what yaml-cpp would silently accept or
// crash on: duplicate keys, `<<` merge keys, tags, several documents, non-text keys, deep nesting
// and alias bombs. Trees from several files (or command-line overrides) can be merged with
// merge_yaml; each node keeps the file it came from, so later diagnostics still point where a value
// was written.

namespace teamsim::app {

/// Largest input parse_yaml accepts, in bytes (1 MiB).
inline constexpr std::size_t kMaxYamlBytes = std::size_t{1} << 20;
/// Deepest nesting of lists and maps parse_yaml accepts (the top-level map is level 1).
inline constexpr int kMaxYamlDepth = 64;
/// Most nodes a document may hold once every alias is expanded.
inline constexpr std::size_t kMaxYamlNodes = 100'000;

/// Where a node was written. Line and column are 1-based; 0 means "the whole file".
using YamlMark = SourceMark;

enum class YamlKind { kNull, kScalar, kSequence, kMap };

struct YamlEntry;

/// One node of a document: null, a scalar (text, quoted or plain), a sequence or a map.
struct YamlNode {
  YamlKind kind = YamlKind::kNull;
  YamlMark mark;
  /// Scalar text exactly as YAML delivers it (quotes and escapes resolved).
  std::string text;
  /// True when the scalar was quoted ('x', "x") or a block scalar (|, >): always a string.
  bool quoted = false;
  /// The name of the anchor written on this node (`&lead`: "lead"), or "" (also on its aliases).
  std::string anchor;
  /// Sequence items in document order.
  std::vector<YamlNode> items;
  /// Map entries in document order; keys are unique.
  std::vector<YamlEntry> entries;

  bool is_null() const { return kind == YamlKind::kNull; }
  bool is_scalar() const { return kind == YamlKind::kScalar; }
  bool is_sequence() const { return kind == YamlKind::kSequence; }
  bool is_map() const { return kind == YamlKind::kMap; }
  /// The value stored under `key` in a map, or nullptr (also for non-maps).
  const YamlNode* find(std::string_view key) const;
  YamlNode* find(std::string_view key);
};

/// A map entry: a text key, where the key was written, and its value.
struct YamlEntry {
  std::string key;
  YamlMark key_mark;
  YamlNode value;
};

/// Parses one YAML document. Appends every problem found to `diagnostics` (with `file_name` in
/// each) and returns nullopt when there was any; never throws for bad input. An input without a
/// document (empty, or only comments) gives a null node at line 1, column 1.
std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& file_name,
                                   std::vector<Diagnostic>& diagnostics);

/// Reads a YAML file for parse_yaml: at most kMaxYamlBytes + 1 bytes (one past the limit, so
/// parse_yaml reports an oversized file without the whole of it ever being read). On failure
/// returns nullopt and sets `error` to the operating system's reason ("No such file or
/// directory", "Is a directory", ...).
std::optional<std::string> read_yaml_file(const std::string& path, std::string& error);

/// Deep-merges `overlay` into `base`: maps merge key by key (new keys are appended in overlay
/// order), anything else in `overlay` replaces what `base` had, marks included.
void merge_yaml(YamlNode& base, const YamlNode& overlay);

/// A short description of what a node is, for "expected X, got Y" messages: "a map", "a list",
/// "null", "a quoted string \"5\"" or "'abc'".
std::string describe_yaml_node(const YamlNode& node);

}  // namespace teamsim::app
