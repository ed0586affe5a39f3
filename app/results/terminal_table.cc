#include "app/results/terminal_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "app/common/number_format.h"
#include "app/common/utf8.h"
#include "sim/statistics.h"

namespace teamsim::app {

bool defined_in_part(const MetricSummary& metric, std::size_t replications, Eigen::Index month) {
  return month < metric.stats.defined.size() && metric.stats.defined(month) > 0 &&
         metric.stats.defined(month) < static_cast<double>(replications);
}

std::string defined_footnote(const MetricSummary& metric, std::string_view label,
                             const std::vector<int>& months, std::size_t replications,
                             const MonthNames& names) {
  std::string lines;
  for (const int month : months) {
    if (!defined_in_part(metric, replications, month - 1)) continue;
    lines += fmt::format("* {}, {}: over the {:.0f} of {} replications with a value\n", label,
                         names.phrase(month), metric.stats.defined(month - 1), replications);
  }
  return lines;
}

std::string_view key_metric_label(std::string_view metric) {
  for (const KeyMetricRow& row : kKeyMetricRows) {
    if (row.metric == metric) return row.label;
  }
  return metric;
}

std::string_view key_metric_title(std::string_view metric) {
  std::string_view label = key_metric_label(metric);
  if (label == metric || !label.ends_with(')')) return label;
  const std::size_t open = label.rfind(" (");
  return open == std::string_view::npos ? label : label.substr(0, open);
}

std::string format_metric_value(const model::MetricInfo& info, double value,
                                const std::string& currency_symbol) {
  return format_metric_number(value, info.unit, currency_symbol);
}

std::vector<int> key_months(int horizon_months) {
  std::vector<int> months;
  for (const int month : {12, 24, 36}) {
    if (month <= horizon_months) months.push_back(month);
  }
  // The horizon is the month the plan is judged at, so its last month is always shown too.
  if (months.empty() || months.back() < horizon_months) months.push_back(horizon_months);
  return months;
}

namespace {

constexpr int kLabelWidth = 26;

/// Columns of one p10/p50/p90 cell: 9, as " -$12.3M" and " 100.0%*" need; wide enough for
/// " -JPY 12.3M" when the currency is a code, so amounts keep their unit and columns line up.
int cell_width(const std::string& symbol) {
  return std::max(9, 7 + static_cast<int>(utf8_width(symbol)));
}

/// Columns of one month: " │" and p10, p50, p90.
std::size_t month_width(int cell) { return 2 + 3 * static_cast<std::size_t>(cell); }

std::string key_metrics_block(const RunSummary& summary, const std::vector<int>& months) {
  const std::string symbol = currency_symbol(summary.currency);
  const int cell = cell_width(symbol);
  const MonthNames names = summary.month_names();
  std::string out = fmt::format("{:<{}}", "", kLabelWidth);
  for (const int month : months) {
    out += fmt::format(" │{:^{}}", names.phrase(month), 3 * cell);
  }
  out += '\n';
  out += fmt::format("{:<{}}", "(p10 / p50 / p90)", kLabelWidth);
  for (std::size_t i = 0; i < months.size(); ++i) {
    out += fmt::format(" │{:>{}}{:>{}}{:>{}}", "p10", cell, "p50", cell, "p90", cell);
  }
  out += '\n';
  std::string footnotes;
  for (const KeyMetricRow& row : kKeyMetricRows) {
    const MetricSummary* metric = summary.find(std::string(row.metric));
    if (metric == nullptr) continue;
    out += fmt::format("{:<{}}", row.label, kLabelWidth);
    for (const int month : months) {
      const auto& p = metric->stats.percentiles;
      const Eigen::Index m = month - 1;
      // A ratio undefined in some histories (no ramped AE yet): its cells are over the others.
      const std::string mark = defined_in_part(*metric, summary.replications, m) ? "*" : "";
      for (const Eigen::Index column : {sim::kColumnP10, sim::kColumnP50, sim::kColumnP90}) {
        const std::string value = format_metric_value(metric->info, p(m, column), symbol);
        // At least one space before every cell, also one as wide as the column ("$9.81e119").
        out += fmt::format("{}{:>{}}", column == sim::kColumnP10 ? " │" : "",
                           " " + (std::isfinite(p(m, column)) ? value + mark : value), cell);
      }
    }
    out += '\n';
    footnotes += defined_footnote(*metric, row.label, months, summary.replications, names);
  }
  if (const MetricSummary* risk = summary.find(kCashEverNegativeMetric)) {
    out += fmt::format("{:<{}}", "P(cash < 0) by then", kLabelWidth);
    for (const int month : months) {
      out += fmt::format(
          " │{:>{}}", format_metric_value(risk->info, risk->stats.mean(month - 1), ""), 3 * cell);
    }
    out += '\n';
  }
  return out + footnotes;
}

}  // namespace

std::string runway_line(const RunSummary& summary) {
  if (summary.find(kCashEverNegativeMetric) == nullptr) return "";
  const std::optional<int> runway_end = first_month_at_risk(summary, kRunwayRisk);
  const MonthNames names = summary.month_names();
  if (!runway_end) {
    return fmt::format("Runway: P(cash < 0) stays below {:.0f} % through {}.\n", 100 * kRunwayRisk,
                       names.phrase(summary.horizon_months));
  }
  const std::optional<int> even_odds = first_month_at_risk(summary, 0.5);
  return fmt::format("Runway: P(cash < 0) reaches {:.0f} % in {}{}.\n", 100 * kRunwayRisk,
                     names.phrase(*runway_end),
                     even_odds ? fmt::format(" (50 % in {})", names.phrase(*even_odds))
                               : fmt::format(" (stays below 50 % through {})",
                                             names.phrase(summary.horizon_months)));
}

std::string key_metrics_table(const RunSummary& summary, std::size_t max_columns) {
  const std::vector<int> months = key_months(summary.horizon_months);
  std::size_t per_block = months.size();
  if (max_columns > 0) {
    const std::size_t room = max_columns > kLabelWidth ? max_columns - kLabelWidth : 0;
    const std::size_t width = month_width(cell_width(currency_symbol(summary.currency)));
    per_block = std::clamp<std::size_t>(room / width, 1, months.size());
  }
  std::string out;
  for (std::size_t first = 0; first < months.size(); first += per_block) {
    if (first > 0) out += '\n';
    const std::size_t last = std::min(first + per_block, months.size());
    out += key_metrics_block(summary,
                             std::vector<int>(months.begin() + static_cast<std::ptrdiff_t>(first),
                                              months.begin() + static_cast<std::ptrdiff_t>(last)));
  }
  const std::string runway = runway_line(summary);
  if (!runway.empty()) out += '\n' + runway;
  return out;
}

}  // namespace teamsim::app
