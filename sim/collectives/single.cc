// The collectives of a build without MPI: this process is the whole run.
#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "sim/collectives.h"

namespace teamsim::sim::collectives {

bool join(int& /*argc*/, char**& /*argv*/) { return false; }
void leave() {}
int rank() { return 0; }
int size() { return 1; }
std::uint64_t min_over_processes(std::uint64_t value) { return value; }

namespace {
template <class T>
void copy_alone(std::span<const T> mine, std::span<T> all) {
  if (mine.size() != all.size()) throw std::logic_error("gather_in_rank_order: one process");
  std::copy(mine.begin(), mine.end(), all.begin());
}
}  // namespace

void gather_in_rank_order(std::span<const double> mine, std::span<double> all,
                          std::span<const std::size_t> /*counts*/) {
  copy_alone(mine, all);
}
void gather_in_rank_order(std::span<const std::uint64_t> mine, std::span<std::uint64_t> all,
                          std::span<const std::size_t> /*counts*/) {
  copy_alone(mine, all);
}
void abort_all(int code) { std::exit(code); }

}  // namespace teamsim::sim::collectives
