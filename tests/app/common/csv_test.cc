#include "app/common/csv.h"

#include <gtest/gtest.h>

namespace teamsim::app {
namespace {

TEST(CsvFieldTest, QuotesOnlyWhenNeededAndDoublesQuotes) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
}

}  // namespace
}  // namespace teamsim::app
