#include "app/charts/chart_style.h"

#include <algorithm>

namespace teamsim::app::chart_style {
namespace {

/// Whether byte c starts a UTF-8 code point (is not a continuation byte).
bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

/// Average advance of a character, in em, by class: narrow, wide, digits and the rest.
double char_em(char c) {
  if (std::string_view("iljtf.,:;'!|I ()[]").find(c) != std::string_view::npos) return 0.34;
  if (std::string_view("mwMW@%").find(c) != std::string_view::npos) return 0.85;
  if (c >= '0' && c <= '9') return 0.62;
  if (c >= 'A' && c <= 'Z') return 0.7;
  return 0.6;
}

}  // namespace

std::string_view series_colour(std::size_t index) {
  return kSeriesColours[index % kSeriesColours.size()];
}

double text_width(std::string_view text, double font_size) {
  double em = 0;
  for (char c : text) {
    if (!starts_code_point(c)) continue;
    em += static_cast<unsigned char>(c) < 0x80 ? char_em(c) : 0.6;
  }
  return em * font_size;
}

std::string fit_text(std::string_view text, double max_width, double font_size) {
  if (text_width(text, font_size) <= max_width) return std::string(text);
  const std::string_view ellipsis = "\xE2\x80\xA6";
  std::size_t end = text.size();
  while (end > 0) {
    do {
      --end;
    } while (end > 0 && !starts_code_point(text[end]));
    std::string candidate = std::string(text.substr(0, end)) + std::string(ellipsis);
    if (text_width(candidate, font_size) <= max_width) return candidate;
  }
  return std::string(ellipsis);
}

SvgWriter start_chart(double width, double height, std::string_view title) {
  SvgWriter w(width, height,
              {{"role", "img"}, {"aria-label", title}, {"font-family", kFontFamily}});
  w.text_element("title", {}, title);
  w.element("rect", {{"width", width}, {"height", height}, {"fill", "#FFFFFF"}});
  return w;
}

namespace {

// The separator of a subtitle's parts ("... random numbers · 200 replications").
constexpr std::string_view kSeparator = "\xC2\xB7";
constexpr std::string_view kSpacedSeparator = " \xC2\xB7 ";

// Greedy: as many words on each line as fit, the last line cut when `max_lines` do not hold all.
// A separator " · " joins the words beside it on one line; where the line breaks between them,
// the break takes its place, so no line starts or ends with a stray "·".
std::vector<std::string> wrap_greedy(std::string_view text, double max_width, double font_size,
                                     std::size_t max_lines) {
  std::vector<std::string> lines;
  std::string line;
  bool separated = false;  // a separator stands between `line` and the next word
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word == kSeparator && !line.empty()) {
      separated = true;
      continue;
    }
    std::string candidate = line;
    if (!candidate.empty()) candidate.append(separated ? kSpacedSeparator : std::string_view(" "));
    candidate.append(word);
    if (!line.empty() && text_width(candidate, font_size) > max_width &&
        lines.size() + 1 < max_lines) {
      lines.push_back(line);
      line = std::string(word);
    } else {
      line = candidate;
    }
    separated = false;
  }
  if (separated) line.append(" ").append(kSeparator);
  if (!line.empty() || lines.empty()) lines.push_back(line);
  lines.back() = fit_text(lines.back(), max_width, font_size);
  return lines;
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, double max_width, double font_size,
                                   std::size_t max_lines) {
  std::vector<std::string> lines = wrap_greedy(text, max_width, font_size, max_lines);
  if (lines.size() < 2 || lines.back().ends_with("\xE2\x80\xA6")) return lines;
  // Balanced: the narrowest width giving as many lines, so no word is left alone on the last.
  for (double width = 0.96 * max_width; width > 0.4 * max_width; width *= 0.96) {
    std::vector<std::string> narrower = wrap_greedy(text, width, font_size, max_lines);
    if (narrower.size() != lines.size() || narrower.back().ends_with("\xE2\x80\xA6")) break;
    lines = std::move(narrower);
  }
  return lines;
}

namespace {

// Titles are drawn bold (font-weight 600), whose glyphs are wider than text_width's classes,
// which follow a regular weight: DejaVu Sans Bold (system-ui's face on most Linux desktops and in
// headless Chromium) sets "Seed-stage SaaS: manager first, three AEs in year one" 8 % wider
// than the estimate. A title is wrapped as if its line were this much shorter.
constexpr double kBoldWidthFactor = 1.1;

constexpr std::size_t kTitleLines = 3;
constexpr std::size_t kSubtitleLines = 2;
constexpr double kTitleLineHeight = kTitleSize + 5;
constexpr double kSubtitleLineHeight = kSubtitleSize + 4;

}  // namespace

double heading_bottom(std::string_view title, std::string_view subtitle, double width) {
  const double max_width = std::max(width - 2 * kPadding, 10.0);
  double y = kPadding + kTitleSize - 4;
  if (!title.empty()) {
    const std::size_t lines =
        wrap_text(title, max_width / kBoldWidthFactor, kTitleSize, kTitleLines).size();
    y += kTitleLineHeight * static_cast<double>(lines - 1);
  }
  if (!subtitle.empty()) {
    const std::size_t lines = wrap_text(subtitle, max_width, kSubtitleSize, kSubtitleLines).size();
    y += kSubtitleSize + 7 + kSubtitleLineHeight * static_cast<double>(lines - 1);
  }
  return y;
}

double draw_heading(SvgWriter& w, std::string_view title, std::string_view subtitle, double width) {
  const double max_width = std::max(width - 2 * kPadding, 10.0);
  double y = kPadding + kTitleSize - 4;
  if (!title.empty()) {
    const auto lines = wrap_text(title, max_width / kBoldWidthFactor, kTitleSize, kTitleLines);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) y += kTitleLineHeight;
      w.text_element("text",
                     {{"x", kPadding},
                      {"y", y},
                      {"font-size", kTitleSize},
                      {"font-weight", 600},
                      {"fill", kText}},
                     lines[i]);
    }
  }
  if (!subtitle.empty()) {
    y += kSubtitleSize + 7;
    const auto lines = wrap_text(subtitle, max_width, kSubtitleSize, kSubtitleLines);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) y += kSubtitleLineHeight;
      w.text_element(
          "text", {{"x", kPadding}, {"y", y}, {"font-size", kSubtitleSize}, {"fill", kMutedText}},
          lines[i]);
    }
  }
  return y;
}

void draw_value_axis(SvgWriter& w, const std::vector<double>& tick_x,
                     const std::vector<std::string>& tick_labels, double left, double right,
                     double top, double bottom) {
  w.open("g", {{"class", "value-axis"}, {"font-size", kTickSize}, {"fill", kMutedText}});
  for (std::size_t i = 0; i < tick_x.size(); ++i) {
    const double x = tick_x[i];
    w.element("line", {{"x1", x},
                       {"y1", top},
                       {"x2", x},
                       {"y2", bottom},
                       {"stroke", kGrid},
                       {"stroke-width", 1}});
    w.text_element("text", {{"x", x}, {"y", bottom + 17}, {"text-anchor", "middle"}},
                   tick_labels[i]);
  }
  w.close();
  draw_plot_area(w, left, right, top, bottom);
}

void draw_plot_area(SvgWriter& w, double left, double right, double top, double bottom) {
  w.element("rect", {{"class", "plot-area"},
                     {"x", left},
                     {"y", top},
                     {"width", right - left},
                     {"height", bottom - top},
                     {"fill", "none"}});
}

void draw_horizontal_gridlines(SvgWriter& w, std::string_view group_class,
                               const std::vector<double>& tick_y,
                               const std::vector<std::string>& tick_labels, double left,
                               double right) {
  w.open("g", {{"class", group_class}, {"font-size", kTickSize}, {"fill", kMutedText}});
  for (std::size_t i = 0; i < tick_y.size(); ++i) {
    const double y = tick_y[i];
    w.element("line", {{"x1", left},
                       {"y1", y},
                       {"x2", right},
                       {"y2", y},
                       {"stroke", kGrid},
                       {"stroke-width", 1}});
    w.text_element("text", {{"x", left - 8}, {"y", y + 4}, {"text-anchor", "end"}}, tick_labels[i]);
  }
  w.close();
}

}  // namespace teamsim::app::chart_style
