// docs/metrics.md is the user's contract: it must list exactly the metrics of the table in
// models/metrics.def (and the per-role, territory, product, channel and segment families as
// their patterns, "territory.<t>.leads"), each with the kind (stock or flow) the table gives it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "models/defaults.h"
#include "models/metrics.h"

namespace teamsim::model {
namespace {

/// The cells of a Markdown table row "| a | b |", trimmed.
std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '|' && line[i - 1] != '\\') {
      const auto begin = cell.find_first_not_of(' ');
      const auto end = cell.find_last_not_of(' ');
      out.push_back(begin == std::string::npos ? "" : cell.substr(begin, end - begin + 1));
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  return out;
}

/// The names a first cell lists: every `backticked` name, where one starting with '.' or '_'
/// continues the previous full name after its last '.' or '_' ("`quota_attainment_p10`, `_p50`").
std::vector<std::string> names_in(const std::string& cell) {
  std::vector<std::string> names;
  std::string full;
  for (std::size_t open = cell.find('`'); open != std::string::npos; open = cell.find('`', open)) {
    const std::size_t close = cell.find('`', open + 1);
    if (close == std::string::npos) break;
    std::string name = cell.substr(open + 1, close - open - 1);
    open = close + 1;
    if (!name.empty() && (name[0] == '.' || name[0] == '_') && !full.empty()) {
      name = full.substr(0, full.find_last_of(name[0])) + name;
    } else {
      full = name;
    }
    names.push_back(name);
  }
  return names;
}

/// Metric name -> the second cell of its row, from every table of docs/metrics.md whose header
/// is "| metric | `second` | ...".
std::map<std::string, std::string> documented(const std::string& second) {
  std::ifstream in(std::filesystem::path(TEAMSIM_SOURCE_DIR) / "docs" / "metrics.md");
  EXPECT_TRUE(in) << "cannot read docs/metrics.md";
  std::map<std::string, std::string> cell_of;
  bool in_metric_table = false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("|", 0) != 0) {
      in_metric_table = false;
      continue;
    }
    const std::vector<std::string> row = cells(line);
    if (row.size() < 2) continue;
    if (!in_metric_table) {
      in_metric_table = row[0] == "metric" && row[1] == second;  // the header
      continue;
    }
    if (row[0].rfind("---", 0) == 0) continue;
    for (const std::string& name : names_in(row[0])) {
      EXPECT_EQ(cell_of.count(name), 0u) << name << " is documented twice";
      cell_of[name] = row[1];
    }
  }
  return cell_of;
}

/// Metric name -> "stock" or "flow", from every table of docs/metrics.md whose first column is
/// "metric" and second "kind".
std::map<std::string, std::string> documented_metrics() { return documented("kind"); }

/// Metric name -> "stock" or "flow", as the code reports them, families as their patterns.
std::map<std::string, std::string> table_metrics() {
  ScenarioSpec spec = default_scenario();
  spec.roles.resize(1);
  spec.roles[0].name = "ROLE";
  spec.territories.resize(1);
  spec.territories[0].name = "TERRITORY";
  spec.products.resize(1);
  spec.products[0].name = "PRODUCT";
  spec.channels.resize(1);
  spec.channels[0].name = "CHANNEL";
  spec.segments.resize(1);
  spec.segments[0].name = "SEGMENT";
  const std::pair<std::string, std::string> patterns[] = {{".ROLE", ".<role>"},
                                                          {".TERRITORY.", ".<t>."},
                                                          {".PRODUCT.", ".<p>."},
                                                          {".CHANNEL.", ".<c>."},
                                                          {".SEGMENT.", ".<s>."}};
  std::map<std::string, std::string> kinds;
  const MetricLayout layout(spec);
  for (const MetricInfo& info : layout.infos()) {
    std::string name = info.name;
    for (const auto& [placeholder, pattern] : patterns) {
      const std::size_t at = name.find(placeholder);
      if (at != std::string::npos) name.replace(at, placeholder.size(), pattern);
    }
    kinds[name] = info.kind == MetricKind::kStock ? "stock" : "flow";
  }
  return kinds;
}

TEST(MetricsDocTest, DocsListExactlyTheMetricsOfTheTableWithTheirKinds) {
  const std::map<std::string, std::string> documented = documented_metrics();
  const std::map<std::string, std::string> reported = table_metrics();
  ASSERT_GT(reported.size(), static_cast<std::size_t>(Metric::kCount));
  for (const auto& [name, kind] : reported) {
    const auto found = documented.find(name);
    if (found == documented.end()) {
      ADD_FAILURE() << "docs/metrics.md does not list " << name;
    } else {
      EXPECT_EQ(found->second, kind) << "docs/metrics.md gives " << name << " another kind";
    }
  }
  for (const auto& [name, kind] : documented) {
    EXPECT_EQ(reported.count(name), 1u)
        << "docs/metrics.md lists " << name << ", which no scenario reports";
  }
}

TEST(MetricsDocTest, TheUndefinedRatiosSayFromWhichMonthTheTableDefinesEachMetric) {
  // "Undefined ratios": a metric models/metrics.def defines from month N > 1 on reads "before
  // month N ..." there, and a row that reads so is such a metric's.
  const std::map<std::string, std::string> undefined_when = documented("undefined when");
  ASSERT_FALSE(undefined_when.empty());
  for (const FixedMetric& metric : kFixedMetrics) {
    const auto found = undefined_when.find(metric.name);
    const std::string before = "before month " + std::to_string(metric.defined_from_month);
    if (metric.defined_from_month > 1) {
      ASSERT_NE(found, undefined_when.end()) << metric.name << " is not in Undefined ratios";
      EXPECT_EQ(found->second.rfind(before, 0), 0u)
          << metric.name << ": \"" << found->second << "\" does not start \"" << before << "\"";
    } else if (found != undefined_when.end()) {
      EXPECT_EQ(found->second.find("before month"), std::string::npos)
          << metric.name << " is defined from month 1 in models/metrics.def";
    }
  }
}

TEST(MetricsDocTest, ShorthandNamesContinueThePreviousName) {
  EXPECT_EQ(names_in("`quota_attainment_mean`, `quota_attainment_p10`, `_p50`"),
            (std::vector<std::string>{"quota_attainment_mean", "quota_attainment_p10",
                                      "quota_attainment_p50"}));
  EXPECT_EQ(names_in("`territory.<t>.leads`, `.wins`"),
            (std::vector<std::string>{"territory.<t>.leads", "territory.<t>.wins"}));
}

}  // namespace
}  // namespace teamsim::model
