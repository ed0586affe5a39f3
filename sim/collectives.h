#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

// The few calls between processes that sim/distributed.cc needs, behind one header with two
// implementations: sim/collectives/mpi.cc (MPI, compiled when CMake finds it and TEAMSIM_MPI is
// on) and sim/collectives/single.cc (this process alone). Only distributed.cc includes this.

namespace teamsim::sim::collectives {

/// Joins the processes of an MPI launch (MPI_Init) when there is one; false otherwise.
bool join(int& argc, char**& argv);
/// Leaves them (MPI_Finalize); only after a successful join.
void leave();
/// This process's rank and the number of processes; 0 and 1 when not joined.
int rank();
int size();
/// The smallest of every process's `value`.
std::uint64_t min_over_processes(std::uint64_t value);
/// Every process's `mine` concatenated in rank order into `all`; `counts[k]` is rank k's length.
void gather_in_rank_order(std::span<const double> mine, std::span<double> all,
                          std::span<const std::size_t> counts);
void gather_in_rank_order(std::span<const std::uint64_t> mine, std::span<std::uint64_t> all,
                          std::span<const std::size_t> counts);
/// Ends every process with `code` (MPI_Abort).
[[noreturn]] void abort_all(int code);

}  // namespace teamsim::sim::collectives
