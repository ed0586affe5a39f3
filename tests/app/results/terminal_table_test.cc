#include "app/results/terminal_table.h"

#include <gtest/gtest.h>

#include <vector>

namespace teamsim::app {
namespace {

TEST(KeyMonthsTest, TheFirstThreeYearEndsAndTheHorizon) {
  EXPECT_EQ(key_months(36), (std::vector<int>{12, 24, 36}));
  EXPECT_EQ(key_months(48), (std::vector<int>{12, 24, 36, 48}));
  EXPECT_EQ(key_months(60), (std::vector<int>{12, 24, 36, 60}));
  EXPECT_EQ(key_months(30), (std::vector<int>{12, 24, 30}));
  EXPECT_EQ(key_months(24), (std::vector<int>{12, 24}));
}

TEST(KeyMonthsTest, AHorizonShorterThanAYearShowsItsLastMonth) {
  EXPECT_EQ(key_months(9), (std::vector<int>{9}));
  EXPECT_EQ(key_months(1), (std::vector<int>{1}));
}

}  // namespace
}  // namespace teamsim::app
