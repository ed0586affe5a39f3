#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/common/diagnostics.h"
#include "app/report/report_charts.h"

// The frame every teamsim HTML page shares (the run report, the comparison report, the batch
// index): one inline style sheet, no scripts, nothing fetched, readable on a laptop and in print.
// Text goes in through xml_escape_text (element content) and xml_escape_attribute (attribute
// values) from app/common/xml_escape.h: HTML5 reads both escapes.

namespace teamsim::app {

/// The page up to and including <main>: doctype, charset, viewport, generator, title and styles.
std::string html_page_start(std::string_view title);

/// The footer (`footer_html` is already HTML) and the end of the page.
std::string html_page_end(std::string_view footer_html);

/// <section id="id"><h2>title</h2><p class="lead">lead</p>body</section>: `title` and `lead`
/// are text (escaped; an empty lead is left out), `body_html` is already HTML.
std::string html_section(std::string_view id, std::string_view title, std::string_view lead,
                         std::string_view body_html);

/// One fact of a <dl class="facts"> list: <div><dt>label</dt><dd>value</dd></div>, escaped.
std::string html_fact(std::string_view label, std::string_view value);

/// A fact whose value is a file path: it may break after each '/' (<wbr>), never inside a name.
std::string html_path_fact(std::string_view label, std::string_view path);

/// A file path as HTML, escaped, that may break after each '/' (<wbr>); in a <td class="path">
/// (which the style sheet lets wrap) a long absolute path wraps instead of widening its table.
std::string html_path(std::string_view path);

/// An amount or other number as text that never breaks across lines ("CHF 4.68M", "-$1.2M"):
/// <span class="amount">, escaped, which the style sheet keeps on one line.
std::string html_amount(std::string_view text);

/// The charts as a grid of <figure id="chart-<stem>"> with the inline SVG and the note as caption.
std::string html_figures(const std::vector<ReportChart>& charts);

/// Each plausibility warning as a list item, at its file:line:column with key and message, as
/// validate says it; one read back from summary.json (no file) by its key and message.
std::string html_warning_items(const std::vector<Diagnostic>& warnings);

/// The link to a page's warnings section, e.g. "2 plausibility warnings".
std::string html_warnings_badge(const std::vector<Diagnostic>& warnings);

/// The notice under a page's title that `subject` (text: "This scenario", "Plan B = reps_first")
/// ran as written but probably not as meant, linking to the page's warnings section; `several`
/// when the subject is plural ("Plans A = x and B = y": "their numbers"); "" without warnings.
std::string html_warnings_notice(const std::vector<Diagnostic>& warnings,
                                 std::string_view subject = "This scenario", bool several = false);

/// <section id="warnings"> listing the plausibility warnings; "" without any.
std::string html_warnings_section(const std::vector<Diagnostic>& warnings);

}  // namespace teamsim::app
