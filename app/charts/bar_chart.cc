#include "app/charts/bar_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

#include "app/charts/chart_axis.h"
#include "app/charts/chart_style.h"
#include "app/charts/svg_writer.h"
#include "app/common/number_format.h"

namespace teamsim::app {
namespace {

namespace cs = chart_style;

constexpr double kBarFraction = 0.72;    ///< of each category's band the bar fills
constexpr double kMaxBarThickness = 64;  ///< px

/// Maps values to pixels along the value axis, which runs from `low` px to `high` px.
struct ValueScale {
  Axis axis;
  double low, high;
  double at(double value) const {
    return low + (high - low) * (value - axis.min) / (axis.max - axis.min);
  }
};

struct Bars {
  std::size_t count = 0;
  std::vector<std::string> labels;
  std::vector<double> values;
  std::vector<std::string> value_labels;
  bool has_data = false;
  bool negative = false;
  Axis axis;
};

// Bar i's interval when it has one with finite ends, low first; else nullptr.
const std::pair<double, double>* interval_of(const BarChartSpec& spec, std::size_t i) {
  if (i >= spec.intervals.size()) return nullptr;
  const std::pair<double, double>& interval = spec.intervals[i];
  const bool usable = std::isfinite(interval.first) && std::isfinite(interval.second) &&
                      interval.first <= interval.second;
  return usable ? &interval : nullptr;
}

Bars prepare(const BarChartSpec& spec) {
  Bars bars;
  bars.count = std::max(spec.labels.size(), spec.values.size());
  double lo = 0, hi = 0;
  for (std::size_t i = 0; i < bars.count; ++i) {
    const double v =
        i < spec.values.size() ? spec.values[i] : std::numeric_limits<double>::quiet_NaN();
    bars.labels.push_back(i < spec.labels.size() ? spec.labels[i] : std::string());
    bars.values.push_back(std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN());
    bars.value_labels.push_back(
        (spec.value_decimals >= 0
             ? format_grouped(bars.values.back(), spec.value_decimals, spec.currency_symbol)
             : format_compact(bars.values.back(), spec.currency_symbol)) +
        (std::isfinite(v) ? spec.value_suffix : ""));
    if (!std::isfinite(v)) continue;
    bars.has_data = true;
    bars.negative = bars.negative || v < 0;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
    if (const auto* interval = interval_of(spec, i)) {
      lo = std::min(lo, interval->first);
      hi = std::max(hi, interval->second);
      bars.negative = bars.negative || interval->first < 0;
    }
  }
  bars.axis = nice_axis(lo, hi, spec.whole_numbers);
  return bars;
}

/// "Label: $1.2M", the hover text of a bar, unless the spec gives its own.
std::string hover(const BarChartSpec& spec, const Bars& bars, std::size_t i) {
  if (i < spec.hover_texts.size()) return spec.hover_texts[i];
  const std::string_view currency = spec.currency_symbol;
  const std::string value = std::isnan(bars.values[i])
                                ? std::string("no data")
                                : format_grouped(bars.values[i], 2, currency);
  // Drop a ".00" the grouping added to whole numbers.
  std::string_view v = value;
  if (v.size() > 3 && v.substr(v.size() - 3) == ".00") v.remove_suffix(3);
  const std::string suffix = std::isnan(bars.values[i]) ? "" : spec.value_suffix;
  return bars.labels[i].empty() ? fmt::format("{}{}", v, suffix)
                                : fmt::format("{}: {}{}", bars.labels[i], v, suffix);
}

void draw_no_data(SvgWriter& w, double x, double y) {
  w.text_element("text",
                 {{"x", x},
                  {"y", y},
                  {"text-anchor", "middle"},
                  {"font-size", cs::kLabelSize},
                  {"fill", cs::kMutedText}},
                 "No data");
}

/// The spec's colour of bar `i`, else the warning colour for a negative value, else the series'.
std::string_view bar_colour(const BarChartSpec& spec, std::size_t i, double value) {
  if (i < spec.colours.size() && !spec.colours[i].empty()) return spec.colours[i];
  return value < 0 ? cs::kWarning : cs::series_colour(0);
}

/// The value axis's tick labels, each with the spec's suffix.
std::vector<std::string> tick_labels_of(const BarChartSpec& spec, const Bars& bars) {
  std::vector<std::string> labels = axis_tick_labels(bars.axis, spec.currency_symbol);
  for (std::string& label : labels) label += spec.value_suffix;
  return labels;
}

/// The bars of a vertical chart standing on `zero` px, their value labels and the category (or a
/// histogram's edge) labels under the plot's `bottom`.
void draw_vertical_bars(SvgWriter& w, const BarChartSpec& spec, const Bars& bars,
                        const ValueScale& scale, double left, double right, double bottom,
                        double zero) {
  const double band = (right - left) / static_cast<double>(bars.count);
  const bool edges = spec.edge_labels.size() == bars.count + 1;
  const double thickness =
      edges ? std::max(band - 1, 0.9 * band) : std::min(band * kBarFraction, kMaxBarThickness);
  // Show every k-th category label so neighbours do not overlap.
  double widest = 0;
  for (const std::string& label : edges ? spec.edge_labels : bars.labels) {
    widest = std::max(widest, cs::text_width(label, cs::kTickSize));
  }
  const auto every = static_cast<std::size_t>(std::max(1.0, std::ceil((widest + 8) / band)));
  const double label_room = std::min(band * static_cast<double>(every), 160.0) - 4;
  double widest_value = 0;
  for (const std::string& label : bars.value_labels) {
    widest_value = std::max(widest_value, cs::text_width(label, cs::kTickSize));
  }
  const bool show_values = spec.value_labels && widest_value <= band - 2;

  w.open("g", {{"class", "bars"}});
  for (std::size_t i = 0; i < bars.count; ++i) {
    const double v = bars.values[i];
    if (std::isnan(v)) continue;
    const double centre = left + band * (static_cast<double>(i) + 0.5);
    const double y = scale.at(v);
    w.element_with_title("rect",
                         {{"x", centre - thickness / 2},
                          {"y", std::min(y, zero)},
                          {"width", thickness},
                          {"height", std::abs(zero - y)},
                          {"fill", bar_colour(spec, i, v)}},
                         hover(spec, bars, i));
  }
  w.close();
  w.open("g", {{"class", "labels"}, {"font-size", cs::kTickSize}, {"text-anchor", "middle"}});
  if (edges) {
    for (std::size_t i = 0; i <= bars.count; i += every) {
      const double x = left + band * static_cast<double>(i);
      w.element("line", {{"x1", x},
                         {"y1", bottom},
                         {"x2", x},
                         {"y2", bottom + 4},
                         {"stroke", cs::kAxis},
                         {"stroke-width", 1}});
      w.text_element("text", {{"x", x}, {"y", bottom + 17}, {"fill", cs::kMutedText}},
                     spec.edge_labels[i]);
    }
  }
  for (std::size_t i = 0; i < bars.count; ++i) {
    const double v = bars.values[i];
    const double centre = left + band * (static_cast<double>(i) + 0.5);
    if (std::isnan(v)) {
      w.text_element("text", {{"x", centre}, {"y", zero - 5}, {"fill", cs::kMutedText}}, "n/a");
    } else if (show_values) {
      const double y = scale.at(v);
      w.text_element("text", {{"x", centre}, {"y", v < 0 ? y + 14 : y - 5}, {"fill", cs::kText}},
                     bars.value_labels[i]);
    }
    if (!edges && i % every == 0) {
      w.text_element("text", {{"x", centre}, {"y", bottom + 17}, {"fill", cs::kMutedText}},
                     cs::fit_text(bars.labels[i], label_room, cs::kTickSize));
    }
  }
  w.close();
}

/// The bars of a horizontal chart from `zero` px, their category labels left of the plot (in
/// `label_width` px) and their value labels.
void draw_horizontal_bars(SvgWriter& w, const BarChartSpec& spec, const Bars& bars,
                          const ValueScale& scale, double top, double bottom, double zero,
                          double label_width) {
  const double band = (bottom - top) / static_cast<double>(bars.count);
  const double thickness = std::min(band * kBarFraction, kMaxBarThickness);
  const auto every = static_cast<std::size_t>(std::max(1.0, std::ceil(14 / band)));
  const bool show_values = band >= 10;

  w.open("g", {{"class", "bars"}});
  for (std::size_t i = 0; i < bars.count; ++i) {
    const double v = bars.values[i];
    if (std::isnan(v)) continue;
    const double centre = top + band * (static_cast<double>(i) + 0.5);
    const double x = scale.at(v);
    w.element_with_title("rect",
                         {{"x", std::min(x, zero)},
                          {"y", centre - thickness / 2},
                          {"width", std::abs(x - zero)},
                          {"height", thickness},
                          {"fill", bar_colour(spec, i, v)}},
                         hover(spec, bars, i));
  }
  w.close();
  if (!spec.intervals.empty()) {
    // A line from low to high across the bar, capped at both ends.
    w.open("g", {{"class", "intervals"}, {"stroke", cs::kText}, {"stroke-width", 1.5}});
    for (std::size_t i = 0; i < bars.count; ++i) {
      const auto* interval = interval_of(spec, i);
      if (interval == nullptr || std::isnan(bars.values[i])) continue;
      const double centre = top + band * (static_cast<double>(i) + 0.5);
      const double low = scale.at(interval->first), high = scale.at(interval->second);
      const double cap = thickness / 4;
      w.element("line", {{"x1", low}, {"y1", centre}, {"x2", high}, {"y2", centre}});
      w.element("line", {{"x1", low}, {"y1", centre - cap}, {"x2", low}, {"y2", centre + cap}});
      w.element("line", {{"x1", high}, {"y1", centre - cap}, {"x2", high}, {"y2", centre + cap}});
    }
    w.close();
  }
  w.open("g", {{"class", "labels"}, {"font-size", cs::kTickSize}});
  for (std::size_t i = 0; i < bars.count; ++i) {
    const double v = bars.values[i];
    const double centre = top + band * (static_cast<double>(i) + 0.5);
    if (i % every == 0) {
      w.text_element("text",
                     {{"x", cs::kPadding + label_width},
                      {"y", centre + 4},
                      {"text-anchor", "end"},
                      {"fill", cs::kText}},
                     cs::fit_text(bars.labels[i], label_width, cs::kTickSize));
    }
    if (std::isnan(v)) {
      w.text_element("text", {{"x", zero + 6}, {"y", centre + 4}, {"fill", cs::kMutedText}}, "n/a");
    } else if (show_values) {
      // Past the end of the bar, or of its interval when that reaches further.
      double x = scale.at(v);
      if (const auto* interval = interval_of(spec, i)) {
        x = v < 0 ? std::min(x, scale.at(interval->first))
                  : std::max(x, scale.at(interval->second));
      }
      w.text_element("text",
                     {{"x", v < 0 ? x - 6 : x + 6},
                      {"y", centre + 4},
                      {"text-anchor", v < 0 ? "end" : "start"},
                      {"fill", cs::kText}},
                     bars.value_labels[i]);
    }
  }
  w.close();
}

void render_vertical(SvgWriter& w, const BarChartSpec& spec, const Bars& bars, double width,
                     double height, double cursor) {
  const std::vector<std::string> tick_labels = tick_labels_of(spec, bars);
  double tick_width = 0;
  for (const std::string& label : tick_labels) {
    tick_width = std::max(tick_width, cs::text_width(label, cs::kTickSize));
  }
  const double left = cs::kPadding + tick_width + 10;
  // A histogram's last edge label is centred on the plot's right edge: leave room for its half.
  const double last_edge =
      spec.edge_labels.empty() ? 0 : cs::text_width(spec.edge_labels.back(), cs::kTickSize) / 2;
  const double right = width - cs::kPadding - last_edge;
  const double top = cursor + (spec.y_label.empty() ? 30 : 48);
  double bottom = height - cs::kPadding - 24 - (spec.x_label.empty() ? 0 : 22);
  if (bottom - top < 40) bottom = top + 40;
  const ValueScale scale{bars.axis, bottom, top};

  if (!spec.y_label.empty()) {
    w.text_element("text",
                   {{"x", cs::kPadding},
                    {"y", top - 24},
                    {"font-size", cs::kLabelSize},
                    {"fill", cs::kMutedText}},
                   cs::fit_text(spec.y_label, width - 2 * cs::kPadding, cs::kLabelSize));
  }
  std::vector<double> tick_y;
  for (const double tick : bars.axis.ticks) tick_y.push_back(scale.at(tick));
  cs::draw_horizontal_gridlines(w, "value-axis", tick_y, tick_labels, left, right);
  cs::draw_plot_area(w, left, right, top, bottom);

  const double zero = scale.at(0);
  if (bars.count > 0) draw_vertical_bars(w, spec, bars, scale, left, right, bottom, zero);
  w.element("line", {{"x1", left},
                     {"y1", zero},
                     {"x2", right},
                     {"y2", zero},
                     {"stroke", cs::kAxis},
                     {"stroke-width", 1}});
  if (!spec.x_label.empty()) {
    w.text_element("text",
                   {{"x", (left + right) / 2},
                    {"y", bottom + 40},
                    {"text-anchor", "middle"},
                    {"font-size", cs::kLabelSize},
                    {"fill", cs::kMutedText}},
                   cs::fit_text(spec.x_label, right - left, cs::kLabelSize));
  }
  if (!bars.has_data) draw_no_data(w, (left + right) / 2, (top + bottom) / 2);
}

void render_horizontal(SvgWriter& w, const BarChartSpec& spec, const Bars& bars, double width,
                       double height, double cursor) {
  const std::vector<std::string> tick_labels = tick_labels_of(spec, bars);
  double label_width = 0, value_width = 0;
  for (const std::string& label : bars.labels) {
    label_width = std::max(label_width, cs::text_width(label, cs::kTickSize));
  }
  for (const std::string& label : bars.value_labels) {
    value_width = std::max(value_width, cs::text_width(label, cs::kTickSize));
  }
  label_width = std::min(label_width, 0.35 * width);
  const double left = cs::kPadding + label_width + 10 + (bars.negative ? value_width + 6 : 0);
  const double right = width - cs::kPadding - value_width - 8;
  const double top = cursor + (spec.y_label.empty() ? 22 : 40);
  double bottom = height - cs::kPadding - 22 - (spec.x_label.empty() ? 0 : 22);
  if (bottom - top < 40) bottom = top + 40;
  const ValueScale scale{bars.axis, left, std::max(right, left + 40)};

  if (!spec.y_label.empty()) {
    w.text_element("text",
                   {{"x", cs::kPadding},
                    {"y", top - 16},
                    {"font-size", cs::kLabelSize},
                    {"fill", cs::kMutedText}},
                   cs::fit_text(spec.y_label, width - 2 * cs::kPadding, cs::kLabelSize));
  }
  std::vector<double> tick_x;
  for (const double tick : bars.axis.ticks) tick_x.push_back(scale.at(tick));
  cs::draw_value_axis(w, tick_x, tick_labels, scale.low, scale.high, top, bottom);

  const double zero = scale.at(0);
  if (bars.count > 0) draw_horizontal_bars(w, spec, bars, scale, top, bottom, zero, label_width);
  w.element("line", {{"x1", zero},
                     {"y1", top},
                     {"x2", zero},
                     {"y2", bottom},
                     {"stroke", cs::kAxis},
                     {"stroke-width", 1}});
  if (!spec.x_label.empty()) {
    w.text_element("text",
                   {{"x", (scale.low + scale.high) / 2},
                    {"y", bottom + 40},
                    {"text-anchor", "middle"},
                    {"font-size", cs::kLabelSize},
                    {"fill", cs::kMutedText}},
                   cs::fit_text(spec.x_label, width - 2 * cs::kPadding, cs::kLabelSize));
  }
  if (!bars.has_data) draw_no_data(w, (scale.low + scale.high) / 2, (top + bottom) / 2);
}

}  // namespace

std::string render_bar_chart(const BarChartSpec& spec) {
  const double width = std::max(spec.width, 240);
  const double height = std::max(spec.height, 180);
  const Bars bars = prepare(spec);
  SvgWriter w = cs::start_chart(width, height, spec.title);
  const double cursor = cs::draw_heading(w, spec.title, spec.subtitle, width);
  if (spec.orientation == BarOrientation::kHorizontal) {
    render_horizontal(w, spec, bars, width, height, cursor);
  } else {
    render_vertical(w, spec, bars, width, height, cursor);
  }
  return w.finish();
}

}  // namespace teamsim::app
