#include "app/html_report.h"

#include <fmt/format.h>

#include <cmath>

#include "app/chart_axis.h"
#include "app/terminal_table.h"
#include "app/version.h"
#include "sim/statistics.h"

namespace teamsim::app {
namespace {

/// Columns of p10, p50 and p90 in sim::kReportedPercentiles.
constexpr Eigen::Index kP10 = 1, kP50 = 3, kP90 = 5;

constexpr const char* kCss = R"css(
:root { --text: #1F2933; --muted: #52606D; --line: #E4E7EB; --accent: #0072B2;
        --bad: #A34400; --bad-bg: #FCEBDD; --good: #00704F; --good-bg: #E1F4EC; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: #F5F7FA;
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
             sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 32px 28px 24px; background: #FFFFFF;
       min-height: 100vh; }
header h1 { font-size: 28px; line-height: 1.2; margin: 0 0 4px; font-weight: 650; }
header .kicker { color: var(--accent); font-weight: 600; font-size: 13px; letter-spacing: .06em;
                 text-transform: uppercase; margin: 0 0 6px; }
header .description { color: var(--muted); margin: 6px 0 0; max-width: 80ch; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr));
           gap: 10px 24px; margin: 20px 0 8px; padding: 14px 16px; background: #F5F7FA;
           border-radius: 8px; }
dl.facts div { min-width: 0; }
dl.facts dt { color: var(--muted); font-size: 12px; text-transform: uppercase;
              letter-spacing: .04em; }
dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
h2 { font-size: 20px; margin: 36px 0 6px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
p.lead { color: var(--muted); margin: 4px 0 14px; max-width: 90ch; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 14px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card .label { color: var(--muted); font-size: 13px; }
.card .value { font-size: 26px; font-weight: 650; line-height: 1.25; }
.card .range { color: var(--muted); font-size: 13px; }
.card.bad { border-color: #F0B48A; background: var(--bad-bg); }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 10px; text-align: right; border-bottom: 1px solid var(--line);
         white-space: nowrap; }
th:first-child, td:first-child { text-align: left; white-space: normal; }
thead th { font-size: 12px; color: var(--muted); font-weight: 600; }
thead tr:first-child th { color: var(--text); font-size: 13px; border-bottom: none; }
td.p50 { font-weight: 650; }
tbody th { font-weight: 600; text-align: left; }
tr.sub th { font-weight: 400; padding-left: 26px; color: var(--muted); }
th.month, td.month-start { border-left: 1px solid var(--line); }
tbody tr:nth-child(even) { background: #FAFBFC; }
.table-wrap { overflow-x: auto; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(540px, 1fr)); gap: 22px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 8px; 
         break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 13px; padding: 6px 8px 2px; }
.status { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
          font-weight: 700; }
.status.pass { color: var(--good); background: var(--good-bg); }
.status.fail { color: var(--bad); background: var(--bad-bg); }
pre.scenario { background: #F5F7FA; border-radius: 8px; padding: 14px 16px; overflow-x: auto;
               font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
               white-space: pre-wrap; word-break: break-word; }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line);
         color: var(--muted); font-size: 13px; }
a { color: var(--accent); }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
@media (max-width: 700px) {
  main { padding: 18px 12px; }
  .charts { grid-template-columns: 1fr; }
}
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: #FFFFFF; font-size: 11pt; }
  main { max-width: none; padding: 0; min-height: 0; }
  .charts { display: block; }
  figure { margin: 0 0 10mm; border: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, .cards { break-inside: avoid; page-break-inside: avoid; }
  tbody tr:nth-child(even) { background: none; }
  pre.scenario { background: none; padding: 0; font-size: 9pt; }
  a { color: inherit; text-decoration: none; }
}
)css";

struct TableRow {
  const char* metric;
  const char* label;
};

constexpr TableRow kRows[] = {
    {"arr", "ARR"},
    {"mrr", "MRR"},
    {"new_bookings", "New bookings (month)"},
    {"customers", "Customers"},
    {"logo_churn", "Logo churn (month)"},
    {"headcount_total", "Headcount"},
};

constexpr TableRow kLateRows[] = {
    {"ramped_capacity", "Ramped AE capacity (FTE)"},
    {"share_at_quota", "Ramped AEs at or above quota"},
    {"departures", "Departures (month)"},
    {"payroll", "Payroll (month)"},
    {"total_cost", "Total cost (month)"},
    {"cash", "Cash"},
};

std::string format_value(const MetricSummary& metric, double value, const std::string& symbol) {
  if (!std::isfinite(value)) return "n/a";
  if (metric.info.unit == "ratio") return fmt::format("{:.1f}%", value * 100);
  // Percentiles of whole counts interpolate (37.1 customers); people read whole numbers.
  if (metric.info.unit == "count") return format_compact(std::round(value));
  return format_compact(value, metric.info.unit == "currency" ? symbol : "");
}

std::string table_row(const MetricSummary& metric, const std::string& label,
                      const std::vector<int>& months, const std::string& symbol,
                      bool sub_row = false) {
  std::string row =
      fmt::format("<tr{}><th scope=\"row\" title=\"{}\">{}</th>", sub_row ? " class=\"sub\"" : "",
                  html_escape(metric.info.description), html_escape(label));
  for (const int month : months) {
    const Eigen::Index m = month - 1;
    const auto& p = metric.stats.percentiles;
    row += fmt::format("<td class=\"month-start\">{}</td><td class=\"p50\">{}</td><td>{}</td>",
                       format_value(metric, p(m, kP10), symbol),
                       format_value(metric, p(m, kP50), symbol),
                       format_value(metric, p(m, kP90), symbol));
  }
  return row + "</tr>\n";
}

std::string key_metric_table(const RunSummary& summary) {
  const std::vector<int> months = key_months(summary.horizon_months);
  const std::string symbol = currency_symbol(summary.currency);
  std::string html =
      "<div class=\"table-wrap\"><table class=\"key-metrics\">\n<thead><tr><th></th>";
  for (const int month : months) {
    html += fmt::format("<th colspan=\"3\" class=\"month\">Month {}</th>", month);
  }
  html += "</tr>\n<tr><th>Metric</th>";
  for (std::size_t i = 0; i < months.size(); ++i) {
    html += "<th class=\"month\">p10</th><th>p50</th><th>p90</th>";
  }
  html += "</tr></thead>\n<tbody>\n";
  for (const TableRow& row : kRows) {
    if (const MetricSummary* metric = summary.find(row.metric)) {
      html += table_row(*metric, row.label, months, symbol);
    }
  }
  for (const MetricSummary& metric : summary.metrics) {
    if (metric.info.name.rfind("headcount.", 0) == 0 && ever_positive(metric)) {
      html += table_row(metric, metric_title(metric.info.name).substr(11), months, symbol, true);
    }
  }
  for (const TableRow& row : kLateRows) {
    if (const MetricSummary* metric = summary.find(row.metric)) {
      html += table_row(*metric, row.label, months, symbol);
    }
  }
  html += "</tbody></table></div>\n";
  if (const MetricSummary* risk = summary.find(kCashEverNegativeMetric)) {
    html += "<p class=\"lead\">Probability that cash has gone below zero: ";
    std::vector<std::string> parts;
    for (const int month : months) {
      parts.push_back(fmt::format("{:.1f}% by month {}", risk->stats.mean(month - 1) * 100, month));
    }
    html += html_escape(fmt::format("{}", fmt::join(parts, ", "))) + ".</p>\n";
  }
  return html;
}

std::string headline_card(const RunSummary& summary, const char* metric_name, const char* label,
                          bool warn_below_zero) {
  const MetricSummary* metric = summary.find(metric_name);
  if (metric == nullptr) return "";
  const Eigen::Index m = summary.horizon_months - 1;
  const std::string symbol = currency_symbol(summary.currency);
  const auto& p = metric->stats.percentiles;
  const bool bad = warn_below_zero && p(m, kP10) < 0;
  return fmt::format(
      "<div class=\"card{}\"><div class=\"label\">{}, month {} (median)</div>"
      "<div class=\"value\">{}</div><div class=\"range\">80% range {} to {}</div></div>\n",
      bad ? " bad" : "", label, summary.horizon_months,
      html_escape(format_value(*metric, p(m, kP50), symbol)),
      html_escape(format_value(*metric, p(m, kP10), symbol)),
      html_escape(format_value(*metric, p(m, kP90), symbol)));
}

std::string headlines(const RunSummary& summary) {
  std::string cards = headline_card(summary, "arr", "ARR", false) +
                      headline_card(summary, "customers", "Customers", false) +
                      headline_card(summary, "headcount_total", "Headcount", false) +
                      headline_card(summary, "cash", "Cash", true);
  if (const MetricSummary* risk = summary.find(kCashEverNegativeMetric)) {
    const double p = risk->stats.mean(summary.horizon_months - 1);
    const auto month = first_cash_risk_month(summary);
    cards += fmt::format(
        "<div class=\"card{}\"><div class=\"label\">P(cash &lt; 0) by month {}</div>"
        "<div class=\"value\">{:.1f}%</div><div class=\"range\">{}</div></div>\n",
        month ? " bad" : "", summary.horizon_months, p * 100,
        month ? fmt::format("above {:.0f}% from month {}", kCashRiskThreshold * 100, *month)
              : fmt::format("at most {:.0f}% in every month", kCashRiskThreshold * 100));
  }
  if (cards.empty()) return "";
  return "<div class=\"cards\">\n" + cards + "</div>\n";
}

std::string expectations_section(const std::vector<ExpectationResult>& results) {
  if (results.empty()) return "";
  const std::size_t failures = count_failures(results);
  std::string html = fmt::format(
      "<section id=\"expectations\"><h2>Expectations</h2>\n<p class=\"lead\">{} of {} "
      "expectation{} met.</p>\n<div class=\"table-wrap\"><table><thead><tr><th>Expectation</th>"
      "<th>Result</th><th>Status</th></tr></thead><tbody>\n",
      results.size() - failures, results.size(), results.size() == 1 ? "" : "s");
  for (const ExpectationResult& result : results) {
    html += fmt::format(
        "<tr><td>{}</td><td>{}</td><td><span class=\"status {}\">{}</span></td></tr>\n",
        html_escape(result.expectation.name),
        html_escape(std::isfinite(result.actual)
                        ? format_grouped(result.actual, std::fabs(result.actual) < 10 ? 3 : 0)
                        : "n/a"),
        result.passed ? "pass" : "fail", result.passed ? "PASS" : "FAIL");
  }
  return html + "</tbody></table></div></section>\n";
}

std::string fact(const std::string& label, const std::string& value) {
  return fmt::format("<div><dt>{}</dt><dd>{}</dd></div>", html_escape(label), html_escape(value));
}

std::string page_start(const std::string& title) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"teamsim {}\">\n<title>{}</title>\n<style>{}</style>\n"
      "</head>\n<body>\n<main>\n",
      kVersion, html_escape(title), kCss);
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string render_report_html(const SummaryDocument& document,
                               const std::vector<ReportChart>& charts,
                               const ReportContext& context) {
  const RunSummary& summary = document.summary;
  std::string html = page_start(summary.scenario_name + " — teamsim report");
  html += "<header>\n<p class=\"kicker\">teamsim projection report</p>\n";
  html += fmt::format("<h1>{}</h1>\n", html_escape(summary.scenario_name));
  if (document.resolved_scenario.is_object() &&
      document.resolved_scenario.contains("description") &&
      document.resolved_scenario["description"].is_string()) {
    const std::string description = document.resolved_scenario["description"];
    if (!description.empty()) {
      html += fmt::format("<p class=\"description\">{}</p>\n", html_escape(description));
    }
  }
  html += "<dl class=\"facts\">";
  if (!context.source_file.empty()) html += fact("Scenario file", context.source_file);
  html += fact("Horizon", fmt::format("{} months", summary.horizon_months));
  html += fact("Replications", format_grouped(static_cast<double>(summary.replications), 0));
  html += fact("Seed", fmt::format("{}", summary.seed));
  html += fact("Scenario hash", summary.scenario_hash);
  html += fact("teamsim version", document.tool_version);
  if (!context.run_at.empty()) html += fact("Run at", context.run_at);
  if (context.run_seconds) html += fact("Run time", fmt::format("{:.2f} s", *context.run_seconds));
  html += fact("Report generated", context.generated_at);
  html += "</dl>\n</header>\n";

  html += "<section id=\"headlines\"><h2>At the end of the horizon</h2>\n";
  html +=
      "<p class=\"lead\">The median of all simulated runs, and the range that holds the "
      "middle 80% of them (10th to 90th percentile).</p>\n";
  html += headlines(summary);
  html += "</section>\n";

  html += "<section id=\"key-metrics\"><h2>Key metrics</h2>\n";
  html +=
      "<p class=\"lead\">10th, 50th (median) and 90th percentile over the replications. "
      "Monthly flows are totals for that month; the rest are month-end levels.</p>\n";
  html += key_metric_table(summary);
  html += "</section>\n";

  html += expectations_section(context.expectations);

  html += "<section id=\"charts\"><h2>Projections</h2>\n";
  html +=
      "<p class=\"lead\">Dark band: the middle 50% of runs (p25–p75); light band: 90% "
      "(p5–p95); line: the median. Hover a month for its numbers.</p>\n";
  html += "<div class=\"charts\">\n";
  for (const ReportChart& chart : charts) {
    std::string svg = chart.svg;
    if (!svg.empty() && svg.back() == '\n') svg.pop_back();
    html += fmt::format("<figure id=\"chart-{}\">\n{}\n<figcaption>{}</figcaption>\n</figure>\n",
                        html_escape(chart.file_stem), svg, html_escape(chart.note));
  }
  html += "</div>\n</section>\n";

  html += "<section id=\"scenario\"><h2>Resolved scenario</h2>\n";
  html +=
      "<p class=\"lead\">Every input of this run, defaults included, as teamsim read it. "
      "The same scenario and seed reproduce these numbers exactly.</p>\n";
  html += fmt::format(
      "<pre class=\"scenario\">{}</pre>\n</section>\n",
      html_escape(document.resolved_scenario.is_null() ? std::string("(not recorded)")
                                                       : document.resolved_scenario.dump(2)));

  html += fmt::format(
      "<footer>Generated by teamsim {} on {}. Monte Carlo projection: {} replications, seed {}; "
      "percentiles are over replications, not confidence intervals of a forecast. Data: "
      "<code>summary.csv</code>, <code>summary.json</code>; charts: <code>charts/</code>."
      "</footer>\n",
      html_escape(kVersion), html_escape(context.generated_at),
      format_grouped(static_cast<double>(summary.replications), 0), summary.seed);
  html += "</main>\n</body>\n</html>\n";
  return html;
}

std::string render_batch_index_html(const std::vector<BatchIndexEntry>& entries,
                                    const ReportContext& context) {
  std::string html = page_start("teamsim batch report");
  html += "<header>\n<p class=\"kicker\">teamsim batch</p>\n<h1>Scenario overview</h1>\n";
  std::size_t failed_runs = 0, failed_expectations = 0, expectations = 0;
  for (const BatchIndexEntry& entry : entries) {
    if (!entry.document) ++failed_runs;
    failed_expectations += entry.failures;
    expectations += entry.expectations;
  }
  html += "<dl class=\"facts\">";
  html += fact("Scenarios", fmt::format("{}", entries.size()));
  html += fact("Failed to run", fmt::format("{}", failed_runs));
  html += fact("Expectations met",
               fmt::format("{} of {}", expectations - failed_expectations, expectations));
  html += fact("teamsim version", kVersion);
  html += fact("Generated", context.generated_at);
  html += "</dl>\n</header>\n<section><h2>Scenarios</h2>\n";
  html +=
      "<p class=\"lead\">Values at each scenario's last month: median, with the 10th–90th "
      "percentile range below. Open a scenario for its charts and full table.</p>\n";
  html +=
      "<div class=\"table-wrap\"><table><thead><tr><th>Scenario</th><th>Horizon</th>"
      "<th>ARR</th><th>Customers</th><th>Headcount</th><th>Cash</th><th>Expectations</th>"
      "</tr></thead><tbody>\n";
  for (const BatchIndexEntry& entry : entries) {
    const std::string link = entry.folder + "/report.html";
    if (!entry.document) {
      html += fmt::format(
          "<tr><td><strong>{}</strong><br><code>{}</code></td><td colspan=\"5\">{}</td>"
          "<td><span class=\"status fail\">ERROR</span></td></tr>\n",
          html_escape(entry.folder), html_escape(entry.scenario_file), html_escape(entry.error));
      continue;
    }
    const RunSummary& summary = entry.document->summary;
    const std::string symbol = currency_symbol(summary.currency);
    const Eigen::Index m = summary.horizon_months - 1;
    const auto cell = [&](const char* name) -> std::string {
      const MetricSummary* metric = summary.find(name);
      if (metric == nullptr) return "<td>—</td>";
      const auto& p = metric->stats.percentiles;
      return fmt::format("<td><strong>{}</strong><br><small>{} – {}</small></td>",
                         html_escape(format_value(*metric, p(m, kP50), symbol)),
                         html_escape(format_value(*metric, p(m, kP10), symbol)),
                         html_escape(format_value(*metric, p(m, kP90), symbol)));
    };
    std::string status = "<span class=\"status\">none</span>";
    if (entry.expectations > 0) {
      status = entry.failures == 0
                   ? fmt::format("<span class=\"status pass\">{} PASS</span>", entry.expectations)
                   : fmt::format("<span class=\"status fail\">{} of {} FAIL</span>", entry.failures,
                                 entry.expectations);
    }
    html += fmt::format(
        "<tr><td><a href=\"{}\"><strong>{}</strong></a><br><code>{}</code></td><td>{} mo</td>"
        "{}{}{}{}<td>{}</td></tr>\n",
        html_escape(link), html_escape(summary.scenario_name), html_escape(entry.scenario_file),
        summary.horizon_months, cell("arr"), cell("customers"), cell("headcount_total"),
        cell("cash"), status);
  }
  html += "</tbody></table></div>\n</section>\n";
  html += fmt::format(
      "<footer>Generated by teamsim {} on {}. Each folder holds <code>summary.csv</code>, "
      "<code>summary.json</code>, <code>charts/</code> and <code>report.html</code>; "
      "<code>junit.xml</code> lists the expectation results.</footer>\n",
      html_escape(kVersion), html_escape(context.generated_at));
  html += "</main>\n</body>\n</html>\n";
  return html;
}

}  // namespace teamsim::app
