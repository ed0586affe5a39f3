#include "bench/bare_loop.h"

#include <algorithm>
#include <array>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <cmath>
#include <functional>
#include <queue>
#include <utility>

#include "sim/random_streams.h"

namespace teamsim::bench {

EventMix event_mix_of(const sim::Simulator& simulator, double horizon_days) {
  EventMix mix;
  mix.events = simulator.events_handled();
  for (const std::uint64_t count : simulator.bulk_by_kind()) mix.in_bulk += count;
  mix.horizon_days = horizon_days;
  const std::uint64_t ordered = mix.events - mix.in_bulk;
  if (ordered == 0) return mix;
  mix.mean_pending = static_cast<double>(simulator.pending_sum()) / static_cast<double>(ordered);
  const auto& all = simulator.events_by_kind();
  const auto& bulk = simulator.bulk_by_kind();
  for (std::size_t kind = 0; kind < all.size(); ++kind) {
    mix.kind_share.push_back(static_cast<double>(all[kind] - bulk[kind]) /
                             static_cast<double>(ordered));
  }
  return mix;
}

double run_bare_loop(const EventMix& mix, std::uint64_t seed) {
  using Pending = std::pair<double, std::uint32_t>;  // (time, kind)
  // A 256-entry table turns one byte of a draw into a kind with the mix's shares (to 1/256).
  std::array<std::uint32_t, 256> kind_table{};
  {
    double cumulative = 0;
    std::size_t next = 0;
    for (std::size_t kind = 0; kind < mix.kind_share.size(); ++kind) {
      cumulative += mix.kind_share[kind];
      const auto end = std::min<std::size_t>(256, static_cast<std::size_t>(cumulative * 256 + 0.5));
      for (; next < end; ++next) kind_table[next] = static_cast<std::uint32_t>(kind);
    }
    for (; next < 256; ++next) kind_table[next] = kind_table[next == 0 ? 0 : next - 1];
  }
  const auto pending = static_cast<std::size_t>(std::max(1.0, std::round(mix.mean_pending)));
  const std::uint64_t ordered = mix.events - mix.in_bulk;
  // With `pending` events always pending, `ordered` events span the horizon when each waits
  // pending x horizon / ordered days on average.
  const double mean_delay = static_cast<double>(pending) * mix.horizon_days /
                            static_cast<double>(std::max<std::uint64_t>(1, ordered));

  sim::Rng rng = sim::make_stream(seed, 0, 0);
  boost::random::exponential_distribution<double> delay(1.0 / mean_delay);
  boost::random::exponential_distribution<double> exponential(1.0);
  boost::random::lognormal_distribution<double> lognormal(0.0, 0.5);
  boost::random::uniform_01<double> uniform;

  std::vector<Pending> storage;
  storage.reserve(pending + 1);
  std::priority_queue<Pending, std::vector<Pending>, std::greater<>> queue(std::greater<>{},
                                                                           std::move(storage));
  for (std::size_t i = 0; i < pending; ++i) queue.emplace(delay(rng), kind_table[rng() & 255]);
  double checksum = 0;
  for (std::uint64_t n = 0; n < ordered; ++n) {
    const Pending event = queue.top();
    queue.pop();
    switch (event.second % 3) {
      case 0:
        checksum += exponential(rng);
        break;
      case 1:
        checksum += uniform(rng);
        break;
      default:
        checksum += lognormal(rng);
        break;
    }
    queue.emplace(event.first + delay(rng), kind_table[rng() & 255]);
  }
  for (std::uint64_t n = 0; n < mix.in_bulk; ++n) checksum += uniform(rng);
  return checksum;
}

}  // namespace teamsim::bench
