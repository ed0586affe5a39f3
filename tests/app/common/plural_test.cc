#include "app/common/plural.h"

#include <gtest/gtest.h>

namespace teamsim::app {
namespace {

TEST(PluralTest, TheSingularOnlyForOne) {
  EXPECT_EQ(noun(1, "replication"), "replication");
  EXPECT_EQ(noun(0, "replication"), "replications");
  EXPECT_EQ(noun(2, "replication"), "replications");
  EXPECT_EQ(noun(1, "territory", "territories"), "territory");
  EXPECT_EQ(noun(5, "territory", "territories"), "territories");
}

TEST(PluralTest, CountedWritesTheCountPlainly) {
  EXPECT_EQ(counted(1, "replication"), "1 replication");
  EXPECT_EQ(counted(40, "replication"), "40 replications");
  EXPECT_EQ(counted(0, "file"), "0 files");
  EXPECT_EQ(counted(12000, "point"), "12000 points");
  EXPECT_EQ(counted(1, "person", "people"), "1 person");
  EXPECT_EQ(counted(3, "person", "people"), "3 people");
}

TEST(PluralTest, GroupedCountSeparatesThousands) {
  EXPECT_EQ(grouped_count(1, "replication"), "1 replication");
  EXPECT_EQ(grouped_count(4000, "replication"), "4,000 replications");
  EXPECT_EQ(grouped_count(0, "run"), "0 runs");
}

}  // namespace
}  // namespace teamsim::app
