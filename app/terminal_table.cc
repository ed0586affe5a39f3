#include "app/terminal_table.h"

#include <fmt/format.h>

#include <cmath>
#include <utility>

namespace teamsim::app {
namespace {

/// Index of p10, p50 and p90 in sim::kReportedPercentiles.
constexpr Eigen::Index kP10 = 1, kP50 = 3, kP90 = 5;

struct Row {
  const char* metric;
  const char* label;
};

constexpr Row kRows[] = {
    {"arr", "ARR"},
    {"mrr", "MRR"},
    {"new_bookings", "New bookings (month)"},
    {"customers", "Customers"},
    {"logo_churn", "Logo churn (month)"},
    {"headcount_total", "Headcount"},
    {"ramped_capacity", "Ramped AE capacity (FTE)"},
    {"departures", "Departures (month)"},
    {"payroll", "Payroll (month)"},
    {"cash", "Cash"},
};

}  // namespace

std::string currency_symbol(const std::string& currency) {
  if (currency == "USD") return "$";
  if (currency == "EUR") return "€";
  if (currency == "GBP") return "£";
  return "";
}

std::string human_number(double value, const std::string& currency_symbol) {
  const double magnitude = std::fabs(value);
  const char* sign = value < 0 ? "-" : "";
  if (magnitude >= 1e9) return fmt::format("{}{}{:.2f}B", sign, currency_symbol, magnitude / 1e9);
  if (magnitude >= 1e6) return fmt::format("{}{}{:.2f}M", sign, currency_symbol, magnitude / 1e6);
  if (magnitude >= 1e4) return fmt::format("{}{}{:.1f}k", sign, currency_symbol, magnitude / 1e3);
  if (magnitude >= 1e3) return fmt::format("{}{}{:.2f}k", sign, currency_symbol, magnitude / 1e3);
  if (magnitude >= 100 || magnitude == std::round(magnitude)) {
    return fmt::format("{}{}{:.0f}", sign, currency_symbol, magnitude);
  }
  return fmt::format("{}{}{:.1f}", sign, currency_symbol, magnitude);
}

std::vector<int> key_months(int horizon_months) {
  std::vector<int> months;
  for (const int month : {12, 24, 36}) {
    if (month <= horizon_months) months.push_back(month);
  }
  // A horizon between the key months (or shorter than a year) also shows its last month.
  if (months.size() < 3 && (months.empty() || months.back() < horizon_months)) {
    months.push_back(horizon_months);
  }
  return months;
}

std::string key_metrics_table(const RunSummary& summary) {
  const std::vector<int> months = key_months(summary.horizon_months);
  const std::string symbol = currency_symbol(summary.currency);
  constexpr int kLabelWidth = 26;
  constexpr int kCellWidth = 9;
  std::string out = fmt::format("{:<{}}", "", kLabelWidth);
  for (const int month : months) {
    out += fmt::format(" │{:^{}}", fmt::format("month {}", month), 3 * kCellWidth);
  }
  out += '\n';
  out += fmt::format("{:<{}}", "(p10 / p50 / p90)", kLabelWidth);
  for (std::size_t i = 0; i < months.size(); ++i) {
    out += fmt::format(" │{:>{}}{:>{}}{:>{}}", "p10", kCellWidth, "p50", kCellWidth, "p90",
                       kCellWidth);
  }
  out += '\n';
  for (const Row& row : kRows) {
    const MetricSummary* metric = summary.find(row.metric);
    if (metric == nullptr) continue;
    const std::string prefix = metric->info.unit == "currency" ? symbol : "";
    out += fmt::format("{:<{}}", row.label, kLabelWidth);
    for (const int month : months) {
      const auto& p = metric->stats.percentiles;
      const Eigen::Index m = month - 1;
      out += fmt::format(" │{:>{}}{:>{}}{:>{}}", human_number(p(m, kP10), prefix), kCellWidth,
                         human_number(p(m, kP50), prefix), kCellWidth,
                         human_number(p(m, kP90), prefix), kCellWidth);
    }
    out += '\n';
  }
  return out;
}

}  // namespace teamsim::app
