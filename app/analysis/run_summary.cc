#include "app/analysis/run_summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "app/common/csv.h"
#include "app/common/version.h"
#include "app/scenario/scenario_json.h"
#include "app/scenario/yaml_reader.h"

namespace teamsim::app {
namespace {

/// Bumped whenever a field of summary.json changes meaning or disappears.
constexpr int kSummarySchemaVersion = 1;

const char* kind_name(model::MetricKind kind) {
  return kind == model::MetricKind::kStock ? "stock" : "flow";
}

}  // namespace

const MetricSummary* RunSummary::find(const std::string& name) const {
  for (const MetricSummary& metric : metrics) {
    if (metric.info.name == name) return &metric;
  }
  return nullptr;
}

std::vector<HistogramRequest> key_histograms(int horizon_months) {
  return {{"arr", horizon_months}};
}

std::optional<HistogramOption> parse_histogram_option(std::string_view text, std::string& error) {
  const std::size_t at = text.rfind('@');
  if (at == std::string_view::npos || at == 0) {
    error = fmt::format("'{}' is not METRIC@MONTH (e.g. arr@24 or customers@last)", text);
    return std::nullopt;
  }
  HistogramOption option;
  option.metric = std::string(text.substr(0, at));
  const std::string_view month = text.substr(at + 1);
  if (month == "last") return option;
  int number = 0;
  const auto [end, problem] = std::from_chars(month.data(), month.data() + month.size(), number);
  if (month.empty() || problem != std::errc() || end != month.data() + month.size() || number < 1) {
    error = fmt::format("'{}' is not a month: give a month number from 1, or 'last'", month);
    return std::nullopt;
  }
  option.month = number;
  return option;
}

std::optional<HistogramRequest> resolve_histogram_option(
    const HistogramOption& option, const std::vector<std::string>& metric_names, int horizon_months,
    std::string& error) {
  if (std::find(metric_names.begin(), metric_names.end(), option.metric) == metric_names.end()) {
    error = fmt::format("unknown metric '{}'{}", option.metric,
                        suggestion(option.metric, metric_names, "metrics are"));
    return std::nullopt;
  }
  const int month = option.month.value_or(horizon_months);
  if (month > horizon_months) {
    error = fmt::format("month {} is outside the horizon of {} months", month, horizon_months);
    return std::nullopt;
  }
  return HistogramRequest{option.metric, month};
}

std::optional<HistogramRequest> parse_histogram_request(
    std::string_view text, const std::vector<std::string>& metric_names, int horizon_months,
    std::string& error) {
  const std::optional<HistogramOption> option = parse_histogram_option(text, error);
  if (!option) return std::nullopt;
  return resolve_histogram_option(*option, metric_names, horizon_months, error);
}

std::string_view bin_rule_name(sim::BinRule rule) {
  switch (rule) {
    case sim::BinRule::kFreedmanDiaconis:
      return "freedman-diaconis";
    case sim::BinRule::kSturges:
      return "sturges";
    case sim::BinRule::kSingleValue:
      return "single-value";
  }
  return "";
}

RunSummary summarize_run(const model::ScenarioSpec& spec, const model::Projection& projection,
                         std::uint64_t seed,
                         const std::vector<HistogramRequest>& extra_histograms) {
  RunSummary summary;
  summary.scenario_name = spec.name;
  summary.scenario_hash = scenario_hash(spec);
  summary.seed = seed;
  summary.replications = projection.samples.replications();
  summary.horizon_months = spec.horizon_months;
  summary.currency = spec.money.currency;
  summary.events = projection.events;
  for (std::size_t i = 0; i < projection.stored.size(); ++i) {
    summary.metrics.push_back(
        {projection.stored_info(i), sim::summarize_columns(projection.samples.metric(i))});
  }
  const auto add_histogram = [&](const HistogramRequest& request, bool required) {
    const bool repeated = std::any_of(
        summary.histograms.begin(), summary.histograms.end(), [&](const HistogramSummary& h) {
          return h.metric == request.metric && h.month == request.month;
        });
    if (repeated) return;
    const Eigen::MatrixXd* samples = projection.find(request.metric);
    if (samples == nullptr || request.month < 1 || request.month > samples->cols()) {
      if (!required) return;
      throw std::invalid_argument(
          fmt::format("no histogram of {} at month {}: {}", request.metric, request.month,
                      samples == nullptr ? "the metric was not kept" : "outside the horizon"));
    }
    const Eigen::VectorXd column = samples->col(request.month - 1);
    const std::size_t index = projection.layout.find(request.metric);
    summary.histograms.push_back(
        {request.metric, request.month,
         sim::make_histogram(std::vector<double>(column.data(), column.data() + column.size()),
                             projection.layout.info(index).unit == "count")});
  };
  for (const HistogramRequest& request : key_histograms(spec.horizon_months)) {
    add_histogram(request, false);
  }
  for (const HistogramRequest& request : extra_histograms) add_histogram(request, true);
  return summary;
}

std::string summary_csv(const RunSummary& summary) {
  std::string out = "scenario,month,metric,unit,mean,se";
  for (const char* name : sim::kPercentileNames) out += fmt::format(",{}", name);
  out += '\n';
  const std::string scenario = csv_field(summary.scenario_name);
  for (const MetricSummary& metric : summary.metrics) {
    for (Eigen::Index month = 0; month < metric.stats.mean.size(); ++month) {
      out += fmt::format("{},{},{},{},{},{}", scenario, month + 1, metric.info.name,
                         metric.info.unit, metric.stats.mean(month), metric.stats.se(month));
      for (Eigen::Index p = 0; p < metric.stats.percentiles.cols(); ++p) {
        out += fmt::format(",{}", metric.stats.percentiles(month, p));
      }
      out += '\n';
    }
  }
  return out;
}

std::string summary_json(const RunSummary& summary, const model::ScenarioSpec& spec) {
  nlohmann::ordered_json doc;
  doc["schema_version"] = kSummarySchemaVersion;
  doc["tool"] = "teamsim";
  doc["version"] = kVersion;
  doc["scenario"] = summary.scenario_name;
  doc["scenario_hash"] = summary.scenario_hash;
  doc["seed"] = summary.seed;
  doc["replications"] = summary.replications;
  doc["horizon_months"] = summary.horizon_months;
  doc["currency"] = summary.currency;
  doc["percentiles"] = sim::kPercentileNames;
  nlohmann::ordered_json metrics = nlohmann::ordered_json::array();
  for (const MetricSummary& metric : summary.metrics) {
    nlohmann::ordered_json entry;
    entry["name"] = metric.info.name;
    entry["unit"] = metric.info.unit;
    entry["kind"] = kind_name(metric.info.kind);
    entry["description"] = metric.info.description;
    const auto column = [](const auto& vector) {
      return std::vector<double>(vector.data(), vector.data() + vector.size());
    };
    entry["mean"] = column(metric.stats.mean);
    entry["se"] = column(metric.stats.se);
    for (Eigen::Index p = 0; p < metric.stats.percentiles.cols(); ++p) {
      const Eigen::VectorXd values = metric.stats.percentiles.col(p);
      entry[sim::kPercentileNames[static_cast<std::size_t>(p)]] = column(values);
    }
    metrics.push_back(std::move(entry));
  }
  doc["metrics"] = std::move(metrics);
  nlohmann::ordered_json histograms = nlohmann::ordered_json::array();
  for (const HistogramSummary& h : summary.histograms) {
    nlohmann::ordered_json entry;
    entry["metric"] = h.metric;
    entry["month"] = h.month;
    entry["rule"] = bin_rule_name(h.histogram.rule);
    entry["first_edge"] = h.histogram.first_edge;
    entry["bin_width"] = h.histogram.bin_width;
    entry["counts"] = h.histogram.counts;
    entry["missing"] = h.histogram.missing;
    histograms.push_back(std::move(entry));
  }
  doc["histograms"] = std::move(histograms);
  doc["resolved_scenario"] = scenario_to_json(spec);
  return doc.dump(2) + "\n";
}

}  // namespace teamsim::app
