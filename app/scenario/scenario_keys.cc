#include "app/scenario/scenario_keys.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>
#include <string>

#include "app/scenario/expectations.h"
#include "models/scenario_spec.h"
#include "sim/name_table.h"

namespace teamsim::app {
namespace {

using K = ValueKind;
using U = ValueUnit;

std::vector<std::string> ramp_curves() { return sim::names_in(model::kRampCurves); }
std::vector<std::string> role_kinds() { return sim::names_in(model::kRoleKinds); }
std::vector<std::string> sales_motions() { return sim::names_in(model::kSalesMotions); }
std::vector<std::string> lead_routings() { return sim::names_in(model::kLeadRoutings); }
std::vector<std::string> vacant_territory_leads() {
  return sim::names_in(model::kVacantTerritoryLeads);
}
std::vector<std::string> annual_billings() { return sim::names_in(model::kAnnualBillings); }
std::vector<std::string> stats() { return expectation_stats(); }
std::vector<std::string> operators() { return {"<", "<=", ">", ">="}; }

// What teamsim works out from the customers, for a key named after it.
constexpr std::string_view kArrInstead =
    "teamsim works out the ARR from the customers you have today: 12 x customers.initial x "
    "customers.initial_mrr (each one's monthly revenue). For an ARR of A over n customers write "
    "customers: {initial: n, initial_mrr: A / 12 / n} (teamsim init --customers-today n "
    "--arr-today A writes both)";
// What teamsim works out from the costs, for a key named after it.
constexpr std::string_view kBurnInstead =
    "teamsim works out the burn and the runway: each month it pays the sales roles (salaries, "
    "commission, hiring) and money.other_monthly_costs, and collects the customers' revenue. "
    "Write money.other_monthly_costs: what you spend a month besides the sales team's pay (the "
    "pay of everyone outside sales, rent, tools, marketing); the run says when cash runs out";

std::vector<DerivedWord> arr_words() {
  std::vector<DerivedWord> words;
  for (const std::string_view word :
       {"arr", "mrr", "initial_arr", "starting_arr", "current_arr", "arr_today", "starting_mrr",
        "current_mrr", "mrr_today", "revenue"}) {
    words.push_back({word, kArrInstead});
  }
  return words;
}

std::vector<DerivedWord> burn_words() {
  std::vector<DerivedWord> words;
  for (const std::string_view word :
       {"burn", "burn_rate", "monthly_burn", "net_burn", "runway", "runway_months"}) {
    words.push_back({word, kBurnInstead});
  }
  return words;
}

SectionDoc top_level() {
  std::vector<DerivedWord> derived = arr_words();
  for (const DerivedWord& word : burn_words()) derived.push_back(word);
  return {
      "",
      "",
      {
          {"extends", K::kText, "The scenario file this one is merged over, relative to it."},
          {"variants", K::kVariants,
           "Named plans: each a map of the top-level keys it overrides (--variant NAME)."},
          {"name", K::kText, "The plan's name, shown in reports.", {}, "", {}},
          {"description", K::kText, "Free text."},
          {"horizon_months", K::kWholeNumber, "Months simulated (1..600)."},
          {"replications", K::kWholeNumber,
           "Monte Carlo replications when the command line gives none."},
          {"seed", K::kWholeNumber, "Master random seed when the command line gives none."},
          {"start_date", K::kText,
           "The calendar month of month 1, YYYY-MM (2027-01): months may then be written "
           "2027-03, outputs show Jan 2027 instead of M1, and it sets the seasonality's "
           "start_month_of_year."},
          {"money", K::kSection, "Cash and non-payroll costs.", {}, "", "money"},
          {"roles",
           K::kNamedSections,
           "Roles by name; a new name needs kind:, a built-in one overrides what it writes.",
           {},
           "",
           "roles"},
          {"hire_sources",
           K::kNamedSections,
           "Hire sources by name: multipliers on the role's values.",
           {},
           "",
           "hire_sources"},
          {"founder",
           K::kSection,
           "Who recruits, manages and trains before any manager exists.",
           {},
           "",
           "founder"},
          {"management",
           K::kSection,
           "What too little management costs; performance management.",
           {},
           "",
           "management"},
          {"territories",
           K::kNamedSections,
           "Territories by name, in document order (default: one territory, all).",
           {},
           "",
           "territories"},
          {"starting_staff",
           K::kList,
           "People employed and fully ramped at day 0.",
           {},
           "[]",
           "starting_staff"},
          {"hires", K::kList, "Dated hires.", {}, "[]", "hires"},
          {"hires_csv", K::kText,
           "A CSV file of dated hires (columns as the keys of hires), relative to this file; "
           "its rows come after hires'."},
          {"hiring_rules", K::kList, "Recurring and conditional hiring.", {}, "[]", "hiring_rules"},
          {"sales_motion",
           K::kChoice,
           "A preset for pipeline and customers, applied before their own keys.",
           {},
           "",
           {},
           sales_motions},
          {"pipeline", K::kSection, "How leads become deals.", {}, "", "pipeline"},
          {"products", K::kNamedSections, "Product mix: products by name.", {}, "", "products"},
          {"channels", K::kNamedSections, "Channel mix: channels by name.", {}, "", "channels"},
          {"segments",
           K::kNamedSections,
           "Who you sell to: segments by name (smb, mid_market, enterprise, ...).",
           {},
           "",
           "segments"},
          {"seasonality",
           K::kSection,
           "Lead flow and closing by calendar month.",
           {},
           "",
           "seasonality"},
          {"customers", K::kSection, "The customer base.", {}, "", "customers"},
          {"expect",
           K::kList,
           "Assertions on the results, checked after run and batch.",
           {},
           "[]",
           "expect"},
      },
      derived};
}

SectionDoc money() {
  return {"money",
          "/money",
          {
              {"currency", K::kText, "Three capital letters; a label only, nothing is converted."},
              {"starting_cash",
               K::kNumber,
               "Cash in the bank at day 0 (may be negative).",
               {"Starting cash", U::kMoney}},
              {"other_monthly_costs",
               K::kNumber,
               "Everything spent a month besides the sales team's pay.",
               {"Other costs a month", U::kMoney}},
              {"funding",
               K::kList,
               "Rounds raised during the run: cash at their month's start.",
               {},
               "[]",
               "funding"},
              {"cost_schedule",
               K::kList,
               "Later levels of other_monthly_costs, each from the start of its month.",
               {},
               "[]",
               "cost_schedule"},
          },
          burn_words()};
}

SectionDoc funding() {
  return {"funding",
          "",
          {
              {"month", K::kMonth, "The month whose start the money arrives at (required)."},
              {"amount",
               K::kNumber,
               "The amount raised, at least 0 (required).",
               {"Funding raised", U::kMoney}},
          }};
}

SectionDoc cost_schedule() {
  return {"cost_schedule",
          "",
          {
              {"from_month", K::kMonth,
               "The month from whose start the level applies: 2 or later, increasing (required)."},
              {"other_monthly_costs",
               K::kNumber,
               "The costs outside the sales team a month.",
               {"Other costs a month", U::kMoney}},
          }};
}

SectionDoc roles() {
  return {"roles",
          "",
          {
              {"kind",
               K::kChoice,
               "The role's kind; required for a new role name.",
               {},
               "",
               {},
               role_kinds},
              {"annual_salary",
               K::kNumber,
               "Base salary a year, without commission.",
               {"Salary a year", U::kMoney}},
              {"time_to_fill_days",
               K::kDistribution,
               "Days from the start of the search to the first day.",
               {"Time to fill", U::kDays}},
              {"onboarding_days",
               K::kDistribution,
               "Days a new hire spends in training, holding a trainer slot.",
               {"Onboarding", U::kDays}},
              {"ramp_months",
               K::kDistribution,
               "Months after onboarding to full productivity.",
               {"Ramp", U::kMonths}},
              {"ramp_curve", K::kChoice, "Productivity along the ramp.", {}, "", {}, ramp_curves},
              {"annual_attrition",
               K::kNumber,
               "Probability of leaving within a year, in [0, 1).",
               {"Attrition a year", U::kProbability}},
              {"backfill", K::kBoolean, "Whether a departure reopens the seat."},
              {"backfill_delay_days",
               K::kDistribution,
               "Days from a departure to reopening the requisition.",
               {"Backfill delay", U::kDays}},
              {"backfill_source", K::kText, "The hire source backfills come from."},
              {"max_open_opportunities",
               K::kWholeNumber,
               "AE kinds: opportunities a seller works at once.",
               {"Open opportunities at once", U::kCount}},
              {"prospecting_leads_per_month",
               K::kNumber,
               "AE kinds: self-sourced leads a month (Poisson rate).",
               {"Prospected leads a month", U::kRate}},
              {"hands_off_leads", K::kBoolean,
               "AE kinds: true makes an SDR, who hands its leads to the AEs."},
              {"annual_quota",
               K::kNumber,
               "AE kinds: ACV a seller is expected to sign a year (0: no quota, no commission).",
               {"Quota a year", U::kMoney}},
              {"on_target_earnings",
               K::kNumber,
               "AE kinds: salary plus commission at 100% of quota.",
               {"On-target earnings", U::kMoney}},
              {"performance",
               K::kDistribution,
               "AE kinds: productivity multiplier drawn once per person.",
               {"Performance", U::kFactor}},
              {"span_of_control",
               K::kWholeNumber,
               "Managers and assistants: reps managed.",
               {"Span of control", U::kCount}},
              {"concurrent_searches",
               K::kWholeNumber,
               "Managers and assistants: recruiting searches run at once.",
               {"Searches at once", U::kCount}},
              {"trainees_at_once",
               K::kWholeNumber,
               "Managers, assistants and enablement: new hires trained at once.",
               {"Trainees at once", U::kCount}},
              {"accounts_per_rep",
               K::kWholeNumber,
               "Customer success: customers covered.",
               {"Accounts per rep", U::kCount}},
              {"concurrent_deals",
               K::kWholeNumber,
               "Sales specialists: complex opportunities helped at once.",
               {"Deals helped at once", U::kCount}},
              {"leads_screened_per_month",
               K::kNumber,
               "Sales operations: leads screened for qualification a month.",
               {"Leads screened a month", U::kRate}},
              {"reps_supported",
               K::kWholeNumber,
               "Enablement: reps supported.",
               {"Reps supported", U::kCount}},
              {"ramp_reduction",
               K::kNumber,
               "Enablement: share of the ramp saved at full coverage, in [0, 1].",
               {"Ramp saved", U::kProbability}},
              {"productivity_uplift",
               K::kNumber,
               "Enablement: productivity added at full coverage.",
               {"Productivity uplift", U::kPercent}},
          }};
}

SectionDoc hire_sources() {
  return {
      "hire_sources",
      "",
      {
          {"time_to_fill_factor",
           K::kNumber,
           "Multiplies the role's time to fill.",
           {"Time-to-fill factor", U::kFactor}},
          {"ramp_factor", K::kNumber, "Multiplies the role's ramp.", {"Ramp factor", U::kFactor}},
          {"productivity",
           K::kNumber,
           "Multiplies the hire's productivity.",
           {"Productivity factor", U::kFactor}},
          {"attrition_factor",
           K::kNumber,
           "Multiplies the role's attrition hazard.",
           {"Attrition factor", U::kFactor}},
          {"salary_factor",
           K::kNumber,
           "Multiplies the role's salary.",
           {"Salary factor", U::kFactor}},
          {"cost_per_hire",
           K::kNumber,
           "Paid on the hire's first day.",
           {"Cost per hire", U::kMoney}},
      }};
}

SectionDoc founder() {
  return {"founder",
          "/founder",
          {
              {"span_of_control",
               K::kWholeNumber,
               "Reps the founder manages while no manager is.",
               {"Founder's span of control", U::kCount}},
              {"concurrent_searches",
               K::kWholeNumber,
               "Searches the founder runs at once while no manager is employed.",
               {"Founder's searches at once", U::kCount}},
              {"time_to_fill_factor",
               K::kNumber,
               "Multiplies time to fill of searches starting while no manager is employed.",
               {"Founder's time-to-fill factor", U::kFactor}},
              {"trainees_at_once",
               K::kWholeNumber,
               "New hires the founder trains at once while no manager is onboarded.",
               {"Founder's trainees at once", U::kCount}},
          }};
}

SectionDoc management() {
  return {"management",
          "/management",
          {
              {"under_management_penalty",
               K::kNumber,
               "Productivity lost by a rep with no management at all, in [0, 1].",
               {"Productivity lost unmanaged", U::kProbability}},
              {"underperformance_threshold", K::kNumber,
               "Share of quota (0..100) below which a ramped seller is put on a plan; 0: never."},
              {"underperformance_months", K::kWholeNumber,
               "Months of bookings the review looks back over (1..12)."},
              {"improvement_plan_months", K::kWholeNumber,
               "Months of a performance improvement plan (0..12)."},
          }};
}

SectionDoc territories() {
  return {"territories",
          "/territories/all",
          {
              {"inbound_leads_per_month",
               K::kNumber,
               "Inbound leads a month (Poisson rate).",
               {"Inbound leads a month", U::kRate}},
              {"accounts",
               K::kWholeNumber,
               "Total addressable accounts; 0: unlimited.",
               {"Addressable accounts", U::kCount}},
              {"cool_off_months",
               K::kNumber,
               "Months a lost prospect or a churned customer is not approached again.",
               {"Cool-off", U::kMonths}},
              {"win_rate_factor",
               K::kNumber,
               "Multiplies the win probability of its deals.",
               {"Win-rate factor", U::kFactor}},
              {"deal_size_factor",
               K::kNumber,
               "Multiplies the ACV of its deals.",
               {"Deal-size factor", U::kFactor}},
              {"initial_customers",
               K::kWholeNumber,
               "Initial customers in this territory; give it for every territory or none "
               "(none: customers.initial is spread by inbound leads).",
               {"Initial customers", U::kCount}},
          }};
}

SectionDoc starting_staff() {
  return {"starting_staff",
          "",
          {
              {"role", K::kText, "A defined role (required)."},
              {"count", K::kWholeNumber, "People.", {}, "1"},
              {"territory", K::kText, "A defined territory (default: the least-staffed)."},
          }};
}

SectionDoc hires() {
  return {
      "hires",
      "",
      {
          {"role", K::kText, "A defined role (required)."},
          {"month", K::kMonth,
           "The month the search opens, 1 = the first or a date such as 2027-03 (required unless "
           "start_month)."},
          {"start_month", K::kMonth, "The month the people should start, instead of month."},
          {"count", K::kWholeNumber, "People.", {}, "1"},
          {"territory", K::kText,
           "A defined territory (default: the one with the fewest employed sellers on the "
           "person's first day)."},
          {"source", K::kText, "A defined hire source.", {}, "\"experienced_external\""},
      }};
}

SectionDoc hiring_rules() {
  SectionDoc section{
      "hiring_rules",
      "",
      {
          {"role", K::kText, "A defined role (required)."},
          {"count", K::kWholeNumber, "Recurring rules: requisitions each time.", {}, "1"},
          {"from_month", K::kMonth, "The first month the rule applies.", {}, "1"},
          {"until_month", K::kMonth, "The last month the rule applies (default: the horizon)."},
          {"max_count", K::kWholeNumber,
           "The rule never takes the role's planned people beyond it (default: unlimited)."},
          {"territory", K::kText, "A defined territory."},
          {"source", K::kText, "A defined hire source.", {}, "\"experienced_external\""},
      }};
  // One key per rule basis, from the model's table; a rule gives exactly one.
  for (const model::RuleBasisEntry& basis : model::kRuleBases) {
    section.keys.push_back({basis.name,
                            basis.value == model::RuleBasis::kNone ? K::kWholeNumber : K::kNumber,
                            basis.description});
  }
  return section;
}

SectionDoc pipeline() {
  return {"pipeline",
          "/pipeline",
          {
              {"win_rate",
               K::kDistribution,
               "Win probability per opportunity for a fully productive AE, in [0, 1].",
               {"Win rate", U::kProbability}},
              {"deal_size_acv",
               K::kDistribution,
               "Annual contract value per won deal.",
               {"Deal size (ACV)", U::kMoney}},
              {"sales_cycle_days",
               K::kDistribution,
               "Days from opening to closing an opportunity.",
               {"Sales cycle", U::kDays}},
              {"complex_share",
               K::kNumber,
               "Probability a deal needs a specialist.",
               {"Complex-deal share", U::kProbability}},
              {"specialist_help_days",
               K::kDistribution,
               "Days of a specialist's help a complex deal holds.",
               {"Specialist help", U::kDays}},
              {"specialist_win_rate_factor",
               K::kNumber,
               "Multiplies a complex deal's win rate when a specialist helps.",
               {"Win-rate factor with a specialist", U::kFactor}},
              {"unassisted_win_rate_factor",
               K::kNumber,
               "Multiplies a complex deal's win rate when no specialist is employed.",
               {"Win-rate factor without specialists", U::kFactor}},
              {"unqualified_lead_share",
               K::kNumber,
               "Share of leads that can never be won.",
               {"Unqualified lead share", U::kProbability}},
              {"qualification_accuracy",
               K::kNumber,
               "Probability sales ops rejects an unqualified lead at full coverage.",
               {"Qualification accuracy", U::kProbability}},
              {"rebalance_every_months", K::kWholeNumber,
               "Months between territory rebalancing (with sales ops); 0: never."},
              {"routing",
               K::kChoice,
               "Which seller an inbound lead goes to.",
               {},
               "",
               {},
               lead_routings},
              {"vacant_territory_leads",
               K::kChoice,
               "Where a lead of a territory nobody sells in goes: unworked, or company.",
               {},
               "",
               {},
               vacant_territory_leads},
              {"warm_start", K::kBoolean,
               "Starting sellers begin with the deals in flight the year before day 0 left."},
          }};
}

SectionDoc products() {
  SectionDoc section{"products", "", {{"share", K::kNumber, "Share of leads.", {}, "1"}}};
  // The pipeline's keys a product may set for itself: their kind and label are the pipeline's.
  const SectionDoc of_pipeline = pipeline();
  for (const std::string_view name :
       {"win_rate", "deal_size_acv", "sales_cycle_days", "complex_share"}) {
    KeyDoc key = *of_pipeline.find(name);
    key.doc = "As in pipeline (default: the pipeline's).";
    section.keys.push_back(key);
  }
  return section;
}

SectionDoc channels() {
  return {
      "channels",
      "",
      {
          {"share", K::kNumber, "Share of leads.", {}, "1"},
          {"lead_conversion",
           K::kNumber,
           "Probability a worked lead becomes an opportunity, in [0, 1].",
           {"Lead conversion", U::kProbability}},
          {"cycle_factor", K::kNumber, "Multiplies the sales cycle.", {"Cycle factor", U::kFactor}},
          {"win_rate_factor",
           K::kNumber,
           "Multiplies the win probability.",
           {"Win-rate factor", U::kFactor}},
          {"cost_per_lead", K::kNumber, "Cost of each lead.", {"Cost per lead", U::kMoney}},
      }};
}

SectionDoc segments() {
  return {"segments",
          "",
          {
              {"share", K::kNumber, "Share of leads.", {}, "1"},
              {"share_by_territory", K::kNumberMap,
               "The share in these territories instead of share, by territory name."},
              {"win_rate_factor",
               K::kNumber,
               "Multiplies the win probability of its deals.",
               {"Win-rate factor", U::kFactor}},
              {"deal_size_factor",
               K::kNumber,
               "Multiplies the ACV of its deals.",
               {"Deal-size factor", U::kFactor}},
              {"cycle_factor",
               K::kNumber,
               "Multiplies the sales cycle of its deals.",
               {"Cycle factor", U::kFactor}},
              {"churn_factor",
               K::kNumber,
               "Multiplies its customers' churn probability.",
               {"Churn factor", U::kFactor}},
          }};
}

SectionDoc seasonality() {
  return {"seasonality",
          "/seasonality",
          {
              {"leads", K::kTwelve,
               "Inbound lead-flow multipliers by calendar month, January "
               "first (12 numbers 0..10)."},
              {"closing", K::kTwelve,
               "Win-probability multipliers of deals closing in each calendar month."},
              {"start_month_of_year", K::kWholeNumber,
               "Calendar month of the first simulated month (1..12)."},
          }};
}

SectionDoc customers() {
  return {"customers",
          "/customers",
          {
              {"initial",
               K::kWholeNumber,
               "Customers at day 0, won before it.",
               {"Initial customers", U::kCount}},
              {"initial_mrr",
               K::kDistribution,
               "MRR of each initial customer.",
               {"Initial MRR each", U::kMoney}},
              {"monthly_churn",
               K::kNumber,
               "Probability of churning at each monthly renewal, in [0, 1].",
               {"Monthly churn", U::kProbability}},
              {"monthly_expansion",
               K::kDistribution,
               "Relative MRR change at each renewal of a staying customer.",
               {"Monthly expansion", U::kPercent}},
              {"annual_contract_share",
               K::kNumber,
               "Share of new customers on annual contracts.",
               {"Annual-contract share", U::kProbability}},
              {"annual_churn",
               K::kNumber,
               "Probability an annual contract churns at renewal.",
               {"Annual-contract churn", U::kProbability}},
              {"annual_billing",
               K::kChoice,
               "How annual contracts are invoiced.",
               {},
               "",
               {},
               annual_billings},
              {"covered_churn_factor",
               K::kNumber,
               "Churn of a customer covered by customer success relative to an uncovered one.",
               {"Churn factor with customer success", U::kFactor}},
              {"covered_expansion_bonus",
               K::kNumber,
               "Added to a covered customer's relative change at each renewal.",
               {"Expansion bonus with customer success", U::kPercent}},
          },
          arr_words()};
}

SectionDoc expect() {
  return {"expect",
          "",
          {
              {"metric", K::kText, "A metric of summary.csv (required)."},
              {"month", K::kMonthOrLast, "The month checked, or last (required)."},
              {"stat", K::kChoice, "The statistic over replications.", {}, "\"p50\"", {}, stats},
              {"op",
               K::kChoice,
               "How the statistic compares with value (required).",
               {},
               "",
               {},
               operators},
              {"value", K::kNumber, "The threshold, in the metric's unit (required)."},
              {"name", K::kText, "The test case's name in reports and junit.xml."},
          }};
}

std::vector<SectionDoc> all_sections() {
  return {top_level(),    money(),        funding(),    cost_schedule(), roles(),
          hire_sources(), founder(),      management(), territories(),   starting_staff(),
          hires(),        hiring_rules(), pipeline(),   products(),      channels(),
          segments(),     seasonality(),  customers(),  expect()};
}

}  // namespace

const DerivedWord* SectionDoc::derived_word(std::string_view key) const {
  std::string lower(key);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const DerivedWord& word : derived) {
    if (word.word == lower) return &word;
  }
  return nullptr;
}

const KeyDoc* SectionDoc::find(std::string_view key) const {
  for (const KeyDoc& doc : keys) {
    if (doc.name == key) return &doc;
  }
  return nullptr;
}

std::vector<std::string> SectionDoc::key_names() const {
  std::vector<std::string> names;
  for (const KeyDoc& doc : keys) names.emplace_back(doc.name);
  return names;
}

std::span<const SectionDoc> scenario_sections() {
  static const std::vector<SectionDoc> kSections = all_sections();
  return kSections;
}

const SectionDoc& scenario_section(std::string_view name) {
  for (const SectionDoc& section : scenario_sections()) {
    if (section.name == name) return section;
  }
  throw std::logic_error("no scenario section '" + std::string(name) + "' in scenario_keys.cc");
}

namespace {

// key_at_path from `at` (the start of a key) inside `section`, `found` holding the entry so far.
std::optional<KeyAtPath> key_in_section(const SectionDoc* section, std::string_view key_path,
                                        std::size_t at, KeyAtPath found) {
  while (at < key_path.size()) {
    const std::size_t end = std::min(key_path.find_first_of(".[", at), key_path.size());
    const KeyDoc* key = section->find(key_path.substr(at, end - at));
    if (key == nullptr) return std::nullopt;
    at = end;
    if (at == key_path.size()) {
      found.key = key;
      return found;
    }
    const bool named = key->kind == ValueKind::kNamedSections;
    const bool listed = key->kind == ValueKind::kList;
    if (!named && !listed && key->kind != ValueKind::kSection) return std::nullopt;
    section = &scenario_section(key->section);
    if (named) {
      // ".NAME." : the entry's name, then its key. A name may hold dots ("eu.west", "U.S.", whose
      // key path is territories.U.S..accounts): the shortest name after which the rest is a key
      // of the section.
      if (key_path[at] != '.') return std::nullopt;
      for (std::size_t name_end = key_path.find('.', at + 2); name_end != std::string_view::npos;
           name_end = key_path.find('.', name_end + 1)) {
        found.entry = std::string(key_path.substr(at + 1, name_end - at - 1));
        if (auto key_found = key_in_section(section, key_path, name_end + 1, found)) {
          return key_found;
        }
      }
      return std::nullopt;
    }
    if (listed) {
      // "[I]." : the item's index, then its key.
      const std::size_t close = key_path.find(']', at);
      if (key_path[at] != '[' || close == std::string_view::npos || close + 1 >= key_path.size() ||
          key_path[close + 1] != '.') {
        return std::nullopt;
      }
      std::size_t index = 0;
      const auto [ptr, error] =
          std::from_chars(key_path.data() + at + 1, key_path.data() + close, index);
      if (error != std::errc() || ptr != key_path.data() + close) return std::nullopt;
      found.entry = fmt::format("#{}", index + 1);
      at = close + 2;
    } else {
      if (key_path[at] != '.') return std::nullopt;
      ++at;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<KeyAtPath> key_at_path(std::string_view key_path) {
  return key_in_section(&scenario_section(""), key_path, 0, {});
}

std::string number_label(std::string_view key_path) {
  const std::optional<KeyAtPath> found = key_at_path(key_path);
  if (!found || found->key->label.text.empty()) return std::string(key_path);
  if (found->entry.empty()) return std::string(found->key->label.text);
  return fmt::format("{} ({})", found->key->label.text, found->entry);
}

}  // namespace teamsim::app
