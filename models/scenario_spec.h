#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/distribution.h"
#include "sim/name_table.h"

// Plain description of a sales organisation and its plan: no YAML, no I/O. The app's loader fills
// these from a scenario file; tests build them directly. Every field has a documented default
// (models/defaults.cc, docs/scenario-reference.md), so a few lines of YAML make a runnable
// scenario.
//
// Every sim::Distribution field is an uncertain input. When you add one, list it in
// models/uncertain_inputs.cc (with its YAML key path) and draw it through Replication::draw, so
// that `teamsim sensitivity` can pin and record it; tests/models/uncertain_inputs_test.cc fails
// until the visitor knows the new field.

namespace teamsim::model {

/// Days in a simulated month: 365.25 / 12, so twelve months make an average year.
inline constexpr double kDaysPerMonth = 365.25 / 12.0;
/// Days in a simulated year.
inline constexpr double kDaysPerYear = 365.25;

/// What a role does in the model; names and meanings in kRoleKinds.
enum class RoleKind {
  kAccountExecutive,
  kSalesManager,
  kAssistantManager,
  kCustomerSuccess,
  kSpecialist,
  kSalesOperations,
  kSalesEnablement,
};

/// Each role kind, its name in scenario files (also the name of its built-in role) and what it
/// does, in enum order.
inline constexpr sim::Named<RoleKind> kRoleKinds[] = {
    {RoleKind::kAccountExecutive, "account_executive",
     "works opportunities and closes deals; carries a quota"},
    {RoleKind::kSalesManager, "sales_manager",
     "manages reps (span of control), runs searches, trains new hires"},
    {RoleKind::kAssistantManager, "assistant_manager",
     "extends the span of control of the managers"},
    {RoleKind::kCustomerSuccess, "customer_success",
     "covers accounts: covered customers churn less and expand more"},
    {RoleKind::kSpecialist, "sales_specialist",
     "helps complex opportunities, a shared capacity-limited resource"},
    {RoleKind::kSalesOperations, "sales_operations", "qualifies leads and rebalances territories"},
    {RoleKind::kSalesEnablement, "sales_enablement",
     "shortens ramp, raises productivity, trains new hires"},
};
static_assert(sim::in_enum_order(kRoleKinds));
/// The name of `kind` in scenario files, e.g. "account_executive".
constexpr std::string_view name_of(RoleKind kind) { return sim::name_in(kRoleKinds, kind); }

/// How productivity rises from 0 to 1 over the ramp, as a function of x = elapsed / ramp; names
/// and meanings in kRampCurves, values in ramp_curve_value (models/ramp.h).
enum class RampCurve { kLinear, kStep, kSCurve };

/// Each ramp curve, its name in scenario files and its shape, in enum order.
inline constexpr sim::Named<RampCurve> kRampCurves[] = {
    {RampCurve::kLinear, "linear", "x"},
    {RampCurve::kStep, "step", "0 until the ramp ends, then 1"},
    {RampCurve::kSCurve, "s_curve", "smoothstep 3x^2 - 2x^3: slow start, fast middle, slow finish"},
};
static_assert(sim::in_enum_order(kRampCurves));
/// The name of `curve` in scenario files, e.g. "s_curve".
constexpr std::string_view name_of(RampCurve curve) { return sim::name_in(kRampCurves, curve); }

/// Value meaning "no limit" for counts such as searches at once or trainees at once.
inline constexpr int kUnlimited = std::numeric_limits<int>::max();

/// One role of the organisation, e.g. "account_executive" or a user-defined "sdr".
struct RoleSpec {
  std::string name;
  RoleKind kind = RoleKind::kAccountExecutive;
  double annual_salary = 0;  ///< base salary, currency per year
  /// Days from opening a requisition to the person's first day.
  sim::Distribution time_to_fill_days;
  /// Days after the first day with no selling (productivity 0).
  sim::Distribution onboarding_days;
  /// Months after onboarding to reach full productivity.
  sim::Distribution ramp_months;
  /// Shape of the ramp.
  RampCurve ramp_curve = RampCurve::kLinear;
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
  /// AE roles: true for a prospecting role (an SDR) that hands its leads to the AEs of its
  /// territory instead of working them; it takes no inbound leads and carries no quota.
  bool hands_off_leads = false;
  /// AE roles: bookings (ACV) expected per fully ramped year; 0: no quota.
  double annual_quota = 0;
  /// AE roles: salary plus commission at 100 % of quota, currency per year. Commission is paid
  /// at booking at the rate (on_target_earnings - annual_salary) / annual_quota per unit of ACV.
  double on_target_earnings = 0;
  /// AE roles: a person's productivity multiplier, drawn once per person (reps differ).
  sim::Distribution performance;
  /// Source of backfill hires (a name in ScenarioSpec::hire_sources).
  std::string backfill_source = "experienced_external";
  /// Managers and assistants: reps one person can manage without loss of productivity.
  int span_of_control = 0;
  /// Managers and assistants: recruiting searches one person runs at once.
  int concurrent_searches = 0;
  /// Managers and enablement: new hires one person can onboard at once.
  int trainees_at_once = 0;
  /// Customer success: customers one person covers.
  int accounts_per_rep = 0;
  /// Specialists: complex opportunities one person helps at once.
  int concurrent_deals = 0;
  /// Sales operations: leads one person screens per month.
  double leads_screened_per_month = 0;
  /// Enablement: reps one person supports; with full support ramp and productivity improve by
  /// ramp_reduction and productivity_uplift (linearly less with partial support).
  int reps_supported = 0;
  double ramp_reduction = 0;       ///< enablement: relative cut of ramp months at full support
  double productivity_uplift = 0;  ///< enablement: relative productivity gain at full support
};

/// Where a hire comes from, and how that changes the hire (multipliers on the role's values).
struct HireSourceSpec {
  std::string name;
  double time_to_fill_factor = 1;
  double ramp_factor = 1;
  double productivity = 1;  ///< multiplies the person's performance
  double attrition_factor = 1;
  double salary_factor = 1;
  double cost_per_hire = 0;  ///< one-off recruiting cost, currency
};

/// The founder, who recruits, manages and trains before any manager exists.
struct FounderSpec {
  int span_of_control = 0;         ///< reps the founder manages while no manager is employed
  int concurrent_searches = 0;     ///< searches at once while no manager is employed
  double time_to_fill_factor = 1;  ///< the founder's searches take this much longer
  int trainees_at_once = 0;        ///< new hires the founder onboards at once
};

/// What management does beyond recruiting and training: coaching (the under-management penalty
/// is what reps lose without it) and performance management.
struct ManagementSpec {
  /// Productivity lost at zero management coverage; coverage c = min(1, span / reps) gives a
  /// factor 1 - penalty (1 - c), also dividing the ramp speed of reps who start ramping.
  double under_management_penalty = 0;
  /// Performance management: a ramped seller whose bookings over the last
  /// `underperformance_months` are below this share of the pro-rated quota is put on a plan.
  /// 0: no performance management.
  double underperformance_threshold = 0;
  /// Whole months of bookings reviewed at each month end (1-12).
  int underperformance_months = 3;
  /// Months a plan lasts; a seller still below the threshold over them is let go (a departure,
  /// backfilled as the role says), otherwise taken off the plan. 0: let go at once.
  int improvement_plan_months = 2;
};

/// People on the team when the simulation starts: already hired, onboarded and fully ramped.
struct StartingStaffSpec {
  std::string role;
  int count = 1;
  std::string territory;  ///< empty: the territory with the fewest employed sellers at day 0
};

/// A dated hire: `count` requisitions for `role`. By default they open at the start of `month`;
/// with `by_start_month` the people should start at the start of `month`, and the requisitions
/// open one expected time to fill earlier (see Organisation::planned_opening_day).
struct HireSpec {
  std::string role;
  int count = 1;
  int month = 1;          ///< 1 = the first simulated month
  std::string territory;  ///< empty: the territory with the fewest employed sellers on day one
  std::string source = "experienced_external";
  bool by_start_month = false;  ///< `month` is when the people start, not when the search opens
};

/// What a conditional hiring rule compares; names and meanings in kRuleBases.
enum class RuleBasis { kNone, kCustomers, kReps, kRepsPerManagerAbove };

/// A rule basis, the scenario key that selects it (its value is the ratio, or for kNone the
/// months between hires), what the rule's target is, and the smallest ratio it accepts.
struct RuleBasisEntry {
  RuleBasis value;
  std::string_view name;
  std::string_view description;
  double min_ratio;                ///< 0 for kNone, which has no ratio
  std::string_view min_ratio_why;  ///< why the ratio cannot be smaller
};

/// Each rule basis, in enum order.
inline constexpr RuleBasisEntry kRuleBases[] = {
    {RuleBasis::kNone, "every_months", "a recurring rule only: count people every few months", 0,
     ""},
    {RuleBasis::kCustomers, "per_customers", "target = floor(customers / ratio)", 1,
     "one person per customer at most"},
    {RuleBasis::kReps, "per_reps", "target = floor(AEs / ratio)", 0.1,
     "ten people per rep at most"},
    {RuleBasis::kRepsPerManagerAbove, "when_reps_per_manager_above",
     "target = max(0, ceil(AEs / ratio) - managers)", 1, "a manager per rep at most"},
};
static_assert(sim::in_enum_order(kRuleBases));
/// The scenario key of `basis`, e.g. "per_customers" ("every_months" for kNone).
constexpr std::string_view name_of(RuleBasis basis) { return sim::name_in(kRuleBases, basis); }

/// A hiring rule, checked at each month end from `from_month` to `until_month`: recurring
/// (`count` every `every_months`) or conditional (keeps the role's headcount plus open
/// requisitions at the target of its basis, at most `max_count`).
struct HiringRuleSpec {
  std::string role;
  int count = 1;
  int every_months = 0;  ///< recurring: 0 for a conditional rule
  RuleBasis basis = RuleBasis::kNone;
  double ratio = 0;
  int from_month = 1;
  int until_month = std::numeric_limits<int>::max();
  int max_count = kUnlimited;
  std::string territory;
  std::string source = "experienced_external";
};

/// A market with its own inbound lead flow.
struct TerritorySpec {
  std::string name;
  double inbound_leads_per_month = 0;  ///< Poisson arrival rate of inbound leads
  /// Total addressable accounts; 0: unlimited. Leads come only from available accounts: those
  /// not customers, not in an open opportunity and not cooling off.
  int accounts = 0;
  /// Months an account cools off after a lost deal or a churn before it can be approached again.
  double cool_off_months = 0;
  double win_rate_factor = 1;   ///< multiplies the win probability of the territory's deals
  double deal_size_factor = 1;  ///< multiplies the ACV of the territory's deals
  /// Initial customers in this territory (of CustomerSpec::initial_customers, which is then their
  /// sum). Given for every territory or for none; none: the initial customers are spread over the
  /// territories by inbound_leads_per_month.
  std::optional<int> initial_customers = std::nullopt;
};

/// A product sold: its own deal size, cycle, win rate and complexity.
struct ProductSpec {
  std::string name;
  double share = 0;  ///< share of leads interested in this product (normalised over products)
  sim::Distribution win_rate;
  sim::Distribution deal_size_acv;
  sim::Distribution sales_cycle_days;
  double complex_share = 0;  ///< probability that a deal needs a specialist
};

/// A channel through which reps reach leads, with its conversion, cycle and cost.
struct ChannelSpec {
  std::string name;
  double share = 0;            ///< share of leads (normalised over channels)
  double lead_conversion = 1;  ///< probability a worked lead becomes an opportunity
  double cycle_factor = 1;     ///< multiplies the sales cycle
  double win_rate_factor = 1;  ///< multiplies the win probability
  double cost_per_lead = 0;    ///< currency per lead that arrives through the channel
};

/// An audience the company sells to (e.g. SMB, mid-market, enterprise): its share of the leads
/// and how its deals and customers differ. The factors multiply whatever the pipeline, products,
/// territory and channel give a lead (see docs/scenario-reference.md, `segments`).
struct SegmentSpec {
  std::string name;
  double share = 1;  ///< share of leads (normalised over segments)
  /// (territory name, share): the segment's share of that territory's leads instead of `share`.
  std::vector<std::pair<std::string, double>> share_by_territory;
  double win_rate_factor = 1;   ///< multiplies the win probability of the segment's deals
  double deal_size_factor = 1;  ///< multiplies the ACV of the segment's deals
  double cycle_factor = 1;      ///< multiplies the sales cycle of the segment's deals
  double churn_factor = 1;      ///< multiplies the churn probability of the segment's customers

  /// The segment's share of leads in the territory called `territory`.
  double share_in(const std::string& territory) const;
};

/// Calendar effects by calendar month (index 0 = January).
struct SeasonalitySpec {
  std::array<double, 12> leads{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};    ///< lead-flow multiplier
  std::array<double, 12> closing{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};  ///< win multiplier
  int start_month_of_year = 1;  ///< calendar month (1-12) of the first simulated month
};

/// How leads become revenue.
/// Which seller an inbound lead (or a prospected lead an SDR hands off) goes to; names and
/// meanings in kLeadRoutings.
enum class LeadRouting { kRampedFirst, kLeastLoaded, kRoundRobin, kProductivityWeighted };

/// Each routing rule, its name in scenario files and what it does, in enum order.
inline constexpr sim::Named<LeadRouting> kLeadRoutings[] = {
    {LeadRouting::kRampedFirst, "ramped_first",
     "the most ramped sellers with room first, the fewest open opportunities among equals"},
    {LeadRouting::kLeastLoaded, "least_loaded",
     "the seller with room and the fewest open opportunities"},
    {LeadRouting::kRoundRobin, "round_robin",
     "sellers with room in turn, in the order they joined"},
    {LeadRouting::kProductivityWeighted, "productivity_weighted",
     "a seller with room drawn with probability proportional to their productivity"},
};
static_assert(sim::in_enum_order(kLeadRoutings));
constexpr std::string_view name_of(LeadRouting routing) {
  return sim::name_in(kLeadRoutings, routing);
}

/// Where a lead goes when nobody sells in its territory (no seller there, not a full team); names
/// and meanings in kVacantTerritoryLeads.
enum class VacantTerritoryLeads { kUnworked, kCompany };

/// Each choice, its name in scenario files and what it does, in enum order.
inline constexpr sim::Named<VacantTerritoryLeads> kVacantTerritoryLeads[] = {
    {VacantTerritoryLeads::kUnworked, "unworked",
     "territories are hard boundaries: the lead goes unworked"},
    {VacantTerritoryLeads::kCompany, "company",
     "the company's most ramped seller with room takes it, as a lone leaver's deals"},
};
static_assert(sim::in_enum_order(kVacantTerritoryLeads));
constexpr std::string_view name_of(VacantTerritoryLeads choice) {
  return sim::name_in(kVacantTerritoryLeads, choice);
}

struct PipelineSpec {
  /// Probability that a fully productive AE wins an opportunity; drawn once per opportunity.
  sim::Distribution win_rate;
  /// Annual contract value of a won deal, currency per year; drawn once per deal.
  sim::Distribution deal_size_acv;
  /// Days from opening an opportunity to its close (won or lost).
  sim::Distribution sales_cycle_days;
  /// Probability that a deal is complex and needs a specialist (used when there are no products).
  double complex_share = 0;
  /// Days a complex deal holds a specialist for, once granted; drawn per lead.
  sim::Distribution specialist_help_days;
  /// Complex deals helped by a specialist have their win probability multiplied by this.
  double specialist_win_rate_factor = 1;
  /// Complex deals without any specialist employed have their win probability multiplied by this.
  double unassisted_win_rate_factor = 1;
  /// Share of leads that are unqualified: they can never be won but take a rep's slot for their
  /// cycle unless sales operations screens them out.
  double unqualified_lead_share = 0;
  /// Probability that sales operations, with full screening coverage, rejects an unqualified lead.
  double qualification_accuracy = 0;
  /// Sales operations rebalances territories every this many months (0: never).
  int rebalance_every_months = 0;
  /// Which seller a lead without an owner of its own goes to.
  LeadRouting routing = LeadRouting::kRampedFirst;
  /// Where a lead of a territory nobody sells in goes.
  VacantTerritoryLeads vacant_territory_leads = VacantTerritoryLeads::kUnworked;
  /// The starting sellers begin with the deals in flight that the year before day 0 left them
  /// (Pipeline::warm_start); false: with an empty pipeline.
  bool warm_start = true;
};

/// How annual contracts are invoiced; names and meanings in kAnnualBillings.
enum class AnnualBilling { kMonthly, kUpfront };

/// Each billing mode, its name in scenario files and when it invoices, in enum order.
inline constexpr sim::Named<AnnualBilling> kAnnualBillings[] = {
    {AnnualBilling::kMonthly, "monthly", "month by month, as the revenue is earned"},
    {AnnualBilling::kUpfront, "upfront",
     "the whole year when the contract starts and at each renewal"},
};
static_assert(sim::in_enum_order(kAnnualBillings));
/// The name of `billing` in scenario files, e.g. "upfront".
constexpr std::string_view name_of(AnnualBilling billing) {
  return sim::name_in(kAnnualBillings, billing);
}

/// The customer base and how it evolves.
struct CustomerSpec {
  /// Customers at day 0; with TerritorySpec::initial_customers, the sum of the territories'.
  int initial_customers = 0;
  /// Monthly recurring revenue of each initial customer, currency per month.
  sim::Distribution initial_mrr;
  /// Probability that a customer churns at each monthly renewal.
  double monthly_churn = 0;
  /// Relative MRR change at each monthly renewal of a staying customer (0.01 = +1 %).
  sim::Distribution monthly_expansion;
  /// Share of new customers on annual contracts: they renew every 12 months, churning with
  /// annual_churn and compounding twelve months of expansion at once.
  double annual_contract_share = 0;
  /// Probability that an annual contract does not renew.
  double annual_churn = 0;
  /// How annual contracts are billed; changes when cash comes in, not MRR, ARR or revenue.
  AnnualBilling annual_billing = AnnualBilling::kMonthly;
  /// Churn probability of a customer covered by customer success, relative to an uncovered one.
  double covered_churn_factor = 1;
  /// Added to the relative MRR change at each renewal of a covered customer (per month).
  double covered_expansion_bonus = 0;
};

/// Cash and costs other than payroll.
/// Money raised (equity or debt) that arrives at the start of `month`.
struct FundingSpec {
  int month = 1;
  double amount = 0;
};

/// From the start of `from_month` on, the costs outside the sales team are this much a month.
struct CostStepSpec {
  int from_month = 1;
  double other_monthly_costs = 0;
};

struct MoneySpec {
  double starting_cash = 0;
  double other_monthly_costs = 0;  ///< rent, tools, marketing: currency per month, from month 1
  std::string currency = "USD";
  std::vector<FundingSpec> funding;         ///< rounds that arrive during the run
  std::vector<CostStepSpec> cost_schedule;  ///< later levels of other_monthly_costs
};

/// A sales motion preset: sets cycle, deal size, win rate and retention together
/// (model::apply_sales_motion); names in kSalesMotions.
enum class SalesMotion { kTransactional, kRelationship };

/// Each sales motion and its name in scenario files, in enum order.
inline constexpr sim::Named<SalesMotion> kSalesMotions[] = {
    {SalesMotion::kTransactional, "transactional", "short cycles, small deals, monthly churn"},
    {SalesMotion::kRelationship, "relationship", "long cycles, large deals, annual contracts"},
};
static_assert(sim::in_enum_order(kSalesMotions));
/// The name of `motion` in scenario files, e.g. "transactional".
constexpr std::string_view name_of(SalesMotion motion) {
  return sim::name_in(kSalesMotions, motion);
}

/// A whole scenario: the organisation, its plan, and the run's defaults.
class ScenarioRespecifier;

/// A number of the scenario whose level is unknown but the same all run long ("leads are somewhere
/// between 10 and 20 a month"): drawn once per replication (models/replication_inputs.h).
struct ReplicationInput {
  std::string key_path;  ///< where it was written, e.g. "territories.main.inbound_leads_per_month"
  sim::Distribution distribution;  ///< what it is drawn from, in the key's own unit
  double min_draw = 0;             ///< draws are kept within [min_draw, max_draw], the range the
  double max_draw = 0;             ///< loader checked against the key's allowed values
};

struct ScenarioSpec {
  std::string name;
  std::string description;
  int horizon_months = 36;
  int replications = 1000;  ///< default when the command line gives none
  std::uint64_t seed = 1;   ///< default when the command line gives none
  /// Calendar year of the first simulated month, whose calendar month is
  /// seasonality.start_month_of_year; 0 when the scenario gives no start_date. The model does
  /// not use it: it names the months of the outputs (Jan 2027 rather than M1).
  int start_year = 0;
  std::vector<RoleSpec> roles;
  std::vector<TerritorySpec> territories;
  std::vector<StartingStaffSpec> starting_staff;
  std::vector<HireSpec> hires;
  std::vector<HiringRuleSpec> hiring_rules;
  std::vector<HireSourceSpec> hire_sources;
  FounderSpec founder;
  ManagementSpec management;
  PipelineSpec pipeline;
  std::vector<ProductSpec> products;  ///< empty: the pipeline's distributions apply
  std::vector<ChannelSpec> channels;  ///< empty: one channel with conversion 1 and no cost
  std::vector<SegmentSpec> segments;  ///< empty: one implicit segment with neutral factors
  SeasonalitySpec seasonality;
  CustomerSpec customers;
  MoneySpec money;
  /// The numbers drawn once per replication, in the order they were written; empty: none. The
  /// spec's own fields hold each one's median.
  std::vector<ReplicationInput> replication_inputs;
  /// Builds the scenario of one replication from its draws; set when replication_inputs is not
  /// empty.
  std::shared_ptr<const ScenarioRespecifier> respecifier;

  /// The role with this name, or nullptr.
  const RoleSpec* find_role(const std::string& role_name) const;
  /// The hire source with this name, or nullptr.
  const HireSourceSpec* find_source(const std::string& source_name) const;
};

}  // namespace teamsim::model
