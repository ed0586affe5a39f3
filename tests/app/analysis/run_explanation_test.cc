#include "app/analysis/run_explanation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "tests/models/test_scenarios.h"

namespace teamsim::app {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A metric whose monthly means are `means` (percentiles all equal to them).
MetricSummary metric(const std::string& name, const std::vector<double>& means) {
  MetricSummary m;
  m.info.name = name;
  m.info.unit = "count";
  const auto months = static_cast<Eigen::Index>(means.size());
  m.stats.mean = Eigen::Map<const Eigen::VectorXd>(means.data(), months);
  m.stats.se = Eigen::VectorXd::Zero(months);
  m.stats.percentiles.resize(months, static_cast<Eigen::Index>(sim::kPercentileNames.size()));
  for (Eigen::Index p = 0; p < m.stats.percentiles.cols(); ++p) {
    m.stats.percentiles.col(p) = m.stats.mean;
  }
  return m;
}

std::vector<double> ramp(int months, double start, double step) {
  std::vector<double> v;
  for (int m = 0; m < months; ++m) v.push_back(start + step * m);
  return v;
}

TEST(RunExplanationTest, TheFunnelsYearSumsAreTheSumsOfTheMonthlyMeans) {
  RunSummary summary;
  summary.horizon_months = 18;  // a whole year and a half year
  summary.metrics = {
      metric("leads", ramp(18, 20, 1)),           metric("leads_disqualified", ramp(18, 1, 0)),
      metric("leads_unworked", ramp(18, 0, 0.5)), metric("leads_not_converted", ramp(18, 2, 0)),
      metric("deals_won", ramp(18, 3, 0.1)),      metric("deals_lost", ramp(18, 9, 0))};
  // Conservation as docs/metrics.md defines it: opportunities = leads - disqualified - unworked
  // - not converted, month by month.
  std::vector<double> opportunities;
  for (int m = 0; m < 18; ++m) opportunities.push_back((20 + m) - 1 - 0.5 * m - 2);
  summary.metrics.push_back(metric("opportunities_opened", opportunities));
  const RunExplanation e = explain_run(summary);
  ASSERT_EQ(e.funnel.size(), 2u);
  double leads = 0, unworked = 0, opps = 0, won = 0;
  for (int m = 0; m < 12; ++m) {
    leads += 20 + m;
    unworked += 0.5 * m;
    opps += opportunities[static_cast<std::size_t>(m)];
    won += 3 + 0.1 * m;
  }
  const FunnelYear& y1 = e.funnel[0];
  EXPECT_EQ(y1.first_month, 1);
  EXPECT_EQ(y1.last_month, 12);
  EXPECT_DOUBLE_EQ(y1.leads, leads);
  EXPECT_DOUBLE_EQ(y1.disqualified, 12);
  EXPECT_DOUBLE_EQ(y1.unworked, unworked);
  EXPECT_DOUBLE_EQ(y1.worked, leads - 12 - unworked);
  EXPECT_DOUBLE_EQ(y1.opportunities, opps);
  EXPECT_DOUBLE_EQ(y1.worked - y1.not_converted, y1.opportunities);
  EXPECT_DOUBLE_EQ(y1.won, won);
  EXPECT_DOUBLE_EQ(e.constraints[0].unworked_share, unworked / leads);
  EXPECT_EQ(e.funnel[1].first_month, 13);
  EXPECT_EQ(e.funnel[1].last_month, 18);
  EXPECT_DOUBLE_EQ(e.funnel[1].disqualified, 6);
}

TEST(RunExplanationTest, UndefinedMonthsAreSkippedAndAnUndefinedYearIsNaNNotZero) {
  RunSummary summary;
  summary.horizon_months = 24;
  // Year 1: one hire on average in month 3 after 40 days, three in month 6 after 80 days each
  // on average (the metric's mean is already per hire): 4 hires, (40 + 3 x 80) / 4 = 70 days
  // each, whatever was still open at the year's end. Year 2 has no hires at all: its time to
  // hire is undefined.
  std::vector<double> open(24, 5), hires(24, 0), days(24, kNaN);
  hires[2] = 1;
  hires[5] = 3;
  days[2] = 40;
  days[5] = 80;
  std::vector<double> coverage(24, 1.0);
  coverage[0] = kNaN;
  for (std::size_t m = 1; m <= 4; ++m) coverage[m] = 0.5;
  summary.metrics = {
      metric("open_requisitions", open),     metric("hires", hires),
      metric("avg_time_to_hire_days", days), metric("management_coverage", coverage),
      metric("leads", ramp(24, 0, 0)),       metric("leads_unworked", ramp(24, 0, 0))};
  const RunExplanation e = explain_run(summary);
  EXPECT_DOUBLE_EQ(e.constraints[0].time_to_hire_days, 70);
  EXPECT_TRUE(std::isnan(e.constraints[1].time_to_hire_days));
  // The 11 defined months: (4 x 0.5 + 7 x 1) / 11 = 0.818, said as 81 % (rounded down).
  EXPECT_DOUBLE_EQ(e.constraints[0].management_coverage, 9.0 / 11);
  // No leads: the share is undefined, not 0 %, and nothing binds because of it.
  EXPECT_TRUE(std::isnan(e.constraints[0].unworked_share));
  // Without the metrics (a run with --metrics) the rest is undefined too.
  EXPECT_TRUE(std::isnan(e.constraints[0].recruiting_queue));
  // Year 2 binds on nothing that was kept; the queues and the specialists' wait were not kept, so
  // they are named, not taken to be free.
  EXPECT_EQ(e.binding[1],
            "none of the constraints kept binds; not known: recruiting, training, specialists "
            "(not kept with --metrics)");
  EXPECT_NE(e.binding[0].find("management (coverage 81%"), std::string::npos) << e.binding[0];
}

TEST(RunExplanationTest, AYearWithNothingToJudgeByIsNotSaidToHaveNoConstraint) {
  // A run with --metrics arr,cash keeps none of the constraint quantities: leads, queues,
  // coverage, specialists, accounts are all undefined, so what bound is not known.
  RunSummary summary;
  summary.horizon_months = 24;
  summary.metrics = {metric("arr", ramp(24, 100, 10)), metric("cash", ramp(24, 1000, -5))};
  const RunExplanation e = explain_run(summary);
  ASSERT_EQ(e.binding.size(), 2u);
  for (const std::string& binding : e.binding) {
    EXPECT_EQ(binding, "not known: none of the quantities above was kept (--metrics) or defined");
  }
  // One quantity known, and under its threshold: nothing binds that the run measured, and the
  // rest is named as not known rather than said to be free.
  summary.metrics.push_back(metric("management_coverage", std::vector<double>(24, 1.0)));
  EXPECT_EQ(explain_run(summary).binding[0],
            "none of the constraints kept binds; not known: capacity, recruiting, training, "
            "specialists (not kept with --metrics)");
}

TEST(RunExplanationTest, AConstraintNotKeptIsNamedNotTakenToBeFree) {
  // The founder recruits alone, one 90-day search at a time, for six AEs asked for at day 0:
  // 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1 requisitions wait at the month ends of year 1 (n - 1 -
  // floor(t / 90)), 38 / 12 on average. Six leads a month, none unworked.
  RunSummary summary;
  summary.horizon_months = 12;
  const std::vector<double> queue = {5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1};
  const std::vector<double> leads(12, 6), unworked(12, 0), zero(12, 0), covered(12, 1);
  summary.metrics = {metric("leads", leads),
                     metric("leads_unworked", unworked),
                     metric("recruiting_queue", queue),
                     metric("onboarding_queue", zero),
                     metric("management_coverage", covered),
                     metric("complex_opportunities", zero)};
  RunExplanation e = explain_run(summary);
  EXPECT_DOUBLE_EQ(e.constraints[0].recruiting_queue, 38.0 / 12);
  EXPECT_TRUE(e.constraints[0].not_kept.empty());
  EXPECT_EQ(e.binding[0], "recruiting (3.2 requisitions waiting for a search on average)");

  // Run with --metrics leads,leads_unworked: 0 % unworked is all the run measured. The
  // recruiting queue, which binds, was not kept: the year must not read "no constraint".
  summary.metrics.erase(summary.metrics.begin() + 2, summary.metrics.end());
  e = explain_run(summary);
  EXPECT_DOUBLE_EQ(e.constraints[0].unworked_share, 0);
  EXPECT_EQ(e.binding[0],
            "none of the constraints kept binds; not known: recruiting, training, management, "
            "specialists (not kept with --metrics)");

  // A constraint that binds is still said, with what was not kept after it.
  summary.metrics[1] = metric("leads_unworked", std::vector<double>(12, 3));
  e = explain_run(summary);
  EXPECT_EQ(e.binding[0],
            "capacity (50% of leads found no seller with room, or none yet); not known: "
            "recruiting, training, management, specialists (not kept with --metrics)");

  // Finite accounts whose metric was not kept are named too.
  summary.territory_accounts = {{"north", 500}};
  EXPECT_NE(explain_run(summary).binding[0].find("specialists, accounts (not kept"),
            std::string::npos);
}

TEST(RunExplanationTest, ACoverageJustUnderTheThresholdNeverReadsAsTheThreshold) {
  // Coverage 0.9 in eleven months and 0.867 in one: (9.9 + 0.867) / 12 = 0.89725, which binds
  // (below 90 %) and must read 89 %, not the 90 % that rounding to the nearest would show.
  RunSummary summary;
  summary.horizon_months = 12;
  std::vector<double> coverage(12, 0.9);
  coverage[11] = 0.867;
  summary.metrics = {metric("management_coverage", coverage)};
  const RunExplanation e = explain_run(summary);
  EXPECT_NEAR(e.constraints[0].management_coverage, 0.89725, 1e-12);
  EXPECT_NE(e.binding[0].find("management (coverage 89%: "), std::string::npos) << e.binding[0];
}

TEST(RunExplanationTest, TheSpecialistWaitIsPerDealHelpedAndBindsFromAWeek) {
  RunSummary summary;
  summary.horizon_months = 12;
  // 2 grants a month on average after 3 days in months 1-6, 0.5 a month after 20 days in months
  // 7-12: (6 x 2 x 3 + 6 x 0.5 x 20) / (12 + 3) = 96 / 15 = 6.4 days, under a week.
  std::vector<double> grants(12, 2), wait(12, 3);
  for (std::size_t m = 6; m < 12; ++m) {
    grants[m] = 0.5;
    wait[m] = 20;
  }
  summary.metrics = {metric("complex_opportunities", std::vector<double>(12, 3)),
                     metric("specialist_grants", grants),
                     metric("specialist_queue_wait_days", wait)};
  RunExplanation e = explain_run(summary);
  ASSERT_TRUE(e.has_specialists);
  EXPECT_DOUBLE_EQ(e.constraints[0].specialist_wait_days, 6.4);
  EXPECT_EQ(e.binding[0].find("specialists"), std::string::npos) << e.binding[0];

  // Month 12 with 3 grants after 30 days: (96 - 10 + 90) / (15 - 0.5 + 3) = 176 / 17.5.
  grants[11] = 3;
  wait[11] = 30;
  summary.metrics[1] = metric("specialist_grants", grants);
  summary.metrics[2] = metric("specialist_queue_wait_days", wait);
  e = explain_run(summary);
  EXPECT_DOUBLE_EQ(e.constraints[0].specialist_wait_days, 176 / 17.5);
  EXPECT_NE(e.binding[0].find("specialists (complex deals wait 10 days)"), std::string::npos)
      << e.binding[0];
}

TEST(RunExplanationTest, HiresAgainstThePlanReadTheRolesMetricsAtTheHorizon) {
  RunSummary summary;
  summary.horizon_months = 2;
  summary.planned_hires = {{"account_executive", 6, 1, false},
                           {"sales_manager", 1, 1, false},
                           {"account_executive", 4, 2, false}};
  summary.metrics = {metric("hired_to_date.account_executive", {2, 6}),
                     metric("recruiting_queue.account_executive", {7, 3}),
                     metric("headcount.account_executive", {2, 5})};
  const RunExplanation e = explain_run(summary);
  ASSERT_EQ(e.hiring.size(), 2u);
  const RoleHiring& ae = e.hiring[0];
  EXPECT_EQ(ae.role, "account_executive");
  EXPECT_EQ(ae.requested, 10);
  EXPECT_EQ(ae.opened.people, 10);
  EXPECT_EQ(ae.opened.first_month, 1);
  EXPECT_EQ(ae.opened.last_month, 2);
  EXPECT_EQ(ae.to_start.people, 0);
  EXPECT_EQ(ae.month, 2);
  EXPECT_EQ(ae.hired_p50, 6);
  EXPECT_EQ(ae.waiting_for_search, 3);
  EXPECT_EQ(ae.employed_p50, 5);
  EXPECT_TRUE(std::isnan(e.hiring[1].hired_p50));  // not kept: unknown, not 0
  // Without the plan's rules and backfills (a summary.json from before they were kept) a role's
  // hires may count both.
  EXPECT_TRUE(ae.backfilled);
  EXPECT_TRUE(ae.rule_hired);
}

TEST(RunExplanationTest, CashRunsOutWhereTheRunwayEnds) {
  // P(cash < 0 by month m) = mean cash_ever_negative: 0, 5 %, 12 %, 50 %. The runway ends where
  // it first reaches 10 %: month 3, in 12 % of the replications.
  RunSummary summary;
  summary.horizon_months = 4;
  summary.metrics = {metric("cash_ever_negative", {0, 0.05, 0.12, 0.5})};
  RunExplanation e = explain_run(summary);
  ASSERT_TRUE(e.cash_runs_out.has_value());
  EXPECT_EQ(e.cash_runs_out->month, 3);
  EXPECT_DOUBLE_EQ(e.cash_runs_out->share, 0.12);

  // Below 10 % throughout, or not kept: nothing to say.
  summary.metrics = {metric("cash_ever_negative", {0, 0.05, 0.08, 0.09})};
  EXPECT_FALSE(explain_run(summary).cash_runs_out.has_value());
  summary.metrics = {metric("cash", {1, 0, -1, -2})};
  EXPECT_FALSE(explain_run(summary).cash_runs_out.has_value());
}

TEST(RunExplanationTest, HiresDatedByTheirStartAreKeptApartFromThoseDatedByTheirOpening) {
  // AEs: 2 whose requisitions open in month 5, 1 to start in month 3, 4 to start in month 7.
  RunSummary summary;
  summary.horizon_months = 12;
  summary.planned_hires = {{"account_executive", 2, 5, false},
                           {"account_executive", 1, 3, true},
                           {"account_executive", 4, 7, true}};
  const RunExplanation e = explain_run(summary);
  ASSERT_EQ(e.hiring.size(), 1u);
  EXPECT_EQ(e.hiring[0].requested, 7);
  EXPECT_EQ(e.hiring[0].opened.people, 2);
  EXPECT_EQ(e.hiring[0].opened.first_month, 5);
  EXPECT_EQ(e.hiring[0].opened.last_month, 5);
  EXPECT_EQ(e.hiring[0].to_start.people, 5);
  EXPECT_EQ(e.hiring[0].to_start.first_month, 3);
  EXPECT_EQ(e.hiring[0].to_start.last_month, 7);
}

TEST(RunExplanationTest, AHireOfNobodyRequestsNoOne) {
  // `count: 0` switches a dated hire off (a what-if: --set 'hires[0].count=0'). It read "AEs: 0
  // requested (to start in month 0)", and a role hired that way only got a sentence of zeros.
  RunSummary summary;
  summary.horizon_months = 12;
  summary.planned_hires = {{"account_executive", 0, 3, false},
                           {"sales_manager", 0, 2, false},
                           {"account_executive", 2, 5, false}};
  const RunExplanation e = explain_run(summary);
  ASSERT_EQ(e.hiring.size(), 1u);
  EXPECT_EQ(e.hiring[0].role, "account_executive");
  EXPECT_EQ(e.hiring[0].requested, 2);
  EXPECT_EQ(e.hiring[0].opened.first_month, 5);
  EXPECT_EQ(e.hiring[0].opened.last_month, 5);
}

TEST(RunExplanationTest, ARolesHiresCountItsBackfillsAndRuleHiresOnlyWhenThePlanHasThem) {
  RunSummary summary;
  summary.horizon_months = 2;
  summary.planned_hires = {{"account_executive", 2, 1, false},
                           {"sales_manager", 1, 1, false},
                           {"customer_success", 1, 2, false}};
  summary.roles_hired_by_rules = std::vector<std::string>{"customer_success", "account_executive"};
  summary.roles_without_backfill = std::vector<std::string>{"account_executive"};
  const RunExplanation e = explain_run(summary);
  ASSERT_EQ(e.hiring.size(), 3u);
  EXPECT_FALSE(e.hiring[0].backfilled);
  EXPECT_TRUE(e.hiring[0].rule_hired);
  EXPECT_TRUE(e.hiring[1].backfilled);
  EXPECT_FALSE(e.hiring[1].rule_hired);
  EXPECT_TRUE(e.hiring[2].backfilled);
  EXPECT_TRUE(e.hiring[2].rule_hired);
}

TEST(RunExplanationTest, ShareOfLeadsUnworkedIsTheErlangLossOfOneSeller) {
  // One ramped seller who works at most one opportunity at once, each open for a constant D days,
  // and Poisson leads at rate λ: a loss system with one server, whose blocking probability is
  // Erlang B, ρ / (1 + ρ) with ρ = λ D, whatever the service time's distribution. λ = 2 a month,
  // D = 15 days: ρ = 30 / 30.4375 and a share of about 0.496 unworked. The warm start replays
  // the year before day 0, so month 1 starts near the stationary state.
  model::ScenarioSpec spec = model::quiet_scenario(36);
  model::role(spec, "account_executive").max_open_opportunities = 1;
  spec.starting_staff = {{"account_executive", 1, ""}};
  spec.territories[0].inbound_leads_per_month = 2;
  spec.pipeline.sales_cycle_days = sim::Distribution::constant(15);
  spec.pipeline.warm_start = true;
  const model::Projection projection = model::run(spec, 400);
  const RunExplanation e = explain_run(summarize_run(spec, projection, 7));
  const double rho = 2 * 15 / model::kDaysPerMonth;
  const double expected = rho / (1 + rho);
  // The standard error of each year's share, from the replications' own shares.
  const Eigen::MatrixXd leads = model::named(projection, "leads");
  const Eigen::MatrixXd unworked = model::named(projection, "leads_unworked");
  for (int year = 0; year < 3; ++year) {
    const Eigen::VectorXd l = leads.middleCols(12 * year, 12).rowwise().sum();
    const Eigen::VectorXd u = unworked.middleCols(12 * year, 12).rowwise().sum();
    const Eigen::ArrayXd share = u.array() / l.array().max(1);
    const double sd =
        std::sqrt((share - share.mean()).square().sum() / static_cast<double>(share.size() - 1));
    const double se = sd / std::sqrt(static_cast<double>(share.size()));
    EXPECT_NEAR(e.constraints[static_cast<std::size_t>(year)].unworked_share, expected, 4 * se)
        << "year " << year + 1;
    EXPECT_NE(e.binding[static_cast<std::size_t>(year)].find("capacity ("), std::string::npos)
        << e.binding[static_cast<std::size_t>(year)];
  }
}

}  // namespace
}  // namespace teamsim::app
