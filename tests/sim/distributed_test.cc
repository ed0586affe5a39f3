// The distribution layer in one process (a build without MPI, or one started without mpirun):
// the blocks a run would be split into, and a run that is exactly run_replications. The runs
// over several processes are tested end to end under mpirun (tests/e2e/mpi_test.cc).
#include "sim/distributed.h"

#include <gtest/gtest.h>

#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace teamsim::sim {
namespace {

TEST(BlockSizesTest, ContiguousBlocksInRankOrderTheFirstOnesOneLarger) {
  EXPECT_EQ(block_sizes(31, 3), (std::vector<std::size_t>{11, 10, 10}));
  EXPECT_EQ(block_sizes(6, 3), (std::vector<std::size_t>{2, 2, 2}));
  EXPECT_EQ(block_sizes(1, 3), (std::vector<std::size_t>{1, 0, 0}));
  EXPECT_EQ(block_sizes(5, 1), (std::vector<std::size_t>{5}));
  for (std::size_t n = 0; n < 50; ++n) {
    const std::vector<std::size_t> blocks = block_sizes(n, 4);
    EXPECT_EQ(std::accumulate(blocks.begin(), blocks.end(), std::size_t{0}), n);
  }
}

TEST(DistributedTest, AloneItIsOneProcessRunningEveryReplication) {
  EXPECT_EQ(process_rank(), 0);
  EXPECT_EQ(process_count(), 1);
  Eigen::MatrixXd rows = Eigen::MatrixXd::Zero(7, 2);
  std::vector<std::uint64_t> counts(7, 0);
  RunnerOptions options;
  options.replications = 7;
  options.first_replication = 10;
  options.threads = 2;
  const RunOutcome outcome =
      run_replications_everywhere(options,
                                  [&](std::size_t index) {
                                    const auto row = static_cast<Eigen::Index>(index - 10);
                                    rows(row, 0) = static_cast<double>(index);
                                    rows(row, 1) = -static_cast<double>(index);
                                    counts[index - 10] = index * index;
                                  },
                                  {{&rows}, &counts});
  EXPECT_EQ(outcome, RunOutcome::kCompleted);
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(rows(static_cast<Eigen::Index>(i), 0), static_cast<double>(10 + i));
    EXPECT_EQ(counts[i], (10 + i) * (10 + i));
  }
}

TEST(DistributedTest, AloneTheLowestFailingReplicationsErrorIsThrown) {
  RunnerOptions options;
  options.replications = 20;
  options.threads = 3;
  try {
    run_replications_everywhere(
        options,
        [](std::size_t index) {
          if (index % 7 == 5) throw std::runtime_error("replication " + std::to_string(index));
        },
        {});
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "replication 5");
  }
}

}  // namespace
}  // namespace teamsim::sim
