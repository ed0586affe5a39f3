#include "app/report/comparison_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/charts/fan_chart.h"
#include "app/charts/svg_writer.h"
#include "app/common/number_format.h"
#include "app/common/plural.h"
#include "app/common/version.h"
#include "app/common/xml_escape.h"
#include "app/report/explanation_html.h"
#include "app/report/html_page.h"
#include "app/results/comparison_files.h"
#include "app/results/terminal_table.h"
#include "app/scenario/scenario_json.h"

namespace teamsim::app {
namespace {

constexpr const char* kMinus = "\xE2\x88\x92";  // U+2212, the minus sign

/// "40 replications", for sentences; replications_number: "40", for the facts.
std::string replications_text(const PlanComparison& comparison) {
  return grouped_count(comparison.replications, "replication");
}

std::string replications_number(const PlanComparison& comparison) {
  return format_grouped(static_cast<double>(comparison.replications), 0);
}

bool common_random_numbers(const PlanComparison& comparison) {
  return std::all_of(comparison.seeds.begin(), comparison.seeds.end(),
                     [&](std::uint64_t seed) { return seed == comparison.seeds.front(); });
}

/// "ARR (USD)" or "customers": the y label of a metric, with the currency for money.
std::string y_label(const PlanComparison& comparison, const model::MetricInfo& info) {
  std::string label = metric_y_label(info.name);
  if (info.unit == "currency" && !comparison.currency.empty()) {
    label += fmt::format(" ({})", comparison.currency);
  }
  return label;
}

FanChartSpec base_spec(const PlanComparison& comparison, const model::MetricInfo& info) {
  FanChartSpec spec;
  spec.currency_symbol = info.unit == "currency" ? currency_symbol(comparison.currency) : "";
  spec.whole_numbers = info.unit == "count";
  spec.y_label = y_label(comparison, info);
  spec.width = kReportChartWidth;
  spec.height = kReportChartHeight;
  spec.months = comparison.month_names();
  return spec;
}

ReportChart overlay_chart(const PlanComparison& comparison, const MetricComparison& metric) {
  FanChartSpec spec = base_spec(comparison, metric.info);
  const std::string title = metric_title(metric.info.name);
  spec.title = fmt::format("{}: {}", title, fmt::join(comparison.labels, " vs "));
  spec.subtitle =
      fmt::format("median and middle 50% of {} per plan", replications_text(comparison));
  for (std::size_t i = 0; i < metric.plans.size(); ++i) {
    FanSeries series = fan_series(comparison.labels[i], metric.plans[i]);
    series.p5.clear();  // the p5-p95 bands of several plans would hide each other
    series.p95.clear();
    spec.series.push_back(std::move(series));
  }
  return {fmt::format("compare.{}", metric.info.name), spec.title,
          fmt::format("{} of each plan: the line is the median, the band the middle 50% of runs.",
                      title),
          render_fan_chart(spec)};
}

ReportChart difference_chart(const PlanComparison& comparison, const MetricComparison& metric) {
  FanChartSpec spec = base_spec(comparison, metric.info);
  const std::string title = metric_title(metric.info.name);
  const std::string& a = comparison.labels.front();
  std::vector<std::string> pairs;
  for (std::size_t j = 1; j < comparison.labels.size(); ++j) {
    // Pairs (0, j) come first in MetricComparison::pairs, in order of j.
    FanSeries series = fan_series(fmt::format("{} {} {}", a, kMinus, comparison.labels[j]),
                                  metric.differences[j - 1].difference);
    if (comparison.labels.size() > 2) {
      series.p5.clear();
      series.p95.clear();
    }
    pairs.push_back(series.label);
    spec.series.push_back(std::move(series));
  }
  spec.title = fmt::format("{}: {}", title, fmt::join(pairs, ", "));
  spec.subtitle = fmt::format(
      "difference per replication on the same random numbers · {}{}", replications_text(comparison),
      comparison.labels.size() > 2 ? " · line: median, band: middle 50%" : "");
  spec.y_label = fmt::format("difference in {}", spec.y_label);
  spec.reference_line = 0.0;
  spec.reference_label = "A = B";
  return {fmt::format("difference.{}", metric.info.name), spec.title,
          fmt::format("{} of {} minus the other plan, replication by replication: above the "
                      "zero line {} is ahead.",
                      title, a, a),
          render_fan_chart(spec)};
}

/// One pair's chance, month by month, for each charted metric: `equal` false gives P(A > B),
/// true P(A = B) (ties, common in counts such as headcount).
ReportChart odds_chart(const PlanComparison& comparison,
                       const std::vector<const MetricComparison*>& charted, std::size_t j,
                       bool equal) {
  const std::string& a = comparison.labels.front();
  const std::string& b = comparison.labels[j];
  FanChartSpec spec;
  spec.months = comparison.month_names();
  spec.title = fmt::format("P({} {} {}) by month", a, equal ? "=" : ">", b);
  spec.subtitle = equal ? fmt::format("share of {} in which both plans have the same value",
                                      replications_text(comparison))
                        : fmt::format(
                              "share of {} in which {} is higher (ties are charted "
                              "apart)",
                              replications_text(comparison), a);
  spec.y_label = "probability";
  spec.value_suffix.push_back('%');  // not = "%": a false -Wrestrict in g++ 12 at -O3
  spec.y_extent = {0, 100};
  spec.line_label = "";
  if (!equal) {
    spec.reference_line = 50.0;
    spec.reference_label = "even odds";
  }
  spec.width = kReportChartWidth;
  spec.height = kReportChartHeight;
  for (const MetricComparison* metric : charted) {
    const sim::PairedSummary& pair = metric->differences[j - 1];
    const Eigen::VectorXd& p = equal ? pair.prob_equal : pair.prob_greater;
    FanSeries series;
    series.label = metric_title(metric->info.name);
    for (Eigen::Index m = 0; m < p.size(); ++m) series.p50.push_back(100 * p(m));
    spec.series.push_back(std::move(series));
  }
  const std::string name = equal ? "p_equal" : "p_greater";
  const std::string stem =
      comparison.labels.size() > 2 ? fmt::format("{}.{}", name, b) : std::string(name);
  const std::string note =
      equal ? fmt::format(
                  "How often {} and {} end a month level on each metric: the share P({} "
                  "> {}) leaves out.",
                  a, b, a, b)
            : fmt::format(
                  "How often {} beats {} on each metric, month by month; a tie is "
                  "neither, and is charted as P({} = {}).",
                  a, b, a, b);
  return {stem, spec.title, note, render_fan_chart(spec)};
}

/// True when the two plans of pair (0, j) tie in some month on some charted metric.
bool any_ties(const std::vector<const MetricComparison*>& charted, std::size_t j) {
  return std::any_of(charted.begin(), charted.end(), [j](const MetricComparison* metric) {
    return metric->differences[j - 1].prob_equal.size() > 0 &&
           metric->differences[j - 1].prob_equal.maxCoeff() > 0;
  });
}

// The columns `columns` of `rows` (comparison_rows) as one table with `caption`; a metric's name
// only on its first row.
std::string comparison_block_html(const std::vector<std::vector<std::string>>& rows,
                                  const std::vector<std::size_t>& columns,
                                  const std::string& caption) {
  std::string html = fmt::format(
      "<div class=\"table-wrap\"><table class=\"comparison\">\n<caption>{}</caption>\n"
      "<thead><tr>",
      xml_escape_text(caption));
  for (const std::size_t k : columns) {
    html += fmt::format("<th>{}</th>", xml_escape_text(rows.front()[k]));
  }
  html += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 1; r < rows.size(); ++r) {
    html += "<tr>";
    for (const std::size_t k : columns) {
      const bool first_of_metric = r == 1 || rows[r][0] != rows[r - 1][0];
      if (k == 0) {
        html += first_of_metric
                    ? fmt::format("<th scope=\"row\">{}</th>", xml_escape_text(rows[r][k]))
                    : "<th scope=\"row\"></th>";
      } else {
        html += fmt::format("<td>{}</td>", xml_escape_text(rows[r][k]));
      }
    }
    html += "</tr>\n";
  }
  html += "</tbody></table></div>\n";
  return html;
}

// The key-metric comparison as narrow tables that fit a printed A4 page whatever the number of
// plans: the plans' medians, then one table per pair with all of its columns.
std::string comparison_table_html(const PlanComparison& comparison,
                                  const std::vector<MetricComparison>& metrics) {
  const std::vector<std::vector<std::string>> rows = comparison_rows(comparison, metrics);
  const std::size_t plans = comparison.labels.size();
  std::vector<std::size_t> medians = {0, 1};
  for (std::size_t i = 0; i < plans; ++i) medians.push_back(2 + i);
  // The P(cash < 0) rows are shares of replications, not medians: the caption says so.
  std::string html = comparison_block_html(
      rows, medians, "Each plan's median (P(cash < 0): its share of replications)");
  for (std::size_t j = 1; j < plans; ++j) {
    std::vector<std::size_t> pair = {0, 1};
    const std::size_t first = 2 + plans + (j - 1) * kComparisonPairColumns;
    for (std::size_t k = first; k < first + kComparisonPairColumns; ++k) pair.push_back(k);
    html += comparison_block_html(
        rows, pair,
        fmt::format("A {} {} = {} {} {}, per replication", kMinus, static_cast<char>('A' + j % 26),
                    comparison.labels.front(), kMinus, comparison.labels[j]));
  }
  return html;
}

/// "B = reps_first": how the page names plan `i`.
std::string plan_name(const PlanComparison& comparison, std::size_t i) {
  return fmt::format("{} = {}", static_cast<char>('A' + i % 26), comparison.labels[i]);
}

const std::vector<Diagnostic>& warnings_of(const ComparisonContext& context, std::size_t i) {
  static const std::vector<Diagnostic> kNone;
  return i < context.warnings.size() ? context.warnings[i] : kNone;
}

// The notice under the title: which plans ran as written but probably not as meant ("" when
// none did). warnings_section_html lists each one's warnings under its name.
std::string warnings_notice_html(const PlanComparison& comparison,
                                 const ComparisonContext& context) {
  std::vector<Diagnostic> all;
  std::vector<std::string> warned;
  for (std::size_t i = 0; i < comparison.labels.size(); ++i) {
    const std::vector<Diagnostic>& found = warnings_of(context, i);
    if (found.empty()) continue;
    all.insert(all.end(), found.begin(), found.end());
    warned.push_back(plan_name(comparison, i));
  }
  if (warned.empty()) return "";
  const bool several = warned.size() > 1;
  std::string names = warned.back();
  if (several) {
    warned.pop_back();
    names = fmt::format("{} and {}", fmt::join(warned, ", "), names);
  }
  return html_warnings_notice(all, fmt::format("{} {}", several ? "Plans" : "Plan", names),
                              several);
}

std::string warnings_section_html(const PlanComparison& comparison,
                                  const ComparisonContext& context) {
  std::string items;
  for (std::size_t i = 0; i < comparison.labels.size(); ++i) {
    const std::vector<Diagnostic>& found = warnings_of(context, i);
    if (found.empty()) continue;
    items += fmt::format("<li><strong>{}</strong><ul>{}</ul></li>\n",
                         xml_escape_text(plan_name(comparison, i)), html_warning_items(found));
  }
  if (items.empty()) return "";
  return html_section("warnings", "Plausibility warnings",
                      "Valid input that is probably not what was meant, plan by plan: each plan "
                      "ran as written, so read its numbers with its warnings in mind (teamsim "
                      "validate says the same; --strict refuses them).",
                      "<ul class=\"why\">\n" + items + "</ul>\n");
}

std::string plans_table_html(const PlanComparison& comparison,
                             const std::vector<ComparedPlan>& plans,
                             const ComparisonContext& context) {
  std::string html =
      "<div class=\"table-wrap\"><table class=\"text\"><thead><tr><th>Plan</th><th>Scenario</th>"
      "<th>Source</th><th>Scenario hash</th></tr></thead><tbody>\n";
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const model::ScenarioSpec& spec = plans[i].spec;
    // Ran as written, but probably not as meant: marked beside its name, listed below.
    const std::vector<Diagnostic>& warnings = warnings_of(context, i);
    html += fmt::format(
        "<tr><td><strong>{}</strong>{}</td><td>{}{}</td><td class=\"path\"><code>{}</code></td>"
        "<td><code>{}</code></td></tr>\n",
        xml_escape_text(plan_name(comparison, i)),
        warnings.empty() ? "" : "<br>" + html_warnings_badge(warnings), xml_escape_text(spec.name),
        spec.description.empty()
            ? std::string()
            : fmt::format("<br><small>{}</small>", xml_escape_text(spec.description)),
        html_path(i < context.sources.size() ? context.sources[i] : std::string()),
        xml_escape_text(comparison.scenario_hashes[i]));
  }
  html += "</tbody></table></div>\n";
  return html;
}

}  // namespace

std::vector<ReportChart> comparison_charts(const PlanComparison& comparison,
                                           const std::vector<MetricComparison>& metrics) {
  std::vector<ReportChart> charts;
  std::vector<const MetricComparison*> charted;
  for (const std::string_view name : kComparisonChartMetrics) {
    const std::size_t m = comparison.find_metric(std::string(name));
    if (m == comparison.metrics.size()) continue;
    charted.push_back(&metrics[m]);
    charts.push_back(overlay_chart(comparison, metrics[m]));
    if (comparison.labels.size() > 1) charts.push_back(difference_chart(comparison, metrics[m]));
  }
  if (!charted.empty()) {
    for (std::size_t j = 1; j < comparison.labels.size(); ++j) {
      charts.push_back(odds_chart(comparison, charted, j, /*equal=*/false));
      if (any_ties(charted, j)) charts.push_back(odds_chart(comparison, charted, j, true));
    }
  }
  return charts;
}

std::string render_comparison_html(const PlanComparison& comparison,
                                   const std::vector<MetricComparison>& metrics,
                                   const std::vector<ComparedPlan>& plans,
                                   const std::vector<ReportChart>& charts,
                                   const ComparisonContext& context) {
  const std::string versus = fmt::format("{}", fmt::join(comparison.labels, " vs "));
  // Variants of one scenario share its name; different files get their names joined.
  std::vector<std::string> names;
  for (const ComparedPlan& plan : plans) {
    if (std::find(names.begin(), names.end(), plan.spec.name) == names.end()) {
      names.push_back(plan.spec.name);
    }
  }
  const std::string heading = fmt::format("{}", fmt::join(names, " vs "));
  std::string html = html_page_start(fmt::format("{}: {} — teamsim comparison", heading, versus));
  html += "<header>\n<p class=\"kicker\">teamsim comparison report</p>\n";
  html += fmt::format("<h1>{}</h1>\n<p class=\"description\">{}</p>\n", xml_escape_text(heading),
                      xml_escape_text(versus));
  html += "<dl class=\"facts\">";
  html += html_fact("Plans", fmt::format("{}", comparison.labels.size()));
  html += html_fact("Horizon", comparison.month_names().horizon(comparison.horizon_months));
  html += html_fact("Replications per plan", replications_number(comparison));
  html += html_fact("Seed", fmt::format("{}", comparison.seeds.empty() ? 0 : comparison.seeds[0]));
  html += html_fact("Random numbers", common_random_numbers(comparison)
                                          ? "common to every plan"
                                          : "independent (seed + plan index)");
  html += html_fact("teamsim version", kVersion);
  if (context.run_seconds) {
    html += html_fact("Run time", fmt::format("{:.2f} s", *context.run_seconds));
  }
  html += html_fact("Report generated", context.generated_at);
  html += "</dl>\n</header>\n";
  html += warnings_notice_html(comparison, context);

  html += html_section("plans", "Plans",
                       "Plan A is the first; every difference below is A minus the other plan.",
                       plans_table_html(comparison, plans, context));
  std::vector<std::vector<Assumption>> assumptions;
  for (const ComparedPlan& plan : plans) assumptions.push_back(plan.assumptions);
  const std::string assumptions_table = assumptions_comparison_html(comparison.labels, assumptions);
  if (!assumptions_table.empty()) {
    html += html_section("assumptions", "Assumptions",
                         "Each plan's main inputs in its own units, the rows where the plans "
                         "differ first, with any other key of the scenarios where they differ "
                         "(by its name in the scenario file). \"default\": not set by the "
                         "scenario (sources in docs/scenario-reference.md).",
                         assumptions_table);
  }
  html += html_section(
      "key-metrics", "Key metrics",
      "Each plan's median, then for each plan against A: the mean difference per replication "
      "with its 95% confidence interval, the 10th to 90th percentile of the differences, and "
      "the share of replications in which A is higher and, apart, the share in which both are "
      "equal. Monthly flows are totals for that month. P(cash < 0) is each plan's share of "
      "replications whose cash fell below 0 by that month, where the others give a median, "
      "and its difference is in percentage points.",
      comparison_table_html(comparison, metrics));
  html += warnings_section_html(comparison, context);
  html += html_section(
      "charts", "Comparison charts",
      "Plans overlaid (line: median, band: middle 50% of runs), the paired difference A minus "
      "the other plan (dark band: middle 50%, light band: 90%), P(A > B) per month and, where "
      "the plans can tie, P(A = B). Hover a month for its numbers.",
      html_figures(charts));
  std::string scenarios;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    scenarios += fmt::format(
        "<details><summary>{} = {}</summary>\n<pre class=\"scenario\">{}</pre>\n</details>\n",
        static_cast<char>('A' + i % 26), xml_escape_text(comparison.labels[i]),
        xml_escape_text(
            scenario_as_run_json(plans[i].spec, comparison.replications, comparison.seeds[i])
                .dump(2)));
  }
  html +=
      html_section("scenarios", "Resolved scenarios",
                   "Every input of each plan, defaults included, as teamsim read it.", scenarios);
  html += html_page_end(fmt::format(
      "Generated by teamsim {} on {}. {} per plan on {}; percentiles are over "
      "replications, not confidence intervals of a forecast. Data: <code>compare.csv</code>, "
      "<code>compare.json</code>; charts: <code>charts/</code>.",
      xml_escape_text(kVersion), xml_escape_text(context.generated_at),
      replications_text(comparison),
      common_random_numbers(comparison) ? "common random numbers" : "independent streams"));
  return html;
}

}  // namespace teamsim::app
