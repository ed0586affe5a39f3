#include "app/charts/fan_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string_view>
#include <utility>

#include "app/charts/chart_axis.h"
#include "app/charts/chart_style.h"
#include "app/charts/svg_writer.h"
#include "app/common/number_format.h"

namespace teamsim::app {
namespace {

namespace cs = chart_style;
using Points = std::vector<std::pair<double, double>>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// Band opacities for one fan, and for each plan's bands when several overlap.
constexpr double kOuterOpacity = 0.16, kInnerOpacity = 0.34;
constexpr double kOverlayOuterOpacity = 0.10, kOverlayInnerOpacity = 0.20;
constexpr double kMedianWidth = 2.5;

/// Entry i of a percentile vector, NaN past its end.
double at(const std::vector<double>& v, std::size_t i) { return i < v.size() ? v[i] : kNaN; }

/// The vectors of a series from the lowest percentile to the highest.
std::array<const std::vector<double>*, 5> percentiles(const FanSeries& s) {
  return {&s.p5, &s.p25, &s.p50, &s.p75, &s.p95};
}

struct LegendItem {
  enum class Kind { kLine, kBand } kind;
  std::string colour;
  double opacity;
  std::string dash;
  std::string label;
};

constexpr double kSwatchWidth = 18, kSwatchGap = 6, kItemGap = 20, kLegendRowHeight = 20;

double legend_item_width(const LegendItem& item) {
  return kSwatchWidth + kSwatchGap + cs::text_width(item.label, cs::kLabelSize);
}

/// Rows of legend items wrapped to fit `max_width` px.
std::vector<std::vector<LegendItem>> legend_rows(const std::vector<LegendItem>& items,
                                                 double max_width) {
  std::vector<std::vector<LegendItem>> rows(1);
  double x = 0;
  for (const LegendItem& item : items) {
    const double w = legend_item_width(item);
    if (!rows.back().empty() && x + w > max_width) {
      rows.emplace_back();
      x = 0;
    }
    rows.back().push_back(item);
    x += w + kItemGap;
  }
  return rows;
}

void draw_legend(SvgWriter& w, const std::vector<std::vector<LegendItem>>& rows, double top) {
  w.open("g", {{"class", "legend"}, {"font-size", cs::kLabelSize}, {"fill", cs::kMutedText}});
  double baseline = top;
  for (const auto& row : rows) {
    double x = cs::kPadding;
    for (const LegendItem& item : row) {
      if (item.kind == LegendItem::Kind::kBand) {
        w.element("rect", {{"x", x},
                           {"y", baseline - 10},
                           {"width", kSwatchWidth},
                           {"height", 11},
                           {"fill", item.colour},
                           {"fill-opacity", item.opacity}});
      } else {
        SvgAttributes line = {{"x1", x},
                              {"y1", baseline - 4.5},
                              {"x2", x + kSwatchWidth},
                              {"y2", baseline - 4.5},
                              {"stroke", item.colour},
                              {"stroke-width", kMedianWidth}};
        if (!item.dash.empty()) line.emplace_back("stroke-dasharray", item.dash);
        w.element("line", line);
      }
      w.text_element("text", {{"x", x + kSwatchWidth + kSwatchGap}, {"y", baseline}}, item.label);
      x += legend_item_width(item) + kItemGap;
    }
    baseline += kLegendRowHeight;
  }
  w.close();
}

/// Maps months and values to pixels inside the plot rectangle.
struct Frame {
  double left, top, right, bottom;
  int months;
  MonthNames names;  ///< how the x axis names the months
  Axis y_axis;

  double x(double month) const { return left + (right - left) * month / months; }
  double y(double value) const {
    return bottom - (bottom - top) * (value - y_axis.min) / (y_axis.max - y_axis.min);
  }
};

/// Calls f(begin, end) for each run of consecutive months where ok(month) holds.
template <typename Ok, typename F>
void for_each_run(std::size_t months, Ok ok, F f) {
  std::size_t i = 0;
  while (i < months) {
    if (!ok(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < months && ok(j)) ++j;
    f(i, j);
    i = j;
  }
}

/// A band between two percentile vectors as filled polygons, one per run of known months.
void draw_band(SvgWriter& w, const Frame& f, const std::vector<double>& lower,
               const std::vector<double>& upper, std::string_view colour, double opacity) {
  const auto months = static_cast<std::size_t>(f.months);
  auto ok = [&](std::size_t i) {
    return std::isfinite(at(lower, i)) && std::isfinite(at(upper, i));
  };
  for_each_run(months, ok, [&](std::size_t begin, std::size_t end) {
    if (end - begin == 1) {  // a single month: a short bar instead of a polygon
      const double x = f.x(static_cast<double>(begin + 1));
      const double y_top = f.y(std::max(at(lower, begin), at(upper, begin)));
      const double y_bottom = f.y(std::min(at(lower, begin), at(upper, begin)));
      w.element("rect", {{"x", x - 4},
                         {"y", y_top},
                         {"width", 8},
                         {"height", y_bottom - y_top},
                         {"fill", colour},
                         {"fill-opacity", opacity}});
      return;
    }
    Points points;
    for (std::size_t i = begin; i < end; ++i) {
      points.emplace_back(f.x(static_cast<double>(i + 1)), f.y(at(upper, i)));
    }
    for (std::size_t i = end; i-- > begin;) {
      points.emplace_back(f.x(static_cast<double>(i + 1)), f.y(at(lower, i)));
    }
    w.element("polygon",
              {{"points", svg_points(points)}, {"fill", colour}, {"fill-opacity", opacity}});
  });
}

void draw_median(SvgWriter& w, const Frame& f, const std::vector<double>& median,
                 std::string_view colour, std::string_view dash) {
  const auto months = static_cast<std::size_t>(f.months);
  auto ok = [&](std::size_t i) { return std::isfinite(at(median, i)); };
  for_each_run(months, ok, [&](std::size_t begin, std::size_t end) {
    if (end - begin == 1) {
      w.element("circle", {{"cx", f.x(static_cast<double>(begin + 1))},
                           {"cy", f.y(median[begin])},
                           {"r", 3.5},
                           {"fill", colour}});
      return;
    }
    Points points;
    for (std::size_t i = begin; i < end; ++i) {
      points.emplace_back(f.x(static_cast<double>(i + 1)), f.y(median[i]));
    }
    SvgAttributes attributes = {{"points", svg_points(points)},
                                {"fill", "none"},
                                {"stroke", colour},
                                {"stroke-width", kMedianWidth},
                                {"stroke-linejoin", "round"},
                                {"stroke-linecap", "round"}};
    if (!dash.empty()) attributes.emplace_back("stroke-dasharray", dash);
    w.element("polyline", attributes);
  });
}

/// Whether the series has both vectors of a band.
bool has_band(const std::vector<double>& lower, const std::vector<double>& upper) {
  return !lower.empty() && !upper.empty();
}

/// "median $1.2M (p5 $0.8M – p95 $1.9M)" for one series at month index i.
std::string month_summary(const FanChartSpec& spec, const FanSeries& s, std::size_t i) {
  const auto value = [&](double v) {
    return format_compact(v, spec.currency_symbol) + (std::isfinite(v) ? spec.value_suffix : "");
  };
  const double p5 = at(s.p5, i), p50 = at(s.p50, i), p95 = at(s.p95, i);
  if (!std::isfinite(p50) && !std::isfinite(p5) && !std::isfinite(p95)) return "no data";
  std::string text = spec.line_label.empty() ? value(p50) : spec.line_label + " " + value(p50);
  if (std::isfinite(p5) || std::isfinite(p95)) {
    text += fmt::format(" (p5 {} \xE2\x80\x93 p95 {})", value(p5), value(p95));
  }
  return text;
}

/// The months shown, the range of the values and whether any value is missing.
struct DataRange {
  std::size_t months = 0;
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  bool missing = false;

  bool has_data() const { return lo <= hi; }
};

DataRange data_range(const FanChartSpec& spec) {
  DataRange range;
  for (const FanSeries& s : spec.series) {
    for (const auto* v : percentiles(s)) range.months = std::max(range.months, v->size());
  }
  for (const FanSeries& s : spec.series) {
    for (const auto* v : percentiles(s)) {
      if (v->empty()) continue;  // a percentile not given at all is not "missing"
      for (std::size_t i = 0; i < range.months; ++i) {
        const double value = at(*v, i);
        if (!std::isfinite(value)) {
          range.missing = true;
          continue;
        }
        range.lo = std::min(range.lo, value);
        range.hi = std::max(range.hi, value);
      }
    }
  }
  return range;
}

/// The y axis over the data, the extent asked for and the reference line.
Axis fan_y_axis(const FanChartSpec& spec, const DataRange& range) {
  double lo = range.lo, hi = range.hi;
  std::vector<double> extent = spec.y_extent;
  if (spec.reference_line) extent.push_back(*spec.reference_line);
  for (const double value : extent) {
    if (!std::isfinite(value)) continue;
    lo = std::min(lo, value);
    hi = std::max(hi, value);
  }
  // Start the axis at zero when zero is near, as readers of business charts expect.
  // Counts always do: a headcount of 8 to 12 drawn from 8 would look like growth from nothing.
  if (lo > 0 && (lo <= 0.5 * hi || spec.whole_numbers)) lo = 0;
  if (hi < 0 && hi >= 0.5 * lo) hi = 0;
  return lo <= hi ? nice_axis(lo, hi, spec.whole_numbers) : nice_axis(0, 1, spec.whole_numbers);
}

/// The legend: for one fan the three layers; for overlays each plan, in its colour and dash (what
/// its line and band mean is the subtitle's to say: grey keys would match nothing drawn).
std::vector<LegendItem> legend_items(const FanChartSpec& spec) {
  std::vector<LegendItem> items;
  using Kind = LegendItem::Kind;
  bool inner_band = false, outer_band = false;
  for (const FanSeries& s : spec.series) {
    inner_band = inner_band || has_band(s.p25, s.p75);
    outer_band = outer_band || has_band(s.p5, s.p95);
  }
  if (spec.series.size() <= 1) {
    const std::string colour(cs::series_colour(0));
    if (!spec.line_label.empty()) items.push_back({Kind::kLine, colour, 1, "", spec.line_label});
    if (inner_band) {
      items.push_back({Kind::kBand, colour, 1 - (1 - kInnerOpacity) * (1 - kOuterOpacity), "",
                       "50% of outcomes"});
    }
    if (outer_band) items.push_back({Kind::kBand, colour, kOuterOpacity, "", "90% of outcomes"});
    return items;
  }
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    items.push_back({Kind::kLine, std::string(cs::series_colour(i)), 1,
                     std::string(cs::kSeriesDashes[i % cs::kSeriesDashes.size()]),
                     spec.series[i].label});
  }
  return items;
}

/// The reference line's label and the width it takes at the right of the plot (0 without one).
struct ReferenceLabel {
  bool shown = false;
  std::string text;
  double width = 0;
};

ReferenceLabel reference_label(const FanChartSpec& spec, double width) {
  ReferenceLabel label;
  label.shown = spec.reference_line && std::isfinite(*spec.reference_line);
  if (!label.shown) return label;
  label.text = spec.reference_label.empty()
                   ? format_compact(*spec.reference_line, spec.currency_symbol)
                   : spec.reference_label;
  label.width = std::min(cs::text_width(label.text, cs::kTickSize), 0.25 * width);
  return label;
}

/// Grid lines and y tick labels.
void draw_y_axis(SvgWriter& w, const Frame& f, const std::vector<std::string>& y_labels) {
  std::vector<double> tick_y;
  for (const double tick : f.y_axis.ticks) tick_y.push_back(f.y(tick));
  cs::draw_horizontal_gridlines(w, "y-axis", tick_y, y_labels, f.left, f.right);
}

/// The x axis: a base line, month ticks and labels; then the plot frame, for readers of the SVG
/// (tests, the report) to know the plot rectangle.
void draw_x_axis_and_frame(SvgWriter& w, const Frame& f) {
  w.open("g", {{"class", "x-axis"}, {"font-size", cs::kTickSize}, {"fill", cs::kMutedText}});
  w.element("line", {{"x1", f.left},
                     {"y1", f.bottom},
                     {"x2", f.right},
                     {"y2", f.bottom},
                     {"stroke", cs::kAxis},
                     {"stroke-width", 1}});
  for (int month : month_ticks(f.months, f.names)) {
    const double x = f.x(month);
    w.element("line", {{"x1", x},
                       {"y1", f.bottom},
                       {"x2", x},
                       {"y2", f.bottom + 4},
                       {"stroke", cs::kAxis},
                       {"stroke-width", 1}});
    w.text_element("text", {{"x", x}, {"y", f.bottom + 17}, {"text-anchor", "middle"}},
                   f.names.label(month));
  }
  w.close();
  cs::draw_plot_area(w, f.left, f.right, f.top, f.bottom);
}

/// Bands: every plan's outer band first, then the inner ones; the reference line; then the
/// medians on top.
void draw_series(SvgWriter& w, const Frame& f, const FanChartSpec& spec,
                 const ReferenceLabel& reference) {
  const bool overlay = spec.series.size() > 1;
  const double outer = overlay ? kOverlayOuterOpacity : kOuterOpacity;
  const double inner = overlay ? kOverlayInnerOpacity : kInnerOpacity;
  w.open("g", {{"class", "bands"}});
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    draw_band(w, f, spec.series[i].p5, spec.series[i].p95, cs::series_colour(i), outer);
  }
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    draw_band(w, f, spec.series[i].p25, spec.series[i].p75, cs::series_colour(i), inner);
  }
  w.close();

  if (reference.shown) {
    const double y = f.y(*spec.reference_line);
    w.open("g", {{"class", "reference"}});
    w.element("line", {{"x1", f.left},
                       {"y1", y},
                       {"x2", f.right},
                       {"y2", y},
                       {"stroke", cs::kText},
                       {"stroke-width", 1.25}});
    w.text_element("text",
                   {{"x", f.right + 5},
                    {"y", y + 4},
                    {"font-size", cs::kTickSize},
                    {"font-weight", 600},
                    {"fill", cs::kText}},
                   cs::fit_text(reference.text, reference.width + 1, cs::kTickSize));
    w.close();
  }

  w.open("g", {{"class", "medians"}});
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    draw_median(w, f, spec.series[i].p50, cs::series_colour(i),
                overlay ? cs::kSeriesDashes[i % cs::kSeriesDashes.size()] : "");
  }
  w.close();
}

/// The marked month: a dashed vertical line and its label on the roomier side.
void draw_marker(SvgWriter& w, const Frame& f, const FanChartSpec& spec) {
  if (!spec.marked_month || *spec.marked_month < 0 || *spec.marked_month > f.months) return;
  const double x = f.x(*spec.marked_month);
  w.open("g", {{"class", "marker"}});
  w.element("line", {{"x1", x},
                     {"y1", f.top},
                     {"x2", x},
                     {"y2", f.bottom},
                     {"stroke", cs::kWarning},
                     {"stroke-width", 1.5},
                     {"stroke-dasharray", "5 4"}});
  if (!spec.marked_label.empty()) {
    const bool right_half = x > (f.left + f.right) / 2;
    const double room = right_half ? x - f.left - 12 : f.right - x - 12;
    w.text_element("text",
                   {{"x", right_half ? x - 6 : x + 6},
                    {"y", f.top + 14},
                    {"text-anchor", right_half ? "end" : "start"},
                    {"font-size", cs::kTickSize},
                    {"font-weight", 600},
                    {"fill", cs::kWarningText}},
                   cs::fit_text(spec.marked_label, room, cs::kTickSize));
  }
  w.close();
}

/// "No data" in the middle of an empty plot; a note under it when values are missing.
void draw_notes(SvgWriter& w, const Frame& f, const DataRange& range, double height) {
  if (!range.has_data()) {
    w.text_element("text",
                   {{"x", (f.left + f.right) / 2},
                    {"y", (f.top + f.bottom) / 2},
                    {"text-anchor", "middle"},
                    {"font-size", cs::kLabelSize},
                    {"fill", cs::kMutedText}},
                   "No data");
  }
  if (range.missing) {
    w.text_element("text",
                   {{"x", cs::kPadding},
                    {"y", height - cs::kPadding + 4},
                    {"font-size", cs::kTickSize},
                    {"font-style", "italic"},
                    {"fill", cs::kMutedText}},
                   "Some values are missing and are not drawn.");
  }
}

/// Hover text: an invisible column per month over the whole plot height.
void draw_hover(SvgWriter& w, const Frame& f, const FanChartSpec& spec, std::size_t months) {
  w.open("g", {{"class", "hover"}, {"fill", "#000000"}, {"fill-opacity", 0}});
  const double column = (f.right - f.left) / f.months;
  for (std::size_t i = 0; i < months; ++i) {
    const double x = f.x(static_cast<double>(i + 1));
    const double x0 = std::max(f.left, x - column / 2), x1 = std::min(f.right, x + column / 2);
    const int month = static_cast<int>(i) + 1;
    std::string text = spec.months.heading(month);
    if (spec.series.size() <= 1) {
      text += ": " + month_summary(spec, spec.series[0], i);
    } else {
      for (const FanSeries& s : spec.series) {
        text += fmt::format("\n{}: {}", s.label, month_summary(spec, s, i));
      }
    }
    w.element_with_title(
        "rect", {{"x", x0}, {"y", f.top}, {"width", x1 - x0}, {"height", f.bottom - f.top}}, text);
  }
  w.close();
}

}  // namespace

std::string render_fan_chart(const FanChartSpec& spec) {
  const double width = std::max(spec.width, 240);
  const double height = std::max(spec.height, 180);
  const DataRange range = data_range(spec);
  const Axis y_axis = fan_y_axis(spec, range);
  std::vector<std::string> y_labels = axis_tick_labels(y_axis, spec.currency_symbol);
  for (std::string& label : y_labels) label += spec.value_suffix;

  SvgWriter w = cs::start_chart(width, height, spec.title);
  double cursor = cs::draw_heading(w, spec.title, spec.subtitle, width);
  const auto rows = legend_rows(legend_items(spec), width - 2 * cs::kPadding);
  const double legend_top = cursor + 26;
  draw_legend(w, rows, legend_top);
  cursor = legend_top + kLegendRowHeight * static_cast<double>(rows.size() - 1);

  // The plot rectangle, leaving room for tick labels, the y label and a note on missing values.
  double label_width = 0;
  for (const std::string& label : y_labels) {
    label_width = std::max(label_width, cs::text_width(label, cs::kTickSize));
  }
  const ReferenceLabel reference = reference_label(spec, width);
  Frame f;
  f.months = std::max(static_cast<int>(range.months), 1);
  f.names = spec.months;
  f.y_axis = y_axis;
  f.left = cs::kPadding + label_width + 10;
  f.right = width - cs::kPadding - (reference.shown ? reference.width + 5 : 8);
  f.top = cursor + (spec.y_label.empty() ? 18 : 40);
  f.bottom = height - cs::kPadding - 22 - (range.missing ? 16 : 0);
  if (f.bottom - f.top < 40) f.bottom = f.top + 40;

  if (!spec.y_label.empty()) {
    w.text_element("text",
                   {{"x", cs::kPadding},
                    {"y", f.top - 14},
                    {"font-size", cs::kLabelSize},
                    {"fill", cs::kMutedText}},
                   cs::fit_text(spec.y_label, width - 2 * cs::kPadding, cs::kLabelSize));
  }
  draw_y_axis(w, f, y_labels);
  draw_x_axis_and_frame(w, f);
  draw_series(w, f, spec, reference);
  draw_marker(w, f, spec);
  draw_notes(w, f, range, height);
  if (range.has_data()) draw_hover(w, f, spec, range.months);
  return w.finish();
}

}  // namespace teamsim::app
