#include "models/defaults.h"

#include <utility>

namespace teamsim::model {

RoleSpec default_role(RoleKind kind, std::string name) {
  RoleSpec role;
  role.name = std::move(name);
  role.kind = kind;
  role.backfill = true;
  role.backfill_delay_days = sim::Distribution::constant(14);
  role.performance = sim::Distribution::constant(1);
  role.ramp_curve = RampCurve::kLinear;
  switch (kind) {
    case RoleKind::kAccountExecutive:
      role.annual_salary = 80'000;
      role.time_to_fill_days = sim::Distribution::lognormal_from_median_p90(45, 90);
      role.onboarding_days = sim::Distribution::constant(15);
      // With a cycle of about two months on top, bookings reach full speed about five months
      // after the start date: The Bridge Group's median AE ramp (docs/validation.md).
      role.ramp_months = sim::Distribution::triangular(1.5, 2.5, 4);
      role.annual_attrition = 0.35;
      // 40 open opportunities over a 69-day mean cycle at the default win rate and deal size
      // book about 650k a year: a ramped AE with enough leads can make the quota.
      role.max_open_opportunities = 40;
      role.prospecting_leads_per_month = 4;
      role.annual_quota = 640'000;
      role.on_target_earnings = 160'000;
      role.performance = sim::Distribution::truncated_normal(1, 0.2, 0.4, 1.6);
      break;
    case RoleKind::kSalesManager:
      role.annual_salary = 150'000;
      role.time_to_fill_days = sim::Distribution::lognormal_from_median_p90(60, 120);
      role.onboarding_days = sim::Distribution::constant(30);
      role.ramp_months = sim::Distribution::constant(3);
      role.annual_attrition = 0.25;
      role.span_of_control = 8;
      role.concurrent_searches = 3;
      role.trainees_at_once = 4;
      break;
    case RoleKind::kAssistantManager:
      role.annual_salary = 110'000;
      role.time_to_fill_days = sim::Distribution::lognormal_from_median_p90(50, 100);
      role.onboarding_days = sim::Distribution::constant(20);
      role.ramp_months = sim::Distribution::constant(2);
      role.annual_attrition = 0.25;
      role.span_of_control = 5;
      role.concurrent_searches = 1;
      role.trainees_at_once = 2;
      break;
    case RoleKind::kCustomerSuccess:
      role.annual_salary = 70'000;
      role.time_to_fill_days = sim::Distribution::lognormal_from_median_p90(40, 80);
      role.onboarding_days = sim::Distribution::constant(15);
      role.ramp_months = sim::Distribution::constant(2);
      role.annual_attrition = 0.25;
      role.accounts_per_rep = 50;
      break;
    case RoleKind::kSpecialist:
      role.annual_salary = 130'000;
      role.time_to_fill_days = sim::Distribution::lognormal_from_median_p90(60, 120);
      role.onboarding_days = sim::Distribution::constant(20);
      role.ramp_months = sim::Distribution::constant(2);
      role.annual_attrition = 0.20;
      role.concurrent_deals = 4;
      break;
    case RoleKind::kSalesOperations:
      role.annual_salary = 90'000;
      role.time_to_fill_days = sim::Distribution::lognormal_from_median_p90(45, 90);
      role.onboarding_days = sim::Distribution::constant(15);
      role.ramp_months = sim::Distribution::constant(1);
      role.annual_attrition = 0.20;
      role.leads_screened_per_month = 300;
      break;
    case RoleKind::kSalesEnablement:
      role.annual_salary = 100'000;
      role.time_to_fill_days = sim::Distribution::lognormal_from_median_p90(50, 100);
      role.onboarding_days = sim::Distribution::constant(15);
      role.ramp_months = sim::Distribution::constant(1);
      role.annual_attrition = 0.20;
      role.trainees_at_once = 6;
      role.reps_supported = 20;
      role.ramp_reduction = 0.25;
      role.productivity_uplift = 0.05;
      break;
  }
  return role;
}

std::vector<RoleSpec> default_roles() {
  std::vector<RoleSpec> roles;
  for (const auto& kind : kRoleKinds)
    roles.push_back(default_role(kind.value, std::string(kind.name)));
  return roles;
}

TerritorySpec default_territory() {
  TerritorySpec territory;
  territory.name = "all";
  territory.inbound_leads_per_month = 20;
  territory.accounts = 0;
  territory.cool_off_months = 6;
  return territory;
}

HireSourceSpec neutral_hire_source(std::string name) {
  HireSourceSpec source;
  source.name = std::move(name);
  return source;
}

std::vector<HireSourceSpec> default_hire_sources() {
  HireSourceSpec external = neutral_hire_source("experienced_external");
  external.cost_per_hire = 4'000;  // SHRM: average cost per hire over all channels
  // A contingency recruiter: faster, for a fee of about 20 % of an AE's first-year base.
  HireSourceSpec agency = neutral_hire_source("agency");
  agency.time_to_fill_factor = 0.75;
  agency.cost_per_hire = 16'000;
  HireSourceSpec internal = neutral_hire_source("internal_transfer");
  internal.time_to_fill_factor = 0.5;
  internal.ramp_factor = 0.6;
  internal.attrition_factor = 0.8;
  HireSourceSpec referral = neutral_hire_source("referral");
  referral.time_to_fill_factor = 0.7;
  referral.ramp_factor = 0.9;
  referral.attrition_factor = 0.75;
  referral.cost_per_hire = 3'000;
  HireSourceSpec graduate = neutral_hire_source("new_graduate");
  graduate.time_to_fill_factor = 0.8;
  graduate.ramp_factor = 1.5;
  graduate.productivity = 0.8;
  graduate.attrition_factor = 1.2;
  graduate.salary_factor = 0.7;
  graduate.cost_per_hire = 1'000;
  return {external, agency, internal, referral, graduate};
}

ChannelSpec default_channel(std::string name) {
  ChannelSpec channel;
  channel.share = 1;
  const auto set = [&](double conversion, double cycle, double cost) {
    channel.lead_conversion = conversion;
    channel.cycle_factor = cycle;
    channel.cost_per_lead = cost;
  };
  if (name == "door_to_door") set(0.30, 0.5, 40);
  if (name == "phone") set(0.15, 0.8, 15);
  if (name == "email") set(0.05, 1.0, 2);
  if (name == "virtual") set(0.25, 0.9, 10);
  if (name == "events") set(0.35, 1.2, 150);
  channel.name = std::move(name);
  return channel;
}

SegmentSpec default_segment(std::string name) {
  SegmentSpec segment;
  segment.share = 1;
  // Relative to the pipeline and customer defaults, which describe an SMB / mid-market motion.
  if (name == "smb") {
    segment.deal_size_factor = 0.4;
    segment.cycle_factor = 0.5;
    segment.win_rate_factor = 1.25;
    segment.churn_factor = 2;
  }
  if (name == "enterprise") {
    segment.deal_size_factor = 5;
    segment.cycle_factor = 3;
    segment.win_rate_factor = 0.6;
    segment.churn_factor = 0.4;
  }
  segment.name = std::move(name);
  return segment;
}

FounderSpec default_founder() {
  FounderSpec founder;
  founder.span_of_control = 4;
  founder.concurrent_searches = 1;
  founder.time_to_fill_factor = 1.5;
  founder.trainees_at_once = 2;
  return founder;
}

ManagementSpec default_management() {
  ManagementSpec management;
  management.under_management_penalty = 0.3;
  management.underperformance_threshold = 0;
  management.underperformance_months = 3;
  management.improvement_plan_months = 2;
  return management;
}

PipelineSpec default_pipeline() {
  PipelineSpec pipeline;
  pipeline.win_rate = sim::Distribution::beta_from_mean_sd(0.20, 0.05);
  pipeline.deal_size_acv = sim::Distribution::lognormal_from_median_p90(12'000, 30'000);
  pipeline.sales_cycle_days = sim::Distribution::lognormal_from_median_p90(60, 120);
  pipeline.complex_share = 0;
  pipeline.specialist_help_days = sim::Distribution::constant(10);
  pipeline.specialist_win_rate_factor = 1.3;
  pipeline.unassisted_win_rate_factor = 0.8;
  pipeline.unqualified_lead_share = 0;
  pipeline.qualification_accuracy = 0.8;
  pipeline.rebalance_every_months = 3;
  // A sales manager routes inbound leads to ramped reps first: a new hire gets the leads the
  // ramped team has no room for until their ramp ends; ramped sellers then share by load,
  // whatever their performance or hire source (docs/scenario-reference.md, routing).
  pipeline.routing = LeadRouting::kRampedFirst;
  // A company that exists has deals in flight: starting sellers begin with the pipeline the year
  // before day 0 left them, so year-1 bookings are not biased down.
  pipeline.warm_start = true;
  return pipeline;
}

CustomerSpec default_customers() {
  CustomerSpec customers;
  customers.initial_customers = 0;
  customers.initial_mrr = sim::Distribution::lognormal_from_median_p90(1'000, 3'000);
  customers.monthly_churn = 0.01;
  customers.monthly_expansion = sim::Distribution::constant(0.01);
  customers.annual_contract_share = 0;
  customers.annual_churn = 0.11;
  customers.annual_billing = AnnualBilling::kMonthly;
  customers.covered_churn_factor = 0.7;
  customers.covered_expansion_bonus = 0.002;
  return customers;
}

MoneySpec default_money() {
  MoneySpec money;
  money.starting_cash = 2'000'000;
  money.other_monthly_costs = 30'000;
  money.currency = "USD";
  return money;
}

void apply_sales_motion(SalesMotion motion, ScenarioSpec& spec) {
  PipelineSpec& pipeline = spec.pipeline;
  CustomerSpec& customers = spec.customers;
  switch (motion) {
    case SalesMotion::kTransactional:
      pipeline.win_rate = sim::Distribution::beta_from_mean_sd(0.25, 0.06);
      pipeline.deal_size_acv = sim::Distribution::lognormal_from_median_p90(6'000, 15'000);
      pipeline.sales_cycle_days = sim::Distribution::lognormal_from_median_p90(21, 45);
      customers.monthly_churn = 0.02;
      customers.annual_contract_share = 0;
      break;
    case SalesMotion::kRelationship:
      pipeline.win_rate = sim::Distribution::beta_from_mean_sd(0.15, 0.05);
      pipeline.deal_size_acv = sim::Distribution::lognormal_from_median_p90(60'000, 180'000);
      pipeline.sales_cycle_days = sim::Distribution::lognormal_from_median_p90(120, 270);
      customers.monthly_churn = 0.005;
      customers.annual_contract_share = 1;
      customers.annual_churn = 0.08;
      break;
  }
}

ScenarioSpec default_scenario() {
  ScenarioSpec spec;
  spec.name = "unnamed";
  spec.horizon_months = 36;
  spec.replications = 1000;
  spec.seed = 1;
  spec.roles = default_roles();
  spec.territories = {default_territory()};
  spec.hire_sources = default_hire_sources();
  spec.founder = default_founder();
  spec.management = default_management();
  spec.pipeline = default_pipeline();
  spec.customers = default_customers();
  spec.money = default_money();
  return spec;
}

}  // namespace teamsim::model
