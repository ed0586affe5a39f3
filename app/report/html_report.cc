#include "app/report/html_report.h"

#include <fmt/format.h>

#include <cmath>

#include "app/analysis/cash_risk.h"
#include "app/analysis/expectation_check.h"
#include "app/analysis/run_explanation.h"
#include "app/charts/svg_writer.h"
#include "app/common/number_format.h"
#include "app/common/plural.h"
#include "app/common/version.h"
#include "app/common/xml_escape.h"
#include "app/report/explanation_html.h"
#include "app/report/html_page.h"
#include "app/results/terminal_table.h"
#include "sim/statistics.h"

namespace teamsim::app {
namespace {

/// A metric's p10, p50 and p90 at month index m, each formatted for people and escaped.
struct Spread {
  std::string p10, p50, p90;
};

Spread spread_at(const MetricSummary& metric, Eigen::Index m, const std::string& symbol) {
  const auto& p = metric.stats.percentiles;
  const auto at = [&](Eigen::Index column) {
    return xml_escape_text(format_metric_value(metric.info, p(m, column), symbol));
  };
  return {at(sim::kColumnP10), at(sim::kColumnP50), at(sim::kColumnP90)};
}

std::string table_row(const MetricSummary& metric, const std::string& label,
                      const std::vector<int>& months, const std::string& symbol,
                      std::size_t replications, bool sub_row = false) {
  std::string row =
      fmt::format("<tr{}><th scope=\"row\" title=\"{}\">{}</th>", sub_row ? " class=\"sub\"" : "",
                  xml_escape_attribute(metric.info.description), xml_escape_text(label));
  for (const int month : months) {
    const Spread s = spread_at(metric, month - 1, symbol);
    // Over fewer replications than the run has (a ratio undefined in some): marked, with a note.
    const std::string mark = defined_in_part(metric, replications, month - 1) ? "*" : "";
    row +=
        fmt::format("<td class=\"month-start\">{}{}</td><td class=\"p50\">{}{}</td><td>{}{}</td>",
                    s.p10, mark, s.p50, mark, s.p90, mark);
  }
  return row + "</tr>\n";
}

std::string key_metric_table(const RunSummary& summary) {
  const std::vector<int> months = key_months(summary.horizon_months);
  const std::string symbol = currency_symbol(summary.currency);
  const MonthNames names = summary.month_names();
  std::string html =
      "<div class=\"table-wrap\"><table class=\"key-metrics\">\n<thead><tr><th></th>";
  for (const int month : months) {
    html += fmt::format("<th colspan=\"3\" class=\"month\">{}</th>", names.heading(month));
  }
  html += "</tr>\n<tr><th>Metric</th>";
  for (std::size_t i = 0; i < months.size(); ++i) {
    html += "<th class=\"month\">p10</th><th>p50</th><th>p90</th>";
  }
  html += "</tr></thead>\n<tbody>\n";
  std::string footnotes;
  for (const KeyMetricRow& row : kKeyMetricRows) {
    if (const MetricSummary* metric = summary.find(std::string(row.metric))) {
      html += table_row(*metric, std::string(row.label), months, symbol, summary.replications);
      footnotes += defined_footnote(*metric, row.label, months, summary.replications, names);
    }
    if (row.metric != "headcount_total") continue;
    for (const MetricSummary& role : summary.metrics) {
      if (role.info.name.rfind("headcount.", 0) == 0 && ever_positive(role)) {
        html += table_row(role, metric_title(role.info.name).substr(11), months, symbol,
                          summary.replications, true);
      }
    }
  }
  html += "</tbody></table></div>\n";
  if (!footnotes.empty()) {
    footnotes.pop_back();  // the last newline
    std::string lines = xml_escape_text(footnotes);
    for (std::size_t at = lines.find('\n'); at != std::string::npos; at = lines.find('\n', at)) {
      lines.replace(at, 1, "<br>");
    }
    html += "<p class=\"lead\">" + lines + "</p>\n";
  }
  if (const MetricSummary* risk = summary.find(kCashEverNegativeMetric)) {
    html += "<p class=\"lead\">Probability that cash has gone below zero: ";
    std::vector<std::string> parts;
    for (const int month : months) {
      parts.push_back(
          fmt::format("{:.1f}% by {}", risk->stats.mean(month - 1) * 100, names.phrase(month)));
    }
    html += xml_escape_text(fmt::format("{}", fmt::join(parts, ", "))) + ".</p>\n";
  }
  return html;
}

std::string headline_card(const RunSummary& summary, const char* metric_name, const char* label,
                          bool warn_below_zero) {
  const MetricSummary* metric = summary.find(metric_name);
  if (metric == nullptr) return "";
  const Eigen::Index m = summary.horizon_months - 1;
  const std::string symbol = currency_symbol(summary.currency);
  const bool bad = warn_below_zero && metric->stats.percentiles(m, sim::kColumnP10) < 0;
  const Spread s = spread_at(*metric, m, symbol);
  return fmt::format(
      "<div class=\"card{}\"><div class=\"label\">{}, {} (median)</div>"
      "<div class=\"value\">{}</div><div class=\"range\">80% range {} to {}</div></div>\n",
      bad ? " bad" : "", label, summary.month_names().phrase(summary.horizon_months),
      html_amount(s.p50), html_amount(s.p10), html_amount(s.p90));
}

std::string headlines(const RunSummary& summary) {
  std::string cards = headline_card(summary, "arr", "ARR", false) +
                      headline_card(summary, "customers", "Customers", false) +
                      headline_card(summary, "headcount_total", "Sales headcount", false) +
                      headline_card(summary, "cash", "Cash", true);
  if (const std::optional<double> p = cash_risk_at_end(summary)) {
    cards += fmt::format(
        "<div class=\"card{}\"><div class=\"label\">P(cash &lt; 0) by {}</div>"
        "<div class=\"value\">{:.1f}%</div><div class=\"range\">{}</div></div>\n",
        first_month_at_risk(summary, kRunwayRisk) ? " bad" : "",
        summary.month_names().phrase(summary.horizon_months), *p * 100,
        xml_escape_text(runway_phrase(summary)));
  }
  if (cards.empty()) return "";
  return "<div class=\"cards\">\n" + cards + "</div>\n";
}

/// An expectation's value in its metric's unit, as the key-metric table writes it ("$1.5M",
/// "5.0%"; a duration with its unit: "73.1 days"), with the digits that keep it on its side of
/// `threshold` (as in the PASS/FAIL lines); grouped digits when the summary does not hold the
/// metric.
std::string expectation_value(const RunSummary& summary, const std::string& metric, double value,
                              double threshold) {
  if (!std::isfinite(value)) return "n/a";
  if (const MetricSummary* found = summary.find(metric)) {
    return format_metric_number_beside(value, threshold, found->info.unit,
                                       currency_symbol(summary.currency)) +
           unit_after_number(found->info.unit);
  }
  return format_grouped(value, std::fabs(value) < 10 ? 3 : 0);
}

std::string expectations_section(const std::vector<ExpectationResult>& results,
                                 const RunSummary& summary) {
  if (results.empty()) return "";
  const std::size_t failures = count_failures(results);
  std::string html = fmt::format(
      "<section id=\"expectations\"><h2>Expectations</h2>\n<p class=\"lead\">{} of {} "
      "{} met.</p>\n<div class=\"table-wrap\"><table><thead><tr><th>Expectation</th>"
      "<th>Expected</th><th>Result</th><th>Status</th></tr></thead><tbody>\n",
      results.size() - failures, results.size(), noun(results.size(), "expectation"));
  for (const ExpectationResult& result : results) {
    const Expectation& expectation = result.expectation;
    // The statistic checked, under a name of the user's that does not say it already (the
    // default name does: "p50(arr) at month 24 >= 2,000,000"); the Expected column is then only
    // the bound, not the name again.
    const std::string checked = fmt::format("{}({}) at {}", expectation.stat, expectation.metric,
                                            summary.month_names().phrase(expectation.month));
    const bool named = !expectation.name.starts_with(
        fmt::format("{}({}) at ", expectation.stat, expectation.metric));
    html += fmt::format(
        "<tr><td>{}{}</td><td>{} {}</td><td>{}{}</td><td><span class=\"status "
        "{}\">{}</span></td></tr>\n",
        xml_escape_text(expectation.name),
        named ? "<div class=\"check\">" + xml_escape_text(checked) + "</div>" : "",
        xml_escape_text(comparison_symbol(expectation.op)),
        xml_escape_text(
            expectation_value(summary, expectation.metric, expectation.value, expectation.value)),
        xml_escape_text(
            expectation_value(summary, expectation.metric, result.actual, expectation.value)),
        result.note.empty() ? ""
                            : "<div class=\"check\">" + xml_escape_text(result.note) + "</div>",
        result.passed ? "pass" : "fail", result.passed ? "PASS" : "FAIL");
  }
  return html + "</tbody></table></div></section>\n";
}

}  // namespace

std::string render_report_html(const SummaryDocument& document,
                               const std::vector<ReportChart>& charts,
                               const ReportContext& context) {
  const RunSummary& summary = document.summary;
  std::string html = html_page_start(summary.scenario_name + " — teamsim report");
  html += "<header>\n<p class=\"kicker\">teamsim projection report</p>\n";
  html += fmt::format("<h1>{}</h1>\n", xml_escape_text(summary.scenario_name));
  if (document.resolved_scenario.is_object() &&
      document.resolved_scenario.contains("description") &&
      document.resolved_scenario["description"].is_string()) {
    const std::string description = document.resolved_scenario["description"];
    if (!description.empty()) {
      html += fmt::format("<p class=\"description\">{}</p>\n", xml_escape_text(description));
    }
  }
  html += "<dl class=\"facts\">";
  if (!context.source_file.empty()) html += html_path_fact("Scenario file", context.source_file);
  html += html_fact("Horizon", summary.month_names().horizon(summary.horizon_months));
  html += html_fact("Replications", format_grouped(static_cast<double>(summary.replications), 0));
  html += html_fact("Seed", fmt::format("{}", summary.seed));
  html += html_fact("Scenario hash", summary.scenario_hash);
  html += html_fact("teamsim version", document.tool_version);
  if (!context.run_at.empty()) html += html_fact("Run at", context.run_at);
  if (context.run_seconds)
    html += html_fact("Run time", fmt::format("{:.2f} s", *context.run_seconds));
  html += html_fact("Report generated", context.generated_at);
  html += "</dl>\n</header>\n";
  // Ran as written, but probably not as meant: said before any number, listed below.
  html += html_warnings_notice(context.warnings);

  if (!summary.assumptions.empty()) {
    html += html_section(
        "assumptions", "Assumptions",
        "The plan's main inputs in its own units. A value marked \"default\" was not set by the "
        "scenario: it is teamsim's default, whose source is beside it "
        "(docs/scenario-reference.md); \"uncertain\" levels are drawn once per replication. "
        "Every key is in the appendix.",
        assumptions_html(summary.assumptions));
  }
  html += html_section("headlines", "At the end of the horizon",
                       "The median of all simulated runs, and the range that holds the middle 80% "
                       "of them (10th to 90th percentile).",
                       headlines(summary));
  html += html_section("key-metrics", "Key metrics",
                       "10th, 50th (median) and 90th percentile over the replications. Monthly "
                       "flows are totals for that month; the rest are month-end levels.",
                       key_metric_table(summary));
  html += html_section(
      "why", "Why the result is what it is",
      "Means over the replications, summed over each year: the funnel from leads to deals won, "
      "how hard each constraint held the plan back (numbers in bold bind), and the hires made "
      "against the plan's dated hires. — means no replication had the quantity, or the run did "
      "not keep it (--metrics).",
      explanation_html(explain_run(summary)));
  html += expectations_section(context.expectations, summary);
  html += html_warnings_section(context.warnings);
  html += html_section("charts", "Projections",
                       "Dark band: the middle 50% of runs (p25–p75); light band: 90% (p5–p95); "
                       "line: the median. Hover a month for its numbers.",
                       html_figures(charts));
  html += html_section(
      "scenario", "Appendix: resolved scenario",
      "Every input of this run, defaults included, as teamsim read it (distributions by the "
      "parameters they sample with), with the replications and seed it ran: the same scenario file "
      "run with those reproduces these numbers exactly.",
      fmt::format("<details class=\"appendix\"><summary>Show every key (JSON, as in "
                  "summary.json)</summary>\n<pre class=\"scenario\">{}</pre>\n</details>\n",
                  xml_escape_text(document.resolved_scenario.is_null()
                                      ? std::string("(not recorded)")
                                      : document.resolved_scenario.dump(2))));
  html += html_page_end(fmt::format(
      "Generated by teamsim {} on {}. Monte Carlo projection: {}, seed {}; "
      "percentiles are over replications, not confidence intervals of a forecast. Data: "
      "<code>summary.csv</code>, <code>summary.json</code>; charts: <code>charts/</code>.",
      xml_escape_text(kVersion), xml_escape_text(context.generated_at),
      grouped_count(summary.replications, "replication"), summary.seed));
  return html;
}

std::string render_batch_index_html(const std::vector<BatchIndexEntry>& entries,
                                    const ReportContext& context) {
  std::string html = html_page_start("teamsim batch report");
  html += "<header>\n<p class=\"kicker\">teamsim batch</p>\n<h1>Scenario overview</h1>\n";
  std::size_t failed_runs = 0, failed_expectations = 0, expectations = 0;
  for (const BatchIndexEntry& entry : entries) {
    if (!entry.document) ++failed_runs;
    failed_expectations += entry.failures;
    expectations += entry.expectations;
  }
  html += "<dl class=\"facts\">";
  html += html_fact("Scenarios", fmt::format("{}", entries.size()));
  html += html_fact("Failed to run", fmt::format("{}", failed_runs));
  html += html_fact("Expectations met",
                    fmt::format("{} of {}", expectations - failed_expectations, expectations));
  html += html_fact("teamsim version", kVersion);
  html += html_fact("Generated", context.generated_at);
  html += "</dl>\n</header>\n<section><h2>Scenarios</h2>\n";
  html +=
      "<p class=\"lead\">Values at each scenario's last month: median, with the 10th–90th "
      "percentile range below; the share of runs whose cash went below zero by then, with the "
      "month that share first reaches 10% (where the runway ends). Open a scenario for its "
      "charts and full table.</p>\n";
  html +=
      "<div class=\"table-wrap\"><table><thead><tr><th>Scenario</th><th>Horizon</th>"
      "<th>ARR</th><th>Customers</th><th>Sales headcount</th><th>Cash</th><th>P(cash &lt; 0)</th>"
      "<th>Expectations</th></tr></thead><tbody>\n";
  for (const BatchIndexEntry& entry : entries) {
    const std::string link = url_path_escape(entry.folder) + "/report.html";
    if (!entry.document) {
      html += fmt::format(
          "<tr><td><strong>{}</strong><br><code>{}</code></td><td colspan=\"6\">{}</td>"
          "<td><span class=\"status fail\">ERROR</span></td></tr>\n",
          xml_escape_text(entry.folder), xml_escape_text(entry.scenario_file),
          xml_escape_text(entry.error));
      continue;
    }
    const RunSummary& summary = entry.document->summary;
    const std::string symbol = currency_symbol(summary.currency);
    const Eigen::Index m = summary.horizon_months - 1;
    const auto cell = [&](const char* name) -> std::string {
      const MetricSummary* metric = summary.find(name);
      if (metric == nullptr) return "<td>—</td>";
      const Spread s = spread_at(*metric, m, symbol);
      return fmt::format("<td><strong>{}</strong><br><small>{} – {}</small></td>", s.p50, s.p10,
                         s.p90);
    };
    std::string cash_risk = "<td>—</td>";
    if (const std::optional<double> p = cash_risk_at_end(summary)) {
      cash_risk = fmt::format("<td><strong>{:.1f}%</strong><br><small>{}</small></td>", *p * 100,
                              xml_escape_text(runway_phrase(summary)));
    }
    std::string status = "<span class=\"status\">none</span>";
    if (entry.expectations > 0) {
      status = entry.failures == 0
                   ? fmt::format("<span class=\"status pass\">{} PASS</span>", entry.expectations)
                   : fmt::format("<span class=\"status fail\">{} of {} FAIL</span>", entry.failures,
                                 entry.expectations);
    }
    // Ran as written, but probably not as meant: said beside its numbers, listed below.
    const std::string warned =
        entry.warnings.empty() ? "" : "<br>" + html_warnings_badge(entry.warnings);
    html += fmt::format(
        "<tr><td><a href=\"{}\"><strong>{}</strong></a><br><code>{}</code>{}</td><td>{} mo</td>"
        "{}{}{}{}{}<td>{}</td></tr>\n",
        xml_escape_attribute(link), xml_escape_text(summary.scenario_name),
        xml_escape_text(entry.scenario_file), warned, summary.horizon_months, cell("arr"),
        cell("customers"), cell("headcount_total"), cell("cash"), cash_risk, status);
  }
  html += "</tbody></table></div>\n</section>\n";
  std::string warnings;
  for (const BatchIndexEntry& entry : entries) {
    if (entry.warnings.empty()) continue;
    warnings += fmt::format("<li><strong>{}</strong> (<code>{}</code>)<ul>{}</ul></li>\n",
                            xml_escape_text(entry.folder), xml_escape_text(entry.scenario_file),
                            html_warning_items(entry.warnings));
  }
  if (!warnings.empty()) {
    html += html_section("warnings", "Plausibility warnings",
                         "Valid input that is probably not what was meant: each scenario ran as "
                         "written, so read its numbers with these in mind (teamsim validate says "
                         "the same; --strict refuses them).",
                         "<ul class=\"why\">\n" + warnings + "</ul>\n");
  }
  html += html_page_end(
      fmt::format("Generated by teamsim {} on {}. Each folder holds <code>summary.csv</code>, "
                  "<code>summary.json</code>, <code>charts/</code> and <code>report.html</code>; "
                  "<code>junit.xml</code> lists the expectation results.",
                  xml_escape_text(kVersion), xml_escape_text(context.generated_at)));
  return html;
}

}  // namespace teamsim::app
