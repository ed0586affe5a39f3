#include "tests/app/svg_test_util.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace teamsim::app::testing {
namespace {

std::string golden_path(const std::string& name) {
  // Not std::string(...) + "..." + name: GCC 12 at -O1 warns of a memcpy out of bounds in that
  // expression (a false positive of GCC 12 in std::string's inlined copies).
  return fmt::format("{}/tests/app/golden/{}", TEAMSIM_SOURCE_DIR, name);
}

/// The text of each start tag `<tag ...>` in the document.
std::vector<std::string> start_tags(const std::string& svg, const std::string& tag) {
  std::vector<std::string> tags;
  const std::string open = "<" + tag + " ";
  for (std::size_t at = svg.find(open); at != std::string::npos; at = svg.find(open, at + 1)) {
    tags.push_back(svg.substr(at, svg.find('>', at) - at));
  }
  return tags;
}

std::string attribute(const std::string& start_tag, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const std::size_t at = start_tag.find(key);
  if (at == std::string::npos) return "";
  const std::size_t begin = at + key.size();
  return start_tag.substr(begin, start_tag.find('"', begin) - begin);
}

}  // namespace

void expect_matches_golden(const std::string& name, const std::string& actual) {
  const std::string path = golden_path(name);
  const char* update = std::getenv("TEAMSIM_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << path;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << path
                  << " (run the test with TEAMSIM_UPDATE_GOLDEN=1 to write it)";
  std::ostringstream expected;
  expected << in.rdbuf();
  EXPECT_TRUE(expected.str() == actual)
      << "output differs from " << path
      << " (if the change is intended, rerun with TEAMSIM_UPDATE_GOLDEN=1 and look at it)\n"
      << actual;
}

PlotArea plot_area(const std::string& svg) {
  for (const std::string& tag : start_tags(svg, "rect")) {
    if (attribute(tag, "class") != "plot-area") continue;
    return {std::stod(attribute(tag, "x")), std::stod(attribute(tag, "y")),
            std::stod(attribute(tag, "width")), std::stod(attribute(tag, "height"))};
  }
  ADD_FAILURE() << "no plot-area rect";
  return {};
}

std::vector<std::string> attribute_values(const std::string& svg, const std::string& tag,
                                          const std::string& name) {
  std::vector<std::string> values;
  for (const std::string& t : start_tags(svg, tag)) values.push_back(attribute(t, name));
  return values;
}

std::vector<std::pair<double, double>> plotted_points(const std::string& svg) {
  std::vector<std::pair<double, double>> points;
  for (const char* tag : {"polygon", "polyline"}) {
    for (const std::string& list : attribute_values(svg, tag, "points")) {
      std::istringstream in(list);
      std::string pair;
      while (in >> pair) {
        const std::size_t comma = pair.find(',');
        points.emplace_back(std::stod(pair.substr(0, comma)), std::stod(pair.substr(comma + 1)));
      }
    }
  }
  const auto cx = attribute_values(svg, "circle", "cx");
  const auto cy = attribute_values(svg, "circle", "cy");
  for (std::size_t i = 0; i < cx.size(); ++i)
    points.emplace_back(std::stod(cx[i]), std::stod(cy[i]));
  return points;
}

int count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

}  // namespace teamsim::app::testing
