#include "app/scenario_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <stdexcept>
#include <system_error>
#include <tuple>
#include <utility>
#include <variant>

#include "app/yaml_reader.h"
#include "models/defaults.h"
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

// The values a distribution-valued key may take.
struct Support {
  double min;
  double max;
  bool constants_only = false;  // only a constant is checked; a distribution's tail is allowed
};
constexpr Support kNonNegative{0, kInf};
constexpr Support kProbability{0, 1};
// A renewal can at most lose all of a customer's MRR. The model clamps MRR at 0, so a distribution
// with a far tail below -1 (a normal) is fine; a constant below -1 is a mistake.
constexpr Support kRelativeChange{-1, kInf, true};

// A distribution family and the parameter sets it accepts (exactly one must be given).
struct Family {
  std::string_view name;
  std::vector<std::vector<std::string>> parameter_sets;
  bool truncatable = false;  // accepts optional min and max besides one parameter set
};

const std::vector<Family>& families() {
  static const std::vector<Family> kFamilies = {
      {"constant", {{"value"}}},
      {"uniform", {{"min", "max"}, {"p5", "p95"}}},
      {"triangular", {{"min", "mode", "max"}}},
      {"normal", {{"mean", "sd"}, {"median", "p90"}, {"p5", "p95"}}, true},
      {"lognormal", {{"median", "p90"}, {"mean", "sd"}, {"p5", "p95"}}},
      {"gamma", {{"shape", "scale"}, {"mean", "sd"}, {"median", "p90"}}},
      {"beta", {{"alpha", "beta"}, {"mean", "sd"}, {"p5", "p95"}}},
      {"poisson", {{"mean"}}},
      {"empirical", {{"values"}}},
  };
  return kFamilies;
}

std::string describe_sets(const Family& family) {
  std::vector<std::string> sets;
  for (const auto& set : family.parameter_sets)
    sets.push_back(fmt::format("{{{}}}", fmt::join(set, ", ")));
  std::string text;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    if (i > 0) text += i + 1 == sets.size() ? " or " : ", ";
    text += sets[i];
  }
  return text;
}

std::string format_number(double value) { return fmt::format("{}", value); }

// Builds the distribution for `family` from the parameter set at `set_index`.
Distribution make_distribution(const Family& family, std::size_t set_index,
                               const std::map<std::string, double>& p,
                               const std::vector<double>& values) {
  const auto at = [&](const char* key) { return p.at(key); };
  const std::string_view name = family.name;
  if (name == "constant") return Distribution::constant(at("value"));
  if (name == "uniform") {
    return set_index == 0 ? Distribution::uniform(at("min"), at("max"))
                          : Distribution::uniform_from_interval90(at("p5"), at("p95"));
  }
  if (name == "triangular") return Distribution::triangular(at("min"), at("mode"), at("max"));
  if (name == "normal") {
    Distribution base = set_index == 0 ? Distribution::normal(at("mean"), at("sd"))
                        : set_index == 1
                            ? Distribution::normal_from_median_p90(at("median"), at("p90"))
                            : Distribution::normal_from_interval90(at("p5"), at("p95"));
    if (!p.contains("min") && !p.contains("max")) return base;
    const auto& normal = std::get<Distribution::TruncatedNormal>(base.params());
    return Distribution::truncated_normal(normal.mean, normal.sd,
                                          p.contains("min") ? at("min") : -kInf,
                                          p.contains("max") ? at("max") : kInf);
  }
  if (name == "lognormal") {
    if (set_index == 0) return Distribution::lognormal_from_median_p90(at("median"), at("p90"));
    if (set_index == 1) return Distribution::lognormal_from_mean_sd(at("mean"), at("sd"));
    return Distribution::lognormal_from_interval90(at("p5"), at("p95"));
  }
  if (name == "gamma") {
    if (set_index == 0) return Distribution::gamma(at("shape"), at("scale"));
    if (set_index == 1) return Distribution::gamma_from_mean_sd(at("mean"), at("sd"));
    return Distribution::gamma_from_median_p90(at("median"), at("p90"));
  }
  if (name == "beta") {
    if (set_index == 0) return Distribution::beta(at("alpha"), at("beta"));
    if (set_index == 1) return Distribution::beta_from_mean_sd(at("mean"), at("sd"));
    return Distribution::beta_from_interval90(at("p5"), at("p95"));
  }
  if (name == "poisson") return Distribution::poisson(at("mean"));
  return Distribution::empirical(values);
}

// Reports a distribution that can take values outside `support`.
bool check_support(const Distribution& distribution, std::string_view family, Support support,
                   const YamlNode& node, const std::string& key_path, DiagnosticSink& sink) {
  if (distribution.is_constant() && family == "constant") {
    return check_range(distribution.support_min(), support.min, support.max, node, key_path, sink);
  }
  if (support.constants_only) return true;
  const double low = distribution.support_min();
  const double high = distribution.support_max();
  if (low < support.min) {
    const std::string bound = format_number(support.min);
    sink.error(node.mark, key_path,
               family == "normal"
                   ? fmt::format("normal can go below {} here; add min: {}", bound, bound)
                   : fmt::format("{} can go below {} here (its smallest possible value is {})",
                                 family, bound, format_number(low)));
    return false;
  }
  if (high > support.max) {
    const std::string bound = format_number(support.max);
    std::string message;
    if (family == "normal") {
      message = fmt::format("normal can go above {} here; add max: {}", bound, bound);
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
    if (!check_range(*value, support.min, support.max, node, key_path, sink)) return std::nullopt;
    return Distribution::constant(*value);
  }
  const std::size_t errors_before = sink.count();
  ObjectReader reader(node, key_path, sink);
  const YamlNode* dist_node = reader.require("dist");
  if (dist_node == nullptr) return std::nullopt;
  const auto dist_name = read_text(*dist_node, reader.path_of("dist"), sink);
  if (!dist_name) return std::nullopt;
  const auto family = std::find_if(families().begin(), families().end(),
                                   [&](const Family& f) { return f.name == *dist_name; });
  if (family == families().end()) {
    std::vector<std::string> names;
    for (const Family& f : families()) names.emplace_back(f.name);
    sink.error(
        dist_node->mark, reader.path_of("dist"),
        fmt::format("unknown distribution '{}'{}", *dist_name, suggestion(*dist_name, names)));
    return std::nullopt;
  }

  std::vector<std::string> keys;
  for (const auto& set : family->parameter_sets) {
    for (const std::string& key : set) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
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
  std::optional<std::size_t> set_index;
  for (std::size_t i = 0; i < family->parameter_sets.size(); ++i) {
    std::vector<std::string> set = family->parameter_sets[i];
    std::sort(set.begin(), set.end());
    if (set == sorted_given) set_index = i;
  }
  if (!set_index) {
    const std::string got =
        given.empty() ? "no parameters" : fmt::format("{{{}}}", fmt::join(given, ", "));
    const std::string accepted =
        family->parameter_sets.size() == 1
            ? fmt::format("{} takes {}", family->name, describe_sets(*family))
            : fmt::format("{} takes exactly one of {}", family->name, describe_sets(*family));
    sink.error(node.mark, key_path,
               fmt::format("{}{}; got {}", accepted,
                           family->truncatable ? " (each optionally with min and max)" : "", got));
    return std::nullopt;
  }
  if (sink.count() != errors_before) return std::nullopt;
  try {
    Distribution distribution = make_distribution(*family, *set_index, parameters, values);
    if (!check_support(distribution, family->name, support, node, key_path, sink)) {
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

void read_int_key(ObjectReader& reader, std::string_view key, std::int64_t min, std::int64_t max,
                  int& target) {
  if (const auto value = reader.integer(key, min, max)) target = static_cast<int>(*value);
}

std::string_view kind_name(RoleKind kind) {
  return kind == RoleKind::kAccountExecutive ? "account_executive" : "sales_manager";
}

std::optional<RoleKind> read_role_kind(const YamlNode& node, const std::string& key_path,
                                       DiagnosticSink& sink) {
  const auto text = read_text(node, key_path, sink);
  if (!text) return std::nullopt;
  if (*text == "account_executive") return RoleKind::kAccountExecutive;
  if (*text == "sales_manager") return RoleKind::kSalesManager;
  sink.error(node.mark, key_path,
             fmt::format("unknown role kind '{}'{}", *text,
                         suggestion(*text, {"account_executive", "sales_manager"})));
  return std::nullopt;
}

void read_role_fields(ObjectReader& reader, RoleSpec& role) {
  DiagnosticSink& sink = reader.sink();
  read_number_key(reader, "annual_salary", 0, kInf, role.annual_salary);
  read_distribution_key(reader, "time_to_fill_days", kNonNegative, role.time_to_fill_days);
  read_distribution_key(reader, "onboarding_days", kNonNegative, role.onboarding_days);
  read_distribution_key(reader, "ramp_months", kNonNegative, role.ramp_months);
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
  read_distribution_key(reader, "backfill_delay_days", kNonNegative, role.backfill_delay_days);
  for (const std::string_view key : {"max_open_opportunities", "prospecting_leads_per_month"}) {
    const YamlNode* node = reader.get(key);
    if (node == nullptr || role.kind == RoleKind::kAccountExecutive) continue;
    sink.error(node->mark, reader.path_of(key),
               fmt::format("applies only to roles of kind account_executive, and this role is a {}",
                           kind_name(role.kind)));
  }
  if (role.kind == RoleKind::kAccountExecutive) {
    read_int_key(reader, "max_open_opportunities", 0, kMaxCount, role.max_open_opportunities);
    read_number_key(reader, "prospecting_leads_per_month", 0, kInf,
                    role.prospecting_leads_per_month);
  }
}

bool is_map_or_null(const YamlNode& node, const std::string& key_path, DiagnosticSink& sink) {
  if (node.is_map() || node.is_null()) return true;
  sink.error(node.mark, key_path, fmt::format("expected a map, got {}", describe_yaml_node(node)));
  return false;
}

bool is_list_or_null(const YamlNode& node, const std::string& key_path, DiagnosticSink& sink) {
  if (node.is_sequence() || node.is_null()) return true;
  sink.error(node.mark, key_path, fmt::format("expected a list, got {}", describe_yaml_node(node)));
  return false;
}

void read_roles(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_map_or_null(node, "roles", sink)) return;
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
                                 builtin->name, kind_name(builtin->kind), kind_name(*kind)));
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
  spec.territories.clear();
  for (const YamlEntry& entry : node.entries) {
    ObjectReader reader(entry.value, key_path_join("territories", entry.key), sink);
    if (entry.key.empty()) {
      sink.error(entry.key_mark, "territories", "a territory name must not be empty");
      continue;
    }
    model::TerritorySpec territory = model::default_territory();
    territory.name = entry.key;
    read_number_key(reader, "inbound_leads_per_month", 0, kInf, territory.inbound_leads_per_month);
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

void read_starting_staff(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_list_or_null(node, "starting_staff", sink)) return;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    ObjectReader reader(node.items[i], key_path_index("starting_staff", i), sink);
    if (!reader.valid()) continue;
    model::StartingStaffSpec staff;
    read_references(reader, spec, staff.role, staff.territory);
    read_int_key(reader, "count", 0, kMaxCount, staff.count);
    reader.finish();
    spec.starting_staff.push_back(std::move(staff));
  }
}

void read_hires(const YamlNode& node, ScenarioSpec& spec, bool horizon_known,
                DiagnosticSink& sink) {
  if (!is_list_or_null(node, "hires", sink)) return;
  const int last_month = horizon_known ? spec.horizon_months : kMaxHorizonMonths;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    ObjectReader reader(node.items[i], key_path_index("hires", i), sink);
    if (!reader.valid()) continue;
    model::HireSpec hire;
    read_references(reader, spec, hire.role, hire.territory);
    read_int_key(reader, "count", 0, kMaxCount, hire.count);
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
  read_number_key(reader, "starting_cash", -kInf, kInf, spec.money.starting_cash);
  read_number_key(reader, "other_monthly_costs", 0, kInf, spec.money.other_monthly_costs);
  reader.finish();
}

void read_pipeline(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  ObjectReader reader(node, "pipeline", sink);
  read_distribution_key(reader, "win_rate", kProbability, spec.pipeline.win_rate);
  read_distribution_key(reader, "deal_size_acv", kNonNegative, spec.pipeline.deal_size_acv);
  read_distribution_key(reader, "sales_cycle_days", kNonNegative, spec.pipeline.sales_cycle_days);
  reader.finish();
}

void read_customers(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  ObjectReader reader(node, "customers", sink);
  read_int_key(reader, "initial", 0, kMaxCustomers, spec.customers.initial_customers);
  read_distribution_key(reader, "initial_mrr", kNonNegative, spec.customers.initial_mrr);
  read_number_key(reader, "monthly_churn", 0, 1, spec.customers.monthly_churn);
  read_distribution_key(reader, "monthly_expansion", kRelativeChange,
                        spec.customers.monthly_expansion);
  reader.finish();
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
  if (const YamlNode* node = reader.get("roles")) read_roles(*node, spec, sink);
  if (const YamlNode* node = reader.get("territories")) read_territories(*node, spec, sink);
  if (const YamlNode* node = reader.get("starting_staff")) read_starting_staff(*node, spec, sink);
  if (const YamlNode* node = reader.get("hires")) read_hires(*node, spec, horizon_known, sink);
  if (const YamlNode* node = reader.get("pipeline")) read_pipeline(*node, spec, sink);
  if (const YamlNode* node = reader.get("customers")) read_customers(*node, spec, sink);
  if (const YamlNode* node = reader.get("expect")) {
    result.expectations = read_scenario_expectations(*node, spec, horizon_known, sink);
  }
  reader.finish();

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
  const auto failure = [&](const std::string& reason) {
    LoadResult result;
    result.diagnostics.push_back(Diagnostic{path, 0, 0, "", "cannot read the file: " + reason});
    return result;
  };
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return failure(std::make_error_code(std::errc::is_a_directory).message());
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int code = errno != 0 ? errno : static_cast<int>(std::errc::no_such_file_or_directory);
    return failure(std::generic_category().message(code));
  }
  // Read one byte past the limit so that parse_yaml can report an oversized file.
  std::string text(kMaxYamlBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) {
    const int code = errno != 0 ? errno : static_cast<int>(std::errc::io_error);
    return failure(std::generic_category().message(code));
  }
  text.resize(static_cast<std::size_t>(in.gcount()));
  return load_scenario_string(text, path);
}

}  // namespace teamsim::app
