#include "app/common/diagnostics.h"

#include <gtest/gtest.h>

namespace teamsim::app {
namespace {

TEST(FormatDiagnostic, FileLineColumnKeyPathMessage) {
  EXPECT_EQ(format_diagnostic(
                {"s.yaml", 3, 5, "roles.account_executive.annual_attrition", "must be below 1"}),
            "s.yaml:3:5: roles.account_executive.annual_attrition: must be below 1");
}

TEST(FormatDiagnostic, OmitsAnEmptyKeyPath) {
  EXPECT_EQ(format_diagnostic({"s.yaml", 1, 1, "", "invalid YAML"}), "s.yaml:1:1: invalid YAML");
}

TEST(FormatDiagnostic, WholeFileProblemsHaveNoPosition) {
  EXPECT_EQ(format_diagnostic({"missing.yaml", 0, 0, "", "cannot read the file: No such file"}),
            "missing.yaml: cannot read the file: No such file");
}

TEST(FormatDiagnostic, FormatsAListOnePerLine) {
  EXPECT_EQ(format_diagnostics({{"a", 1, 2, "k", "x"}, {"b", 0, 0, "", "y"}}),
            "a:1:2: k: x\nb: y\n");
}

}  // namespace
}  // namespace teamsim::app
