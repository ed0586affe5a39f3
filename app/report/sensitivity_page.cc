#include "app/report/sensitivity_page.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/common/number_format.h"
#include "app/common/plural.h"
#include "app/common/version.h"
#include "app/common/xml_escape.h"
#include "app/report/html_page.h"
#include "app/report/sensitivity_report.h"

namespace teamsim::app {
namespace {

/// A note written for the terminal as one paragraph: its line breaks become spaces.
std::string paragraph(std::string note) {
  std::replace(note.begin(), note.end(), '\n', ' ');
  return "<p class=\"lead\">" + xml_escape_text(note) + "</p>\n";
}

/// "Deal size (ACV) (+$5.59M ± $146k), Win rate (+$2.22M ± $75.7k) and ...": the largest
/// swings, the answer to the page's question.
std::string largest_swings(const SensitivityRows& rows) {
  const std::size_t named = std::min(kSensitivityAnswerInputs, rows.analysed.size());
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < named; ++i) {
    const SensitivityRow& row = rows.analysed[i];
    parts.push_back(fmt::format("<strong>{}</strong> ({})",
                                xml_escape_text(row.cells[SensitivityRow::kInput]),
                                html_amount(row.cells[SensitivityRow::kSwing])));
  }
  return listed(parts);
}

std::string answer_html(const SensitivityResult& result, const SensitivityRows& rows,
                        const std::string& currency) {
  std::string html = fmt::format("<p><strong>{}</strong>.</p>\n",
                                 xml_escape_text(sensitivity_heading(result, currency)));
  if (rows.analysed.empty()) {
    html += "<p>No input varies in this scenario.</p>\n";
  } else {
    html += fmt::format("<p>The largest swings between an input's low and high value: {}.</p>\n",
                        largest_swings(rows));
  }
  return html + paragraph(sensitivity_method(result));
}

std::string inputs_table_html(const SensitivityRows& rows) {
  // Names and ranges are words and read from the left; the numbers stay right, the rank too (a
  // first column reads from the left unless it is a number: class "num"). The key path goes
  // under the input's name, so that the table fits a printed page.
  std::string html =
      "<div class=\"table-wrap\"><table>\n<thead><tr><th class=\"num\">#</th>"
      "<th class=\"words\">input <small>(key path for --set)</small></th>"
      "<th class=\"words\">low .. high</th><th>mean at low</th><th>mean at high</th>"
      "<th>swing ± 95% CI</th><th>rank corr</th></tr></thead>\n<tbody>\n";
  for (const SensitivityRow& row : rows.analysed) {
    html += fmt::format(
        "<tr><td class=\"num\">{}</td><td class=\"words\">{}<br><small><code>{}</code></small></td>"
        "<td class=\"words\">{}</td>",
        xml_escape_text(row.cells[SensitivityRow::kRank]),
        xml_escape_text(row.cells[SensitivityRow::kInput]), xml_escape_text(row.key_path),
        xml_escape_text(row.cells[SensitivityRow::kRange]));
    for (std::size_t c = SensitivityRow::kMeanAtLow; c < row.cells.size(); ++c) {
      html += fmt::format("<td>{}</td>", html_amount(row.cells[c]));
    }
    html += "</tr>\n";
  }
  return html + "</tbody></table></div>\n";
}

}  // namespace

std::string render_sensitivity_html(const SensitivityResult& result, const ReportChart& tornado,
                                    const SensitivityPageContext& context) {
  const SensitivityRows rows = sensitivity_rows(result, context.currency);
  std::string html = html_page_start(fmt::format("{} — teamsim sensitivity", tornado.title));
  html += "<header>\n<p class=\"kicker\">teamsim sensitivity report</p>\n";
  html += fmt::format("<h1>{}</h1>\n", xml_escape_text(tornado.title));
  if (!context.scenario_name.empty()) {
    html +=
        fmt::format("<p class=\"description\">{}</p>\n", xml_escape_text(context.scenario_name));
  }
  html += "<dl class=\"facts\">";
  html += html_path_fact("Scenario file", context.scenario_file);
  html += html_fact("Inputs analysed", fmt::format("{}", rows.analysed.size()));
  html += html_fact("Replications per run",
                    format_grouped(static_cast<double>(result.replications), 0));
  if (result.screen_replications > 0) {
    html += html_fact("Screened with", counted(result.screen_replications, "replication"));
  }
  html += html_fact("Seed", fmt::format("{}", result.seed));
  html += html_fact("teamsim version", kVersion);
  html += html_fact("Report generated", context.generated_at);
  html += "</dl>\n</header>\n";
  // The base run, and every run around it, ran as written but probably not as meant.
  html += html_warnings_notice(context.warnings);

  html += html_section("answer", "The answer", "", answer_html(result, rows, context.currency));
  html += html_section("tornado", "Tornado", "", html_figures({tornado}));
  std::string notes;
  for (const std::string& note : sensitivity_notes(result, rows, rows.analysed.size())) {
    notes += paragraph(note);
  }
  html += html_section(
      "inputs", "Every input analysed",
      "The mean of the metric with the input at its low and at its high value, everything else "
      "as in the base run; the swing is high minus low, with its 95% interval (paired: both runs "
      "on the same random numbers). The key path is what --set and --range take.",
      rows.analysed.empty() ? notes : inputs_table_html(rows) + notes);
  html += html_warnings_section(context.warnings);
  if (!context.base_report.empty()) {
    html += html_section(
        "base-run", "The base run", "",
        fmt::format("<p>Every input as the scenario gives it: its assumptions, key metrics, what "
                    "binds and its charts are in <a href=\"{0}\">{0}</a>.</p>\n",
                    xml_escape_attribute(context.base_report)));
  }
  html += html_page_end(
      fmt::format("Generated by teamsim {} on {}. Data: <code>sensitivity.csv</code>, "
                  "<code>sensitivity.json</code>; the base run: <code>summary.csv</code>, "
                  "<code>summary.json</code>.",
                  xml_escape_text(kVersion), xml_escape_text(context.generated_at)));
  return html;
}

}  // namespace teamsim::app
