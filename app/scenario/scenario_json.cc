#include "app/scenario/scenario_json.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <variant>

#include "app/scenario/plan_calendar.h"
#include "app/scenario/replication_inputs.h"
#include "models/defaults.h"

namespace teamsim::app {
namespace {

using nlohmann::ordered_json;
using sim::Distribution;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

ordered_json make_distribution(sim::Family family, ordered_json params) {
  ordered_json json;
  json["dist"] = std::string(sim::name_of(family));
  json["params"] = std::move(params);
  return json;
}

// The fields only roles of some kinds have.
void add_kind_fields(const model::RoleSpec& role, ordered_json& fields) {
  switch (role.kind) {
    case model::RoleKind::kAccountExecutive:
      fields["max_open_opportunities"] = role.max_open_opportunities;
      fields["prospecting_leads_per_month"] = role.prospecting_leads_per_month;
      fields["hands_off_leads"] = role.hands_off_leads;
      fields["annual_quota"] = role.annual_quota;
      fields["on_target_earnings"] = role.on_target_earnings;
      fields["performance"] = distribution_to_json(role.performance);
      break;
    case model::RoleKind::kSalesManager:
    case model::RoleKind::kAssistantManager:
      fields["span_of_control"] = role.span_of_control;
      fields["concurrent_searches"] = role.concurrent_searches;
      fields["trainees_at_once"] = role.trainees_at_once;
      break;
    case model::RoleKind::kCustomerSuccess:
      fields["accounts_per_rep"] = role.accounts_per_rep;
      break;
    case model::RoleKind::kSpecialist:
      fields["concurrent_deals"] = role.concurrent_deals;
      break;
    case model::RoleKind::kSalesOperations:
      fields["leads_screened_per_month"] = role.leads_screened_per_month;
      break;
    case model::RoleKind::kSalesEnablement:
      fields["trainees_at_once"] = role.trainees_at_once;
      fields["reps_supported"] = role.reps_supported;
      fields["ramp_reduction"] = role.ramp_reduction;
      fields["productivity_uplift"] = role.productivity_uplift;
      break;
  }
}

ordered_json role_to_json(const model::RoleSpec& role) {
  ordered_json fields;
  fields["kind"] = std::string(model::name_of(role.kind));
  fields["annual_salary"] = role.annual_salary;
  fields["time_to_fill_days"] = distribution_to_json(role.time_to_fill_days);
  fields["onboarding_days"] = distribution_to_json(role.onboarding_days);
  fields["ramp_months"] = distribution_to_json(role.ramp_months);
  fields["ramp_curve"] = std::string(model::name_of(role.ramp_curve));
  fields["annual_attrition"] = role.annual_attrition;
  fields["backfill"] = role.backfill;
  fields["backfill_delay_days"] = distribution_to_json(role.backfill_delay_days);
  fields["backfill_source"] = role.backfill_source;
  add_kind_fields(role, fields);
  return fields;
}

ordered_json roles_to_json(const model::ScenarioSpec& spec) {
  ordered_json roles = ordered_json::object();
  for (const model::RoleSpec& role : spec.roles) roles[role.name] = role_to_json(role);
  return roles;
}

ordered_json hire_sources_to_json(const model::ScenarioSpec& spec) {
  ordered_json sources = ordered_json::object();
  for (const model::HireSourceSpec& source : spec.hire_sources) {
    sources[source.name] = {{"time_to_fill_factor", source.time_to_fill_factor},
                            {"ramp_factor", source.ramp_factor},
                            {"productivity", source.productivity},
                            {"attrition_factor", source.attrition_factor},
                            {"salary_factor", source.salary_factor},
                            {"cost_per_hire", source.cost_per_hire}};
  }
  return sources;
}

ordered_json territories_to_json(const model::ScenarioSpec& spec) {
  ordered_json territories = ordered_json::object();
  for (const model::TerritorySpec& territory : spec.territories) {
    territories[territory.name] = {{"inbound_leads_per_month", territory.inbound_leads_per_month},
                                   {"accounts", territory.accounts},
                                   {"cool_off_months", territory.cool_off_months},
                                   {"win_rate_factor", territory.win_rate_factor},
                                   {"deal_size_factor", territory.deal_size_factor}};
    // Only when given: a scenario without it resolves, and hashes, as before the key existed.
    if (territory.initial_customers) {
      territories[territory.name]["initial_customers"] = *territory.initial_customers;
    }
  }
  return territories;
}

ordered_json starting_staff_to_json(const model::ScenarioSpec& spec) {
  ordered_json staff = ordered_json::array();
  for (const model::StartingStaffSpec& entry : spec.starting_staff) {
    ordered_json item = {{"role", entry.role}, {"count", entry.count}};
    if (!entry.territory.empty()) item["territory"] = entry.territory;
    staff.push_back(std::move(item));
  }
  return staff;
}

ordered_json hires_to_json(const model::ScenarioSpec& spec) {
  ordered_json hires = ordered_json::array();
  for (const model::HireSpec& hire : spec.hires) {
    ordered_json item = {{"role", hire.role},
                         {"count", hire.count},
                         {hire.by_start_month ? "start_month" : "month", hire.month}};
    if (!hire.territory.empty()) item["territory"] = hire.territory;
    item["source"] = hire.source;
    hires.push_back(std::move(item));
  }
  return hires;
}

ordered_json hiring_rule_to_json(const model::HiringRuleSpec& rule) {
  ordered_json item = {{"role", rule.role}, {"count", rule.count}};
  const std::string basis_key(model::name_of(rule.basis));
  if (rule.basis == model::RuleBasis::kNone) {
    item[basis_key] = rule.every_months;
  } else {
    item[basis_key] = rule.ratio;
  }
  item["from_month"] = rule.from_month;
  if (rule.until_month != std::numeric_limits<int>::max()) item["until_month"] = rule.until_month;
  if (rule.max_count != model::kUnlimited) item["max_count"] = rule.max_count;
  if (!rule.territory.empty()) item["territory"] = rule.territory;
  item["source"] = rule.source;
  return item;
}

ordered_json hiring_rules_to_json(const model::ScenarioSpec& spec) {
  ordered_json rules = ordered_json::array();
  for (const model::HiringRuleSpec& rule : spec.hiring_rules) {
    rules.push_back(hiring_rule_to_json(rule));
  }
  return rules;
}

ordered_json pipeline_to_json(const model::PipelineSpec& pipeline) {
  return {{"win_rate", distribution_to_json(pipeline.win_rate)},
          {"deal_size_acv", distribution_to_json(pipeline.deal_size_acv)},
          {"sales_cycle_days", distribution_to_json(pipeline.sales_cycle_days)},
          {"complex_share", pipeline.complex_share},
          {"specialist_help_days", distribution_to_json(pipeline.specialist_help_days)},
          {"specialist_win_rate_factor", pipeline.specialist_win_rate_factor},
          {"unassisted_win_rate_factor", pipeline.unassisted_win_rate_factor},
          {"unqualified_lead_share", pipeline.unqualified_lead_share},
          {"qualification_accuracy", pipeline.qualification_accuracy},
          {"rebalance_every_months", pipeline.rebalance_every_months},
          {"routing", std::string(model::name_of(pipeline.routing))},
          {"vacant_territory_leads", std::string(model::name_of(pipeline.vacant_territory_leads))},
          {"warm_start", pipeline.warm_start}};
}

ordered_json products_to_json(const model::ScenarioSpec& spec) {
  ordered_json products = ordered_json::object();
  for (const model::ProductSpec& product : spec.products) {
    products[product.name] = {{"share", product.share},
                              {"win_rate", distribution_to_json(product.win_rate)},
                              {"deal_size_acv", distribution_to_json(product.deal_size_acv)},
                              {"sales_cycle_days", distribution_to_json(product.sales_cycle_days)},
                              {"complex_share", product.complex_share}};
  }
  return products;
}

ordered_json channels_to_json(const model::ScenarioSpec& spec) {
  ordered_json channels = ordered_json::object();
  for (const model::ChannelSpec& channel : spec.channels) {
    channels[channel.name] = {{"share", channel.share},
                              {"lead_conversion", channel.lead_conversion},
                              {"cycle_factor", channel.cycle_factor},
                              {"win_rate_factor", channel.win_rate_factor},
                              {"cost_per_lead", channel.cost_per_lead}};
  }
  return channels;
}

ordered_json segments_to_json(const model::ScenarioSpec& spec) {
  ordered_json segments = ordered_json::object();
  for (const model::SegmentSpec& segment : spec.segments) {
    ordered_json by_territory = ordered_json::object();
    for (const auto& [territory, share] : segment.share_by_territory)
      by_territory[territory] = share;
    segments[segment.name] = {{"share", segment.share},
                              {"share_by_territory", std::move(by_territory)},
                              {"win_rate_factor", segment.win_rate_factor},
                              {"deal_size_factor", segment.deal_size_factor},
                              {"cycle_factor", segment.cycle_factor},
                              {"churn_factor", segment.churn_factor}};
  }
  return segments;
}

ordered_json customers_to_json(const model::CustomerSpec& customers) {
  return {{"initial", customers.initial_customers},
          {"initial_mrr", distribution_to_json(customers.initial_mrr)},
          {"monthly_churn", customers.monthly_churn},
          {"monthly_expansion", distribution_to_json(customers.monthly_expansion)},
          {"annual_contract_share", customers.annual_contract_share},
          {"annual_churn", customers.annual_churn},
          {"annual_billing", std::string(model::name_of(customers.annual_billing))},
          {"covered_churn_factor", customers.covered_churn_factor},
          {"covered_expansion_bonus", customers.covered_expansion_bonus}};
}

}  // namespace

ordered_json distribution_to_json(const Distribution& distribution) {
  ordered_json params =
      std::visit(Overloaded{
                     [](const Distribution::Constant& d) {
                       return ordered_json{{"value", d.value}};
                     },
                     [](const Distribution::Uniform& d) {
                       return ordered_json{{"min", d.min}, {"max", d.max}};
                     },
                     [](const Distribution::Triangular& d) {
                       return ordered_json{{"min", d.min}, {"mode", d.mode}, {"max", d.max}};
                     },
                     [](const Distribution::TruncatedNormal& d) {
                       ordered_json json = {{"mean", d.mean}, {"sd", d.sd}};
                       if (std::isfinite(d.min)) json["min"] = d.min;
                       if (std::isfinite(d.max)) json["max"] = d.max;
                       return json;
                     },
                     [](const Distribution::LogNormal& d) {
                       return ordered_json{{"mu", d.mu}, {"sigma", d.sigma}};
                     },
                     [](const Distribution::Gamma& d) {
                       return ordered_json{{"shape", d.shape}, {"scale", d.scale}};
                     },
                     [](const Distribution::Beta& d) {
                       return ordered_json{{"alpha", d.alpha}, {"beta", d.beta}};
                     },
                     [](const Distribution::Poisson& d) {
                       return ordered_json{{"mean", d.mean}};
                     },
                     [](const Distribution::Empirical& d) {
                       ordered_json json;
                       json["values"] = d.values;
                       return json;
                     },
                 },
                 distribution.params());
  return make_distribution(distribution.family(), std::move(params));
}

namespace {

// The JSON value at a diagnostics-style key path ("roles.ae.ramp_months", "hires[0].month"), or
// nullptr when the resolved scenario has no such value (e.g. a distribution's own parameter).
ordered_json* value_at(ordered_json& json, const std::string& key_path) {
  ordered_json* node = &json;
  std::size_t at = 0;
  while (at < key_path.size()) {
    if (key_path[at] == '.') ++at;
    if (key_path[at] == '[') {
      const std::size_t close = key_path.find(']', at);
      if (close == std::string::npos || !node->is_array()) return nullptr;
      const std::size_t index = std::stoul(key_path.substr(at + 1, close - at - 1));
      if (index >= node->size()) return nullptr;
      node = &(*node)[index];
      at = close + 1;
      continue;
    }
    const std::size_t end = key_path.find_first_of(".[", at);
    const std::string key = key_path.substr(at, end == std::string::npos ? end : end - at);
    if (!node->is_object() || !node->contains(key)) return nullptr;
    node = &(*node)[key];
    at = end == std::string::npos ? key_path.size() : end;
  }
  return node;
}

// Each number drawn once per replication, in place of its median and in a list of its own.
void add_replication_inputs(const model::ScenarioSpec& spec, ordered_json& json) {
  if (spec.replication_inputs.empty()) return;
  ordered_json list = ordered_json::array();
  for (const model::ReplicationInput& input : spec.replication_inputs) {
    ordered_json value = distribution_to_json(input.distribution);
    value["per"] = "replication";
    if (ordered_json* written = value_at(json, input.key_path)) *written = value;
    ordered_json item = {{"key", input.key_path}};
    item.update(value);
    list.push_back(std::move(item));
  }
  json["replication_inputs"] = std::move(list);
}

}  // namespace

ordered_json scenario_to_json(const model::ScenarioSpec& spec) {
  ordered_json json;
  json["name"] = spec.name;
  json["description"] = spec.description;
  json["horizon_months"] = spec.horizon_months;
  json["replications"] = spec.replications;
  json["seed"] = spec.seed;
  // Only when given, so that a scenario without one keeps its JSON and hash.
  if (const auto start = start_date_of(spec)) json["start_date"] = iso_month(*start);
  json["money"] = {{"currency", spec.money.currency},
                   {"starting_cash", spec.money.starting_cash},
                   {"other_monthly_costs", spec.money.other_monthly_costs}};
  json["roles"] = roles_to_json(spec);
  json["hire_sources"] = hire_sources_to_json(spec);
  json["founder"] = {{"span_of_control", spec.founder.span_of_control},
                     {"concurrent_searches", spec.founder.concurrent_searches},
                     {"time_to_fill_factor", spec.founder.time_to_fill_factor},
                     {"trainees_at_once", spec.founder.trainees_at_once}};
  json["management"] = {{"under_management_penalty", spec.management.under_management_penalty},
                        {"underperformance_threshold", spec.management.underperformance_threshold},
                        {"underperformance_months", spec.management.underperformance_months},
                        {"improvement_plan_months", spec.management.improvement_plan_months}};

  json["territories"] = territories_to_json(spec);
  json["starting_staff"] = starting_staff_to_json(spec);
  json["hires"] = hires_to_json(spec);
  json["hiring_rules"] = hiring_rules_to_json(spec);
  json["pipeline"] = pipeline_to_json(spec.pipeline);
  json["products"] = products_to_json(spec);
  json["channels"] = channels_to_json(spec);
  json["segments"] = segments_to_json(spec);
  json["seasonality"] = {{"leads", spec.seasonality.leads},
                         {"closing", spec.seasonality.closing},
                         {"start_month_of_year", spec.seasonality.start_month_of_year}};
  json["customers"] = customers_to_json(spec.customers);
  add_replication_inputs(spec, json);
  return json;
}

ordered_json scenario_json_schema() {
  const auto typed = [](std::string_view type) { return ordered_json{{"type", type}}; };
  const auto at_least = [](int minimum) {
    return ordered_json{{"type", "integer"}, {"minimum", minimum}};
  };
  ordered_json families = ordered_json::array();
  for (const sim::FamilyEntry& family : sim::kFamilies) families.push_back(family.name);
  const ordered_json replication_input{
      {"type", "object"},
      {"properties",
       {{"key", {{"type", "string"}, {"description", "The key path, e.g. customers.initial."}}},
        {"dist", {{"enum", families}}},
        {"params", typed("object")},
        {"per", {{"const", std::string(loader::kPerReplication)}}}}},
      {"required", {"key", "dist", "params", "per"}},
      {"additionalProperties", false}};
  // In scenario_to_json's order.
  const ordered_json properties{
      {"name", typed("string")},
      {"description", typed("string")},
      {"horizon_months", at_least(1)},
      {"replications", at_least(1)},
      {"seed", at_least(0)},
      {"start_date",
       {{"type", "string"},
        {"pattern", "^[0-9]{4}-[0-9]{2}$"},
        {"description", "Written only when the scenario gives one."}}},
      {"money", typed("object")},
      {"roles", typed("object")},
      {"hire_sources", typed("object")},
      {"founder", typed("object")},
      {"management", typed("object")},
      {"territories", typed("object")},
      {"starting_staff", typed("array")},
      {"hires", typed("array")},
      {"hiring_rules", typed("array")},
      {"pipeline", typed("object")},
      {"products", typed("object")},
      {"channels", typed("object")},
      {"segments", typed("object")},
      {"seasonality", typed("object")},
      {"customers", typed("object")},
      {"replication_inputs",
       {{"type", "array"},
        {"items", replication_input},
        {"description",
         "The numbers drawn once per replication (per: replication); written only when the "
         "scenario has some."}}}};
  ordered_json required = ordered_json::array();
  for (const auto& item : properties.items()) {
    if (item.key() != "start_date" && item.key() != "replication_inputs") {
      required.push_back(item.key());
    }
  }
  return ordered_json{{"type", "object"},
                      {"description",
                       "The scenario as run, every default filled in, with the scenario file's "
                       "keys; each distribution as {\"dist\", \"params\"}."},
                      {"properties", properties},
                      {"required", std::move(required)},
                      {"additionalProperties", false}};
}

std::uint64_t fnv1a_64(std::string_view bytes) {
  constexpr std::uint64_t kOffsetBasis = 14695981039346656037ULL;
  constexpr std::uint64_t kPrime = 1099511628211ULL;
  std::uint64_t hash = kOffsetBasis;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kPrime;
  }
  return hash;
}

ordered_json scenario_as_run_json(const model::ScenarioSpec& spec, std::size_t replications,
                                  std::uint64_t seed) {
  ordered_json json = scenario_to_json(spec);
  json["replications"] = replications;
  json["seed"] = seed;
  return json;
}

std::string scenario_hash(const model::ScenarioSpec& spec) {
  return fmt::format("{:016x}", fnv1a_64(scenario_to_json(spec).dump()));
}

}  // namespace teamsim::app
