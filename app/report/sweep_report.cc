#include "app/report/sweep_report.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "app/charts/bar_chart.h"
#include "app/common/number_format.h"
#include "app/common/plural.h"
#include "app/common/version.h"
#include "app/common/xml_escape.h"
#include "app/report/html_page.h"
#include "app/results/terminal_table.h"
#include "app/scenario/scenario_keys.h"

namespace teamsim::app {
namespace {

/// A --vary value as written read as a number, a trailing '%' dropped (25% is 25) and '_' between
/// digits skipped (300_000); nullopt for a word, a date (2027-03), "inf" or "nan".
std::optional<double> written_number(const std::string& value) {
  std::string text;  // without the '_' between digits and a trailing '%'
  for (std::size_t i = 0; i < value.size(); ++i) {
    const bool between_digits = i > 0 && i + 1 < value.size() &&
                                std::isdigit(static_cast<unsigned char>(value[i - 1])) &&
                                std::isdigit(static_cast<unsigned char>(value[i + 1]));
    if (value[i] == '_' && between_digits) continue;
    text += value[i];
  }
  if (!text.empty() && text.back() == '%') text.pop_back();
  if (text.empty()) return std::nullopt;
  const char first = text.front();  // not "inf" or "nan"
  if (!std::isdigit(static_cast<unsigned char>(first)) && first != '-' && first != '+' &&
      first != '.') {
    return std::nullopt;
  }
  char* end = nullptr;
  const double number = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return number;
}

constexpr int kBarHeight = 26;  // px per point

// "pipeline.win_rate=0.15, hires[2].month=3"
std::string point_label(const SweepReportData& data, const SweepPointRow& point) {
  std::string label;
  for (std::size_t a = 0; a < data.parameters.size() && a < point.values.size(); ++a) {
    label += fmt::format("{}{}={}", a == 0 ? "" : ", ", data.parameters[a], point.values[a]);
  }
  return label;
}

std::string value_text(const SweepReportData& data, double value) {
  model::MetricInfo info;
  info.name = data.metric;
  info.unit = data.unit;
  return format_metric_value(info, value, currency_symbol(data.currency));
}

/// True when the key path names an amount of money (an annual quota, a salary, starting cash).
bool is_money_key(const std::string& key_path) {
  const std::optional<KeyAtPath> key = key_at_path(key_path);
  return key && key->key->label.unit == ValueUnit::kMoney;
}

/// A --vary value as the chart's bar label shows it: an amount of money compact with its
/// currency's symbol ("$400k", where the value was written 400000 or 400_000), anything else as
/// written.
std::string chart_value(const SweepReportData& data, std::size_t a, const std::string& value) {
  const std::optional<double> number = written_number(value);
  if (a >= data.parameters.size() || !is_money_key(data.parameters[a]) || !number ||
      value.ends_with('%')) {
    return value;
  }
  return format_compact(*number, currency_symbol(data.currency));
}

}  // namespace

std::string sweep_parameter_heading(const std::string& key_path, const std::string& currency) {
  const std::optional<KeyAtPath> key = key_at_path(key_path);
  if (key && key->key->label.unit == ValueUnit::kMoney && !currency.empty()) {
    return fmt::format("{} ({})", key_path, currency);
  }
  return key_path;
}

bool sweep_value_is_number(const std::string& value) { return written_number(value).has_value(); }

std::string sweep_mean_interval(const SweepReportData& data, const SweepPointRow& point) {
  const double half_width = 1.96 * point.se;
  if (!std::isfinite(half_width) || !std::isfinite(point.mean)) return "n/a";
  if (data.unit == "ratio") return fmt::format("± {} pts", format_grouped(100 * half_width, 1));
  return "± " + value_text(data, half_width);
}

std::string sweep_interval_note(const SweepReportData& data) {
  if (data.points.size() < 2) return "";
  return "± 95% CI: of each point's mean alone. Every point runs on the same random numbers, so\n"
         "the difference between two points is known more closely than their two intervals "
         "suggest\n(teamsim compare gives two plans' difference with its interval, and P(A>B)).";
}

bool defined_in_part(const SweepReportData& data, const SweepPointRow& point) {
  return point.defined > 0 && point.defined < data.replications;
}

std::string sweep_defined_footnote(const SweepReportData& data) {
  std::string lines;
  for (const SweepPointRow& point : data.points) {
    if (!defined_in_part(data, point)) continue;
    lines += fmt::format("* {}: over the {} of {} replications with a value\n",
                         point_label(data, point), point.defined, data.replications);
  }
  return lines;
}

std::optional<ReportChart> sweep_chart(const SweepReportData& data) {
  if (data.points.empty() || data.points.size() > kSweepChartMaxPoints) return std::nullopt;
  const bool ratio = data.unit == "ratio";
  BarChartSpec spec;
  spec.title = fmt::format("{} at {}, point by point", metric_title(data.metric),
                           data.months.phrase(data.month));
  // The plan first, as a run's charts name it: the chart is pasted alone into a slide.
  spec.subtitle = fmt::format(
      "{}median of {} per point (the bar) and p10-p90 (the line); every point on the "
      "same random numbers",
      data.scenario_name.empty() ? "" : data.scenario_name + " · ",
      grouped_count(data.replications, "replication"));
  spec.x_label = metric_axis_label(data.metric, data.unit, data.currency);
  spec.currency_symbol = data.unit == "currency" ? currency_symbol(data.currency) : "";
  if (ratio) spec.value_suffix.push_back('%');
  spec.whole_numbers = data.unit == "count";
  spec.orientation = BarOrientation::kHorizontal;
  spec.width = kReportChartWidth;
  spec.height = 150 + kBarHeight * static_cast<int>(data.points.size());
  // The bars are labelled by their values, short enough not to be cut; the keys head the labels.
  std::vector<std::string> headings;
  for (const std::string& parameter : data.parameters) {
    headings.push_back(sweep_parameter_heading(parameter, data.currency));
  }
  spec.y_label = fmt::format("{}", fmt::join(headings, ", "));
  for (const SweepPointRow& point : data.points) {
    const std::string label = point_label(data, point);
    // Money as a slide reads it ("$400k, 2"), not as written (400000, 2): the heading's "(USD)"
    // alone left the reader to count zeros.
    std::vector<std::string> shown;
    for (std::size_t a = 0; a < point.values.size(); ++a) {
      shown.push_back(chart_value(data, a, point.values[a]));
    }
    spec.labels.push_back(fmt::format("{}", fmt::join(shown, ", ")));
    spec.values.push_back(ratio ? 100 * point.p50 : point.p50);
    spec.intervals.emplace_back(ratio ? 100 * point.p10 : point.p10,
                                ratio ? 100 * point.p90 : point.p90);
    spec.hover_texts.push_back(fmt::format(
        "{}: median {} (p10 {} - p90 {}), mean {}", label, value_text(data, point.p50),
        value_text(data, point.p10), value_text(data, point.p90), value_text(data, point.mean)));
  }
  return ReportChart{"sweep", spec.title,
                     fmt::format("The median of {} at {} at each point of the grid.",
                                 metric_title(data.metric), data.months.phrase(data.month)),
                     render_bar_chart(spec)};
}

std::string render_sweep_html(const SweepReportData& data, const std::optional<ReportChart>& chart,
                              const std::string& generated_at) {
  const std::string title =
      fmt::format("{} at {} across {}", metric_title(data.metric), data.months.phrase(data.month),
                  counted(data.points.size(), "point"));
  std::string html = html_page_start(fmt::format("{} — teamsim sweep", title));
  html += "<header>\n<p class=\"kicker\">teamsim sweep report</p>\n";
  // Which plan was swept: its name (a variant's says so) and what --set changed at every point.
  const std::string varying = fmt::format("varying {}", fmt::join(data.parameters, ", "));
  html += fmt::format(
      "<h1>{}</h1>\n<p class=\"description\">{}</p>\n", xml_escape_text(title),
      xml_escape_text(data.scenario_name.empty() ? varying : data.scenario_name + ", " + varying));
  html += "<dl class=\"facts\">";
  html += html_path_fact("Scenario file", data.scenario_file);
  if (!data.variant.empty()) html += html_fact("Variant", data.variant);
  if (!data.overrides.empty()) {
    html += html_fact("--set (every point)", fmt::format("{}", fmt::join(data.overrides, ", ")));
  }
  html += html_fact("Points", fmt::format("{}", data.points.size()));
  html += html_fact("Replications per point",
                    format_grouped(static_cast<double>(data.replications), 0));
  html += html_fact("Seed", fmt::format("{}", data.seed));
  html += html_fact("teamsim version", kVersion);
  html += html_fact("Report generated", generated_at);
  html += "</dl>\n</header>\n";
  html += html_warnings_notice(data.warnings, "The swept scenario");

  // A key's column of numbers is aligned right, heading too, as the figures beside it are (the
  // page's first column is otherwise a label, aligned left).
  std::vector<bool> numeric(data.parameters.size(), !data.points.empty());
  for (const SweepPointRow& point : data.points) {
    for (std::size_t a = 0; a < numeric.size(); ++a) {
      if (a >= point.values.size() || !sweep_value_is_number(point.values[a])) numeric[a] = false;
    }
  }
  const auto cell_class = [&numeric](std::size_t a) {
    return a < numeric.size() && numeric[a] ? " class=\"num\"" : "";
  };
  std::string table = "<div class=\"table-wrap\"><table>\n<thead><tr>";
  for (std::size_t a = 0; a < data.parameters.size(); ++a) {
    table +=
        fmt::format("<th{}>{}</th>", cell_class(a),
                    xml_escape_text(sweep_parameter_heading(data.parameters[a], data.currency)));
  }
  table +=
      "<th>p10</th><th>p50</th><th>p90</th><th>mean</th><th>± 95% CI</th></tr></thead>\n"
      "<tbody>\n";
  for (const SweepPointRow& point : data.points) {
    table += "<tr>";
    for (std::size_t a = 0; a < point.values.size(); ++a) {
      table += fmt::format("<td{}>{}</td>", cell_class(a), xml_escape_text(point.values[a]));
    }
    // A point over fewer than all its replications is marked, with the count in a footnote.
    const std::string mark = defined_in_part(data, point) ? "*" : "";
    for (const double v : {point.p10, point.p50, point.p90, point.mean}) {
      table += fmt::format("<td>{}{}</td>", xml_escape_text(value_text(data, v)), mark);
    }
    table += fmt::format("<td>{}</td>", xml_escape_text(sweep_mean_interval(data, point)));
    table += "</tr>\n";
  }
  table += "</tbody></table></div>\n";
  if (const std::string note = sweep_interval_note(data); !note.empty()) {
    table += "<p class=\"lead\">" + xml_escape_text(note) + "</p>\n";
  }
  std::string footnote = sweep_defined_footnote(data);
  if (!footnote.empty()) {
    footnote.pop_back();  // the last newline
    std::string lines = xml_escape_text(footnote);
    for (std::size_t at = lines.find('\n'); at != std::string::npos; at = lines.find('\n', at)) {
      lines.replace(at, 1, "<br>");
    }
    table += "<p class=\"lead\">" + lines + "</p>\n";
  }
  html += html_section("points", "Every point",
                       fmt::format("{} at {}: 10th, 50th and 90th percentile and mean over the "
                                   "replications of each point, with the mean's 95% interval.",
                                   metric_title(data.metric), data.months.phrase(data.month)),
                       table);
  html += html_warnings_section(data.warnings);
  if (chart) {
    html += html_section("chart", "Chart", "", html_figures({*chart}));
  } else {
    html += html_section("chart", "Chart",
                         fmt::format("No chart: {} points are more than one chart shows ({}).",
                                     data.points.size(), kSweepChartMaxPoints),
                         "");
  }
  html += html_page_end(fmt::format(
      "Generated by teamsim {} on {}. Data: <code>sweep.csv</code>, <code>sweep.json</code>.",
      xml_escape_text(kVersion), xml_escape_text(generated_at)));
  return html;
}

}  // namespace teamsim::app
