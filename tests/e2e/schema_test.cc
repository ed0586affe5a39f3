// End-to-end tests of `teamsim schema`: the JSON Schema on stdout or into a file, and the
// mistakes a user can make (tests/readers/check_schema.py validates scenarios against it).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

TEST(SchemaTest, PrintsTheSchemaOrWritesItToAFile) {
  const CommandResult printed = run_teamsim("schema");
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  const auto schema = nlohmann::json::parse(printed.out);
  EXPECT_EQ(schema["$schema"], "http://json-schema.org/draft-07/schema#");
  EXPECT_TRUE(schema["properties"].contains("hires"));

  TempDir folder;
  const CommandResult written = run_teamsim("schema -o teamsim.schema.json", folder.path());
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_EQ(written.out, "");
  EXPECT_EQ(read_file(folder.path() + "/teamsim.schema.json"), printed.out);
}

TEST(SchemaTest, SummaryPrintsTheSchemaOfSummaryJson) {
  // summary.json had only prose (docs/output-folders.md); tests/readers/check_summary_schema.py
  // validates real runs' files against this schema.
  const CommandResult printed = run_teamsim("schema --summary");
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  const auto schema = nlohmann::json::parse(printed.out);
  EXPECT_EQ(schema["$schema"], "http://json-schema.org/draft-07/schema#");
  EXPECT_EQ(schema["title"], "teamsim summary.json");
  EXPECT_EQ(schema["additionalProperties"], false);
  EXPECT_TRUE(schema["properties"].contains("warnings"));
  EXPECT_FALSE(schema["properties"].contains("hires"));  // the scenario's, not summary.json's
  const auto required = schema["required"];
  EXPECT_EQ(std::count(required.begin(), required.end(), "warnings"), 0);  // only when some
  EXPECT_EQ(std::count(required.begin(), required.end(), "metrics"), 1);

  TempDir folder;
  const CommandResult written = run_teamsim("schema --summary -o s.json", folder.path());
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_EQ(read_file(folder.path() + "/s.json"), printed.out);
}

TEST(SchemaTest, CompareSweepAndSensitivityPrintTheSchemasOfTheirFiles) {
  // Pipelines read compare.json, sweep.json and sensitivity.json too; only summary.json had a
  // schema. tests/readers/check_result_schemas.py validates real files against these.
  for (const auto& [option, title, field] :
       {std::tuple{"--compare", "teamsim compare.json", "common_random_numbers"},
        std::tuple{"--sweep", "teamsim sweep.json", "points"},
        std::tuple{"--sensitivity", "teamsim sensitivity.json", "inputs"}}) {
    const CommandResult printed = run_teamsim(std::string("schema ") + option);
    ASSERT_EQ(printed.exit_code, 0) << option << ": " << printed.err;
    const auto schema = nlohmann::json::parse(printed.out);
    EXPECT_EQ(schema["$schema"], "http://json-schema.org/draft-07/schema#") << option;
    EXPECT_EQ(schema["title"], title);
    EXPECT_EQ(schema["additionalProperties"], false) << option;
    EXPECT_TRUE(schema["properties"].contains(field)) << option;
    EXPECT_TRUE(schema["properties"].contains("schema_version")) << option;
  }
}

TEST(SchemaTest, TwoFilesAtOnceAreAUsageError) {
  TempDir folder;
  const CommandResult result = run_teamsim("schema --compare --sweep -o s.json", folder.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("teamsim schema: error: give one of --summary, --compare, --sweep "
                            "and --sensitivity: each prints the schema of one file"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_FALSE(std::filesystem::exists(folder.path() + "/s.json"));
}

TEST(SchemaTest, AFileThatCannotBeWrittenIsSaid) {
  TempDir folder;
  const CommandResult result = run_teamsim("schema -o no/such/folder/schema.json", folder.path());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("teamsim schema: error: cannot create a file in the folder of "
                            "no/such/folder/schema.json"),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(std::filesystem::exists(folder.path() + "/no"));
}

TEST(SchemaTest, AnUnexpectedArgumentIsAUsageError) {
  const CommandResult result = run_teamsim("schema extra");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("extra"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace teamsim::e2e
