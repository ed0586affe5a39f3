// One replication of a shipped scenario, and whole projections on the thread pool: events/s,
// replications/s and bytes allocated per replication (docs/performance.md).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench/allocation_counter.h"
#include "bench/bench_scenarios.h"
#include "bench/thread_clock.h"
#include "models/projection.h"
#include "models/replication.h"
#include "models/replication_inputs.h"

namespace {

using teamsim::model::ScenarioSpec;

void BM_Replication(benchmark::State& state, const std::string& file_name) {
  const ScenarioSpec spec = teamsim::bench::load_scenario(file_name);
  const teamsim::model::MetricLayout layout(spec);
  std::uint64_t replication = 0;
  std::uint64_t events = 0;
  const std::uint64_t bytes_before = teamsim::bench::bytes_allocated();
  for (auto _ : state) {
    teamsim::model::Replication model(spec, layout, spec.seed, replication++);
    benchmark::DoNotOptimize(model.run().data());
    events += model.events_handled();
  }
  const auto iterations = static_cast<double>(state.iterations());
  state.counters["events_per_s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["replications_per_s"] =
      benchmark::Counter(iterations, benchmark::Counter::kIsRate);
  state.counters["events_per_replication"] = static_cast<double>(events) / iterations;
  state.counters["bytes_allocated_per_replication"] =
      static_cast<double>(teamsim::bench::bytes_allocated() - bytes_before) / iterations;
}
BENCHMARK_CAPTURE(BM_Replication, default, std::string("default.yaml"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Replication, reference, std::string("reference.yaml"))
    ->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(BM_Replication, uncertain_lead_flow, std::string("uncertain-lead-flow.yaml"))
    ->Unit(benchmark::kMicrosecond);

// One replication of the reference keeping every metric, and keeping only ARR and cash (`run
// --metrics arr,cash`), which lets the month-end recorder skip its scans over customers and
// people for retention, deferred revenue and quota attainment; interleaved, in the thread's CPU
// time. all_to_kept is the gain.
void BM_MonthEndOnlyKept(benchmark::State& state) {
  const ScenarioSpec spec = teamsim::bench::load_scenario("reference.yaml");
  const teamsim::model::MetricLayout layout(spec);
  const std::vector<std::size_t> kept = {layout.find("arr"), layout.find("cash")};
  double all_seconds = 0, kept_seconds = 0;
  std::uint64_t replication = 0;
  for (auto _ : state) {
    double start = teamsim::bench::thread_cpu_seconds();
    {
      teamsim::model::Replication model(spec, layout, spec.seed, replication);
      benchmark::DoNotOptimize(model.run().data());
    }
    all_seconds += teamsim::bench::thread_cpu_seconds() - start;
    start = teamsim::bench::thread_cpu_seconds();
    {
      teamsim::model::Replication model(spec, layout, spec.seed, replication, nullptr, {}, kept);
      benchmark::DoNotOptimize(model.run().data());
    }
    kept_seconds += teamsim::bench::thread_cpu_seconds() - start;
    ++replication;
  }
  const auto iterations = static_cast<double>(state.iterations());
  state.counters["all_ms"] = 1e3 * all_seconds / iterations;
  state.counters["kept_ms"] = 1e3 * kept_seconds / iterations;
  state.counters["all_to_kept"] = all_seconds / kept_seconds;
}
BENCHMARK(BM_MonthEndOnlyKept)->Unit(benchmark::kMillisecond);

// What a scenario with numbers drawn once per replication adds to each replication: the draws
// and the scenario re-read with them (models/replication_inputs.h).
void BM_ReplicationInputs(benchmark::State& state) {
  const ScenarioSpec spec = teamsim::bench::load_scenario("uncertain-lead-flow.yaml");
  std::uint64_t replication = 0;
  for (auto _ : state) {
    const std::vector<double> levels =
        teamsim::model::draw_replication_inputs(spec, spec.seed, replication++);
    const ScenarioSpec drawn = spec.respecifier->respecify(levels);
    benchmark::DoNotOptimize(drawn.territories.data());
  }
  state.counters["replications_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReplicationInputs)->Unit(benchmark::kMicrosecond);

// A whole projection (the runner, its threads and the sample store), on 1 and 2 threads: the
// ratio of the two is the thread scaling.
void BM_Projection(benchmark::State& state, const std::string& file_name,
                   std::size_t replications) {
  const ScenarioSpec spec = teamsim::bench::load_scenario(file_name);
  teamsim::model::ProjectionOptions options;
  options.replications = replications;
  options.seed = spec.seed;
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
BENCHMARK_CAPTURE(BM_Projection, default_1000, std::string("default.yaml"), 1000)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Projection, reference_200, std::string("reference.yaml"), 200)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
