#include "app/results/junit.h"

#include <gtest/gtest.h>

#include "tests/app/report_test_util.h"
#include "tests/app/xml_check.h"

namespace teamsim::app {
namespace {

TEST(JunitTest, JunitXmlIsWellFormedWithOneCasePerAssertion) {
  const RunSummary summary = testing::fake_summary(24);
  Expectation pass{"arr", 24, "p50", Comparison::kGreaterEqual, 1, "arr <grows> & \"more\"", {}};
  Expectation fail{"arr", 24, "p50", Comparison::kLess, 1, "arr small", {"a&b.yaml", 9, 5}};
  ExpectationSuite suite{"a&b", "a&b.yaml", check_expectations({pass, fail}, summary), ""};
  ExpectationSuite broken{"broken",
                          "broken.yaml",
                          {},
                          "invalid scenario (2 problems)",
                          "broken.yaml:3:1: a: <bad>\nbroken.yaml:4:1: b: worse"};
  const std::string xml = junit_xml({suite, broken});
  EXPECT_EQ(testing::xml_problem(xml), "") << xml;
  EXPECT_NE(
      xml.find("<testsuites name=\"teamsim\" tests=\"3\" failures=\"1\" errors=\"1\" time=\"0\">"),
      std::string::npos)
      << xml;
  EXPECT_NE(xml.find("name=\"arr &lt;grows&gt; &amp; &quot;more&quot;\""), std::string::npos);
  EXPECT_NE(xml.find("<failure message=\"p50(arr) at month 24 = $1.3M (expected &lt; $1)\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("a&amp;b.yaml:9:5:"), std::string::npos);
  EXPECT_NE(xml.find("<error message=\"invalid scenario (2 problems)\" type=\"run\">"
                     "broken.yaml:3:1: a: &lt;bad&gt;\nbroken.yaml:4:1: b: worse</error>"),
            std::string::npos)
      << xml;
}

TEST(JunitTest, EachCaseNameIsUniqueInItsSuite) {
  // A CI reader keys a test case's history by (classname, name) and keeps one of two cases with
  // the same name: an assertion written twice, or two given one `name:`, lost one.
  const RunSummary summary = testing::fake_summary(24);
  const Expectation twice{"arr", 24, "p50", Comparison::kGreaterEqual, 1, "p50(arr) >= $1", {}};
  const Expectation mine_a{"arr", 12, "p50", Comparison::kGreaterEqual, 1, "mine", {}};
  const Expectation mine_b{"arr", 24, "p50", Comparison::kGreaterEqual, 1, "mine", {}};
  const Expectation written{"arr", 24, "p50", Comparison::kLess, 1, "mine (2)", {}};
  const Expectation mine_c{"arr", 20, "p50", Comparison::kGreaterEqual, 1, "mine", {}};
  const ExpectationSuite suite{
      "plan", "plan.yaml",
      check_expectations({twice, mine_a, twice, mine_b, written, mine_c}, summary), ""};
  const std::string xml = junit_xml({suite});
  EXPECT_EQ(testing::xml_problem(xml), "") << xml;
  std::vector<std::string> names;
  for (std::size_t at = xml.find(" name=\"", xml.find("<testcase")); at != std::string::npos;
       at = xml.find(" name=\"", at + 1)) {
    const std::size_t start = at + 7;
    names.push_back(xml.substr(start, xml.find('"', start) - start));
  }
  // The first of each keeps its name; "mine (2)" is written in the file, so the second "mine"
  // is "mine (3)" and the third "mine (4)".
  EXPECT_EQ(names, (std::vector<std::string>{"p50(arr) &gt;= $1", "mine", "p50(arr) &gt;= $1 (2)",
                                             "mine (3)", "mine (2)", "mine (4)"}))
      << xml;
}

TEST(JunitTest, ACaseNamesTheFileItsAssertionIsWrittenIn) {
  // An assertion written in a base that plans/a.yaml extends was said at plans/a.yaml:5:5, a
  // line of a.yaml that holds something else, so a CI annotation pointed at the wrong file.
  const RunSummary summary = testing::fake_summary(24);
  const Expectation in_base{
      "arr", 24, "p50", Comparison::kLess, 1, "unicorn", {"shared/base.yaml", 5, 7}};
  const Expectation unmarked{"arr", 24, "p50", Comparison::kLess, 1, "mine", {"", 3, 1}};
  const ExpectationSuite suite{"a", "plans/a.yaml",
                               check_expectations({in_base, unmarked}, summary), ""};
  const std::string xml = junit_xml({suite});
  EXPECT_EQ(testing::xml_problem(xml), "") << xml;
  EXPECT_NE(xml.find("name=\"unicorn\" file=\"shared/base.yaml\" line=\"5\" time=\"0\">"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("type=\"expectation\">shared/base.yaml:5:7: p50(arr)"), std::string::npos)
      << xml;
  // Without a file of its own, the scenario's.
  EXPECT_NE(xml.find("name=\"mine\" file=\"plans/a.yaml\" line=\"3\" time=\"0\">"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("type=\"expectation\">plans/a.yaml:3:1: p50(arr)"), std::string::npos) << xml;
}

TEST(JunitTest, EveryTestsuiteAndTestcaseHasATime) {
  // Without time, dorny/test-reporter showed "NaNms" and surefire's report failed on null: the
  // testsuites element, each testsuite and each testcase get time="0" (checking an assertion
  // reads results already made), a suite that could not run too.
  const RunSummary summary = testing::fake_summary(24);
  const Expectation pass{"arr", 24, "p50", Comparison::kGreaterEqual, 1, "up", {}};
  const Expectation fail{"arr", 24, "p50", Comparison::kLess, 1, "down", {}};
  const ExpectationSuite ran{"a", "a.yaml", check_expectations({pass, fail}, summary), ""};
  const ExpectationSuite broken{"b", "b.yaml", {}, "invalid scenario (1 problem)"};
  const std::string xml = junit_xml({ran, broken});
  EXPECT_EQ(testing::xml_problem(xml), "") << xml;
  const auto count = [&xml](const std::string& text) {
    std::size_t n = 0;
    for (std::size_t at = xml.find(text); at != std::string::npos; at = xml.find(text, at + 1)) ++n;
    return n;
  };
  // 1 testsuites + 2 testsuite + 3 testcase (up, down, and b's run) elements.
  EXPECT_EQ(count("<testsuite"), 3u);
  EXPECT_EQ(count("<testcase "), 3u);
  EXPECT_EQ(count(" time=\"0\""), 6u) << xml;
}

TEST(JunitTest, XmlCheckerCatchesMistakes) {
  EXPECT_NE(testing::xml_problem("<a><b></a></b>"), "");
  EXPECT_NE(testing::xml_problem("<a>&nbsp;</a>"), "");
  EXPECT_NE(testing::xml_problem("<a x=\"1></a>"), "");
  EXPECT_EQ(testing::xml_problem("<?xml version=\"1.0\"?>\n<a><b/>x &amp; y</a>\n"), "");
}

}  // namespace
}  // namespace teamsim::app
