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

TEST(Suggestions, TheEndOfALongerNameOrItsWordsReorderedAreSuggested) {
  // Metric names are prefixed (avg_, new_, cac_): the name said without its prefix was too far
  // from every metric for an edit, a prefix or an abbreviation, and got no suggestion.
  const std::vector<std::string> metrics = {"headcount_total",    "new_bookings",
                                            "cac_payback_months", "avg_cycle_days",
                                            "bookings_per_ae",    "avg_time_to_hire_days"};
  EXPECT_EQ(suggestion("time_to_hire_days", metrics), "; did you mean 'avg_time_to_hire_days'?");
  EXPECT_EQ(suggestion("cycle_days", metrics), "; did you mean 'avg_cycle_days'?");
  EXPECT_EQ(suggestion("payback_months", metrics), "; did you mean 'cac_payback_months'?");
  EXPECT_EQ(suggestion("total_headcount", metrics), "; did you mean 'headcount_total'?");
  // "bookings" begins one and ends the other: both, in the candidates' order.
  EXPECT_EQ(suggestion("bookings", metrics), "; did you mean 'new_bookings' or 'bookings_per_ae'?");
  // An end counts only after a '_' or '.', never inside a word.
  EXPECT_EQ(closest_match("ookings", {"new_bookings"}), "");
  const std::vector<std::string> customers = {"initial", "monthly_churn", "annual_churn"};
  EXPECT_EQ(suggestion("churn", customers), "; did you mean 'monthly_churn' or 'annual_churn'?");
}

}  // namespace
}  // namespace teamsim::app
