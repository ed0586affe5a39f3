#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace teamsim::app {

/// A coordinate or length for SVG: at most 2 decimals, trailing zeros trimmed, never "-0"
/// ("12", "12.5", "0.33"). Throws std::invalid_argument for NaN or infinity.
std::string svg_number(double value);

/// SVG points list "x1,y1 x2,y2 ..." for polyline and polygon, each number as svg_number.
std::string svg_points(const std::vector<std::pair<double, double>>& points);

/// One attribute of an SVG element; numbers are written with svg_number.
struct SvgAttribute {
  SvgAttribute(std::string_view attribute_name, std::string attribute_value);
  SvgAttribute(std::string_view attribute_name, std::string_view attribute_value);
  SvgAttribute(std::string_view attribute_name, const char* attribute_value);
  SvgAttribute(std::string_view attribute_name, double attribute_value);
  SvgAttribute(std::string_view attribute_name, int attribute_value);

  std::string name;   ///< the attribute name, e.g. "stroke-width"
  std::string value;  ///< the unescaped value; the writer escapes it
};

/// The attributes of one element, written in the given order.
using SvgAttributes = std::vector<SvgAttribute>;

/// Builds one standalone SVG document as text, an element per line, indented by nesting depth.
/// Output depends only on the calls made, so the same calls give the same bytes.
/// Invalid tag or attribute names and unbalanced close() calls throw std::logic_error.
class SvgWriter {
 public:
  /// Starts an <svg> root of width x height pixels with a matching viewBox; extra root
  /// attributes (e.g. font-family) follow the fixed ones.
  SvgWriter(double width, double height, const SvgAttributes& root_attributes = {});

  /// Opens a container element such as <g>; close() ends it.
  void open(std::string_view tag, const SvgAttributes& attributes = {});
  /// Closes the innermost element opened with open().
  void close();
  /// An empty element: <rect ... />.
  void element(std::string_view tag, const SvgAttributes& attributes = {});
  /// An element holding escaped text: <text ...>a &amp; b</text>.
  void text_element(std::string_view tag, const SvgAttributes& attributes, std::string_view text);
  /// An element whose only child is a <title> tooltip: <rect ...><title>...</title></rect>.
  void element_with_title(std::string_view tag, const SvgAttributes& attributes,
                          std::string_view title);
  /// Closes every open element and the root, and returns the document ending in a newline.
  /// The writer is empty afterwards.
  std::string finish();

 private:
  void start_tag(std::string_view tag, const SvgAttributes& attributes);
  void indent();

  std::string out_;
  std::vector<std::string> open_;
};

}  // namespace teamsim::app
