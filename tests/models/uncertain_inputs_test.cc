#include "models/uncertain_inputs.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "models/defaults.h"

namespace teamsim::model {
namespace {

using sim::Distribution;

/// A scenario with one of everything that holds a distribution: a role, a product.
ScenarioSpec one_of_each() {
  ScenarioSpec spec = default_scenario();
  spec.roles = {default_role(RoleKind::kAccountExecutive, "ae")};
  spec.products = {ProductSpec{"core", 1, Distribution::constant(0.2), Distribution::constant(1000),
                               Distribution::constant(30), 0}};
  return spec;
}

std::vector<std::string> paths(const ScenarioSpec& spec) {
  std::vector<std::string> out;
  for (const UncertainInput& input : list_uncertain_inputs(spec)) out.push_back(input.key_path);
  return out;
}

TEST(UncertainInputs, KeyPathsOfAScenarioWithOneOfEach) {
  // Written by hand from docs/scenario-reference.md: the YAML keys a user writes (and --set takes).
  const std::vector<std::string> expected = {
      "roles.ae.time_to_fill_days",    "roles.ae.onboarding_days",
      "roles.ae.ramp_months",          "roles.ae.backfill_delay_days",
      "roles.ae.performance",          "pipeline.win_rate",
      "pipeline.deal_size_acv",        "pipeline.sales_cycle_days",
      "pipeline.specialist_help_days", "products.core.win_rate",
      "products.core.deal_size_acv",   "products.core.sales_cycle_days",
      "customers.initial_mrr",         "customers.monthly_expansion"};
  EXPECT_EQ(paths(one_of_each()), expected);
}

// The Distribution fields of each struct, read from models/scenario_spec.h itself, so a field
// added there without being added to the visitor fails the next test.
std::map<std::string, std::vector<std::string>> distribution_fields_in_header() {
  std::ifstream file(std::string(TEAMSIM_SOURCE_DIR) + "/models/scenario_spec.h");
  EXPECT_TRUE(file.good());
  std::map<std::string, std::vector<std::string>> fields;
  const std::regex struct_re(R"(^struct (\w+) \{)");
  const std::regex field_re(R"(sim::Distribution\s+(\w+)\s*[;={])");
  std::string header, line, current;
  std::smatch match;
  while (std::getline(file, line)) {
    header += line + "\n";
    if (std::regex_search(line, match, struct_re)) current = match[1];
    if (line == "};") current.clear();
    if (std::regex_search(line, match, field_re)) {
      EXPECT_FALSE(current.empty()) << "a Distribution outside a struct: " << line;
      fields[current].push_back(match[1]);
    }
  }
  // A Distribution held any other way (a vector, an array, an optional) needs the visitor too.
  EXPECT_EQ(header.find("<sim::Distribution"), std::string::npos)
      << "a container of distributions: teach the visitor and this test about it";
  return fields;
}

TEST(UncertainInputs, VisitorKnowsEveryDistributionFieldOfTheSpec) {
  auto fields = distribution_fields_in_header();
  // A replication input is drawn once per replication by project(), not by the model
  // (models/replication_inputs.h); sensitivity lists those inputs after these.
  EXPECT_EQ(fields.erase("ReplicationInput"), 1u);
  const ScenarioSpec spec = one_of_each();
  // How many of each struct a scenario with one of each holds, and the key-path prefix of each.
  const std::map<std::string, std::string> prefix = {{"RoleSpec", "roles.ae."},
                                                     {"PipelineSpec", "pipeline."},
                                                     {"ProductSpec", "products.core."},
                                                     {"CustomerSpec", "customers."}};
  std::set<std::string> expected;
  for (const auto& [name, names] : fields) {
    ASSERT_TRUE(prefix.count(name))
        << name << " has Distribution fields: add them to models/uncertain_inputs.cc and the "
        << "struct to this test";
    for (const std::string& field : names) expected.insert(prefix.at(name) + field);
  }
  const std::vector<std::string> visited = paths(spec);
  EXPECT_EQ(std::set<std::string>(visited.begin(), visited.end()), expected);
  EXPECT_EQ(visited.size(), expected.size()) << "a field visited twice";
  EXPECT_GE(expected.size(), 14u);  // the scan itself works
}

TEST(UncertainInputs, EveryInputIsADistinctFieldOfTheSpec) {
  const ScenarioSpec spec = default_scenario();  // the seven built-in roles
  std::set<const Distribution*> seen;
  for (const UncertainInput& input : list_uncertain_inputs(spec)) {
    EXPECT_TRUE(seen.insert(input.distribution).second) << input.key_path;
  }
  EXPECT_EQ(seen.size(), 7 * 5 + 4 + 2u);
  EXPECT_EQ(&spec.pipeline.deal_size_acv, list_uncertain_inputs(spec)[7 * 5 + 1].distribution);
}

TEST(UncertainInputs, MutableVisitorChangesTheSpec) {
  ScenarioSpec spec = one_of_each();
  for_each_uncertain_input(
      spec, [](const std::string&, Distribution& d) { d = Distribution::constant(3); });
  EXPECT_EQ(spec.roles[0].performance.quantile(0.5), 3);
  EXPECT_EQ(spec.products[0].deal_size_acv.quantile(0.5), 3);
  EXPECT_EQ(spec.customers.monthly_expansion.quantile(0.5), 3);
}

}  // namespace
}  // namespace teamsim::model
