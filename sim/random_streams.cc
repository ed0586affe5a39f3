#include "sim/random_streams.h"

namespace teamsim::sim {

std::uint64_t stable_hash(std::string_view name) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

Rng make_stream(std::uint64_t master_seed, std::uint64_t replication, StreamId stream) {
  // Chained mixing so that (seed, rep, stream) triples never collide by simple symmetry,
  // e.g. (1, 2, s) and (2, 1, s). The pcg stream selector takes a second independent hash.
  const std::uint64_t state = mix64(mix64(mix64(master_seed) ^ replication) ^ stream);
  const std::uint64_t sequence = mix64(state ^ 0x5851f42d4c957f2dULL);
  return Rng(state, sequence);
}

Rng make_substream(std::uint64_t master_seed, std::uint64_t replication, StreamId stream,
                   std::uint64_t index) {
  return make_keyed_substream(replication_key(master_seed, replication), stream, index);
}

}  // namespace teamsim::sim
