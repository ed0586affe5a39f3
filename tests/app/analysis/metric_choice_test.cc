#include "app/analysis/metric_choice.h"

#include <gtest/gtest.h>

#include "app/common/errors.h"
#include "models/defaults.h"

namespace teamsim::app {
namespace {

std::string error_of(const std::string& metric, std::optional<int> month) {
  const model::MetricLayout layout(model::default_scenario());
  try {
    choose_metric(layout, 24, metric, month);
    return "";
  } catch (const UsageError& e) {
    return e.what();
  }
}

TEST(MetricChoice, FindsTheMetricAndDefaultsToTheLastMonth) {
  const model::ScenarioSpec spec = model::default_scenario();
  const model::MetricLayout layout(spec);
  const MetricChoice choice = choose_metric(layout, 24, "arr", std::nullopt);
  EXPECT_EQ(choice.name, "arr");
  EXPECT_EQ(choice.unit, "currency");
  EXPECT_EQ(choice.month, 24);
  EXPECT_EQ(choice.index, layout.find("arr"));
  EXPECT_EQ(choose_metric(layout, 24, "headcount.sales_manager", 3).month, 3);
}

TEST(MetricChoice, UnknownMetricSuggestsTheClosest) {
  EXPECT_EQ(error_of("ar", 12), "--metric 'ar': unknown metric; did you mean 'arr'?");
  EXPECT_EQ(error_of("new_booking", 12),
            "--metric 'new_booking': unknown metric; did you mean 'new_bookings'?");
  // Two close names are both said, as in a scenario's expect: and --histogram.
  EXPECT_EQ(error_of("bookings", 12),
            "--metric 'bookings': unknown metric; did you mean 'new_bookings' or "
            "'bookings_per_ae'?");
  EXPECT_EQ(error_of("cycle_days", 12),
            "--metric 'cycle_days': unknown metric; did you mean 'avg_cycle_days'?");
  EXPECT_EQ(error_of("zzzzzzzz", 12),
            "--metric 'zzzzzzzz': unknown metric; the metrics are the rows of summary.csv "
            "(docs/metrics.md)");
}

TEST(MetricChoice, MonthOutsideTheHorizon) {
  EXPECT_EQ(error_of("arr", 25), "--month 25: the scenario runs 24 months (1..24)");
  EXPECT_EQ(error_of("arr", 0), "--month 0: the scenario runs 24 months (1..24)");
  EXPECT_EQ(error_of("arr", 24), "");
}

TEST(MetricChoice, AMonthBeforeTheMetricsFirstValueIsRefused) {
  // grr_t12m is undefined in every history before month 12: --precision ran to its cap of
  // 20,000 replications for "n/a ± n/a", and a sensitivity would rank nothing.
  EXPECT_EQ(error_of("grr_t12m", 6),
            "--month 6: grr_t12m has no value before month 12 (gross revenue retention of the "
            "cohort active 12 months earlier), in any replication; choose month 12 or "
            "later");
  EXPECT_EQ(error_of("grr_t12m", 12), "");
  EXPECT_EQ(error_of("employee_retention_t12m", std::nullopt), "");
}

}  // namespace
}  // namespace teamsim::app
