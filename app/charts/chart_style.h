#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "app/charts/svg_writer.h"

namespace teamsim::app {

/// The look shared by the charts: a board-deck style on a white background.
namespace chart_style {

/// Okabe-Ito colours, distinguishable with the common colour-vision deficiencies, in the order
/// series use them. Vermillion is kept for warnings (kWarning).
inline constexpr std::array<std::string_view, 5> kSeriesColours = {"#0072B2", "#E69F00", "#009E73",
                                                                   "#CC79A7", "#56B4E9"};
/// Dash patterns of median lines by series, so overlays also differ in print and greyscale.
inline constexpr std::array<std::string_view, 5> kSeriesDashes = {"", "8 4", "2 3", "10 3 2 3",
                                                                  "14 4"};
inline constexpr std::string_view kWarning = "#D55E00";      ///< markers and negative bars
inline constexpr std::string_view kWarningText = "#A34400";  ///< readable warning text
inline constexpr std::string_view kText = "#1F2933";         ///< titles
inline constexpr std::string_view kMutedText = "#52606D";    ///< subtitles, labels, ticks
inline constexpr std::string_view kGrid = "#E4E7EB";         ///< grid lines
inline constexpr std::string_view kAxis = "#9AA5B1";         ///< the axis base line
inline constexpr std::string_view kFontFamily =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

inline constexpr double kPadding = 16;       ///< px between the chart edge and its content
inline constexpr double kTitleSize = 18;     ///< px
inline constexpr double kSubtitleSize = 13;  ///< px
inline constexpr double kLabelSize = 12;     ///< px, axis labels and legend
inline constexpr double kTickSize = 11;      ///< px, tick and value labels

/// The colour of series `index`, cycling through kSeriesColours.
std::string_view series_colour(std::size_t index);

/// An estimate of the rendered width in px of `text` at `font_size` px in a sans-serif font.
double text_width(std::string_view text, double font_size);

/// `text`, cut at a character boundary and ended with an ellipsis if wider than `max_width` px.
std::string fit_text(std::string_view text, double max_width, double font_size);

/// A writer holding the chart's root (font, accessible name), its <title> and white background.
SvgWriter start_chart(double width, double height, std::string_view title);

/// `text` broken at spaces into lines of at most `max_width` px, at most `max_lines` of them (the
/// last cut with an ellipsis only when even that many do not hold it).
std::vector<std::string> wrap_text(std::string_view text, double max_width, double font_size,
                                   std::size_t max_lines);

/// Draws the title (up to three lines) and subtitle (up to two) at the top left, wrapped to the
/// chart's width rather than cut, and returns the y of the last baseline drawn (or of where the
/// title would sit, when both are empty).
double draw_heading(SvgWriter& w, std::string_view title, std::string_view subtitle, double width);

/// The y draw_heading would return, for a chart whose height depends on it.
double heading_bottom(std::string_view title, std::string_view subtitle, double width);

/// The plot area's outline (class "plot-area", no fill): how readers of the SVG (tests, the
/// report) find the plot rectangle.
void draw_plot_area(SvgWriter& w, double left, double right, double top, double bottom);

/// A vertical value axis, in a group of class `group_class`: a horizontal gridline across
/// [left, right] at each y of `tick_y`, its label right-aligned left of the plot.
void draw_horizontal_gridlines(SvgWriter& w, std::string_view group_class,
                               const std::vector<double>& tick_y,
                               const std::vector<std::string>& tick_labels, double left,
                               double right);

/// A horizontal value axis under a plot area spanning [left, right] x [top, bottom]: a vertical
/// gridline and a label below it at each x of `tick_x`, then the plot area's outline.
void draw_value_axis(SvgWriter& w, const std::vector<double>& tick_x,
                     const std::vector<std::string>& tick_labels, double left, double right,
                     double top, double bottom);

}  // namespace chart_style
}  // namespace teamsim::app
