#include "app/common/trimmed.h"

#include <gtest/gtest.h>

namespace teamsim::app {
namespace {

TEST(TrimmedTest, TakesAwayTheSpacesAndTabsAroundTheText) {
  EXPECT_EQ(trimmed(" cash"), "cash");
  EXPECT_EQ(trimmed("\t3 \t"), "3");
  EXPECT_EQ(trimmed("arr"), "arr");
}

TEST(TrimmedTest, KeepsTheSpacesInside) { EXPECT_EQ(trimmed("  north america "), "north america"); }

TEST(TrimmedTest, NothingButSpacesIsEmpty) {
  EXPECT_EQ(trimmed(""), "");
  EXPECT_EQ(trimmed(" \t "), "");
}

}  // namespace
}  // namespace teamsim::app
