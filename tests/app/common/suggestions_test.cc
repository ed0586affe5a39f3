#include "app/common/suggestions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace teamsim::app {
namespace {

TEST(Suggestions, EditDistance) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("seed", "sede"), 2u);
}

TEST(Suggestions, ClosestMatch) {
  const std::vector<std::string> keys = {"horizon_months", "replications", "seed", "money"};
  EXPECT_EQ(closest_match("horizon_month", keys), "horizon_months");
  EXPECT_EQ(closest_match("Seed", keys), "seed");
  EXPECT_EQ(closest_match("replication_count", keys), "");
  EXPECT_EQ(closest_match("horizon", keys), "horizon_months");  // prefix
  EXPECT_EQ(closest_match("zzz", keys), "");
  EXPECT_EQ(suggestion("mony", keys), "; did you mean 'money'?");
  EXPECT_EQ(suggestion("zzz", {"a", "b"}), "; expected one of: a, b");
  EXPECT_EQ(suggestion("zzz", {"a", "b"}, "defined roles"), "; defined roles: a, b");
}

}  // namespace
}  // namespace teamsim::app
