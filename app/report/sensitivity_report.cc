#include "app/report/sensitivity_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "app/common/number_format.h"
#include "app/common/plural.h"
#include "app/common/sentence_case.h"
#include "app/common/utf8.h"
#include "app/results/sensitivity_files.h"
#include "app/results/terminal_table.h"

namespace teamsim::app {
namespace {

std::string signed_compact(double value, const std::string& symbol) {
  return fmt::format("{}{}", value > 0 ? "+" : "", format_compact(value, symbol));
}

/// A value of the analysed metric: a ratio as a percentage ("22.4%"), else compact with the
/// currency symbol for money.
std::string metric_value(const SensitivityResult& result, double value, const std::string& symbol) {
  if (result.metric.unit == "ratio" && std::isfinite(value)) {
    return format_grouped(100 * value, 1) + "%";
  }
  return format_compact(value, symbol);
}

/// A difference of the analysed metric: a ratio's in percentage points ("+11.2 pts", so that it
/// is not read as a relative change), else as metric_value; `sign` adds "+" to a positive one.
std::string metric_difference(const SensitivityResult& result, double value,
                              const std::string& symbol, bool sign) {
  if (result.metric.unit == "ratio" && std::isfinite(value)) {
    return fmt::format("{}{} pts", sign && value > 0 ? "+" : "", format_grouped(100 * value, 1));
  }
  return sign ? signed_compact(value, symbol) : format_compact(value, symbol);
}

/// "p10" for 0.1.
std::string quantile_label(double q) { return fmt::format("p{:g}", q * 100); }

std::string symbol_for(const SensitivityResult& result, const std::string& currency) {
  return result.metric.unit == "currency" ? currency_symbol(currency) : "";
}

/// `text` padded with spaces to `width` columns (UTF-8 aware), on the left or the right.
std::string pad(const std::string& text, std::size_t width, bool right_align) {
  const std::size_t shown = utf8_width(text);
  const std::string fill(width > shown ? width - shown : 0, ' ');
  return right_align ? fill + text : text + fill;
}

/// What the ranges were: "distributions at their p10 and p90, constants at ± 20 %" (the one
/// range most constants had).
std::string how_varied(const SensitivityResult& result) {
  std::vector<double> ranges;
  bool distributions = false;
  for (const InputSensitivity& input : result.inputs) {
    if (input.kind == InputKind::kConstant) {
      ranges.push_back(input.range);
    } else {
      distributions = true;
    }
  }
  std::string text;
  if (distributions) {
    text = fmt::format("each distribution pinned at its {}, then its {}",
                       quantile_label(result.low_quantile), quantile_label(result.high_quantile));
  }
  if (!ranges.empty()) {
    std::sort(ranges.begin(), ranges.end());
    // The most common range.
    double common = ranges.front();
    std::size_t best = 0;
    for (std::size_t i = 0; i < ranges.size();) {
      std::size_t j = i;
      while (j < ranges.size() && ranges[j] == ranges[i]) ++j;
      if (j - i > best) {
        best = j - i;
        common = ranges[i];
      }
      i = j;
    }
    const bool others = best < ranges.size();
    if (common == 0) {
      // Not "at −0% and +0%": a range of 0 moves nothing.
      text += fmt::format("{}each constant held fixed (--range 0%){}", text.empty() ? "" : "; ",
                          others ? " but those given their own --range" : "");
    } else {
      text += fmt::format("{}each constant at −{}% and +{}%{}", text.empty() ? "" : "; ",
                          format_compact(100 * common), format_compact(100 * common),
                          others ? " (some at their own --range)" : "");
    }
  }
  return text;
}

}  // namespace

std::string sensitivity_heading(const SensitivityResult& result, const std::string& currency) {
  const std::string symbol = symbol_for(result, currency);
  return fmt::format("{} at {}: base mean {} ± {} (95% CI), p50 {}",
                     metric_title(result.metric.name),
                     MonthNames(result.start_date).phrase(result.metric.month),
                     metric_value(result, result.base.mean, symbol),
                     metric_difference(result, 1.96 * result.base.se, symbol, false),
                     metric_value(result, result.base.p50, symbol));
}

std::string sensitivity_method(const SensitivityResult& result) {
  return fmt::format(
      "One input at a time, {}; the base run's random numbers ({} replications{}, seed {}).",
      how_varied(result), result.replications,
      result.screen_replications > 0
          ? fmt::format(", every input screened with its first {}", result.screen_replications)
          : "",
      result.seed);
}

SensitivityRows sensitivity_rows(const SensitivityResult& result, const std::string& currency) {
  const std::string symbol = symbol_for(result, currency);
  const std::string money = currency_symbol(currency);
  SensitivityRows rows;
  for (const InputSensitivity& input : result.inputs) {
    if (input.status == InputStatus::kUnchanged) ++(input.range == 0 ? rows.held : rows.unchanged);
    if (input.status == InputStatus::kNotDrawn) ++rows.not_drawn;
    if (input.status != InputStatus::kAnalysed) continue;
    const bool screened_out = input.replications < result.replications;
    rows.screened += screened_out;
    rows.analysed.push_back(
        {{fmt::format("{}", rows.analysed.size() + 1),
          input.is_default ? input.label + " [default]" : input.label,
          input_range_text(input, result, money), metric_value(result, input.low.mean, symbol),
          metric_value(result, input.high.mean, symbol),
          fmt::format("{} ± {}{}", metric_difference(result, input.swing, symbol, true),
                      metric_difference(result, 1.96 * input.swing_se, symbol, false),
                      screened_out ? "*" : ""),
          std::isnan(input.rank_correlation) ? std::string("-")
                                             : fmt::format("{:+.2f}", input.rank_correlation)},
         input.key_path,
         input.is_default});
  }
  return rows;
}

std::vector<std::string> sensitivity_notes(const SensitivityResult& result,
                                           const SensitivityRows& rows, std::size_t shown) {
  std::vector<std::string> notes;
  const std::size_t analysed = rows.analysed.size();
  if (rows.screened > 0) {
    notes.push_back(fmt::format(
        "* screened: {} ran {} replications, not {}: even {:g} standard errors out, {} "
        "swing is under {:g}% of the largest swing's (sensitivity.csv says which).",
        counted(rows.screened, "input"), result.screen_replications, result.replications,
        kScreenStandardErrors, noun(rows.screened, "its", "each one's"), 100 * kScreenShare));
  }
  // Defaults among the inputs listed: a large swing of a number nobody chose is the first thing
  // to check against the plan.
  std::size_t defaults = 0;
  for (std::size_t i = 0; i < shown && i < analysed; ++i) {
    defaults += rows.analysed[i].is_default ? 1 : 0;
  }
  if (defaults > 0) {
    notes.push_back(fmt::format(
        "[default]: not set by the scenario, teamsim's default ({} of the {} above; where each "
        "comes from: docs/scenario-reference.md). A large swing there is a number nobody chose: "
        "set it to what the plan expects (--set, or the key path in the file).",
        defaults, shown));
  }
  std::string counts;
  if (shown < analysed) {
    counts = fmt::format("{} inputs analysed: {} above, {} more in sensitivity.csv. ", analysed,
                         shown, analysed - shown);
  } else if (analysed > 0) {
    counts = fmt::format("{} analysed, all above. ", counted(analysed, "input"));
  }
  notes.push_back(
      counts +
      fmt::format("Left out: {}{} unchanged by their range (0, or a whole number it "
                  "does not reach), {} not used by this scenario or never drawn "
                  "(e.g. roles nobody is hired into, a specialist's help without "
                  "complex deals); {} has an effect.",
                  rows.held > 0 ? fmt::format("{} held fixed (a --range of 0%), ", rows.held) : "",
                  rows.unchanged, rows.not_drawn, rows.held > 0 ? "none" : "neither"));
  const double noise = result.replications > 1
                           ? 1.96 / std::sqrt(static_cast<double>(result.replications - 1))
                           : 1.0;
  notes.push_back(fmt::format(
      "rank corr: Spearman correlation, over the base run's replications, of what a distribution "
      "drew (its mean draw)\nwith {}; below about {:.2f} in size it is indistinguishable from "
      "noise; - for constants.",
      in_sentence(metric_title(result.metric.name)), noise));
  return notes;
}

std::string sensitivity_table(const SensitivityResult& result, const std::string& currency,
                              std::size_t max_rows) {
  std::string out = sensitivity_heading(result, currency) + "\n";
  out += sensitivity_method(result) + "\n\n";
  const SensitivityRows rows = sensitivity_rows(result, currency);
  const std::size_t shown = std::min(max_rows, rows.analysed.size());
  std::vector<SensitivityRow> lines = {
      {{"#", "input", "low .. high", "mean at low", "mean at high", "swing ± 95% CI", "rank corr"},
       "key path (--set)"}};
  lines.insert(lines.end(), rows.analysed.begin(),
               rows.analysed.begin() + static_cast<std::ptrdiff_t>(shown));
  constexpr std::size_t kColumns = std::tuple_size_v<decltype(SensitivityRow::cells)>;
  std::size_t widths[kColumns] = {};
  for (const SensitivityRow& row : lines) {
    for (std::size_t c = 0; c < kColumns; ++c) {
      widths[c] = std::max(widths[c], utf8_width(row.cells[c]));
    }
  }
  for (const SensitivityRow& row : lines) {
    std::string line;
    for (std::size_t c = 0; c < kColumns; ++c) {
      line +=
          pad(row.cells[c], widths[c], c != SensitivityRow::kInput && c != SensitivityRow::kRange);
      line += c == 0 ? "  " : " ";
    }
    out += line + " " + row.key_path + "\n";
  }
  if (rows.analysed.empty()) out += "     (no input varies in this scenario)\n";
  out += '\n';
  for (const std::string& note : sensitivity_notes(result, rows, shown)) out += note + "\n";
  return out;
}

TornadoChartSpec sensitivity_tornado(const SensitivityResult& result, const std::string& currency,
                                     std::size_t max_bars) {
  TornadoChartSpec chart;
  const std::string title = metric_title(result.metric.name);
  const std::string money = currency_symbol(currency);
  const MonthNames names(result.start_date);
  chart.title =
      fmt::format("What moves {} at {}", in_sentence(title), names.phrase(result.metric.month));
  chart.currency_symbol = symbol_for(result, currency);
  // A ratio in per cent, as the table writes it.
  const double scale = result.metric.unit == "ratio" ? 100 : 1;
  if (scale == 100) chart.value_suffix.push_back('%');  // (= "%" trips GCC 12's -Wrestrict)
  chart.base = scale * result.base.mean;
  chart.low_legend = "input at its low value";
  chart.high_legend = "input at its high value";
  chart.low_short = "low";
  chart.high_short = "high";
  chart.x_label =
      fmt::format("Mean {} at {}", in_sentence(title), names.phrase(result.metric.month));
  std::size_t analysed = 0;
  for (const InputSensitivity& input : result.inputs) {
    if (input.status != InputStatus::kAnalysed) continue;
    ++analysed;
    if (chart.bars.size() >= max_bars) continue;
    // A screened-out input is starred, as in the table.
    const bool screened_out = input.replications < result.replications;
    // A default is said under its label, where the range is: the chart is pasted without the
    // table's [default] and its note.
    chart.bars.push_back(
        {input.label + (screened_out ? " *" : ""),
         input_range_text(input, result, money) + (input.is_default ? ", teamsim's default" : ""),
         scale * input.low.mean, scale * input.high.mean});
  }
  // The plan first, as a run's charts name it: the chart is pasted alone into a slide.
  chart.subtitle = fmt::format(
      "{} of {} replications{} with one input moved at a time; {}{}",
      result.scenario_name.empty() ? "Mean" : result.scenario_name + " · mean", result.replications,
      result.screen_replications > 0
          ? fmt::format(" (* {} for inputs screened out)", result.screen_replications)
          : "",
      chart.bars.size() < analysed ? fmt::format("top {} of ", chart.bars.size()) : "",
      counted(analysed, "input"));
  return chart;
}

ReportChart sensitivity_report_chart(const SensitivityResult& result, const std::string& currency,
                                     std::size_t max_bars) {
  const TornadoChartSpec tornado = sensitivity_tornado(result, currency, max_bars);
  std::string note = fmt::format(
      "Mean {} at {} with one input at its low value (orange) or high value (blue) and "
      "everything else as in the base run: {}. The largest swings first.",
      in_sentence(metric_title(result.metric.name)),
      MonthNames(result.start_date).phrase(result.metric.month), how_varied(result));
  if (result.screen_replications > 0) {
    note += fmt::format(
        " Every input ran {} replications first; those whose swing, even {:g} standard errors "
        "out, stayed under {:g}% of the largest kept that estimate, the others ran all {}.",
        result.screen_replications, kScreenStandardErrors, 100 * kScreenShare, result.replications);
  }
  return {"sensitivity", tornado.title, note, render_tornado_chart(tornado), /*wide=*/true};
}

}  // namespace teamsim::app
