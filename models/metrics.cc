#include "models/metrics.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <utility>

namespace teamsim::model {
namespace {

/// The fixed ratios whose denominator can be 0; docs/metrics.md says when each is undefined.
constexpr Metric kCanBeUndefined[] = {Metric::kCac,
                                      Metric::kCacPaybackMonths,
                                      Metric::kWinRate,
                                      Metric::kAvgCycleDays,
                                      Metric::kSpecialistQueueWaitDays,
                                      Metric::kBookingsPerAe,
                                      Metric::kQuotaAttainmentMean,
                                      Metric::kQuotaAttainmentP10,
                                      Metric::kQuotaAttainmentP50,
                                      Metric::kQuotaAttainmentP90,
                                      Metric::kShareAtQuota,
                                      Metric::kAvgTimeToHireDays,
                                      Metric::kEmployeeRetentionT12m,
                                      Metric::kGrrT12m,
                                      Metric::kNrrT12m,
                                      Metric::kLogoRetentionT12m,
                                      Metric::kTeamQuotaAttainment};

/// The fixed ratios that are shares or probabilities, never above 1 (docs/metrics.md).
constexpr Metric kShares[] = {Metric::kCashEverNegative,      Metric::kWinRate,
                              Metric::kShareAtQuota,          Metric::kManagementCoverage,
                              Metric::kEmployeeRetentionT12m, Metric::kGrrT12m,
                              Metric::kLogoRetentionT12m};

/// A mean over the month's events and the metrics that count those events.
struct EventMean {
  Metric mean;
  std::vector<Metric> events;
};

std::vector<MetricInfo> fixed_metrics() {
  std::vector<MetricInfo> infos;
  infos.reserve(std::size(kFixedMetrics));
  for (const FixedMetric& metric : kFixedMetrics) {
    infos.push_back(MetricInfo(metric.name, metric.unit, metric.kind, metric.description,
                               metric.defined_from_month > 1, metric.defined_from_month));
  }
  for (const Metric metric : kCanBeUndefined) {
    infos[MetricLayout::index(metric)].can_be_undefined = true;
  }
  for (const Metric metric : kShares) infos[MetricLayout::index(metric)].share = true;
  const EventMean event_means[] = {
      {Metric::kAvgTimeToHireDays, {Metric::kHires}},
      {Metric::kWinRate, {Metric::kDealsWon, Metric::kDealsLost}},
      {Metric::kAvgCycleDays, {Metric::kDealsWon, Metric::kDealsLost}},
      {Metric::kSpecialistQueueWaitDays, {Metric::kSpecialistGrants}},
  };
  for (const EventMean& mean : event_means) {
    for (const Metric events : mean.events) {
      infos[MetricLayout::index(mean.mean)].event_columns.push_back(MetricLayout::index(events));
    }
  }
  return infos;
}

}  // namespace

int defined_from_month(std::string_view name) {
  for (const FixedMetric& metric : kFixedMetrics) {
    if (metric.name == name) return metric.defined_from_month;
  }
  return 1;
}

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
    infos_.push_back(MetricInfo(
        std::string("quota_attainment.") + kQuotaBandNames[band], "count", MetricKind::kStock,
        "Ramped account executives with a quota attainment " + range + " of quota"));
  }
  for (const RoleSpec& role : spec.roles) {
    infos_.push_back(MetricInfo("headcount." + role.name, "count", MetricKind::kStock,
                                "People in role " + role.name + " at month end"));
  }
  static_assert(std::size(kRoleMetricNames) == static_cast<std::size_t>(RoleMetric::kCount));
  roles_ = spec.roles.size();
  roles_begin_ = infos_.size();
  for (const RoleSpec& role : spec.roles) {
    infos_.push_back(
        {"hired_to_date." + role.name, "count", MetricKind::kStock,
         "People of role " + role.name + " hired since day 0 (starting staff excluded)"});
  }
  for (const RoleSpec& role : spec.roles) {
    infos_.push_back({"recruiting_queue." + role.name, "count", MetricKind::kStock,
                      "Requisitions of role " + role.name + " waiting for a search slot"});
  }
  territories_begin_ = infos_.size();
  for (const TerritorySpec& territory : spec.territories) {
    const std::string prefix = "territory." + territory.name + ".";
    const std::string where = " in territory " + territory.name;
    infos_.push_back(MetricInfo(prefix + "leads", "count", MetricKind::kFlow, "Leads" + where));
    infos_.push_back(MetricInfo(prefix + "opportunities", "count", MetricKind::kFlow,
                                "Opportunities opened" + where));
    infos_.push_back(MetricInfo(prefix + "wins", "count", MetricKind::kFlow, "Deals won" + where));
    infos_.push_back(
        MetricInfo(prefix + "bookings", "currency", MetricKind::kFlow, "New bookings" + where));
    infos_.push_back(MetricInfo(prefix + "bookings_per_rep", "currency", MetricKind::kFlow,
                                "New bookings / account executives assigned at month end" + where,
                                true));
    infos_.push_back(MetricInfo(prefix + "reps", "count", MetricKind::kStock,
                                "Account executives assigned at month end" + where));
    infos_.push_back(
        MetricInfo(prefix + "accounts_available", "count", MetricKind::kStock,
                   "Accounts that can be approached at month end (0 if unlimited)" + where));
    infos_.push_back(MetricInfo(prefix + "customers", "count", MetricKind::kStock,
                                "Paying customers at month end" + where));
    infos_.push_back(MetricInfo(prefix + "arr", "currency", MetricKind::kStock,
                                "Annual recurring revenue at month end" + where));
  }
  products_begin_ = infos_.size();
  for (const ProductSpec& product : spec.products) {
    const std::string prefix = "product." + product.name + ".";
    infos_.push_back(
        MetricInfo(prefix + "wins", "count", MetricKind::kFlow, "Deals won of " + product.name));
    infos_.push_back(MetricInfo(prefix + "bookings", "currency", MetricKind::kFlow,
                                "New bookings of " + product.name));
  }
  channels_begin_ = infos_.size();
  for (const ChannelSpec& channel : spec.channels) {
    const std::string prefix = "channel." + channel.name + ".";
    const std::string via = " through " + channel.name;
    infos_.push_back(MetricInfo(prefix + "leads", "count", MetricKind::kFlow, "Leads" + via));
    infos_.push_back(
        MetricInfo(prefix + "opportunities", "count", MetricKind::kFlow, "Opportunities" + via));
    infos_.push_back(MetricInfo(prefix + "wins", "count", MetricKind::kFlow, "Deals won" + via));
    infos_.push_back(MetricInfo(prefix + "cost", "currency", MetricKind::kFlow, "Lead cost" + via));
  }
  segments_begin_ = infos_.size();
  for (const SegmentSpec& segment : spec.segments) {
    const std::string prefix = "segment." + segment.name + ".";
    const std::string in = " in segment " + segment.name;
    infos_.push_back(MetricInfo(prefix + "leads", "count", MetricKind::kFlow, "Leads" + in));
    infos_.push_back(MetricInfo(prefix + "opportunities", "count", MetricKind::kFlow,
                                "Opportunities opened" + in));
    infos_.push_back(MetricInfo(prefix + "wins", "count", MetricKind::kFlow, "Deals won" + in));
    infos_.push_back(
        MetricInfo(prefix + "bookings", "currency", MetricKind::kFlow, "New bookings" + in));
    infos_.push_back(MetricInfo(prefix + "customers", "count", MetricKind::kStock,
                                "Paying customers at month end" + in));
    infos_.push_back(MetricInfo(prefix + "arr", "currency", MetricKind::kStock,
                                "Annual recurring revenue at month end" + in));
    infos_.push_back(
        MetricInfo(prefix + "logo_churn", "count", MetricKind::kFlow, "Customers lost" + in));
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
    // NaN is how a ratio with a zero denominator says "undefined"; an infinity never is.
    if (std::isnan(row(c)) && column < layout.size() && layout.info(column).can_be_undefined) {
      continue;
    }
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
