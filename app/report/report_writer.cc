#include "app/report/report_writer.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string_view>

#include "app/charts/svg_raster.h"
#include "app/common/atomic_file.h"
#include "app/report/report_charts.h"

namespace teamsim::app {

std::vector<std::string> write_charts_and_page(const std::string& out_dir,
                                               const std::vector<ReportChart>& charts,
                                               const std::string& page_name,
                                               const std::string& page_html,
                                               const ReportFormats& formats) {
  std::vector<ReportPage> pages;
  if (!page_name.empty()) pages.push_back({page_name, page_html});
  return write_charts_and_pages(out_dir, charts, pages, formats);
}

std::vector<std::string> write_charts_and_pages(const std::string& out_dir,
                                                const std::vector<ReportChart>& charts,
                                                const std::vector<ReportPage>& pages,
                                                const ReportFormats& formats) {
  namespace fs = std::filesystem;
  // Render everything before writing anything, so a rendering failure writes nothing.
  struct File {
    std::string path;
    std::string contents;
  };
  std::vector<File> files;
  const fs::path chart_dir = fs::path(out_dir) / "charts";
  for (const ReportChart& chart : charts) {
    files.push_back({(chart_dir / (chart.file_stem + ".svg")).string(), chart.svg});
    if (formats.png) {
      files.push_back({(chart_dir / (chart.file_stem + ".png")).string(), svg_to_png(chart.svg)});
    }
    if (formats.pdf) {
      files.push_back({(chart_dir / (chart.file_stem + ".pdf")).string(), svg_to_pdf(chart.svg)});
    }
  }
  for (const ReportPage& page : pages) {
    files.push_back({(fs::path(out_dir) / page.name).string(), page.html});
  }
  ensure_directory(chart_dir.string());
  std::vector<std::string> written;
  for (const File& file : files) {
    write_file_atomically(file.path, file.contents);
    written.push_back(file.path);
  }
  return written;
}

std::vector<std::string> write_report(const std::string& out_dir, const SummaryDocument& document,
                                      const ReportContext& context, const ReportFormats& formats,
                                      const std::vector<ReportChart>& extra_charts) {
  std::vector<ReportChart> charts = report_charts(document.summary);
  charts.insert(charts.end(), extra_charts.begin(), extra_charts.end());
  return write_charts_and_page(out_dir, charts, "report.html",
                               render_report_html(document, charts, context), formats);
}

std::vector<std::string> write_sensitivity_report(
    const std::string& out_dir, const SummaryDocument& base_run, const ReportContext& context,
    const SensitivityResult& result, const ReportChart& tornado, SensitivityPageContext page,
    const ReportFormats& formats) {
  std::vector<ReportChart> charts = report_charts(base_run.summary);
  const std::string base_html = render_report_html(base_run, charts, context);
  page.generated_at = context.generated_at;
  page.base_report = kBaseRunPage;
  page.warnings = context.warnings;
  const std::string html = render_sensitivity_html(result, tornado, page);
  charts.push_back(tornado);
  return write_charts_and_pages(out_dir, charts, {{kBaseRunPage, base_html}, {"report.html", html}},
                                formats);
}

std::string format_utc(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &utc);
  return std::string(text, length);
}

namespace {

/// The time SOURCE_DATE_EPOCH gives (whole seconds since 1970), or nothing when it is unset or
/// not such a number.
std::optional<std::chrono::system_clock::time_point> source_date_epoch() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    const std::string_view text(epoch);
    long long seconds = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (error == std::errc() && end == text.data() + text.size() && seconds >= 0) {
      return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
    }
  }
  return std::nullopt;
}

}  // namespace

std::chrono::system_clock::time_point report_clock_now() {
  return source_date_epoch().value_or(std::chrono::system_clock::now());
}

std::optional<double> reported_run_seconds(double measured) {
  if (source_date_epoch()) return std::nullopt;
  return measured;
}

}  // namespace teamsim::app
