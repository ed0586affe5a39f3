#include "app/scenario/scenario_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <variant>

#include "app/common/number_format.h"
#include "app/common/suggestions.h"
#include "app/scenario/yaml_reader.h"
#include "models/defaults.h"
#include "models/limits.h"
#include "models/projection.h"
#include "sim/distribution.h"

namespace teamsim::app {
namespace {

using model::RoleKind;
using model::RoleSpec;
using model::ScenarioSpec;
using sim::Distribution;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kMaxHorizonMonths = 600;
constexpr std::int64_t kMaxReplications = 1'000'000;
constexpr std::int64_t kMaxCount = 100'000;
constexpr std::int64_t kMaxCustomers = 10'000'000;

// Limits on the inputs that drive how many events a replication handles, so that no scenario
// runs for hours or fills memory, and on magnitudes, so that sums and products of inputs stay
// finite. Each is in docs/scenario-reference.md ("Limits") and docs/reliability.md.
constexpr double kMaxInboundLeadsPerMonth = 100'000;    // per territory
constexpr double kMaxProspectingLeadsPerMonth = 1'000;  // per person
constexpr std::int64_t kMaxInitialCustomers = 1'000'000;
constexpr std::int64_t kMaxPlannedPeople = 100'000;  // starting staff plus dated hires
constexpr double kMaxSeasonalMultiplier = 10;
constexpr double kMaxMoney = 1e15;  // any amount, in the scenario's currency
constexpr double kMaxFactor = 100;  // any multiplier of a rate, a size, a duration or a chance
constexpr double kMaxShare = 1e6;   // relative weights (shares are normalised)
// Leads one sales-operations person screens a month: summed over the team (and subtracted when
// someone leaves), a huge value would become infinite or swallow the others.
constexpr double kMaxScreenedLeadsPerMonth = 1e6;
constexpr double kMaxCoolOffMonths = 1'200;  // a century
// Roles, territories, products, channels, segments and hire sources each: the model loops over
// territories for every unassigned hire and keeps metrics per entry.
constexpr std::size_t kMaxNamedEntries = 1'000;
constexpr std::string_view kEventsNote =
    " (a limit that keeps a replication from running for minutes; see \"Limits\" in "
    "docs/scenario-reference.md)";
constexpr std::string_view kMoneyNote = " (larger amounts are surely a typo)";
constexpr std::string_view kFactorNote = " (a multiplier above 100 is surely a typo)";

// The values a distribution-valued key may take.
struct Support {
  double min;
  double max;
  bool constants_only = false;  // only a constant is checked; a distribution's tail is allowed
  // The largest value its one-in-a-million draw may reach (infinite: no check), so that a far
  // tail cannot overflow what the model adds up; `why` says so in the message.
  double typical_max = kInf;
  std::string_view why = "a far tail like this is surely a mistake";
};
constexpr Support kMoney{0, kInf, false, kMaxMoney, "larger amounts are surely a typo"};
constexpr Support kMultiplier{0, kInf, false, kMaxFactor,
                              "a multiplier above 100 is surely a typo"};
constexpr Support kDays{0, kInf, false, 36'525, "a century at most"};
constexpr Support kMonths{0, kInf, false, 1'200, "a century at most"};
constexpr Support kProbability{0, 1};
// A renewal can at most lose all of a customer's MRR. The model clamps MRR at 0, so a distribution
// with a far tail below -1 (a normal) is fine; a constant below -1 is a mistake. Growth compounds
// every month: +50 % at most for each, and for their sum (check_combinations), gives at most
// 1.5^600 (about 1e106) over the longest horizon, so MRR, cash and their squares in the summary's
// variances stay finite (a squared 2^600, as +50 % each would allow, overflows).
constexpr double kMaxMonthlyExpansion = 0.5;
constexpr Support kRelativeChange{-1, kInf, true, kMaxMonthlyExpansion,
                                  "growth compounds every month and would overflow"};

// "a, b or c".
std::string one_of(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " or " : ", ";
    text += items[i];
  }
  return text;
}

// "{min, max} or {p5, p95}": the parameter sets `family` accepts.
std::string describe_sets(const sim::FamilyEntry& family) {
  std::vector<std::string> sets;
  for (const sim::ParameterSet& set : family.parameter_sets())
    sets.push_back(fmt::format("{{{}}}", fmt::join(set.keys(), ", ")));
  return one_of(sets);
}

// Builds the distribution for `family` from `set` and, for a truncatable family, the optional
// bounds `min` and `max` among `p`.
Distribution make_distribution(const sim::FamilyEntry& family, const sim::ParameterSet& set,
                               const std::map<std::string, double>& p,
                               const std::vector<double>& values) {
  std::vector<double> arguments;
  for (const std::string_view key : set.keys()) {
    if (key == "values") {
      arguments.insert(arguments.end(), values.begin(), values.end());
    } else {
      arguments.push_back(p.at(std::string(key)));
    }
  }
  Distribution base = set.make(arguments);
  if (!family.truncatable || (!p.contains("min") && !p.contains("max"))) return base;
  const auto& normal = std::get<Distribution::TruncatedNormal>(base.params());
  return Distribution::truncated_normal(normal.mean, normal.sd,
                                        p.contains("min") ? p.at("min") : -kInf,
                                        p.contains("max") ? p.at("max") : kInf);
}

// Reports a constant outside `support`: the plain range first, then its typical maximum with
// the reason.
bool check_constant(double value, Support support, const YamlNode& node,
                    const std::string& key_path, DiagnosticSink& sink) {
  if (!check_range(value, support.min, support.max, node, key_path, sink)) return false;
  return check_range(value, -kInf, support.typical_max, node, key_path, sink,
                     fmt::format(" ({})", support.why));
}

// Reports a distribution that can take values outside `support`.
bool check_support(const Distribution& distribution, const sim::FamilyEntry& entry, Support support,
                   const YamlNode& node, const std::string& key_path, DiagnosticSink& sink) {
  const std::string_view family = entry.name;
  if (distribution.is_constant() && entry.value == sim::Family::kConstant) {
    return check_constant(distribution.support_min(), support, node, key_path, sink);
  }
  if (std::isfinite(support.typical_max)) {
    const double far = distribution.quantile(1 - 1e-6);
    if (!(far <= support.typical_max)) {
      sink.error(
          node.mark, key_path,
          fmt::format("{} reaches {} at its one-in-a-million draw; keep that below {} ({})", family,
                      format_number(far), format_number(support.typical_max), support.why));
      return false;
    }
  }
  if (support.constants_only) return true;
  const double low = distribution.support_min();
  const double high = distribution.support_max();
  if (low < support.min) {
    const std::string bound = format_number(support.min);
    sink.error(node.mark, key_path,
               entry.truncatable
                   ? fmt::format("{} can go below {} here; add min: {}", family, bound, bound)
                   : fmt::format("{} can go below {} here (its smallest possible value is {})",
                                 family, bound, format_number(low)));
    return false;
  }
  if (high > support.max) {
    const std::string bound = format_number(support.max);
    std::string message;
    if (entry.truncatable) {
      message = fmt::format("{} can go above {} here; add max: {}", family, bound, bound);
    } else if (std::isinf(high)) {
      message = fmt::format("{} can go above {} here (it has no upper bound)", family, bound);
    } else {
      message = fmt::format("{} can go above {} here (its largest possible value is {})", family,
                            bound, format_number(high));
    }
    sink.error(node.mark, key_path, std::move(message));
    return false;
  }
  return true;
}

// A bare number (a constant) or a map {dist: NAME, parameters...}.
std::optional<Distribution> read_distribution(const YamlNode& node, const std::string& key_path,
                                              DiagnosticSink& sink, Support support) {
  if (!node.is_map()) {
    const auto value =
        read_number(node, key_path, sink, "a number or a distribution map {dist: ...}");
    if (!value) return std::nullopt;
    if (!check_constant(*value, support, node, key_path, sink)) return std::nullopt;
    return Distribution::constant(*value);
  }
  const std::size_t errors_before = sink.count();
  ObjectReader reader(node, key_path, sink);
  const YamlNode* dist_node = reader.require("dist");
  if (dist_node == nullptr) return std::nullopt;
  const auto dist_name = read_text(*dist_node, reader.path_of("dist"), sink);
  if (!dist_name) return std::nullopt;
  const auto family_value = sim::parse_in(sim::kFamilies, *dist_name);
  if (!family_value) {
    sink.error(dist_node->mark, reader.path_of("dist"),
               fmt::format("unknown distribution '{}'{}", *dist_name,
                           suggestion(*dist_name, sim::names_in(sim::kFamilies))));
    return std::nullopt;
  }
  const sim::FamilyEntry* family = sim::entry_of(sim::kFamilies, *family_value);

  std::vector<std::string> keys;
  for (const sim::ParameterSet& set : family->parameter_sets()) {
    for (const std::string_view key : set.keys()) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.emplace_back(key);
    }
  }
  std::map<std::string, double> parameters;
  std::vector<double> values;
  std::vector<std::string> given;  // parameters present, truncation bounds excluded
  const auto read_parameter = [&](const std::string& key, bool part_of_set) {
    const YamlNode* value_node = reader.get(key);
    if (value_node == nullptr) return;
    if (part_of_set) given.push_back(key);
    const std::string path = reader.path_of(key);
    if (key == "values") {
      if (!value_node->is_sequence()) {
        sink.error(
            value_node->mark, path,
            fmt::format("expected a list of numbers, got {}", describe_yaml_node(*value_node)));
        return;
      }
      for (std::size_t i = 0; i < value_node->items.size(); ++i) {
        if (const auto v = read_number(value_node->items[i], key_path_index(path, i), sink)) {
          values.push_back(*v);
        }
      }
      return;
    }
    if (const auto v = read_number(*value_node, path, sink)) parameters[key] = *v;
  };
  for (const std::string& key : keys) read_parameter(key, true);
  if (family->truncatable) {
    read_parameter("min", false);
    read_parameter("max", false);
  }
  if (!reader.finish()) return std::nullopt;

  std::vector<std::string> sorted_given = given;
  std::sort(sorted_given.begin(), sorted_given.end());
  const sim::ParameterSet* chosen = nullptr;
  for (const sim::ParameterSet& set : family->parameter_sets()) {
    std::vector<std::string> sorted_keys(set.keys().begin(), set.keys().end());
    std::sort(sorted_keys.begin(), sorted_keys.end());
    if (sorted_keys == sorted_given) chosen = &set;
  }
  if (chosen == nullptr) {
    const std::string got =
        given.empty() ? "no parameters" : fmt::format("{{{}}}", fmt::join(given, ", "));
    const std::string accepted =
        family->parameter_sets().size() == 1
            ? fmt::format("{} takes {}", family->name, describe_sets(*family))
            : fmt::format("{} takes exactly one of {}", family->name, describe_sets(*family));
    sink.error(node.mark, key_path,
               fmt::format("{}{}; got {}", accepted,
                           family->truncatable ? " (each optionally with min and max)" : "", got));
    return std::nullopt;
  }
  if (sink.count() != errors_before) return std::nullopt;
  try {
    Distribution distribution = make_distribution(*family, *chosen, parameters, values);
    if (!check_support(distribution, *family, support, node, key_path, sink)) {
      return std::nullopt;
    }
    return distribution;
  } catch (const std::invalid_argument& e) {
    sink.error(node.mark, key_path, e.what());
    return std::nullopt;
  }
}

// Assigns a distribution-valued key of `reader`, when present and valid.
void read_distribution_key(ObjectReader& reader, std::string_view key, Support support,
                           Distribution& target) {
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return;
  if (auto value = read_distribution(*node, reader.path_of(key), reader.sink(), support)) {
    target = std::move(*value);
  }
}

// Assigns a number key of `reader` within [min, max], when present and valid.
void read_number_key(ObjectReader& reader, std::string_view key, double min, double max,
                     double& target) {
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return;
  const auto value = read_number(*node, reader.path_of(key), reader.sink());
  if (value && check_range(*value, min, max, *node, reader.path_of(key), reader.sink())) {
    target = *value;
  }
}

// Assigns a number key that must be at least `min` and, for the reason `note` gives, at most
// `cap`: "must be at least 0" for a negative value, "must be at most 100000 (why)" for a huge one.
void read_capped_key(ObjectReader& reader, std::string_view key, double min, double cap,
                     std::string_view note, double& target) {
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return;
  const std::string path = reader.path_of(key);
  const auto value = read_number(*node, path, reader.sink());
  if (value && check_range(*value, min, kInf, *node, path, reader.sink()) &&
      check_range(*value, -kInf, cap, *node, path, reader.sink(), note)) {
    target = *value;
  }
}

// A money key: an amount from 0 to kMaxMoney.
void read_money_key(ObjectReader& reader, std::string_view key, double& target) {
  read_capped_key(reader, key, 0, kMaxMoney, kMoneyNote, target);
}

// A multiplier key: from 0 to kMaxFactor.
void read_factor_key(ObjectReader& reader, std::string_view key, double& target) {
  read_capped_key(reader, key, 0, kMaxFactor, kFactorNote, target);
}

void read_int_key(ObjectReader& reader, std::string_view key, std::int64_t min, std::int64_t max,
                  int& target) {
  if (const auto value = reader.integer(key, min, max)) target = static_cast<int>(*value);
}

using model::name_of;

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

// Assigns a key whose value is one of the names of `table` (e.g. kRampCurves), when present and
// valid.
template <class Table, class Enum>
void read_choice(ObjectReader& reader, std::string_view key, const Table& table, Enum& target) {
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return;
  const auto text = read_text(*node, reader.path_of(key), reader.sink());
  if (!text) return;
  if (const auto value = sim::parse_in(table, *text)) {
    target = *value;
    return;
  }
  reader.sink().error(
      node->mark, reader.path_of(key),
      fmt::format("unknown value '{}'{}", *text, suggestion(*text, sim::names_in(table))));
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

void read_role_fields(ObjectReader& reader, RoleSpec& role) {
  DiagnosticSink& sink = reader.sink();
  read_money_key(reader, "annual_salary", role.annual_salary);
  read_distribution_key(reader, "time_to_fill_days", kDays, role.time_to_fill_days);
  read_distribution_key(reader, "onboarding_days", kDays, role.onboarding_days);
  read_distribution_key(reader, "ramp_months", kMonths, role.ramp_months);
  if (const YamlNode* node = reader.get("annual_attrition")) {
    const std::string path = reader.path_of("annual_attrition");
    if (const auto value = read_number(*node, path, sink)) {
      if (*value >= 1) {
        sink.error(node->mark, path,
                   fmt::format("must be less than 1 (at 1 everyone would leave at once), got {}",
                               format_number(*value)));
      } else if (check_range(*value, 0, kInf, *node, path, sink)) {
        role.annual_attrition = *value;
      }
    }
  }
  if (const auto backfill = reader.boolean("backfill")) role.backfill = *backfill;
  read_distribution_key(reader, "backfill_delay_days", kDays, role.backfill_delay_days);
  if (const auto source = reader.text("backfill_source")) role.backfill_source = *source;
  read_choice(reader, "ramp_curve", model::kRampCurves, role.ramp_curve);
  // Keys of other kinds are errors; the role's own kind's keys are read below.
  for (const KindKey& entry : kind_keys()) {
    const YamlNode* node = reader.get(entry.key);
    if (node == nullptr ||
        std::find(entry.kinds.begin(), entry.kinds.end(), role.kind) != entry.kinds.end()) {
      continue;
    }
    std::vector<std::string> kinds;
    for (const RoleKind kind : entry.kinds) kinds.emplace_back(name_of(kind));
    sink.error(node->mark, reader.path_of(entry.key),
               fmt::format("applies only to roles of kind {}, and this role is a {}",
                           fmt::join(kinds, " or "), name_of(role.kind)));
  }
  switch (role.kind) {
    case RoleKind::kAccountExecutive: {
      read_int_key(reader, "max_open_opportunities", 0, kMaxCount, role.max_open_opportunities);
      read_capped_key(reader, "prospecting_leads_per_month", 0, kMaxProspectingLeadsPerMonth,
                      kEventsNote, role.prospecting_leads_per_month);
      if (const auto hands_off = reader.boolean("hands_off_leads")) {
        role.hands_off_leads = *hands_off;
      }
      read_money_key(reader, "annual_quota", role.annual_quota);
      const YamlNode* quota = reader.get("annual_quota");
      if (quota != nullptr && role.annual_quota > 0 && role.annual_quota < 1) {
        // Commission is paid per unit of quota: a quota of a fraction of a cent overflows it.
        sink.error(quota->mark, reader.path_of("annual_quota"),
                   fmt::format("must be 0 (no quota) or at least 1, got {}",
                               format_number(role.annual_quota)));
        role.annual_quota = 0;
      }
      read_distribution_key(reader, "performance", kMultiplier, role.performance);
      // Without an explicit figure, on-target earnings follow the salary at a 50/50 pay mix.
      const YamlNode* ote = reader.get("on_target_earnings");
      if (ote == nullptr && reader.get("annual_salary") != nullptr) {
        role.on_target_earnings = 2 * role.annual_salary;
      }
      if (ote != nullptr) {
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
      break;
    }
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

bool is_map_or_null(const YamlNode& node, const std::string& key_path, DiagnosticSink& sink) {
  if (node.is_map() || node.is_null()) return true;
  sink.error(node.mark, key_path, fmt::format("expected a map, got {}", describe_yaml_node(node)));
  return false;
}

// Reports a map of named entries (roles, territories, products, ...) longer than
// kMaxNamedEntries; its entries are still read, so that their own mistakes are reported too.
void check_entry_count(const YamlNode& node, std::string_view key, DiagnosticSink& sink) {
  if (node.entries.size() <= kMaxNamedEntries) return;
  sink.error(node.mark, std::string(key),
             fmt::format("{} entries, more than the limit of {}{}", node.entries.size(),
                         kMaxNamedEntries, kEventsNote));
}

bool is_list_or_null(const YamlNode& node, const std::string& key_path, DiagnosticSink& sink) {
  if (node.is_sequence() || node.is_null()) return true;
  sink.error(node.mark, key_path, fmt::format("expected a list, got {}", describe_yaml_node(node)));
  return false;
}

void read_roles(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_map_or_null(node, "roles", sink)) return;
  check_entry_count(node, "roles", sink);
  for (const YamlEntry& entry : node.entries) {
    const std::string path = key_path_join("roles", entry.key);
    ObjectReader reader(entry.value, path, sink);
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
          sink.error(kind_node->mark, reader.path_of("kind"),
                     fmt::format("the built-in role '{}' is of kind {}; give a role of kind {} "
                                 "another name",
                                 builtin->name, name_of(builtin->kind), name_of(*kind)));
        }
      }
      read_role_fields(reader, *builtin);
    } else {
      // Without a valid kind, read the rest as an account executive so that every problem shows.
      RoleKind kind = RoleKind::kAccountExecutive;
      if (const YamlNode* kind_node = reader.require("kind")) {
        kind = read_role_kind(*kind_node, reader.path_of("kind"), sink).value_or(kind);
      }
      RoleSpec role = model::default_role(kind, entry.key);
      read_role_fields(reader, role);
      spec.roles.push_back(std::move(role));
    }
    reader.finish();
  }
}

void read_territories(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_map_or_null(node, "territories", sink) || node.entries.empty()) return;
  check_entry_count(node, "territories", sink);
  spec.territories.clear();
  for (const YamlEntry& entry : node.entries) {
    ObjectReader reader(entry.value, key_path_join("territories", entry.key), sink);
    if (entry.key.empty()) {
      sink.error(entry.key_mark, "territories", "a territory name must not be empty");
      continue;
    }
    model::TerritorySpec territory = model::default_territory();
    territory.name = entry.key;
    read_capped_key(reader, "inbound_leads_per_month", 0, kMaxInboundLeadsPerMonth, kEventsNote,
                    territory.inbound_leads_per_month);
    read_int_key(reader, "accounts", 0, kMaxCustomers, territory.accounts);
    read_capped_key(reader, "cool_off_months", 0, kMaxCoolOffMonths, " (a century at most)",
                    territory.cool_off_months);
    read_factor_key(reader, "win_rate_factor", territory.win_rate_factor);
    read_factor_key(reader, "deal_size_factor", territory.deal_size_factor);
    reader.finish();
    spec.territories.push_back(std::move(territory));
  }
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
            fmt::format("unknown role '{}'{}", *name, suggestion(*name, names, "defined roles")));
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
  reader.sink().error(node != nullptr ? node->mark : reader.node().mark, reader.path_of("count"),
                      fmt::format("starting_staff and hires reach {} people with this entry, more "
                                  "than the limit of {}{}",
                                  planned, kMaxPlannedPeople, kEventsNote));
}

void read_starting_staff(const YamlNode& node, ScenarioSpec& spec, std::int64_t& planned,
                         DiagnosticSink& sink) {
  if (!is_list_or_null(node, "starting_staff", sink)) return;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    ObjectReader reader(node.items[i], key_path_index("starting_staff", i), sink);
    if (!reader.valid()) continue;
    model::StartingStaffSpec staff;
    read_references(reader, spec, staff.role, staff.territory);
    read_int_key(reader, "count", 0, kMaxCount, staff.count);
    count_planned_people(reader, staff.count, planned);
    reader.finish();
    spec.starting_staff.push_back(std::move(staff));
  }
}

void read_hires(const YamlNode& node, ScenarioSpec& spec, bool horizon_known, std::int64_t& planned,
                DiagnosticSink& sink) {
  if (!is_list_or_null(node, "hires", sink)) return;
  const int last_month = horizon_known ? spec.horizon_months : kMaxHorizonMonths;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    ObjectReader reader(node.items[i], key_path_index("hires", i), sink);
    if (!reader.valid()) continue;
    model::HireSpec hire;
    read_references(reader, spec, hire.role, hire.territory);
    read_int_key(reader, "count", 0, kMaxCount, hire.count);
    count_planned_people(reader, hire.count, planned);
    read_source_reference(reader, spec, hire.source);
    if (const YamlNode* month_node = reader.require("month")) {
      const std::string path = reader.path_of("month");
      const auto month =
          read_integer(*month_node, path, sink, std::numeric_limits<std::int64_t>::min(),
                       std::numeric_limits<std::int64_t>::max());
      if (month && (*month < 1 || *month > last_month)) {
        sink.error(
            month_node->mark, path,
            fmt::format("must be between 1 and {} (horizon_months), got {}", last_month, *month));
      } else if (month) {
        hire.start_month = static_cast<int>(*month);
      }
    }
    reader.finish();
    spec.hires.push_back(std::move(hire));
  }
}

void read_hire_sources(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_map_or_null(node, "hire_sources", sink)) return;
  check_entry_count(node, "hire_sources", sink);
  for (const YamlEntry& entry : node.entries) {
    ObjectReader reader(entry.value, key_path_join("hire_sources", entry.key), sink);
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

void read_founder(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  ObjectReader reader(node, "founder", sink);
  read_int_key(reader, "span_of_control", 0, kMaxCount, spec.founder.span_of_control);
  read_int_key(reader, "concurrent_searches", 1, kMaxCount, spec.founder.concurrent_searches);
  read_factor_key(reader, "time_to_fill_factor", spec.founder.time_to_fill_factor);
  read_int_key(reader, "trainees_at_once", 1, kMaxCount, spec.founder.trainees_at_once);
  reader.finish();
}

void read_management(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  ObjectReader reader(node, "management", sink);
  read_number_key(reader, "under_management_penalty", 0, 1,
                  spec.management.under_management_penalty);
  read_factor_key(reader, "underperformance_threshold", spec.management.underperformance_threshold);
  read_int_key(reader, "underperformance_months", 1, 12, spec.management.underperformance_months);
  read_int_key(reader, "improvement_plan_months", 0, 12, spec.management.improvement_plan_months);
  reader.finish();
}

void read_hiring_rules(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_list_or_null(node, "hiring_rules", sink)) return;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    ObjectReader reader(node.items[i], key_path_index("hiring_rules", i), sink);
    if (!reader.valid()) continue;
    model::HiringRuleSpec rule;
    read_references(reader, spec, rule.role, rule.territory);
    read_source_reference(reader, spec, rule.source);
    read_int_key(reader, "count", 1, kMaxCount, rule.count);
    read_int_key(reader, name_of(model::RuleBasis::kNone), 1, kMaxHorizonMonths, rule.every_months);
    read_int_key(reader, "from_month", 1, kMaxHorizonMonths, rule.from_month);
    read_int_key(reader, "until_month", 1, kMaxHorizonMonths, rule.until_month);
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

void read_products(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_map_or_null(node, "products", sink)) return;
  check_entry_count(node, "products", sink);
  for (const YamlEntry& entry : node.entries) {
    ObjectReader reader(entry.value, key_path_join("products", entry.key), sink);
    if (entry.key.empty()) {
      sink.error(entry.key_mark, "products", "a product name must not be empty");
      continue;
    }
    model::ProductSpec product;
    product.name = entry.key;
    product.share = 1;
    product.win_rate = spec.pipeline.win_rate;
    product.deal_size_acv = spec.pipeline.deal_size_acv;
    product.sales_cycle_days = spec.pipeline.sales_cycle_days;
    product.complex_share = spec.pipeline.complex_share;
    read_number_key(reader, "share", 0, kMaxShare, product.share);
    read_distribution_key(reader, "win_rate", kProbability, product.win_rate);
    read_distribution_key(reader, "deal_size_acv", kMoney, product.deal_size_acv);
    read_distribution_key(reader, "sales_cycle_days", kDays, product.sales_cycle_days);
    read_number_key(reader, "complex_share", 0, 1, product.complex_share);
    reader.finish();
    spec.products.push_back(std::move(product));
  }
}

void read_channels(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_map_or_null(node, "channels", sink)) return;
  check_entry_count(node, "channels", sink);
  for (const YamlEntry& entry : node.entries) {
    ObjectReader reader(entry.value, key_path_join("channels", entry.key), sink);
    if (entry.key.empty()) {
      sink.error(entry.key_mark, "channels", "a channel name must not be empty");
      continue;
    }
    model::ChannelSpec channel = model::default_channel(entry.key);
    read_number_key(reader, "share", 0, kMaxShare, channel.share);
    read_number_key(reader, "lead_conversion", 0, 1, channel.lead_conversion);
    read_factor_key(reader, "cycle_factor", channel.cycle_factor);
    read_factor_key(reader, "win_rate_factor", channel.win_rate_factor);
    read_money_key(reader, "cost_per_lead", channel.cost_per_lead);
    reader.finish();
    spec.channels.push_back(std::move(channel));
  }
}

void read_segments(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_map_or_null(node, "segments", sink)) return;
  check_entry_count(node, "segments", sink);
  std::vector<std::string> territory_names;
  for (const model::TerritorySpec& t : spec.territories) territory_names.push_back(t.name);
  const std::size_t errors_before = sink.count();
  for (const YamlEntry& entry : node.entries) {
    ObjectReader reader(entry.value, key_path_join("segments", entry.key), sink);
    if (entry.key.empty()) {
      sink.error(entry.key_mark, "segments", "a segment name must not be empty");
      continue;
    }
    model::SegmentSpec segment = model::default_segment(entry.key);
    read_number_key(reader, "share", 0, kMaxShare, segment.share);
    if (const YamlNode* by_territory = reader.get("share_by_territory")) {
      const std::string path = reader.path_of("share_by_territory");
      if (is_map_or_null(*by_territory, path, sink)) {
        for (const YamlEntry& share : by_territory->entries) {
          const std::string share_path = key_path_join(path, share.key);
          if (std::find(territory_names.begin(), territory_names.end(), share.key) ==
              territory_names.end()) {
            sink.error(share.key_mark, share_path,
                       fmt::format("unknown territory '{}'{}", share.key,
                                   suggestion(share.key, territory_names, "defined territories")));
            continue;
          }
          const auto value = read_number(share.value, share_path, sink);
          if (value && check_range(*value, 0, kMaxShare, share.value, share_path, sink)) {
            segment.share_by_territory.emplace_back(share.key, *value);
          }
        }
      }
    }
    read_factor_key(reader, "win_rate_factor", segment.win_rate_factor);
    read_factor_key(reader, "deal_size_factor", segment.deal_size_factor);
    read_factor_key(reader, "cycle_factor", segment.cycle_factor);
    read_factor_key(reader, "churn_factor", segment.churn_factor);
    reader.finish();
    spec.segments.push_back(std::move(segment));
  }
  if (sink.count() != errors_before || spec.segments.empty()) return;
  // Every lead must find a segment: in each territory (and overall, when initial customers are
  // spread over the segments) some share must be positive.
  const auto all_zero = [&](const std::string& territory) {
    return std::all_of(spec.segments.begin(), spec.segments.end(), [&](const auto& segment) {
      return (territory.empty() ? segment.share : segment.share_in(territory)) <= 0;
    });
  };
  if (spec.customers.initial_customers > 0 && all_zero("")) {
    sink.error(node.mark, "segments",
               "every segment's share is 0, so the initial customers have no segment; give one a "
               "positive share");
  }
  for (const std::string& territory : territory_names) {
    if (!all_zero(territory)) continue;
    sink.error(node.mark, "segments",
               fmt::format("every segment's share in territory '{}' is 0; give one a positive "
                           "share there (share or share_by_territory)",
                           territory));
  }
}

// Reads a list of twelve non-negative multipliers, one per calendar month.
void read_twelve(ObjectReader& reader, std::string_view key, std::array<double, 12>& target) {
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return;
  const std::string path = reader.path_of(key);
  if (!node->is_sequence() || node->items.size() != 12) {
    reader.sink().error(node->mark, path,
                        "expected a list of 12 numbers, one per calendar month from January");
    return;
  }
  for (std::size_t i = 0; i < 12; ++i) {
    const std::string item_path = key_path_index(path, i);
    const auto value = read_number(node->items[i], item_path, reader.sink());
    if (value && check_range(*value, 0, kInf, node->items[i], item_path, reader.sink()) &&
        check_range(*value, 0, kMaxSeasonalMultiplier, node->items[i], item_path, reader.sink(),
                    " (ten times the average month at most)")) {
      target[i] = *value;
    }
  }
}

void read_seasonality(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  ObjectReader reader(node, "seasonality", sink);
  read_twelve(reader, "leads", spec.seasonality.leads);
  read_twelve(reader, "closing", spec.seasonality.closing);
  read_int_key(reader, "start_month_of_year", 1, 12, spec.seasonality.start_month_of_year);
  reader.finish();
}

void read_sales_motion(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  const auto text = read_text(node, "sales_motion", sink);
  if (!text) return;
  if (const auto motion = sim::parse_in(model::kSalesMotions, *text)) {
    model::apply_sales_motion(*motion, spec);
  } else {
    sink.error(node.mark, "sales_motion",
               fmt::format("unknown sales motion '{}'{}", *text,
                           suggestion(*text, sim::names_in(model::kSalesMotions))));
  }
}

// Checks references that can only be resolved once every section is read.
void check_role_sources(const ScenarioSpec& spec, const YamlNode* roles, DiagnosticSink& sink) {
  if (roles == nullptr || !roles->is_map()) return;
  for (const YamlEntry& entry : roles->entries) {
    const model::RoleSpec* role = spec.find_role(entry.key);
    if (role == nullptr || spec.find_source(role->backfill_source) != nullptr) continue;
    const YamlNode* node = entry.value.is_map() ? entry.value.find("backfill_source") : nullptr;
    std::vector<std::string> names;
    for (const model::HireSourceSpec& s : spec.hire_sources) names.push_back(s.name);
    sink.error(node != nullptr ? node->mark : entry.key_mark,
               key_path_join(key_path_join("roles", entry.key), "backfill_source"),
               fmt::format("unknown hire source '{}'{}", role->backfill_source,
                           suggestion(role->backfill_source, names, "defined hire sources")));
  }
}

void read_money(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  ObjectReader reader(node, "money", sink);
  if (const YamlNode* currency_node = reader.get("currency")) {
    const std::string path = reader.path_of("currency");
    if (const auto currency = read_text(*currency_node, path, sink)) {
      const bool valid =
          currency->size() == 3 && std::all_of(currency->begin(), currency->end(),
                                               [](char c) { return c >= 'A' && c <= 'Z'; });
      if (valid) {
        spec.money.currency = *currency;
      } else {
        sink.error(
            currency_node->mark, path,
            fmt::format("expected a three-letter currency code such as USD, got '{}'", *currency));
      }
    }
  }
  read_capped_key(reader, "starting_cash", -kMaxMoney, kMaxMoney, kMoneyNote,
                  spec.money.starting_cash);
  read_money_key(reader, "other_monthly_costs", spec.money.other_monthly_costs);
  reader.finish();
}

void read_pipeline(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  ObjectReader reader(node, "pipeline", sink);
  read_distribution_key(reader, "win_rate", kProbability, spec.pipeline.win_rate);
  read_distribution_key(reader, "deal_size_acv", kMoney, spec.pipeline.deal_size_acv);
  read_distribution_key(reader, "sales_cycle_days", kDays, spec.pipeline.sales_cycle_days);
  read_number_key(reader, "complex_share", 0, 1, spec.pipeline.complex_share);
  read_distribution_key(reader, "specialist_help_days", kDays, spec.pipeline.specialist_help_days);
  read_factor_key(reader, "specialist_win_rate_factor", spec.pipeline.specialist_win_rate_factor);
  read_factor_key(reader, "unassisted_win_rate_factor", spec.pipeline.unassisted_win_rate_factor);
  read_number_key(reader, "unqualified_lead_share", 0, 1, spec.pipeline.unqualified_lead_share);
  read_number_key(reader, "qualification_accuracy", 0, 1, spec.pipeline.qualification_accuracy);
  read_int_key(reader, "rebalance_every_months", 0, kMaxHorizonMonths,
               spec.pipeline.rebalance_every_months);
  reader.finish();
}

void read_customers(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  ObjectReader reader(node, "customers", sink);
  if (const auto initial = reader.integer("initial", 0, kMaxInitialCustomers)) {
    spec.customers.initial_customers = static_cast<int>(*initial);
  }
  read_distribution_key(reader, "initial_mrr", kMoney, spec.customers.initial_mrr);
  read_number_key(reader, "monthly_churn", 0, 1, spec.customers.monthly_churn);
  read_distribution_key(reader, "monthly_expansion", kRelativeChange,
                        spec.customers.monthly_expansion);
  read_number_key(reader, "annual_contract_share", 0, 1, spec.customers.annual_contract_share);
  read_number_key(reader, "annual_churn", 0, 1, spec.customers.annual_churn);
  read_choice(reader, "annual_billing", model::kAnnualBillings, spec.customers.annual_billing);
  read_factor_key(reader, "covered_churn_factor", spec.customers.covered_churn_factor);
  read_capped_key(reader, "covered_expansion_bonus", -1, kMaxMonthlyExpansion,
                  " (growth compounds every month and would overflow)",
                  spec.customers.covered_expansion_bonus);
  reader.finish();
}

// The node at `key` of the map `parent` (or of its entry `entry`), else the best mark nearby.
YamlMark mark_of(const YamlNode* parent, std::string_view entry, std::string_view key,
                 const YamlNode& root) {
  if (parent == nullptr || !parent->is_map()) return root.mark;
  if (entry.empty()) {
    const YamlNode* node = parent->find(key);
    return node != nullptr ? node->mark : parent->mark;
  }
  for (const YamlEntry& e : parent->entries) {
    if (e.key != entry) continue;
    const YamlNode* node = e.value.is_map() ? e.value.find(key) : nullptr;
    return node != nullptr ? node->mark : e.key_mark;
  }
  return parent->mark;
}

// Refuses a scenario whose rates alone commit each replication to more events than it may handle
// (model::ReplicationLimits), pointing at the largest driver.
void check_event_estimate(const ScenarioSpec& spec, const YamlNode& root, DiagnosticSink& sink) {
  const model::EventEstimate events = model::estimate_events(spec);
  const auto limit = static_cast<double>(model::ReplicationLimits{}.events);
  if (events.total() <= limit) return;
  const auto count = [](double n) { return format_grouped(std::round(n), 0); };
  const std::string over = fmt::format(
      "~{} events per replication in all, more than the limit of {}; a replication would run for "
      "minutes",
      count(events.total()), count(limit));
  if (events.lead_arrivals >= events.initial_renewals) {
    const model::TerritorySpec* busiest = &spec.territories.front();
    for (const model::TerritorySpec& t : spec.territories) {
      if (t.inbound_leads_per_month > busiest->inbound_leads_per_month) busiest = &t;
    }
    const double peak =
        *std::max_element(spec.seasonality.leads.begin(), spec.seasonality.leads.end());
    sink.error(
        mark_of(root.find("territories"), busiest->name, "inbound_leads_per_month", root),
        key_path_join(key_path_join("territories", busiest->name), "inbound_leads_per_month"),
        fmt::format("the inbound leads of {} territor{} (the busiest, {} a month{}) over {} "
                    "months arrive ~{} times per replication: {}. Lower the rates, the "
                    "seasonal peak or horizon_months",
                    spec.territories.size(), spec.territories.size() == 1 ? "y" : "ies",
                    format_number(busiest->inbound_leads_per_month),
                    peak != 1 ? fmt::format(" at a seasonal peak of x{}", format_number(peak)) : "",
                    spec.horizon_months, count(events.lead_arrivals), over));
  } else {
    sink.error(mark_of(root.find("customers"), "", "initial", root), "customers.initial",
               fmt::format("{} initial customers renew ~{} times per replication over {} months: "
                           "{}. Lower customers.initial or horizon_months",
                           spec.customers.initial_customers, count(events.initial_renewals),
                           spec.horizon_months, over));
  }
}

// Checks what only the whole scenario shows: shares that are all 0 (a lead would have nowhere to
// go) and rates that commit every replication to too many events. (Probabilities that factors
// multiply above 1, a churn or a win probability, are capped at 1 by the model, as documented.)
void check_combinations(const ScenarioSpec& spec, const YamlNode& root, DiagnosticSink& sink) {
  const model::CustomerSpec& customers = spec.customers;
  const double expansion = customers.monthly_expansion.is_constant()
                               ? customers.monthly_expansion.support_min()
                               : customers.monthly_expansion.quantile(1 - 1e-6);
  const double bonus = std::max(0.0, customers.covered_expansion_bonus);
  if (expansion + bonus > kMaxMonthlyExpansion) {
    const YamlNode* customers_node = root.find("customers");
    const bool bonus_given = customers_node != nullptr && customers_node->is_map() &&
                             customers_node->find("covered_expansion_bonus") != nullptr;
    const char* key = bonus_given ? "covered_expansion_bonus" : "monthly_expansion";
    sink.error(mark_of(customers_node, "", key, root), key_path_join("customers", key),
               fmt::format(
                   "monthly_expansion{} ({}) plus covered_expansion_bonus ({}) is {} a "
                   "month for a covered customer; keep the sum at most {} (growth "
                   "compounds every month and would overflow)",
                   customers.monthly_expansion.is_constant() ? "" : " at its one-in-a-million draw",
                   format_number(expansion), format_number(bonus), format_number(expansion + bonus),
                   format_number(kMaxMonthlyExpansion)));
  }
  const auto all_zero = [](const auto& entries) {
    return !entries.empty() && std::all_of(entries.begin(), entries.end(),
                                           [](const auto& entry) { return entry.share <= 0; });
  };
  if (all_zero(spec.products)) {
    const YamlNode* node = root.find("products");
    sink.error(node != nullptr ? node->mark : root.mark, "products",
               "every product's share is 0, so a lead has no product; give one a positive share");
  }
  if (all_zero(spec.channels)) {
    const YamlNode* node = root.find("channels");
    sink.error(node != nullptr ? node->mark : root.mark, "channels",
               "every channel's share is 0, so a lead has no channel; give one a positive share");
  }
  check_event_estimate(spec, root, sink);
}

// Orders diagnostics by position, files in order of first appearance.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> files;
  for (const Diagnostic& d : diagnostics) {
    if (std::find(files.begin(), files.end(), d.file) == files.end()) files.push_back(d.file);
  }
  const auto rank = [&](const Diagnostic& d) {
    return std::find(files.begin(), files.end(), d.file) - files.begin();
  };
  std::stable_sort(
      diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        return std::tuple(rank(a), a.line, a.column) < std::tuple(rank(b), b.line, b.column);
      });
}

std::string default_name(const std::string& file_name) {
  std::string stem = std::filesystem::path(file_name).stem().string();
  return stem.empty() ? "unnamed" : stem;
}

}  // namespace

LoadResult load_scenario_tree(const YamlNode& root, const std::string& file_name) {
  LoadResult result;
  DiagnosticSink sink(result.diagnostics);
  if (root.is_null()) {
    sink.error(root.mark, "",
               "the scenario is empty; write a map of keys such as 'horizon_months: 36'");
    return result;
  }
  ScenarioSpec spec = model::default_scenario();
  spec.name = default_name(file_name);
  ObjectReader reader(root, "", sink);
  if (!reader.valid()) return result;

  if (const auto name = reader.text("name")) spec.name = *name;
  if (const auto description = reader.text("description")) spec.description = *description;
  bool horizon_known = true;
  if (reader.get("horizon_months") != nullptr) {
    const auto horizon = reader.integer("horizon_months", 1, kMaxHorizonMonths);
    horizon_known = horizon.has_value();
    if (horizon) spec.horizon_months = static_cast<int>(*horizon);
  }
  read_int_key(reader, "replications", 1, kMaxReplications, spec.replications);
  if (const YamlNode* seed = reader.get("seed")) {
    if (const auto value = read_uint64(*seed, "seed", sink)) spec.seed = *value;
  }
  if (const YamlNode* node = reader.get("money")) read_money(*node, spec, sink);
  if (const YamlNode* node = reader.get("hire_sources")) read_hire_sources(*node, spec, sink);
  const YamlNode* roles_node = reader.get("roles");
  if (roles_node != nullptr) read_roles(*roles_node, spec, sink);
  check_role_sources(spec, roles_node, sink);
  if (const YamlNode* node = reader.get("founder")) read_founder(*node, spec, sink);
  if (const YamlNode* node = reader.get("management")) read_management(*node, spec, sink);
  if (const YamlNode* node = reader.get("territories")) read_territories(*node, spec, sink);
  std::int64_t planned_people = 0;
  if (const YamlNode* node = reader.get("starting_staff")) {
    read_starting_staff(*node, spec, planned_people, sink);
  }
  if (const YamlNode* node = reader.get("hires")) {
    read_hires(*node, spec, horizon_known, planned_people, sink);
  }
  if (const YamlNode* node = reader.get("hiring_rules")) read_hiring_rules(*node, spec, sink);
  if (const YamlNode* node = reader.get("sales_motion")) read_sales_motion(*node, spec, sink);
  if (const YamlNode* node = reader.get("pipeline")) read_pipeline(*node, spec, sink);
  if (const YamlNode* node = reader.get("products")) read_products(*node, spec, sink);
  if (const YamlNode* node = reader.get("channels")) read_channels(*node, spec, sink);
  if (const YamlNode* node = reader.get("seasonality")) read_seasonality(*node, spec, sink);
  if (const YamlNode* node = reader.get("customers")) read_customers(*node, spec, sink);
  if (const YamlNode* node = reader.get("segments")) read_segments(*node, spec, sink);
  if (const YamlNode* node = reader.get("expect")) {
    result.expectations = read_scenario_expectations(*node, spec, horizon_known, sink);
  }
  reader.finish();
  if (result.diagnostics.empty()) check_combinations(spec, root, sink);

  if (result.diagnostics.empty()) {
    result.spec = std::move(spec);
  } else {
    sort_diagnostics(result.diagnostics);
  }
  return result;
}

LoadResult load_scenario_string(std::string_view text, const std::string& file_name) {
  LoadResult result;
  std::optional<YamlNode> root = parse_yaml(text, file_name, result.diagnostics);
  if (!root) return result;
  return load_scenario_tree(*root, file_name);
}

LoadResult load_scenario_file(const std::string& path) {
  std::string error;
  const std::optional<std::string> text = read_yaml_file(path, error);
  if (!text) {
    LoadResult result;
    result.diagnostics.push_back(Diagnostic{path, 0, 0, "", "cannot read the file: " + error});
    return result;
  }
  return load_scenario_string(*text, path);
}

}  // namespace teamsim::app
