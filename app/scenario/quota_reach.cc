#include "app/scenario/quota_reach.h"

#include <algorithm>
#include <cstddef>
#include <numeric>

namespace teamsim::app {
namespace {

using model::RoleKind;
using model::RoleSpec;
using model::ScenarioSpec;

constexpr double kDaysPerYear = 365.25;

bool is_ae_kind(const RoleSpec& role) { return role.kind == RoleKind::kAccountExecutive; }
bool is_seller(const RoleSpec& role) { return is_ae_kind(role) && !role.hands_off_leads; }

const RoleSpec* find_role(const ScenarioSpec& spec, const std::string& name) {
  for (const RoleSpec& role : spec.roles) {
    if (role.name == name) return &role;
  }
  return nullptr;
}

std::size_t territory_of(const ScenarioSpec& spec, const std::string& name) {
  for (std::size_t t = 0; t < spec.territories.size(); ++t) {
    if (spec.territories[t].name == name) return t;
  }
  return 0;
}

// planned[role][territory]: people of each AE-kind role on the starting staff and in the dated
// hires, where the model would place them.
struct PlannedTeam {
  std::vector<std::vector<double>> people;  // [role index][territory]
  std::vector<double> sellers;              // [territory]
  std::vector<double> hand_off_reps;        // [territory]
};

PlannedTeam plan_team(const ScenarioSpec& spec) {
  const std::size_t territories = spec.territories.size();
  PlannedTeam team{
      std::vector<std::vector<double>>(spec.roles.size(), std::vector<double>(territories, 0)),
      std::vector<double>(territories, 0), std::vector<double>(territories, 0)};
  const auto place = [&](const std::string& role_name, int count, const std::string& territory) {
    const RoleSpec* role = find_role(spec, role_name);
    if (role == nullptr || !is_ae_kind(*role) || territories == 0) return;
    std::vector<double>& of_kind = is_seller(*role) ? team.sellers : team.hand_off_reps;
    const auto index = static_cast<std::size_t>(role - spec.roles.data());
    for (int i = 0; i < count; ++i) {
      const std::size_t t =
          territory.empty()
              ? static_cast<std::size_t>(std::min_element(of_kind.begin(), of_kind.end()) -
                                         of_kind.begin())
              : territory_of(spec, territory);
      of_kind[t] += 1;
      team.people[index][t] += 1;
    }
  };
  for (const auto& staff : spec.starting_staff) place(staff.role, staff.count, staff.territory);
  std::vector<std::size_t> order(spec.hires.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return spec.hires[a].month < spec.hires[b].month;
  });
  for (const std::size_t i : order) {
    place(spec.hires[i].role, spec.hires[i].count, spec.hires[i].territory);
  }
  return team;
}

double mean_conversion(const ScenarioSpec& spec) {
  double shares = 0, converted = 0;
  for (const auto& channel : spec.channels) {
    shares += channel.share;
    converted += channel.share * channel.lead_conversion;
  }
  return shares > 0 ? converted / shares : 1;
}

}  // namespace

std::vector<QuotaReach> quota_reach(const ScenarioSpec& spec) {
  std::vector<QuotaReach> reach;
  if (!spec.products.empty() || !spec.segments.empty()) return reach;
  const PlannedTeam team = plan_team(spec);
  // Inbound leads, and what the territory's SDRs hand off, shared by its sellers.
  std::vector<double> shared(spec.territories.size(), 0);
  for (std::size_t t = 0; t < spec.territories.size(); ++t) {
    shared[t] = spec.territories[t].inbound_leads_per_month;
    for (std::size_t r = 0; r < spec.roles.size(); ++r) {
      if (is_ae_kind(spec.roles[r]) && spec.roles[r].hands_off_leads) {
        shared[t] += team.people[r][t] * spec.roles[r].prospecting_leads_per_month;
      }
    }
  }
  const double conversion = mean_conversion(spec);
  const double win = spec.pipeline.win_rate.mean();
  const double acv = spec.pipeline.deal_size_acv.mean();
  const double cycle_days = spec.pipeline.sales_cycle_days.mean();
  for (std::size_t r = 0; r < spec.roles.size(); ++r) {
    const RoleSpec& role = spec.roles[r];
    if (!is_seller(role) || role.annual_quota <= 0) continue;
    const double per_deal = conversion * win * acv * role.performance.mean();
    const double by_capacity = role.max_open_opportunities * kDaysPerYear / cycle_days * per_deal;
    bool found = false;
    QuotaReach least;
    for (std::size_t t = 0; t < spec.territories.size(); ++t) {
      if (team.people[r][t] <= 0) continue;
      QuotaReach here;
      here.role = role.name;
      here.capacity_bookings = by_capacity;
      here.leads_per_rep = shared[t] / team.sellers[t] + role.prospecting_leads_per_month;
      here.lead_bookings = here.leads_per_rep * 12 * per_deal;
      here.by_capacity = by_capacity <= here.lead_bookings;
      here.bookings = std::min(by_capacity, here.lead_bookings);
      here.shared_leads = shared[t];
      here.sellers = team.sellers[t];
      if (spec.territories.size() > 1) here.territory = spec.territories[t].name;
      here.win_rate = win;
      here.deal_size = acv;
      here.cycle_days = cycle_days;
      here.conversion = conversion;
      if (!found || here.bookings < least.bookings) least = here;
      found = true;
    }
    if (found) reach.push_back(least);
  }
  return reach;
}

}  // namespace teamsim::app
