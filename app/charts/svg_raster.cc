#include "app/charts/svg_raster.h"

#include <cmath>
#include <stdexcept>

#ifdef TEAMSIM_HAVE_RSVG
#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>
#endif

namespace teamsim::app {

#ifdef TEAMSIM_HAVE_RSVG
namespace {

/// Owns a librsvg handle parsed from SVG text, and its size in px.
class SvgHandle {
 public:
  explicit SvgHandle(const std::string& svg) {
    GError* error = nullptr;
    handle_ =
        rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error);
    if (handle_ == nullptr) {
      const std::string reason = error != nullptr ? error->message : "unknown error";
      if (error != nullptr) g_error_free(error);
      throw std::runtime_error("librsvg cannot read the SVG: " + reason);
    }
    gdouble width = 0, height = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle_, &width, &height) || width <= 0 ||
        height <= 0) {
      g_object_unref(handle_);
      throw std::runtime_error("the SVG has no width and height in pixels");
    }
    width_ = width;
    height_ = height;
  }
  ~SvgHandle() { g_object_unref(handle_); }
  SvgHandle(const SvgHandle&) = delete;
  SvgHandle& operator=(const SvgHandle&) = delete;

  double width() const { return width_; }
  double height() const { return height_; }

  /// Renders the whole document into `cr`, scaled to `width` x `height` units.
  void render(cairo_t* cr, double width, double height) const {
    const RsvgRectangle viewport{0, 0, width, height};
    GError* error = nullptr;
    if (!rsvg_handle_render_document(handle_, cr, &viewport, &error)) {
      const std::string reason = error != nullptr ? error->message : "unknown error";
      if (error != nullptr) g_error_free(error);
      throw std::runtime_error("librsvg cannot render the SVG: " + reason);
    }
  }

 private:
  RsvgHandle* handle_ = nullptr;
  double width_ = 0;
  double height_ = 0;
};

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string(what) + ": " + cairo_status_to_string(status));
  }
}

}  // namespace

bool svg_raster_available() { return true; }

std::string svg_to_png(const std::string& svg, double scale) {
  const SvgHandle handle(svg);
  const int width = static_cast<int>(std::ceil(handle.width() * scale));
  const int height = static_cast<int>(std::ceil(handle.height() * scale));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
  cairo_t* cr = cairo_create(surface);
  std::string png;
  try {
    check(cairo_surface_status(surface), "cairo cannot create the image");
    handle.render(cr, width, height);
    check(cairo_surface_write_to_png_stream(surface, append_bytes, &png), "cairo cannot write PNG");
  } catch (...) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw;
  }
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return png;
}

std::string svg_to_pdf(const std::string& svg) {
  const SvgHandle handle(svg);
  constexpr double kPointsPerPixel = 0.75;
  const double width = handle.width() * kPointsPerPixel;
  const double height = handle.height() * kPointsPerPixel;
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_bytes, &pdf, width, height);
  cairo_t* cr = cairo_create(surface);
  try {
    check(cairo_surface_status(surface), "cairo cannot create the PDF");
    handle.render(cr, width, height);
    cairo_show_page(cr);
  } catch (...) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw;
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  check(status, "cairo cannot write the PDF");
  return pdf;
}

#else

namespace {
[[noreturn]] void unavailable() {
  throw std::runtime_error(
      "this teamsim was built without librsvg, so it cannot write PNG or PDF; install "
      "librsvg2-dev (scripts/install-deps) and rebuild");
}
}  // namespace

bool svg_raster_available() { return false; }
std::string svg_to_png(const std::string& /*svg*/, double /*scale*/) { unavailable(); }
std::string svg_to_pdf(const std::string& /*svg*/) { unavailable(); }

#endif

}  // namespace teamsim::app
