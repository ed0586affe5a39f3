#pragma once

#include <string>

namespace teamsim::app {

/// True when this build can turn SVG into PNG and PDF (it was linked with librsvg and cairo).
bool svg_raster_available();

/// The SVG document `svg` as PNG bytes, rendered by librsvg at `scale` times its own pixel size
/// (2 gives sharp images on high-density screens and slides). Throws std::runtime_error when the
/// SVG cannot be rendered or this build has no librsvg.
std::string svg_to_png(const std::string& svg, double scale = 2.0);

/// The SVG document `svg` as a one-page vector PDF of its own size (1 px = 0.75 pt). Throws
/// std::runtime_error like svg_to_png.
std::string svg_to_pdf(const std::string& svg);

}  // namespace teamsim::app
