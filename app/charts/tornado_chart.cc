#include "app/charts/tornado_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "app/charts/chart_axis.h"
#include "app/charts/chart_style.h"
#include "app/charts/svg_writer.h"
#include "app/common/number_format.h"

namespace teamsim::app {
namespace {

namespace cs = chart_style;

constexpr double kRowHeight = 34;     ///< px per input
constexpr double kBarThickness = 18;  ///< px
constexpr double kSwatch = 12;        ///< px, legend colour squares

// Low in orange and high in blue: the two first series colours, told apart in colour-blind
// vision and, by their side of the base line, in greyscale too.
std::string_view low_colour() { return cs::series_colour(1); }
std::string_view high_colour() { return cs::series_colour(0); }

double finite_or(double value, double fallback) { return std::isfinite(value) ? value : fallback; }

/// A value as the chart writes it: compact, with the currency symbol and the suffix.
std::string value_text(const TornadoChartSpec& spec, double value) {
  return format_compact(value, spec.currency_symbol) + spec.value_suffix;
}

/// A value label at the outer end of a bar.
struct EndLabel {
  double value;
  std::string text;
};

/// The outcome at each bar's outer end; when both ends lie on one side of the base, one label at
/// the farther end names both, so the two cannot overlap.
std::vector<EndLabel> end_labels(const TornadoBar& bar, double base, const TornadoChartSpec& spec) {
  std::vector<EndLabel> labels;
  const bool both = std::isfinite(bar.low) && std::isfinite(bar.high);
  if (both && (bar.low < base) == (bar.high < base)) {
    const double far = std::abs(bar.low - base) > std::abs(bar.high - base) ? bar.low : bar.high;
    labels.push_back({far, fmt::format("{} {} · {} {}", spec.low_short, value_text(spec, bar.low),
                                       spec.high_short, value_text(spec, bar.high))});
    return labels;
  }
  for (const double value : {bar.low, bar.high}) {
    if (std::isfinite(value)) labels.push_back({value, value_text(spec, value)});
  }
  return labels;
}

void draw_legend(SvgWriter& w, const TornadoChartSpec& spec, double y) {
  w.open("g", {{"class", "legend"}, {"font-size", cs::kLabelSize}, {"fill", cs::kMutedText}});
  double x = cs::kPadding;
  for (const auto& [colour, text] :
       {std::pair{low_colour(), spec.low_legend}, std::pair{high_colour(), spec.high_legend}}) {
    w.element("rect", {{"x", x},
                       {"y", y - kSwatch + 2},
                       {"width", kSwatch},
                       {"height", kSwatch},
                       {"fill", colour}});
    w.text_element("text", {{"x", x + kSwatch + 6}, {"y", y}}, text);
    x += kSwatch + 6 + cs::text_width(text, cs::kLabelSize) + 24;
  }
  w.close();
}

/// Where everything goes: the value axis, the plot rectangle and the label column.
struct Layout {
  double width = 0, height = 0;
  double base = 0;         ///< the base run's value
  double label_width = 0;  ///< px, the input names left of the plot
  double legend_y = 0;     ///< baseline of the legend
  double left = 0, right = 0, top = 0, bottom = 0;
  Axis axis;

  double x(double value) const {
    return left + (right - left) * (value - axis.min) / (axis.max - axis.min);
  }
  /// The vertical centre of row `i`.
  double centre(std::size_t i) const { return top + kRowHeight * (static_cast<double>(i) + 0.5); }
};

Layout tornado_layout(const TornadoChartSpec& spec) {
  Layout l;
  l.width = std::max(spec.width, 320);
  l.base = finite_or(spec.base, 0);
  double lo = l.base, hi = l.base;
  // Room for the value labels: those left of the base on the left, the others on the right.
  double left_values = 0, right_values = 0;
  for (const TornadoBar& bar : spec.bars) {
    for (const EndLabel& label : end_labels(bar, l.base, spec)) {
      double& room = label.value < l.base ? left_values : right_values;
      room = std::max(room, cs::text_width(label.text, cs::kTickSize));
    }
    for (const double v : {bar.low, bar.high}) {
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  l.axis = nice_axis(lo, hi);
  for (const TornadoBar& bar : spec.bars) {
    l.label_width = std::max({l.label_width, cs::text_width(bar.label, cs::kTickSize),
                              cs::text_width(bar.range_note, cs::kTickSize)});
  }
  l.label_width = std::min(l.label_width, 0.4 * l.width);

  // Heading, legend, the base line's label, then the rows, the tick labels and the axis label.
  // (draw_heading's last baseline, computed ahead because the height depends on it.)
  const double heading_y = cs::heading_bottom(spec.title, spec.subtitle, l.width);
  l.legend_y = heading_y + 26;
  l.top = l.legend_y + 34;
  const double rows = static_cast<double>(std::max<std::size_t>(spec.bars.size(), 1));
  l.bottom = l.top + kRowHeight * rows;
  l.height = l.bottom + 24 + (spec.x_label.empty() ? 0 : 22) + cs::kPadding;
  l.left = cs::kPadding + l.label_width + 10 + left_values + 6;
  l.right = std::max(l.width - cs::kPadding - right_values - 6, l.left + 40);
  return l;
}

/// Each input's low and high bars from the base line, the longer first.
void draw_bars(SvgWriter& w, const TornadoChartSpec& spec, const Layout& l) {
  const double base = l.base, base_x = l.x(base);
  w.open("g", {{"class", "bars"}});
  for (std::size_t i = 0; i < spec.bars.size(); ++i) {
    const TornadoBar& bar = spec.bars[i];
    const double centre = l.centre(i);
    // The longer bar first, so a shorter one on the same side of the base stays visible.
    std::vector<std::pair<double, bool>> ends = {{bar.low, false}, {bar.high, true}};
    std::sort(ends.begin(), ends.end(), [base](const auto& a, const auto& b) {
      return std::abs(finite_or(a.first, base) - base) > std::abs(finite_or(b.first, base) - base);
    });
    for (const auto& [value, is_high] : ends) {
      if (!std::isfinite(value)) continue;
      const double x = l.x(value);
      w.element_with_title("rect",
                           {{"x", std::min(x, base_x)},
                            {"y", centre - kBarThickness / 2},
                            {"width", std::abs(x - base_x)},
                            {"height", kBarThickness},
                            {"fill", is_high ? high_colour() : low_colour()}},
                           fmt::format("{} at its {}: {}", bar.label, is_high ? "high" : "low",
                                       format_grouped(value, spec.value_suffix.empty() ? 0 : 1,
                                                      spec.currency_symbol) +
                                           spec.value_suffix));
    }
  }
  w.close();
}

/// Each input's name (and range note) left of the plot, and the values at its bars' ends.
void draw_row_labels(SvgWriter& w, const TornadoChartSpec& spec, const Layout& l) {
  w.open("g", {{"class", "labels"}, {"font-size", cs::kTickSize}});
  for (std::size_t i = 0; i < spec.bars.size(); ++i) {
    const TornadoBar& bar = spec.bars[i];
    const double centre = l.centre(i);
    const bool note = !bar.range_note.empty();
    w.text_element("text",
                   {{"x", cs::kPadding + l.label_width},
                    {"y", note ? centre - 1 : centre + 4},
                    {"text-anchor", "end"},
                    {"fill", cs::kText}},
                   cs::fit_text(bar.label, l.label_width, cs::kTickSize));
    if (note) {
      w.text_element("text",
                     {{"x", cs::kPadding + l.label_width},
                      {"y", centre + 12},
                      {"text-anchor", "end"},
                      {"fill", cs::kMutedText}},
                     cs::fit_text(bar.range_note, l.label_width, cs::kTickSize));
    }
    for (const EndLabel& label : end_labels(bar, l.base, spec)) {
      const double x = l.x(label.value);
      const bool left_side = label.value < l.base;
      w.text_element("text",
                     {{"x", left_side ? x - 5 : x + 5},
                      {"y", centre + 4},
                      {"text-anchor", left_side ? "end" : "start"},
                      {"fill", cs::kText}},
                     label.text);
    }
  }
  w.close();
}

/// The base line with its value above it, the axis label, and a note when there is no bar.
void draw_base_and_notes(SvgWriter& w, const TornadoChartSpec& spec, const Layout& l) {
  const double base_x = l.x(l.base);
  w.element("line", {{"x1", base_x},
                     {"y1", l.top - 6},
                     {"x2", base_x},
                     {"y2", l.bottom},
                     {"stroke", cs::kText},
                     {"stroke-width", 1.5}});
  w.text_element("text",
                 {{"x", base_x},
                  {"y", l.top - 10},
                  {"text-anchor", "middle"},
                  {"font-size", cs::kTickSize},
                  {"fill", cs::kText}},
                 fmt::format("base {}", value_text(spec, l.base)));
  if (!spec.x_label.empty()) {
    w.text_element("text",
                   {{"x", (l.left + l.right) / 2},
                    {"y", l.bottom + 40},
                    {"text-anchor", "middle"},
                    {"font-size", cs::kLabelSize},
                    {"fill", cs::kMutedText}},
                   cs::fit_text(spec.x_label, l.width - 2 * cs::kPadding, cs::kLabelSize));
  }
  if (spec.bars.empty()) {
    w.text_element("text",
                   {{"x", (l.left + l.right) / 2},
                    {"y", (l.top + l.bottom) / 2},
                    {"text-anchor", "middle"},
                    {"font-size", cs::kLabelSize},
                    {"fill", cs::kMutedText}},
                   "No uncertain input to show");
  }
}

}  // namespace

std::string render_tornado_chart(const TornadoChartSpec& spec) {
  const Layout l = tornado_layout(spec);
  SvgWriter w = cs::start_chart(l.width, l.height, spec.title);
  cs::draw_heading(w, spec.title, spec.subtitle, l.width);
  draw_legend(w, spec, l.legend_y);
  std::vector<double> tick_x;
  for (const double tick : l.axis.ticks) tick_x.push_back(l.x(tick));
  std::vector<std::string> tick_labels = axis_tick_labels(l.axis, spec.currency_symbol);
  for (std::string& label : tick_labels) label += spec.value_suffix;
  cs::draw_value_axis(w, tick_x, tick_labels, l.left, l.right, l.top, l.bottom);
  draw_bars(w, spec, l);
  draw_row_labels(w, spec, l);
  draw_base_and_notes(w, spec, l);
  return w.finish();
}

}  // namespace teamsim::app
