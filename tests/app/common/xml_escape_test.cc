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

}  // namespace
}  // namespace teamsim::app
