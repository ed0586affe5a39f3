#include "app/scenario/key_readers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/scenario/scenario_limits.h"
#include "app/scenario/yaml_tree.h"
#include "models/scenario_spec.h"

// One key read into a field: its range, its limit and its message, and that a bad value leaves
// the field as it was. The section `s:` of a one-line YAML document is the map being read, so a
// value's column is where it is written after "s: {".

namespace teamsim::app::loader {
namespace {

using Errors = std::vector<std::string>;

class KeyReadersTest : public ::testing::Test {
 protected:
  // An ObjectReader over the map written after "s: ".
  ObjectReader& reader(const std::string& map) {
    std::vector<Diagnostic> parse_errors;
    root_ = *parse_yaml("s: " + map + "\n", "k.yaml", parse_errors);
    EXPECT_TRUE(parse_errors.empty()) << format_diagnostics(parse_errors);
    diagnostics_.clear();
    reader_.emplace(*root_.find("s"), "s", sink_);
    return *reader_;
  }
  Errors errors() const {
    Errors out;
    for (const Diagnostic& d : diagnostics_) out.push_back(format_diagnostic(d));
    return out;
  }

  YamlNode root_;
  std::vector<Diagnostic> diagnostics_;
  DiagnosticSink sink_{diagnostics_};
  std::optional<ObjectReader> reader_;
};

TEST_F(KeyReadersTest, OneOfJoinsWithCommasAndAFinalOr) {
  EXPECT_EQ(one_of({}), "");
  EXPECT_EQ(one_of({"a"}), "a");
  EXPECT_EQ(one_of({"a", "b"}), "a or b");
  EXPECT_EQ(one_of({"a", "b", "c"}), "a, b or c");
}

TEST_F(KeyReadersTest, ANumberInRangeIsAssignedAndAbsentKeysLeaveTheField) {
  double share = 0.2;
  double other = 7;
  ObjectReader& r = reader("{share: 0.35}");
  read_number_key(r, "share", 0, 1, share);
  read_number_key(r, "other", 0, 1, other);
  EXPECT_EQ(share, 0.35);
  EXPECT_EQ(other, 7);
  EXPECT_EQ(errors(), Errors{});
}

TEST_F(KeyReadersTest, ANumberOutOfRangeIsReportedAndLeavesTheField) {
  double share = 0.2;
  read_number_key(reader("{share: 1.5}"), "share", 0, 1, share);
  EXPECT_EQ(share, 0.2);
  EXPECT_EQ(errors(), Errors{"k.yaml:1:12: s.share: must be between 0 and 1, got 1.5"});
}

TEST_F(KeyReadersTest, ACappedKeySaysWhyItsCapIsThere) {
  double leads = 4;
  read_capped_key(reader("{leads: -1}"), "leads", 0, 1000, " (why)", leads);
  EXPECT_EQ(errors(), Errors{"k.yaml:1:12: s.leads: must be at least 0, got -1"});
  read_capped_key(reader("{leads: 2000}"), "leads", 0, 1000, " (why)", leads);
  EXPECT_EQ(errors(), Errors{"k.yaml:1:12: s.leads: must be at most 1000, got 2000 (why)"});
  EXPECT_EQ(leads, 4);
}

TEST_F(KeyReadersTest, MoneyAndFactorKeysCarryTheirNotes) {
  double factor = 1;
  read_factor_key(reader("{factor: 200}"), "factor", factor);
  EXPECT_EQ(errors(), Errors{"k.yaml:1:13: s.factor: must be at most 100, got 200 (a multiplier "
                             "above 100 is surely a typo)"});
  double salary = 1;
  read_money_key(reader("{salary: -5}"), "salary", salary);
  EXPECT_EQ(errors(), Errors{"k.yaml:1:13: s.salary: must be at least 0, got -5"});
  read_money_key(reader("{salary: 95_000}"), "salary", salary);
  EXPECT_EQ(salary, 95'000);
}

TEST_F(KeyReadersTest, AnIntKeyMustBeAWholeNumberInRange) {
  int count = 3;
  read_int_key(reader("{count: 2.5}"), "count", 0, 10, count);
  EXPECT_EQ(errors(), Errors{"k.yaml:1:12: s.count: must be a whole number, got 2.5"});
  read_int_key(reader("{count: 11}"), "count", 0, 10, count);
  EXPECT_EQ(errors(), Errors{"k.yaml:1:12: s.count: must be between 0 and 10, got 11"});
  EXPECT_EQ(count, 3);
  read_int_key(reader("{count: 10}"), "count", 0, 10, count);
  EXPECT_EQ(count, 10);
}

TEST_F(KeyReadersTest, AChoiceIsANameOfItsTable) {
  model::RampCurve curve = model::RampCurve::kLinear;
  read_choice(reader("{curve: step}"), "curve", model::kRampCurves, curve);
  EXPECT_EQ(curve, model::RampCurve::kStep);
  read_choice(reader("{curve: scurve}"), "curve", model::kRampCurves, curve);
  EXPECT_EQ(errors(), Errors{"k.yaml:1:12: s.curve: unknown value 'scurve'; did you mean "
                             "'s_curve'?"});
  read_choice(reader("{curve: exponential}"), "curve", model::kRampCurves, curve);
  EXPECT_EQ(errors(), Errors{"k.yaml:1:12: s.curve: unknown value 'exponential'; expected one of: "
                             "linear, step, s_curve"});
  EXPECT_EQ(curve, model::RampCurve::kStep);
}

TEST_F(KeyReadersTest, SectionShapesAreCheckedWithTheirKinds) {
  ObjectReader& r = reader("{list: [1], map: {a: 1}, empty: }");
  EXPECT_FALSE(is_map_or_null(*r.get("list"), "s.list", sink_));
  EXPECT_TRUE(is_map_or_null(*r.get("map"), "s.map", sink_));
  EXPECT_TRUE(is_map_or_null(*r.get("empty"), "s.empty", sink_));
  EXPECT_FALSE(is_list_or_null(*r.get("map"), "s.map", sink_));
  EXPECT_TRUE(is_list_or_null(*r.get("list"), "s.list", sink_));
  EXPECT_TRUE(is_list_or_null(*r.get("empty"), "s.empty", sink_));
  EXPECT_EQ(errors(), (Errors{"k.yaml:1:11: s.list: expected a map, got a list",
                              "k.yaml:1:21: s.map: expected a list, got a map"}));
}

TEST_F(KeyReadersTest, AListWrittenAsAMapSaysHowToWriteItsItems) {
  // 'hires:' then 'role: account_executive' and 'month: 3' below it, without '- ': said only
  // 'expected a list, got a map'.
  // 'starting_staff: {account_executive: 2}' counts people by role: the items to write instead.
  ObjectReader& r = reader(
      "{one: {role: account_executive, month: 3}, staff: {account_executive: 2, sdr: 1}, "
      "other: {account_executive: 2}}");
  EXPECT_FALSE(is_list_or_null(*r.get("one"), "hires", sink_));
  EXPECT_FALSE(is_list_or_null(*r.get("staff"), "starting_staff", sink_));
  EXPECT_FALSE(is_list_or_null(*r.get("other"), "hires", sink_));
  EXPECT_EQ(errors(),
            (Errors{"k.yaml:1:10: hires: expected a list, got a map; its keys are those of one "
                    "item, and a list holds each item after '- ' (- role: ..., its other keys "
                    "lined up with role) or inside [ ] ([{role: ...}])",
                    "k.yaml:1:54: starting_staff: expected a list, got a map; one item per role, "
                    "with its count: [{role: account_executive, count: 2}, {role: sdr, count: 1}]",
                    // A hire needs its month too: said as before.
                    "k.yaml:1:93: hires: expected a list, got a map"}));
}

TEST_F(KeyReadersTest, MoreNamedEntriesThanTheLimitAreReportedOnce) {
  std::string map = "{";
  for (std::size_t i = 0; i <= kMaxNamedEntries; ++i) {
    map += (i == 0 ? "e" : ", e") + std::to_string(i) + ": 1";
  }
  map += "}";
  ObjectReader& r = reader(map);
  check_entry_count(r.node(), "s", sink_);
  EXPECT_EQ(errors(), Errors{"k.yaml:1:4: s: 1001 entries, more than the limit of 1000 (a limit "
                             "that keeps a replication from running for minutes; see \"Limits\" "
                             "in docs/scenario-reference.md)"});
  diagnostics_.clear();
  map = "{e: 1}";
  check_entry_count(reader(map).node(), "s", sink_);
  EXPECT_EQ(errors(), Errors{});
}

}  // namespace
}  // namespace teamsim::app::loader
