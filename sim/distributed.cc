#include "sim/distributed.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <limits>
#include <stdexcept>
#include <string>

#include "sim/collectives.h"

namespace teamsim::sim {
namespace {

/// Gathers each process's block of rows of every matrix and count, in one call: a process's
/// part is its block of each matrix in turn (column by column), then its counts.
void gather_rows(const ReplicationRows& rows, const std::vector<std::size_t>& blocks) {
  const auto rank = static_cast<std::size_t>(collectives::rank());
  std::vector<std::size_t> first(blocks.size(), 0);
  for (std::size_t k = 1; k < blocks.size(); ++k) first[k] = first[k - 1] + blocks[k - 1];
  std::vector<Eigen::MatrixXd*> matrices;
  std::size_t columns = 0;
  for (Eigen::MatrixXd* matrix : rows.matrices) {
    if (matrix->rows() == 0) continue;
    matrices.push_back(matrix);
    columns += static_cast<std::size_t>(matrix->cols());
  }
  std::vector<std::size_t> counts;
  for (const std::size_t block : blocks) counts.push_back(block * columns);
  std::vector<double> mine, all;
  mine.reserve(counts[rank]);
  for (Eigen::MatrixXd* matrix : matrices) {
    const Eigen::MatrixXd block = matrix->middleRows(static_cast<Eigen::Index>(first[rank]),
                                                     static_cast<Eigen::Index>(blocks[rank]));
    mine.insert(mine.end(), block.data(), block.data() + block.size());
  }
  all.resize(blocks.empty() ? 0 : (first.back() + blocks.back()) * columns);
  collectives::gather_in_rank_order(mine, all, counts);
  const double* at = all.data();
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    for (Eigen::MatrixXd* matrix : matrices) {
      const auto block = static_cast<Eigen::Index>(blocks[k]);
      matrix->middleRows(static_cast<Eigen::Index>(first[k]), block) =
          Eigen::Map<const Eigen::MatrixXd>(at, block, matrix->cols());
      at += block * matrix->cols();
    }
  }
  if (rows.counts != nullptr) {
    std::vector<std::uint64_t> all_counts(rows.counts->size());
    collectives::gather_in_rank_order(
        std::span<const std::uint64_t>(rows.counts->data() + first[rank], blocks[rank]), all_counts,
        blocks);
    *rows.counts = std::move(all_counts);
  }
}

}  // namespace

ProcessGroup::ProcessGroup(int& argc, char**& argv) : joined_(collectives::join(argc, argv)) {}

ProcessGroup::~ProcessGroup() {
  if (joined_) collectives::leave();
}

int process_rank() { return collectives::rank(); }

int process_count() { return collectives::size(); }

void end_all_processes(int code) { collectives::abort_all(code); }

std::vector<std::size_t> block_sizes(std::size_t replications, int processes) {
  const auto n = static_cast<std::size_t>(std::max(processes, 1));
  std::vector<std::size_t> blocks(n, replications / n);
  // The first (replications mod n) blocks take one more.
  for (std::size_t k = 0; k < replications % n; ++k) ++blocks[k];
  return blocks;
}

RunOutcome run_replications_everywhere(const RunnerOptions& options,
                                       const std::function<void(std::size_t index)>& body,
                                       const ReplicationRows& rows) {
  const int processes = collectives::size();
  if (processes == 1) return run_replications(options, body);

  const std::vector<std::size_t> blocks = block_sizes(options.replications, processes);
  const auto rank = static_cast<std::size_t>(collectives::rank());
  std::size_t first = options.first_replication;
  for (std::size_t k = 0; k < rank; ++k) first += blocks[k];
  RunnerOptions mine = options;
  mine.replications = blocks[rank];
  mine.first_replication = first;
  if (options.on_progress) {
    // This process's count scaled to the run's: the progress line rank 0 shows.
    mine.on_progress = [&options, processes](std::size_t done) {
      options.on_progress(
          std::min(options.replications, done * static_cast<std::size_t>(processes)));
    };
  }

  constexpr std::uint64_t kNone = std::numeric_limits<std::uint64_t>::max();
  std::atomic<std::uint64_t> lowest_failure{kNone};
  const auto noting_failures = [&](std::size_t index) {
    try {
      body(index);
    } catch (const ReplicationStopped&) {
      throw;
    } catch (...) {
      std::uint64_t seen = lowest_failure.load();
      while (index < seen && !lowest_failure.compare_exchange_weak(seen, index)) {
      }
      throw;
    }
  };
  RunOutcome outcome = RunOutcome::kCompleted;
  std::exception_ptr error;
  try {
    outcome = run_replications(mine, noting_failures);
  } catch (...) {
    error = std::current_exception();
  }

  // Every process learns the lowest failing index and whether any stopped, so that all take the
  // same way out of here and none waits in a gather the others never reach.
  // An error from outside any replication (a thread that could not start) counts as the block's
  // first.
  const std::uint64_t local_failure = !error                           ? kNone
                                      : lowest_failure.load() != kNone ? lowest_failure.load()
                                                                       : first;
  const std::uint64_t failure = collectives::min_over_processes(local_failure);
  const bool stopped =
      collectives::min_over_processes(outcome == RunOutcome::kStopped ? 0 : 1) == 0;
  if (failure != kNone) {
    if (error && local_failure == failure) std::rethrow_exception(error);
    body(static_cast<std::size_t>(failure));
    throw std::runtime_error("replication " + std::to_string(failure) +
                             " failed in another process but not in this one");
  }
  if (stopped) return RunOutcome::kStopped;
  gather_rows(rows, blocks);
  return RunOutcome::kCompleted;
}

}  // namespace teamsim::sim
