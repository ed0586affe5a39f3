#include "models/projection.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <vector>

#include "models/replication.h"
#include "models/replication_inputs.h"
#include "sim/distributed.h"

namespace teamsim::model {

namespace {

std::vector<std::size_t> kept_columns(const MetricLayout& layout,
                                      const ProjectionOptions& options) {
  if (options.metrics.empty()) {
    std::vector<std::size_t> all(layout.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    return all;
  }
  for (const std::size_t column : options.metrics) {
    if (column >= layout.size()) {
      std::string message = "project: metric column ";
      message += std::to_string(column);
      message += " is not in the layout";
      throw std::invalid_argument(message);
    }
  }
  return options.metrics;
}

}  // namespace

std::size_t Projection::kept_index(const std::string& name) const {
  const std::size_t column = layout.find(name);
  return static_cast<std::size_t>(std::find(stored.begin(), stored.end(), column) - stored.begin());
}

const Eigen::MatrixXd* Projection::find(const std::string& name) const {
  const std::size_t i = kept_index(name);
  return i < stored.size() ? &samples.metric(i) : nullptr;
}

SampleMemory sample_memory(const ScenarioSpec& spec, const ProjectionOptions& options) {
  SampleMemory memory;
  memory.replications = options.replications;
  memory.months = static_cast<std::size_t>(spec.horizon_months);
  const MetricLayout layout(spec);
  const std::vector<std::size_t> kept = kept_columns(layout, options);
  memory.metrics = kept.size();
  // A mean over events keeps its event counts beside its samples.
  const auto weighted = std::count_if(kept.begin(), kept.end(), [&](std::size_t column) {
    return !layout.info(column).event_columns.empty();
  });
  // In floating point: the product of three size_t can overflow where the figure is only shown.
  memory.bytes = 8.0 * static_cast<double>(memory.replications) *
                 (static_cast<double>(memory.months) *
                      static_cast<double>(memory.metrics + static_cast<std::size_t>(weighted)) +
                  1.0);
  return memory;
}

EventEstimate estimate_events(const ScenarioSpec& spec) {
  EventEstimate estimate;
  const double months = spec.horizon_months;
  const double peak =
      *std::max_element(spec.seasonality.leads.begin(), spec.seasonality.leads.end());
  for (const TerritorySpec& territory : spec.territories) {
    estimate.lead_arrivals += territory.inbound_leads_per_month * peak * months;
  }
  // A customer renews once a term while it stays: with churn c per renewal and n terms in the
  // horizon, 1 + (1 - c) + ... + (1 - c)^(n - 1) renewals in expectation.
  const auto renewals = [](double churn, double terms) {
    return churn > 0 ? (1 - std::pow(1 - churn, terms)) / churn : terms;
  };
  const CustomerSpec& customers = spec.customers;
  estimate.initial_renewals =
      customers.initial_customers *
      ((1 - customers.annual_contract_share) * renewals(customers.monthly_churn, months) +
       customers.annual_contract_share * renewals(customers.annual_churn, std::floor(months / 12)));
  estimate.months = 2 * months;
  return estimate;
}

Projection project(const ScenarioSpec& spec, const ProjectionOptions& options) {
  MetricLayout layout(spec);
  std::vector<std::size_t> stored = kept_columns(layout, options);
  const std::size_t kept = stored.size();
  Projection projection{
      layout,
      std::move(stored),
      sim::SampleStore(kept, options.replications, static_cast<std::size_t>(spec.horizon_months)),
      std::vector<Eigen::MatrixXd>(kept),
      0,
      sim::RunOutcome::kCompleted,
      Eigen::MatrixXd()};
  for (std::size_t i = 0; i < kept; ++i) {
    if (projection.stored_info(i).event_columns.empty()) continue;
    projection.event_counts[i].setZero(static_cast<Eigen::Index>(options.replications),
                                       spec.horizon_months);
  }
  std::vector<std::uint64_t> events(options.replications, 0);
  if (!spec.replication_inputs.empty() && !spec.respecifier) {
    throw std::invalid_argument("project: replication inputs without a respecifier");
  }
  // The probe's inputs are the per-entity distributions, then the replication inputs.
  const std::size_t replication_inputs = spec.replication_inputs.size();
  std::optional<InputProbeOptions> entity_options = options.inputs;
  std::vector<std::optional<double>> pinned_levels(replication_inputs);
  std::optional<InputProbe> probe;
  if (options.inputs) {
    const std::size_t entity_inputs = InputProbe(spec, {}).size();
    auto& pinned = entity_options->pinned;
    for (std::size_t j = 0; j < replication_inputs && entity_inputs + j < pinned.size(); ++j) {
      pinned_levels[j] = pinned[entity_inputs + j];
    }
    if (pinned.size() > entity_inputs) pinned.resize(entity_inputs);
    probe.emplace(spec, *entity_options);
    if (options.inputs->record) {
      projection.input_means.setConstant(
          static_cast<Eigen::Index>(options.replications),
          static_cast<Eigen::Index>(probe->size() + replication_inputs),
          std::numeric_limits<double>::quiet_NaN());
    }
  }

  // The columns a replication must compute: the kept metrics and the events weighting them.
  std::vector<std::size_t> read;
  if (!options.metrics.empty()) {
    for (std::size_t i = 0; i < kept; ++i) {
      read.push_back(projection.stored[i]);
      const std::vector<std::size_t>& weights = projection.stored_info(i).event_columns;
      read.insert(read.end(), weights.begin(), weights.end());
    }
  }

  sim::RunnerOptions runner;
  runner.replications = options.replications;
  runner.first_replication = options.first_replication;
  runner.threads = options.threads;
  runner.on_progress = options.on_progress;
  runner.stop_requested = options.stop_requested;
  // Spread over the run's processes when there are several (mpirun): each runs a block of the
  // replications and receives the others' rows, so every process holds the whole projection.
  sim::ReplicationRows rows;
  for (std::size_t i = 0; i < kept; ++i) {
    rows.matrices.push_back(&projection.samples.metric(i));
    rows.matrices.push_back(&projection.event_counts[i]);
  }
  rows.matrices.push_back(&projection.input_means);
  rows.counts = &events;
  const auto replicate = [&](std::size_t r) {
    const std::size_t row = r - options.first_replication;
    const auto at = static_cast<Eigen::Index>(row);
    // With replication inputs, the replication runs on its own scenario (and its own probe, which
    // finds that scenario's distributions by address).
    const ScenarioSpec* replication_spec = &spec;
    const InputProbe* replication_probe = probe ? &*probe : nullptr;
    std::optional<ScenarioSpec> own_spec;
    std::optional<InputProbe> own_probe;
    if (replication_inputs > 0) {
      std::vector<double> levels = draw_replication_inputs(spec, options.seed, r);
      for (std::size_t j = 0; j < replication_inputs; ++j) {
        if (pinned_levels[j]) levels[j] = *pinned_levels[j];
        if (projection.input_means.rows() > 0) {
          projection.input_means(at, static_cast<Eigen::Index>(probe->size() + j)) = levels[j];
        }
      }
      own_spec.emplace(spec.respecifier->respecify(levels));
      replication_spec = &*own_spec;
      if (probe) replication_probe = &own_probe.emplace(*own_spec, *entity_options);
    }
    Replication replication(*replication_spec, projection.layout, options.seed, r,
                            replication_probe, options.limits, read);
    const Eigen::MatrixXd& monthly = replication.run(options.stop_requested);
    for (std::size_t i = 0; i < projection.stored.size(); ++i) {
      projection.samples.metric(i).row(at) =
          monthly.col(static_cast<Eigen::Index>(projection.stored[i])).transpose();
      for (const std::size_t column : projection.stored_info(i).event_columns) {
        projection.event_counts[i].row(at) +=
            monthly.col(static_cast<Eigen::Index>(column)).transpose();
      }
    }
    const InputDrawTotals& draws = replication.input_draws();
    for (std::size_t i = 0; i < draws.count.size(); ++i) {
      if (draws.count[i] > 0) {
        projection.input_means(at, static_cast<Eigen::Index>(i)) =
            draws.sum[i] / static_cast<double>(draws.count[i]);
      }
    }
    events[row] = replication.events_handled();
  };
  projection.outcome = sim::run_replications_everywhere(runner, replicate, rows);
  // Reduced in replication order, whatever the thread count.
  projection.events = std::accumulate(events.begin(), events.end(), std::uint64_t{0});
  return projection;
}

void append_projection(Projection& into, const Projection& more) {
  const sim::SampleStore& a = into.samples;
  const sim::SampleStore& b = more.samples;
  if (into.stored != more.stored || a.months() != b.months()) {
    throw std::invalid_argument("append_projection: the projections differ in metrics or months");
  }
  sim::SampleStore joined(a.metrics(), a.replications() + b.replications(), a.months());
  for (std::size_t m = 0; m < a.metrics(); ++m) {
    joined.metric(m) << a.metric(m), b.metric(m);
  }
  into.samples = std::move(joined);
  for (std::size_t m = 0; m < into.event_counts.size(); ++m) {
    if (into.event_counts[m].size() == 0) continue;
    Eigen::MatrixXd counts(into.event_counts[m].rows() + more.event_counts[m].rows(), a.months());
    counts << into.event_counts[m], more.event_counts[m];
    into.event_counts[m] = std::move(counts);
  }
  if (into.input_means.rows() == 0) {
    into.input_means = more.input_means;
  } else if (more.input_means.rows() > 0) {
    Eigen::MatrixXd means(into.input_means.rows() + more.input_means.rows(),
                          into.input_means.cols());
    means << into.input_means, more.input_means;
    into.input_means = std::move(means);
  }
  into.events += more.events;
  if (more.outcome == sim::RunOutcome::kStopped) into.outcome = sim::RunOutcome::kStopped;
}

}  // namespace teamsim::model
