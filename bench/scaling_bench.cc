// Scaling runs: the reference scenario stretched over 12 to 120 months, and scaled from 10 to
// 500 people. Cost should grow linearly with the events handled: events_per_s stays flat.
#include <benchmark/benchmark.h>

#include <array>
#include <string>

#include "bench/bench_scenarios.h"
#include "bench/thread_clock.h"
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

// ns per event of the reference team at 1x, 2x, 4x and 8x its size (people, hires, leads,
// accounts and customers scaled; the same six territories), interleaved in one run and timed in
// the thread's CPU time so that a shared machine's load falls on every size alike; ratio_8x_to_1x
// is issue 16's flatness target (at most 1.2).
void BM_TeamScalingRatio(benchmark::State& state) {
  constexpr std::array<int, 4> kFactors = {1, 2, 4, 8};
  const ScenarioSpec reference = teamsim::bench::load_scenario("reference.yaml");
  std::vector<ScenarioSpec> specs;
  std::vector<teamsim::model::MetricLayout> layouts;
  for (const int factor : kFactors) {
    specs.push_back(teamsim::bench::scaled(reference, factor));
    layouts.emplace_back(specs.back());
  }
  std::array<double, kFactors.size()> seconds{}, events{};
  std::uint64_t replication = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < kFactors.size(); ++i) {
      const double start = teamsim::bench::thread_cpu_seconds();
      teamsim::model::Replication model(specs[i], layouts[i], specs[i].seed, replication);
      benchmark::DoNotOptimize(model.run().data());
      seconds[i] += teamsim::bench::thread_cpu_seconds() - start;
      events[i] += static_cast<double>(model.events_handled());
    }
    ++replication;
  }
  for (std::size_t i = 0; i < kFactors.size(); ++i) {
    state.counters["ns_per_event_" + std::to_string(kFactors[i]) + "x"] =
        seconds[i] * 1e9 / events[i];
  }
  state.counters["ratio_8x_to_1x"] = (seconds[3] / events[3]) / (seconds[0] / events[0]);
}
BENCHMARK(BM_TeamScalingRatio)->Unit(benchmark::kMillisecond);

}  // namespace
