#pragma once

#include <string>
#include <utility>
#include <vector>

namespace teamsim::app::testing {

/// Compares `actual` byte for byte with tests/app/golden/<name>. With TEAMSIM_UPDATE_GOLDEN=1 in
/// the environment it rewrites the file instead (then look at it: rsvg-convert -o x.png file).
void expect_matches_golden(const std::string& name, const std::string& actual);

/// The rectangle a chart draws its data in, from its <rect class="plot-area" ...>.
struct PlotArea {
  double x = 0, y = 0, width = 0, height = 0;
};

/// The plot area of a rendered chart; fails the test if there is none.
PlotArea plot_area(const std::string& svg);

/// The value of attribute `name` in every element `tag` of the document, in document order.
std::vector<std::string> attribute_values(const std::string& svg, const std::string& tag,
                                          const std::string& name);

/// Every (x, y) of every polygon and polyline, and the centre of every circle.
std::vector<std::pair<double, double>> plotted_points(const std::string& svg);

/// How many times `needle` occurs in `haystack`.
int count(const std::string& haystack, const std::string& needle);

}  // namespace teamsim::app::testing
