#include "app/charts/tornado_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "app/charts/chart_axis.h"
#include "app/charts/chart_style.h"
#include "app/charts/svg_writer.h"

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

/// A value label at the outer end of a bar.
struct EndLabel {
  double value;
  std::string text;
};

/// The outcome at each bar's outer end; when both ends lie on one side of the base, one label at
/// the farther end names both, so the two cannot overlap.
std::vector<EndLabel> end_labels(const TornadoBar& bar, double base, const TornadoChartSpec& spec) {
  const std::string& symbol = spec.currency_symbol;
  std::vector<EndLabel> labels;
  const bool both = std::isfinite(bar.low) && std::isfinite(bar.high);
  if (both && (bar.low < base) == (bar.high < base)) {
    const double far = std::abs(bar.low - base) > std::abs(bar.high - base) ? bar.low : bar.high;
    labels.push_back(
        {far, fmt::format("{} {} · {} {}", spec.low_short, format_compact(bar.low, symbol),
                          spec.high_short, format_compact(bar.high, symbol))});
    return labels;
  }
  for (const double value : {bar.low, bar.high}) {
    if (std::isfinite(value)) labels.push_back({value, format_compact(value, symbol)});
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

}  // namespace

std::string render_tornado_chart(const TornadoChartSpec& spec) {
  const double width = std::max(spec.width, 320);
  const std::size_t count = spec.bars.size();
  const double base = finite_or(spec.base, 0);
  double lo = base, hi = base;
  // Room for the value labels: those left of the base on the left, the others on the right.
  double left_values = 0, right_values = 0;
  for (const TornadoBar& bar : spec.bars) {
    for (const EndLabel& label : end_labels(bar, base, spec)) {
      double& room = label.value < base ? left_values : right_values;
      room = std::max(room, cs::text_width(label.text, cs::kTickSize));
    }
    for (const double v : {bar.low, bar.high}) {
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  const Axis axis = nice_axis(lo, hi);
  const std::vector<std::string> tick_labels = axis_tick_labels(axis, spec.currency_symbol);

  double label_width = 0;
  for (const TornadoBar& bar : spec.bars) {
    label_width = std::max({label_width, cs::text_width(bar.label, cs::kTickSize),
                            cs::text_width(bar.range_note, cs::kTickSize)});
  }
  label_width = std::min(label_width, 0.4 * width);

  // Heading, legend, the base line's label, then the rows, the tick labels and the axis label.
  // (draw_heading's last baseline, computed ahead because the height depends on it.)
  const double heading_y =
      cs::kPadding + cs::kTitleSize - 4 + (spec.subtitle.empty() ? 0 : cs::kSubtitleSize + 7);
  const double legend_y = heading_y + 26;
  const double top = legend_y + 34;
  const double rows_height = kRowHeight * static_cast<double>(std::max<std::size_t>(count, 1));
  const double bottom = top + rows_height;
  const double height = bottom + 24 + (spec.x_label.empty() ? 0 : 22) + cs::kPadding;
  const double left = cs::kPadding + label_width + 10 + left_values + 6;
  const double right = std::max(width - cs::kPadding - right_values - 6, left + 40);
  auto at = [&](double v) {
    return left + (right - left) * (v - axis.min) / (axis.max - axis.min);
  };

  SvgWriter w = cs::start_chart(width, height, spec.title);
  cs::draw_heading(w, spec.title, spec.subtitle, width);
  draw_legend(w, spec, legend_y);

  std::vector<double> tick_x;
  for (const double tick : axis.ticks) tick_x.push_back(at(tick));
  cs::draw_value_axis(w, tick_x, tick_labels, left, right, top, bottom);

  const double base_x = at(base);
  w.open("g", {{"class", "bars"}});
  for (std::size_t i = 0; i < count; ++i) {
    const TornadoBar& bar = spec.bars[i];
    const double centre = top + kRowHeight * (static_cast<double>(i) + 0.5);
    // The longer bar first, so a shorter one on the same side of the base stays visible.
    std::vector<std::pair<double, bool>> ends = {{bar.low, false}, {bar.high, true}};
    std::sort(ends.begin(), ends.end(), [base](const auto& a, const auto& b) {
      return std::abs(finite_or(a.first, base) - base) > std::abs(finite_or(b.first, base) - base);
    });
    for (const auto& [value, is_high] : ends) {
      if (!std::isfinite(value)) continue;
      const double x = at(value);
      w.element_with_title("rect",
                           {{"x", std::min(x, base_x)},
                            {"y", centre - kBarThickness / 2},
                            {"width", std::abs(x - base_x)},
                            {"height", kBarThickness},
                            {"fill", is_high ? high_colour() : low_colour()}},
                           fmt::format("{} at its {}: {}", bar.label, is_high ? "high" : "low",
                                       format_grouped(value, 0, spec.currency_symbol)));
    }
  }
  w.close();

  w.open("g", {{"class", "labels"}, {"font-size", cs::kTickSize}});
  for (std::size_t i = 0; i < count; ++i) {
    const TornadoBar& bar = spec.bars[i];
    const double centre = top + kRowHeight * (static_cast<double>(i) + 0.5);
    const bool note = !bar.range_note.empty();
    w.text_element("text",
                   {{"x", cs::kPadding + label_width},
                    {"y", note ? centre - 1 : centre + 4},
                    {"text-anchor", "end"},
                    {"fill", cs::kText}},
                   cs::fit_text(bar.label, label_width, cs::kTickSize));
    if (note) {
      w.text_element("text",
                     {{"x", cs::kPadding + label_width},
                      {"y", centre + 12},
                      {"text-anchor", "end"},
                      {"fill", cs::kMutedText}},
                     cs::fit_text(bar.range_note, label_width, cs::kTickSize));
    }
    for (const EndLabel& label : end_labels(bar, base, spec)) {
      const double x = at(label.value);
      const bool left_side = label.value < base;
      w.text_element("text",
                     {{"x", left_side ? x - 5 : x + 5},
                      {"y", centre + 4},
                      {"text-anchor", left_side ? "end" : "start"},
                      {"fill", cs::kText}},
                     label.text);
    }
  }
  w.close();

  w.element("line", {{"x1", base_x},
                     {"y1", top - 6},
                     {"x2", base_x},
                     {"y2", bottom},
                     {"stroke", cs::kText},
                     {"stroke-width", 1.5}});
  w.text_element("text",
                 {{"x", base_x},
                  {"y", top - 10},
                  {"text-anchor", "middle"},
                  {"font-size", cs::kTickSize},
                  {"fill", cs::kText}},
                 fmt::format("base {}", format_compact(base, spec.currency_symbol)));
  if (!spec.x_label.empty()) {
    w.text_element("text",
                   {{"x", (left + right) / 2},
                    {"y", bottom + 40},
                    {"text-anchor", "middle"},
                    {"font-size", cs::kLabelSize},
                    {"fill", cs::kMutedText}},
                   cs::fit_text(spec.x_label, width - 2 * cs::kPadding, cs::kLabelSize));
  }
  if (count == 0) {
    w.text_element("text",
                   {{"x", (left + right) / 2},
                    {"y", (top + bottom) / 2},
                    {"text-anchor", "middle"},
                    {"font-size", cs::kLabelSize},
                    {"fill", cs::kMutedText}},
                   "No uncertain input to show");
  }
  return w.finish();
}

}  // namespace teamsim::app
