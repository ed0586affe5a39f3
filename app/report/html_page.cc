#include "app/report/html_page.h"

#include <fmt/format.h>

#include "app/charts/svg_writer.h"
#include "app/common/plural.h"
#include "app/common/version.h"
#include "app/common/xml_escape.h"

namespace teamsim::app {
namespace {

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
header h1 { font-size: 28px; line-height: 1.2; margin: 0 0 4px; font-weight: 650;
            overflow-wrap: break-word; }
header .kicker { color: var(--accent); font-weight: 600; font-size: 13px; letter-spacing: .06em;
                 text-transform: uppercase; margin: 0 0 6px; }
header .description { color: var(--muted); margin: 6px 0 0; max-width: 80ch; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr));
           gap: 10px 24px; margin: 20px 0 8px; padding: 14px 16px; background: #F5F7FA;
           border-radius: 8px; }
dl.facts div { min-width: 0; }
dl.facts dt { color: var(--muted); font-size: 12px; text-transform: uppercase;
              letter-spacing: .04em; }
dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: break-word; }
h2 { font-size: 20px; margin: 36px 0 6px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
p.lead { color: var(--muted); margin: 4px 0 14px; max-width: 90ch; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 14px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card .label { color: var(--muted); font-size: 13px; }
.card .value { font-size: 26px; font-weight: 650; line-height: 1.25; }
.card .range { color: var(--muted); font-size: 13px; }
.card.bad { border-color: #F0B48A; background: var(--bad-bg); }
.amount { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 10px; text-align: right; border-bottom: 1px solid var(--line);
         white-space: nowrap; }
th:first-child, td:first-child { text-align: left; white-space: normal; }
th.num, td.num { text-align: right; }
thead th { font-size: 12px; color: var(--muted); font-weight: 600; }
thead tr:first-child th { color: var(--text); font-size: 13px; border-bottom: none; }
td.p50 { font-weight: 650; }
tbody th { font-weight: 600; text-align: left; }
tr.sub th { font-weight: 400; padding-left: 26px; color: var(--muted); }
th.month, td.month-start { border-left: 1px solid var(--line); }
tbody tr:nth-child(even) { background: #FAFBFC; }
.table-wrap { overflow-x: auto; }
table.comparison { margin-bottom: 18px; }
caption { text-align: left; font-weight: 600; padding: 4px 0 6px; caption-side: top; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(540px, 1fr)); gap: 22px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 8px;
         break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
.charts figure.wide { grid-column: 1 / -1; }
figure.wide svg { max-width: 960px; margin: 0 auto; }
figcaption { color: var(--muted); font-size: 13px; padding: 6px 8px 2px; }
.status { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
          font-weight: 700; }
.status.pass { color: var(--good); background: var(--good-bg); }
.status.fail { color: var(--bad); background: var(--bad-bg); }
.status.warn { color: var(--bad); background: var(--bad-bg); text-decoration: none; }
/* Under an expectation's name or result: the statistic checked, what the result rests on. */
.check { color: var(--muted); font-size: 12.5px; white-space: normal; max-width: 48ch; }
td + td .check { margin-left: auto; }
pre.scenario { background: #F5F7FA; border-radius: 8px; padding: 14px 16px; overflow-x: auto;
               font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
               white-space: pre-wrap; word-break: break-word; }
/* Tables of words (names, sources, hashes) read from the left; numbers stay right-aligned. */
table.text th, table.text td, th.words, td.words { text-align: left; }
td.path { white-space: normal; overflow-wrap: anywhere; min-width: 24ch; }
table.assumptions th, table.assumptions td { text-align: left; white-space: normal;
                                              vertical-align: top; }
table.assumptions td.group { color: var(--muted); font-size: 12px; text-transform: uppercase;
                             letter-spacing: .04em; }
table.assumptions td.source { color: var(--muted); font-size: 12.5px; width: 32%; }
table.assumptions td.value { width: 42%; }
.badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 11px;
         font-weight: 700; color: #8A5300; background: #FFF1D6; margin-left: 6px; }
.badge.uncertain { color: #1F4E8C; background: #E3EEFB; }
table.why td.binds { font-weight: 700; color: var(--bad); }
ul.why { margin: 12px 0 0; padding-left: 20px; max-width: 100ch; }
ul.why li { margin: 4px 0; }
details.appendix summary { cursor: pointer; font-weight: 600; margin: 8px 0; }
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
  .table-wrap { overflow: visible; }
  table { font-size: 9pt; }
  th, td { white-space: normal; padding: 4px 6px; }
  table.comparison td { white-space: nowrap; }
  code { font-size: 8pt; overflow-wrap: anywhere; }
  tbody tr:nth-child(even) { background: none; }
  pre.scenario { background: none; padding: 0; font-size: 9pt; }
  .badge { border: 1px solid #C99A4A; }
  a { color: inherit; text-decoration: none; }
}
)css";

}  // namespace

std::string html_page_start(std::string_view title) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"teamsim {}\">\n<title>{}</title>\n<style>{}</style>\n"
      "</head>\n<body>\n<main>\n",
      xml_escape_attribute(kVersion), xml_escape_text(title), kCss);
}

std::string html_page_end(std::string_view footer_html) {
  return fmt::format("<footer>{}</footer>\n</main>\n</body>\n</html>\n", footer_html);
}

std::string html_section(std::string_view id, std::string_view title, std::string_view lead,
                         std::string_view body_html) {
  std::string html = fmt::format("<section id=\"{}\"><h2>{}</h2>\n", xml_escape_attribute(id),
                                 xml_escape_text(title));
  if (!lead.empty()) html += fmt::format("<p class=\"lead\">{}</p>\n", xml_escape_text(lead));
  return html + fmt::format("{}</section>\n", body_html);
}

std::string html_fact(std::string_view label, std::string_view value) {
  return fmt::format("<div><dt>{}</dt><dd>{}</dd></div>", xml_escape_text(label),
                     xml_escape_text(value));
}

std::string html_amount(std::string_view text) {
  return fmt::format("<span class=\"amount\">{}</span>", xml_escape_text(text));
}

std::string html_path(std::string_view path) {
  std::string html;
  for (const char c : xml_escape_text(path)) {
    html += c;
    if (c == '/') html += "<wbr>";
  }
  return html;
}

std::string html_path_fact(std::string_view label, std::string_view path) {
  return fmt::format("<div><dt>{}</dt><dd>{}</dd></div>", xml_escape_text(label), html_path(path));
}

std::string html_figures(const std::vector<ReportChart>& charts) {
  std::string html = "<div class=\"charts\">\n";
  for (const ReportChart& chart : charts) {
    std::string_view svg = chart.svg;
    if (!svg.empty() && svg.back() == '\n') svg.remove_suffix(1);
    html += fmt::format("<figure id=\"chart-{}\"{}>\n{}\n<figcaption>{}</figcaption>\n</figure>\n",
                        xml_escape_attribute(chart.file_stem), chart.wide ? " class=\"wide\"" : "",
                        svg, xml_escape_text(chart.note));
  }
  return html + "</div>\n";
}

std::string html_warning_items(const std::vector<Diagnostic>& warnings) {
  std::string html;
  for (const Diagnostic& w : warnings) {
    if (w.file.empty()) {
      html += w.key_path.empty()
                  ? fmt::format("<li>{}</li>", xml_escape_text(w.message))
                  : fmt::format("<li><code>{}</code>: {}</li>", xml_escape_text(w.key_path),
                                xml_escape_text(w.message));
      continue;
    }
    html += fmt::format("<li><code>{}:{}:{}</code> {}: {}</li>", xml_escape_text(w.file), w.line,
                        w.column, xml_escape_text(w.key_path), xml_escape_text(w.message));
  }
  return html;
}

std::string html_warnings_badge(const std::vector<Diagnostic>& warnings) {
  return fmt::format("<a class=\"status warn\" href=\"#warnings\">{}</a>",
                     counted(warnings.size(), "plausibility warning"));
}

std::string html_warnings_notice(const std::vector<Diagnostic>& warnings, std::string_view subject,
                                 bool several) {
  if (warnings.empty()) return "";
  return fmt::format(
      "<p class=\"lead\">{} {} ran as written, but probably not as meant: read {} numbers with "
      "{} in mind.</p>\n",
      html_warnings_badge(warnings), xml_escape_text(subject), several ? "their" : "its",
      warnings.size() == 1 ? "it" : "them");
}

std::string html_warnings_section(const std::vector<Diagnostic>& warnings) {
  if (warnings.empty()) return "";
  return html_section("warnings", "Plausibility warnings",
                      "Valid input that is probably not what was meant: the scenario ran as "
                      "written (teamsim validate says the same; --strict refuses them).",
                      "<ul class=\"why\">\n" + html_warning_items(warnings) + "</ul>\n");
}

}  // namespace teamsim::app
