// SegmentMix on its own: a uniform draw picks a segment by its share in the lead's territory,
// or by the overall shares without one.
#include "models/segment_mix.h"

#include <gtest/gtest.h>

#include "models/events.h"
#include "tests/models/test_scenarios.h"

namespace teamsim::model {
namespace {

TEST(SegmentMixTest, PicksByTheSharesOfTheTerritoryOrOverall) {
  ScenarioSpec spec = quiet_scenario(1);
  spec.territories = {TerritorySpec{"north", 0}, TerritorySpec{"south", 0}};
  SegmentSpec smb;
  smb.name = "smb";
  smb.share = 0.75;
  smb.share_by_territory = {{"south", 0.25}};
  SegmentSpec enterprise;
  enterprise.name = "enterprise";
  enterprise.share = 0.25;
  enterprise.share_by_territory = {{"south", 0.75}};
  spec.segments = {smb, enterprise};
  const SegmentMix mix(spec);
  // North has no shares of its own: the overall 75 / 25.
  EXPECT_EQ(mix.pick(0, 0.74), 0u);
  EXPECT_EQ(mix.pick(0, 0.76), 1u);
  // South: 25 / 75.
  EXPECT_EQ(mix.pick(1, 0.24), 0u);
  EXPECT_EQ(mix.pick(1, 0.26), 1u);
  EXPECT_EQ(mix.pick(kUnassigned, 0.5), 0u);
  EXPECT_EQ(mix.pick(kUnassigned, 0.999), 1u);
}

TEST(SegmentMixTest, NoSegmentsIsEmpty) { EXPECT_TRUE(SegmentMix(quiet_scenario(1)).empty()); }

}  // namespace
}  // namespace teamsim::model
