#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>
#include <utility>
#include <vector>

#include "app/analysis/expectation_check.h"
#include "app/cli/cli.h"
#include "app/cli/command.h"
#include "app/cli/command_options.h"
#include "app/common/errors.h"
#include "app/common/output_folder.h"
#include "app/common/plural.h"
#include "app/report/report_writer.h"
#include "app/report/sensitivity_report.h"
#include "app/results/sensitivity_files.h"
#include "app/results/summary_reader.h"

namespace teamsim::app {
namespace {

// A folder that is not a run's (none at all, a comparison's, a sweep's) gets a usage error that
// says what `teamsim report` reads and where the other reports come from.
void refuse_unless_run_folder(const std::string& out_dir) {
  namespace fs = std::filesystem;
  const fs::path folder(out_dir);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw UsageError(
        fmt::format("{}: no such folder; give the --out folder of a teamsim run", out_dir));
  }
  if (fs::exists(folder / "summary.json", ec)) return;
  for (const auto& [file, command] :
       {std::pair<const char*, const char*>{"compare.json", "compare"}, {"sweep.json", "sweep"}}) {
    if (fs::exists(folder / file, ec)) {
      throw UsageError(fmt::format(
          "{} holds a `teamsim {}` ({}), whose report `teamsim {} ... --report` writes; "
          "`teamsim report` makes the report of a run's or a sensitivity analysis's folder",
          out_dir, command, file, command));
    }
  }
  // A batch's folder: each scenario's folder is a run's, so point at one of them.
  if (fs::exists(folder / "index.html", ec) && fs::exists(folder / "junit.xml", ec)) {
    std::vector<std::string> runs;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
      if (entry.is_directory(ec) && fs::exists(entry.path() / "summary.json", ec)) {
        runs.push_back(entry.path().filename().string());
      }
    }
    std::sort(runs.begin(), runs.end());
    if (!runs.empty()) {
      throw UsageError(fmt::format(
          "{} holds a `teamsim batch` (index.html, junit.xml): each scenario's folder is a run's, "
          "so `teamsim report {}` remakes that one's report; `teamsim batch` again remakes "
          "index.html",
          out_dir, (folder / runs.front()).string()));
    }
  }
  throw UsageError(
      fmt::format("{}: no summary.json here; give the --out folder of a teamsim run", out_dir));
}

class ReportCommand final : public Command {
 public:
  void declare(CLI::App& parser) override {
    CLI::App* report = &parser;
    report->add_option("OUT_DIR", out_dir_, "Folder of a `teamsim run`, holding summary.json")
        ->required();
    add_chart_format_options(*report, formats_, /*imply_report=*/false);
    report->add_flag("-q,--quiet", quiet_, "Print nothing but errors");
    report->footer(
        "Reads OUT_DIR/summary.json and writes OUT_DIR/report.html (self-contained: inline\n"
        "charts and styles, no scripts, no network) and OUT_DIR/charts/<metric>.svg. In the\n"
        "folder of a `teamsim sensitivity`, as its --report does: report.html is the\n"
        "sensitivity report (from OUT_DIR/sensitivity.json) and base-run.html the base run's.");
  }

  void execute(const std::atomic<bool>& /*stop_requested*/) override {
    namespace fs = std::filesystem;
    refuse_unless_run_folder(out_dir_);
    const std::string json_path = (fs::path(out_dir_) / "summary.json").string();
    const SummaryDocument document = read_summary_file(json_path);
    ReportContext context;
    context.generated_at = format_utc(report_clock_now());
    // No "Run at": summary.json holds no time, and its file's time is that of the last copy,
    // checkout or download as often as the run's.
    // The run's expect: list, checked again: the same results, as they come from the same file.
    context.expectations = check_expectations(document.summary.expectations, document.summary);
    // Its plausibility warnings, kept in summary.json without where they were written.
    context.warnings = document.summary.warnings;
    // A sensitivity folder gets its two pages again, the tornado made from sensitivity.json.
    const std::string sensitivity_path = (fs::path(out_dir_) / "sensitivity.json").string();
    std::vector<std::string> files;
    if (fs::exists(sensitivity_path)) {
      const SensitivityDocument sensitivity = read_sensitivity_file(sensitivity_path);
      SensitivityPageContext page;
      page.scenario_file = sensitivity.scenario_file;
      page.scenario_name = sensitivity.scenario_name;
      page.currency = sensitivity.currency;
      const ReportChart tornado = sensitivity_report_chart(sensitivity.result, sensitivity.currency,
                                                           sensitivity.chart_inputs);
      files = write_sensitivity_report(out_dir_, document, context, sensitivity.result, tornado,
                                       page, formats_);
    } else {
      files = write_report(out_dir_, document, context, formats_);
    }
    record_output_files(out_dir_, files);
    if (!quiet_) {
      std::vector<std::string> pages;
      for (const std::string& file : files) {
        if (file.ends_with(".html")) pages.push_back(file);
      }
      fmt::print(stderr, "wrote {} and {} under {}\n", fmt::join(pages, ", "),
                 counted(files.size() - pages.size(), "chart file"),
                 (fs::path(out_dir_) / "charts").string());
    }
  }

 private:
  std::string out_dir_;
  ReportFormats formats_;
  bool quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_report_command() { return std::make_unique<ReportCommand>(); }

}  // namespace teamsim::app
