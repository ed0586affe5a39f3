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

TEST(Utf8Test, WidthIsTheColumnsATerminalDraws) {
  // Code points were counted, so a table with a territory named 東京 was two columns out of line.
  EXPECT_EQ(utf8_width(""), 0u);
  EXPECT_EQ(utf8_width("arr"), 3u);
  EXPECT_EQ(utf8_width("\xc3\x8ele-de-France"), 13u);  // Île-de-France
  EXPECT_EQ(utf8_width("\xe2\x82\xac"
                       "1.5M \xc2\xb1"),
            7u);                                          // "€1.5M ±"
  EXPECT_EQ(utf8_width("\xe6\x9d\xb1\xe4\xba\xac"), 4u);  // 東京: two wide characters
  EXPECT_EQ(utf8_width("\xed\x95\x9c"), 2u);              // 한, a Hangul syllable
  EXPECT_EQ(utf8_width("\xf0\x9f\x9a\x80"), 2u);          // 🚀
  EXPECT_EQ(utf8_width("e\xcc\x81"), 1u);                 // e + combining acute accent
  EXPECT_EQ(utf8_width("\xe2\x94\x82"), 1u);              // │, the tables' rule
}

}  // namespace
}  // namespace teamsim::app
