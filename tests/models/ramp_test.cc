#include "models/ramp.h"

#include <gtest/gtest.h>

namespace teamsim::model {
namespace {

TEST(RampTest, ZeroBeforeSellingLinearDuringRampFullAfter) {
  EXPECT_DOUBLE_EQ(linear_ramp_productivity(5, 10, 100), 0.0);
  EXPECT_DOUBLE_EQ(linear_ramp_productivity(10, 10, 100), 0.0);
  EXPECT_DOUBLE_EQ(linear_ramp_productivity(35, 10, 100), 0.25);
  EXPECT_DOUBLE_EQ(linear_ramp_productivity(110, 10, 100), 1.0);
  EXPECT_DOUBLE_EQ(linear_ramp_productivity(500, 10, 100), 1.0);
}

TEST(RampTest, NoRampMeansFullProductivityOnceSelling) {
  EXPECT_DOUBLE_EQ(linear_ramp_productivity(10, 10, 0), 1.0);
  EXPECT_DOUBLE_EQ(linear_ramp_productivity(9.99, 10, 0), 0.0);
}

}  // namespace
}  // namespace teamsim::model
