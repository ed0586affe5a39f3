#include "app/scenario/number_hints.h"

#include <gtest/gtest.h>

namespace teamsim::app {
namespace {

TEST(NumberHintsTest, AmountsWrittenAsInADocumentGetTheScenarioSpelling) {
  const std::string tail =
      " (a plain number: no currency sign, thousands commas or k/M suffix; '_' may group digits)";
  EXPECT_EQ(human_number_hint("1.5M"), "; write 1_500_000" + tail);
  EXPECT_EQ(human_number_hint("$1,500,000"), "; write 1_500_000" + tail);
  EXPECT_EQ(human_number_hint("90k"), "; write 90_000" + tail);
  EXPECT_EQ(human_number_hint("$90K"), "; write 90_000" + tail);
  EXPECT_EQ(human_number_hint("2.5bn"), "; write 2_500_000_000" + tail);
  EXPECT_EQ(human_number_hint("-$40,000"), "; write -40_000" + tail);
  EXPECT_EQ(human_number_hint("$1"), "; write 1" + tail);
  EXPECT_EQ(human_number_hint("€0.5"), "; write 0.5" + tail);
}

TEST(NumberHintsTest, OtherTextGetsNoHint) {
  EXPECT_EQ(human_number_hint("lots"), "");
  EXPECT_EQ(human_number_hint("1500000"), "");   // already a number: no hint to give
  EXPECT_EQ(human_number_hint("1,50,000"), "");  // not thousands groups
  EXPECT_EQ(human_number_hint("12x"), "");
  EXPECT_EQ(human_number_hint(""), "");
}

TEST(NumberHintsTest, ANumberWithItsUnitGetsTheNumberAlone) {
  // 'ramp_months: 3 months' or 'win_rate: 25 %' said only 'expected a number, got ...'.
  const std::string alone = " (a number alone: the key's name gives its unit)";
  EXPECT_EQ(unit_hint("3 months", true), "; write 3" + alone);
  EXPECT_EQ(unit_hint("45 days", false), "; write 45" + alone);
  EXPECT_EQ(unit_hint("1.2x", true), "; write 1.2" + alone);
  EXPECT_EQ(unit_hint("25 %", true), "; write 25%");
  EXPECT_EQ(unit_hint("35 percent", true), "; write 35%");
  EXPECT_EQ(unit_hint("2.5 per cent", true), "; write 2.5%");
  // A per cent where a whole number goes, or text that is no number with a unit: no hint.
  EXPECT_EQ(unit_hint("2 %", false), "");
  EXPECT_EQ(unit_hint("lots", true), "");
  EXPECT_EQ(unit_hint("3 to 4 months", true), "");
  EXPECT_EQ(unit_hint("25%", true), "");
}

TEST(NumberHintsTest, ScenarioNumbersGroupIntegersAndKeepFractions) {
  EXPECT_EQ(scenario_number(1'500'000), "1_500_000");
  EXPECT_EQ(scenario_number(999), "999");
  EXPECT_EQ(scenario_number(1000), "1_000");
  EXPECT_EQ(scenario_number(-40'000), "-40_000");
  EXPECT_EQ(scenario_number(0.25), "0.25");
}

}  // namespace
}  // namespace teamsim::app
