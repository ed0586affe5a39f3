#include "app/scenario/scenario_keys.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/scenario/scenario_loader.h"
#include "app/scenario/yaml_reader.h"

namespace teamsim::app {
namespace {

// Each section is listed once, each key once in its section, every key has a doc, and every
// section a key names exists.
TEST(ScenarioKeysTest, SectionsAndKeysAreListedOnceAndDocumented) {
  std::set<std::string> sections;
  for (const SectionDoc& section : scenario_sections()) {
    EXPECT_TRUE(sections.emplace(section.name).second) << section.name;
    std::set<std::string> keys;
    for (const KeyDoc& key : section.keys) {
      EXPECT_TRUE(keys.emplace(key.name).second) << section.name << "." << key.name;
      EXPECT_FALSE(key.doc.empty()) << section.name << "." << key.name;
      EXPECT_EQ(key.kind == ValueKind::kChoice, key.choices != nullptr) << key.name;
    }
  }
  for (const SectionDoc& section : scenario_sections()) {
    for (const KeyDoc& key : section.keys) {
      if (!key.section.empty()) {
        EXPECT_NO_THROW(scenario_section(key.section)) << key.name;
      }
    }
  }
  EXPECT_THROW(scenario_section("no_such_section"), std::logic_error);
}

// A reader of a section: a key outside the table is a loader bug; a misspelt key in a file is
// reported with a "did you mean" among the table's keys.
TEST(ScenarioKeysTest, ReadersAskOnlyForTheTablesKeysAndSuggestAmongThem) {
  std::vector<Diagnostic> diagnostics;
  const YamlNode root = *parse_yaml("currncy: EUR\n", "t.yaml", diagnostics);
  DiagnosticSink sink(diagnostics);
  ObjectReader reader(root, "money", scenario_section("money"), sink);
  EXPECT_THROW(reader.get("not_a_money_key"), std::logic_error);
  reader.finish();
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(diagnostics[0]),
            "t.yaml:1:1: money: unknown key 'currncy'; did you mean 'currency'?");
}

// A misspelt top-level key still gets its suggestion when the loader reads the file.
TEST(ScenarioKeysTest, TheLoaderSuggestsFromTheTable) {
  const LoadResult loaded = load_scenario_string("horizon_month: 24\n", "t.yaml");
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(loaded.diagnostics[0]),
            "t.yaml:1:1: unknown key 'horizon_month'; did you mean 'horizon_months'?");
}

}  // namespace
}  // namespace teamsim::app
