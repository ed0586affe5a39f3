#include "app/cli/histogram_option.h"

#include <gtest/gtest.h>

#include <exception>
#include <functional>
#include <string>
#include <vector>

#include "app/common/errors.h"

namespace teamsim::app {
namespace {

// The messages of the UsageError `call` throws and of each error nested in it, outermost first.
std::vector<std::string> refusal(const std::function<void()>& call) {
  std::vector<std::string> messages;
  const std::function<void(const std::exception&)> collect = [&](const std::exception& e) {
    messages.push_back(e.what());
    try {
      std::rethrow_if_nested(e);
    } catch (const std::exception& cause) {
      collect(cause);
    }
  };
  try {
    call();
    messages.push_back("(no UsageError)");
  } catch (const UsageError& e) {
    collect(e);
  }
  return messages;
}

using Messages = std::vector<std::string>;

TEST(HistogramOptionTest, RequestsAreCheckedAgainstTheRun) {
  const std::vector<std::string> names = {"arr", "customers", "cash"};
  const HistogramRequest ok = parse_histogram_request("customers@12", names, 24);
  EXPECT_EQ(ok.metric, "customers");
  EXPECT_EQ(ok.month, 12);
  EXPECT_EQ(parse_histogram_request("arr@last", names, 24).month, 24);
  // The option as written is the context, the reason nested in it.
  EXPECT_EQ(refusal([&] { parse_histogram_request("ar@12", names, 24); }),
            (Messages{"--histogram ar@12", "unknown metric 'ar'; did you mean 'arr'?"}));
  EXPECT_EQ(refusal([&] { parse_histogram_request("arr@25", names, 24); }),
            (Messages{"--histogram arr@25", "month 25 is outside the horizon of 24 months"}));
  EXPECT_EQ(refusal([&] { parse_histogram_request("arr@soon", names, 24); }),
            (Messages{"--histogram arr@soon",
                      "'soon' is not a month: give a month number from 1, 'last', or with a "
                      "start_date a calendar month such as 2028-12"}));
  EXPECT_EQ(
      refusal([&] { parse_histogram_request("arr", names, 24); }),
      (Messages{"--histogram arr", "'arr' is not METRIC@MONTH (e.g. arr@24 or customers@last)"}));
}

// With a start date (Nov 2027) a calendar month is its month of the plan: Jan 2028 is month 3.
TEST(HistogramOptionTest, ACalendarMonthNeedsAndFollowsTheStartDate) {
  const std::vector<std::string> names = {"arr"};
  const CalendarMonth november{2027, 11};
  EXPECT_EQ(parse_histogram_request("arr@2028-01", names, 24, november).month, 3);
  EXPECT_EQ(refusal([&] { parse_histogram_request("arr@2029-11", names, 24, november); }),
            (Messages{"--histogram arr@2029-11",
                      "2029-11 is past the horizon: the plan runs from 2027-11 (start_date) to "
                      "2029-10 (horizon_months 24)"}));
  const Messages undated = refusal([&] { parse_histogram_request("arr@2028-01", names, 24); });
  ASSERT_EQ(undated.size(), 2u);
  EXPECT_EQ(undated[1].rfind("2028-01 is a calendar month, but the scenario has no start_date", 0),
            0u);
}

TEST(HistogramOptionTest, OptionsAreParsedOnceAndResolvedPerScenario) {
  // The form alone, before any scenario: "last" stays unresolved.
  const HistogramOption last = parse_histogram_option("territory.emea.leads@last");
  EXPECT_EQ(last.metric, "territory.emea.leads");
  EXPECT_FALSE(last.month);
  EXPECT_EQ(parse_histogram_option("arr@36").month, 36);
  for (const char* bad : {"arr", "@12", "arr@", "arr@0", "arr@-3", "arr@1.5", "arr@soon"}) {
    EXPECT_THROW(parse_histogram_option(bad), UsageError) << bad;
  }
  // Then against each scenario: "last" is each one's horizon; a month past it or a metric the
  // scenario lacks is refused with the reason.
  const std::vector<std::string> names = {"arr", "territory.emea.leads"};
  EXPECT_EQ(resolve_histogram_option(last, names, 24).month, 24);
  EXPECT_EQ(resolve_histogram_option(last, names, 12).month, 12);
  const HistogramOption month_36 = parse_histogram_option("arr@36");
  EXPECT_EQ(resolve_histogram_option(month_36, names, 36).month, 36);
  EXPECT_EQ(refusal([&] { resolve_histogram_option(month_36, names, 24); }),
            Messages{"month 36 is outside the horizon of 24 months"});
  EXPECT_EQ(refusal([&] {
              resolve_histogram_option(last, {"arr", "territory.apac.leads"}, 24);
            }),
            Messages{"unknown metric 'territory.emea.leads'; the metrics are the rows of "
                     "summary.csv (docs/metrics.md)"});
  // A close name is still suggested.
  EXPECT_EQ(refusal([&] { resolve_histogram_option(parse_histogram_option("ar@12"), names, 24); }),
            Messages{"unknown metric 'ar'; did you mean 'arr'?"});
}

}  // namespace
}  // namespace teamsim::app
