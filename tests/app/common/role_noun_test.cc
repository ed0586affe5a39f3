#include "app/common/role_noun.h"

#include <gtest/gtest.h>

namespace teamsim::app {
namespace {

TEST(RoleNounTest, BuiltInRolesAsASalesLeaderSaysThem) {
  EXPECT_EQ(role_noun("account_executive").one, "AE");
  EXPECT_EQ(role_noun("account_executive").many, "AEs");
  EXPECT_EQ(role_noun("sales_manager").many, "managers");
  EXPECT_EQ(role_noun("assistant_manager").one, "assistant manager");
  EXPECT_EQ(role_noun("customer_success").many, "CS reps");
  EXPECT_EQ(role_noun("sales_specialist").one, "specialist");
  EXPECT_EQ(role_noun("sales_operations").many, "sales ops analysts");
  EXPECT_EQ(role_noun("sales_enablement").one, "enablement lead");
}

TEST(RoleNounTest, SalesAcronymsInCapitalsOtherNamesInWords) {
  EXPECT_EQ(role_noun("sdr").one, "SDR");
  EXPECT_EQ(role_noun("sdr").many, "SDRs");
  EXPECT_EQ(role_noun("BDR").many, "BDRs");
  EXPECT_EQ(role_noun("csm").one, "CSM");
  // Not an acronym: words, underscores as spaces; a name ending in s is its own plural.
  EXPECT_EQ(role_noun("solutions_engineer").many, "solutions engineers");
  EXPECT_EQ(role_noun("rep").many, "reps");
  EXPECT_EQ(role_noun("sales").many, "sales");
}

TEST(RoleNounTest, CountsTakeTheSingularOnlyForOne) {
  EXPECT_EQ(count_of(1, role_noun("sdr")), "1 SDR");
  EXPECT_EQ(count_of(6, role_noun("sdr")), "6 SDRs");
  EXPECT_EQ(count_of(0, role_noun("account_executive")), "0 AEs");
}

}  // namespace
}  // namespace teamsim::app
