#include "app/common/utf8.h"

#include <gtest/gtest.h>

namespace teamsim::app {
namespace {

TEST(Utf8Test, AcceptsAsciiAndWellFormedMultibyteText) {
  EXPECT_EQ(first_invalid_utf8(""), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("plain ascii"), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("K\xc3\xb8"
                               "benhavn \xe2\x82\xac \xf0\x9f\x93\x88"),
            std::nullopt);
  EXPECT_EQ(first_invalid_utf8("\xf4\x8f\xbf\xbf"), std::nullopt);  // U+10FFFF, the last one
}

TEST(Utf8Test, FindsTheFirstBadByte) {
  EXPECT_EQ(first_invalid_utf8("ab\xff"), 2u);            // never valid
  EXPECT_EQ(first_invalid_utf8("a\xc3"), 1u);             // truncated sequence
  EXPECT_EQ(first_invalid_utf8("a\xc3(b"), 1u);           // bad continuation
  EXPECT_EQ(first_invalid_utf8("\xc0\xaf"), 0u);          // overlong '/'
  EXPECT_EQ(first_invalid_utf8("\xe0\x80\xaf"), 0u);      // overlong, 3 bytes
  EXPECT_EQ(first_invalid_utf8("ok\xed\xa0\x80"), 2u);    // UTF-16 surrogate U+D800
  EXPECT_EQ(first_invalid_utf8("\xf4\x90\x80\x80"), 0u);  // U+110000, past the end
  EXPECT_EQ(first_invalid_utf8("\xc3\xa9\xc3"), 2u);      // valid, then truncated
}

}  // namespace
}  // namespace teamsim::app
