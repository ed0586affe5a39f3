#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/diagnostics.h"
#include "app/scenario/scenario_keys.h"
#include "app/scenario/yaml_tree.h"

// Reading typed values out of a YamlNode tree, reporting every problem as a diagnostic at the
// node where it was written. Scalars are parsed strictly (see read_number), so that what the user
// meant is never guessed: YAML 1.1 surprises such as octal 010 or `yes` are errors with a fix.

namespace teamsim::app {

/// "parent.key", or "key" when parent is empty.
std::string key_path_join(std::string_view parent, std::string_view key);
/// "parent[index]".
std::string key_path_index(std::string_view parent, std::size_t index);

/// A plain decimal number: -?digits[.digits][(e|E)[+-]digits], underscores allowed between digits
/// (3_000_000), an optional % suffix dividing by 100 (35%). Rejects with a message: quoted
/// strings, leading zeros (010 is octal 8 in YAML 1.1), hex/octal/binary forms, .nan/.inf and
/// anything that overflows. `expected` names what was wanted, for type errors ("a number").
std::optional<double> read_number(const YamlNode& node, const std::string& key_path,
                                  DiagnosticSink& sink, std::string_view expected = "a number");
/// A whole number (no fraction, no %) between min and max inclusive.
std::optional<std::int64_t> read_integer(const YamlNode& node, const std::string& key_path,
                                         DiagnosticSink& sink, std::int64_t min, std::int64_t max);
/// A whole number between 0 and 2^64 - 1, exact over the whole range (seeds).
std::optional<std::uint64_t> read_uint64(const YamlNode& node, const std::string& key_path,
                                         DiagnosticSink& sink);
/// Only plain `true` or `false`; yes/no/on/off/y/n and other spellings are errors.
std::optional<bool> read_bool(const YamlNode& node, const std::string& key_path,
                              DiagnosticSink& sink);
/// Any scalar, quoted or plain, as its text.
std::optional<std::string> read_text(const YamlNode& node, const std::string& key_path,
                                     DiagnosticSink& sink);

/// Checks min <= value <= max (either bound may be infinite) and reports "must be between...",
/// "must be at least..." or "must be at most..." (followed by `note` when not empty).
bool check_range(double value, double min, double max, const YamlNode& node,
                 const std::string& key_path, DiagnosticSink& sink, std::string_view note = "");

/// Reads one map: each known key is asked for by name; finish() then reports every key nobody
/// asked for, with a "did you mean" among the keys that were asked for. A null node reads as an
/// empty map (a section left empty takes its defaults); any other non-map is a type error.
class ObjectReader {
 public:
  ObjectReader(const YamlNode& node, std::string key_path, DiagnosticSink& sink);
  /// A map of a scenario section: only `keys`' keys may be asked for (another is a loader bug
  /// and throws std::logic_error), and an unknown key's "did you mean" is among them.
  ObjectReader(const YamlNode& node, std::string key_path, const SectionDoc& keys,
               DiagnosticSink& sink);

  /// True when the node was a map (or null).
  bool valid() const { return valid_; }
  const YamlNode& node() const { return node_; }
  const std::string& key_path() const { return key_path_; }
  DiagnosticSink& sink() { return sink_; }
  /// The key path of `key` inside this map.
  std::string path_of(std::string_view key) const { return key_path_join(key_path_, key); }

  /// The value under `key`, or nullptr when absent. Marks `key` as known.
  const YamlNode* get(std::string_view key);
  /// Like get, but reports "missing required key" at this map when absent.
  const YamlNode* require(std::string_view key);
  /// Marks `key` as known without reading it.
  void allow(std::string_view key);

  /// Typed reads of optional keys: nullopt when absent or invalid (the latter reported).
  std::optional<double> number(std::string_view key);
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max);
  std::optional<bool> boolean(std::string_view key);
  std::optional<std::string> text(std::string_view key);

  /// Reports each key that was never asked for; returns false when there was one.
  bool finish();

 private:
  /// Reports a node that is neither a map nor null; clears valid_.
  void check_map();
  /// The name of the first section among this map's keys that has a key `key` ("pipeline" for
  /// win_rate at the top level), or "".
  std::string section_holding(std::string_view key) const;

  const YamlNode& node_;
  std::string key_path_;
  DiagnosticSink& sink_;
  bool valid_ = true;
  std::vector<std::string> known_;
  const SectionDoc* keys_ = nullptr;
};

}  // namespace teamsim::app
