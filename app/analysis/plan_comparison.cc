#include "app/analysis/plan_comparison.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "app/analysis/run_limits.h"
#include "app/scenario/plan_calendar.h"
#include "app/scenario/scenario_json.h"
#include "models/projection.h"

namespace teamsim::app {
std::size_t PlanComparison::find_metric(const std::string& name) const {
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    if (metrics[m].name == name) return m;
  }
  return metrics.size();
}

const Eigen::MatrixXd* PlanComparison::event_weights(std::size_t plan, std::size_t metric) const {
  if (plan >= event_counts.size() || metric >= event_counts[plan].size()) return nullptr;
  const Eigen::MatrixXd& counts = event_counts[plan][metric];
  return counts.size() > 0 ? &counts : nullptr;
}

PlanComparison compare_plans(const std::vector<ComparedPlan>& plans,
                             const CompareOptions& options) {
  if (plans.empty()) throw std::invalid_argument("compare_plans: no plans");
  PlanComparison comparison;
  comparison.replications = options.replications;
  comparison.currency = plans.front().spec.money.currency;
  comparison.horizon_months = plans.front().spec.horizon_months;
  comparison.start_date = start_date_of(plans.front().spec);
  for (const ComparedPlan& plan : plans) {
    comparison.horizon_months = std::min(comparison.horizon_months, plan.spec.horizon_months);
    if (start_date_of(plan.spec) != comparison.start_date) comparison.start_date.reset();
  }

  // The metrics every plan reports (plans with other roles have other headcount columns).
  std::vector<model::MetricLayout> layouts;
  for (const ComparedPlan& plan : plans) layouts.emplace_back(plan.spec);
  for (const model::MetricInfo& info : layouts.front().infos()) {
    const bool everywhere = std::all_of(layouts.begin(), layouts.end(), [&](const auto& layout) {
      return layout.find(info.name) < layout.size();
    });
    if (everywhere) comparison.metrics.push_back(info);
  }

  for (std::size_t i = 0; i < plans.size(); ++i) {
    model::ProjectionOptions projection_options;
    projection_options.replications = options.replications;
    projection_options.seed = options.independent_streams ? options.seed + i : options.seed;
    projection_options.threads = options.threads;
    projection_options.stop_requested = options.stop_requested;
    if (options.on_progress) {
      const std::size_t before = i * options.replications;
      projection_options.on_progress = [&options, before](std::size_t done) {
        options.on_progress(before + done);
      };
    }
    const model::Projection projection = project_or_name_the_failure(
        fmt::format("plan \"{}\"", plans[i].label), plans[i].spec, projection_options);
    if (projection.outcome == sim::RunOutcome::kStopped) {
      comparison.outcome = sim::RunOutcome::kStopped;
      return comparison;
    }
    std::vector<Eigen::MatrixXd> samples, event_counts;
    for (const model::MetricInfo& info : comparison.metrics) {
      const std::size_t kept = projection.kept_index(info.name);
      samples.push_back(projection.samples.metric(kept).leftCols(comparison.horizon_months));
      const Eigen::MatrixXd* weights = projection.event_weights(kept);
      event_counts.push_back(weights ? Eigen::MatrixXd(weights->leftCols(comparison.horizon_months))
                                     : Eigen::MatrixXd());
    }
    comparison.labels.push_back(plans[i].label);
    comparison.scenario_hashes.push_back(scenario_hash(plans[i].spec));
    comparison.seeds.push_back(projection_options.seed);
    comparison.samples.push_back(std::move(samples));
    comparison.event_counts.push_back(std::move(event_counts));
  }
  return comparison;
}

std::vector<MetricComparison> summarize_comparison(const PlanComparison& comparison,
                                                   unsigned threads) {
  std::vector<MetricComparison> out;
  const std::size_t plans = comparison.samples.size();
  for (std::size_t m = 0; m < comparison.metrics.size(); ++m) {
    MetricComparison metric;
    metric.info = comparison.metrics[m];
    for (std::size_t i = 0; i < plans; ++i) {
      metric.plans.push_back(sim::summarize_columns(comparison.samples[i][m],
                                                    comparison.event_weights(i, m), threads));
    }
    for (std::size_t a = 0; a < plans; ++a) {
      for (std::size_t b = a + 1; b < plans; ++b) {
        metric.pairs.emplace_back(a, b);
        metric.differences.push_back(
            sim::summarize_paired(comparison.samples[a][m], comparison.samples[b][m], threads));
      }
    }
    out.push_back(std::move(metric));
  }
  return out;
}

}  // namespace teamsim::app
