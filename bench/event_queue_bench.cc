#include <benchmark/benchmark.h>

#include <boost/random/exponential_distribution.hpp>

#include "sim/event_queue.h"
#include "sim/random_streams.h"

namespace {

using teamsim::sim::EventQueue;

// The classic hold model: with `pending` events in the queue, each operation pops the earliest
// and schedules a replacement an Exp(1) delay after it, so the queue size stays constant.
void BM_EventQueueHold(benchmark::State& state) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  teamsim::sim::Rng rng = teamsim::sim::make_stream(1, 0, 0);
  boost::random::exponential_distribution<double> exp1(1.0);
  EventQueue queue;
  for (std::size_t i = 0; i < pending; ++i) queue.push(exp1(rng), 0, 0, 0);
  for (auto _ : state) {
    const teamsim::sim::Event event = queue.pop();
    benchmark::DoNotOptimize(queue.push(event.time + exp1(rng), 0, event.kind, event.subject));
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["events_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EventQueueHold)->Arg(100)->Arg(10'000)->Arg(1'000'000);

}  // namespace
