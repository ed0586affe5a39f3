#include "models/metrics.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>

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
      {"revenue", "currency", K::kFlow, "Recurring revenue earned in the month"},
      {"payroll", "currency", K::kFlow, "Salaries paid in the month"},
      {"total_cost", "currency", K::kFlow, "Payroll plus other costs in the month"},
      {"cash", "currency", K::kStock, "Cash balance at month end"},
      {"commission", "currency", K::kFlow, "Commission paid on the month's bookings"},
      {"hiring_cost", "currency", K::kFlow, "One-off recruiting costs of the month's hires"},
      {"channel_cost", "currency", K::kFlow, "Cost of the leads that arrived through channels"},
      {"cumulative_burn", "currency", K::kStock, "Starting cash minus cash at month end"},
      {"cash_ever_negative", "ratio", K::kStock,
       "1 when cash has been below zero at some month end so far; its mean is P(cash < 0 by t)"},
      {"cac", "currency", K::kStock,
       "Total cost over the trailing 12 months divided by new customers won in them"},
      {"cac_payback_months", "months", K::kStock,
       "Total cost over the trailing 12 months divided by the new MRR won in them"},
      {"win_rate", "ratio", K::kFlow, "Deals won / deals closed in the month"},
      {"avg_cycle_days", "days", K::kFlow, "Mean days from opening to close of deals closed"},
      {"complex_opportunities", "count", K::kFlow, "Opportunities opened that need a specialist"},
      {"specialist_queue", "count", K::kStock, "Complex opportunities waiting for a specialist"},
      {"specialist_queue_wait_days", "days", K::kFlow,
       "Mean days complex opportunities granted a specialist in the month waited"},
      {"leads_disqualified", "count", K::kFlow, "Unqualified leads screened out by sales ops"},
      {"leads_not_converted", "count", K::kFlow,
       "Worked leads that did not convert to an opportunity through their channel"},
      {"bookings_per_ae", "currency", K::kFlow, "New bookings / account executives at month end"},
      {"quota_attainment_mean", "ratio", K::kStock,
       "Mean over ramped AEs of trailing bookings / pro-rated quota"},
      {"quota_attainment_p10", "ratio", K::kStock, "10th percentile of AE quota attainment"},
      {"quota_attainment_p50", "ratio", K::kStock, "Median AE quota attainment"},
      {"quota_attainment_p90", "ratio", K::kStock, "90th percentile of AE quota attainment"},
      {"share_at_quota", "ratio", K::kStock, "Share of ramped AEs at or above quota"},
      {"ramped_aes", "count", K::kStock, "Account executives past their ramp, with a quota"},
      {"management_coverage", "ratio", K::kStock,
       "min(1, span of control of managers and assistants / reps)"},
      {"recruiting_queue", "count", K::kStock, "Requisitions waiting for a free search slot"},
      {"avg_time_to_hire_days", "days", K::kFlow,
       "Mean days from requisition to first day of the month's hires"},
      {"onboarding_queue", "count", K::kStock, "New hires waiting for a trainer"},
      {"territory_moves", "count", K::kFlow, "Reps moved by territory rebalancing"},
      {"employee_retention_t12m", "ratio", K::kStock,
       "Share of the people employed 12 months earlier still employed"},
      {"covered_customers", "count", K::kStock, "Customers within customer-success capacity"},
      {"renewals", "count", K::kFlow, "Renewals in the month where the customer stayed"},
      {"grr_t12m", "ratio", K::kStock,
       "Gross revenue retention of the cohort active 12 months earlier"},
      {"nrr_t12m", "ratio", K::kStock,
       "Net revenue retention of the cohort active 12 months earlier"},
      {"logo_retention_t12m", "ratio", K::kStock,
       "Share of the customers active 12 months earlier still active"},
      {"collections", "currency", K::kFlow,
       "Cash from customers in the month: revenue billed as earned plus annual invoices paid "
       "upfront"},
      {"deferred_revenue", "currency", K::kStock,
       "Billed upfront but not yet earned at month end (the rest of the annual terms paid)"},
      {"team_quota_attainment", "ratio", K::kStock,
       "Trailing bookings of the ramped AEs over the sum of their pro-rated quotas"},
      {"reps_on_plan", "count", K::kStock, "Sellers on a performance improvement plan"},
      {"performance_exits", "count", K::kFlow,
       "Sellers let go at the end of a performance plan (also counted in departures)"},
  };
}

}  // namespace

std::vector<std::string> MetricLayout::names() const {
  std::vector<std::string> names;
  names.reserve(infos_.size());
  for (const MetricInfo& info : infos_) names.push_back(info.name);
  return names;
}

QuotaBand quota_band(double attainment) {
  constexpr double kTolerance = 1e-12;
  std::size_t band = 0;
  while (band + 1 < static_cast<std::size_t>(QuotaBand::kCount) &&
         attainment >= kQuotaBandLowerEdges[band + 1] - kTolerance) {
    ++band;
  }
  return static_cast<QuotaBand>(band);
}

MetricLayout::MetricLayout(const ScenarioSpec& spec) : infos_(fixed_metrics()) {
  static_assert(std::size(kQuotaBandNames) == static_cast<std::size_t>(QuotaBand::kCount));
  static_assert(std::size(kQuotaBandLowerEdges) == static_cast<std::size_t>(QuotaBand::kCount));
  for (std::size_t band = 0; band < std::size(kQuotaBandNames); ++band) {
    const auto percent = [](double share) { return std::to_string(std::lround(100 * share)); };
    const bool last = band + 1 == std::size(kQuotaBandNames);
    const std::string range = band == 0 ? "below " + percent(kQuotaBandLowerEdges[1]) + "%"
                              : last
                                  ? percent(kQuotaBandLowerEdges[band]) + "% or more"
                                  : "from " + percent(kQuotaBandLowerEdges[band]) + "% to below " +
                                        percent(kQuotaBandLowerEdges[band + 1]) + "%";
    infos_.push_back({std::string("quota_attainment.") + kQuotaBandNames[band], "count",
                      MetricKind::kStock,
                      "Ramped account executives with a quota attainment " + range + " of quota"});
  }
  for (const RoleSpec& role : spec.roles) {
    infos_.push_back({"headcount." + role.name, "count", MetricKind::kStock,
                      "People in role " + role.name + " at month end"});
  }
  territories_begin_ = infos_.size();
  for (const TerritorySpec& territory : spec.territories) {
    const std::string prefix = "territory." + territory.name + ".";
    const std::string where = " in territory " + territory.name;
    infos_.push_back({prefix + "leads", "count", MetricKind::kFlow, "Leads" + where});
    infos_.push_back(
        {prefix + "opportunities", "count", MetricKind::kFlow, "Opportunities opened" + where});
    infos_.push_back({prefix + "wins", "count", MetricKind::kFlow, "Deals won" + where});
    infos_.push_back({prefix + "bookings", "currency", MetricKind::kFlow, "New bookings" + where});
    infos_.push_back({prefix + "bookings_per_rep", "currency", MetricKind::kFlow,
                      "New bookings / account executives assigned at month end" + where});
    infos_.push_back({prefix + "reps", "count", MetricKind::kStock,
                      "Account executives assigned at month end" + where});
    infos_.push_back({prefix + "accounts_available", "count", MetricKind::kStock,
                      "Accounts that can be approached at month end (0 if unlimited)" + where});
  }
  products_begin_ = infos_.size();
  for (const ProductSpec& product : spec.products) {
    const std::string prefix = "product." + product.name + ".";
    infos_.push_back({prefix + "wins", "count", MetricKind::kFlow, "Deals won of " + product.name});
    infos_.push_back(
        {prefix + "bookings", "currency", MetricKind::kFlow, "New bookings of " + product.name});
  }
  channels_begin_ = infos_.size();
  for (const ChannelSpec& channel : spec.channels) {
    const std::string prefix = "channel." + channel.name + ".";
    const std::string via = " through " + channel.name;
    infos_.push_back({prefix + "leads", "count", MetricKind::kFlow, "Leads" + via});
    infos_.push_back({prefix + "opportunities", "count", MetricKind::kFlow, "Opportunities" + via});
    infos_.push_back({prefix + "wins", "count", MetricKind::kFlow, "Deals won" + via});
    infos_.push_back({prefix + "cost", "currency", MetricKind::kFlow, "Lead cost" + via});
  }
  segments_begin_ = infos_.size();
  for (const SegmentSpec& segment : spec.segments) {
    const std::string prefix = "segment." + segment.name + ".";
    const std::string in = " in segment " + segment.name;
    infos_.push_back({prefix + "leads", "count", MetricKind::kFlow, "Leads" + in});
    infos_.push_back(
        {prefix + "opportunities", "count", MetricKind::kFlow, "Opportunities opened" + in});
    infos_.push_back({prefix + "wins", "count", MetricKind::kFlow, "Deals won" + in});
    infos_.push_back({prefix + "bookings", "currency", MetricKind::kFlow, "New bookings" + in});
    infos_.push_back(
        {prefix + "customers", "count", MetricKind::kStock, "Paying customers at month end" + in});
    infos_.push_back({prefix + "arr", "currency", MetricKind::kStock,
                      "Annual recurring revenue at month end" + in});
    infos_.push_back({prefix + "logo_churn", "count", MetricKind::kFlow, "Customers lost" + in});
  }
}

std::size_t MetricLayout::find(const std::string& name) const {
  for (std::size_t i = 0; i < infos_.size(); ++i) {
    if (infos_[i].name == name) return i;
  }
  return infos_.size();
}

std::optional<std::string> non_finite_metric(const MetricLayout& layout,
                                             const Eigen::Ref<const Eigen::RowVectorXd>& row,
                                             int month) {
  for (Eigen::Index c = 0; c < row.size(); ++c) {
    if (std::isfinite(row(c))) continue;
    const auto column = static_cast<std::size_t>(c);
    std::string message = "metric '";
    message += column < layout.size() ? layout.info(column).name : "?";
    message += "' is ";
    message += std::isnan(row(c)) ? "NaN" : row(c) > 0 ? "+infinity" : "-infinity";
    message += " at month ";
    message += std::to_string(month);
    return message;
  }
  return std::nullopt;
}

void assert_finite_metrics(const MetricLayout& layout,
                           const Eigen::Ref<const Eigen::RowVectorXd>& row, int month,
                           std::uint64_t replication) {
  const std::optional<std::string> problem = non_finite_metric(layout, row, month);
  if (!problem) return;
  // An assertion failure, reported the way assert would: models otherwise does no I/O.
  std::fprintf(stderr, "teamsim: internal error: %s in replication %llu\n", problem->c_str(),
               static_cast<unsigned long long>(replication));
  std::abort();
}

}  // namespace teamsim::model
