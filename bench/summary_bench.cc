// The summary of a run's samples (issue 16, point 4): the reported percentiles by selection
// against the sort they replaced, and summarize_columns on one thread against two, each pair
// interleaved in one run so that the machine's load falls on both alike (docs/performance.md).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "bench/thread_clock.h"
#include "sim/statistics.h"

namespace {

using teamsim::sim::kReportedPercentiles;

/// One metric of a 10,000-replication, 60-month run: lognormal values (as money is), one in a
/// hundred undefined.
Eigen::MatrixXd metric_samples() {
  std::mt19937_64 engine(16);
  std::lognormal_distribution<double> value(12.0, 0.6);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  Eigen::MatrixXd samples(10'000, 60);
  for (Eigen::Index c = 0; c < samples.cols(); ++c) {
    for (Eigen::Index r = 0; r < samples.rows(); ++r) {
      samples(r, c) =
          uniform(engine) < 0.01 ? std::numeric_limits<double>::quiet_NaN() : value(engine);
    }
  }
  return samples;
}

/// The defined values of column c.
std::vector<double> defined_values(const Eigen::MatrixXd& samples, Eigen::Index c) {
  std::vector<double> values;
  for (Eigen::Index r = 0; r < samples.rows(); ++r) {
    if (!std::isnan(samples(r, c))) values.push_back(samples(r, c));
  }
  return values;
}

// The percentiles of every column by a full sort (how summarize_columns did it before) and by
// selection (how it does now), in the thread's CPU time: sort_to_select is the gain.
void BM_PercentilesSortAgainstSelection(benchmark::State& state) {
  const Eigen::MatrixXd samples = metric_samples();
  double sort_seconds = 0, select_seconds = 0, checksum = 0;
  std::array<double, kReportedPercentiles.size()> out{};
  for (auto _ : state) {
    double start = teamsim::bench::thread_cpu_seconds();
    for (Eigen::Index c = 0; c < samples.cols(); ++c) {
      std::vector<double> values = defined_values(samples, c);
      std::sort(values.begin(), values.end());
      for (std::size_t k = 0; k < out.size(); ++k) {
        out[k] =
            teamsim::sim::quantile_sorted(values.data(), values.size(), kReportedPercentiles[k]);
      }
      checksum += out[3];
    }
    sort_seconds += teamsim::bench::thread_cpu_seconds() - start;
    start = teamsim::bench::thread_cpu_seconds();
    for (Eigen::Index c = 0; c < samples.cols(); ++c) {
      std::vector<double> values = defined_values(samples, c);
      teamsim::sim::select_quantiles(values, kReportedPercentiles, out);
      checksum -= out[3];
    }
    select_seconds += teamsim::bench::thread_cpu_seconds() - start;
  }
  benchmark::DoNotOptimize(checksum);  // 0: both give the same medians
  const auto iterations = static_cast<double>(state.iterations());
  state.counters["sort_ms"] = 1e3 * sort_seconds / iterations;
  state.counters["select_ms"] = 1e3 * select_seconds / iterations;
  state.counters["sort_to_select"] = sort_seconds / select_seconds;
}
BENCHMARK(BM_PercentilesSortAgainstSelection)->Unit(benchmark::kMillisecond);

// summarize_columns (means, standard errors, percentiles) of one such metric on one thread and
// on two, in wall-clock time (CPU time would hide the second thread): one_to_two is the gain of
// spreading the columns, at most 2 on this machine's two cores.
void BM_SummarizeColumnsThreads(benchmark::State& state) {
  const Eigen::MatrixXd samples = metric_samples();
  using Clock = std::chrono::steady_clock;
  double one_seconds = 0, two_seconds = 0;
  for (auto _ : state) {
    auto start = Clock::now();
    benchmark::DoNotOptimize(teamsim::sim::summarize_columns(samples, nullptr, 1).mean.data());
    one_seconds += std::chrono::duration<double>(Clock::now() - start).count();
    start = Clock::now();
    benchmark::DoNotOptimize(teamsim::sim::summarize_columns(samples, nullptr, 2).mean.data());
    two_seconds += std::chrono::duration<double>(Clock::now() - start).count();
  }
  const auto iterations = static_cast<double>(state.iterations());
  state.counters["one_thread_ms"] = 1e3 * one_seconds / iterations;
  state.counters["two_threads_ms"] = 1e3 * two_seconds / iterations;
  state.counters["one_to_two"] = one_seconds / two_seconds;
}
BENCHMARK(BM_SummarizeColumnsThreads)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
