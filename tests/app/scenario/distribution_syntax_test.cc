#include "app/scenario/distribution_syntax.h"

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "app/scenario/yaml_tree.h"

// The distribution syntax on its own: one value, as written under a key, read with a support.
// (The loader tests check the same messages inside whole scenarios.)

namespace teamsim::app::loader {
namespace {

using Errors = std::vector<std::string>;
using sim::Distribution;

class DistributionSyntaxTest : public ::testing::Test {
 protected:
  // Reads the value written after "x: ".
  std::optional<Distribution> read(const std::string& value, Support support = kDays) {
    std::vector<Diagnostic> parse_errors;
    root_ = *parse_yaml("x: " + value + "\n", "t.yaml", parse_errors);
    EXPECT_TRUE(parse_errors.empty()) << format_diagnostics(parse_errors);
    diagnostics_.clear();
    return read_distribution(*root_.find("x"), "x", sink_, support);
  }
  Errors errors_of(const std::string& value, Support support = kDays) {
    EXPECT_FALSE(read(value, support).has_value()) << value;
    Errors out;
    for (const Diagnostic& d : diagnostics_) out.push_back(format_diagnostic(d));
    return out;
  }

  YamlNode root_;
  std::vector<Diagnostic> diagnostics_;
  DiagnosticSink sink_{diagnostics_};
};

TEST_F(DistributionSyntaxTest, ABareNumberIsAConstant) {
  const auto d = read("30");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->family(), sim::Family::kConstant);
  EXPECT_EQ(d->describe(), "30");
}

TEST_F(DistributionSyntaxTest, EachParameterSetOfEachFamilyReads) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{dist: constant, value: 3}", "3"},
      {"{dist: uniform, min: 2, max: 5}", "uniform(2, 5)"},
      {"{dist: uniform, p5: 2, p95: 5}", "uniform"},
      {"{dist: triangular, min: 3, mode: 4.5, max: 7}", "triangular(3, 4.5, 7)"},
      {"{dist: normal, mean: 10, sd: 2, min: 0}", "normal(mean 10, sd 2, min 0)"},
      {"{dist: normal, median: 10, p90: 12, min: 0}", "normal"},
      {"{dist: normal, p5: 8, p95: 12, min: 0, max: 20}", "normal"},
      {"{dist: lognormal, median: 45, p90: 90}", "lognormal(median 45, p90 90)"},
      {"{dist: lognormal, mean: 40, sd: 10}", "lognormal"},
      {"{dist: lognormal, p5: 20, p95: 80}", "lognormal"},
      {"{dist: gamma, shape: 2, scale: 3}", "gamma(mean 6, sd"},
      {"{dist: gamma, mean: 6, sd: 2}", "gamma(mean 6, sd 2)"},
      {"{dist: gamma, median: 6, p90: 10}", "gamma"},
      {"{dist: poisson, mean: 4}", "poisson(mean 4)"},
      {"{dist: empirical, values: [3, 1, 2]}", "empirical(3 values)"},
  };
  for (const auto& [yaml, description] : cases) {
    const auto d = read(yaml);
    ASSERT_TRUE(d.has_value()) << yaml << ": " << format_diagnostics(diagnostics_);
    EXPECT_EQ(d->describe().rfind(description, 0), 0u) << yaml << " gave " << d->describe();
  }
  for (const std::string yaml :
       {"{dist: beta, alpha: 2, beta: 8}", "{dist: beta, mean: 0.2, sd: 0.05}",
        "{dist: beta, p5: 0.1, p95: 0.3}"}) {
    const auto d = read(yaml, kProbability);
    ASSERT_TRUE(d.has_value()) << yaml << ": " << format_diagnostics(diagnostics_);
    EXPECT_EQ(d->family(), sim::Family::kBeta);
  }
}

TEST_F(DistributionSyntaxTest, ParameterOrderDoesNotMatter) {
  const auto d = read("{dist: lognormal, p90: 90, median: 45}");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->describe(), "lognormal(median 45, p90 90)");
}

TEST_F(DistributionSyntaxTest, UnknownFamilyGetsASuggestion) {
  EXPECT_EQ(errors_of("{dist: lognormla, median: 1, p90: 2}"),
            Errors{"t.yaml:1:11: x.dist: unknown distribution 'lognormla'; did you mean "
                   "'lognormal'?"});
  EXPECT_EQ(errors_of("{median: 1}"), Errors{"t.yaml:1:4: x: missing required key 'dist'"});
}

TEST_F(DistributionSyntaxTest, AWrongParameterSetListsTheAcceptedOnes) {
  EXPECT_EQ(errors_of("{dist: lognormal, median: 60}"),
            Errors{"t.yaml:1:4: x: lognormal takes exactly one of {median, p90}, {mean, sd} or "
                   "{p5, p95}; got {median}"});
  EXPECT_EQ(errors_of("{dist: poisson}"),
            Errors{"t.yaml:1:4: x: poisson takes {mean}; got no parameters"});
  EXPECT_EQ(errors_of("{dist: normal, mean: 1, median: 1}"),
            Errors{"t.yaml:1:4: x: normal takes exactly one of {mean, sd}, {median, p90} or "
                   "{p5, p95} (each optionally with min and max); got {mean, median}"});
}

TEST_F(DistributionSyntaxTest, OnlyTruncatableFamiliesTakeMinAndMax) {
  // An unknown key is reported at the key (column 43), under the map's path, with the closest
  // parameter of the family as the suggestion.
  EXPECT_EQ(errors_of("{dist: lognormal, median: 60, p90: 90, min: 1}"),
            Errors{"t.yaml:1:43: x: unknown key 'min'; did you mean 'mean'?"});
  EXPECT_TRUE(read("{dist: normal, median: 60, p90: 90, min: 1}").has_value())
      << format_diagnostics(diagnostics_);
}

TEST_F(DistributionSyntaxTest, TheFactorysMessageBecomesTheDiagnostic) {
  EXPECT_EQ(errors_of("{dist: lognormal, median: 60, p90: 30}"),
            Errors{"t.yaml:1:4: x: lognormal: p90 (30) must be greater than the median (60)"});
}

TEST_F(DistributionSyntaxTest, ValuesOutsideTheSupportAreReportedWithTheFix) {
  EXPECT_EQ(errors_of("{dist: normal, mean: 10, sd: 5}"),
            Errors{"t.yaml:1:4: x: normal can go below 0 here; add min: 0"});
  EXPECT_EQ(errors_of("{dist: gamma, mean: 0.5, sd: 0.1}", kProbability),
            Errors{"t.yaml:1:4: x: gamma can go above 1 here (it has no upper bound)"});
  EXPECT_EQ(errors_of("{dist: uniform, min: -2, max: 5}"),
            Errors{"t.yaml:1:4: x: uniform can go below 0 here (its smallest possible value is "
                   "-2)"});
  EXPECT_EQ(errors_of("1.5", kProbability),
            Errors{"t.yaml:1:4: x: must be between 0 and 1, got 1.5"});
}

TEST_F(DistributionSyntaxTest, AFarTailPastTheTypicalMaximumIsReported) {
  const Errors errors = errors_of("{dist: lognormal, median: 60, p90: 60000}");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("t.yaml:1:4: x: lognormal reaches ", 0), 0u) << errors[0];
  EXPECT_NE(errors[0].find("at its one-in-a-million draw; keep that below 36525 (a century at "
                           "most)"),
            std::string::npos)
      << errors[0];
}

TEST_F(DistributionSyntaxTest, ConstantsOnlySupportLetsATailPass) {
  EXPECT_TRUE(read("{dist: normal, mean: 0.01, sd: 0.01}", kRelativeChange).has_value())
      << format_diagnostics(diagnostics_);
  EXPECT_EQ(errors_of("-2", kRelativeChange), Errors{"t.yaml:1:4: x: must be at least -1, got -2"});
}

TEST_F(DistributionSyntaxTest, EmpiricalValuesMustBeAListOfNumbers) {
  EXPECT_EQ(errors_of("{dist: empirical, values: 3}"),
            Errors{"t.yaml:1:30: x.values: expected a list of numbers, got '3'"});
}

}  // namespace
}  // namespace teamsim::app::loader
