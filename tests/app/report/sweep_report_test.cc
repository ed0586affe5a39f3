#include "app/report/sweep_report.h"

#include <gtest/gtest.h>

#include <string>

namespace teamsim::app {
namespace {

// A sweep of one variant of a file with variants, with a --set applied at every point.
SweepReportData variant_sweep() {
  SweepReportData data;
  data.scenario_file = "plans.yaml";
  data.scenario_name = "Seed-stage hiring order [reps_first]";
  data.variant = "reps_first";
  data.overrides = {"money.starting_cash=2000000"};
  data.parameters = {"pipeline.win_rate"};
  data.metric = "arr";
  data.unit = "currency";
  data.currency = "USD";
  data.month = 24;
  data.replications = 100;
  data.seed = 42;
  data.points = {{{"0.15"}, 1e6, 1.4e6, 1.8e6, 1.4e6}, {{"0.25"}, 1.5e6, 2.2e6, 2.9e6, 2.2e6}};
  return data;
}

TEST(SweepReport, ThePageSaysWhichVariantWasSweptAndWhatSetChanged) {
  const SweepReportData data = variant_sweep();
  const std::string html = render_sweep_html(data, sweep_chart(data), "2026-12-05 08:00 UTC");
  EXPECT_NE(html.find("Seed-stage hiring order [reps_first], varying pipeline.win_rate"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<dt>Variant</dt><dd>reps_first</dd>"), std::string::npos) << html;
  EXPECT_NE(html.find("<dt>--set (every point)</dt><dd>money.starting_cash=2000000</dd>"),
            std::string::npos)
      << html;
}

TEST(SweepReport, ABaseScenarioWithoutSetHasNeitherFact) {
  SweepReportData data = variant_sweep();
  data.scenario_name = "Seed-stage hiring order";
  data.variant.clear();
  data.overrides.clear();
  const std::string html = render_sweep_html(data, sweep_chart(data), "2026-12-05 08:00 UTC");
  EXPECT_NE(html.find("Seed-stage hiring order, varying pipeline.win_rate"), std::string::npos);
  EXPECT_EQ(html.find("<dt>Variant</dt>"), std::string::npos);
  EXPECT_EQ(html.find("<dt>--set"), std::string::npos);
}

}  // namespace
}  // namespace teamsim::app
