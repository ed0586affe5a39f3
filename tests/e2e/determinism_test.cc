// Same scenario, same seed: the same bytes, whatever the number of threads.
#include <gtest/gtest.h>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

TEST(DeterminismTest, OneTwoAndEightThreadsWriteIdenticalFiles) {
  std::string reference_csv, reference_json;
  for (const int threads : {1, 2, 8}) {
    SCOPED_TRACE(threads);
    TempDir out;
    const CommandResult r =
        run_teamsim("run scenarios/series-a-scale-up.yaml -n 48 --seed 5 --threads " +
                    std::to_string(threads) + " --out " + out.path());
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

}  // namespace
}  // namespace teamsim::e2e
