#include "app/scenario/hiring_plan_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <vector>

#include "app/common/csv.h"
#include "app/common/suggestions.h"
#include "app/common/trimmed.h"
#include "app/scenario/plan_calendar.h"
#include "app/scenario/scenario_keys.h"

namespace teamsim::app {
namespace {

struct Cell {
  std::string text;
  YamlMark mark;
};

// Splits CSV text into rows of cells with their line and column (1-based, in bytes). One pass,
// no backtracking: a quoted field ends at its closing quote or, unclosed, at the end of the text.
class CsvSplitter {
 public:
  CsvSplitter(std::string_view text, const std::string& file_name, DiagnosticSink& sink)
      : text_(text), file_(file_name), sink_(sink) {}

  /// Every row, blank lines left out; nullopt after a reported problem.
  std::optional<std::vector<std::vector<Cell>>> rows() {
    std::vector<std::vector<Cell>> rows;
    while (pos_ < text_.size()) {
      std::vector<Cell> row;
      if (!read_row(row)) return std::nullopt;
      const bool blank = row.size() == 1 && row[0].text.empty();
      if (blank) continue;
      if (rows.size() > kMaxHiresCsvRows) {  // the header plus kMaxHiresCsvRows rows
        sink_.error(row[0].mark, "",
                    fmt::format("more than {} rows; a hiring plan this long is surely not one",
                                kMaxHiresCsvRows));
        return std::nullopt;
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

 private:
  YamlMark here() const { return YamlMark{file_, line_, column_}; }

  void advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++pos_;
  }

  bool read_row(std::vector<Cell>& row) {
    while (true) {
      if (row.size() == kMaxHiresCsvColumns) {
        sink_.error(here(), "", fmt::format("more than {} columns", kMaxHiresCsvColumns));
        return false;
      }
      Cell cell{"", here()};
      if (!read_field(cell)) return false;
      row.push_back(std::move(cell));
      if (pos_ >= text_.size()) return true;
      const char c = text_[pos_];
      advance();
      if (c == '\n') return true;
      if (c == '\r') {
        if (pos_ < text_.size() && text_[pos_] == '\n') advance();
        return true;
      }
      // c == ',': the next field
    }
  }

  bool read_field(Cell& cell) {
    if (pos_ < text_.size() && text_[pos_] == '"') {
      advance();
      while (true) {
        if (pos_ >= text_.size()) {
          sink_.error(cell.mark, "", "a quoted field is not closed; add the closing \"");
          return false;
        }
        const char c = text_[pos_];
        advance();
        if (c != '"') {
          cell.text += c;
        } else if (pos_ < text_.size() && text_[pos_] == '"') {
          cell.text += '"';
          advance();
        } else {
          break;
        }
      }
      if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        sink_.error(here(), "",
                    "text after a quoted field's closing quote; write \"\" for a quote inside it");
        return false;
      }
      return true;
    }
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
           text_[pos_] != '\r') {
      if (text_[pos_] == '"') {
        sink_.error(here(), "", "a quote inside an unquoted field; quote the whole field");
        return false;
      }
      cell.text += text_[pos_];
      advance();
    }
    return true;
  }

  std::string_view text_;
  const std::string& file_;
  DiagnosticSink& sink_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

std::string hires_csv_path(const YamlNode& node) {
  const std::filesystem::path base = std::filesystem::path(node.mark.file).parent_path();
  return (base / node.text).lexically_normal().string();
}

HiresCsvFile read_hires_csv_file(const YamlNode& root) {
  HiresCsvFile file;
  const YamlNode* node = root.is_map() ? root.find("hires_csv") : nullptr;
  if (node == nullptr || !node->is_scalar()) return file;
  DiagnosticSink sink(file.problems);
  const std::string path = hires_csv_path(*node);
  std::string error;
  if (const std::optional<std::string> text = read_yaml_file(path, error)) {
    file.rows = parse_hires_csv(*text, path, sink);
  } else {
    sink.error(node->mark, "hires_csv", fmt::format("cannot read {}: {}", path, error));
  }
  return file;
}

std::optional<YamlNode> parse_hires_csv(std::string_view text, const std::string& file_name,
                                        DiagnosticSink& sink) {
  if (text.size() > kMaxHiresCsvBytes) {
    sink.error(YamlMark{file_name, 0, 0}, "",
               fmt::format("larger than {} bytes; a hiring plan this large is surely not one",
                           kMaxHiresCsvBytes));
    return std::nullopt;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a spreadsheet's UTF-8 BOM
  CsvSplitter splitter(text, file_name, sink);
  const auto rows = splitter.rows();
  if (!rows) return std::nullopt;
  if (rows->empty()) {
    sink.error(YamlMark{file_name, 0, 0}, "",
               "no header row; the first line names the columns, e.g. role,month,count");
    return std::nullopt;
  }
  std::vector<Cell> header = rows->front();
  const SectionDoc& columns = scenario_section("hires");  // the keys of a `hires` entry
  const std::size_t errors_before = sink.count();
  for (std::size_t i = 0; i < header.size(); ++i) {
    header[i].text = lower(trimmed(header[i].text));
    if (header[i].text.empty()) {
      sink.error(header[i].mark, "", "an empty column name; name every column of the header");
    } else if (columns.find(header[i].text) == nullptr) {
      sink.error(header[i].mark, "",
                 fmt::format("unknown column '{}'{}", header[i].text,
                             suggestion(header[i].text, columns.key_names())));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (header[j].text == header[i].text && !header[i].text.empty()) {
        sink.error(header[i].mark, "",
                   fmt::format("column '{}' appears twice (first at column {})", header[i].text,
                               header[j].mark.column));
      }
    }
  }
  if (sink.count() != errors_before) return std::nullopt;

  YamlNode list;
  list.kind = YamlKind::kSequence;
  list.mark = YamlMark{file_name, 1, 1};
  for (std::size_t r = 1; r < rows->size(); ++r) {
    const std::vector<Cell>& row = (*rows)[r];
    if (row.size() > header.size()) {  // reported, and the other rows still read
      sink.error(
          row[header.size()].mark, "",
          fmt::format("{} cells, but the header names {} columns", row.size(), header.size()));
      continue;
    }
    YamlNode entry;
    entry.kind = YamlKind::kMap;
    entry.mark = row.front().mark;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string value = trimmed(row[c].text);
      if (value.empty()) continue;
      YamlNode cell;
      cell.kind = YamlKind::kScalar;
      cell.mark = row[c].mark;
      cell.text = value;
      // The unknown-column message points at the header cell.
      entry.entries.push_back(YamlEntry{header[c].text, header[c].mark, std::move(cell)});
    }
    list.items.push_back(std::move(entry));
  }
  return list;
}

std::string hires_to_csv(const model::ScenarioSpec& spec) {
  // With a start date the months are written as the calendar months a planner reads (2027-03);
  // the loader turns them back into the same month numbers.
  const MonthNames months = month_names_of(spec);
  const auto month_text = [&](int month) {
    return months.start() ? months.iso(month) : std::to_string(month);
  };
  std::string out = "role,month,start_month,count,territory,source\n";
  for (const model::HireSpec& hire : spec.hires) {
    out += fmt::format("{},{},{},{},{},{}\n", csv_field(hire.role),
                       hire.by_start_month ? "" : month_text(hire.month),
                       hire.by_start_month ? month_text(hire.month) : "", hire.count,
                       csv_field(hire.territory), csv_field(hire.source));
  }
  return out;
}

}  // namespace teamsim::app
