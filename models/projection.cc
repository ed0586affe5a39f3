#include "models/projection.h"

#include <numeric>
#include <vector>

#include "models/replication.h"

namespace teamsim::model {

Projection project(const ScenarioSpec& spec, const ProjectionOptions& options) {
  MetricLayout layout(spec);
  Projection projection{layout,
                        sim::SampleStore(layout.size(), options.replications,
                                         static_cast<std::size_t>(spec.horizon_months)),
                        0, sim::RunOutcome::kCompleted};
  std::vector<std::uint64_t> events(options.replications, 0);

  sim::RunnerOptions runner;
  runner.replications = options.replications;
  runner.threads = options.threads;
  runner.on_progress = options.on_progress;
  runner.stop_requested = options.stop_requested;
  projection.outcome = sim::run_replications(runner, [&](std::size_t r) {
    Replication replication(spec, projection.layout, options.seed, r);
    const Eigen::MatrixXd& monthly = replication.run();
    for (std::size_t m = 0; m < projection.layout.size(); ++m) {
      projection.samples.metric(m).row(static_cast<Eigen::Index>(r)) =
          monthly.col(static_cast<Eigen::Index>(m)).transpose();
    }
    events[r] = replication.events_handled();
  });
  // Reduced in replication order, whatever the thread count.
  projection.events = std::accumulate(events.begin(), events.end(), std::uint64_t{0});
  return projection;
}

}  // namespace teamsim::model
