#include "app/scenario/yaml_tree.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace teamsim::app {
namespace {

// Every diagnostic parse_yaml reports for `text`, formatted.
std::vector<std::string> errors_of(std::string_view text) {
  std::vector<Diagnostic> diagnostics;
  const auto root = parse_yaml(text, "t.yaml", diagnostics);
  EXPECT_EQ(root.has_value(), diagnostics.empty());
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

YamlNode parse_ok(std::string_view text) {
  std::vector<Diagnostic> diagnostics;
  auto root = parse_yaml(text, "t.yaml", diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << format_diagnostics(diagnostics);
  return root.value_or(YamlNode{});
}

using Errors = std::vector<std::string>;

TEST(YamlTree, KeepsMarksQuotingAndDocumentOrder) {
  const YamlNode root = parse_ok("b: 1\na: \"x\"\nc: [1, 'two']\nd:\ne: ~\n");
  ASSERT_TRUE(root.is_map());
  ASSERT_EQ(root.entries.size(), 5u);
  EXPECT_EQ(root.entries[0].key, "b");
  EXPECT_EQ(root.entries[1].key, "a");
  EXPECT_EQ(root.entries[2].key, "c");
  EXPECT_EQ(root.mark.file, "t.yaml");
  EXPECT_EQ(root.mark.line, 1);
  EXPECT_EQ(root.mark.column, 1);

  const YamlNode& b = root.entries[0].value;
  EXPECT_TRUE(b.is_scalar());
  EXPECT_EQ(b.text, "1");
  EXPECT_FALSE(b.quoted);
  EXPECT_EQ(b.mark.line, 1);
  EXPECT_EQ(b.mark.column, 4);

  const YamlNode& a = *root.find("a");
  EXPECT_EQ(a.text, "x");
  EXPECT_TRUE(a.quoted);
  EXPECT_EQ(root.entries[1].key_mark.line, 2);
  EXPECT_EQ(root.entries[1].key_mark.column, 1);

  const YamlNode& c = *root.find("c");
  ASSERT_TRUE(c.is_sequence());
  ASSERT_EQ(c.items.size(), 2u);
  EXPECT_FALSE(c.items[0].quoted);
  EXPECT_TRUE(c.items[1].quoted);
  EXPECT_EQ(c.items[1].text, "two");
  EXPECT_EQ(c.items[1].mark.column, 8);

  // An empty value points at its key; an explicit ~ at itself.
  const YamlNode& d = *root.find("d");
  EXPECT_TRUE(d.is_null());
  EXPECT_EQ(d.mark.line, 4);
  EXPECT_EQ(d.mark.column, 1);
  const YamlNode& e = *root.find("e");
  EXPECT_TRUE(e.is_null());
  EXPECT_EQ(e.mark.line, 5);
  EXPECT_EQ(e.mark.column, 4);
  EXPECT_EQ(root.find("missing"), nullptr);
}

TEST(YamlTree, BlockScalarsCountAsQuoted) {
  const YamlNode root = parse_ok("text: |\n  hello\n");
  EXPECT_TRUE(root.find("text")->quoted);
  EXPECT_EQ(root.find("text")->text, "hello\n");
}

TEST(YamlTree, EmptyInputIsANullDocument) {
  for (const std::string_view text : {"", "# only a comment\n"}) {
    const YamlNode root = parse_ok(text);
    EXPECT_TRUE(root.is_null());
    EXPECT_EQ(root.mark.line, 1);
    EXPECT_EQ(root.mark.column, 1);
  }
}

TEST(YamlTree, DuplicateKeyNamesTheFirstLine) {
  EXPECT_EQ(errors_of("a: 1\nb: 2\na: 3\n"),
            Errors{"t.yaml:3:1: duplicate key 'a' (first written on line 1)"});
  EXPECT_EQ(errors_of("money:\n  x: 1\n  x: 2\n"),
            Errors{"t.yaml:3:3: money: duplicate key 'x' (first written on line 2)"});
  EXPECT_EQ(errors_of("list:\n  - {k: 1, k: 2}\n"),
            Errors{"t.yaml:2:12: list[0]: duplicate key 'k' (first written on line 2)"});
}

TEST(YamlTree, ATabInTheIndentationIsNamed) {
  // yaml-cpp's "illegal block entry" did not say that the editor had indented with a tab.
  const std::string hint =
      "; a line here is indented with a tab, which YAML does not allow: indent with spaces";
  EXPECT_EQ(errors_of("hires:\n\t- {role: account_executive, month: 1}\n"),
            (std::vector<std::string>{"t.yaml:2:2: invalid YAML: illegal block entry" + hint}));
  EXPECT_EQ(errors_of("money:\n  starting_cash: 5\n\tother_monthly_costs: 3\n"),
            (std::vector<std::string>{
                "t.yaml:3:1: invalid YAML: illegal tab when looking for indentation" + hint}));
  // Another mistake, with no tab in sight, is said as before.
  EXPECT_EQ(errors_of("name: x\nhires: [\n"),
            (std::vector<std::string>{"t.yaml:3:1: invalid YAML: end of sequence flow not found"}));
}

TEST(YamlTree, AnIndentationOutOfStepIsNamed) {
  // yaml-cpp said only "end of map not found", "end of sequence not found" or "illegal map
  // value", at a line whose indentation was the mistake.
  EXPECT_EQ(errors_of("money:\n  starting_cash: 5\n other_monthly_costs: 3\n"),
            Errors{"t.yaml:3:2: invalid YAML: end of map not found; this line is indented 1 "
                   "space, in line with none of the lines above it (0 or 2 spaces): the keys of "
                   "one map start in the same column"});
  EXPECT_EQ(errors_of("hires:\n  - role: account_executive\n    month: 3\n   count: 2\n"),
            Errors{"t.yaml:4:4: invalid YAML: end of sequence not found; this line is indented 3 "
                   "spaces, in line with none of the lines above it (0, 2 or 4 spaces): the keys "
                   "of one map start in the same column"});
  EXPECT_EQ(errors_of("hires:\n  - role: account_executive\n    month: 3\n      count: 2\n"),
            Errors{"t.yaml:4:12: invalid YAML: illegal map value; this line starts deeper (6 "
                   "spaces) than the line above it (4), whose key already has its value: start "
                   "it in the same column as the keys beside it"});
  // A line in step with the lines above: the mistake is elsewhere, and said as before.
  EXPECT_EQ(errors_of("name: Plan: A\n"), Errors{"t.yaml:1:11: invalid YAML: illegal map value"});
}

TEST(YamlTree, MergeKeysAreRejected) {
  EXPECT_EQ(errors_of("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n"),
            Errors{"t.yaml:3:3: other: merge keys ('<<') are not supported; write the keys out "
                   "(an alias '*name' may still be used as a whole value)"});
  // Quoted, it is an ordinary key.
  EXPECT_NE(parse_ok("\"<<\": 1\n").find("<<"), nullptr);
}

TEST(YamlTree, NonTextKeysAreRejected) {
  EXPECT_EQ(errors_of("[1, 2]: x\n"), Errors{"t.yaml:1:1: map keys must be text, got a list"});
  EXPECT_EQ(errors_of("a:\n  ? {k: 1}\n  : 2\n"),
            Errors{"t.yaml:2:5: a: map keys must be text, got a map"});
  EXPECT_EQ(errors_of("~: 1\n"), Errors{"t.yaml:1:1: map keys must be text, got null"});
}

TEST(YamlTree, TagsAreRejected) {
  EXPECT_EQ(errors_of("a: !!str 5\n"),
            Errors{"t.yaml:1:4: a: YAML tags such as '!!str' are not supported; remove the tag"});
  EXPECT_EQ(errors_of("a:\n  - !custom {x: 1}\n"),
            Errors{"t.yaml:2:5: a[0]: YAML tags such as '!custom' are not supported; remove "
                   "the tag"});
}

TEST(YamlTree, SeveralDocumentsAreRejected) {
  EXPECT_EQ(errors_of("a: 1\n---\nb: 2\n"),
            Errors{"t.yaml:2:1: several YAML documents in one file are not supported; remove "
                   "the '---' separator and keep one document"});
  // One document with an explicit start marker is fine.
  EXPECT_TRUE(parse_ok("---\na: 1\n").is_map());
}

TEST(YamlTree, SyntaxErrorsCarryTheirPosition) {
  EXPECT_EQ(errors_of("a: [1, 2\nb: 3\n"),
            Errors{"t.yaml:2:2: invalid YAML: end of sequence flow not found"});
  EXPECT_EQ(errors_of("a: *nope\n"),
            Errors{"t.yaml:1:4: invalid YAML: the referenced anchor is not defined"});
}

TEST(YamlTree, AQuoteNeverClosedIsAnErrorNotTheRestOfTheFile) {
  // yaml-cpp ends an unclosed quoted text at the end of the input: `name: "My plan` then held
  // every later line, and the plan ran on its defaults with no word said.
  EXPECT_EQ(errors_of("name: \"My plan\nhorizon_months: 24\nhires: []\n"),
            (Errors{"t.yaml:1:7: name: the quote (\") that opens this text is never closed, so "
                    "every line after it to the end of the file would be read as part of the "
                    "text and its keys ignored; add the closing quote"}));
  EXPECT_EQ(errors_of("a: 1\nb: {c: 'it''s\n"),
            (Errors{"t.yaml:2:8: b.c: the quote (') that opens this text is never closed, so "
                    "every line after it to the end of the file would be read as part of the "
                    "text and its keys ignored; add the closing quote"}));
  // Closed quotes, however they are written, are fine: escapes, '' inside single quotes,
  // a text over two lines, a quoted key, quotes inside a plain or block scalar.
  const YamlNode root = parse_ok(
      "a: \"say \\\"hi\\\"\"\nb: 'it''s'\nc: \"two\n  lines\"\n\"d\": x\ne: it's\n"
      "f: |\n  \"open\n");
  ASSERT_EQ(root.entries.size(), 6u);
  EXPECT_EQ(root.entries[0].value.text, "say \"hi\"");
  EXPECT_EQ(root.entries[1].value.text, "it's");
  EXPECT_EQ(root.entries[2].value.text, "two lines");
  EXPECT_EQ(root.entries[3].key, "d");
  EXPECT_EQ(root.entries[4].value.text, "it's");
  EXPECT_EQ(root.entries[5].value.text, "\"open\n");
}

TEST(YamlTree, AliasesAreExpandedWithTheirOriginalMarks) {
  const YamlNode root = parse_ok("a: &x {k: 1}\nb: *x\n");
  const YamlNode& b = *root.find("b");
  ASSERT_TRUE(b.is_map());
  EXPECT_EQ(b.find("k")->text, "1");
  EXPECT_EQ(b.find("k")->mark.line, 1);
}

TEST(YamlTree, SelfReferencingAliasIsRejected) {
  EXPECT_EQ(errors_of("a: &x [*x]\n"),
            Errors{"t.yaml:1:8: a[0]: alias '*x' refers to a node that contains it"});
}

TEST(YamlTree, BillionLaughsIsRejectedQuickly) {
  std::string text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  const std::string names = "abcdefghi";
  for (std::size_t i = 1; i < names.size(); ++i) {
    const std::string previous = std::string("*") + names[i - 1];
    text += std::string(1, names[i]) + ": &" + names[i] + " [";
    for (int k = 0; k < 10; ++k) text += (k > 0 ? ", " : "") + previous;
    text += "]\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const Errors errors = errors_of(text);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // d expands to 11111 nodes, so the eighth *d inside e crosses 100000.
  EXPECT_EQ(errors, Errors{"t.yaml:5:36: e[7]: alias expansion too large: expanding '*d' makes "
                           "the document exceed 100000 nodes"});
  EXPECT_LT(seconds, 1.0);
}

TEST(YamlTree, HugeDocumentIsRejected) {
  std::string text = "[";
  for (int i = 0; i < 100'001; ++i) text += "1,";
  text += "1]";
  const Errors errors = errors_of(text);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "t.yaml:1:200000: [99999]: document too large: more than 100000 nodes");
}

TEST(YamlTree, NestingLimit) {
  const std::string ok = std::string(64, '[') + std::string(64, ']');
  EXPECT_TRUE(parse_ok(ok).is_sequence());
  const std::string deep = std::string(65, '[') + std::string(65, ']');
  EXPECT_EQ(errors_of(deep),
            Errors{"t.yaml:1:65: nesting deeper than 64 levels; a scenario never needs that many"});
}

TEST(YamlTree, TenThousandOpenBracketsAreRejectedReadably) {
  // Unclosed, yaml-cpp reads each '[' after the first as a list inside an implicit flow map
  // (a possible key), so the limit is reached half way.
  const Errors errors = errors_of(std::string(10'000, '['));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0],
            "t.yaml:1:33: nesting deeper than 64 levels; a scenario never needs that many");
}

TEST(YamlTree, DeepBlockNestingIsRejectedReadably) {
  std::string text;
  for (int i = 0; i < 500; ++i) text += std::string(static_cast<std::size_t>(i) * 2, ' ') + "a:\n";
  const Errors errors = errors_of(text);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0],
            "t.yaml:65:129: nesting deeper than 64 levels; a scenario never needs that many");
}

TEST(YamlTree, OversizedInputIsRejectedBeforeParsing) {
  const std::string text(kMaxYamlBytes + 1, '#');
  EXPECT_EQ(errors_of(text),
            Errors{"t.yaml: the file is larger than 1 MiB (1048576 bytes), the limit for "
                   "scenario files"});
}

TEST(YamlTree, ReadYamlFileReadsOneBytePastTheLimitAndNoMore) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("teamsim_read_yaml_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::ofstream(path, std::ios::binary) << std::string(3 * kMaxYamlBytes, '#');
  std::string error;
  const std::optional<std::string> text = read_yaml_file(path.string(), error);
  std::filesystem::remove(path);
  ASSERT_TRUE(text.has_value()) << error;
  EXPECT_EQ(text->size(), kMaxYamlBytes + 1);

  EXPECT_FALSE(read_yaml_file(path.string(), error).has_value());
  EXPECT_EQ(error, "No such file or directory");
  EXPECT_FALSE(read_yaml_file(path.parent_path().string(), error).has_value());
  EXPECT_EQ(error, "Is a directory");
}

TEST(YamlTree, InvalidUtf8IsRejectedAtItsPosition) {
  // Found by the fuzzer: a stray 0xFF byte in a name later broke the JSON output.
  EXPECT_EQ(errors_of("name: ok\nroles: {x\xff: 1}\n"),
            Errors{"t.yaml:2:10: the file is not valid UTF-8 (byte 0xFF); save it as UTF-8 text"});
}

TEST(YamlTree, EscapesThatYamlCppTurnsIntoInvalidUtf8AreRejected) {
  // Found by the fuzzer: yaml-cpp decodes "\N" (U+0085) to the lone byte 0x85.
  const Errors errors = errors_of("name: \"a\\Nb\"\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("t.yaml:1:7: name: this text is not valid UTF-8", 0), 0u) << errors[0];
}

TEST(YamlTree, MergeOverlaysMapsAndKeepsFileNames) {
  std::vector<Diagnostic> diagnostics;
  YamlNode base = *parse_yaml("a: 1\nm: {x: 1, y: 2}\nlist: [1, 2]\n", "base.yaml", diagnostics);
  const YamlNode overlay =
      *parse_yaml("m: {y: 3, z: 4}\nlist: [9]\nb: 5\n", "top.yaml", diagnostics);
  ASSERT_TRUE(diagnostics.empty());
  merge_yaml(base, overlay);
  ASSERT_EQ(base.entries.size(), 4u);
  EXPECT_EQ(base.find("a")->mark.file, "base.yaml");
  const YamlNode& m = *base.find("m");
  ASSERT_EQ(m.entries.size(), 3u);
  EXPECT_EQ(m.find("x")->text, "1");
  EXPECT_EQ(m.find("x")->mark.file, "base.yaml");
  EXPECT_EQ(m.find("y")->text, "3");
  EXPECT_EQ(m.find("y")->mark.file, "top.yaml");
  EXPECT_EQ(m.entries[2].key, "z");
  EXPECT_EQ(base.find("list")->items.size(), 1u);
  EXPECT_EQ(base.entries[3].key, "b");
}

TEST(YamlTree, DescribesNodes) {
  const YamlNode root = parse_ok("a: {}\nb: []\nc: ~\nd: \"5\"\ne: abc\n");
  EXPECT_EQ(describe_yaml_node(*root.find("a")), "a map");
  EXPECT_EQ(describe_yaml_node(*root.find("b")), "a list");
  EXPECT_EQ(describe_yaml_node(*root.find("c")), "null");
  EXPECT_EQ(describe_yaml_node(*root.find("d")), "a quoted string \"5\"");
  EXPECT_EQ(describe_yaml_node(*root.find("e")), "'abc'");
}

}  // namespace
}  // namespace teamsim::app
