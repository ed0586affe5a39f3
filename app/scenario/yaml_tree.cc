#include "app/scenario/yaml_tree.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "app/common/plural.h"
#include "app/common/utf8.h"

namespace teamsim::app {
namespace {

// Thrown by the builder to abandon a document after a fatal problem was already recorded.
struct StopParsing {};

YamlMark to_mark(const std::string& file, const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return YamlMark{file, 0, 0};
  return YamlMark{file, mark.line + 1, mark.column + 1};
}

// yaml-cpp spells standard tags out in full; show them the way they were written.
std::string display_tag(const std::string& tag) {
  constexpr std::string_view kStandardPrefix = "tag:yaml.org,2002:";
  if (tag.starts_with(kStandardPrefix)) return "!!" + tag.substr(kStandardPrefix.size());
  return tag;
}

std::string child_key_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

// Whether the quoted scalar whose opening quote is text[open] is closed before the end of the
// text: yaml-cpp takes the end of the input for the closing quote, so `name: "My plan` would
// swallow every key after it into the name and leave the plan to its defaults.
bool quote_closed(std::string_view text, std::size_t open) {
  const char quote = text[open];
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;  // an escaped character, \" included
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is a quote inside single quotes
      } else {
        return true;
      }
    }
  }
  return false;
}

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, std::string_view text, std::vector<Diagnostic>& diagnostics)
      : file_(file), text_(text), diagnostics_(diagnostics) {}

  std::optional<YamlNode> take_root() { return std::move(root_); }

  void error(const YamlMark& mark, std::string key_path, std::string message) {
    diagnostics_.push_back(
        Diagnostic{mark.file, mark.line, mark.column, std::move(key_path), std::move(message)});
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      error(to_mark(file_, mark), "",
            "several YAML documents in one file are not supported; remove the '---' separator "
            "and keep one document");
      throw StopParsing{};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node;
    node.kind = YamlKind::kNull;
    node.mark = to_mark(file_, mark);
    complete(std::move(node), 1, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto found = anchors_.find(anchor);
    if (found == anchors_.end()) {
      error(to_mark(file_, mark), current_path(),
            fmt::format("alias '*{}' refers to a node that contains it", anchor_name(anchor)));
      throw StopParsing{};
    }
    const std::size_t size = found->second.second;
    if (node_count_ + size > kMaxYamlNodes) {
      error(to_mark(file_, mark), current_path(),
            fmt::format("alias expansion too large: expanding '*{}' makes the document exceed "
                        "{} nodes",
                        anchor_name(anchor), kMaxYamlNodes));
      throw StopParsing{};
    }
    complete(YamlNode(found->second.first), size, YAML::NullAnchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node;
    node.kind = YamlKind::kScalar;
    node.mark = to_mark(file_, mark);
    node.text = value;
    // yaml-cpp gives untagged plain scalars the non-specific tag "?" and quoted or block scalars
    // (and a bare "!") the tag "!".
    node.quoted = tag == "!";
    check_tag(node.mark, tag);
    if (node.quoted && mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < text_.size()) {
      const auto open = static_cast<std::size_t>(mark.pos);
      if ((text_[open] == '"' || text_[open] == '\'') && !quote_closed(text_, open)) {
        error(node.mark, current_path(),
              fmt::format("the quote ({}) that opens this text is never closed, so every line "
                          "after it to the end of the file would be read as part of the text "
                          "and its keys ignored; add the closing quote",
                          text_[open]));
        throw StopParsing{};
      }
    }
    // The file was valid UTF-8, but yaml-cpp writes some escapes ("\N", "\x85") as a single
    // raw byte, which is not: found by the fuzzer, when the value later broke the JSON output.
    if (first_invalid_utf8(value)) {
      error(node.mark, current_path(),
            "this text is not valid UTF-8 once its escapes are applied (write the character "
            "itself, or use \\u escapes)");
    }
    complete(std::move(node), 1, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    start(YamlKind::kSequence, mark, tag, anchor);
  }
  void OnSequenceEnd() override { finish(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    start(YamlKind::kMap, mark, tag, anchor);
  }
  void OnMapEnd() override { finish(); }

  void OnAnchor(const YAML::Mark& /*mark*/, const std::string& anchor_name) override {
    pending_anchor_name_ = anchor_name;
  }

 private:
  struct Frame {
    YamlNode node;
    std::size_t size = 1;  // nodes in this subtree so far, aliases expanded
    YAML::anchor_t anchor = YAML::NullAnchor;
    std::string path;
    // Maps only: the key waiting for its value, and where each key was first written.
    bool have_key = false;
    bool skip_value = false;  // the key was rejected: drop its value
    std::string key;
    YamlMark key_mark;
    std::unordered_map<std::string, int> key_lines;
  };

  std::string anchor_name(YAML::anchor_t anchor) const {
    const auto found = anchor_names_.find(anchor);
    return found == anchor_names_.end() ? std::string("?") : found->second;
  }

  void remember_anchor_name(YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchor_names_[anchor] = pending_anchor_name_;
    pending_anchor_name_.clear();
  }

  // The key path of the node about to be added to the innermost open collection.
  std::string current_path() const {
    if (stack_.empty()) return "";
    const Frame& parent = stack_.back();
    if (parent.node.kind == YamlKind::kSequence) {
      return fmt::format("{}[{}]", parent.path, parent.node.items.size());
    }
    if (parent.have_key) return child_key_path(parent.path, parent.key);
    return parent.path;
  }

  void check_tag(const YamlMark& mark, const std::string& tag) {
    if (tag == "?" || tag == "!" || tag.empty()) return;
    error(
        mark, current_path(),
        fmt::format("YAML tags such as '{}' are not supported; remove the tag", display_tag(tag)));
  }

  void count_nodes(std::size_t size, const YamlMark& mark) {
    node_count_ += size;
    if (node_count_ > kMaxYamlNodes) {
      error(mark, current_path(),
            fmt::format("document too large: more than {} nodes", kMaxYamlNodes));
      throw StopParsing{};
    }
  }

  void start(YamlKind kind, const YAML::Mark& yaml_mark, const std::string& tag,
             YAML::anchor_t anchor) {
    const YamlMark mark = to_mark(file_, yaml_mark);
    remember_anchor_name(anchor);
    if (static_cast<int>(stack_.size()) >= kMaxYamlDepth) {
      error(mark, "",
            fmt::format("nesting deeper than {} levels; a scenario never needs that many",
                        kMaxYamlDepth));
      throw StopParsing{};
    }
    count_nodes(1, mark);
    check_tag(mark, tag);
    Frame frame;
    frame.node.kind = kind;
    frame.node.mark = mark;
    frame.anchor = anchor;
    frame.path = current_path();
    stack_.push_back(std::move(frame));
  }

  void finish() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(frame.node), frame.size, frame.anchor);
  }

  // A scalar, null or alias copy: counts it, then adds it.
  void complete(YamlNode node, std::size_t size, YAML::anchor_t anchor) {
    remember_anchor_name(anchor);
    count_nodes(size, node.mark);
    add(std::move(node), size, anchor);
  }

  // Hands a finished node of `size` nodes to the innermost open collection (or makes it the root).
  void add(YamlNode node, std::size_t size, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      node.anchor = anchor_name(anchor);
      anchors_[anchor] = {node, size};
    }
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& parent = stack_.back();
    parent.size += size;
    if (parent.node.kind == YamlKind::kSequence) {
      parent.node.items.push_back(std::move(node));
      return;
    }
    if (!parent.have_key) {
      accept_key(parent, std::move(node));
      return;
    }
    parent.have_key = false;
    if (parent.skip_value) return;
    if (node.kind == YamlKind::kNull && node.text.empty() &&
        node.mark.line != parent.key_mark.line) {
      node.mark = parent.key_mark;  // `key:` with nothing after it: point at the key
    }
    parent.node.entries.push_back(
        YamlEntry{std::move(parent.key), std::move(parent.key_mark), std::move(node)});
  }

  void accept_key(Frame& map, YamlNode key) {
    map.have_key = true;
    map.skip_value = true;
    map.key.clear();
    map.key_mark = key.mark;
    if (key.kind != YamlKind::kScalar) {
      error(key.mark, map.path,
            fmt::format("map keys must be text, got {}", describe_yaml_node(key)));
      return;
    }
    if (!key.quoted && key.text == "<<") {
      error(key.mark, map.path,
            "merge keys ('<<') are not supported; write the keys out (an alias '*name' may "
            "still be used as a whole value)");
      return;
    }
    const auto [found, inserted] = map.key_lines.emplace(key.text, key.mark.line);
    if (!inserted) {
      error(key.mark, map.path,
            fmt::format("duplicate key '{}' (first written on line {})", key.text, found->second));
      return;
    }
    map.skip_value = false;
    map.key = std::move(key.text);
  }

  const std::string& file_;
  std::string_view text_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<Frame> stack_;
  std::optional<YamlNode> root_;
  std::unordered_map<YAML::anchor_t, std::pair<YamlNode, std::size_t>> anchors_;
  std::unordered_map<YAML::anchor_t, std::string> anchor_names_;
  std::string pending_anchor_name_;
  std::size_t node_count_ = 0;
  int documents_ = 0;
};

// Why a block line may have broken the YAML, when its indentation is the likely cause: it starts
// in a column none of the lines above it opens (one space short of its map's keys), or deeper than
// a line whose key already has its value. "" when the indentation lines up (another mistake).
// `error_line` counts from 0, as yaml-cpp's marks do.
std::string indentation_hint(std::string_view text, int error_line) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (error_line < 1 || static_cast<std::size_t>(error_line) >= lines.size()) return "";
  const auto indent_of = [](std::string_view row) {
    return std::min(row.find_first_not_of(' '), row.size());
  };
  const auto meaningful = [&](std::string_view row) {
    const std::size_t indent = indent_of(row);
    return indent < row.size() && row[indent] != '#' && row[indent] != '\t' && row[indent] != '\r';
  };
  const std::string_view row = lines[static_cast<std::size_t>(error_line)];
  if (!meaningful(row)) return "";
  const std::size_t indent = indent_of(row);
  // The columns the lines above open, from the nearest up to the top level: each line less
  // indented than those below it, and the content after a "- " as well as its dash.
  std::vector<std::size_t> columns;
  std::string_view above;
  std::size_t limit = std::string_view::npos;
  for (int i = error_line - 1; i >= 0 && limit != 0; --i) {
    const std::string_view line = lines[static_cast<std::size_t>(i)];
    if (!meaningful(line)) continue;
    if (above.empty()) above = line;
    const std::size_t at = indent_of(line);
    if (limit != std::string_view::npos && at >= limit) continue;
    if (line.substr(at).starts_with("- ")) {
      columns.push_back(std::min(line.find_first_not_of(' ', at + 1), line.size()));
    }
    columns.push_back(at);
    limit = at;
  }
  if (above.empty() || std::find(columns.begin(), columns.end(), indent) != columns.end()) {
    return "";
  }
  const std::size_t deepest = *std::max_element(columns.begin(), columns.end());
  if (indent > deepest) {
    // Deeper than the line above is legal under a key that opens a block (or a block scalar).
    std::string_view last = above;
    while (!last.empty() && (last.back() == ' ' || last.back() == '\r')) last.remove_suffix(1);
    if (last.ends_with(':') || last.ends_with('-') || last.ends_with('|') || last.ends_with('>')) {
      return "";
    }
    return fmt::format(
        "; this line starts deeper ({}) than the line above it ({}), whose key already has its "
        "value: start it in the same column as the keys beside it",
        counted(indent, "space"), deepest);
  }
  std::sort(columns.begin(), columns.end());
  columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
  std::string shown = std::to_string(columns.back());
  if (columns.size() > 1) {
    columns.pop_back();
    shown = fmt::format("{} or {}", fmt::join(columns, ", "), shown);
  }
  return fmt::format(
      "; this line is indented {}, in line with none of the lines above it ({} spaces): the keys "
      "of one map start in the same column",
      counted(indent, "space"), shown);
}

}  // namespace

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const YamlEntry& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

YamlNode* YamlNode::find(std::string_view key) {
  for (YamlEntry& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& file_name,
                                   std::vector<Diagnostic>& diagnostics) {
  if (text.size() > kMaxYamlBytes) {
    diagnostics.push_back(Diagnostic{
        file_name, 0, 0, "",
        fmt::format("the file is larger than 1 MiB ({} bytes), the limit for scenario files",
                    kMaxYamlBytes)});
    return std::nullopt;
  }
  if (const auto bad = first_invalid_utf8(text)) {
    // Point at the byte: line and column count from 1, the column in bytes.
    const std::string_view before = text.substr(0, *bad);
    const auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
    const std::size_t line_start = before.rfind('\n');
    const auto column =
        static_cast<int>(line_start == std::string_view::npos ? *bad : *bad - line_start - 1) + 1;
    diagnostics.push_back(
        Diagnostic{file_name, line, column, "",
                   fmt::format("the file is not valid UTF-8 (byte 0x{:02X}); save it as UTF-8 text",
                               static_cast<unsigned>(static_cast<unsigned char>(text[*bad])))});
    return std::nullopt;
  }
  const std::size_t errors_before = diagnostics.size();
  std::istringstream input{std::string(text)};
  TreeBuilder builder(file_name, text, diagnostics);
  const auto yaml_error = [&](const YAML::Mark& mark, std::string message) {
    const YamlMark where = to_mark(file_name, mark);
    diagnostics.push_back(Diagnostic{where.file, where.line, where.column, "", std::move(message)});
  };
  try {
    YAML::Parser parser(input);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const StopParsing&) {
  } catch (const YAML::DeepRecursion& e) {
    yaml_error(e.mark,
               fmt::format("nesting deeper than {} levels; a scenario never needs that many",
                           kMaxYamlDepth));
  } catch (const YAML::Exception& e) {
    // `op: >=` unquoted: '>' starts a folded block, which a flow map cannot hold.
    const bool bare_comparison = e.mark.pos >= 0 &&
                                 static_cast<std::size_t>(e.mark.pos) < text.size() &&
                                 (text[static_cast<std::size_t>(e.mark.pos)] == '>' ||
                                  text[static_cast<std::size_t>(e.mark.pos)] == '<');
    // A tab in the indentation of the line (or the line before): YAML indents with spaces only,
    // and yaml-cpp's "illegal block entry" or "illegal map value" does not say so.
    bool tab_indented = false;
    std::size_t line_start = 0;
    for (int line = 0; line <= e.mark.line && line_start <= text.size(); ++line) {
      const std::size_t end_of_line = std::min(text.find('\n', line_start), text.size());
      if (line + 1 >= e.mark.line) {
        const std::string_view row = text.substr(line_start, end_of_line - line_start);
        const std::size_t indent = std::min(row.find_first_not_of(" \t"), row.size());
        if (row.substr(0, indent).find('\t') != std::string_view::npos) tab_indented = true;
      }
      line_start = end_of_line + 1;
    }
    // A block line out of step with the lines above: yaml-cpp says only which block it could not
    // close ("end of map not found") or that a value is illegal.
    const bool block_error =
        e.msg == YAML::ErrorMsg::END_OF_MAP || e.msg == YAML::ErrorMsg::END_OF_SEQ ||
        e.msg == YAML::ErrorMsg::MAP_VALUE || e.msg == YAML::ErrorMsg::BLOCK_ENTRY;
    yaml_error(e.mark,
               "invalid YAML: " + e.msg +
                   (bare_comparison ? "; a bare > or < is YAML syntax: quote a comparison, "
                                      "e.g. op: \">=\""
                    : tab_indented  ? "; a line here is indented with a tab, which YAML does not "
                                      "allow: indent with spaces"
                    : block_error   ? indentation_hint(text, e.mark.line)
                                    : ""));
  }
  if (diagnostics.size() > errors_before) return std::nullopt;
  std::optional<YamlNode> root = builder.take_root();
  if (!root) {
    root.emplace();
    root->mark = YamlMark{file_name, 1, 1};
  }
  return root;
}

void merge_yaml(YamlNode& base, const YamlNode& overlay) {
  if (base.kind != YamlKind::kMap || overlay.kind != YamlKind::kMap) {
    base = overlay;
    return;
  }
  for (const YamlEntry& entry : overlay.entries) {
    if (YamlNode* existing = base.find(entry.key)) {
      merge_yaml(*existing, entry.value);
    } else {
      base.entries.push_back(entry);
    }
  }
}

std::optional<std::string> read_yaml_file(const std::string& path, std::string& error) {
  std::error_code status;
  if (std::filesystem::is_directory(path, status)) {
    error = std::make_error_code(std::errc::is_a_directory).message();
    return std::nullopt;
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int code = errno != 0 ? errno : static_cast<int>(std::errc::no_such_file_or_directory);
    error = std::generic_category().message(code);
    return std::nullopt;
  }
  std::string text(kMaxYamlBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) {
    const int code = errno != 0 ? errno : static_cast<int>(std::errc::io_error);
    error = std::generic_category().message(code);
    return std::nullopt;
  }
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

std::string describe_yaml_node(const YamlNode& node) {
  switch (node.kind) {
    case YamlKind::kNull:
      return "null";
    case YamlKind::kSequence:
      return "a list";
    case YamlKind::kMap:
      return "a map";
    case YamlKind::kScalar:
      break;
  }
  constexpr std::size_t kMaxShown = 40;
  std::string shown =
      node.text.size() > kMaxShown ? node.text.substr(0, kMaxShown) + "..." : node.text;
  if (node.quoted) return fmt::format("a quoted string \"{}\"", shown);
  return fmt::format("'{}'", shown);
}

}  // namespace teamsim::app
