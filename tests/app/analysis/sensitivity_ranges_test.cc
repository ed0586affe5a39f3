#include "app/analysis/sensitivity_ranges.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/common/errors.h"
#include "app/scenario/scenario_resolver.h"

namespace teamsim::app {
namespace {

constexpr const char* kScenario =
    "horizon_months: 6\n"
    "territories: {east: {inbound_leads_per_month: 20}}\n"
    "starting_staff: [{role: account_executive, count: 2}]\n"
    "pipeline: {win_rate: 0.25, deal_size_acv: {dist: lognormal, median: 12000, p90: 30000}}\n";

model::ScenarioSpec spec() {
  LoadResult loaded = resolve_scenario_string(kScenario, "plan.yaml", {});
  EXPECT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  return loaded.spec.value_or(model::ScenarioSpec{});
}

/// The message of the UsageError `ranges` throws, or "" when it throws none.
std::string error_of(const std::vector<std::string>& ranges) {
  try {
    constant_ranges(ranges, spec());
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

TEST(SensitivityRanges, ReadsAPercentageOrAFractionForAllOrForOneKey) {
  EXPECT_DOUBLE_EQ(parse_range_option("20%").range, 0.2);
  EXPECT_EQ(parse_range_option("20%").key_path, "");
  EXPECT_DOUBLE_EQ(parse_range_option("0.35").range, 0.35);
  const RangeOption one = parse_range_option("pipeline.win_rate=50%");
  EXPECT_EQ(one.key_path, "pipeline.win_rate");
  EXPECT_DOUBLE_EQ(one.range, 0.5);
  EXPECT_DOUBLE_EQ(parse_range_option("money.starting_cash=0%").range, 0);
  EXPECT_DOUBLE_EQ(parse_range_option("100%").range, 1);
}

TEST(SensitivityRanges, EachBadFormIsAUsageErrorSayingWhatToWrite) {
  EXPECT_EQ(error_of({"twenty"}),
            "--range 'twenty': not a range; write a percentage such as 20%, or KEY.PATH=30% for "
            "one key");
  EXPECT_EQ(error_of({"=20%"}),
            "--range '=20%': no key before '='; write a percentage such as 20%, or KEY.PATH=30% "
            "for one key");
  EXPECT_EQ(error_of({"pipeline.win_rate="}),
            "--range 'pipeline.win_rate=': not a range; write a percentage such as 20%, or "
            "KEY.PATH=30% for one key");
  EXPECT_EQ(error_of({"150%"}),
            "--range '150%': must be between 0% and 100% (a constant moves to its value × (1 − "
            "range) and × (1 + range))");
  EXPECT_EQ(error_of({"-5%"}).rfind("--range '-5%': must be between 0% and 100%", 0), 0u);
}

TEST(SensitivityRanges, PerKeyRangesApplyToTheirKeyAndTheRestGetTheDefault) {
  const ConstantRanges ranges = constant_ranges(
      {"10%", "territories.east.inbound_leads_per_month=50%", "pipeline.win_rate=0%"}, spec());
  EXPECT_DOUBLE_EQ(ranges.all, 0.1);
  EXPECT_DOUBLE_EQ(ranges.of("territories.east.inbound_leads_per_month"), 0.5);
  EXPECT_DOUBLE_EQ(ranges.of("pipeline.win_rate"), 0);
  EXPECT_DOUBLE_EQ(ranges.of("money.starting_cash"), 0.1);
  EXPECT_DOUBLE_EQ(constant_ranges({}, spec()).all, 0.2);
}

TEST(SensitivityRanges, AMisspeltKeyGetsADidYouMean) {
  EXPECT_EQ(error_of({"territories.east.inbound_lead_per_month=30%"}),
            "--range 'territories.east.inbound_lead_per_month=30%': "
            "territories.east.inbound_lead_per_month is not a constant of this scenario; did you "
            "mean 'territories.east.inbound_leads_per_month'?");
  EXPECT_EQ(error_of({"pipeline.win_rat=30%"}),
            "--range 'pipeline.win_rat=30%': pipeline.win_rat is not a constant of this "
            "scenario; did you mean 'pipeline.win_rate'?");
}

TEST(SensitivityRanges, ADistributionOrADecisionIsNotVariedByARange) {
  EXPECT_EQ(error_of({"pipeline.deal_size_acv=30%"}),
            "--range 'pipeline.deal_size_acv=30%': pipeline.deal_size_acv is a distribution; it "
            "is varied between its p10 and p90, not by --range (give it as one number to vary it "
            "by a range)");
  EXPECT_EQ(error_of({"horizon_months=10%"}),
            "--range 'horizon_months=10%': horizon_months is not an assumption sensitivity "
            "varies (months and counts of hires, the horizon, mix shares and policies are the "
            "plan's decisions: compare or sweep them)");
  EXPECT_EQ(error_of({"starting_staff[0].count=10%"})
                .rfind("--range 'starting_staff[0].count=10%': starting_staff[0].count is not an "
                       "assumption sensitivity varies",
                       0),
            0u);
}

TEST(SensitivityRanges, ARangeGivenTwiceIsAnError) {
  EXPECT_EQ(error_of({"10%", "20%"}),
            "--range '20%': the range of every constant is given twice (once is enough; "
            "KEY.PATH=30% sets one key's)");
  EXPECT_EQ(error_of({"pipeline.win_rate=10%", "pipeline.win_rate=30%"}),
            "--range 'pipeline.win_rate=30%': pipeline.win_rate is given twice (10% before)");
}

}  // namespace
}  // namespace teamsim::app
