// teamsim against the bare-loop baseline (bare_loop.h), in the same run: each iteration runs
// one replication of the reference scenario and then the bare loop fed that replication's event
// mix, timing both. ratio_to_bare_loop = teamsim's events/s over the bare loop's; issue 6 asks
// for at least 2/3.
#include <benchmark/benchmark.h>

#include <chrono>

#include "bench/bare_loop.h"
#include "bench/bench_scenarios.h"
#include "models/replication.h"
#include "models/scenario_spec.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void BM_ReferenceAgainstBareLoop(benchmark::State& state) {
  const teamsim::model::ScenarioSpec spec = teamsim::bench::load_scenario("reference.yaml");
  const teamsim::model::MetricLayout layout(spec);
  const double horizon_days = spec.horizon_months * teamsim::model::kDaysPerMonth;
  std::uint64_t replication = 0;
  double model_seconds = 0, bare_seconds = 0, events = 0, pending = 0;
  for (auto _ : state) {
    const auto model_start = Clock::now();
    teamsim::model::Replication model(spec, layout, spec.seed, replication);
    benchmark::DoNotOptimize(model.run().data());
    model_seconds += seconds_since(model_start);

    const teamsim::bench::EventMix mix =
        teamsim::bench::event_mix_of(model.simulator(), horizon_days);
    const auto bare_start = Clock::now();
    benchmark::DoNotOptimize(teamsim::bench::run_bare_loop(mix, replication));
    bare_seconds += seconds_since(bare_start);
    events += static_cast<double>(mix.events);
    pending += mix.mean_pending;
    ++replication;
  }
  const auto iterations = static_cast<double>(state.iterations());
  state.counters["events_per_replication"] = events / iterations;
  state.counters["mean_pending"] = pending / iterations;
  state.counters["teamsim_events_per_s"] = events / model_seconds;
  state.counters["bare_loop_events_per_s"] = events / bare_seconds;
  state.counters["ratio_to_bare_loop"] = bare_seconds / model_seconds;
}
BENCHMARK(BM_ReferenceAgainstBareLoop)->Unit(benchmark::kMillisecond);

}  // namespace
