// End-to-end tests of `teamsim schema`: the JSON Schema on stdout or into a file, and the
// mistakes a user can make (tests/readers/check_schema.py validates scenarios against it).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

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
