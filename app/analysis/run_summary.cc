#include "app/analysis/run_summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "app/scenario/plan_calendar.h"
#include "app/scenario/scenario_json.h"

namespace teamsim::app {

const MetricSummary* RunSummary::find(const std::string& name) const {
  for (const MetricSummary& metric : metrics) {
    if (metric.info.name == name) return &metric;
  }
  return nullptr;
}

std::vector<HistogramRequest> key_histograms(int horizon_months) {
  return {{"arr", horizon_months}};
}

RunSummary summarize_run(const model::ScenarioSpec& spec, const model::Projection& projection,
                         std::uint64_t seed, const std::vector<HistogramRequest>& extra_histograms,
                         unsigned threads) {
  RunSummary summary;
  summary.scenario_name = spec.name;
  summary.scenario_hash = scenario_hash(spec);
  summary.seed = seed;
  summary.replications = projection.samples.replications();
  summary.horizon_months = spec.horizon_months;
  summary.start_date = start_date_of(spec);
  summary.currency = spec.money.currency;
  summary.events = projection.events;
  for (const model::HireSpec& hire : spec.hires) {
    summary.planned_hires.push_back({hire.role, hire.count, hire.month, hire.by_start_month});
  }
  summary.roles_hired_by_rules.emplace();
  for (const model::HiringRuleSpec& rule : spec.hiring_rules) {
    if (std::find(summary.roles_hired_by_rules->begin(), summary.roles_hired_by_rules->end(),
                  rule.role) == summary.roles_hired_by_rules->end()) {
      summary.roles_hired_by_rules->push_back(rule.role);
    }
  }
  summary.roles_without_backfill.emplace();
  for (const model::RoleSpec& role : spec.roles) {
    if (!role.backfill) summary.roles_without_backfill->push_back(role.name);
  }
  for (const model::TerritorySpec& territory : spec.territories) {
    if (territory.accounts > 0) {
      summary.territory_accounts.push_back({territory.name, territory.accounts});
    }
  }
  for (std::size_t i = 0; i < projection.stored.size(); ++i) {
    summary.metrics.push_back(
        {projection.stored_info(i), sim::summarize_columns(projection.samples.metric(i),
                                                           projection.event_weights(i), threads)});
  }
  const auto add_histogram = [&](const HistogramRequest& request, bool required) {
    const bool repeated = std::any_of(
        summary.histograms.begin(), summary.histograms.end(), [&](const HistogramSummary& h) {
          return h.metric == request.metric && h.month == request.month;
        });
    if (repeated) return;
    const Eigen::MatrixXd* samples = projection.find(request.metric);
    if (samples == nullptr || request.month < 1 || request.month > samples->cols()) {
      if (!required) return;
      throw std::invalid_argument(
          fmt::format("no histogram of {} at month {}: {}", request.metric, request.month,
                      samples == nullptr ? "the metric was not kept" : "outside the horizon"));
    }
    const Eigen::VectorXd column = samples->col(request.month - 1);
    const model::MetricInfo& info = projection.layout.info(projection.layout.find(request.metric));
    // A share's last bin ends at 100 % and holds it (sim/histogram.h).
    summary.histograms.push_back(
        {request.metric, request.month,
         sim::make_histogram(std::vector<double>(column.data(), column.data() + column.size()),
                             info.unit == "count", sim::kMaxHistogramBins,
                             info.share ? std::optional<double>(1.0) : std::nullopt)});
  };
  for (const HistogramRequest& request : key_histograms(spec.horizon_months)) {
    add_histogram(request, false);
  }
  for (const HistogramRequest& request : extra_histograms) add_histogram(request, true);
  return summary;
}

}  // namespace teamsim::app
