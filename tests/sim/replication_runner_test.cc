#include "sim/replication_runner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "sim/random_streams.h"

namespace teamsim::sim {
namespace {

TEST(ReplicationRunnerTest, RunsEveryIndexExactlyOnce) {
  for (unsigned threads : {1u, 2u, 8u}) {
    for (std::size_t replications : {0u, 1u, 7u, 1000u}) {
      std::vector<std::atomic<int>> runs(replications);
      RunnerOptions options;
      options.replications = replications;
      options.threads = threads;
      const RunOutcome outcome =
          run_replications(options, [&](std::size_t index) { runs.at(index).fetch_add(1); });
      EXPECT_EQ(outcome, RunOutcome::kCompleted);
      for (std::size_t i = 0; i < replications; ++i) {
        EXPECT_EQ(runs[i].load(), 1) << "index " << i << ", threads " << threads;
      }
    }
  }
}

TEST(ReplicationRunnerTest, DefaultThreadCountIsAtLeastOne) {
  EXPECT_GE(default_thread_count(), 1u);
  std::atomic<int> runs{0};
  RunnerOptions options;
  options.replications = 50;
  options.threads = 0;
  EXPECT_EQ(run_replications(options, [&](std::size_t) { ++runs; }), RunOutcome::kCompleted);
  EXPECT_EQ(runs.load(), 50);
}

TEST(ReplicationRunnerTest, FirstReplicationOffsetsEveryIndex) {
  std::vector<std::atomic<int>> runs(20);
  RunnerOptions options;
  options.replications = 10;
  options.first_replication = 10;
  options.threads = 3;
  run_replications(options, [&](std::size_t index) { runs.at(index).fetch_add(1); });
  for (std::size_t i = 0; i < 20; ++i) EXPECT_EQ(runs[i].load(), i < 10 ? 0 : 1) << i;
}

TEST(ReplicationRunnerTest, StopFlagHaltsEarly) {
  for (unsigned threads : {1u, 4u}) {
    std::atomic<bool> stop{false};
    std::atomic<int> runs{0};
    RunnerOptions options;
    options.replications = 100000;
    options.threads = threads;
    options.stop_requested = &stop;
    const RunOutcome outcome = run_replications(options, [&](std::size_t) {
      if (++runs == 10) stop = true;
    });
    EXPECT_EQ(outcome, RunOutcome::kStopped);
    EXPECT_GE(runs.load(), 10);
    EXPECT_LE(runs.load(), 10 + static_cast<int>(threads));
  }
}

TEST(ReplicationRunnerTest, StopFlagSetBeforehandRunsNothing) {
  std::atomic<bool> stop{true};
  std::atomic<int> runs{0};
  RunnerOptions options;
  options.replications = 10;
  options.threads = 2;
  options.stop_requested = &stop;
  EXPECT_EQ(run_replications(options, [&](std::size_t) { ++runs; }), RunOutcome::kStopped);
  EXPECT_EQ(runs.load(), 0);
}

TEST(ReplicationRunnerTest, ABodyThatGivesUpOnAStopIsNeitherDoneNorAFailure) {
  // Body 3 sees the stop mid-way and throws ReplicationStopped: the run ends kStopped without an
  // exception, and progress never counts the abandoned replication.
  std::atomic<bool> stop{false};
  std::size_t last_done = 0;
  RunnerOptions options;
  options.replications = 10;
  options.threads = 1;
  options.stop_requested = &stop;
  options.on_progress = [&](std::size_t done) { last_done = done; };
  const RunOutcome outcome = run_replications(options, [&](std::size_t index) {
    if (index == 3) {
      stop = true;
      throw ReplicationStopped();
    }
  });
  EXPECT_EQ(outcome, RunOutcome::kStopped);
  EXPECT_EQ(last_done, 3u);
}

TEST(ReplicationRunnerTest, RethrowsTheExceptionOfTheLowestFailingIndex) {
  for (unsigned threads : {1u, 2u, 8u}) {
    RunnerOptions options;
    options.replications = 200;
    options.threads = threads;
    try {
      run_replications(options, [](std::size_t index) {
        if (index == 37 || index == 38 || index == 150) {
          throw std::runtime_error("failed " + std::to_string(index));
        }
      });
      FAIL() << "expected an exception";
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()), "failed 37") << "threads " << threads;
    }
  }
}

TEST(ReplicationRunnerTest, LowestFailingIndexWinsEvenWhenItFailsLast) {
  // Index 1 fails only after index 5 has failed, so the first failure seen is not the lowest.
  std::atomic<bool> five_failed{false};
  RunnerOptions options;
  options.replications = 6;
  options.threads = 6;
  try {
    run_replications(options, [&](std::size_t index) {
      if (index == 5) {
        five_failed = true;
        throw std::runtime_error("failed 5");
      }
      if (index == 1) {
        while (!five_failed) std::this_thread::yield();
        throw std::runtime_error("failed 1");
      }
    });
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "failed 1");
  }
}

TEST(ReplicationRunnerTest, ProgressIsMonotoneAndReachesTheTotal) {
  for (unsigned threads : {1u, 4u}) {
    std::mutex mutex;
    std::vector<std::size_t> seen;
    RunnerOptions options;
    options.replications = 500;
    options.threads = threads;
    options.on_progress = [&](std::size_t done) {
      const std::lock_guard lock(mutex);
      seen.push_back(done);
    };
    run_replications(options, [](std::size_t) {});
    ASSERT_EQ(seen.size(), 500u);
    for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], i + 1);
  }
}

std::vector<double> per_index_results(unsigned threads) {
  std::vector<double> results(300);
  RunnerOptions options;
  options.replications = results.size();
  options.threads = threads;
  run_replications(options, [&](std::size_t index) {
    Rng rng = make_stream(99, index, 0);
    double sum = 0;
    for (int i = 0; i < 1000; ++i) sum += static_cast<double>(rng()) / 4294967296.0;
    results[index] = sum;
  });
  return results;
}

TEST(ReplicationRunnerTest, ResultsDoNotDependOnTheThreadCount) {
  EXPECT_EQ(per_index_results(1), per_index_results(4));
}

}  // namespace
}  // namespace teamsim::sim
