// Opens a generated report in headless Chromium (Debian's `chromium`) and checks the screenshot:
// it exists, has the window's size and is not blank. Skipped when Chromium is not installed.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "run_binary.h"

namespace teamsim::e2e {
namespace {

namespace fs = std::filesystem;

constexpr const char* kChromium = "/usr/bin/chromium";
constexpr int kWidth = 1280, kHeight = 2000;

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  }
  return value;
}

TEST(ChromiumReportTest, ReportRendersInHeadlessChromium) {
  if (!fs::exists(kChromium)) {
    GTEST_SKIP() << kChromium
                 << " is not installed (apt-get install chromium); .ci/run installs it";
  }
  TempDir out, profile;
  const CommandResult run =
      run_teamsim("run scenarios/default.yaml -n 100 -q --report --out " + out.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string png_path = out.path() + "/screenshot.png";
  const std::string command =
      std::string("timeout 120 ") + kChromium +
      " --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
      " --disable-component-update --disable-sync --hide-scrollbars --user-data-dir='" +
      profile.path() + "' --screenshot='" + png_path + "' --window-size=" + std::to_string(kWidth) +
      "," + std::to_string(kHeight) + " 'file://" + out.path() + "/report.html' >'" + out.path() +
      "/chromium.log' 2>&1";
  const int status = std::system(command.c_str());
  const std::string png = read_file(png_path);
  ASSERT_FALSE(png.empty()) << "no screenshot; exit status " << status << "\n"
                            << read_file(out.path() + "/chromium.log");
  // PNG signature, then the IHDR chunk with width and height.
  ASSERT_GE(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_EQ(big_endian(png, 16), static_cast<std::uint32_t>(kWidth));
  EXPECT_EQ(big_endian(png, 20), static_cast<std::uint32_t>(kHeight));
  // A blank white 1280 x 2000 page compresses to a few kB; text, tables and charts do not.
  EXPECT_GT(png.size(), 60'000u) << "the screenshot looks blank";
}

TEST(ChromiumReportTest, APrintedFourPlanComparisonKeepsEveryColumn) {
  if (!fs::exists(kChromium) || !fs::exists("/usr/bin/pdftotext")) {
    GTEST_SKIP() << kChromium << " or /usr/bin/pdftotext is not installed (apt-get install "
                 << "chromium poppler-utils); .ci/run installs them";
  }
  TempDir out, profile;
  const CommandResult compare = run_teamsim(
      "compare scenarios/manager-first.yaml scenarios/reps-first.yaml scenarios/default.yaml "
      "scenarios/small-business.yaml -n 40 -q --report --out " +
      out.path());
  ASSERT_EQ(compare.exit_code, 0) << compare.err;
  const std::string pdf = out.path() + "/printed.pdf";
  const std::string command =
      std::string("timeout 120 ") + kChromium +
      " --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
      " --disable-component-update --disable-sync --no-pdf-header-footer --user-data-dir='" +
      profile.path() + "' --print-to-pdf='" + pdf + "' 'file://" + out.path() + "/report.html' >'" +
      out.path() + "/chromium.log' 2>&1 && pdftotext '" + pdf + "' '" + out.path() +
      "/printed.txt'";
  ASSERT_EQ(std::system(command.c_str()), 0) << read_file(out.path() + "/chromium.log");
  // The A4 page (@page size: A4) holds every column: each pair's, up to the fourth plan's.
  const std::string text = read_file(out.path() + "/printed.txt");
  for (const char* column :
       {"D p50", "A-B mean (95% CI)", "P(A>B)", "P(A=B)", "A-D p10..p90", "P(A>D)", "P(A=D)"}) {
    EXPECT_NE(text.find(column), std::string::npos) << column;
  }
}

}  // namespace
}  // namespace teamsim::e2e
