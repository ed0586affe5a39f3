#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <vector>

#include "models/account_pool.h"
#include "models/customer_base.h"
#include "models/metrics.h"
#include "models/model_context.h"
#include "models/organisation.h"
#include "models/pipeline.h"

// The month-end recorder: every metric of the month, in the columns of the MetricLayout, read
// from the components and the month's tally. It changes nothing in the model (it holds them
// const); the customers' month close runs before it. Formulas are in docs/metrics.md. The scans
// over every customer or person that only some metrics need (about 3 % of a replication of
// scenarios/reference.yaml) are skipped when none of those metrics is kept (`run --metrics`);
// their columns stay 0.

namespace teamsim::model {

class MonthEndRecorder {
 public:
  /// `kept`: the layout columns anyone reads (empty: every column).
  MonthEndRecorder(const ModelContext& context, const Organisation& organisation,
                   const Pipeline& pipeline, const CustomerBase& customers,
                   const AccountPool& accounts, const MetricLayout& layout,
                   std::uint64_t replication, std::span<const std::size_t> kept = {});

  /// Writes row month - 1 (month is 1-based and follows the rows recorded so far).
  void record(int month);
  /// Row m holds the metrics of month m + 1.
  const Eigen::MatrixXd& monthly() const { return monthly_; }

 private:
  using Row = Eigen::MatrixXd::RowXpr;
  void set(Row& row, Metric metric, double value) const;
  void record_team(Row& row) const;
  void record_pipeline(Row& row) const;
  void record_money(Row& row);
  /// The customers' metrics, with the customers' retention ones (one scan for both).
  void record_customers(Row& row, int month) const;
  void record_employee_retention(Row& row, int month) const;
  void record_quota(Row& row, int month) const;
  /// CAC over the trailing 12 months (fewer in the first year), this month included.
  void record_cac(Row& row, int month) const;
  void record_breakdowns(Row& row) const;
  /// Which of the optional scans some kept column needs.
  void choose_scans(std::span<const std::size_t> kept);

  const ModelContext& context_;
  const ScenarioSpec& spec_;
  const Organisation& organisation_;
  const Pipeline& pipeline_;
  const CustomerBase& customers_;
  const AccountPool& accounts_;
  const MetricLayout& layout_;
  std::uint64_t replication_;
  bool cash_was_negative_ = false;
  double lowest_cash_;          ///< the lowest month-end cash so far, from the starting cash
  bool customer_scan_ = true;   ///< deferred revenue, covered, by segment and territory
  bool retention_scan_ = true;  ///< the trailing-12-month retention ratios
  bool quota_scan_ = true;      ///< attainment and its bands
  /// The kept fixed metrics models/metrics.def defines from a month after the first: each is
  /// written as undefined before that month.
  std::vector<Metric> not_from_month_1_;
  Eigen::MatrixXd monthly_;
};

}  // namespace teamsim::model
