#include "app/common/xml_escape.h"

#include <gtest/gtest.h>

namespace teamsim::app {
namespace {

TEST(XmlEscapeText, EscapesMarkupCharacters) {
  EXPECT_EQ(xml_escape_text("R&D <team> \"A\" 'B'"), "R&amp;D &lt;team&gt; \"A\" 'B'");
}

TEST(XmlEscapeText, KeepsNewlinesAndUtf8AndDropsOtherControlCharacters) {
  EXPECT_EQ(xml_escape_text("a\nb\x01\x1f c \xE2\x82\xAC"), "a\nb c \xE2\x82\xAC");
}

TEST(XmlEscapeAttribute, EscapesQuotesAndWhitespaceThatNormalisationWouldEat) {
  EXPECT_EQ(xml_escape_attribute("say \"hi\" & <go>\n\tnow\r"),
            "say &quot;hi&quot; &amp; &lt;go&gt;&#10;&#9;now&#13;");
  EXPECT_EQ(xml_escape_attribute("system-ui, 'Segoe UI'"), "system-ui, 'Segoe UI'");
}

TEST(UrlPathEscape, KeepsUnreservedCharactersAndSlashesAndEncodesEveryOtherByte) {
  EXPECT_EQ(url_path_escape("eu-plan.fast_1~/report.html"), "eu-plan.fast_1~/report.html");
  // '#' would start a fragment and '?' a query; ' ' 0x20, '#' 0x23, '?' 0x3F, '%' 0x25, '&' 0x26.
  EXPECT_EQ(url_path_escape("q3 #1/a?b/50%/x&y"), "q3%20%231/a%3Fb/50%25/x%26y");
  // UTF-8 bytes, each on its own: e-acute is C3 A9, the ideograph for sun E6 97 A5.
  EXPECT_EQ(url_path_escape("caf\xC3\xA9/\xE6\x97\xA5"), "caf%C3%A9/%E6%97%A5");
}

}  // namespace
}  // namespace teamsim::app
