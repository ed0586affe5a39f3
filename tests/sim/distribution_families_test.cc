#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "sim/distribution.h"

// The table of distribution families (sim/distribution.h kFamilies): every family named once, in
// the order of Distribution::Params, and each parameter set's factory building that family.

namespace teamsim::sim {
namespace {

// Every family, written out: adding one to the enum without adding it here fails to compile
// (-Wswitch with -Werror), and the test below then checks that the table has it.
std::vector<Family> all_families() {
  std::vector<Family> families;
  for (int i = 0;; ++i) {
    const auto family = static_cast<Family>(i);
    switch (family) {
      case Family::kConstant:
      case Family::kUniform:
      case Family::kTriangular:
      case Family::kNormal:
      case Family::kLogNormal:
      case Family::kGamma:
      case Family::kBeta:
      case Family::kPoisson:
      case Family::kEmpirical:
        families.push_back(family);
        continue;
    }
    return families;
  }
}

TEST(DistributionFamilies, EveryFamilyHasOneEntryAndANameThatRoundTrips) {
  const std::vector<Family> families = all_families();
  ASSERT_EQ(families.size(), std::size(kFamilies));
  std::set<std::string_view> names;
  for (const Family family : families) {
    const std::string_view name = name_of(family);
    ASSERT_FALSE(name.empty());
    EXPECT_TRUE(names.insert(name).second) << name << " is named twice";
    EXPECT_EQ(parse_in(kFamilies, name), family);
    EXPECT_FALSE(entry_of(kFamilies, family)->description.empty()) << name;
  }
  EXPECT_EQ(parse_in(kFamilies, "lognormal"), Family::kLogNormal);
  EXPECT_EQ(parse_in(kFamilies, "log-normal"), std::nullopt);
}

TEST(DistributionFamilies, EachParameterSetBuildsItsFamily) {
  // Values valid for every set: {a, b, c} with a < b < c inside (0, 1) suit min/mode/max,
  // median/p90, p5/p95 and a beta's mean/sd alike.
  const std::vector<double> values = {0.3, 0.4, 0.5};
  for (const FamilyEntry& family : kFamilies) {
    ASSERT_FALSE(family.parameter_sets().empty()) << family.name;
    for (const ParameterSet& set : family.parameter_sets()) {
      ASSERT_FALSE(set.keys().empty()) << family.name;
      std::vector<double> arguments(values.begin(), values.begin() + set.keys().size());
      if (family.value == Family::kBeta && set.keys()[0] == "mean") arguments = {0.3, 0.1};
      if (family.value == Family::kGamma && set.keys()[0] == "median") arguments = {0.3, 0.6};
      const Distribution d = set.make(arguments);
      EXPECT_EQ(d.family(), family.value) << family.name << " " << set.keys()[0];
    }
  }
}

TEST(DistributionFamilies, ParameterSetsAreThoseTheScenarioFormatDocuments) {
  const auto keys_of = [](Family family) {
    std::vector<std::string> sets;
    for (const ParameterSet& set : entry_of(kFamilies, family)->parameter_sets()) {
      std::string text;
      for (const std::string_view key : set.keys()) {
        if (!text.empty()) text += ' ';
        text.append(key);
      }
      sets.push_back(text);
    }
    return sets;
  };
  EXPECT_EQ(keys_of(Family::kLogNormal),
            (std::vector<std::string>{"median p90", "mean sd", "p5 p95"}));
  EXPECT_EQ(keys_of(Family::kTriangular), (std::vector<std::string>{"min mode max"}));
  EXPECT_EQ(keys_of(Family::kEmpirical), (std::vector<std::string>{"values"}));
  EXPECT_TRUE(entry_of(kFamilies, Family::kNormal)->truncatable);
  EXPECT_FALSE(entry_of(kFamilies, Family::kLogNormal)->truncatable);
}

TEST(DistributionFamilies, FamilyOfATruncatedNormalIsNormal) {
  EXPECT_EQ(Distribution::truncated_normal(1, 1, 0, 5).family(), Family::kNormal);
  EXPECT_EQ(Distribution().family(), Family::kConstant);
  EXPECT_EQ(Distribution::empirical({1, 2}).family(), Family::kEmpirical);
}

}  // namespace
}  // namespace teamsim::sim
