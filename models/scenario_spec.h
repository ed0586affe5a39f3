#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/distribution.h"

// Plain description of a sales organisation and its plan: no YAML, no I/O. The app's loader fills
// these from a scenario file; tests build them directly. Every field has a documented default
// (models/defaults.cc, docs/scenario-reference.md), so a few lines of YAML make a runnable
// scenario.

namespace teamsim::model {

/// Days in a simulated month: 365.25 / 12, so twelve months make an average year.
inline constexpr double kDaysPerMonth = 365.25 / 12.0;
/// Days in a simulated year.
inline constexpr double kDaysPerYear = 365.25;

/// What a role does in the model.
enum class RoleKind {
  kAccountExecutive,  ///< works opportunities and closes deals; carries a quota
  kSalesManager,      ///< leads the team; a cost and a headcount in this slice
};

/// One role of the organisation, e.g. "account_executive" or a user-defined "sdr".
struct RoleSpec {
  std::string name;
  RoleKind kind = RoleKind::kAccountExecutive;
  double annual_salary = 0;  ///< base salary, currency per year
  /// Days from opening a requisition to the person's first day.
  sim::Distribution time_to_fill_days;
  /// Days after the first day with no selling (productivity 0).
  sim::Distribution onboarding_days;
  /// Months after onboarding to reach full productivity, rising linearly from 0 to 1.
  sim::Distribution ramp_months;
  /// Probability that a person leaves within a year; modelled as a constant hazard
  /// lambda = -ln(1 - annual_attrition) per year, so tenure is exponential.
  double annual_attrition = 0;
  /// Whether a departure reopens the seat.
  bool backfill = true;
  /// Days between a departure and reopening the requisition (then time to fill applies again).
  sim::Distribution backfill_delay_days;
  /// Most opportunities an account executive works at once (AE roles only).
  int max_open_opportunities = 0;
  /// Self-sourced leads per month a full-time account executive prospects (AE roles only).
  double prospecting_leads_per_month = 0;
};

/// People on the team when the simulation starts: already hired, onboarded and fully ramped.
struct StartingStaffSpec {
  std::string role;
  int count = 1;
  std::string territory;  ///< empty: assigned to the territory with the fewest AEs
};

/// A dated hire: `count` requisitions for `role` open at the start of `start_month`.
struct HireSpec {
  std::string role;
  int count = 1;
  int start_month = 1;    ///< 1 = the first simulated month
  std::string territory;  ///< empty: assigned to the territory with the fewest AEs at start
};

/// A market with its own inbound lead flow.
struct TerritorySpec {
  std::string name;
  double inbound_leads_per_month = 0;  ///< Poisson arrival rate of inbound leads
};

/// How leads become revenue.
struct PipelineSpec {
  /// Probability that a fully productive AE wins an opportunity; drawn once per opportunity.
  sim::Distribution win_rate;
  /// Annual contract value of a won deal, currency per year; drawn once per deal.
  sim::Distribution deal_size_acv;
  /// Days from opening an opportunity to its close (won or lost).
  sim::Distribution sales_cycle_days;
};

/// The customer base and how it evolves.
struct CustomerSpec {
  int initial_customers = 0;
  /// Monthly recurring revenue of each initial customer, currency per month.
  sim::Distribution initial_mrr;
  /// Probability that a customer churns at each monthly renewal.
  double monthly_churn = 0;
  /// Relative MRR change at each monthly renewal of a staying customer (0.01 = +1 %).
  sim::Distribution monthly_expansion;
};

/// Cash and costs other than payroll.
struct MoneySpec {
  double starting_cash = 0;
  double other_monthly_costs = 0;  ///< rent, tools, marketing: currency per month
  std::string currency = "USD";
};

/// A whole scenario: the organisation, its plan, and the run's defaults.
struct ScenarioSpec {
  std::string name;
  std::string description;
  int horizon_months = 36;
  int replications = 1000;  ///< default when the command line gives none
  std::uint64_t seed = 1;   ///< default when the command line gives none
  std::vector<RoleSpec> roles;
  std::vector<TerritorySpec> territories;
  std::vector<StartingStaffSpec> starting_staff;
  std::vector<HireSpec> hires;
  PipelineSpec pipeline;
  CustomerSpec customers;
  MoneySpec money;

  /// The role with this name, or nullptr.
  const RoleSpec* find_role(const std::string& role_name) const;
};

}  // namespace teamsim::model
