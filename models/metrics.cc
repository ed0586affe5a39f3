#include "models/metrics.h"

namespace teamsim::model {
namespace {

std::vector<MetricInfo> fixed_metrics() {
  using K = MetricKind;
  // Order must match enum class Metric.
  return {
      {"headcount_total", "count", K::kStock, "People employed at month end, all roles"},
      {"ramped_capacity", "fte", K::kStock,
       "Sum of account executives' productivity at month end (full-rep equivalents)"},
      {"open_requisitions", "count", K::kStock, "Requisitions opened but not yet filled"},
      {"hires", "count", K::kFlow, "People who started in the month"},
      {"departures", "count", K::kFlow, "People who left in the month"},
      {"leads", "count", K::kFlow, "Inbound and self-prospected leads that arrived"},
      {"leads_unworked", "count", K::kFlow,
       "Leads dropped because no account executive in the territory had capacity"},
      {"opportunities_opened", "count", K::kFlow, "Leads that became opportunities"},
      {"deals_won", "count", K::kFlow, "Opportunities closed won"},
      {"deals_lost", "count", K::kFlow, "Opportunities closed lost"},
      {"open_opportunities", "count", K::kStock, "Opportunities open at month end"},
      {"new_bookings", "currency", K::kFlow, "Annual contract value of deals won in the month"},
      {"customers", "count", K::kStock, "Paying customers at month end"},
      {"logo_churn", "count", K::kFlow, "Customers lost in the month"},
      {"mrr", "currency", K::kStock, "Monthly recurring revenue at month end"},
      {"arr", "currency", K::kStock, "Annual recurring revenue at month end: 12 x MRR"},
      {"revenue", "currency", K::kFlow, "Recurring revenue collected in the month"},
      {"payroll", "currency", K::kFlow, "Salaries paid in the month"},
      {"total_cost", "currency", K::kFlow, "Payroll plus other costs in the month"},
      {"cash", "currency", K::kStock, "Cash balance at month end"},
  };
}

}  // namespace

MetricLayout::MetricLayout(const ScenarioSpec& spec) : infos_(fixed_metrics()) {
  for (const RoleSpec& role : spec.roles) {
    infos_.push_back({"headcount." + role.name, "count", MetricKind::kStock,
                      "People in role " + role.name + " at month end"});
  }
}

std::size_t MetricLayout::find(const std::string& name) const {
  for (std::size_t i = 0; i < infos_.size(); ++i) {
    if (infos_[i].name == name) return i;
  }
  return infos_.size();
}

}  // namespace teamsim::model
