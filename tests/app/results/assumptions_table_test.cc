#include "app/results/assumptions_table.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "app/common/utf8.h"

namespace teamsim::app {
namespace {

Assumption row(std::string label, std::string value, std::vector<std::string> keys,
               std::vector<std::string> default_keys) {
  Assumption a;
  a.group = "Leads";
  a.label = std::move(label);
  a.value = std::move(value);
  a.keys = std::move(keys);
  a.default_keys = std::move(default_keys);
  a.source = "assumption (scenario-reference: roles)";
  return a;
}

TEST(AssumptionsTableTest, TagsDefaultsAndPartlySetRows) {
  const std::vector<Assumption> rows = {
      row("Inbound leads", "12 a month", {"territories.main.inbound_leads_per_month"}, {}),
      row("Prospected leads", "4 per AE a month", {"roles.a.prospecting"}, {"roles.a.prospecting"}),
      row("Attrition", "AE 35%, manager 20% a year", {"roles.a.x", "roles.m.x"}, {"roles.a.x"})};
  EXPECT_EQ(default_tag(rows[0]), "");
  EXPECT_EQ(default_tag(rows[1]), "default");
  EXPECT_EQ(default_tag(rows[2]), "partly default");
  const std::string table = assumptions_table(rows);
  EXPECT_NE(table.find("  Inbound leads           12 a month\n"), std::string::npos) << table;
  EXPECT_NE(table.find("  Prospected leads        4 per AE a month [default]\n"), std::string::npos)
      << table;
  EXPECT_NE(table.find("AE 35%, manager 20% a year [partly default]\n"), std::string::npos);
  EXPECT_EQ(assumptions_table({}), "");
}

TEST(AssumptionsTableTest, LongValuesWrapWithinTheColumns) {
  const std::vector<Assumption> rows = {
      row("Dated hires",
          "1 manager: month 1; 12 AEs: months 1, 2, …, 24; 3 customer success: months 4, 8, 12",
          {"hires"}, {})};
  const std::string table = assumptions_table(rows, 60);
  std::istringstream lines(table);
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    EXPECT_LE(utf8_width(line), 60u) << line;
  }
  EXPECT_GE(count, 4);  // the title, then the value over at least two lines
}

TEST(AssumptionsTableTest, DifferencesListOnlyWhatDiffersPlanByPlan) {
  const std::vector<Assumption> a = {
      row("Win rate", "20% of opportunities", {"pipeline.win_rate"}, {"pipeline.win_rate"}),
      row("Dated hires", "1 manager: month 1", {"hires"}, {})};
  std::vector<Assumption> b = a;
  b[1].value = "2 AEs: month 1";
  const std::string table = assumption_differences_table({"x", "y"}, {a, b});
  EXPECT_EQ(table,
            "Assumptions that differ between the plans ([default]: not set by the scenario):\n"
            "  Dated hires\n"
            "    A: 1 manager: month 1\n"
            "    B: 2 AEs: month 1\n\n");
  EXPECT_EQ(assumption_differences_table({"x", "y"}, {a, a}),
            "The 2 plans share every assumption.\n\n");
  // A default in one plan and the same value set in the other is the same assumption: the
  // model sees the same number (only a row that differs shows the [default] tags).
  b = a;
  b[0].default_keys.clear();
  const std::vector<AssumptionAcrossPlans> aligned = align_assumptions({a, b});
  ASSERT_EQ(aligned.size(), 2u);
  EXPECT_FALSE(aligned[0].differs);
  EXPECT_FALSE(aligned[1].differs);
  EXPECT_EQ(assumption_differences_table({"x", "y"}, {a, b}),
            "The 2 plans share every assumption.\n\n");
}

}  // namespace
}  // namespace teamsim::app
