// Same scenario, same seed: the same bytes, whatever the number of threads and however the
// replications are split into chunks.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <numeric>
#include <vector>

#include "app/analysis/run_summary.h"
#include "app/results/summary_writer.h"
#include "app/scenario/scenario_resolver.h"
#include "models/projection.h"
#include "run_binary.h"
#include "tests/undefined_values.h"

namespace teamsim::e2e {
namespace {

constexpr int kReplications = 48;
constexpr std::uint64_t kSeed = 5;
constexpr const char* kScenario = "scenarios/series-a-scale-up.yaml";

TEST(DeterminismTest, TheResolvedScenarioSaysTheReplicationsAndSeedTheRunUsed) {
  // default.yaml says 2000 replications and seed 42; the command line says otherwise, and what
  // reproduces the numbers is what ran.
  TempDir out;
  ASSERT_EQ(run_teamsim("run scenarios/default.yaml -n 20 --seed 9 --out " + out.path()).exit_code,
            0);
  const auto run = nlohmann::json::parse(read_file(out.path() + "/summary.json"));
  EXPECT_EQ(run.at("resolved_scenario").at("replications"), 20);
  EXPECT_EQ(run.at("resolved_scenario").at("seed"), 9);
  // The scenario hash is the scenario's as written, whatever the command line.
  const CommandResult again =
      run_teamsim("run scenarios/default.yaml -n 10 -q --out " + out.path());
  ASSERT_EQ(again.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(read_file(out.path() + "/summary.json")).at("scenario_hash"),
            run.at("scenario_hash"));

  TempDir compared;
  ASSERT_EQ(run_teamsim("compare scenarios/manager-first.yaml scenarios/reps-first.yaml -n 20 "
                        "--seed 9 --independent-streams --out " +
                        compared.path())
                .exit_code,
            0);
  const auto plans =
      nlohmann::json::parse(read_file(compared.path() + "/compare.json")).at("plans");
  ASSERT_EQ(plans.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(plans[i].at("scenario").at("replications"), 20);
    EXPECT_EQ(plans[i].at("scenario").at("seed"), 9 + i);  // independent streams: seed + i
  }
}

TEST(DeterminismTest, TheScenarioAsRunReproducesTheRunWithTheCommandItGives) {
  // A variant, an override, a hiring plan from a CSV, and -n / --seed of the command line: the
  // folder's scenario.yaml, run by the command its comment gives, writes the same summaries.
  TempDir out;
  const std::string first = out.path() + "/first";
  ASSERT_EQ(run_teamsim("run scenarios/dated-hiring-plan.yaml -n 12 --seed 4 -q "
                        "--set customers.monthly_churn=2% --out " +
                        first)
                .exit_code,
            0);
  const std::string as_run = read_file(first + "/scenario.yaml");
  ASSERT_NE(as_run.find("`teamsim run <this file> -n 12 --seed 4`"), std::string::npos) << as_run;
  EXPECT_EQ(as_run.find("\nhires_csv:"), std::string::npos) << as_run;
  const std::string again = out.path() + "/again";
  ASSERT_EQ(
      run_teamsim(fmt::format("run {}/scenario.yaml -n 12 --seed 4 -q -t 1 --out {}", first, again))
          .exit_code,
      0);
  EXPECT_EQ(read_file(again + "/summary.csv"), read_file(first + "/summary.csv"));
  EXPECT_EQ(read_file(again + "/summary.json"), read_file(first + "/summary.json"));

  const std::string variant = out.path() + "/variant";
  // Replications set in the scenario (here by --set) are in the file: the command needs no -n.
  ASSERT_EQ(run_teamsim("run scenarios/segment-mix.yaml --variant enterprise --set replications=12 "
                        "-q --out " +
                        variant)
                .exit_code,
            0);
  ASSERT_NE(read_file(variant + "/scenario.yaml").find("`teamsim run <this file>` reproduces"),
            std::string::npos);
  const std::string rerun = out.path() + "/rerun";
  ASSERT_EQ(run_teamsim(fmt::format("run {}/scenario.yaml -q --out {}", variant, rerun)).exit_code,
            0);
  EXPECT_EQ(read_file(rerun + "/summary.json"), read_file(variant + "/summary.json"));

  // --metrics shapes summary.csv: the command carries it.
  const std::string kept = out.path() + "/kept";
  ASSERT_EQ(run_teamsim(
                "run scenarios/small-business.yaml -n 12 -q --metrics arr,deals_won --out " + kept)
                .exit_code,
            0);
  ASSERT_NE(read_file(kept + "/scenario.yaml")
                .find("`teamsim run <this file> -n 12 --metrics arr,deals_won`"),
            std::string::npos)
      << read_file(kept + "/scenario.yaml");
  const std::string kept_again = out.path() + "/kept_again";
  ASSERT_EQ(
      run_teamsim(fmt::format("run {}/scenario.yaml -n 12 -q --metrics arr,deals_won --out {}",
                              kept, kept_again))
          .exit_code,
      0);
  EXPECT_EQ(read_file(kept_again + "/summary.csv"), read_file(kept + "/summary.csv"));
}

TEST(DeterminismTest, OneTwoAndEightThreadsWriteIdenticalFiles) {
  std::string reference_csv, reference_json;
  for (const int threads : {1, 2, 8}) {
    SCOPED_TRACE(threads);
    TempDir out;
    const CommandResult r =
        run_teamsim(fmt::format("run {} -n {} --seed {} --threads {} --out {}", kScenario,
                                kReplications, kSeed, threads, out.path()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string csv = read_file(out.path() + "/summary.csv");
    const std::string json = read_file(out.path() + "/summary.json");
    ASSERT_FALSE(csv.empty());
    if (reference_csv.empty()) {
      reference_csv = csv;
      reference_json = json;
    } else {
      EXPECT_EQ(csv, reference_csv);
      EXPECT_EQ(json, reference_json);
    }
  }
}

// Runs replications [0, kReplications) as consecutive chunks of the given sizes (each its own
// model::project call starting at first_replication) and stacks the chunks' rows in order.
model::Projection run_in_chunks(const model::ScenarioSpec& spec, const std::vector<int>& sizes,
                                unsigned threads) {
  EXPECT_EQ(std::accumulate(sizes.begin(), sizes.end(), 0), kReplications);
  // An empty projection gives the layout and the kept columns (all); its store is resized here.
  model::ProjectionOptions none;
  none.replications = 0;
  model::Projection whole = model::project(spec, none);
  whole.samples = sim::SampleStore(whole.layout.size(), kReplications,
                                   static_cast<std::size_t>(spec.horizon_months));
  for (std::size_t m = 0; m < whole.layout.size(); ++m) {
    if (whole.stored_info(m).event_columns.empty()) continue;
    whole.event_counts[m].setZero(kReplications, spec.horizon_months);
  }
  std::size_t first = 0;
  for (const int size : sizes) {
    model::ProjectionOptions options;
    options.replications = static_cast<std::size_t>(size);
    options.first_replication = first;
    options.seed = kSeed;
    options.threads = threads;
    const model::Projection chunk = model::project(spec, options);
    for (std::size_t m = 0; m < whole.layout.size(); ++m) {
      whole.samples.metric(m).middleRows(static_cast<Eigen::Index>(first), size) =
          chunk.samples.metric(m);
      if (const Eigen::MatrixXd* counts = chunk.event_weights(m)) {
        whole.event_counts[m].middleRows(static_cast<Eigen::Index>(first), size) = *counts;
      }
    }
    whole.events += chunk.events;
    first += options.replications;
  }
  return whole;
}

TEST(DeterminismTest, ChunkedRunsWriteTheSameBytesAsOneRun) {
  // The reference is what the real binary writes for the whole run at once.
  TempDir out;
  const CommandResult r = run_teamsim(fmt::format("run {} -n {} --seed {} --threads 2 --out {}",
                                                  kScenario, kReplications, kSeed, out.path()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string reference_csv = read_file(out.path() + "/summary.csv");
  const std::string reference_json = read_file(out.path() + "/summary.json");
  ASSERT_FALSE(reference_csv.empty());

  const app::LoadResult loaded =
      app::resolve_scenario({std::string(TEAMSIM_SOURCE_DIR) + "/" + kScenario, "", {}});
  ASSERT_TRUE(loaded.ok());
  const model::ScenarioSpec& spec = *loaded.spec;
  const model::Projection reference = run_in_chunks(spec, {kReplications}, 1);
  const std::vector<std::vector<int>> chunkings = {
      {20, 28}, {1, 16, 31}, {7, 7, 7, 7, 7, 7, 6}, {47, 1}};
  for (const auto& sizes : chunkings) {
    for (const unsigned threads : {1u, 2u}) {
      SCOPED_TRACE(fmt::format("chunks {} on {} threads", fmt::join(sizes, "+"), threads));
      const model::Projection chunked = run_in_chunks(spec, sizes, threads);
      EXPECT_EQ(chunked.events, reference.events);
      for (std::size_t m = 0; m < reference.layout.size(); ++m) {
        ASSERT_TRUE(testing::same_values(chunked.samples.metric(m), reference.samples.metric(m)))
            << reference.layout.info(m).name;
      }
      app::RunSummary summary = app::summarize_run(spec, chunked, kSeed);
      // As teamsim run adds them: the assumptions table is part of summary.json.
      summary.assumptions = app::scenario_assumptions(spec, loaded.written_keys);
      EXPECT_EQ(app::summary_csv(summary), reference_csv);
      EXPECT_EQ(app::summary_json(summary, spec), reference_json);
    }
  }
}

}  // namespace
}  // namespace teamsim::e2e
