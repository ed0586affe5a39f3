// Scaling runs: the reference scenario stretched over 12 to 120 months, and scaled from 10 to
// 500 people. Cost should grow linearly with the events handled: events_per_s stays flat.
#include <benchmark/benchmark.h>

#include "bench/bench_scenarios.h"
#include "models/replication.h"

namespace {

using teamsim::model::ScenarioSpec;

// The reference organisation has about 115 people by month 60 (docs/performance.md).
constexpr double kReferencePeople = 115;

void run_replications(benchmark::State& state, const ScenarioSpec& spec) {
  const teamsim::model::MetricLayout layout(spec);
  std::uint64_t replication = 0;
  double events = 0;
  for (auto _ : state) {
    teamsim::model::Replication model(spec, layout, spec.seed, replication++);
    benchmark::DoNotOptimize(model.run().data());
    events += static_cast<double>(model.events_handled());
  }
  state.counters["events_per_replication"] = events / static_cast<double>(state.iterations());
  state.counters["ns_per_event"] =
      benchmark::Counter(events * 1e-9, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["events_per_s"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
}

void BM_ScalingHorizonMonths(benchmark::State& state) {
  ScenarioSpec spec = teamsim::bench::load_scenario("reference.yaml");
  spec.horizon_months = static_cast<int>(state.range(0));
  run_replications(state, spec);
}
BENCHMARK(BM_ScalingHorizonMonths)
    ->Arg(12)
    ->Arg(24)
    ->Arg(60)
    ->Arg(120)
    ->Unit(benchmark::kMillisecond);

void BM_ScalingTeamPeople(benchmark::State& state) {
  const ScenarioSpec spec =
      teamsim::bench::scaled(teamsim::bench::load_scenario("reference.yaml"),
                             static_cast<double>(state.range(0)) / kReferencePeople);
  run_replications(state, spec);
}
BENCHMARK(BM_ScalingTeamPeople)
    ->Arg(10)
    ->Arg(50)
    ->Arg(115)
    ->Arg(250)
    ->Arg(500)
    ->Unit(benchmark::kMillisecond);

}  // namespace
