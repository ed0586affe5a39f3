// CustomerBase on its own: terms and renewals, churn with and without customer-success coverage,
// upfront billing, the month close and a churned account's cool-off; renewals as events and
// replayed at month ends, which must agree. Expected values by hand.
#include "models/customer_base.h"

#include <gtest/gtest.h>

#include "models/random_draws.h"
#include "models/segment_mix.h"
#include "tests/models/component_harness.h"

namespace teamsim::model {
namespace {

constexpr RenewalMode kBothModes[] = {RenewalMode::kEvents, RenewalMode::kReplayWhenExact};

struct CustomersAlone : ComponentHarness {
  explicit CustomersAlone(ScenarioSpec scenario, RenewalMode mode = RenewalMode::kReplayWhenExact)
      : ComponentHarness(std::move(scenario)),
        accounts(spec.territories),
        customers(context, accounts, mode) {}

  /// Renewals up to `day` as the replication runs them: events, or replayed at each month end
  /// (day is then past it), with customer success's `covered_accounts` from now on.
  void run_until(double day, std::int64_t covered_accounts = 0) {
    if (!customers.replays_renewals()) {
      ComponentHarness::run_until(day, [&](EventKind kind, std::uint32_t subject) {
        ASSERT_EQ(kind, EventKind::kCustomerRenewal);
        customers.renew(subject, covered_accounts);
      });
      return;
    }
    customers.customer_success_changed(simulator.now(), covered_accounts);
    for (;;) {
      const double month_end = (months_replayed + 1) * kDaysPerMonth;
      if (month_end > day) break;
      ComponentHarness::run_until(month_end, [](EventKind, std::uint32_t) {
        FAIL() << "an event while renewals are replayed";
      });
      customers.replay_renewals(month_end);
      ++months_replayed;
    }
    ComponentHarness::run_until(day, [](EventKind, std::uint32_t) {});
  }
  sim::Rng rng(std::uint64_t i) const { return context.substream(Stream::kInitialCustomer, i); }

  AccountPool accounts;
  CustomerBase customers;
  int months_replayed = 0;
};

TEST(CustomerBaseTest, MonthlyCustomersRenewEachMonthAndGrowByTheirExpansion) {
  ScenarioSpec spec = quiet_scenario(3);
  spec.customers.annual_contract_share = 0;
  spec.customers.monthly_expansion = Distribution::constant(0.01);
  for (const RenewalMode mode : kBothModes) {
    SCOPED_TRACE(mode == RenewalMode::kEvents ? "events" : "replayed");
    CustomersAlone model(spec, mode);
    model.customers.add(1000, model.rng(0), 0, kUnassigned);
    model.customers.add(500, model.rng(1), 0, kUnassigned);
    EXPECT_DOUBLE_EQ(model.customers.mrr(), 1500);
    // Two renewals, each +1 %: 1500 x 1.01^2, the revenue rate following.
    model.run_until(2 * kDaysPerMonth + 1);
    EXPECT_NEAR(model.customers.mrr(), 1500 * 1.01 * 1.01, 1e-9);
    EXPECT_NEAR(model.context.ledger.revenue_per_day(), 1500 * 1.01 * 1.01 / kDaysPerMonth, 1e-12);
    EXPECT_EQ(model.context.month.renewals, 4);
  }
}

TEST(CustomerBaseTest, ChurnIsCertainWithoutCoverageAndImpossibleWithFullCoverage) {
  ScenarioSpec spec = quiet_scenario(2);
  spec.customers.annual_contract_share = 0;
  spec.customers.monthly_churn = 1;
  spec.customers.covered_churn_factor = 0;
  spec.customers.covered_expansion_bonus = 0;
  for (const RenewalMode mode : kBothModes) {
    for (const std::int64_t covered_accounts : {0, 10}) {
      SCOPED_TRACE(mode == RenewalMode::kEvents ? "events" : "replayed");
      CustomersAlone model(spec, mode);
      for (std::uint64_t i = 0; i < 10; ++i) {
        model.customers.add(100, model.rng(i), 0, kUnassigned);
      }
      model.run_until(kDaysPerMonth + 1, covered_accounts);
      // 10 accounts cover all 10 customers: churn x 0; none cover nobody: churn 1.
      EXPECT_EQ(model.customers.active(), covered_accounts == 0 ? 0u : 10u);
      EXPECT_EQ(model.context.month.churned, covered_accounts == 0 ? 10 : 0);
      EXPECT_DOUBLE_EQ(model.customers.mrr(), covered_accounts == 0 ? 0 : 1000);
    }
  }
}

TEST(CustomerBaseTest, AnUpfrontAnnualCustomerPaysItsYearAtOnce) {
  ScenarioSpec spec = quiet_scenario(12);
  spec.customers.annual_contract_share = 1;
  spec.customers.annual_billing = AnnualBilling::kUpfront;
  for (const RenewalMode mode : kBothModes) {
    SCOPED_TRACE(mode == RenewalMode::kEvents ? "events" : "replayed");
    CustomersAlone model(spec, mode);
    model.customers.add(1000, model.rng(0), 0, kUnassigned);
    EXPECT_DOUBLE_EQ(model.context.ledger.cash(), 12'000);
    EXPECT_DOUBLE_EQ(model.context.ledger.period_collections(), 12'000);
    // Earned month by month, with no more cash until the renewal a year later.
    model.run_until(6 * kDaysPerMonth);
    model.context.ledger.accrue_to(6 * kDaysPerMonth);
    EXPECT_NEAR(model.context.ledger.period_revenue(), 6'000, 1e-6);
    EXPECT_NEAR(model.context.ledger.cash(), 12'000, 1e-6);
  }
}

TEST(CustomerBaseTest, TheMonthCloseKeepsEachCustomersMrrForItsCohort) {
  ScenarioSpec spec = quiet_scenario(2);
  CustomersAlone model(spec);
  model.customers.add(250, model.rng(0), 0, kUnassigned);
  model.customers.close_month(1);
  EXPECT_DOUBLE_EQ(model.customers.mrr_at(1)[0], 250);
  EXPECT_DOUBLE_EQ(model.customers.mrr_at(0)[0], 250);  // day 0's snapshot, kept from the start
  EXPECT_EQ(model.customers.customers()[0].first_month, 0);  // started with: day 0's cohort
  EXPECT_DOUBLE_EQ(model.customers.mrr(), 250);
  // A customer won after month 1 closed is in month 2's snapshot, and the first one still in
  // month 1's; month 14's snapshot takes month 1's place (13 months are kept).
  model.context.months_closed = 1;
  model.customers.add(400, model.rng(1), 0, kUnassigned);
  EXPECT_EQ(model.customers.customers()[1].first_month, 2);
  model.customers.close_month(2);
  EXPECT_DOUBLE_EQ(model.customers.mrr_at(2)[0], 250);
  EXPECT_DOUBLE_EQ(model.customers.mrr_at(2)[1], 400);
  EXPECT_DOUBLE_EQ(model.customers.mrr_at(1)[0], 250);
  model.customers.close_month(14);
  EXPECT_DOUBLE_EQ(model.customers.mrr_at(14)[1], 400);
  EXPECT_DOUBLE_EQ(model.customers.mrr_at(1)[1], 400);
}

// Three territories of 10 accounts with 5, 0 and 7 initial customers: customers 0-4 are in a,
// 5-11 in c, whatever the lead flow says (b has the most leads), so a keeps 10 - 5 accounts free
// and c 10 - 7. Each customer still draws its territory uniform, so its MRR, term, contract and
// coverage draws are those it has when the same customers are spread by the lead flow.
TEST(CustomerBaseTest, InitialCustomersAreInTheTerritoriesTheirCountsName) {
  ScenarioSpec spread = quiet_scenario(1);
  spread.territories = {TerritorySpec{"a", 1, 10}, TerritorySpec{"b", 50, 10},
                        TerritorySpec{"c", 0, 10}};
  spread.customers.initial_customers = 12;
  spread.customers.initial_mrr = Distribution::uniform(100, 200);
  spread.customers.annual_contract_share = 0.5;
  ScenarioSpec placed = spread;
  placed.territories[0].initial_customers = 5;
  placed.territories[1].initial_customers = 0;
  placed.territories[2].initial_customers = 7;
  ASSERT_FALSE(initial_customers_placed(spread.territories));
  ASSERT_TRUE(initial_customers_placed(placed.territories));

  CustomersAlone by_leads(spread);
  by_leads.customers.add_initial(SegmentMix(spread));
  CustomersAlone by_count(placed);
  by_count.customers.add_initial(SegmentMix(placed));
  const auto& customers = by_count.customers.customers();
  ASSERT_EQ(customers.size(), 12u);
  for (std::size_t i = 0; i < customers.size(); ++i) {
    EXPECT_EQ(customers[i].territory, i < 5 ? 0u : 2u) << "customer " << i;
    const CustomerBase::Customer& same = by_leads.customers.customers()[i];
    EXPECT_EQ(customers[i].mrr, same.mrr) << "customer " << i;
    EXPECT_EQ(customers[i].annual, same.annual) << "customer " << i;
    EXPECT_EQ(customers[i].renews_at, same.renews_at) << "customer " << i;
    EXPECT_EQ(customers[i].coverage_draw, same.coverage_draw) << "customer " << i;
  }
  EXPECT_EQ(by_count.accounts.available_after(0, 0), 5);
  EXPECT_EQ(by_count.accounts.available_after(1, 0), 10);
  EXPECT_EQ(by_count.accounts.available_after(2, 0), 3);
}

TEST(CustomerBaseTest, AChurnedCustomersAccountCoolsOff) {
  ScenarioSpec spec = quiet_scenario(3);
  spec.territories = {TerritorySpec{"only", 0, 10}};
  spec.territories[0].cool_off_months = 1;
  spec.customers.annual_contract_share = 0;
  spec.customers.monthly_churn = 1;
  for (const RenewalMode mode : kBothModes) {
    SCOPED_TRACE(mode == RenewalMode::kEvents ? "events" : "replayed");
    CustomersAlone model(spec, mode);
    model.accounts.occupy(0);  // the account the won deal took
    model.customers.add(100, model.rng(0), 0, kUnassigned);
    model.run_until(kDaysPerMonth + 1);
    EXPECT_EQ(model.accounts.available_after(0, kDaysPerMonth + 1), 9);  // cooling off
    EXPECT_EQ(model.accounts.available_after(0, 2 * kDaysPerMonth + 1), 10);
  }
}

// Renewals are replayed only where a churn's account, released at the month end, changes
// nothing seen meanwhile: every finite territory cools off for a month or more.
TEST(CustomerBaseTest, RenewalsAreReplayedOnlyWithCoolOffsOfAMonthOrMore) {
  ScenarioSpec spec = quiet_scenario(3);
  spec.territories = {TerritorySpec{"only", 0, 10}};
  for (const double cool_off_months : {0.0, 0.5, 0.99, 1.0, 6.0}) {
    spec.territories[0].cool_off_months = cool_off_months;
    CustomersAlone model(spec);
    EXPECT_EQ(model.customers.replays_renewals(), cool_off_months >= 1)
        << cool_off_months << " months";
    CustomersAlone events(spec, RenewalMode::kEvents);
    EXPECT_FALSE(events.customers.replays_renewals());
  }
  spec.territories[0].accounts = 0;  // unlimited: no cool-off counts
  spec.territories[0].cool_off_months = 0;
  EXPECT_TRUE(CustomersAlone(spec).customers.replays_renewals());
}

// A replayed renewal sees the coverage customer success had at its own time, and the active
// customers then: 10 customers renewing at day 30.4375, 10 accounts covering them from day 10
// to day 20 only (none then): every one churns, as in the event path at day 30.4375.
TEST(CustomerBaseTest, AReplayedRenewalSeesTheCoverageAtItsTime) {
  ScenarioSpec spec = quiet_scenario(2);
  spec.customers.annual_contract_share = 0;
  spec.customers.monthly_churn = 1;
  spec.customers.covered_churn_factor = 0;
  for (const bool covered_at_renewal : {false, true}) {
    CustomersAlone model(spec);
    ASSERT_TRUE(model.customers.replays_renewals());
    for (std::uint64_t i = 0; i < 10; ++i) {
      model.customers.add(100, model.rng(i), 0, kUnassigned);
    }
    model.customers.customer_success_changed(10, 10);
    if (!covered_at_renewal) model.customers.customer_success_changed(20, 0);
    model.simulator.run_until(kDaysPerMonth, [](const sim::Event&) {});
    EXPECT_EQ(model.customers.replay_renewals(kDaysPerMonth), 10u);
    EXPECT_EQ(model.customers.active(), covered_at_renewal ? 10u : 0u);
    EXPECT_EQ(model.context.month.churned, covered_at_renewal ? 0 : 10);
  }
}

TEST(CustomerBaseTest, PassingTheCustomerLimitSaysSo) {
  ScenarioSpec spec = quiet_scenario(1);
  ComponentHarness harness(spec);
  ModelContext limited(harness.spec, harness.simulator, 7, 3, nullptr,
                       ReplicationLimits{1, 1, 1, 1});
  AccountPool accounts(harness.spec.territories);
  CustomerBase customers(limited, accounts);
  customers.add(1, harness.context.substream(Stream::kInitialCustomer, 0), 0, kUnassigned);
  try {
    customers.add(1, harness.context.substream(Stream::kInitialCustomer, 1), 0, kUnassigned);
    FAIL() << "no LimitExceeded";
  } catch (const LimitExceeded& error) {
    EXPECT_NE(std::string(error.what()).find("replication 3 passed the limit of 1 customers"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace teamsim::model
