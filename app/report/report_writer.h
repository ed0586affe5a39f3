#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/report/html_report.h"
#include "app/report/sensitivity_page.h"
#include "app/results/summary_reader.h"

namespace teamsim::app {

/// Which extra formats to write beside each chart's SVG.
struct ReportFormats {
  bool png = false;  ///< charts/<metric>.png at twice the SVG's pixel size
  bool pdf = false;  ///< charts/<metric>.pdf, vector
};

/// Writes OUT/charts/<stem>.svg for each chart (and .png/.pdf when asked), then OUT/`page_name`
/// holding `page_html` (no page when the name is empty); each file atomically, and nothing when any
/// of them fails to render. Returns the paths written, the page last. Throws std::runtime_error
/// when a file cannot be written or rendered.
std::vector<std::string> write_charts_and_page(const std::string& out_dir,
                                               const std::vector<ReportChart>& charts,
                                               const std::string& page_name,
                                               const std::string& page_html,
                                               const ReportFormats& formats);

/// One HTML page of a report folder: its file name under OUT and its text.
struct ReportPage {
  std::string name;
  std::string html;
};

/// write_charts_and_page with any number of pages, written after the charts in order; nothing is
/// written when any file fails to render.
std::vector<std::string> write_charts_and_pages(const std::string& out_dir,
                                                const std::vector<ReportChart>& charts,
                                                const std::vector<ReportPage>& pages,
                                                const ReportFormats& formats);

/// The base run's own report in a sensitivity folder, linked from its report.html.
inline constexpr const char* kBaseRunPage = "base-run.html";

/// The pages of a sensitivity folder: OUT/base-run.html, the report of the base run
/// (`base_run`), with its charts, then OUT/report.html, the sensitivity page
/// (render_sensitivity_html; `page`'s generated_at, base_report and warnings are set here, the
/// time and the warnings from `context`) that links it, with `tornado` (sensitivity_report_chart)
/// as charts/sensitivity.svg; every file rendered before any is written. Returns the paths
/// written, report.html last.
std::vector<std::string> write_sensitivity_report(
    const std::string& out_dir, const SummaryDocument& base_run, const ReportContext& context,
    const SensitivityResult& result, const ReportChart& tornado, SensitivityPageContext page,
    const ReportFormats& formats);

/// Writes OUT/charts/<metric>.svg for every report chart and `extra_charts` after them (and
/// .png/.pdf when asked), then OUT/report.html; each file atomically. Returns the paths written,
/// report.html last. Throws std::runtime_error when a file cannot be written or rendered.
std::vector<std::string> write_report(const std::string& out_dir, const SummaryDocument& document,
                                      const ReportContext& context, const ReportFormats& formats,
                                      const std::vector<ReportChart>& extra_charts = {});

/// A time for people: "2025-03-01 14:05:09 UTC".
std::string format_utc(std::chrono::system_clock::time_point time);

/// Now, or the time in the SOURCE_DATE_EPOCH environment variable (seconds since 1970) when it
/// is set, so that reports can be made reproducible.
std::chrono::system_clock::time_point report_clock_now();

/// How long a run took (seconds) as a report shows it: nothing when SOURCE_DATE_EPOCH is set,
/// since a measured time would make the reports of the same run differ from run to run.
std::optional<double> reported_run_seconds(double measured);

}  // namespace teamsim::app
