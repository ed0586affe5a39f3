#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "models/scenario_spec.h"

namespace teamsim::model {

/// How a metric aggregates over a month.
enum class MetricKind {
  kStock,  ///< a level read at the month-end snapshot (headcount, MRR, cash)
  kFlow,   ///< a total over the month (bookings, departures, payroll)
};

/// What a reported number means; the formulas are in docs/metrics.md.
struct MetricInfo {
  std::string name;  ///< stable snake_case identifier used in CSV/JSON, e.g. "arr"
  std::string unit;  ///< "count", "fte", "currency" or "ratio"
  MetricKind kind = MetricKind::kStock;
  std::string description;
};

/// The metrics every scenario reports, in output order. Per-role headcounts follow them.
enum class Metric : std::size_t {
  kHeadcountTotal,
  kRampedCapacity,
  kOpenRequisitions,
  kHires,
  kDepartures,
  kLeads,
  kLeadsUnworked,
  kOpportunitiesOpened,
  kDealsWon,
  kDealsLost,
  kOpenOpportunities,
  kNewBookings,
  kCustomers,
  kLogoChurn,
  kMrr,
  kArr,
  kRevenue,
  kPayroll,
  kTotalCost,
  kCash,
  kCount  ///< number of fixed metrics, not a metric
};

/// The columns of one scenario's results: the fixed metrics, then "headcount.<role>" for each
/// role in scenario order.
class MetricLayout {
 public:
  explicit MetricLayout(const ScenarioSpec& spec);
  std::size_t size() const { return infos_.size(); }
  const MetricInfo& info(std::size_t index) const { return infos_[index]; }
  const std::vector<MetricInfo>& infos() const { return infos_; }
  /// Column of a fixed metric.
  static std::size_t index(Metric metric) { return static_cast<std::size_t>(metric); }
  /// Column of the headcount of the role at `role_index` in ScenarioSpec::roles.
  std::size_t headcount_index(std::size_t role_index) const {
    return static_cast<std::size_t>(Metric::kCount) + role_index;
  }
  /// Column of the metric with this name, or size() when there is none.
  std::size_t find(const std::string& name) const;

 private:
  std::vector<MetricInfo> infos_;
};

}  // namespace teamsim::model
