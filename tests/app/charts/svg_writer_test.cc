#include "app/charts/svg_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace teamsim::app {
namespace {

TEST(SvgNumber, AtMostTwoDecimalsWithTrailingZerosTrimmed) {
  EXPECT_EQ(svg_number(12), "12");
  EXPECT_EQ(svg_number(12.5), "12.5");
  EXPECT_EQ(svg_number(12.50001), "12.5");
  EXPECT_EQ(svg_number(1.0 / 3.0), "0.33");
  EXPECT_EQ(svg_number(2.0 / 3.0), "0.67");
  EXPECT_EQ(svg_number(-7.25), "-7.25");
  EXPECT_EQ(svg_number(1e6), "1000000");
  EXPECT_EQ(svg_number(100.0), "100");
}

TEST(SvgNumber, NeverNegativeZero) {
  EXPECT_EQ(svg_number(-0.0), "0");
  EXPECT_EQ(svg_number(-0.001), "0");
}

TEST(SvgNumber, RejectsNonFiniteNumbers) {
  EXPECT_THROW(svg_number(std::numeric_limits<double>::quiet_NaN()), std::invalid_argument);
  EXPECT_THROW(svg_number(std::numeric_limits<double>::infinity()), std::invalid_argument);
}

TEST(SvgPoints, PairsSeparatedBySpaces) {
  EXPECT_EQ(svg_points({{1, 2.5}, {3.333, -4}}), "1,2.5 3.33,-4");
  EXPECT_EQ(svg_points({}), "");
}

TEST(SvgWriter, WritesANestedIndentedDocument) {
  SvgWriter w(100, 50.5, {{"font-family", "Arial, 'Helvetica Neue'"}});
  w.open("g", {{"class", "bars"}});
  w.element("rect", {{"x", 1.234}, {"width", 10}, {"fill", "#0072B2"}});
  w.close();
  w.text_element("text", {{"x", 5}}, "R&D < Sales");
  w.element_with_title("circle", {{"r", 2}}, "Month 1: \"median\" $5");
  EXPECT_EQ(w.finish(),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50.5\" "
            "viewBox=\"0 0 100 50.5\" font-family=\"Arial, 'Helvetica Neue'\">\n"
            "  <g class=\"bars\">\n"
            "    <rect x=\"1.23\" width=\"10\" fill=\"#0072B2\"/>\n"
            "  </g>\n"
            "  <text x=\"5\">R&amp;D &lt; Sales</text>\n"
            "  <circle r=\"2\"><title>Month 1: \"median\" $5</title></circle>\n"
            "</svg>\n");
}

TEST(SvgWriter, FinishClosesOpenElements) {
  SvgWriter w(10, 10);
  w.open("g");
  w.open("g", {{"opacity", 0.5}});
  EXPECT_EQ(w.finish(),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" "
            "viewBox=\"0 0 10 10\">\n"
            "  <g>\n"
            "    <g opacity=\"0.5\">\n"
            "    </g>\n"
            "  </g>\n"
            "</svg>\n");
}

TEST(SvgWriter, EscapesAttributeValues) {
  SvgWriter w(10, 10);
  w.element("text", {{"aria-label", "a \"b\" <c> & d"}});
  EXPECT_NE(w.finish().find("aria-label=\"a &quot;b&quot; &lt;c&gt; &amp; d\""), std::string::npos);
}

TEST(SvgWriter, RejectsInvalidNamesAndUnbalancedClose) {
  SvgWriter w(10, 10);
  EXPECT_THROW(w.element("rect x"), std::logic_error);
  EXPECT_THROW(w.element("rect", {{"on\"click", "1"}}), std::logic_error);
  EXPECT_THROW(w.element("", {}), std::logic_error);
  EXPECT_THROW(w.close(), std::logic_error);
}

}  // namespace
}  // namespace teamsim::app
