#pragma once

// Helpers shared by the model's statistical tests: a scenario with every mechanism switched off,
// and access to a projection's samples.

#include <Eigen/Core>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/defaults.h"
#include "models/projection.h"

namespace teamsim::model {

using sim::Distribution;

/// A scenario with every mechanism switched off: no staff, no hires, no leads, no customers,
/// no costs, no commission, unlimited recruiting and training bandwidth, no management penalty,
/// identical reps. Tests switch on exactly what they check.
inline ScenarioSpec quiet_scenario(int horizon_months) {
  ScenarioSpec spec = default_scenario();
  spec.horizon_months = horizon_months;
  for (RoleSpec& role : spec.roles) {
    role.time_to_fill_days = Distribution::constant(0);
    role.onboarding_days = Distribution::constant(0);
    role.ramp_months = Distribution::constant(0);
    role.annual_attrition = 0;
    role.backfill_delay_days = Distribution::constant(0);
    role.prospecting_leads_per_month = 0;
    role.max_open_opportunities = 1'000'000;
    role.annual_quota = 0;
    role.performance = Distribution::constant(1);
  }
  spec.founder = FounderSpec{kUnlimited, kUnlimited, 1.0, kUnlimited};
  spec.management.under_management_penalty = 0;
  spec.territories = {TerritorySpec{"all", 0}};
  spec.pipeline.warm_start = false;
  spec.customers.initial_customers = 0;
  spec.customers.monthly_churn = 0;
  spec.customers.monthly_expansion = Distribution::constant(0);
  spec.money.starting_cash = 0;
  spec.money.other_monthly_costs = 0;
  return spec;
}

inline RoleSpec& role(ScenarioSpec& spec, const std::string& name) {
  for (RoleSpec& r : spec.roles)
    if (r.name == name) return r;
  throw std::logic_error("no role " + name);
}

inline double metric_at(const Projection& p, Metric metric, Eigen::Index rep, Eigen::Index month) {
  return p.samples.metric(MetricLayout::index(metric))(rep, month - 1);
}

inline double mean_at(const Projection& p, Metric metric, Eigen::Index month) {
  return p.samples.metric(MetricLayout::index(metric)).col(month - 1).mean();
}

inline Projection run(const ScenarioSpec& spec, std::size_t replications, std::uint64_t seed = 7,
                      unsigned threads = 2) {
  ProjectionOptions options;
  options.replications = replications;
  options.seed = seed;
  options.threads = threads;
  return project(spec, options);
}

/// The samples (replications x months) of the metric called `name`; throws if there is none.
inline const Eigen::MatrixXd& named(const Projection& p, const std::string& name) {
  const std::size_t index = p.layout.find(name);
  if (index == p.layout.size()) throw std::logic_error("no metric " + name);
  return p.samples.metric(index);
}

/// Mean and standard error over replications of each history's average of `m` over months
/// [first, last] (1-based): months of one history are correlated, histories are independent.
/// Undefined months (NaN: a ratio with nothing to divide by) are left out of a history's average,
/// and a history without a defined month out of the mean.
struct MeanSe {
  double mean;
  double se;
};
inline MeanSe history_average(const Eigen::MatrixXd& m, Eigen::Index first, Eigen::Index last) {
  const Eigen::ArrayXXd months = m.middleCols(first - 1, last - first + 1).array();
  const Eigen::ArrayXXd defined =
      months.isNaN().select(0.0, Eigen::ArrayXXd::Ones(months.rows(), months.cols()));
  const Eigen::ArrayXd sums = months.isNaN().select(0.0, months).rowwise().sum();
  const Eigen::ArrayXd counts = defined.rowwise().sum();
  std::vector<double> per_history;
  for (Eigen::Index r = 0; r < months.rows(); ++r) {
    if (counts(r) > 0) per_history.push_back(sums(r) / counts(r));
  }
  const double n = static_cast<double>(per_history.size());
  double mean = 0;
  for (const double x : per_history) mean += x / n;
  double var = 0;
  for (const double x : per_history) var += (x - mean) * (x - mean) / (n - 1);
  return {mean, std::sqrt(var / n)};
}

}  // namespace teamsim::model
