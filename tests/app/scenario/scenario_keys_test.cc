#include "app/scenario/scenario_keys.h"

#include <fmt/format.h>
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

// A map in flow style with every key of `section` (nested sections filled the same way) and the
// extra key zzz_not_a_key; values need not be valid, only present.
std::string every_key(const SectionDoc& section) {
  std::string yaml = "{";
  for (const KeyDoc& key : section.keys) {
    // extends and variants are the resolver's (scenario_resolver.h), read before the loader.
    if (key.name == "extends" || key.kind == ValueKind::kVariants) continue;
    yaml += fmt::format("{}: ", key.name);
    switch (key.kind) {
      case ValueKind::kSection:
        yaml += every_key(scenario_section(key.section));
        break;
      case ValueKind::kNamedSections:
        yaml += fmt::format("{{account_executive: {}}}", every_key(scenario_section(key.section)));
        break;
      case ValueKind::kList:
        yaml += fmt::format("[{}]", every_key(scenario_section(key.section)));
        break;
      default:
        yaml += "1";
    }
    yaml += ", ";
  }
  yaml += "zzz_not_a_key: 1}";
  return yaml;
}

// The table lists no key the loader does not read: in a file writing every key of every section,
// the only unknown keys are the zzz_not_a_key added to each map (whose report shows that the
// map's reader got to its unknown-key check).
TEST(ScenarioKeysTest, TheLoaderReadsEveryKeyTheTableLists) {
  const LoadResult loaded = load_scenario_string(every_key(scenario_section("")), "t.yaml");
  std::set<std::string> checked;
  for (const Diagnostic& d : loaded.diagnostics) {
    if (!d.message.starts_with("unknown key")) continue;
    EXPECT_TRUE(d.message.starts_with("unknown key 'zzz_not_a_key'")) << format_diagnostic(d);
    checked.insert(d.key_path);
  }
  EXPECT_EQ(checked, (std::set<std::string>{
                         "", "money", "money.funding[0]", "money.cost_schedule[0]",
                         "roles.account_executive", "hire_sources.account_executive", "founder",
                         "management", "territories.account_executive", "starting_staff[0]",
                         "hires[0]", "hiring_rules[0]", "pipeline", "products.account_executive",
                         "channels.account_executive", "segments.account_executive", "seasonality",
                         "customers", "expect[0]"}));
}

// A key path is traced through the table to its key and the entry it belongs to; the label names
// both in the user's words.
TEST(ScenarioKeysTest, AKeyPathLeadsToItsKeyAndLabel) {
  const std::optional<KeyAtPath> ramp = key_at_path("roles.account_executive.ramp_months");
  ASSERT_TRUE(ramp.has_value());
  EXPECT_EQ(ramp->key->name, "ramp_months");
  EXPECT_EQ(ramp->entry, "account_executive");
  EXPECT_EQ(ramp->key->label.unit, ValueUnit::kMonths);
  EXPECT_EQ(number_label("roles.account_executive.ramp_months"), "Ramp (account_executive)");
  EXPECT_EQ(number_label("pipeline.deal_size_acv"), "Deal size (ACV)");
  EXPECT_EQ(number_label("money.funding[1].amount"), "Funding raised (#2)");
  EXPECT_EQ(number_label("territories.east.inbound_leads_per_month"),
            "Inbound leads a month (east)");
  // A name that holds dots, or ends with one (its key path has two dots before the key).
  EXPECT_EQ(number_label("territories.eu.west.inbound_leads_per_month"),
            "Inbound leads a month (eu.west)");
  EXPECT_EQ(number_label("territories.U.S..accounts"), "Addressable accounts (U.S.)");
  EXPECT_EQ(number_label("roles.a.b.ramp_months"), "Ramp (a.b)");
  EXPECT_FALSE(key_at_path("territories.U.S.").has_value());
  EXPECT_FALSE(key_at_path("territories.eu.west").has_value());
  // Not labelled (a decision) or not a key: the key path itself.
  EXPECT_EQ(number_label("hires[0].month"), "hires[0].month");
  EXPECT_FALSE(key_at_path("pipeline.deal_size_acv.median").has_value());
  EXPECT_FALSE(key_at_path("roles.account_executive").has_value());
  EXPECT_FALSE(key_at_path("hires[x].month").has_value());
  EXPECT_FALSE(key_at_path("no_such_key").has_value());
}

// Every key that takes a distribution is an assumption sensitivity varies, so it has a label; a
// label has a unit.
TEST(ScenarioKeysTest, EveryDistributionKeyHasALabelAndEveryLabelAUnit) {
  for (const SectionDoc& section : scenario_sections()) {
    for (const KeyDoc& key : section.keys) {
      if (key.kind == ValueKind::kDistribution) {
        EXPECT_FALSE(key.label.text.empty()) << section.name << "." << key.name;
      }
      if (!key.label.text.empty()) {
        EXPECT_NE(key.label.unit, ValueUnit::kNone) << section.name << "." << key.name;
        EXPECT_TRUE(key.kind == ValueKind::kNumber || key.kind == ValueKind::kWholeNumber ||
                    key.kind == ValueKind::kDistribution)
            << section.name << "." << key.name;
      }
    }
  }
}

}  // namespace
}  // namespace teamsim::app
