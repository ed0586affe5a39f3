#include "app/scenario/yaml_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/scenario/scenario_keys.h"

namespace teamsim::app {
namespace {

using Errors = std::vector<std::string>;

// Parses "x: <value>" and hands the value to `read`, collecting formatted diagnostics.
class ReaderTest : public ::testing::Test {
 protected:
  const YamlNode& value(const std::string& yaml_value) {
    std::vector<Diagnostic> parse_errors;
    root_ = *parse_yaml("x: " + yaml_value + "\n", "t.yaml", parse_errors);
    EXPECT_TRUE(parse_errors.empty()) << format_diagnostics(parse_errors);
    return *root_.find("x");
  }
  Errors errors() const {
    Errors out;
    for (const Diagnostic& d : diagnostics_) out.push_back(format_diagnostic(d));
    return out;
  }
  std::optional<double> number(const std::string& text) {
    diagnostics_.clear();
    return read_number(value(text), "x", sink_);
  }
  std::string number_error(const std::string& text) {
    EXPECT_FALSE(number(text).has_value()) << text;
    return diagnostics_.size() == 1 ? format_diagnostic(diagnostics_[0]) : "(no single error)";
  }

  YamlNode root_;
  std::vector<Diagnostic> diagnostics_;
  DiagnosticSink sink_{diagnostics_};
};

TEST_F(ReaderTest, PlainDecimalNumbers) {
  EXPECT_EQ(number("5"), 5.0);
  EXPECT_EQ(number("0"), 0.0);
  EXPECT_EQ(number("-0.25"), -0.25);
  EXPECT_EQ(number("3_000_000"), 3'000'000.0);
  EXPECT_EQ(number("1_000.000_5"), 1000.0005);
  EXPECT_EQ(number("-2.5e3"), -2500.0);
  EXPECT_EQ(number("1E-2"), 0.01);
  EXPECT_EQ(number("35%"), 0.35);
  EXPECT_EQ(number("0.5%"), 0.005);
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(ReaderTest, QuotedNumbersAreTypeErrors) {
  EXPECT_EQ(number_error("\"5\""),
            "t.yaml:1:4: x: expected a number, got a quoted string \"5\"; remove the quotes");
  EXPECT_EQ(number_error("'abc'"), "t.yaml:1:4: x: expected a number, got a quoted string \"abc\"");
  // An amount as a sheet writes it, quoted: the number to write, as unquoted (it said no more).
  EXPECT_EQ(number_error("\"1,000,000\""),
            "t.yaml:1:4: x: expected a number, got a quoted string \"1,000,000\"; write 1_000_000 "
            "(a plain number: no currency sign, thousands commas or k/M suffix; '_' may group "
            "digits)");
  EXPECT_EQ(number_error("'$1.5M'"),
            "t.yaml:1:4: x: expected a number, got a quoted string \"$1.5M\"; write 1_500_000 "
            "(a plain number: no currency sign, thousands commas or k/M suffix; '_' may group "
            "digits)");
}

TEST_F(ReaderTest, ANumberWrittenWithItsUnitSaysToWriteTheNumberAlone) {
  EXPECT_EQ(number_error("3 months"),
            "t.yaml:1:4: x: expected a number, got '3 months'; write 3 (a number alone: the key's "
            "name gives its unit)");
  EXPECT_EQ(number_error("25 %"), "t.yaml:1:4: x: expected a number, got '25 %'; write 25%");
  EXPECT_EQ(number_error("\"25 %\""),
            "t.yaml:1:4: x: expected a number, got a quoted string \"25 %\"; write 25%");
}

TEST_F(ReaderTest, NonScalarsAreTypeErrors) {
  EXPECT_EQ(number_error("{a: 1}"), "t.yaml:1:4: x: expected a number, got a map");
  EXPECT_EQ(number_error("[1]"), "t.yaml:1:4: x: expected a number, got a list");
  EXPECT_EQ(number_error("~"), "t.yaml:1:4: x: expected a number, got null");
}

TEST_F(ReaderTest, LeadingZerosAreAmbiguous) {
  EXPECT_EQ(number_error("010"),
            "t.yaml:1:4: x: ambiguous: YAML 1.1 reads 010 as octal 8; write 10");
  EXPECT_EQ(number_error("-017"),
            "t.yaml:1:4: x: ambiguous: YAML 1.1 reads -017 as octal -15; write -17");
  EXPECT_EQ(number_error("019"), "t.yaml:1:4: x: leading zeros are not allowed; write 19");
  EXPECT_EQ(number_error("00.5"), "t.yaml:1:4: x: leading zeros are not allowed; write 0.5");
}

TEST_F(ReaderTest, NonFiniteNumbersAreRejected) {
  EXPECT_EQ(number_error(".nan"), "t.yaml:1:4: x: must be a finite number, got '.nan'");
  EXPECT_EQ(number_error(".inf"), "t.yaml:1:4: x: must be a finite number, got '.inf'");
  EXPECT_EQ(number_error("-.Inf"), "t.yaml:1:4: x: must be a finite number, got '-.Inf'");
  EXPECT_EQ(number_error("1e999"), "t.yaml:1:4: x: must be a finite number, got '1e999'");
}

TEST_F(ReaderTest, HexOctalAndBinaryAreRejected) {
  EXPECT_EQ(number_error("0x1F"),
            "t.yaml:1:4: x: hexadecimal, octal and binary numbers are not supported; write "
            "'0x1F' as a decimal number");
  EXPECT_EQ(number_error("0o17"),
            "t.yaml:1:4: x: hexadecimal, octal and binary numbers are not supported; write "
            "'0o17' as a decimal number");
}

TEST_F(ReaderTest, MalformedNumbers) {
  for (const std::string text :
       {"1__0", "_1", "1_", ".5", "5.", "+5", "abc", "1e", "5%%", "12kg"}) {
    EXPECT_EQ(number_error(text), "t.yaml:1:4: x: expected a number, got '" + text + "'");
  }
}

TEST_F(ReaderTest, Integers) {
  EXPECT_EQ(read_integer(value("36"), "x", sink_, 1, 600), 36);
  EXPECT_EQ(read_integer(value("1e3"), "x", sink_, 0, 5000), 1000);
  EXPECT_EQ(read_integer(value("-4"), "x", sink_, -10, 10), -4);
  EXPECT_TRUE(diagnostics_.empty());
  EXPECT_FALSE(read_integer(value("2.5"), "x", sink_, 0, 10));
  EXPECT_FALSE(read_integer(value("50%"), "x", sink_, 0, 10));
  EXPECT_FALSE(read_integer(value("700"), "x", sink_, 1, 600));
  EXPECT_FALSE(read_integer(value("-1"), "x", sink_, 0, 100));
  EXPECT_FALSE(read_integer(value("99999999999999999999"), "x", sink_, 0, 100));
  EXPECT_FALSE(read_integer(value("\"3\""), "x", sink_, 0, 100));
  EXPECT_EQ(errors(), (Errors{
                          "t.yaml:1:4: x: must be a whole number, got 2.5",
                          "t.yaml:1:4: x: expected a whole number, got '50%'",
                          "t.yaml:1:4: x: must be between 1 and 600, got 700",
                          "t.yaml:1:4: x: must be between 0 and 100, got -1",
                          "t.yaml:1:4: x: must be between 0 and 100, got 99999999999999999999",
                          "t.yaml:1:4: x: expected a whole number, got a quoted string \"3\"; "
                          "remove the quotes",
                      }));
}

TEST_F(ReaderTest, Uint64CoversTheWholeRange) {
  EXPECT_EQ(read_uint64(value("0"), "x", sink_), 0u);
  EXPECT_EQ(read_uint64(value("18446744073709551615"), "x", sink_), 18446744073709551615ULL);
  EXPECT_EQ(read_uint64(value("18_446_744_073_709_551_615"), "x", sink_), 18446744073709551615ULL);
  EXPECT_EQ(read_uint64(value("1e6"), "x", sink_), 1'000'000u);
  EXPECT_TRUE(diagnostics_.empty());
  EXPECT_FALSE(read_uint64(value("18446744073709551616"), "x", sink_));
  EXPECT_FALSE(read_uint64(value("-1"), "x", sink_));
  EXPECT_FALSE(read_uint64(value("1e20"), "x", sink_));
  EXPECT_FALSE(read_uint64(value("1.5"), "x", sink_));
  EXPECT_EQ(errors(), (Errors{
                          "t.yaml:1:4: x: must be between 0 and 18446744073709551615, got "
                          "18446744073709551616",
                          "t.yaml:1:4: x: must be between 0 and 18446744073709551615, got -1",
                          "t.yaml:1:4: x: must be between 0 and 18446744073709551615, got 1e20",
                          "t.yaml:1:4: x: must be a whole number, got 1.5",
                      }));
}

TEST_F(ReaderTest, OnlyPlainTrueAndFalseAreBooleans) {
  EXPECT_EQ(read_bool(value("true"), "x", sink_), true);
  EXPECT_EQ(read_bool(value("false"), "x", sink_), false);
  EXPECT_TRUE(diagnostics_.empty());
  for (const std::string text : {"yes", "no", "on", "off", "y", "n", "True", "FALSE"}) {
    diagnostics_.clear();
    EXPECT_FALSE(read_bool(value(text), "x", sink_));
    EXPECT_EQ(errors(), Errors{"t.yaml:1:4: x: '" + text +
                               "' is not accepted as a boolean; write true or false"});
  }
  diagnostics_.clear();
  EXPECT_FALSE(read_bool(value("\"true\""), "x", sink_));
  EXPECT_FALSE(read_bool(value("maybe"), "x", sink_));
  EXPECT_FALSE(read_bool(value("1"), "x", sink_));
  EXPECT_EQ(errors(), (Errors{
                          "t.yaml:1:4: x: expected true or false, got a quoted string \"true\"",
                          "t.yaml:1:4: x: expected true or false, got 'maybe'",
                          "t.yaml:1:4: x: expected true or false, got '1'",
                      }));
}

TEST_F(ReaderTest, Text) {
  EXPECT_EQ(read_text(value("hello world"), "x", sink_), "hello world");
  EXPECT_EQ(read_text(value("'42'"), "x", sink_), "42");
  EXPECT_EQ(read_text(value("42"), "x", sink_), "42");
  EXPECT_FALSE(read_text(value("{a: 1}"), "x", sink_));
  EXPECT_FALSE(read_text(value("~"), "x", sink_));
  EXPECT_EQ(errors(), (Errors{"t.yaml:1:4: x: expected text, got a map",
                              "t.yaml:1:4: x: expected text, got null"}));
}

TEST_F(ReaderTest, RangeChecks) {
  const YamlNode& node = value("1");
  EXPECT_TRUE(check_range(0.5, 0, 1, node, "x", sink_));
  EXPECT_FALSE(check_range(1.5, 0, 1, node, "x", sink_));
  EXPECT_FALSE(check_range(-2, 0, 1.0 / 0.0, node, "x", sink_));
  EXPECT_FALSE(check_range(7, -1.0 / 0.0, 5, node, "x", sink_, " (a note)"));
  EXPECT_EQ(errors(), (Errors{"t.yaml:1:4: x: must be between 0 and 1, got 1.5",
                              "t.yaml:1:4: x: must be at least 0, got -2",
                              "t.yaml:1:4: x: must be at most 5, got 7 (a note)"}));
}

class ObjectReaderTest : public ::testing::Test {
 protected:
  YamlNode parse(std::string_view text) {
    std::vector<Diagnostic> parse_errors;
    auto root = parse_yaml(text, "t.yaml", parse_errors);
    EXPECT_TRUE(parse_errors.empty()) << format_diagnostics(parse_errors);
    return root.value_or(YamlNode{});
  }
  Errors errors() const {
    Errors out;
    for (const Diagnostic& d : diagnostics_) out.push_back(format_diagnostic(d));
    return out;
  }
  std::vector<Diagnostic> diagnostics_;
  DiagnosticSink sink_{diagnostics_};
};

TEST_F(ObjectReaderTest, ReadsKnownKeysAndReportsUnknownOnes) {
  const YamlNode root = parse("section:\n  count: 3\n  colour: red\n  sise: 4\n  zebra: 1\n");
  ObjectReader reader(*root.find("section"), "section", sink_);
  EXPECT_EQ(reader.integer("count", 0, 10), 3);
  EXPECT_EQ(reader.text("color"), std::nullopt);
  EXPECT_EQ(reader.number("size"), std::nullopt);
  EXPECT_FALSE(reader.finish());
  EXPECT_EQ(
      errors(),
      (Errors{"t.yaml:3:3: section: unknown key 'colour'; did you mean 'color'?",
              "t.yaml:4:3: section: unknown key 'sise'; did you mean 'size'?",
              "t.yaml:5:3: section: unknown key 'zebra'; expected one of: count, color, size"}));
}

TEST_F(ObjectReaderTest, ASectionsKeyWrittenAtItsSectionsLevelSaysWhereItGoes) {
  // 'pipeline:' with 'win_rate: 0.3' below it unindented: the key lands at the top level, where
  // the message listed the 26 top-level keys and did not say that win_rate is pipeline's.
  const YamlNode root = parse("name: x\npipeline:\nwin_rate: 0.3\nhorizon_month: 24\n");
  ObjectReader reader(root, "", scenario_section(""), sink_);
  reader.get("name");
  reader.get("pipeline");
  EXPECT_FALSE(reader.finish());
  EXPECT_EQ(errors(),
            (Errors{"t.yaml:3:1: unknown key 'win_rate' here; it is a key of 'pipeline' "
                    "(pipeline.win_rate): indent it under 'pipeline:'",
                    // A misspelt key of this level keeps its "did you mean".
                    "t.yaml:4:1: unknown key 'horizon_month'; did you mean 'horizon_months'?"}));
}

TEST_F(ObjectReaderTest, AWordForWhatTeamsimWorksOutSaysWhatToWriteInstead) {
  // A founder with $1.5M ARR and a monthly burn wrote them as keys: 'customers: {arr: 1500000}'
  // said "did you mean 'annual_contract_share'?" (its letters a, r, r in order), and 'money:
  // {burn: 200000}' listed money's five keys. Neither is a key: teamsim works both out.
  const YamlNode root =
      parse("money: {burn: 200000}\ncustomers: {initial: 100, ARR: 1500000, initial_mr: 5}\n");
  ObjectReader money(*root.find("money"), "money", scenario_section("money"), sink_);
  EXPECT_FALSE(money.finish());
  ObjectReader customers(*root.find("customers"), "customers", scenario_section("customers"),
                         sink_);
  customers.get("initial");
  EXPECT_FALSE(customers.finish());
  EXPECT_EQ(
      errors(),
      (Errors{"t.yaml:1:9: money: unknown key 'burn': teamsim works out the burn and the runway: "
              "each month it pays the sales roles (salaries, commission, hiring) and "
              "money.other_monthly_costs, and collects the customers' revenue. Write "
              "money.other_monthly_costs: what you spend a month besides the sales team's pay "
              "(the pay of everyone outside sales, rent, tools, marketing); the run says when "
              "cash runs out",
              "t.yaml:2:27: customers: unknown key 'ARR': teamsim works out the ARR from the "
              "customers you have today: 12 x customers.initial x customers.initial_mrr (each "
              "one's monthly revenue). For an ARR of A over n customers write customers: "
              "{initial: n, initial_mrr: A / 12 / n} (teamsim init --customers-today n "
              "--arr-today A writes both)",
              // A misspelt key keeps its "did you mean".
              "t.yaml:2:41: customers: unknown key 'initial_mr'; did you mean 'initial_mrr'?"}));
}

TEST_F(ObjectReaderTest, AnEntrysKeyWrittenAsAnEntrysNameSaysWhereItGoes) {
  // 'all:' then 'inbound_leads_per_month: 20' at the same indentation: a territory named
  // inbound_leads_per_month, which said only 'expected a map, got '20''.
  const YamlNode root = parse("territories:\n  all:\n  inbound_leads_per_month: 20\n  x: 5\n");
  const YamlNode& territories = *root.find("territories");
  for (const YamlEntry& entry : territories.entries) {
    ObjectReader reader(entry.value, "territories." + entry.key, scenario_section("territories"),
                        sink_);
  }
  EXPECT_EQ(errors(),
            (Errors{"t.yaml:3:28: territories.inbound_leads_per_month: expected a map, got '20'; "
                    "'inbound_leads_per_month' is a key inside each entry of 'territories', not "
                    "an entry's name: indent it under the entry it belongs to",
                    // A name that is no key of an entry is said as before.
                    "t.yaml:4:6: territories.x: expected a map, got '5'"}));
}

TEST_F(ObjectReaderTest, MissingRequiredKeyIsReportedAtTheMap) {
  const YamlNode root = parse("list:\n  - {count: 1}\n");
  ObjectReader reader(root.find("list")->items[0], "list[0]", sink_);
  EXPECT_EQ(reader.require("role"), nullptr);
  EXPECT_NE(reader.require("count"), nullptr);
  EXPECT_TRUE(reader.finish());
  EXPECT_EQ(errors(), Errors{"t.yaml:2:5: list[0]: missing required key 'role'"});
}

TEST_F(ObjectReaderTest, NullReadsAsAnEmptyMapAndOtherKindsAreTypeErrors) {
  const YamlNode root = parse("a:\nb: [1]\n");
  ObjectReader empty(*root.find("a"), "a", sink_);
  EXPECT_TRUE(empty.valid());
  EXPECT_EQ(empty.get("x"), nullptr);
  EXPECT_TRUE(empty.finish());
  ObjectReader list(*root.find("b"), "b", sink_);
  EXPECT_FALSE(list.valid());
  EXPECT_EQ(list.require("x"), nullptr);  // no second error
  EXPECT_TRUE(list.finish());
  EXPECT_EQ(errors(), Errors{"t.yaml:2:4: b: expected a map, got a list"});
}

}  // namespace
}  // namespace teamsim::app
