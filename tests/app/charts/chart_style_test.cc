#include "app/charts/chart_style.h"

#include <gtest/gtest.h>

namespace teamsim::app {
namespace {

namespace cs = chart_style;

TEST(ChartStyle, WrapTextKeepsEveryWordAndBalancesTheLines) {
  const std::string text =
      "Performance management: manage out or keep everyone [keep_everyone] "
      "· 40 replications";
  const double width = cs::text_width(text, 13) * 0.9;  // one word too many for one line
  const std::vector<std::string> lines = cs::wrap_text(text, width, 13, 2);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0] + " " + lines[1], text);
  // Not "... · 40" then "replications" alone: the lines are of comparable width.
  EXPECT_GT(cs::text_width(lines[1], 13), 0.5 * cs::text_width(lines[0], 13));
  for (const std::string& line : lines) EXPECT_LE(cs::text_width(line, 13), width);
}

TEST(ChartStyle, WrapTextCutsOnlyWhatMaxLinesCannotHold) {
  const std::string text = "one two three four five six seven eight nine ten";
  const double width = cs::text_width("one two three", 13);
  const std::vector<std::string> lines = cs::wrap_text(text, width, 13, 2);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[1].ends_with("\xE2\x80\xA6")) << lines[1];
  EXPECT_EQ(cs::wrap_text("short", 500, 13, 3), std::vector<std::string>{"short"});
}

}  // namespace
}  // namespace teamsim::app
