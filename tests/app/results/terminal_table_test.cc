#include "app/results/terminal_table.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "app/common/utf8.h"
#include "models/defaults.h"
#include "tests/app/results/small_run.h"

namespace teamsim::app {
namespace {

TEST(KeyMonthsTest, TheFirstThreeYearEndsAndTheHorizon) {
  EXPECT_EQ(key_months(36), (std::vector<int>{12, 24, 36}));
  EXPECT_EQ(key_months(48), (std::vector<int>{12, 24, 36, 48}));
  EXPECT_EQ(key_months(60), (std::vector<int>{12, 24, 36, 60}));
  EXPECT_EQ(key_months(30), (std::vector<int>{12, 24, 30}));
  EXPECT_EQ(key_months(24), (std::vector<int>{12, 24}));
}

TEST(KeyMonthsTest, AHorizonShorterThanAYearShowsItsLastMonth) {
  EXPECT_EQ(key_months(9), (std::vector<int>{9}));
  EXPECT_EQ(key_months(1), (std::vector<int>{1}));
}

TEST(KeyMetricTitleTest, ATitleDropsTheParentheticalOfTheTableRow) {
  EXPECT_EQ(key_metric_label("logo_churn"), "Logo churn (month)");
  EXPECT_EQ(key_metric_title("logo_churn"), "Logo churn");
  EXPECT_EQ(key_metric_title("ramped_capacity"), "Ramped AE capacity");
  EXPECT_EQ(key_metric_title("share_at_quota"), "Ramped AEs on quota");
  EXPECT_EQ(key_metric_title("arr"), "ARR");
  EXPECT_EQ(key_metric_title("win_rate"), "win_rate");  // not a key metric
}

TEST(KeyMetricsTableTest, AmountsInACurrencyWithoutASymbolShowItsCodeAndStayInColumns) {
  model::ScenarioSpec spec = model::default_scenario();
  spec.horizon_months = 12;
  spec.money.currency = "CHF";
  spec.money.starting_cash = 2'000'000;  // "CHF 1.99M" and the like: 9 characters and a space
  const std::string table = key_metrics_table(small_run(spec, 20, 3), 0);

  std::istringstream lines(table);
  std::string line;
  std::size_t width = 0;
  std::size_t rows = 0;
  while (std::getline(lines, line)) {
    if (line.find("│") == std::string::npos) continue;
    if (width == 0) width = utf8_width(line);
    EXPECT_EQ(utf8_width(line), width) << line;
    ++rows;
  }
  EXPECT_GT(rows, 3u);
  EXPECT_NE(table.find("Cash                       │  CHF 1."), std::string::npos) << table;
}

}  // namespace
}  // namespace teamsim::app
