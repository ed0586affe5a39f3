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

TEST(PluralTest, ListedReadsAsASentenceListsThings) {
  EXPECT_EQ(listed({}), "");
  EXPECT_EQ(listed({"a"}), "a");
  EXPECT_EQ(listed({"a", "b"}), "a and b");
  EXPECT_EQ(listed({"a", "b", "c"}), "a, b and c");
  EXPECT_EQ(listed({"a", "b", "c"}, 3), "a, b and c");
  EXPECT_EQ(listed({"a", "b", "c"}, 2), "a, b and 1 more");
  EXPECT_EQ(listed({"a", "b", "c", "d"}, 1), "a and 3 more");
}

TEST(PluralTest, GroupedCountSeparatesThousands) {
  EXPECT_EQ(grouped_count(1, "replication"), "1 replication");
  EXPECT_EQ(grouped_count(4000, "replication"), "4,000 replications");
  EXPECT_EQ(grouped_count(0, "run"), "0 runs");
}

}  // namespace
}  // namespace teamsim::app
