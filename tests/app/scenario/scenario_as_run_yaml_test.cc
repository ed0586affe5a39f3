#include "app/scenario/scenario_as_run_yaml.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "app/scenario/scenario_json.h"
#include "app/scenario/scenario_resolver.h"

namespace teamsim::app {
namespace {

namespace fs = std::filesystem;

YamlNode parsed(const std::string& text) {
  std::vector<Diagnostic> diagnostics;
  const std::optional<YamlNode> tree = parse_yaml(text, "as-run.yaml", diagnostics);
  EXPECT_TRUE(tree.has_value()) << format_diagnostics(diagnostics) << text;
  return tree.value_or(YamlNode{});
}

// Structure, text and quoting: what the loader reads of a tree (marks aside).
void expect_same_tree(const YamlNode& a, const YamlNode& b, const std::string& where = "root") {
  ASSERT_EQ(a.kind, b.kind) << where;
  EXPECT_EQ(a.text, b.text) << where;
  EXPECT_EQ(a.quoted, b.quoted) << where;
  ASSERT_EQ(a.items.size(), b.items.size()) << where;
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    expect_same_tree(a.items[i], b.items[i], where + "[" + std::to_string(i) + "]");
  }
  ASSERT_EQ(a.entries.size(), b.entries.size()) << where;
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    EXPECT_EQ(a.entries[i].key, b.entries[i].key) << where;
    expect_same_tree(a.entries[i].value, b.entries[i].value, where + "." + a.entries[i].key);
  }
}

TEST(ScenarioAsRunYaml, KeepsEveryScalarAsWrittenAndItsQuotes) {
  // Plain numbers with separators and percentages, quoted text that looks like a number or an
  // operator, a block scalar, flow maps and lists, an empty list and a null.
  const YamlNode merged = parsed(
      "name: Plan\n"
      "description: |\n  two lines\n  of text\n"
      "horizon_months: 24\n"
      "money: {starting_cash: 1_500_000, currency: \"EUR\"}\n"
      "customers: {monthly_churn: 1.2%, initial_mrr: {dist: lognormal, median: 900, p90: 2_500}}\n"
      "starting_staff: []\n"
      "seasonality: {leads: [1, 1.2, 0.8]}\n"
      "expect:\n  - {metric: arr, month: last, op: \">=\", value: 3_000_000, name: \"12\"}\n"
      "pipeline: {routing: ~}\n"
      "territories: {\"<<\": {inbound_leads_per_month: 3}}\n");
  // (A territory named "<<" stays a name: written plain, it would be a merge key.)
  const YamlNode again = parsed(scenario_as_run_yaml(merged, "Plan [cheap]"));
  // Only the name differs: the run's (variant included), always quoted.
  YamlNode expected = merged;
  expected.find("name")->text = "Plan [cheap]";
  expected.find("name")->quoted = true;
  expect_same_tree(again, expected);
}

TEST(ScenarioAsRunYaml, PutsTheNameFirstWhenTheTreeHasNoneAndSaysWhatItIs) {
  const std::string yaml = scenario_as_run_yaml(parsed("horizon_months: 12\n"), "Plan [cheap]");
  EXPECT_EQ(yaml, "name: \"Plan [cheap]\"\nhorizon_months: 12\n");
  EXPECT_EQ(scenario_as_run_file(yaml, "plan.yaml, variant cheap", "teamsim run <this file>"),
            "# The scenario as teamsim ran it: plan.yaml, variant cheap.\n"
            "# extends:, the variant and --set are applied and a hires_csv is written in as "
            "hires;\n"
            "# `teamsim run <this file>` reproduces the run's numbers.\n"
            "name: \"Plan [cheap]\"\nhorizon_months: 12\n");
}

TEST(ScenarioAsRunYaml, ALineBreakInAnOverrideStaysInTheComment) {
  // --set name='x\n\nhorizon_months: 3' is a legal quoted value: its lines stay comments, and
  // the file has one horizon_months, the tree's.
  const std::string file = scenario_as_run_file(
      scenario_as_run_yaml(parsed("horizon_months: 12\n"), "x"),
      "plan.yaml, --set name='x\n\nhorizon_months: 3'", "teamsim run <this file>");
  const YamlNode again = parsed(file);
  ASSERT_NE(again.find("horizon_months"), nullptr);
  EXPECT_EQ(again.find("horizon_months")->text, "12");
  EXPECT_EQ(again.entries.size(), 2u);
}

TEST(ScenarioAsRunYaml, TerritoriesInitialCustomersRoundTripWithASetOverride) {
  // The counts by territory, one of them given with --set, are written as run; read again, the
  // file is the same scenario (12 customers: 5 + 0 + 7, customers.initial left out), and written
  // again it is the same bytes.
  const std::string text =
      "horizon_months: 12\n"
      "territories:\n"
      "  a: {inbound_leads_per_month: 3, accounts: 10, initial_customers: 5}\n"
      "  b: {initial_customers: 4}\n"
      "  c: {inbound_leads_per_month: 0, initial_customers: 7}\n";
  const LoadResult loaded = resolve_scenario_string(
      text, "plan.yaml", {"plan.yaml", "", {"territories.b.initial_customers=0"}});
  ASSERT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  EXPECT_EQ(loaded.spec->customers.initial_customers, 12);
  EXPECT_EQ(loaded.spec->territories[1].initial_customers, 0);
  const std::string written = scenario_as_run_yaml(*loaded.merged_tree, loaded.spec->name);
  const LoadResult reloaded = resolve_scenario_string(written, "as-run.yaml", {});
  ASSERT_TRUE(reloaded.ok()) << format_diagnostics(reloaded.diagnostics) << written;
  EXPECT_EQ(scenario_to_json(*reloaded.spec).dump(), scenario_to_json(*loaded.spec).dump());
  EXPECT_EQ(scenario_hash(*reloaded.spec), scenario_hash(*loaded.spec));
  EXPECT_EQ(scenario_as_run_yaml(*reloaded.merged_tree, reloaded.spec->name), written);
}

class ScenarioAsRunYamlCsv : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::path(::testing::TempDir()) /
              ("teamsim-as-run-" +
               std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(folder_);
    fs::create_directories(folder_ / "plans");
    // The CSV sits beside the file that names it, which the scenario extends.
    write("plans/hires.csv", "role,month,count\naccount_executive,3,2\nsales_manager,5,1\n");
    write("plans/base.yaml",
          "horizon_months: 12\npipeline: {win_rate: 0.2, deal_size_acv: 10000}\n"
          "hires_csv: hires.csv\n");
    write("plan.yaml",
          "extends: plans/base.yaml\nhires:\n  - {role: account_executive, month: 1}\n");
  }
  void TearDown() override { fs::remove_all(folder_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(folder_ / name) << text;
  }
  std::string path(const std::string& name) const { return (folder_ / name).string(); }

  fs::path folder_;
};

TEST_F(ScenarioAsRunYamlCsv, WritesTheCsvHiresInAfterTheTreesOwnAndLoadsToTheSameScenario) {
  const LoadResult loaded = resolve_scenario({path("plan.yaml"), "", {}});
  ASSERT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  ASSERT_EQ(loaded.spec->hires.size(), 3u);  // the YAML's hire, then the CSV's two rows
  const std::string text = scenario_as_run_yaml(*loaded.merged_tree, loaded.spec->name);
  const YamlNode again = parsed(text);
  EXPECT_EQ(again.find("hires_csv"), nullptr);
  ASSERT_NE(again.find("hires"), nullptr);
  ASSERT_EQ(again.find("hires")->items.size(), 3u);
  EXPECT_EQ(again.find("hires")->items[1].find("count")->text, "2");
  EXPECT_EQ(again.find("hires")->items[2].find("role")->text, "sales_manager");

  // Written anywhere else, it loads to the same scenario: the same resolved JSON and hash.
  write("elsewhere.yaml", text);
  const LoadResult reloaded = resolve_scenario({path("elsewhere.yaml"), "", {}});
  ASSERT_TRUE(reloaded.ok()) << format_diagnostics(reloaded.diagnostics);
  EXPECT_EQ(scenario_to_json(*reloaded.spec).dump(), scenario_to_json(*loaded.spec).dump());
}

TEST_F(ScenarioAsRunYamlCsv, TheFileIsThePlanLoadedWhateverBecomesOfTheCsvDuringTheRun) {
  // The rows are read in as the scenario is loaded: the CSV moved or edited during the run
  // changes nothing in what is written, and nothing fails after the run.
  const LoadResult loaded = resolve_scenario({path("plan.yaml"), "", {}});
  ASSERT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  write("plans/hires.csv", "role,month,count\naccount_executive,7,9\n");
  const std::string edited = scenario_as_run_yaml(*loaded.merged_tree, "Plan");
  fs::remove(folder_ / "plans/hires.csv");
  EXPECT_EQ(scenario_as_run_yaml(*loaded.merged_tree, "Plan"), edited);
  ASSERT_EQ(parsed(edited).find("hires")->items.size(), 3u);
  EXPECT_EQ(parsed(edited).find("hires")->items[1].find("month")->text, "3");
}

}  // namespace
}  // namespace teamsim::app
