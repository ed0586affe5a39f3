// The documentation against the real tree and the real binary: the files it cites exist, and the
// compare output it quotes is what teamsim prints.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

namespace fs = std::filesystem;

const fs::path kSource(TEAMSIM_SOURCE_DIR);

std::vector<fs::path> documents() {
  std::vector<fs::path> files = {kSource / "README.md"};
  for (const auto& entry : fs::directory_iterator(kSource / "docs")) {
    if (entry.path().extension() == ".md") files.push_back(entry.path());
  }
  return files;
}

// A `code` span that names a file of the repository: a path under one of its folders
// (`tests/e2e/precision_test.cc`, `scenarios/default.yaml`) or a document (`MODEL.md`).
bool names_a_repository_file(const std::string& text) {
  static const std::regex kFile(
      R"(^((app|bench|cmake|docs|fuzz|models|scenarios|scripts|sim|tests)/[A-Za-z0-9_./-]+\.[a-z]+|[A-Za-z0-9_-]+\.md)$)");
  return std::regex_match(text, kFile);
}

TEST(DocsTest, EveryFileTheDocsCiteExists) {
  // docs/architecture.md's walk-through adds a made-up command, `teamsim explain`: its files are
  // examples, not citations.
  const std::vector<std::string> examples = {"app/cli/commands/command_explain.cc",
                                             "tests/e2e/explain_test.cc"};
  static const std::regex kCode("`([^`\n]+)`");
  for (const fs::path& document : documents()) {
    SCOPED_TRACE(document.filename().string());
    const std::string text = read_file(document.string());
    ASSERT_FALSE(text.empty());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kCode);
         it != std::sregex_iterator(); ++it) {
      const std::string cited = (*it)[1];
      if (!names_a_repository_file(cited)) continue;
      if (std::find(examples.begin(), examples.end(), cited) != examples.end()) continue;
      // From the repository's root, or beside the document citing it.
      const bool exists = fs::exists(kSource / cited) || fs::exists(document.parent_path() / cited);
      EXPECT_TRUE(exists) << cited << " is cited but does not exist";
    }
  }
}

// The lines of the first ``` block of `text` that starts with `first_line`.
std::vector<std::string> quoted_block(const std::string& text, const std::string& first_line) {
  std::vector<std::string> lines;
  const std::size_t start = text.find("```\n" + first_line);
  if (start == std::string::npos) return lines;
  const std::size_t end = text.find("\n```", start + 4);
  std::istringstream block(text.substr(start + 4, end - start - 4));
  for (std::string line; std::getline(block, line);) lines.push_back(line);
  return lines;
}

// Every line `document` quotes is a whole line of what teamsim printed ("..." stands for lines left
// out of the quote).
void expect_printed(const std::vector<std::string>& quoted, const std::string& printed,
                    const std::string& document) {
  for (const std::string& line : quoted) {
    if (line == "...") continue;
    EXPECT_NE(printed.find(line + "\n"), std::string::npos)
        << document << " quotes a line teamsim no longer prints:\n"
        << line << "\n\nteamsim prints:\n"
        << printed;
  }
}

TEST(DocsTest, TheQuotedCompareOutputIsWhatTeamsimPrints) {
  if (replications_for_build(100) != 100) GTEST_SKIP() << "2,000 replications: release only";
  TempDir out;
  const CommandResult r = run_teamsim(
      "compare scenarios/compare-manager-first.yaml --variants manager_first,reps_first -q --out " +
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string guide = read_file((kSource / "docs/comparing-plans.md").string());
  const std::vector<std::string> quoted = quoted_block(guide, "A = manager_first");
  ASSERT_GE(quoted.size(), 6u);
  expect_printed(quoted, r.out, "docs/comparing-plans.md");
  // The README reads the ARR row at month 24 with its figures.
  const std::string readme = read_file((kSource / "README.md").string());
  const std::size_t row = r.out.find("\nARR                          24");
  ASSERT_NE(row, std::string::npos) << r.out;
  const std::string arr_24 = r.out.substr(row + 1, r.out.find('\n', row + 1) - row - 1);
  const std::size_t ci = arr_24.find(" (");
  const std::string mean_ci =
      arr_24.substr(arr_24.rfind("  ", ci) + 2, arr_24.find(')', ci) - arr_24.rfind("  ", ci) - 1);
  EXPECT_NE(readme.find("`" + mean_ci + "`"), std::string::npos)
      << "README's ARR 24 figures are not teamsim's: " << mean_ci;
}

TEST(DocsTest, TheQuotedPrecisionOutputIsWhatTeamsimPrints) {
  if (replications_for_build(100) != 100) GTEST_SKIP() << "up to 20,000 replications: release only";
  TempDir out;
  // The quote's header names two threads; the thread count changes nothing else.
  const CommandResult r = run_teamsim(
      "run scenarios/compare-manager-first.yaml --variant reps_first --precision 1% "
      "--month 24 -t 2 --out " +
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string printed = r.err + r.out;
  const std::string guide = read_file((kSource / "docs/comparing-plans.md").string());
  const std::vector<std::string> quoted = quoted_block(guide, "teamsim 0.1.0: scenarios/");
  ASSERT_GE(quoted.size(), 4u);
  expect_printed(quoted, printed, "docs/comparing-plans.md");
}

TEST(DocsTest, TheReadmesQuotedRunOutputIsWhatTeamsimPrints) {
  if (replications_for_build(100) != 100) GTEST_SKIP() << "2,000 replications: release only";
  // README, "What you get": a block indented in its list item, quoting `teamsim run
  // scenarios/default.yaml` on a terminal 98 columns wide.
  const std::string readme = read_file((kSource / "README.md").string());
  const std::size_t start = readme.find("  ```\n    Prospected leads");
  ASSERT_NE(start, std::string::npos);
  const std::size_t end = readme.find("\n  ```", start + 5);
  std::istringstream block(readme.substr(start + 6, end - start - 6));
  std::vector<std::string> quoted;
  for (std::string line; std::getline(block, line);) quoted.push_back(line.substr(2));
  ASSERT_GE(quoted.size(), 5u);
  TempDir out;
  const CommandResult r =
      run_teamsim("run scenarios/default.yaml --out " + out.path(), "", "COLUMNS=98");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_printed(quoted, r.out, "README");
}

}  // namespace
}  // namespace teamsim::e2e
