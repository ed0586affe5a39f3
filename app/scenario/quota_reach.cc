#include "app/scenario/quota_reach.h"

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <optional>

#include "models/organisation.h"

namespace teamsim::app {
namespace {

using model::RoleKind;
using model::RoleSpec;
using model::ScenarioSpec;

bool is_ae_kind(const RoleSpec& role) { return role.kind == RoleKind::kAccountExecutive; }
bool is_seller(const RoleSpec& role) { return is_ae_kind(role) && !role.hands_off_leads; }

// The territory called `name`; none (placed by the model's rule) when it is empty.
std::optional<std::size_t> territory_named(const ScenarioSpec& spec, const std::string& name) {
  for (std::size_t t = 0; t < spec.territories.size(); ++t) {
    if (spec.territories[t].name == name) return t;
  }
  return std::nullopt;
}

// People of each AE-kind role on the starting staff and in the dated hires, where the model
// would place them.
struct PlannedTeam {
  std::vector<std::vector<int>> people;  // [role index][territory]
  std::vector<int> sellers;              // [territory]
  std::vector<int> hand_off_reps;        // [territory]
};

PlannedTeam plan_team(const ScenarioSpec& spec) {
  const std::size_t territories = spec.territories.size();
  PlannedTeam team{std::vector<std::vector<int>>(spec.roles.size(), std::vector<int>(territories)),
                   std::vector<int>(territories), std::vector<int>(territories)};
  const auto place = [&](const std::string& role_name, int count, const std::string& territory) {
    const RoleSpec* role = spec.find_role(role_name);
    if (role == nullptr || !is_ae_kind(*role) || territories == 0) return;
    std::vector<int>& of_kind = is_seller(*role) ? team.sellers : team.hand_off_reps;
    const auto index = static_cast<std::size_t>(role - spec.roles.data());
    for (int i = 0; i < count; ++i) {
      const std::size_t t =
          territory_named(spec, territory).value_or(model::least_staffed(of_kind));
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

// Sales operations rebalance the sellers to the lead flow: a planned sales-ops person and a
// rebalancing period.
bool rebalanced(const ScenarioSpec& spec) {
  if (spec.pipeline.rebalance_every_months <= 0) return false;
  for (const RoleSpec& role : spec.roles) {
    if (role.kind != RoleKind::kSalesOperations) continue;
    for (const auto& staff : spec.starting_staff) {
      if (staff.role == role.name && staff.count > 0) return true;
    }
    for (const auto& hire : spec.hires) {
      if (hire.role == role.name && hire.count > 0) return true;
    }
  }
  return false;
}

// A territory as a seller of it sees it: its shared leads a month, its sellers, and what a
// lead's deal is worth on average there (its win rate and deal size factors).
struct Market {
  std::string name;
  double shared_leads = 0;
  double sellers = 0;
  double win_rate = 0;
  double deal_size = 0;
};

}  // namespace

std::vector<QuotaReach> quota_reach(const ScenarioSpec& spec) {
  std::vector<QuotaReach> reach;
  if (!spec.products.empty() || !spec.segments.empty() || spec.territories.empty()) return reach;
  const PlannedTeam team = plan_team(spec);
  const double win = spec.pipeline.win_rate.mean();
  const double acv = spec.pipeline.deal_size_acv.mean();
  std::vector<Market> markets;
  for (std::size_t t = 0; t < spec.territories.size(); ++t) {
    const model::TerritorySpec& territory = spec.territories[t];
    Market market{spec.territories.size() > 1 ? territory.name : "",
                  territory.inbound_leads_per_month, static_cast<double>(team.sellers[t]),
                  std::min(1.0, win * territory.win_rate_factor), acv * territory.deal_size_factor};
    for (std::size_t r = 0; r < spec.roles.size(); ++r) {
      if (is_ae_kind(spec.roles[r]) && spec.roles[r].hands_off_leads) {
        market.shared_leads += team.people[r][t] * spec.roles[r].prospecting_leads_per_month;
      }
    }
    markets.push_back(market);
  }
  // Rebalancing moves the sellers to where the leads are: the territories are one market, each
  // territory's odds and sizes weighted by its leads.
  if (rebalanced(spec) && markets.size() > 1) {
    Market pooled;
    double win_weighted = 0, value_weighted = 0;
    for (const Market& m : markets) {
      pooled.shared_leads += m.shared_leads;
      pooled.sellers += m.sellers;
      win_weighted += m.shared_leads * m.win_rate;
      value_weighted += m.shared_leads * m.win_rate * m.deal_size;
    }
    pooled.win_rate = pooled.shared_leads > 0 ? win_weighted / pooled.shared_leads : win;
    pooled.deal_size = win_weighted > 0 ? value_weighted / win_weighted : acv;
    markets = {pooled};
  }
  // An unqualified lead's deal cannot be won (docs/scenario-reference.md, pipeline).
  const double qualified = 1 - spec.pipeline.unqualified_lead_share;
  const double conversion = mean_conversion(spec);
  const double cycle_days = spec.pipeline.sales_cycle_days.mean();
  for (std::size_t r = 0; r < spec.roles.size(); ++r) {
    const RoleSpec& role = spec.roles[r];
    if (!is_seller(role) || role.annual_quota <= 0) continue;
    bool found = false;
    QuotaReach least;
    for (std::size_t m = 0; m < markets.size(); ++m) {
      const Market& market = markets[m];
      const bool has_people =
          markets.size() == 1 ? std::accumulate(team.people[r].begin(), team.people[r].end(), 0) > 0
                              : team.people[r][m] > 0;
      if (!has_people || market.sellers <= 0) continue;
      const double per_deal =
          conversion * qualified * market.win_rate * market.deal_size * role.performance.mean();
      QuotaReach here;
      here.role = role.name;
      here.role_index = r;
      here.capacity_bookings =
          role.max_open_opportunities * model::kDaysPerYear / cycle_days * per_deal;
      here.leads_per_rep = market.shared_leads / market.sellers + role.prospecting_leads_per_month;
      here.lead_bookings = here.leads_per_rep * 12 * per_deal;
      here.by_capacity = here.capacity_bookings <= here.lead_bookings;
      here.bookings = std::min(here.capacity_bookings, here.lead_bookings);
      here.shared_leads = market.shared_leads;
      here.sellers = market.sellers;
      here.territory = market.name;
      here.win_rate = market.win_rate;
      here.deal_size = market.deal_size;
      here.cycle_days = cycle_days;
      here.conversion = conversion;
      here.qualified = qualified;
      here.performance = role.performance.mean();
      if (!found || here.bookings < least.bookings) least = here;
      found = true;
    }
    if (found) reach.push_back(least);
  }
  return reach;
}

}  // namespace teamsim::app
