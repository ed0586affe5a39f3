#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
  MetricInfo() = default;
  MetricInfo(std::string name_, std::string unit_, MetricKind kind_, std::string description_,
             bool can_be_undefined_ = false, int defined_from_month_ = 1)
      : name(std::move(name_)),
        unit(std::move(unit_)),
        kind(kind_),
        description(std::move(description_)),
        can_be_undefined(can_be_undefined_),
        defined_from_month(defined_from_month_) {}

  std::string name;  ///< stable snake_case identifier used in CSV/JSON, e.g. "arr"
  std::string unit;  ///< "count", "fte", "currency" or "ratio"
  MetricKind kind = MetricKind::kStock;
  std::string description;
  /// A ratio whose denominator can be 0 (a month without hires, no customers a year earlier):
  /// such a month records NaN, "undefined", never 0, and the statistics over replications skip
  /// it and say over how many replications the metric was defined.
  bool can_be_undefined = false;
  /// A share or a probability (a "ratio" never above 1, i.e. 100 %: a win rate, a retention, the
  /// share of AEs at quota), unlike the ratios that can exceed 1 (quota attainment, NRR).
  bool share = false;
  /// The first month (1-based) in which the metric can have a value: 12 for the
  /// trailing-twelve-month retention ratios, undefined in every history before it; 1 otherwise.
  int defined_from_month = 1;
  /// For a mean over the month's events (per hire, per closed deal, per specialist grant): the
  /// layout columns whose sum counts those events. Its mean over replications is weighted by
  /// them, so that it is the mean per event (docs/metrics.md). Empty: a plain mean.
  std::vector<std::size_t> event_columns;
};

/// The metrics every scenario reports, in output order (models/metrics.def). Per-role headcounts
/// and the other families follow them in a MetricLayout.
enum class Metric : std::size_t {
#define TEAMSIM_METRIC(enumerator, name, unit, kind, defined_from_month, description) enumerator,
#include "models/metrics.def"
  kCount  ///< number of fixed metrics, not a metric
};

/// One fixed metric as models/metrics.def lists it.
struct FixedMetric {
  const char* name;
  const char* unit;
  MetricKind kind;
  int defined_from_month;  ///< the first month with a value (MetricInfo::defined_from_month)
  const char* description;
};

/// Every fixed metric, in Metric order.
inline constexpr FixedMetric kFixedMetrics[] = {
#define TEAMSIM_METRIC(enumerator, name, unit, kind, defined_from_month, description) \
  {name, unit, MetricKind::k##kind, defined_from_month, description},
#include "models/metrics.def"
};
static_assert(std::size(kFixedMetrics) == static_cast<std::size_t>(Metric::kCount));

/// The first month in which the fixed metric can have a value (models/metrics.def).
constexpr int defined_from_month(Metric metric) {
  return kFixedMetrics[static_cast<std::size_t>(metric)].defined_from_month;
}

/// The first month in which the metric named `name` can have a value: the fixed metric's
/// (models/metrics.def), 1 for any other name (the per-role, territory, ... families).
int defined_from_month(std::string_view name);

/// Bands of quota attainment, each reported as "quota_attainment.<band>": how many ramped sellers
/// with a quota have an attainment (a share of quota, see docs/metrics.md) in the band.
enum class QuotaBand : std::size_t { kBelow50, k50To80, k80To100, k100To120, k120Plus, kCount };

/// The band names after "quota_attainment.", in QuotaBand order.
inline constexpr const char* kQuotaBandNames[] = {"below_50", "50_to_80", "80_to_100", "100_to_120",
                                                  "120_plus"};
/// The lower edge of each band as a share of quota, in QuotaBand order; a band ends where the
/// next begins, and the last has no upper edge.
inline constexpr double kQuotaBandLowerEdges[] = {0.0, 0.5, 0.8, 1.0, 1.2};

/// The band of an attainment (a share of quota). An attainment within 1e-12 below an edge is on
/// the edge, and an edge belongs to the band above it: exactly on quota is in 100_to_120.
QuotaBand quota_band(double attainment);

/// Metrics reported for each role after its headcount, as "<metric>.<role>": people of the role
/// hired since day 0 (starting staff excluded), and the role's requisitions waiting for a search.
enum class RoleMetric : std::size_t { kHiredToDate, kRecruitingQueue, kCount };

/// The name of each RoleMetric before ".<role>", in RoleMetric order.
inline constexpr const char* kRoleMetricNames[] = {"hired_to_date", "recruiting_queue"};

/// Metrics reported for each territory, as "territory.<name>.<metric>": the customers and ARR
/// are those of the accounts in the territory (initial customers where they were placed, won
/// ones where their deal was).
enum class TerritoryMetric : std::size_t {
  kLeads,
  kOpportunities,
  kWins,
  kBookings,
  kBookingsPerRep,
  kReps,
  kAccountsAvailable,
  kCustomers,
  kArr,
  kCount
};

/// Metrics reported for each product, as "product.<name>.<metric>".
enum class ProductMetric : std::size_t { kWins, kBookings, kCount };

/// Metrics reported for each channel, as "channel.<name>.<metric>".
enum class ChannelMetric : std::size_t { kLeads, kOpportunities, kWins, kCost, kCount };

/// Metrics reported for each segment, as "segment.<name>.<metric>".
enum class SegmentMetric : std::size_t {
  kLeads,
  kOpportunities,
  kWins,
  kBookings,
  kCustomers,
  kArr,
  kLogoChurn,
  kCount
};

/// The columns of one scenario's results: the fixed metrics, the quota-attainment bands, then
/// "headcount.<role>" for each role in scenario order, "hired_to_date.<role>" and
/// "recruiting_queue.<role>" likewise, then the territory, product, channel and segment blocks.
class MetricLayout {
 public:
  explicit MetricLayout(const ScenarioSpec& spec);
  std::size_t size() const { return infos_.size(); }
  const MetricInfo& info(std::size_t index) const { return infos_[index]; }
  const std::vector<MetricInfo>& infos() const { return infos_; }
  /// Every metric's name, in column order (for lookups and "did you mean" suggestions).
  std::vector<std::string> names() const;
  /// Column of a fixed metric.
  static std::size_t index(Metric metric) { return static_cast<std::size_t>(metric); }
  /// Column of the count of ramped sellers in a quota-attainment band.
  static std::size_t quota_band_index(QuotaBand band) {
    return static_cast<std::size_t>(Metric::kCount) + static_cast<std::size_t>(band);
  }
  /// Column of the headcount of the role at `role_index` in ScenarioSpec::roles.
  std::size_t headcount_index(std::size_t role_index) const {
    return static_cast<std::size_t>(Metric::kCount) + static_cast<std::size_t>(QuotaBand::kCount) +
           role_index;
  }
  /// Column of a per-role metric of the role at `role_index` in ScenarioSpec::roles.
  std::size_t role_index(std::size_t role_index, RoleMetric metric) const {
    return roles_begin_ + static_cast<std::size_t>(metric) * roles_ + role_index;
  }
  /// Column of a metric of the territory at `territory` in ScenarioSpec::territories.
  std::size_t territory_index(std::size_t territory, TerritoryMetric metric) const {
    return territories_begin_ + territory * static_cast<std::size_t>(TerritoryMetric::kCount) +
           static_cast<std::size_t>(metric);
  }
  /// Column of a metric of the product at `product` in ScenarioSpec::products.
  std::size_t product_index(std::size_t product, ProductMetric metric) const {
    return products_begin_ + product * static_cast<std::size_t>(ProductMetric::kCount) +
           static_cast<std::size_t>(metric);
  }
  /// Column of a metric of the channel at `channel` in ScenarioSpec::channels.
  std::size_t channel_index(std::size_t channel, ChannelMetric metric) const {
    return channels_begin_ + channel * static_cast<std::size_t>(ChannelMetric::kCount) +
           static_cast<std::size_t>(metric);
  }
  /// Column of a metric of the segment at `segment` in ScenarioSpec::segments.
  std::size_t segment_index(std::size_t segment, SegmentMetric metric) const {
    return segments_begin_ + segment * static_cast<std::size_t>(SegmentMetric::kCount) +
           static_cast<std::size_t>(metric);
  }
  /// Column of the metric with this name, or size() when there is none.
  std::size_t find(const std::string& name) const;

 private:
  std::vector<MetricInfo> infos_;
  std::size_t roles_ = 0;
  std::size_t roles_begin_ = 0;
  std::size_t territories_begin_ = 0;
  std::size_t products_begin_ = 0;
  std::size_t channels_begin_ = 0;
  std::size_t segments_begin_ = 0;
};

/// Why a month's recorded metrics are not all finite: "metric 'cac' is NaN at month 7", naming
/// the first offending column of `row` (in the columns of `layout`); nullopt when all are finite.
std::optional<std::string> non_finite_metric(const MetricLayout& layout,
                                             const Eigen::Ref<const Eigen::RowVectorXd>& row,
                                             int month);

/// The debug-build check that every metric recorded at month end is finite: when one is not,
/// prints what non_finite_metric says (with the replication) to stderr and aborts, as assert does.
void assert_finite_metrics(const MetricLayout& layout,
                           const Eigen::Ref<const Eigen::RowVectorXd>& row, int month,
                           std::uint64_t replication);

}  // namespace teamsim::model
