#pragma once

#include <cstdint>
#include <pcg_random.hpp>
#include <string_view>

namespace teamsim::sim {

/// The random engine every distribution samples from: pcg32 measured fastest of the candidates
/// (pcg32, pcg64, taus88, mt19937_64) with Boost.Random's distributions; see docs/performance.md.
using Rng = pcg32;

/// Identifies one named random stream of a replication (the model gives the names meaning).
using StreamId = std::uint32_t;

/// A 64-bit mixing function (SplitMix64's finaliser): small input changes flip about half the bits.
/// Inline, as are the substreams below: a replication seeds an engine per lead, deal and
/// person-month (about 55,000 in the reference), and the calls cost as much as the mixing.
inline std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// The engine for (master seed, replication, stream): a pure function of the three, so adding a
/// stream, reordering replications or changing the thread count never changes another stream.
Rng make_stream(std::uint64_t master_seed, std::uint64_t replication, StreamId stream);

/// A hash of a name that never changes between builds or platforms (64-bit FNV-1a), for keying a
/// substream on a name (e.g. a scenario key path).
std::uint64_t stable_hash(std::string_view name);

/// The engine for entity `index` of a stream (a lead, a customer, a person): a pure function of
/// all four, so an entity's draws are the same in every run that has that entity, whatever else
/// happened before it. This is what makes common random numbers between plans work.
Rng make_substream(std::uint64_t master_seed, std::uint64_t replication, StreamId stream,
                   std::uint64_t index);

/// The part of make_substream's seeding that depends on (master seed, replication) only: a
/// replication computes it once and seeds each entity's engine with make_keyed_substream.
inline std::uint64_t replication_key(std::uint64_t master_seed, std::uint64_t replication) {
  return mix64(mix64(master_seed) ^ replication);
}

/// The part of make_keyed_substream's seeding that depends on (replication key, stream) only: a
/// source that seeds an engine per entity of one stream (a lead each) computes it once.
inline std::uint64_t stream_key(std::uint64_t replication_key, StreamId stream) {
  return mix64(replication_key ^ stream);
}

/// make_keyed_substream(replication_key, stream, index), given stream_key(replication_key,
/// stream): the same engine.
inline Rng make_stream_substream(std::uint64_t stream_key, std::uint64_t index) {
  // One more round of chained mixing than make_stream, so substream (s, i) never equals a
  // stream; the constant separates the two families.
  const std::uint64_t state = mix64(stream_key ^ mix64(index ^ 0xa0761d6478bd642fULL));
  const std::uint64_t sequence = mix64(state ^ 0x5851f42d4c957f2dULL);
  return Rng(state, sequence);
}

/// make_substream(master_seed, replication, stream, index), given replication_key(master_seed,
/// replication): the same engine.
inline Rng make_keyed_substream(std::uint64_t replication_key, StreamId stream,
                                std::uint64_t index) {
  return make_stream_substream(stream_key(replication_key, stream), index);
}

}  // namespace teamsim::sim
