// The collectives over MPI (Debian's OpenMPI, or any MPI found by CMake). Only the main thread
// calls them, between runs of the thread pool (MPI_THREAD_FUNNELED).
// MPI's C interface only: Open MPI's and MPICH's mpi.h would also pull in their deprecated C++
// bindings (libmpi_cxx), which teamsim neither uses nor links.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>

#include <climits>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "sim/collectives.h"

namespace teamsim::sim::collectives {
namespace {

/// Whether a launcher started this process as one of several: Open MPI's mpirun, Slurm's srun
/// (PMI-2) or any PMIx launcher. Without one, MPI is not initialised at all, so a plain run
/// starts as fast, and prints the same, as a build without MPI.
bool launched_by_mpi() {
  for (const char* variable : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"}) {
    if (std::getenv(variable) != nullptr) return true;
  }
  return false;
}

bool joined() {
  int initialised = 0;
  MPI_Initialized(&initialised);
  int finalised = 0;
  MPI_Finalized(&finalised);
  return initialised != 0 && finalised == 0;
}

template <class T>
void gather(std::span<const T> mine, std::span<T> all, std::span<const std::size_t> counts,
            MPI_Datatype type) {
  std::vector<int> lengths, offsets;
  std::size_t offset = 0;
  for (const std::size_t count : counts) {
    // MPI counts are int: a block of more than 2^31 - 1 numbers needs more processes.
    if (count > static_cast<std::size_t>(INT_MAX) || offset > static_cast<std::size_t>(INT_MAX)) {
      throw std::length_error("gather_in_rank_order: more than 2^31 numbers for one MPI call");
    }
    lengths.push_back(static_cast<int>(count));
    offsets.push_back(static_cast<int>(offset));
    offset += count;
  }
  if (offset != all.size() || counts[static_cast<std::size_t>(rank())] != mine.size()) {
    throw std::logic_error("gather_in_rank_order: the counts do not match the buffers");
  }
  MPI_Allgatherv(mine.data(), static_cast<int>(mine.size()), type, all.data(), lengths.data(),
                 offsets.data(), type, MPI_COMM_WORLD);
}

}  // namespace

bool join(int& argc, char**& argv) {
  if (!launched_by_mpi()) return false;
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  return true;
}

void leave() {
  if (joined()) MPI_Finalize();
}

int rank() {
  if (!joined()) return 0;
  int value = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &value);
  return value;
}

int size() {
  if (!joined()) return 1;
  int value = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &value);
  return value;
}

std::uint64_t min_over_processes(std::uint64_t value) {
  if (!joined()) return value;
  std::uint64_t smallest = value;
  MPI_Allreduce(&value, &smallest, 1, MPI_UINT64_T, MPI_MIN, MPI_COMM_WORLD);
  return smallest;
}

void gather_in_rank_order(std::span<const double> mine, std::span<double> all,
                          std::span<const std::size_t> counts) {
  gather(mine, all, counts, MPI_DOUBLE);
}

void gather_in_rank_order(std::span<const std::uint64_t> mine, std::span<std::uint64_t> all,
                          std::span<const std::size_t> counts) {
  gather(mine, all, counts, MPI_UINT64_T);
}

void abort_all(int code) {
  if (joined()) MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

}  // namespace teamsim::sim::collectives
