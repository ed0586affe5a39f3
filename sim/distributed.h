#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "sim/replication_runner.h"

// One run's replications spread over processes (MPI ranks under mpirun or srun): each process
// runs a contiguous block of the indices on its own threads, then every process receives every
// block's rows, so each holds what one process alone would have computed and goes on exactly as
// it would (the same decisions, the same summaries, the same bytes; only rank 0 writes them).
// Built without MPI, or started without a launcher, the run is this process alone and nothing
// here talks to another.

namespace teamsim::sim {

/// Joins the processes of an MPI launch for its lifetime (MPI_Init, then MPI_Finalize), when
/// the binary was built with MPI and a launcher started it; otherwise a group of one.
class ProcessGroup {
 public:
  ProcessGroup(int& argc, char**& argv);
  ~ProcessGroup();
  ProcessGroup(const ProcessGroup&) = delete;
  ProcessGroup& operator=(const ProcessGroup&) = delete;

 private:
  bool joined_;
};

/// This process's rank in the run (0 alone) and the number of processes (1 alone).
int process_rank();
int process_count();

/// Ends every process of the run with exit status `code` (MPI_Abort; std::exit alone): for an
/// error one process may have met alone, which would leave the others waiting for it.
[[noreturn]] void end_all_processes(int code);

/// What a replication body fills, by replication: row i of each matrix (one with no rows is
/// skipped) and element i of `counts` belong to replication first_replication + i.
struct ReplicationRows {
  std::vector<Eigen::MatrixXd*> matrices;
  std::vector<std::uint64_t>* counts = nullptr;
};

/// The replications [first_replication, first_replication + replications) of `options` split
/// into one contiguous block per process, in rank order.
std::vector<std::size_t> block_sizes(std::size_t replications, int processes);

/// run_replications over every process of the run, each taking its block, then `rows` gathered
/// so that every process holds every replication's. Every process calls it with the same
/// options. As in one process, the exception of the lowest failing index is thrown: each process
/// runs that replication again itself (a replication is a function of its index), so each throws
/// the same error with the same type. A stop on any process stops the run on all (kStopped).
RunOutcome run_replications_everywhere(const RunnerOptions& options,
                                       const std::function<void(std::size_t index)>& body,
                                       const ReplicationRows& rows);

}  // namespace teamsim::sim
