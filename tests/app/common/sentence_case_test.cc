#include "app/common/sentence_case.h"

#include <gtest/gtest.h>

namespace teamsim::app {
namespace {

TEST(SentenceCaseTest, ATitleInASentenceKeepsItsAcronyms) {
  EXPECT_EQ(in_sentence("Win rate"), "win rate");
  EXPECT_EQ(in_sentence("Cool-off"), "cool-off");
  EXPECT_EQ(in_sentence("ARR"), "ARR");
  EXPECT_EQ(in_sentence("AE ramp"), "AE ramp");
  EXPECT_EQ(in_sentence("X"), "X");
  EXPECT_EQ(in_sentence(""), "");
}

TEST(SentenceCaseTest, ASentencesFirstWordIsCapitalised) {
  EXPECT_EQ(capitalised("managers"), "Managers");
  EXPECT_EQ(capitalised("AEs"), "AEs");
  EXPECT_EQ(capitalised(""), "");
}

}  // namespace
}  // namespace teamsim::app
