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

TEST(ChartStyle, WrapTextNeverStartsOrEndsALineWithTheSeparator) {
  // The comparison's difference charts' subtitle: at some widths the break fell just before the
  // "·", which then began the second line ("· 200 replications · line: median, ...").
  const std::string text =
      "difference per replication on the same random numbers · 200 replications · line: "
      "median, band: middle 50%";
  const std::string words_only =
      "difference per replication on the same random numbers 200 replications line: median, "
      "band: middle 50%";
  for (double width = 150; width <= 900; width += 1) {
    const std::vector<std::string> lines = cs::wrap_text(text, width, 13, 3);
    std::string joined;
    for (const std::string& line : lines) {
      EXPECT_FALSE(line.starts_with("\xC2\xB7")) << width << ": " << line;
      EXPECT_FALSE(line.ends_with("\xC2\xB7")) << width << ": " << line;
      joined += (joined.empty() ? "" : " ") + line;
    }
    if (lines.back().ends_with("\xE2\x80\xA6")) continue;  // cut: three lines do not hold it
    // Every word kept, in order; a separator only where the line did not break.
    std::string without;
    for (std::size_t at = 0; at < joined.size();) {
      if (joined.compare(at, 3, " \xC2\xB7") == 0) {
        at += 3;
        continue;
      }
      without += joined[at++];
    }
    EXPECT_EQ(without, words_only) << width;
  }
  EXPECT_EQ(cs::wrap_text(text, 2000, 13, 3), std::vector<std::string>{text});
}

TEST(ChartStyle, ABoldTitleIsWrappedToTheWidthItsBoldGlyphsTake) {
  // A comparison chart 640 px wide has 640 - 2 x 16 = 608 px for its title. This one is
  // estimated at 607.86 px (text_width's classes at 18 px: 13 narrow characters, i l t f ':'
  // and spaces, at 0.34 em; 1 m at 0.85; 3 capitals at 0.7; 44 other letters and hyphens at
  // 0.6: 33.77 em), so it was kept on one line, but DejaVu Sans Bold sets it 636 px wide: its
  // last letters were cut off at the chart's edge. Wrapped, the title's second line ends 23 px
  // lower: 16 + 18 - 4 + 23 = 53.
  const std::string title = "ARR: hire-the-sales-manager-first-then-six-account-executives";
  ASSERT_LE(cs::text_width(title, cs::kTitleSize), 608);
  ASSERT_GT(cs::text_width(title, cs::kTitleSize), 600);
  EXPECT_DOUBLE_EQ(cs::heading_bottom(title, "", 640), 53);
  // A short title stays on one line: 16 + 18 - 4 = 30.
  EXPECT_DOUBLE_EQ(cs::heading_bottom("ARR", "", 640), 30);
}

}  // namespace
}  // namespace teamsim::app
