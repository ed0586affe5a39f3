#include "app/scenario/organisation_readers.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/common/number_format.h"
#include "app/common/suggestions.h"
#include "app/scenario/distribution_syntax.h"
#include "app/scenario/hiring_plan_csv.h"
#include "app/scenario/key_readers.h"
#include "app/scenario/number_hints.h"
#include "app/scenario/plan_calendar.h"
#include "app/scenario/scenario_limits.h"
#include "models/defaults.h"

namespace teamsim::app::loader {
namespace {

using model::name_of;
using model::RoleKind;
using model::RoleSpec;
using model::ScenarioSpec;

std::optional<RoleKind> read_role_kind(const YamlNode& node, const std::string& key_path,
                                       DiagnosticSink& sink) {
  const auto text = read_text(node, key_path, sink);
  if (!text) return std::nullopt;
  if (const auto kind = sim::parse_in(model::kRoleKinds, *text)) return kind;
  sink.error(node.mark, key_path,
             fmt::format("unknown role kind '{}'{}", *text,
                         suggestion(*text, sim::names_in(model::kRoleKinds))));
  return std::nullopt;
}

// Role fields that apply only to some kinds, with the kinds they apply to.
struct KindKey {
  std::string_view key;
  std::vector<RoleKind> kinds;
};

const std::vector<KindKey>& kind_keys() {
  using K = RoleKind;
  static const std::vector<KindKey> kKeys = {
      {"max_open_opportunities", {K::kAccountExecutive}},
      {"prospecting_leads_per_month", {K::kAccountExecutive}},
      {"hands_off_leads", {K::kAccountExecutive}},
      {"annual_quota", {K::kAccountExecutive}},
      {"on_target_earnings", {K::kAccountExecutive}},
      {"performance", {K::kAccountExecutive}},
      {"span_of_control", {K::kSalesManager, K::kAssistantManager}},
      {"concurrent_searches", {K::kSalesManager, K::kAssistantManager}},
      {"trainees_at_once", {K::kSalesManager, K::kAssistantManager, K::kSalesEnablement}},
      {"accounts_per_rep", {K::kCustomerSuccess}},
      {"concurrent_deals", {K::kSpecialist}},
      {"leads_screened_per_month", {K::kSalesOperations}},
      {"reps_supported", {K::kSalesEnablement}},
      {"ramp_reduction", {K::kSalesEnablement}},
      {"productivity_uplift", {K::kSalesEnablement}},
  };
  return kKeys;
}

// annual_attrition: below 1, since at 1 everyone would leave at once.
void read_attrition(ObjectReader& reader, RoleSpec& role) {
  DiagnosticSink& sink = reader.sink();
  const YamlNode* node = reader.get("annual_attrition");
  if (node == nullptr) return;
  const std::string path = reader.path_of("annual_attrition");
  if (const auto value = read_number(*node, path, sink)) {
    if (*value >= 1) {
      sink.error(node->mark, path,
                 fmt::format("must be less than 1 (at 1 everyone would leave at once), got {}{}",
                             format_number(*value), percent_hint(*value)));
    } else if (check_range(*value, 0, kInf, *node, path, sink)) {
      role.annual_attrition = *value;
    }
  }
}

// The fields every role has.
void read_common_role_fields(ObjectReader& reader, RoleSpec& role) {
  read_money_key(reader, "annual_salary", role.annual_salary);
  read_distribution_key(reader, "time_to_fill_days", kDays, role.time_to_fill_days);
  read_distribution_key(reader, "onboarding_days", kDays, role.onboarding_days);
  read_distribution_key(reader, "ramp_months", kMonths, role.ramp_months);
  read_attrition(reader, role);
  if (const auto backfill = reader.boolean("backfill")) role.backfill = *backfill;
  read_distribution_key(reader, "backfill_delay_days", kDays, role.backfill_delay_days);
  if (const auto source = reader.text("backfill_source")) role.backfill_source = *source;
  read_choice(reader, "ramp_curve", model::kRampCurves, role.ramp_curve);
}

// Reports the keys that belong to other kinds than the role's.
void report_other_kinds_keys(ObjectReader& reader, const RoleSpec& role) {
  for (const KindKey& entry : kind_keys()) {
    const YamlNode* node = reader.get(entry.key);
    if (node == nullptr ||
        std::find(entry.kinds.begin(), entry.kinds.end(), role.kind) != entry.kinds.end()) {
      continue;
    }
    std::vector<std::string> kinds;
    for (const RoleKind kind : entry.kinds) kinds.emplace_back(name_of(kind));
    reader.sink().error(node->mark, reader.path_of(entry.key),
                        fmt::format("applies only to roles of kind {}, and this role is of kind {}",
                                    fmt::join(kinds, " or "), name_of(role.kind)));
  }
}

// annual_quota: 0 (no quota) or at least 1, since commission is paid per unit of quota and a quota
// of a fraction of a cent overflows it.
void read_quota(ObjectReader& reader, RoleSpec& role) {
  read_money_key(reader, "annual_quota", role.annual_quota);
  const YamlNode* quota = reader.get("annual_quota");
  if (quota != nullptr && role.annual_quota > 0 && role.annual_quota < 1) {
    reader.sink().error(quota->mark, reader.path_of("annual_quota"),
                        fmt::format("must be 0 (no quota) or at least 1, got {}",
                                    format_number(role.annual_quota)));
    role.annual_quota = 0;
  }
}

// on_target_earnings: at least the salary; without it, the salary at a 50/50 pay mix.
void read_on_target_earnings(ObjectReader& reader, RoleSpec& role) {
  DiagnosticSink& sink = reader.sink();
  const YamlNode* ote = reader.get("on_target_earnings");
  if (ote == nullptr && reader.get("annual_salary") != nullptr) {
    role.on_target_earnings = 2 * role.annual_salary;
  }
  if (ote == nullptr) return;
  const std::string path = reader.path_of("on_target_earnings");
  if (const auto value = read_number(*ote, path, sink)) {
    if (*value < role.annual_salary) {
      sink.error(ote->mark, path,
                 fmt::format("must be at least annual_salary ({}), got {}",
                             format_number(role.annual_salary), format_number(*value)));
    } else if (check_range(*value, -kInf, kMaxMoney, *ote, path, sink, kMoneyNote)) {
      role.on_target_earnings = *value;
    }
  }
}

void read_account_executive_fields(ObjectReader& reader, RoleSpec& role) {
  read_int_key(reader, "max_open_opportunities", 0, kMaxCount, role.max_open_opportunities);
  read_capped_key(reader, "prospecting_leads_per_month", 0, kMaxProspectingLeadsPerMonth,
                  kEventsNote, role.prospecting_leads_per_month);
  if (const auto hands_off = reader.boolean("hands_off_leads")) role.hands_off_leads = *hands_off;
  read_quota(reader, role);
  read_distribution_key(reader, "performance", kMultiplier, role.performance);
  read_on_target_earnings(reader, role);
}

// The fields of the role's own kind (kind_keys()).
void read_kind_fields(ObjectReader& reader, RoleSpec& role) {
  switch (role.kind) {
    case RoleKind::kAccountExecutive:
      read_account_executive_fields(reader, role);
      break;
    case RoleKind::kSalesManager:
    case RoleKind::kAssistantManager:
      read_int_key(reader, "span_of_control", 0, kMaxCount, role.span_of_control);
      read_int_key(reader, "concurrent_searches", 0, kMaxCount, role.concurrent_searches);
      read_int_key(reader, "trainees_at_once", 0, kMaxCount, role.trainees_at_once);
      break;
    case RoleKind::kCustomerSuccess:
      read_int_key(reader, "accounts_per_rep", 0, kMaxCustomers, role.accounts_per_rep);
      break;
    case RoleKind::kSpecialist:
      read_int_key(reader, "concurrent_deals", 0, kMaxCount, role.concurrent_deals);
      break;
    case RoleKind::kSalesOperations:
      read_capped_key(reader, "leads_screened_per_month", 0, kMaxScreenedLeadsPerMonth,
                      " (a million a month per person at most)", role.leads_screened_per_month);
      break;
    case RoleKind::kSalesEnablement:
      read_int_key(reader, "trainees_at_once", 0, kMaxCount, role.trainees_at_once);
      read_int_key(reader, "reps_supported", 0, kMaxCount, role.reps_supported);
      read_number_key(reader, "ramp_reduction", 0, 1, role.ramp_reduction);
      read_factor_key(reader, "productivity_uplift", role.productivity_uplift);
      break;
  }
}

void read_role_fields(ObjectReader& reader, RoleSpec& role) {
  read_common_role_fields(reader, role);
  report_other_kinds_keys(reader, role);
  read_kind_fields(reader, role);
}

// After an unknown role no defined one is close to: how to define it, a role of one's own being
// the likelier meaning than a misspelling. An SDR or BDR (the role a founder adds beside the
// AEs) is an AE-kind role that hands its leads on, which its name alone does not say.
std::string new_role_hint(const std::string& name) {
  const std::string lower = lowercase(name);
  if (lower == "sdr" || lower == "bdr" || lower == "sdrs" || lower == "bdrs" ||
      lower.find("development") != std::string::npos) {
    return fmt::format(
        "; an SDR is a role of your own, an AE that prospects and hands its leads to the AEs: "
        "define it under roles: {{{}: {{kind: account_executive, hands_off_leads: true}}}}",
        name);
  }
  return fmt::format(
      "; to hire a role of your own, define it under roles: with one of those as its kind, "
      "e.g. roles: {{{}: {{kind: account_executive}}}}",
      name);
}

// Reads `role` and `territory` of a staff or hire entry and checks that both are defined.
void read_references(ObjectReader& reader, const ScenarioSpec& spec, std::string& role,
                     std::string& territory) {
  DiagnosticSink& sink = reader.sink();
  if (const YamlNode* node = reader.require("role")) {
    if (const auto name = read_text(*node, reader.path_of("role"), sink)) {
      if (spec.find_role(*name) == nullptr) {
        std::vector<std::string> names;
        for (const RoleSpec& r : spec.roles) names.push_back(r.name);
        sink.error(
            node->mark, reader.path_of("role"),
            fmt::format("unknown role '{}'{}{}", *name, suggestion(*name, names, "defined roles"),
                        close_matches(*name, names).empty() ? new_role_hint(*name) : ""));
      }
      role = *name;
    }
  }
  if (const YamlNode* node = reader.get("territory")) {
    if (const auto name = read_text(*node, reader.path_of("territory"), sink)) {
      std::vector<std::string> names;
      for (const model::TerritorySpec& t : spec.territories) names.push_back(t.name);
      if (std::find(names.begin(), names.end(), *name) == names.end()) {
        sink.error(node->mark, reader.path_of("territory"),
                   fmt::format("unknown territory '{}'{}", *name,
                               suggestion(*name, names, "defined territories")));
      }
      territory = *name;
    }
  }
}

// Reads `source` of a hire or rule and checks that it is a defined hire source.
void read_source_reference(ObjectReader& reader, const ScenarioSpec& spec, std::string& source) {
  const YamlNode* node = reader.get("source");
  if (node == nullptr) return;
  const auto name = read_text(*node, reader.path_of("source"), reader.sink());
  if (!name) return;
  if (spec.find_source(*name) == nullptr) {
    std::vector<std::string> names;
    for (const model::HireSourceSpec& s : spec.hire_sources) names.push_back(s.name);
    reader.sink().error(node->mark, reader.path_of("source"),
                        fmt::format("unknown hire source '{}'{}", *name,
                                    suggestion(*name, names, "defined hire sources")));
    return;
  }
  source = *name;
}

// Adds an entry's `count` people to `planned` (starting staff plus dated hires) and reports the
// entry that takes the total past kMaxPlannedPeople.
void count_planned_people(ObjectReader& reader, int count, std::int64_t& planned) {
  const bool was_within = planned <= kMaxPlannedPeople;
  planned += count;
  if (!was_within || planned <= kMaxPlannedPeople) return;
  const YamlNode* node = reader.get("count");
  reader.sink().error(
      node != nullptr ? node->mark : reader.node().mark, reader.path_of("count"),
      fmt::format(
          "starting_staff and hires reach {} people with this entry, more than the limit of {}{}",
          planned, kMaxPlannedPeople, kEventsNote));
}

}  // namespace

void read_hire_sources(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_map_or_null(node, "hire_sources", sink)) return;
  check_entry_count(node, "hire_sources", sink);
  for (const YamlEntry& entry : node.entries) {
    ObjectReader reader(entry.value, key_path_join("hire_sources", entry.key),
                        scenario_section("hire_sources"), sink);
    if (entry.key.empty()) {
      sink.error(entry.key_mark, "hire_sources", "a hire source name must not be empty");
      continue;
    }
    model::HireSourceSpec* source = nullptr;
    for (model::HireSourceSpec& s : spec.hire_sources)
      if (s.name == entry.key) source = &s;
    if (source == nullptr) {
      spec.hire_sources.push_back(model::neutral_hire_source(entry.key));
      source = &spec.hire_sources.back();
    }
    read_factor_key(reader, "time_to_fill_factor", source->time_to_fill_factor);
    read_factor_key(reader, "ramp_factor", source->ramp_factor);
    read_factor_key(reader, "productivity", source->productivity);
    read_factor_key(reader, "attrition_factor", source->attrition_factor);
    read_factor_key(reader, "salary_factor", source->salary_factor);
    read_money_key(reader, "cost_per_hire", source->cost_per_hire);
    reader.finish();
  }
}

void read_roles(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_map_or_null(node, "roles", sink)) return;
  check_entry_count(node, "roles", sink);
  for (const YamlEntry& entry : node.entries) {
    const std::string path = key_path_join("roles", entry.key);
    ObjectReader reader(entry.value, path, scenario_section("roles"), sink);
    if (entry.key.empty()) {
      sink.error(entry.key_mark, "roles", "a role name must not be empty");
      continue;
    }
    RoleSpec* builtin = nullptr;
    for (RoleSpec& role : spec.roles) {
      if (role.name == entry.key) builtin = &role;
    }
    if (builtin != nullptr) {
      if (const YamlNode* kind_node = reader.get("kind")) {
        const auto kind = read_role_kind(*kind_node, reader.path_of("kind"), sink);
        if (kind && *kind != builtin->kind) {
          sink.error(
              kind_node->mark, reader.path_of("kind"),
              fmt::format(
                  "the built-in role '{}' is of kind {}; give a role of kind {} another name",
                  builtin->name, name_of(builtin->kind), name_of(*kind)));
        }
      }
      read_role_fields(reader, *builtin);
    } else {
      // Without a valid kind, read the rest as an account executive so that every problem shows.
      RoleKind kind = RoleKind::kAccountExecutive;
      // "sales_mgr:" without a kind is more often a misspelt built-in role than a new one.
      std::vector<std::string> builtins;
      for (const RoleSpec& role : spec.roles) builtins.push_back(role.name);
      const std::string close = closest_match(entry.key, builtins);
      if (const YamlNode* kind_node = reader.get("kind")) {
        kind = read_role_kind(*kind_node, reader.path_of("kind"), sink).value_or(kind);
      } else if (close.empty() || !entry.value.is_map()) {
        reader.require("kind");
      } else {
        sink.error(entry.value.mark, path,
                   fmt::format("missing required key 'kind': a new role needs one; or did you "
                               "mean the built-in role '{}'?",
                               close));
      }
      RoleSpec role = model::default_role(kind, entry.key);
      read_role_fields(reader, role);
      spec.roles.push_back(std::move(role));
    }
    reader.finish();
  }
}

void read_founder(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  ObjectReader reader(node, "founder", scenario_section("founder"), sink);
  read_int_key(reader, "span_of_control", 0, kMaxCount, spec.founder.span_of_control);
  read_int_key(reader, "concurrent_searches", 1, kMaxCount, spec.founder.concurrent_searches);
  read_factor_key(reader, "time_to_fill_factor", spec.founder.time_to_fill_factor);
  read_int_key(reader, "trainees_at_once", 1, kMaxCount, spec.founder.trainees_at_once);
  reader.finish();
}

void read_management(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  ObjectReader reader(node, "management", scenario_section("management"), sink);
  read_number_key(reader, "under_management_penalty", 0, 1,
                  spec.management.under_management_penalty);
  read_factor_key(reader, "underperformance_threshold", spec.management.underperformance_threshold);
  read_int_key(reader, "underperformance_months", 1, 12, spec.management.underperformance_months);
  read_int_key(reader, "improvement_plan_months", 0, 12, spec.management.improvement_plan_months);
  reader.finish();
}

void read_starting_staff(const YamlNode& node, ScenarioSpec& spec, std::int64_t& planned,
                         DiagnosticSink& sink) {
  if (!is_list_or_null(node, "starting_staff", sink)) return;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    ObjectReader reader(node.items[i], key_path_index("starting_staff", i),
                        scenario_section("starting_staff"), sink);
    if (!reader.valid()) continue;
    model::StartingStaffSpec staff;
    read_references(reader, spec, staff.role, staff.territory);
    read_int_key(reader, "count", 0, kMaxCount, staff.count);
    count_planned_people(reader, staff.count, planned);
    reader.finish();
    spec.starting_staff.push_back(std::move(staff));
  }
}

namespace {

// Reads the month at `key` of `reader` (if present) into `month`: a whole number from 1 to the
// horizon (the longest horizon when the scenario's is invalid, which was reported already), or
// a calendar month in that range. Returns whether the key was there.
bool read_month_key(ObjectReader& reader, std::string_view key, const ScenarioSpec& spec,
                    bool horizon_known, int& month) {
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return false;
  const auto value =
      read_plan_month(*node, reader.path_of(key), start_date_of(spec), 1,
                      last_plan_month(spec, horizon_known), reader.sink(), horizon_known);
  if (value) month = *value;
  return true;
}

}  // namespace

void read_hires(const YamlNode& node, ScenarioSpec& spec, bool horizon_known, std::int64_t& planned,
                DiagnosticSink& sink, std::string_view list_key) {
  if (!is_list_or_null(node, std::string(list_key), sink)) return;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    ObjectReader reader(node.items[i], key_path_index(list_key, i), scenario_section("hires"),
                        sink);
    if (!reader.valid()) continue;
    model::HireSpec hire;
    read_references(reader, spec, hire.role, hire.territory);
    read_int_key(reader, "count", 0, kMaxCount, hire.count);
    count_planned_people(reader, hire.count, planned);
    read_source_reference(reader, spec, hire.source);
    // `month`: the search opens then; `start_month`: the people start then.
    if (const YamlNode* start = reader.get("start_month"); start && reader.get("month")) {
      sink.error(start->mark, reader.path_of("start_month"),
                 "give month (the search opens) or start_month (the person starts), not both");
    } else if (start != nullptr) {
      read_month_key(reader, "start_month", spec, horizon_known, hire.month);
      hire.by_start_month = true;
    } else if (reader.require("month") != nullptr) {
      read_month_key(reader, "month", spec, horizon_known, hire.month);
    }
    reader.finish();
    spec.hires.push_back(std::move(hire));
  }
}

void read_hires_csv(const YamlNode& node, const HiresCsvFile& file, ScenarioSpec& spec,
                    bool horizon_known, std::int64_t& planned, DiagnosticSink& sink) {
  if (!read_text(node, "hires_csv", sink)) return;
  for (const Diagnostic& problem : file.problems) {
    sink.error(SourceMark{problem.file, problem.line, problem.column}, problem.key_path,
               problem.message);
  }
  if (file.rows) read_hires(*file.rows, spec, horizon_known, planned, sink, "hires_csv");
}

void read_hiring_rules(const YamlNode& node, ScenarioSpec& spec, bool horizon_known,
                       DiagnosticSink& sink) {
  if (!is_list_or_null(node, "hiring_rules", sink)) return;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    ObjectReader reader(node.items[i], key_path_index("hiring_rules", i),
                        scenario_section("hiring_rules"), sink);
    if (!reader.valid()) continue;
    model::HiringRuleSpec rule;
    read_references(reader, spec, rule.role, rule.territory);
    read_source_reference(reader, spec, rule.source);
    read_int_key(reader, "count", 1, kMaxCount, rule.count);
    read_int_key(reader, name_of(model::RuleBasis::kNone), 1, kMaxHorizonMonths, rule.every_months);
    // A rule whose months are past the horizon, or out of order, would never apply.
    read_month_key(reader, "from_month", spec, horizon_known, rule.from_month);
    if (read_month_key(reader, "until_month", spec, horizon_known, rule.until_month) &&
        rule.until_month < rule.from_month) {
      sink.error(reader.get("until_month")->mark, reader.path_of("until_month"),
                 fmt::format("must be at least from_month ({}), got {}: the rule would never apply",
                             rule.from_month, rule.until_month));
    }
    read_int_key(reader, "max_count", 0, kMaxCount, rule.max_count);
    int given = rule.every_months > 0 ? 1 : 0;
    for (const model::RuleBasisEntry& basis : model::kRuleBases) {
      if (basis.value == model::RuleBasis::kNone || reader.get(basis.name) == nullptr) continue;
      ++given;
      double ratio = 0;
      const YamlNode* ratio_node = reader.get(basis.name);
      const std::string path = reader.path_of(basis.name);
      if (const auto value = read_number(*ratio_node, path, sink);
          value && check_range(*value, basis.min_ratio, kMaxCustomers, *ratio_node, path, sink,
                               fmt::format(" ({})", basis.min_ratio_why))) {
        ratio = *value;
      }
      rule.basis = basis.value;
      rule.ratio = ratio > 0 ? ratio : 1;
    }
    if (given != 1) {
      sink.error(node.items[i].mark, reader.key_path(),
                 fmt::format("give exactly one of {}", one_of(sim::names_in(model::kRuleBases))));
    }
    reader.finish();
    spec.hiring_rules.push_back(std::move(rule));
  }
}

}  // namespace teamsim::app::loader
