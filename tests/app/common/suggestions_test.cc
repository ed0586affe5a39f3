#include "app/common/suggestions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace teamsim::app {
namespace {

TEST(Suggestions, TooManyToListSaysWhereToFindThem) {
  const std::vector<std::string> names = {"arr", "mrr", "cash", "leads"};
  EXPECT_EQ(suggestion_or_where("leds", names, "see the list"), "; did you mean 'leads'?");
  EXPECT_EQ(suggestion_or_where("quota", names, "see the list"), "; see the list");
}

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
  EXPECT_EQ(closest_match("currency", keys), "");
  EXPECT_EQ(closest_match("horizon", keys), "horizon_months");  // prefix
  EXPECT_EQ(closest_match("zzz", keys), "");
  EXPECT_EQ(suggestion("mony", keys), "; did you mean 'money'?");
  EXPECT_EQ(suggestion("zzz", {"a", "b"}), "; expected one of: a, b");
  EXPECT_EQ(suggestion("zzz", {"a", "b"}, "defined roles"), "; defined roles: a, b");
}

TEST(Suggestions, AbbreviationsAndSharedStemsAreSuggested) {
  const std::vector<std::string> roles = {"account_executive", "sales_manager", "assistant_manager",
                                          "customer_success"};
  EXPECT_EQ(suggestion("sales_mgr", roles), "; did you mean 'sales_manager'?");
  EXPECT_EQ(suggestion("cust_success", roles), "; did you mean 'customer_success'?");
  const std::vector<std::string> top = {"horizon_months", "roles", "hire_sources", "hires",
                                        "hiring_rules"};
  // Both are plausible readings of "hiring": the dated plan and the rules.
  EXPECT_EQ(suggestion("hiring", top), "; did you mean 'hiring_rules' or 'hires'?");
  EXPECT_EQ(suggestion("hire", top), "; did you mean 'hires'?");
  EXPECT_EQ(closest_match("budget", top), "");
  // Names with parts share stems without meaning each other.
  EXPECT_EQ(closest_match("territory.emea.leads", {"arr", "territory.apac.leads"}), "");
}

}  // namespace
}  // namespace teamsim::app
