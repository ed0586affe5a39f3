#include "models/defaults.h"

#include <utility>

namespace teamsim::model {

RoleSpec default_role(RoleKind kind, std::string name) {
  RoleSpec role;
  role.name = std::move(name);
  role.kind = kind;
  role.backfill = true;
  role.backfill_delay_days = sim::Distribution::constant(14);
  switch (kind) {
    case RoleKind::kAccountExecutive:
      role.annual_salary = 80'000;
      role.time_to_fill_days = sim::Distribution::lognormal_from_median_p90(45, 90);
      role.onboarding_days = sim::Distribution::constant(15);
      role.ramp_months = sim::Distribution::triangular(3, 4.5, 7);
      role.annual_attrition = 0.35;
      role.max_open_opportunities = 25;
      role.prospecting_leads_per_month = 4;
      break;
    case RoleKind::kSalesManager:
      role.annual_salary = 150'000;
      role.time_to_fill_days = sim::Distribution::lognormal_from_median_p90(60, 120);
      role.onboarding_days = sim::Distribution::constant(30);
      role.ramp_months = sim::Distribution::constant(3);
      role.annual_attrition = 0.25;
      break;
  }
  return role;
}

std::vector<RoleSpec> default_roles() {
  return {default_role(RoleKind::kAccountExecutive, "account_executive"),
          default_role(RoleKind::kSalesManager, "sales_manager")};
}

TerritorySpec default_territory() { return TerritorySpec{"all", 20}; }

PipelineSpec default_pipeline() {
  PipelineSpec pipeline;
  pipeline.win_rate = sim::Distribution::beta_from_mean_sd(0.20, 0.05);
  pipeline.deal_size_acv = sim::Distribution::lognormal_from_median_p90(12'000, 30'000);
  pipeline.sales_cycle_days = sim::Distribution::lognormal_from_median_p90(60, 120);
  return pipeline;
}

CustomerSpec default_customers() {
  CustomerSpec customers;
  customers.initial_customers = 0;
  customers.initial_mrr = sim::Distribution::lognormal_from_median_p90(1'000, 3'000);
  customers.monthly_churn = 0.01;
  customers.monthly_expansion = sim::Distribution::constant(0.005);
  return customers;
}

MoneySpec default_money() {
  MoneySpec money;
  money.starting_cash = 2'000'000;
  money.other_monthly_costs = 30'000;
  money.currency = "USD";
  return money;
}

ScenarioSpec default_scenario() {
  ScenarioSpec spec;
  spec.name = "unnamed";
  spec.horizon_months = 36;
  spec.replications = 1000;
  spec.seed = 1;
  spec.roles = default_roles();
  spec.territories = {default_territory()};
  spec.pipeline = default_pipeline();
  spec.customers = default_customers();
  spec.money = default_money();
  return spec;
}

}  // namespace teamsim::model
