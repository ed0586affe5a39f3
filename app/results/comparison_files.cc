#include "app/results/comparison_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "app/common/csv.h"
#include "app/common/number_format.h"
#include "app/common/utf8.h"
#include "app/common/version.h"
#include "app/results/json_schema_parts.h"
#include "app/results/summary_writer.h"
#include "app/results/terminal_table.h"
#include "app/scenario/scenario_json.h"

namespace teamsim::app {
namespace {

nlohmann::ordered_json vector_json(const Eigen::VectorXd& v) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) out.push_back(v(i));
  return out;
}

nlohmann::ordered_json summary_json_of(const sim::ColumnSummary& s) {
  nlohmann::ordered_json out;
  out["mean"] = vector_json(s.mean);
  out["se"] = vector_json(s.se);
  for (std::size_t p = 0; p < sim::kPercentileNames.size(); ++p) {
    out[sim::kPercentileNames[p]] = vector_json(s.percentiles.col(static_cast<Eigen::Index>(p)));
  }
  out["defined"] = whole_counts(s.defined);
  return out;
}

/// The rows of the terminal table: the key metrics a founder compares plans on, then cash risk.
constexpr std::string_view kComparedMetrics[] = {
    "arr",  "new_bookings", "customers",         "headcount_total", "ramped_capacity",
    "cash", "cash_low",     "cash_ever_negative"};

// cash_ever_negative is 0 or 1 in each history: its plans' cells are the probability (the mean),
// its difference a difference of probabilities in percentage points; a p10..p90 of 0/1
// differences says nothing, so it is left blank.
void add_probability_cells(const MetricComparison& metric, Eigen::Index c, std::size_t plans,
                           std::vector<std::string>& row) {
  for (std::size_t i = 0; i < plans; ++i) {
    row.push_back(fmt::format("{:.1f}%", 100.0 * metric.plans[i].mean(c)));
  }
  for (std::size_t j = 1; j < plans; ++j) {
    const sim::PairedSummary& d = metric.differences[j - 1];  // pair (0, j)
    const double mean = 100.0 * d.difference.mean(c);
    const double half = 100.0 * 1.96 * d.difference.se(c);
    row.push_back(fmt::format("{:+.1f} pp ({:+.1f} .. {:+.1f})", mean, mean - half, mean + half));
    row.push_back("");
    row.push_back(fmt::format("{:.0f}%", 100.0 * d.prob_greater(c)));
    row.push_back(fmt::format("{:.0f}%", 100.0 * d.prob_equal(c)));
  }
}

}  // namespace

std::string comparison_csv(const PlanComparison& comparison,
                           const std::vector<MetricComparison>& metrics) {
  // With a common start date, a `date` column (2027-03) after the month, as in summary.csv.
  const MonthNames names = comparison.month_names();
  const bool dated = names.start().has_value();
  std::string out = std::string("row_kind,plan_a,plan_b,metric,unit,month,") +
                    (dated ? "date," : "") + statistics_csv_header() + ",p_a_greater,p_equal\n";
  const auto row = [&](const char* kind, const std::string& a, const std::string& b,
                       const MetricComparison& metric, Eigen::Index month,
                       const sim::ColumnSummary& s, const std::string& odds) {
    const int number = static_cast<int>(month) + 1;
    out += fmt::format("{},{},{},{},{},{},{}{},{}\n", kind, csv_field(a), csv_field(b),
                       csv_field(metric.info.name), metric.info.unit, number,
                       dated ? names.iso(number) + ',' : "", statistics_csv_fields(s, month), odds);
  };
  for (const MetricComparison& metric : metrics) {
    for (Eigen::Index month = 0; month < comparison.horizon_months; ++month) {
      for (std::size_t i = 0; i < metric.plans.size(); ++i) {
        row("plan", comparison.labels[i], "", metric, month, metric.plans[i], ",");
      }
      for (std::size_t k = 0; k < metric.pairs.size(); ++k) {
        const auto [a, b] = metric.pairs[k];
        row("difference", comparison.labels[a], comparison.labels[b], metric, month,
            metric.differences[k].difference,
            csv_number(metric.differences[k].prob_greater(month)) + ',' +
                csv_number(metric.differences[k].prob_equal(month)));
      }
    }
  }
  return out;
}

std::string comparison_json(const PlanComparison& comparison,
                            const std::vector<MetricComparison>& metrics,
                            const std::vector<ComparedPlan>& plans) {
  nlohmann::ordered_json doc;
  doc["schema_version"] = kCompareSchemaVersion;
  doc["tool"] = "teamsim";
  doc["version"] = kVersion;
  doc["common_random_numbers"] =
      std::all_of(comparison.seeds.begin(), comparison.seeds.end(),
                  [&](std::uint64_t s) { return s == comparison.seeds.front(); });
  doc["replications"] = comparison.replications;
  doc["horizon_months"] = comparison.horizon_months;
  if (comparison.start_date) doc["start_date"] = iso_month(*comparison.start_date);
  doc["currency"] = comparison.currency;
  doc["plans"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < comparison.labels.size(); ++i) {
    nlohmann::ordered_json plan;
    plan["label"] = comparison.labels[i];
    plan["name"] = plans[i].spec.name;
    plan["seed"] = comparison.seeds[i];
    plan["scenario_hash"] = comparison.scenario_hashes[i];
    plan["scenario"] =
        scenario_as_run_json(plans[i].spec, comparison.replications, comparison.seeds[i]);
    doc["plans"].push_back(std::move(plan));
  }
  doc["metrics"] = nlohmann::ordered_json::array();
  for (const MetricComparison& metric : metrics) {
    nlohmann::ordered_json m;
    m["name"] = metric.info.name;
    m["unit"] = metric.info.unit;
    m["description"] = metric.info.description;
    m["plans"] = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < metric.plans.size(); ++i) {
      m["plans"][comparison.labels[i]] = summary_json_of(metric.plans[i]);
    }
    m["differences"] = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < metric.pairs.size(); ++k) {
      nlohmann::ordered_json d;
      d["plan_a"] = comparison.labels[metric.pairs[k].first];
      d["plan_b"] = comparison.labels[metric.pairs[k].second];
      d.update(summary_json_of(metric.differences[k].difference));
      d["p_a_greater"] = vector_json(metric.differences[k].prob_greater);
      d["p_equal"] = vector_json(metric.differences[k].prob_equal);
      m["differences"].push_back(std::move(d));
    }
    doc["metrics"].push_back(std::move(m));
  }
  return doc.dump(2) + "\n";
}

nlohmann::ordered_json comparison_json_schema() {
  using namespace schema;
  const Json statistics = column_summary_object(/*with_se=*/true);

  Json difference_required = Json::array({"plan_a", "plan_b"});
  Json difference_properties{{"plan_a", typed("string", "The label of the plan subtracted from.")},
                             {"plan_b", typed("string")}};
  add_column_summary(difference_properties, difference_required, /*with_se=*/true);
  difference_properties["p_a_greater"] = month_values(
      "Per month, the share of replications in which plan_a's value exceeds plan_b's by more "
      "than the tie tolerance (docs/comparing-plans.md).");
  difference_properties["p_equal"] =
      month_values("Per month, the share of replications in which the two are within it.");
  difference_required.push_back("p_a_greater");
  difference_required.push_back("p_equal");

  const Json metric = closed_object(
      Json{{"name", typed("string", "The metric's name, as in summary.csv, e.g. arr.")},
           {"unit", typed("string")},
           {"description", typed("string")},
           {"plans", Json{{"type", "object"},
                          {"additionalProperties", statistics},
                          {"description", "Each plan's statistics, by its label."}}},
           {"differences",
            array_of(closed_object(difference_properties, difference_required),
                     "Each pair's per-replication differences, plan_a minus plan_b.")}},
      Json::array({"name", "unit", "description", "plans", "differences"}));

  const Json plan =
      closed_object(Json{{"label", typed("string", "FILE, FILE:VARIANT or the variant's name.")},
                         {"name", typed("string", "The scenario's name:.")},
                         {"seed", whole(0)},
                         {"scenario_hash", scenario_hash_field()},
                         {"scenario", scenario_json_schema()}},
                    Json::array({"label", "name", "seed", "scenario_hash", "scenario"}));

  const Json body = closed_file_object(
      kCompareSchemaVersion,
      Json{{"common_random_numbers", typed("boolean",
                                           "Whether every plan ran on the same seed (false with "
                                           "--independent-streams).")},
           {"replications", whole(1)},
           {"horizon_months", whole(1)},
           {"start_date", iso_month_field("Written only when the plans share one.")},
           {"currency", typed("string")},
           {"plans", array_of(plan)},
           {"metrics", array_of(metric)}},
      Json::array({"common_random_numbers", "replications", "horizon_months", "currency", "plans",
                   "metrics"}));
  return result_file_schema("teamsim compare.json",
                            "What teamsim compare writes as compare.json (docs/comparing-plans.md, "
                            "docs/output-folders.md).",
                            body);
}

std::vector<std::vector<std::string>> comparison_rows(
    const PlanComparison& comparison, const std::vector<MetricComparison>& metrics) {
  const std::string symbol = currency_symbol(comparison.currency);
  const std::size_t plans = comparison.labels.size();
  std::vector<std::vector<std::string>> rows;
  const MonthNames names = comparison.month_names();
  // Month numbers stay bare ("24") as before; calendar months are named ("Dec 2028").
  const auto month_cell = [&](int month) {
    return names.start() ? names.label(month) : std::to_string(month);
  };
  std::vector<std::string> header = {"metric", "month"};
  const auto letter = [](std::size_t i) { return std::string(1, static_cast<char>('A' + i % 26)); };
  for (std::size_t i = 0; i < plans; ++i) header.push_back(letter(i) + " p50");
  for (std::size_t j = 1; j < plans; ++j) {
    const std::string pair = "A-" + letter(j);
    header.push_back(pair + " mean (95% CI)");
    header.push_back(pair + " p10..p90");
    header.push_back(fmt::format("P(A>{})", letter(j)));
    header.push_back(fmt::format("P(A={})", letter(j)));
  }
  rows.push_back(header);
  for (const std::string_view name : kComparedMetrics) {
    const std::size_t m = comparison.find_metric(std::string(name));
    if (m == comparison.metrics.size()) continue;
    const MetricComparison& metric = metrics[m];
    const std::string unit_symbol = metric.info.unit == "currency" ? symbol : "";
    for (const int month : key_months(comparison.horizon_months)) {
      const Eigen::Index c = month - 1;
      if (name == "cash_ever_negative") {
        std::vector<std::string> row = {"P(cash < 0) by then", month_cell(month)};
        add_probability_cells(metric, c, plans, row);
        rows.push_back(std::move(row));
        continue;
      }
      // Percentiles in the metric's unit, as run's table writes them: a count's median of 60.5
      // customers reads 61, an outcome a run can have (compare.csv keeps 60.5). Means keep their
      // decimals: a mean difference of -0.52 people is not noise.
      const auto percentile = [&](double value) {
        return format_metric_number(value, metric.info.unit, symbol);
      };
      std::vector<std::string> row = {std::string(key_metric_label(name)), month_cell(month)};
      for (std::size_t i = 0; i < plans; ++i) {
        row.push_back(percentile(metric.plans[i].percentiles(c, sim::kColumnP50)));
      }
      for (std::size_t j = 1; j < plans; ++j) {
        const sim::PairedSummary& d = metric.differences[j - 1];  // pair (0, j)
        const double half = 1.96 * d.difference.se(c);
        row.push_back(fmt::format("{} ({} .. {})",
                                  format_compact(d.difference.mean(c), unit_symbol),
                                  format_compact(d.difference.mean(c) - half, unit_symbol),
                                  format_compact(d.difference.mean(c) + half, unit_symbol)));
        row.push_back(fmt::format("{} .. {}",
                                  percentile(d.difference.percentiles(c, sim::kColumnP10)),
                                  percentile(d.difference.percentiles(c, sim::kColumnP90))));
        row.push_back(fmt::format("{:.0f}%", 100.0 * d.prob_greater(c)));
        row.push_back(fmt::format("{:.0f}%", 100.0 * d.prob_equal(c)));
      }
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

std::string comparison_table(const PlanComparison& comparison,
                             const std::vector<MetricComparison>& metrics,
                             std::size_t max_columns) {
  const std::vector<std::vector<std::string>> rows = comparison_rows(comparison, metrics);
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t k = 0; k < row.size(); ++k) {
      widths[k] = std::max(widths[k], utf8_width(row[k]));
    }
  }
  // Column groups after metric and month: the medians, then each pair's cells.
  const std::size_t plans = comparison.labels.size();
  std::vector<std::pair<std::size_t, std::size_t>> groups = {{2, 2 + plans}};
  for (std::size_t k = 2 + plans; k < widths.size(); k += kComparisonPairColumns) {
    groups.push_back({k, std::min(k + kComparisonPairColumns, widths.size())});
  }
  const auto group_width = [&](const std::pair<std::size_t, std::size_t>& g) {
    std::size_t width = 0;
    for (std::size_t k = g.first; k < g.second; ++k) width += 2 + widths[k];
    return width;
  };
  const std::size_t keys = widths[0] + 2 + widths[1];
  if (max_columns > 0) {  // a group too wide for any block goes column by column
    std::vector<std::pair<std::size_t, std::size_t>> narrow;
    for (const auto& group : groups) {
      if (keys + group_width(group) <= max_columns) {
        narrow.push_back(group);
      } else {
        for (std::size_t k = group.first; k < group.second; ++k) narrow.push_back({k, k + 1});
      }
    }
    groups = std::move(narrow);
  }
  std::vector<std::vector<std::size_t>> blocks;  // the columns of each block
  std::size_t used = 0;
  for (const auto& group : groups) {
    const bool fits = max_columns == 0 || keys + used + group_width(group) <= max_columns;
    if (blocks.empty() || !fits) {
      blocks.push_back({0, 1});
      used = 0;
    }
    for (std::size_t k = group.first; k < group.second; ++k) blocks.back().push_back(k);
    used += group_width(group);
  }
  std::string out;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (b > 0) out += '\n';
    for (const auto& row : rows) {
      for (const std::size_t k : blocks[b]) {
        const std::string pad(widths[k] - utf8_width(row[k]), ' ');
        out += k == 0 ? row[k] + pad : "  " + pad + row[k];
      }
      out += '\n';
    }
  }
  out +=
      "\nDifferences are computed per replication (plan A minus the other plan); the\n"
      "95% CI is for the mean difference, p10..p90 is the spread of the per-replication\n"
      "differences. P(A>B) is the share of replications where A is higher, P(A=B)\n"
      "where both are equal. In the P(cash < 0) rows the p50 columns give each plan's\n"
      "share of replications whose cash fell below 0 by then, and A-B is in points.\n";
  return out;
}

}  // namespace teamsim::app
