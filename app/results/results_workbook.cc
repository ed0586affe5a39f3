#include "app/results/results_workbook.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <map>
#include <vector>

#include "app/common/atomic_file.h"
#include "app/common/errors.h"
#include "app/common/version.h"
#include "app/results/terminal_table.h"
#include "sim/statistics.h"

namespace teamsim::app {
namespace {

/// A number in a cell; an undefined one (NaN: a ratio with nothing to divide by) leaves the cell
/// empty, which a spreadsheet reads as missing rather than as the text "NAN".
void write_number(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, double value,
                  lxw_format* format) {
  if (std::isnan(value)) return;
  worksheet_write_number(sheet, row, column, value, format);
}

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
  /// Dates shown as their month, "Jan 2027".
  lxw_format* month() {
    if (month_ == nullptr) {
      month_ = workbook_add_format(book_);
      format_set_num_format(month_, "mmm yyyy");
    }
    return month_;
  }

  /// Writes the file; returns libxlsxwriter's error text, empty on success.
  std::string close() {
    const lxw_error error = workbook_close(book_);
    book_ = nullptr;
    return error == LXW_NO_ERROR ? "" : lxw_strerror(error);
  }

 private:
  lxw_workbook* book_;
  lxw_format* bold_ = nullptr;
  lxw_format* month_ = nullptr;
};

/// A cell holding the date of `month` (its first day), shown as the month: "Jan 2027".
void write_month_date(Workbook& book, lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column,
                      CalendarMonth month) {
  lxw_datetime cell{month.year, month.month, 1, 0, 0, 0};
  worksheet_write_datetime(sheet, row, column, &cell, book.month());
}

/// The first columns of a sheet with a row per month: "month" (1, 2, ...) and, with calendar
/// months, "date", a date cell showing the month (Jan 2027) that a spreadsheet can chart and
/// filter by. Returns the first column after them.
lxw_col_t write_month_columns(Workbook& book, lxw_worksheet* sheet, int months,
                              const MonthNames& names) {
  worksheet_write_string(sheet, 0, 0, "month", book.bold());
  for (int month = 1; month <= months; ++month) {
    write_number(sheet, static_cast<lxw_row_t>(month), 0, month, nullptr);
  }
  if (!names.start()) return 1;
  worksheet_write_string(sheet, 0, 1, "date", book.bold());
  worksheet_set_column(sheet, 1, 1, 10, nullptr);
  for (int month = 1; month <= months; ++month) {
    write_month_date(book, sheet, static_cast<lxw_row_t>(month), 1, names.at(month));
  }
  return 2;
}

void write_metric_sheet(Workbook& book, const MetricSummary& metric, const MonthNames& names) {
  lxw_worksheet* sheet = book.sheet(metric.info.name.substr(0, 31));
  const lxw_col_t first =
      write_month_columns(book, sheet, static_cast<int>(metric.stats.mean.size()), names);
  // The columns of summary.csv, in its order: mean, se, p5 ... p95, defined (the replications
  // with a value: fewer than all where the metric can be undefined).
  const auto column = [first](std::size_t offset) {
    return static_cast<lxw_col_t>(first + offset);
  };
  const std::size_t percentiles = sim::kPercentileNames.size();
  worksheet_write_string(sheet, 0, column(0), "mean", book.bold());
  worksheet_write_string(sheet, 0, column(1), "se", book.bold());
  for (std::size_t p = 0; p < percentiles; ++p) {
    worksheet_write_string(sheet, 0, column(2 + p), sim::kPercentileNames[p], book.bold());
  }
  worksheet_write_string(sheet, 0, column(2 + percentiles), "defined", book.bold());
  for (Eigen::Index month = 0; month < metric.stats.mean.size(); ++month) {
    const auto row = static_cast<lxw_row_t>(month + 1);
    write_number(sheet, row, column(0), metric.stats.mean(month), nullptr);
    write_number(sheet, row, column(1), metric.stats.se(month), nullptr);
    for (std::size_t p = 0; p < percentiles; ++p) {
      write_number(sheet, row, column(2 + p),
                   metric.stats.percentiles(month, static_cast<Eigen::Index>(p)), nullptr);
    }
    write_number(sheet, row, column(2 + percentiles), metric.stats.defined(month), nullptr);
  }
  worksheet_freeze_panes(sheet, 1, first);
}

void write_value(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column,
                 const nlohmann::ordered_json& value) {
  if (value.is_number()) {
    write_number(sheet, row, column, value.get<double>(), nullptr);
  } else if (value.is_boolean()) {
    worksheet_write_boolean(sheet, row, column, value.get<bool>(), nullptr);
  } else if (value.is_string()) {
    worksheet_write_string(sheet, row, column, value.get<std::string>().c_str(), nullptr);
  } else {
    worksheet_write_string(sheet, row, column, value.dump().c_str(), nullptr);
  }
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
    write_value(sheet, row, 1, *value);
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
    write_number(sheet, row, 1, value, nullptr);
  };
  text(0, "scenario", summary.scenario_name);
  text(1, "scenario_hash", summary.scenario_hash);
  text(2, "seed", std::to_string(summary.seed));
  number(3, "replications", static_cast<double>(summary.replications));
  number(4, "horizon_months", summary.horizon_months);
  text(5, "currency", summary.currency);
  text(6, "tool", std::string("teamsim ") + kVersion);
  if (summary.start_date) text(7, "start_date", iso_month(*summary.start_date));
}

void write_comparison_metric_sheet(Workbook& book, const PlanComparison& comparison,
                                   const MetricComparison& metric) {
  lxw_worksheet* sheet = book.sheet(metric.info.name.substr(0, 31));
  const lxw_col_t first =
      write_month_columns(book, sheet, comparison.horizon_months, comparison.month_names());
  const std::pair<const char*, Eigen::Index> statistics[] = {
      {"mean", -1}, {"p10", sim::kColumnP10}, {"p50", sim::kColumnP50}, {"p90", sim::kColumnP90}};
  lxw_col_t column = first;
  for (std::size_t plan = 0; plan < metric.plans.size(); ++plan) {
    for (const auto& [name, percentile] : statistics) {
      const std::string header = fmt::format("{} {}", comparison.labels[plan], name);
      worksheet_write_string(sheet, 0, column, header.c_str(), book.bold());
      const sim::ColumnSummary& stats = metric.plans[plan];
      for (Eigen::Index month = 0; month < stats.mean.size(); ++month) {
        const double value =
            percentile < 0 ? stats.mean(month) : stats.percentiles(month, percentile);
        write_number(sheet, static_cast<lxw_row_t>(month + 1), column, value, nullptr);
      }
      ++column;
    }
  }
  worksheet_freeze_panes(sheet, 1, first);
}

void write_differences_sheet(Workbook& book, const PlanComparison& comparison,
                             const std::vector<const MetricComparison*>& metrics) {
  lxw_worksheet* sheet = book.sheet("differences");
  // With calendar months a "date" column follows "month", as in compare.csv.
  const MonthNames names = comparison.month_names();
  std::vector<const char*> headers = {"metric", "month"};
  if (names.start()) headers.push_back("date");
  const lxw_col_t first = static_cast<lxw_col_t>(headers.size());
  for (const char* header : {"plan_a", "plan_b", "mean_a_minus_b", "se", "p10", "p50", "p90",
                             "p_a_greater", "p_equal"}) {
    headers.push_back(header);
  }
  for (lxw_col_t c = 0; c < headers.size(); ++c) {
    worksheet_write_string(sheet, 0, c, headers[c], book.bold());
  }
  if (names.start()) worksheet_set_column(sheet, 2, 2, 10, nullptr);
  lxw_row_t row = 1;
  for (const MetricComparison* metric : metrics) {
    for (std::size_t pair = 0; pair < metric->pairs.size(); ++pair) {
      const sim::PairedSummary& d = metric->differences[pair];
      const auto [a, b] = metric->pairs[pair];
      for (Eigen::Index month = 0; month < d.difference.mean.size(); ++month) {
        worksheet_write_string(sheet, row, 0, metric->info.name.c_str(), nullptr);
        write_number(sheet, row, 1, static_cast<double>(month + 1), nullptr);
        if (names.start())
          write_month_date(book, sheet, row, 2, names.at(static_cast<int>(month) + 1));
        worksheet_write_string(sheet, row, first, comparison.labels[a].c_str(), nullptr);
        worksheet_write_string(sheet, row, first + 1, comparison.labels[b].c_str(), nullptr);
        write_number(sheet, row, first + 2, d.difference.mean(month), nullptr);
        write_number(sheet, row, first + 3, d.difference.se(month), nullptr);
        write_number(sheet, row, first + 4, d.difference.percentiles(month, sim::kColumnP10),
                     nullptr);
        write_number(sheet, row, first + 5, d.difference.percentiles(month, sim::kColumnP50),
                     nullptr);
        write_number(sheet, row, first + 6, d.difference.percentiles(month, sim::kColumnP90),
                     nullptr);
        write_number(sheet, row, first + 7, d.prob_greater(month), nullptr);
        // The ties, as compare.csv gives them: without them P(A>B) of a headcount reads as if
        // B were ahead in every other history.
        write_number(sheet, row, first + 8, d.prob_equal(month), nullptr);
        ++row;
      }
    }
  }
  worksheet_freeze_panes(sheet, 1, 2);
}

/// Installs `temporary` as `path`, or removes it and throws when `error` (libxlsxwriter's) is set
/// or the rename fails.
void install_workbook(const std::string& temporary, const std::string& path,
                      const std::string& error) {
  std::error_code failed;
  if (error.empty()) std::filesystem::rename(temporary, path, failed);
  if (!error.empty() || failed) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw Error(fmt::format("cannot write {}: {}", path, error.empty() ? failed.message() : error));
  }
}

}  // namespace

void write_comparison_workbook(const std::string& path, const PlanComparison& comparison,
                               const std::vector<MetricComparison>& metrics,
                               const std::vector<nlohmann::ordered_json>& resolved) {
  const std::string temporary = path + ".partial";
  std::string error;
  {
    Workbook book(temporary);
    std::vector<const MetricComparison*> key;
    for (const KeyMetricRow& row : kKeyMetricRows) {
      for (const MetricComparison& metric : metrics) {
        if (metric.info.name == row.metric) key.push_back(&metric);
      }
    }
    for (const MetricComparison* metric : key)
      write_comparison_metric_sheet(book, comparison, *metric);
    write_differences_sheet(book, comparison, key);
    lxw_worksheet* sheet = book.sheet("assumptions");
    worksheet_write_string(sheet, 0, 0, "key", book.bold());
    worksheet_set_column(sheet, 0, 0, 48, nullptr);
    std::vector<std::string> keys;
    std::vector<std::map<std::string, const nlohmann::ordered_json*>> values(resolved.size());
    for (std::size_t plan = 0; plan < resolved.size(); ++plan) {
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(plan + 1),
                             comparison.labels[plan].c_str(), book.bold());
      std::vector<std::pair<std::string, const nlohmann::ordered_json*>> rows;
      flatten(resolved[plan], "", rows);
      for (const auto& [key_path, value] : rows) {
        if (std::find(keys.begin(), keys.end(), key_path) == keys.end()) keys.push_back(key_path);
        values[plan][key_path] = value;
      }
    }
    lxw_row_t row = 1;
    for (const std::string& key_path : keys) {
      worksheet_write_string(sheet, row, 0, key_path.c_str(), nullptr);
      for (std::size_t plan = 0; plan < values.size(); ++plan) {
        if (const auto it = values[plan].find(key_path); it != values[plan].end()) {
          write_value(sheet, row, static_cast<lxw_col_t>(plan + 1), *it->second);
        }
      }
      ++row;
    }
    error = book.close();
  }
  install_workbook(temporary, path, error);
}

void write_results_workbook(const std::string& path, const RunSummary& summary,
                            const nlohmann::ordered_json& resolved) {
  if (!this_process_writes()) return;
  const std::string temporary = path + ".partial";
  std::string error;
  {
    Workbook book(temporary);
    write_about_sheet(book, summary);
    for (const KeyMetricRow& row : kKeyMetricRows) {
      if (const MetricSummary* metric = summary.find(std::string(row.metric))) {
        write_metric_sheet(book, *metric, summary.month_names());
      }
    }
    write_assumptions_sheet(book, resolved);
    error = book.close();
  }
  install_workbook(temporary, path, error);
}

}  // namespace teamsim::app
