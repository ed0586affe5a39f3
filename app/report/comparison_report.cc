#include "app/report/comparison_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/charts/fan_chart.h"
#include "app/charts/svg_writer.h"
#include "app/common/number_format.h"
#include "app/common/version.h"
#include "app/common/xml_escape.h"
#include "app/report/html_page.h"
#include "app/results/comparison_files.h"
#include "app/results/terminal_table.h"
#include "app/scenario/scenario_json.h"

namespace teamsim::app {
namespace {

constexpr const char* kMinus = "\xE2\x88\x92";  // U+2212, the minus sign

std::string replications_text(const PlanComparison& comparison) {
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
  return spec;
}

ReportChart overlay_chart(const PlanComparison& comparison, const MetricComparison& metric) {
  FanChartSpec spec = base_spec(comparison, metric.info);
  const std::string title = metric_title(metric.info.name);
  spec.title = fmt::format("{}: {}", title, fmt::join(comparison.labels, " vs "));
  spec.subtitle = fmt::format("median and middle 50% of {} replications per plan",
                              replications_text(comparison));
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
  spec.subtitle =
      fmt::format("difference per replication on the same random numbers · {} replications",
                  replications_text(comparison));
  spec.y_label = fmt::format("difference in {}", spec.y_label);
  spec.reference_line = 0.0;
  spec.reference_label = "A = B";
  return {fmt::format("difference.{}", metric.info.name), spec.title,
          fmt::format("{} of {} minus the other plan, replication by replication: above the "
                      "zero line {} is ahead.",
                      title, a, a),
          render_fan_chart(spec)};
}

ReportChart p_greater_chart(const PlanComparison& comparison,
                            const std::vector<const MetricComparison*>& charted, std::size_t j) {
  const std::string& a = comparison.labels.front();
  const std::string& b = comparison.labels[j];
  FanChartSpec spec;
  spec.title = fmt::format("P({} > {}) by month", a, b);
  spec.subtitle = fmt::format("share of {} replications in which {} has the higher value",
                              replications_text(comparison), a);
  spec.y_label = "probability";
  spec.value_suffix.push_back('%');  // not = "%": a false -Wrestrict in g++ 12 at -O3
  spec.y_extent = {0, 100};
  spec.line_label = "";
  spec.reference_line = 50.0;
  spec.reference_label = "even odds";
  spec.width = kReportChartWidth;
  spec.height = kReportChartHeight;
  for (const MetricComparison* metric : charted) {
    const Eigen::VectorXd& p = metric->differences[j - 1].prob_greater;
    FanSeries series;
    series.label = metric_title(metric->info.name);
    for (Eigen::Index m = 0; m < p.size(); ++m) series.p50.push_back(100 * p(m));
    spec.series.push_back(std::move(series));
  }
  const std::string stem =
      comparison.labels.size() > 2 ? fmt::format("p_greater.{}", b) : std::string("p_greater");
  return {stem, spec.title,
          fmt::format("How often {} beats {} on each metric, month by month; ties (common in "
                      "counts such as headcount) count as not greater.",
                      a, b),
          render_fan_chart(spec)};
}

std::string comparison_table_html(const PlanComparison& comparison,
                                  const std::vector<MetricComparison>& metrics) {
  const std::vector<std::vector<std::string>> rows = comparison_rows(comparison, metrics);
  std::string html = "<div class=\"table-wrap\"><table class=\"comparison\">\n<thead><tr>";
  for (const std::string& cell : rows.front()) {
    html += fmt::format("<th>{}</th>", xml_escape_text(cell));
  }
  html += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 1; r < rows.size(); ++r) {
    html += "<tr>";
    for (std::size_t k = 0; k < rows[r].size(); ++k) {
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

std::string plans_table_html(const PlanComparison& comparison,
                             const std::vector<ComparedPlan>& plans,
                             const ComparisonContext& context) {
  std::string html =
      "<div class=\"table-wrap\"><table><thead><tr><th>Plan</th><th>Scenario</th>"
      "<th>Source</th><th>Scenario hash</th></tr></thead><tbody>\n";
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const model::ScenarioSpec& spec = plans[i].spec;
    html += fmt::format(
        "<tr><td><strong>{} = {}</strong></td><td>{}{}</td><td><code>{}</code></td>"
        "<td><code>{}</code></td></tr>\n",
        static_cast<char>('A' + i % 26), xml_escape_text(comparison.labels[i]),
        xml_escape_text(spec.name),
        spec.description.empty()
            ? std::string()
            : fmt::format("<br><small>{}</small>", xml_escape_text(spec.description)),
        xml_escape_text(i < context.sources.size() ? context.sources[i] : std::string()),
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
      charts.push_back(p_greater_chart(comparison, charted, j));
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
  html += html_fact("Horizon", fmt::format("{} months", comparison.horizon_months));
  html += html_fact("Replications per plan", replications_text(comparison));
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

  html += html_section("plans", "Plans",
                       "Plan A is the first; every difference below is A minus the other plan.",
                       plans_table_html(comparison, plans, context));
  html += html_section(
      "key-metrics", "Key metrics",
      "Each plan's median, then for each plan against A: the mean difference per replication "
      "with its 95% confidence interval, the 10th to 90th percentile of the differences, and "
      "the share of replications in which A is higher. Monthly flows are totals for that month.",
      comparison_table_html(comparison, metrics));
  html += html_section(
      "charts", "Comparison charts",
      "Plans overlaid (line: median, band: middle 50% of runs), the paired difference A minus "
      "the other plan (dark band: middle 50%, light band: 90%), and P(A > B) per month. Hover a "
      "month for its numbers.",
      html_figures(charts));
  std::string scenarios;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    scenarios += fmt::format(
        "<details><summary>{} = {}</summary>\n<pre class=\"scenario\">{}</pre>\n</details>\n",
        static_cast<char>('A' + i % 26), xml_escape_text(comparison.labels[i]),
        xml_escape_text(scenario_to_json(plans[i].spec).dump(2)));
  }
  html +=
      html_section("scenarios", "Resolved scenarios",
                   "Every input of each plan, defaults included, as teamsim read it.", scenarios);
  html += html_page_end(fmt::format(
      "Generated by teamsim {} on {}. {} replications per plan on {}; percentiles are over "
      "replications, not confidence intervals of a forecast. Data: <code>compare.csv</code>, "
      "<code>compare.json</code>; charts: <code>charts/</code>.",
      xml_escape_text(kVersion), xml_escape_text(context.generated_at),
      replications_text(comparison),
      common_random_numbers(comparison) ? "common random numbers" : "independent streams"));
  return html;
}

}  // namespace teamsim::app
