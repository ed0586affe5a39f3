// One full replication of a shipped scenario, and a whole projection on the thread pool.
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

#include "app/scenario_loader.h"
#include "models/projection.h"
#include "models/replication.h"

namespace {

using teamsim::model::ScenarioSpec;

ScenarioSpec load(const std::string& name) {
  auto loaded =
      teamsim::app::load_scenario_file(std::string(TEAMSIM_SOURCE_DIR) + "/scenarios/" + name);
  if (!loaded.ok()) throw std::runtime_error("cannot load scenario " + name);
  return *loaded.spec;
}

void BM_ReplicationDefaultScenario(benchmark::State& state) {
  const ScenarioSpec spec = load("default.yaml");
  const teamsim::model::MetricLayout layout(spec);
  std::uint64_t replication = 0;
  std::uint64_t events = 0;
  for (auto _ : state) {
    teamsim::model::Replication model(spec, layout, 42, replication++);
    benchmark::DoNotOptimize(model.run().data());
    events += model.events_handled();
  }
  state.counters["events_per_s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["replications_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["events_per_replication"] =
      static_cast<double>(events) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ReplicationDefaultScenario)->Unit(benchmark::kMicrosecond);

void BM_ProjectionDefaultScenario(benchmark::State& state) {
  const ScenarioSpec spec = load("default.yaml");
  teamsim::model::ProjectionOptions options;
  options.replications = 1000;
  options.threads = static_cast<unsigned>(state.range(0));
  std::uint64_t events = 0;
  for (auto _ : state) {
    const auto projection = teamsim::model::project(spec, options);
    events += projection.events;
  }
  state.counters["events_per_s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["replications_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * options.replications), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ProjectionDefaultScenario)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
