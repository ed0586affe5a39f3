// The event queue's hold time: with `pending` events in the queue, each operation takes the
// earliest and schedules a replacement a random delay after it, so the size stays constant.
#include <benchmark/benchmark.h>

#include <boost/random/exponential_distribution.hpp>

#include "sim/event_queue.h"
#include "sim/random_streams.h"

namespace {

using teamsim::sim::EventQueue;

void hold(benchmark::State& state, double mean_delay_days) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  teamsim::sim::Rng rng = teamsim::sim::make_stream(1, 0, 0);
  boost::random::exponential_distribution<double> delay(1.0 / mean_delay_days);
  EventQueue queue;
  for (std::size_t i = 0; i < pending; ++i) queue.push(delay(rng), 0, 0, 0);
  for (auto _ : state) {
    const teamsim::sim::Event event = queue.pop();
    benchmark::DoNotOptimize(queue.push(event.time + delay(rng), 0, event.kind, event.subject));
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["events_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// Delays of about a month, as the model's (renewals, cycles, onboarding): events spread over
// the days of the wheel.
void BM_EventQueueHoldMonthDelays(benchmark::State& state) { hold(state, 30.0); }
BENCHMARK(BM_EventQueueHoldMonthDelays)->Arg(100)->Arg(10'000)->Arg(1'000'000);

// Delays of about a day: the worst case for a day wheel, where every pending event falls in
// the next few days and the day heap holds nearly all of them.
void BM_EventQueueHoldDayDelays(benchmark::State& state) { hold(state, 1.0); }
BENCHMARK(BM_EventQueueHoldDayDelays)->Arg(100)->Arg(10'000)->Arg(1'000'000);

}  // namespace
