#include "app/analysis/run_limits.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "app/common/errors.h"

namespace teamsim::app {
namespace {

TEST(RunLimitsTest, ByteCountsWithDecimalUnits) {
  EXPECT_EQ(parse_byte_count("123456"), 123456.0);
  EXPECT_EQ(parse_byte_count("12k"), 12e3);
  EXPECT_EQ(parse_byte_count("500M"), 500e6);
  EXPECT_EQ(parse_byte_count("40G"), 40e9);
  EXPECT_EQ(parse_byte_count("40GB"), 40e9);
  EXPECT_EQ(parse_byte_count("1.5T"), 1.5e12);
  for (const char* bad : {"", "G", "-1G", "0", "4X", "4 G", "nan", "1e999", "lots"}) {
    EXPECT_EQ(parse_byte_count(bad), std::nullopt) << bad;
  }
}

TEST(RunLimitsTest, HumanBytes) {
  EXPECT_EQ(human_bytes(48e9), "48 GB");
  EXPECT_EQ(human_bytes(1.5e9), "1.5 GB");
  EXPECT_EQ(human_bytes(1234e9), "1.2 TB");
  EXPECT_EQ(human_bytes(2.5e12), "2.5 TB");
  EXPECT_EQ(human_bytes(20e6), "20 MB");
  EXPECT_EQ(human_bytes(850e3), "850 kB");
  EXPECT_EQ(human_bytes(8e9), "8 GB");
  EXPECT_EQ(human_bytes(2e3), "2 kB");
  EXPECT_EQ(human_bytes(512), "0.5 kB");
}

TEST(RunLimitsTest, HalfThePhysicalMemoryUnlessTheVariableSaysOtherwise) {
  const MemoryLimit half = memory_limit(nullptr, 24e9);
  EXPECT_EQ(half.bytes, 12e9);
  EXPECT_EQ(half.origin, "half of this machine's 24 GB");
  EXPECT_EQ(memory_limit("", 24e9).bytes, 12e9);
  const MemoryLimit set = memory_limit("40G", 24e9);
  EXPECT_EQ(set.bytes, 40e9);
  EXPECT_EQ(set.origin, "TEAMSIM_MEMORY_LIMIT=40G");
  try {
    memory_limit("lots", 24e9);
    FAIL() << "expected a refusal of TEAMSIM_MEMORY_LIMIT=lots";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(),
                 "TEAMSIM_MEMORY_LIMIT=lots is not a memory size; write a number of bytes with an "
                 "optional unit K, M, G or T, e.g. TEAMSIM_MEMORY_LIMIT=40G");
  }
  EXPECT_GT(usable_physical_memory(), 0.0);
}

TEST(RunLimitsTest, RefusalSpellsOutTheArithmetic) {
  // 2,000,000 replications x 120 months x 25 metrics x 8 bytes = 48 GB, plus 8 bytes of event
  // count per replication (16 MB).
  const model::SampleMemory need{2'000'000, 120, 25, 8.0 * 2e6 * (120 * 25 + 1)};
  const MemoryLimit limit{12e9, "half of this machine's 24 GB"};
  try {
    refuse_above_memory_limit(need, limit, "this run", " or --metrics");
    ADD_FAILURE() << "not refused";
  } catch (const UsageError& e) {
    EXPECT_STREQ(
        e.what(),
        "this run needs ~48 GB for exact percentiles (2,000,000 replications × 120 months × "
        "25 metrics × 8 bytes), more than the limit of 12 GB (half of this machine's 24 GB); "
        "use fewer replications or --metrics, or set TEAMSIM_MEMORY_LIMIT=49G if the machine "
        "has the memory");
  }
  EXPECT_NO_THROW(refuse_above_memory_limit(need, {48.1e9, "x"}, "this run", ""));
}

}  // namespace
}  // namespace teamsim::app
