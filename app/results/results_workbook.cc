#include "app/results/results_workbook.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>

#include "app/common/errors.h"
#include "app/common/version.h"
#include "app/results/terminal_table.h"
#include "sim/statistics.h"

namespace teamsim::app {
namespace {

/// The resolved scenario as (key path, value) rows: maps joined by '.', lists by [i].
void flatten(const nlohmann::ordered_json& node, const std::string& path,
             std::vector<std::pair<std::string, const nlohmann::ordered_json*>>& rows) {
  if (node.is_object() && !node.empty()) {
    for (const auto& [key, value] : node.items()) {
      flatten(value, path.empty() ? key : path + "." + key, rows);
    }
  } else if (node.is_array() && !node.empty()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      flatten(node[i], fmt::format("{}[{}]", path, i), rows);
    }
  } else {
    rows.emplace_back(path, &node);
  }
}

/// One workbook being written, closed (and so written) by close(); freed if never closed.
class Workbook {
 public:
  explicit Workbook(const std::string& path) : book_(workbook_new(path.c_str())) {
    if (book_ == nullptr) throw Error("cannot create " + path);
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
  }
  ~Workbook() {
    if (book_ != nullptr) workbook_close(book_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_worksheet* sheet(const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
    if (sheet == nullptr) throw Error("cannot add the sheet " + name);
    return sheet;
  }
  lxw_format* bold() const { return bold_; }

  /// Writes the file; returns libxlsxwriter's error text, empty on success.
  std::string close() {
    const lxw_error error = workbook_close(book_);
    book_ = nullptr;
    return error == LXW_NO_ERROR ? "" : lxw_strerror(error);
  }

 private:
  lxw_workbook* book_;
  lxw_format* bold_ = nullptr;
};

void write_metric_sheet(Workbook& book, const MetricSummary& metric) {
  lxw_worksheet* sheet = book.sheet(metric.info.name.substr(0, 31));
  worksheet_write_string(sheet, 0, 0, "month", book.bold());
  worksheet_write_string(sheet, 0, 1, "mean", book.bold());
  for (std::size_t p = 0; p < sim::kPercentileNames.size(); ++p) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(2 + p), sim::kPercentileNames[p],
                           book.bold());
  }
  for (Eigen::Index month = 0; month < metric.stats.mean.size(); ++month) {
    const auto row = static_cast<lxw_row_t>(month + 1);
    worksheet_write_number(sheet, row, 0, static_cast<double>(month + 1), nullptr);
    worksheet_write_number(sheet, row, 1, metric.stats.mean(month), nullptr);
    for (Eigen::Index p = 0; p < metric.stats.percentiles.cols(); ++p) {
      worksheet_write_number(sheet, row, static_cast<lxw_col_t>(2 + p),
                             metric.stats.percentiles(month, p), nullptr);
    }
  }
  worksheet_freeze_panes(sheet, 1, 1);
}

void write_assumptions_sheet(Workbook& book, const nlohmann::ordered_json& resolved) {
  lxw_worksheet* sheet = book.sheet("assumptions");
  worksheet_write_string(sheet, 0, 0, "key", book.bold());
  worksheet_write_string(sheet, 0, 1, "value", book.bold());
  worksheet_set_column(sheet, 0, 0, 48, nullptr);
  std::vector<std::pair<std::string, const nlohmann::ordered_json*>> rows;
  flatten(resolved, "", rows);
  lxw_row_t row = 1;
  for (const auto& [key, value] : rows) {
    worksheet_write_string(sheet, row, 0, key.c_str(), nullptr);
    if (value->is_number()) {
      worksheet_write_number(sheet, row, 1, value->get<double>(), nullptr);
    } else if (value->is_boolean()) {
      worksheet_write_boolean(sheet, row, 1, value->get<bool>(), nullptr);
    } else if (value->is_string()) {
      worksheet_write_string(sheet, row, 1, value->get<std::string>().c_str(), nullptr);
    } else {
      worksheet_write_string(sheet, row, 1, value->dump().c_str(), nullptr);
    }
    ++row;
  }
}

void write_about_sheet(Workbook& book, const RunSummary& summary) {
  lxw_worksheet* sheet = book.sheet("about");
  const auto text = [&](lxw_row_t row, const char* key, const std::string& value) {
    worksheet_write_string(sheet, row, 0, key, book.bold());
    worksheet_write_string(sheet, row, 1, value.c_str(), nullptr);
  };
  const auto number = [&](lxw_row_t row, const char* key, double value) {
    worksheet_write_string(sheet, row, 0, key, book.bold());
    worksheet_write_number(sheet, row, 1, value, nullptr);
  };
  text(0, "scenario", summary.scenario_name);
  text(1, "scenario_hash", summary.scenario_hash);
  text(2, "seed", std::to_string(summary.seed));
  number(3, "replications", static_cast<double>(summary.replications));
  number(4, "horizon_months", summary.horizon_months);
  text(5, "currency", summary.currency);
  text(6, "tool", std::string("teamsim ") + kVersion);
}

}  // namespace

void write_results_workbook(const std::string& path, const RunSummary& summary,
                            const nlohmann::ordered_json& resolved) {
  const std::string temporary = path + ".partial";
  std::string error;
  {
    Workbook book(temporary);
    write_about_sheet(book, summary);
    for (const KeyMetricRow& row : kKeyMetricRows) {
      if (const MetricSummary* metric = summary.find(std::string(row.metric))) {
        write_metric_sheet(book, *metric);
      }
    }
    write_assumptions_sheet(book, resolved);
    error = book.close();
  }
  std::error_code ignored;
  if (!error.empty()) {
    std::filesystem::remove(temporary, ignored);
    throw Error(fmt::format("cannot write {}: {}", path, error));
  }
  std::filesystem::rename(temporary, path, ignored);
  if (ignored) {
    std::filesystem::remove(temporary, ignored);
    throw Error(fmt::format("cannot write {}", path));
  }
}

}  // namespace teamsim::app
