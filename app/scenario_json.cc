#include "app/scenario_json.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <variant>

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

ordered_json make_distribution(const char* name, ordered_json params) {
  ordered_json json;
  json["dist"] = name;
  json["params"] = std::move(params);
  return json;
}

const char* kind_name(model::RoleKind kind) {
  return kind == model::RoleKind::kAccountExecutive ? "account_executive" : "sales_manager";
}

}  // namespace

ordered_json distribution_to_json(const Distribution& distribution) {
  return std::visit(
      Overloaded{
          [](const Distribution::Constant& d) {
            return make_distribution("constant", {{"value", d.value}});
          },
          [](const Distribution::Uniform& d) {
            return make_distribution("uniform", {{"min", d.min}, {"max", d.max}});
          },
          [](const Distribution::Triangular& d) {
            return make_distribution("triangular",
                                     {{"min", d.min}, {"mode", d.mode}, {"max", d.max}});
          },
          [](const Distribution::TruncatedNormal& d) {
            ordered_json params = {{"mean", d.mean}, {"sd", d.sd}};
            if (std::isfinite(d.min)) params["min"] = d.min;
            if (std::isfinite(d.max)) params["max"] = d.max;
            return make_distribution("normal", std::move(params));
          },
          [](const Distribution::LogNormal& d) {
            return make_distribution("lognormal", {{"mu", d.mu}, {"sigma", d.sigma}});
          },
          [](const Distribution::Gamma& d) {
            return make_distribution("gamma", {{"shape", d.shape}, {"scale", d.scale}});
          },
          [](const Distribution::Beta& d) {
            return make_distribution("beta", {{"alpha", d.alpha}, {"beta", d.beta}});
          },
          [](const Distribution::Poisson& d) {
            return make_distribution("poisson", {{"mean", d.mean}});
          },
          [](const Distribution::Empirical& d) {
            ordered_json params;
            params["values"] = d.values;
            return make_distribution("empirical", std::move(params));
          },
      },
      distribution.params());
}

ordered_json scenario_to_json(const model::ScenarioSpec& spec) {
  ordered_json json;
  json["name"] = spec.name;
  json["description"] = spec.description;
  json["horizon_months"] = spec.horizon_months;
  json["replications"] = spec.replications;
  json["seed"] = spec.seed;
  json["money"] = {{"currency", spec.money.currency},
                   {"starting_cash", spec.money.starting_cash},
                   {"other_monthly_costs", spec.money.other_monthly_costs}};

  ordered_json roles = ordered_json::object();
  for (const model::RoleSpec& role : spec.roles) {
    ordered_json fields;
    fields["kind"] = kind_name(role.kind);
    fields["annual_salary"] = role.annual_salary;
    fields["time_to_fill_days"] = distribution_to_json(role.time_to_fill_days);
    fields["onboarding_days"] = distribution_to_json(role.onboarding_days);
    fields["ramp_months"] = distribution_to_json(role.ramp_months);
    fields["annual_attrition"] = role.annual_attrition;
    fields["backfill"] = role.backfill;
    fields["backfill_delay_days"] = distribution_to_json(role.backfill_delay_days);
    if (role.kind == model::RoleKind::kAccountExecutive) {
      fields["max_open_opportunities"] = role.max_open_opportunities;
      fields["prospecting_leads_per_month"] = role.prospecting_leads_per_month;
    }
    roles[role.name] = std::move(fields);
  }
  json["roles"] = std::move(roles);

  ordered_json territories = ordered_json::object();
  for (const model::TerritorySpec& territory : spec.territories) {
    territories[territory.name] = {{"inbound_leads_per_month", territory.inbound_leads_per_month}};
  }
  json["territories"] = std::move(territories);

  ordered_json staff = ordered_json::array();
  for (const model::StartingStaffSpec& entry : spec.starting_staff) {
    ordered_json item = {{"role", entry.role}, {"count", entry.count}};
    if (!entry.territory.empty()) item["territory"] = entry.territory;
    staff.push_back(std::move(item));
  }
  json["starting_staff"] = std::move(staff);

  ordered_json hires = ordered_json::array();
  for (const model::HireSpec& hire : spec.hires) {
    ordered_json item = {{"role", hire.role}, {"count", hire.count}, {"month", hire.start_month}};
    if (!hire.territory.empty()) item["territory"] = hire.territory;
    hires.push_back(std::move(item));
  }
  json["hires"] = std::move(hires);

  json["pipeline"] = {{"win_rate", distribution_to_json(spec.pipeline.win_rate)},
                      {"deal_size_acv", distribution_to_json(spec.pipeline.deal_size_acv)},
                      {"sales_cycle_days", distribution_to_json(spec.pipeline.sales_cycle_days)}};
  json["customers"] = {
      {"initial", spec.customers.initial_customers},
      {"initial_mrr", distribution_to_json(spec.customers.initial_mrr)},
      {"monthly_churn", spec.customers.monthly_churn},
      {"monthly_expansion", distribution_to_json(spec.customers.monthly_expansion)}};
  return json;
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

std::string scenario_hash(const model::ScenarioSpec& spec) {
  return fmt::format("{:016x}", fnv1a_64(scenario_to_json(spec).dump()));
}

}  // namespace teamsim::app
