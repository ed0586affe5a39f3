#include "app/scenario/scenario_schema.h"

#include <gtest/gtest.h>

#include <string>

#include "app/scenario/scenario_keys.h"

namespace teamsim::app {
namespace {

using Json = nlohmann::ordered_json;

// Every property of every object in the schema has a description (an editor's hover).
void expect_described(const Json& node, const std::string& path) {
  if (!node.is_object()) return;
  if (node.contains("properties")) {
    for (const auto& [key, child] : node["properties"].items()) {
      EXPECT_TRUE(child.contains("description")) << path << "." << key;
      expect_described(child, path + "." + key);
    }
  }
  for (const char* nested : {"additionalProperties", "items"}) {
    if (node.contains(nested)) expect_described(node[nested], path + "[]");
  }
}

TEST(ScenarioSchemaTest, DraftSevenWithEveryTopLevelKeyAndNoOthers) {
  const Json schema = scenario_schema();
  EXPECT_EQ(schema["$schema"], "http://json-schema.org/draft-07/schema#");
  EXPECT_EQ(schema["additionalProperties"], false);
  EXPECT_EQ(schema["properties"].size(), scenario_section("").keys.size());
  expect_described(schema, "");
}

TEST(ScenarioSchemaTest, DefaultsComeFromTheDefaultScenarioAndTheTable) {
  const Json schema = scenario_schema();
  const Json& properties = schema["properties"];
  EXPECT_EQ(properties["horizon_months"]["default"], 36);
  EXPECT_FALSE(properties["name"].contains("default"));  // the file's name, not the model's
  EXPECT_EQ(properties["money"]["properties"]["starting_cash"]["default"], 2'000'000.0);
  EXPECT_EQ(properties["money"]["properties"]["currency"]["default"], "USD");
  // A constant distribution's default is its number.
  EXPECT_EQ(properties["pipeline"]["properties"]["specialist_help_days"]["default"], 10.0);
  EXPECT_EQ(properties["territories"]["additionalProperties"]["properties"]
                      ["inbound_leads_per_month"]["default"],
            20.0);
  EXPECT_EQ(properties["hires"]["items"]["properties"]["source"]["default"],
            "experienced_external");
  EXPECT_EQ(properties["seasonality"]["properties"]["leads"]["default"].size(), 12u);
}

TEST(ScenarioSchemaTest, VariantsTakeTopLevelKeysButNotExtendsOrVariants) {
  const Json schema = scenario_schema();
  const Json& variant = schema["properties"]["variants"]["additionalProperties"];
  EXPECT_EQ(variant["additionalProperties"], false);
  EXPECT_TRUE(variant["properties"].contains("hires"));
  EXPECT_FALSE(variant["properties"].contains("extends"));
  EXPECT_FALSE(variant["properties"].contains("variants"));
}

TEST(ScenarioSchemaTest, ChoicesComeFromTheModelsNameTables) {
  const Json schema = scenario_schema();
  const Json& routing = schema["properties"]["pipeline"]["properties"]["routing"];
  EXPECT_EQ(routing["enum"],
            Json::array({"ramped_first", "least_loaded", "round_robin", "productivity_weighted"}));
  EXPECT_EQ(routing["default"], "ramped_first");
}

}  // namespace
}  // namespace teamsim::app
