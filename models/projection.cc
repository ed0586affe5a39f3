#include "models/projection.h"

#include <limits>
#include <numeric>
#include <optional>
#include <vector>

#include "models/replication.h"

namespace teamsim::model {

Projection project(const ScenarioSpec& spec, const ProjectionOptions& options) {
  MetricLayout layout(spec);
  Projection projection{layout,
                        sim::SampleStore(layout.size(), options.replications,
                                         static_cast<std::size_t>(spec.horizon_months)),
                        0, sim::RunOutcome::kCompleted, Eigen::MatrixXd()};
  std::vector<std::uint64_t> events(options.replications, 0);
  std::optional<InputProbe> probe;
  if (options.inputs) {
    probe.emplace(spec, *options.inputs);
    if (options.inputs->record) {
      projection.input_means.setConstant(static_cast<Eigen::Index>(options.replications),
                                         static_cast<Eigen::Index>(probe->size()),
                                         std::numeric_limits<double>::quiet_NaN());
    }
  }

  sim::RunnerOptions runner;
  runner.replications = options.replications;
  runner.threads = options.threads;
  runner.on_progress = options.on_progress;
  runner.stop_requested = options.stop_requested;
  projection.outcome = sim::run_replications(runner, [&](std::size_t r) {
    Replication replication(spec, projection.layout, options.seed, r, probe ? &*probe : nullptr);
    const Eigen::MatrixXd& monthly = replication.run();
    const auto row = static_cast<Eigen::Index>(r);
    for (std::size_t m = 0; m < projection.layout.size(); ++m) {
      projection.samples.metric(m).row(row) = monthly.col(static_cast<Eigen::Index>(m)).transpose();
    }
    const InputDrawTotals& draws = replication.input_draws();
    for (std::size_t i = 0; i < draws.count.size(); ++i) {
      if (draws.count[i] > 0) {
        projection.input_means(row, static_cast<Eigen::Index>(i)) =
            draws.sum[i] / static_cast<double>(draws.count[i]);
      }
    }
    events[r] = replication.events_handled();
  });
  // Reduced in replication order, whatever the thread count.
  projection.events = std::accumulate(events.begin(), events.end(), std::uint64_t{0});
  return projection;
}

}  // namespace teamsim::model
