#include "app/report/sensitivity_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "app/common/number_format.h"
#include "app/report/report_charts.h"
#include "app/results/terminal_table.h"

namespace teamsim::app {
namespace {

std::string signed_compact(double value, const std::string& symbol) {
  return fmt::format("{}{}", value > 0 ? "+" : "", format_compact(value, symbol));
}

/// "p10" for 0.1.
std::string quantile_label(double q) { return fmt::format("p{:g}", q * 100); }

std::string symbol_for(const SensitivityResult& result, const std::string& currency) {
  return result.metric.unit == "currency" ? currency_symbol(currency) : "";
}

}  // namespace

std::string sensitivity_table(const SensitivityResult& result, const std::string& currency,
                              std::size_t max_rows) {
  const std::string symbol = symbol_for(result, currency);
  const std::string lo = quantile_label(result.low_quantile);
  const std::string hi = quantile_label(result.high_quantile);
  std::string out = fmt::format(
      "{} at month {}: base mean {} ± {} (95% CI), p50 {}\n", metric_title(result.metric.name),
      result.metric.month, format_compact(result.base.mean, symbol),
      format_compact(1.96 * result.base.se, symbol), format_compact(result.base.p50, symbol));
  out += fmt::format(
      "Each input pinned at its {}, then its {}, on the base run's random numbers ({} "
      "replications, seed {}).\n\n",
      lo, hi, result.replications, result.seed);
  std::size_t width = 5;  // the input column fits the longest key path shown
  std::size_t shown = 0;
  for (const InputSensitivity& input : result.inputs) {
    if (input.status != InputStatus::kAnalysed || ++shown > max_rows) continue;
    width = std::max(width, input.key_path.size());
  }
  out += fmt::format("{:>3}  {:<{}} {:>16} {:>12} {:>12} {:>19} {:>9}\n", "#", "input", width,
                     fmt::format("{} .. {}", lo, hi), fmt::format("mean at {}", lo),
                     fmt::format("mean at {}", hi), "swing ± 95% CI", "rank corr");
  std::size_t rank = 0, constant = 0, not_drawn = 0, hidden = 0;
  for (const InputSensitivity& input : result.inputs) {
    if (input.status == InputStatus::kConstant) ++constant;
    if (input.status == InputStatus::kNotDrawn) ++not_drawn;
    if (input.status != InputStatus::kAnalysed) continue;
    if (++rank > max_rows) {
      ++hidden;
      continue;
    }
    out += fmt::format(
        "{:>3}  {:<{}} {:>16} {:>12} {:>12} {:>19} {:>9}\n", rank, input.key_path, width,
        fmt::format("{} .. {}", format_compact(input.low_value), format_compact(input.high_value)),
        format_compact(input.low.mean, symbol), format_compact(input.high.mean, symbol),
        fmt::format("{} ± {}", signed_compact(input.swing, symbol),
                    format_compact(1.96 * input.swing_se, symbol)),
        std::isnan(input.rank_correlation) ? std::string("n/a")
                                           : fmt::format("{:+.2f}", input.rank_correlation));
  }
  if (rank == 0) out += "     (no uncertain input varies in this scenario)\n";
  out += '\n';
  if (hidden > 0) out += fmt::format("{} more analysed inputs in sensitivity.csv. ", hidden);
  out += fmt::format(
      "Left out: {} constant input{}, {} never drawn (e.g. roles nobody is hired into); both have "
      "no effect.\n",
      constant, constant == 1 ? "" : "s", not_drawn);
  const double noise = result.replications > 1
                           ? 1.96 / std::sqrt(static_cast<double>(result.replications - 1))
                           : 1.0;
  out += fmt::format(
      "rank corr: Spearman correlation, over the base run's replications, of what the input drew "
      "(its mean draw)\nwith {}; below about {:.2f} in size it is indistinguishable from noise.\n",
      metric_title(result.metric.name), noise);
  return out;
}

TornadoChartSpec sensitivity_tornado(const SensitivityResult& result, const std::string& currency,
                                     std::size_t max_bars) {
  TornadoChartSpec chart;
  const std::string title = metric_title(result.metric.name);
  chart.title = fmt::format("What moves {} at month {}", title, result.metric.month);
  chart.currency_symbol = symbol_for(result, currency);
  chart.base = result.base.mean;
  chart.low_legend = fmt::format("input at its {}", quantile_label(result.low_quantile));
  chart.high_legend = fmt::format("input at its {}", quantile_label(result.high_quantile));
  chart.x_label = fmt::format("Mean {} at month {}", title, result.metric.month);
  std::size_t analysed = 0;
  for (const InputSensitivity& input : result.inputs) {
    if (input.status != InputStatus::kAnalysed) continue;
    ++analysed;
    if (chart.bars.size() >= max_bars) continue;
    chart.bars.push_back(
        {input.key_path,
         fmt::format("{} .. {}", format_compact(input.low_value), format_compact(input.high_value)),
         input.low.mean, input.high.mean});
  }
  chart.subtitle = fmt::format(
      "Mean of {} replications with one input pinned at a time; {}{} uncertain inputs",
      result.replications,
      chart.bars.size() < analysed ? fmt::format("top {} of ", chart.bars.size()) : "", analysed);
  return chart;
}

}  // namespace teamsim::app
