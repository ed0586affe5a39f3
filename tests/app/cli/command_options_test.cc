#include "app/cli/command_options.h"

#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <string>

namespace teamsim::app {
namespace {

// Parses `run --seed TEXT` with the options every simulating command has; the seed it took, or
// the parser's message when it refused.
struct SeedResult {
  std::optional<std::uint64_t> seed;
  std::string error;
};

SeedResult parse_seed(const std::string& text) {
  CLI::App app("run");
  SimulationOptions options;
  add_simulation_options(app, options, "the scenario's");
  SeedResult result;
  try {
    app.parse(std::vector<std::string>{text, "--seed"});  // CLI11 reads the vector from its back
    result.seed = options.seed;
  } catch (const CLI::ParseError& e) {
    result.error = e.what();
  }
  return result;
}

TEST(SimulationOptionsTest, ASeedIsAWholeNumberFromZeroTo2To64Minus1) {
  EXPECT_EQ(parse_seed("0").seed, 0u);
  EXPECT_EQ(parse_seed("42").seed, 42u);
  // 2^64 - 1, the largest: 18,446,744,073,709,551,615.
  EXPECT_EQ(parse_seed("18446744073709551615").seed, 18'446'744'073'709'551'615u);
  EXPECT_EQ(parse_seed("007").seed, 7u);
}

TEST(SimulationOptionsTest, ANegativeOrTooLargeSeedIsRefusedNotWrappedAround) {
  // -1 and 2^64 used to become 2^64 - 1 without a word.
  for (const char* text : {"-1", "18446744073709551616", "99999999999999999999", "1.5"}) {
    const SeedResult result = parse_seed(text);
    EXPECT_FALSE(result.seed.has_value()) << text << " gave " << *result.seed;
    EXPECT_NE(result.error.find("is not a whole number from 0 to 18446744073709551615"),
              std::string::npos)
        << text << ": " << result.error;
  }
}

/// The parser's message for `run -n TEXT`, or "" when it took TEXT.
std::string replications_error(const std::string& text) {
  CLI::App app("run");
  SimulationOptions options;
  add_simulation_options(app, options, "the scenario's");
  try {
    app.parse(std::vector<std::string>{text, "-n"});  // CLI11 reads the vector from its back
  } catch (const CLI::ParseError& e) {
    return e.what();
  }
  return "";
}

TEST(SimulationOptionsTest, ReplicationsThatAreNotAWholeNumberAreSaidToBeNone) {
  EXPECT_EQ(replications_error("500"), "");
  EXPECT_EQ(replications_error("1000000"), "");
  for (const char* text : {"abc", "1.5", "-3", "0", "1000001", ""}) {
    EXPECT_NE(replications_error(text).find(std::string("'") + text +
                                            "' is not a whole number from 1 to 1000000"),
              std::string::npos)
        << text << ": " << replications_error(text);
  }
}

}  // namespace
}  // namespace teamsim::app
