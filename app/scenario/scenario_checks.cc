#include "app/scenario/scenario_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/number_format.h"
#include "app/common/plural.h"
#include "app/common/suggestions.h"
#include "app/scenario/key_readers.h"
#include "app/scenario/scenario_limits.h"
#include "models/customer_base.h"
#include "models/limits.h"
#include "models/projection.h"

namespace teamsim::app::loader {
namespace {

using model::ScenarioSpec;

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
        fmt::format(
            "the inbound leads of {} (the busiest, {} a month{}) over {} months arrive "
            "~{} times per replication: {}. Lower the rates, the seasonal peak or horizon_months",
            counted(spec.territories.size(), "territory", "territories"),
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

// Each initial customer holds an account of the territory it is placed in (by the territories'
// own initial_customers, or by their inbound_leads_per_month, as the model places them). A finite
// territory with (or, spread, expected to receive) more customers than it has accounts could not
// hold them, and would start with no leads at all.
void check_initial_customers_fit(const ScenarioSpec& spec, const YamlNode& root,
                                 DiagnosticSink& sink) {
  const int initial = spec.customers.initial_customers;
  if (initial <= 0) return;
  if (model::initial_customers_placed(spec.territories)) {
    for (const model::TerritorySpec& t : spec.territories) {
      const int placed = t.initial_customers.value_or(0);
      if (t.accounts <= 0 || placed <= t.accounts) continue;
      sink.error(mark_of(root.find("territories"), t.name, "initial_customers", root),
                 key_path_join(key_path_join("territories", t.name), "initial_customers"),
                 fmt::format("{} initial customers, but the territory has {} accounts and each "
                             "customer holds one; raise accounts or lower initial_customers",
                             format_grouped(placed, 0), format_grouped(t.accounts, 0)));
    }
    return;
  }
  const std::vector<double> weights = model::initial_customer_weights(spec.territories);
  double total_weight = 0;
  for (const double weight : weights) total_weight += weight;
  for (std::size_t i = 0; i < spec.territories.size(); ++i) {
    const model::TerritorySpec& t = spec.territories[i];
    if (t.accounts <= 0) continue;
    const double share = weights[i] / total_weight;
    const double expected = initial * share;
    if (expected <= t.accounts) continue;
    sink.error(
        mark_of(root.find("territories"), t.name, "accounts", root),
        key_path_join(key_path_join("territories", t.name), "accounts"),
        fmt::format("{} accounts, but about {} of the {} initial customers are placed in this "
                    "territory ({} of them: customers are spread over the territories by "
                    "inbound_leads_per_month), and each holds an account, so no lead could come "
                    "from it; raise accounts or lower customers.initial",
                    t.accounts, format_grouped(std::ceil(expected), 0), initial,
                    spec.territories.size() == 1 ? "all" : format_grouped(100 * share, 0) + "%"));
  }
}

}  // namespace

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
                   "monthly_expansion{} ({}) plus covered_expansion_bonus ({}) is {} a month for a "
                   "covered customer; keep the sum at most {} (growth compounds every month and "
                   "would overflow)",
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
  check_initial_customers_fit(spec, root, sink);
  check_event_estimate(spec, root, sink);
}

}  // namespace teamsim::app::loader
