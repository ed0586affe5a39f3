#include "app/report/report_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>

#include "app/analysis/cash_risk.h"
#include "app/charts/bar_chart.h"
#include "app/charts/chart_style.h"
#include "app/charts/fan_chart.h"
#include "app/common/number_format.h"
#include "app/common/plural.h"
#include "app/common/role_noun.h"
#include "app/common/sentence_case.h"
#include "models/metrics.h"
#include "sim/statistics.h"

namespace teamsim::app {
namespace {

/// Ramped AEs a run on average below which a run's attainment percentiles are said to be no
/// shares of all AEs (ten AEs: the 10th percentile is then about the weakest one).
constexpr double kFewRampedAes = 10;

struct KnownMetric {
  const char* name;
  const char* title;
  const char* y_label;
  const char* note;
};

constexpr KnownMetric kFanMetrics[] = {
    {"arr", "ARR", "annual recurring revenue", "Annual recurring revenue at month end (12 x MRR)."},
    {"mrr", "MRR", "monthly recurring revenue", "Monthly recurring revenue at month end."},
    {"new_bookings", "New bookings", "new ACV signed in the month",
     "Annual contract value of the deals won in each month."},
    {"customers", "Customers", "customers", "Paying customers at month end."},
    {"headcount_total", "Sales headcount", "people",
     "Everyone in the sales team (the scenario's roles) at month end; founders and staff "
     "outside sales are not counted."},
};

constexpr KnownMetric kLateFanMetrics[] = {
    {"ramped_capacity", "Ramped capacity", "full-rep equivalents",
     "Selling capacity of the account executives, in fully ramped reps."},
    {"cash", "Cash", "cash balance",
     "Cash at month end; the dark line labelled zero cash is where the money runs out."},
};

/// The fan metric of this name, or nullptr.
const KnownMetric* find_known(const std::string& name) {
  for (const KnownMetric& known : kFanMetrics) {
    if (name == known.name) return &known;
  }
  for (const KnownMetric& known : kLateFanMetrics) {
    if (name == known.name) return &known;
  }
  return nullptr;
}

std::string humanize(std::string text) {
  for (char& c : text) {
    if (c == '_') c = ' ';
  }
  return text;
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// `value` as written ("7.41", "n/a") followed by the word of a unit the number does not show
/// by itself, as the axis names it: "7.41 months", "12 days", "2.5 FTE"; money and shares carry
/// their own signs ("$1.2M", "37.5%") and a count is its axis' noun, so those stay as they are.
std::string with_unit_word(const std::string& value, const std::string& unit) {
  if (value == "n/a") return value;
  if (unit == "months") return fmt::format("{} {}", value, value == "1" ? "month" : "months");
  if (unit == "days") return fmt::format("{} {}", value, value == "1" ? "day" : "days");
  if (unit == "fte") return value + " FTE";
  return value;
}

std::string subtitle(const RunSummary& summary, const std::string& what) {
  return fmt::format("{} · {}", what, grouped_count(summary.replications, "replication"));
}

/// "Series A · `rest`": a chart pasted alone into a slide says which plan it shows, as the fan
/// charts do; `rest` alone for a plan without a name.
std::string naming_the_plan(const RunSummary& summary, const std::string& rest) {
  return summary.scenario_name.empty() ? rest : fmt::format("{} · {}", summary.scenario_name, rest);
}

ReportChart fan_chart(const RunSummary& summary, const MetricSummary& metric,
                      const std::string& title, const std::string& y_label, std::string note) {
  FanChartSpec spec;
  spec.title = title;
  spec.subtitle = subtitle(summary, summary.scenario_name);
  const bool money = metric.info.unit == "currency";
  spec.currency_symbol = money ? currency_symbol(summary.currency) : "";
  spec.y_label = with_unit(y_label, metric.info.unit, summary.currency);
  spec.whole_numbers = metric.info.unit == "count";
  spec.series.push_back(fan_series(summary.scenario_name, metric.stats));
  spec.width = kReportChartWidth;
  spec.height = kReportChartHeight;
  spec.months = summary.month_names();
  if (metric.info.name == "cash") {
    spec.reference_line = 0.0;
    spec.reference_label = "zero cash";
    if (const auto month = first_month_at_risk(summary, kRunwayRisk)) {
      spec.marked_month = *month;
      spec.marked_label = fmt::format("P(cash < 0) reaches {:.0f}% in {}", kRunwayRisk * 100,
                                      spec.months.phrase(*month));
      note += fmt::format(
          " The marker shows the first month by which {:.0f}% or more of the runs have gone "
          "below zero cash (the end of the runway).",
          kRunwayRisk * 100);
    } else if (summary.find(kCashEverNegativeMetric) != nullptr) {
      note += fmt::format(
          " Fewer than {:.0f}% of the runs have gone below zero cash by any month (the runway "
          "lasts the whole horizon).",
          kRunwayRisk * 100);
    }
  }
  return {metric.info.name, title, std::move(note), render_fan_chart(spec)};
}

/// The mean of a flow metric summed over every month: means add up, percentiles do not.
double horizon_total_mean(const MetricSummary& metric) { return metric.stats.mean.sum(); }

/// A per-territory measure drawn as bars, one bar per territory.
struct TerritoryMeasure {
  const char* suffix;      ///< the metric name's end: "territory.<name>" + suffix
  const char* file_stem;   ///< the chart's file name
  const char* title;       ///< the chart's title
  const char* axis_label;  ///< what the value axis measures
  const char* note;        ///< how to read it
  /// The mean month of the last year, rather than the horizon's total (a flow) or the last
  /// month's level (a stock).
  bool monthly = false;
};

constexpr TerritoryMeasure kTerritoryMeasures[] = {
    {kTerritoryBookingsSuffix, "territory_bookings", "Bookings by territory", "new ACV booked",
     "New bookings per territory over the whole horizon; uneven bars show uneven territories."},
    {".arr", "territory_arr", "ARR by territory", "ARR",
     "Annual recurring revenue at the last month of the customers whose accounts are in each "
     "territory: the initial customers where the scenario placed them, won customers in their "
     "deal's territory. The bars are means over the runs and add up to the mean ARR."},
    {".bookings_per_rep", "territory_bookings_per_rep", "Bookings per rep by territory",
     "new ACV per rep per month",
     "Each month's new bookings of the territory divided by the account executives assigned to "
     "it, averaged over the last twelve months: where a rep sells more, the territory is "
     "understaffed or richer.",
     true},
    {".leads", "territory_leads", "Leads by territory", "leads",
     "Leads arriving in each territory over the whole horizon."},
    {".wins", "territory_wins", "Deals won by territory", "deals won",
     "Deals won in each territory over the whole horizon."},
};

/// The first month (1-based) of the horizon's last year, or 1 when the horizon is shorter.
int last_year_start(const RunSummary& summary) { return std::max(1, summary.horizon_months - 11); }

std::optional<ReportChart> territory_chart(const RunSummary& summary,
                                           const TerritoryMeasure& measure) {
  BarChartSpec spec;
  std::string unit;
  bool stock = false;
  const std::string suffix = measure.suffix;
  for (const MetricSummary& metric : summary.metrics) {
    const std::string& name = metric.info.name;
    if (!starts_with(name, "territory.") || !ends_with(name, suffix)) continue;
    const std::string territory = name.substr(10, name.size() - 10 - suffix.size());
    if (territory.empty()) continue;
    spec.labels.push_back(humanize(territory));
    const Eigen::VectorXd& mean = metric.stats.mean;
    double value = 0;
    if (measure.monthly) {
      const Eigen::Index first = last_year_start(summary) - 1;
      value = mean.segment(first, mean.size() - first).mean();
    } else {
      value = metric.info.kind == model::MetricKind::kFlow ? horizon_total_mean(metric)
                                                           : mean(mean.size() - 1);
    }
    spec.values.push_back(value);
    unit = metric.info.unit;
    stock = metric.info.kind == model::MetricKind::kStock;
  }
  // One territory says nothing the total charts do not.
  if (spec.labels.size() < 2) return std::nullopt;
  spec.title = measure.title;
  const std::string replications = grouped_count(summary.replications, "replication");
  const MonthNames names = summary.month_names();
  spec.subtitle = naming_the_plan(
      summary,
      measure.monthly
          ? fmt::format("mean month of {} · mean of {}",
                        names.span(last_year_start(summary), summary.horizon_months), replications)
      : stock
          ? fmt::format("at {} · mean of {}", names.phrase(summary.horizon_months), replications)
          : fmt::format("{} in total · mean of {}", names.span(1, summary.horizon_months),
                        replications));
  spec.currency_symbol = unit == "currency" ? currency_symbol(summary.currency) : "";
  spec.x_label = with_unit(measure.axis_label, unit, summary.currency);
  spec.orientation = BarOrientation::kHorizontal;
  spec.width = kReportChartWidth;
  spec.height = std::max(220, 110 + 44 * static_cast<int>(spec.labels.size()));
  return ReportChart{measure.file_stem, spec.title, measure.note, render_bar_chart(spec)};
}

/// "56%" from a median-over-replications percentile of attainment (a share of quota).
std::string attainment_percent(const MetricSummary& metric, Eigen::Index month) {
  return fmt::format("{:.0f}%", 100 * metric.stats.percentiles(month, sim::kColumnP50));
}

/// Bars of the spread of quota attainment across account executives at the last month, from the
/// model's per-month quota_attainment_p10/p50/p90 (median over replications), in % of quota: the
/// chart of a summary without the attainment bands (written before they existed, or a run whose
/// --metrics left them out).
std::optional<ReportChart> quota_spread_chart(const RunSummary& summary) {
  constexpr std::pair<const char*, const char*> kBars[] = {
      {"quota_attainment_p10", "AE at p10"},
      {"quota_attainment_p50", "median AE"},
      {"quota_attainment_p90", "AE at p90"},
  };
  BarChartSpec spec;
  for (const auto& [name, label] : kBars) {
    const MetricSummary* metric = summary.find(name);
    if (metric == nullptr) return std::nullopt;
    spec.labels.emplace_back(label);
    spec.values.push_back(100 *
                          metric->stats.percentiles(summary.horizon_months - 1, sim::kColumnP50));
  }
  spec.title = "Quota attainment across account executives";
  spec.subtitle = fmt::format("{} · {}, median over {}", summary.scenario_name,
                              summary.month_names().phrase(summary.horizon_months),
                              grouped_count(summary.replications, "replication"));
  spec.y_label = "% of quota";
  spec.width = kReportChartWidth;
  spec.height = kReportChartHeight;
  std::string note = "The spread of attainment among the account executives: 100 is on quota.";
  if (const MetricSummary* share = summary.find("share_at_quota")) {
    note +=
        fmt::format(" Median share of ramped AEs at or above quota: {:.0f}%.",
                    100 * share->stats.percentiles(summary.horizon_months - 1, sim::kColumnP50));
  }
  return ReportChart{"quota_attainment", spec.title, note, render_bar_chart(spec)};
}

/// "<50%", "50–80%", "≥120%": the attainment range of a band, from the model's edges.
std::string quota_band_label(std::size_t band) {
  const auto percent = [](double share) { return fmt::format("{:.0f}", 100 * share); };
  const std::size_t bands = std::size(model::kQuotaBandLowerEdges);
  if (band == 0) return fmt::format("<{}%", percent(model::kQuotaBandLowerEdges[1]));
  if (band + 1 == bands) return fmt::format("≥{}%", percent(model::kQuotaBandLowerEdges[band]));
  return fmt::format("{}–{}%", percent(model::kQuotaBandLowerEdges[band]),
                     percent(model::kQuotaBandLowerEdges[band + 1]));
}

/// Bars of the share of ramped account executives in each quota-attainment band at the last
/// month: the mean count of the band over the mean count of all bands, i.e. the share among all
/// the ramped AEs of all replications. Shares, not counts, so plans of different sizes compare.
std::optional<ReportChart> quota_band_chart(const RunSummary& summary) {
  const Eigen::Index last = summary.horizon_months - 1;
  std::vector<double> means;
  for (const char* band : model::kQuotaBandNames) {
    const MetricSummary* metric = summary.find(std::string(kQuotaAttainmentPrefix) + band);
    if (metric == nullptr || metric->stats.mean.size() <= last) return std::nullopt;
    means.push_back(metric->stats.mean(last));
  }
  double ramped = 0;
  for (const double mean : means) ramped += mean;
  if (!(ramped > 0)) return std::nullopt;
  const std::string replications = grouped_count(summary.replications, "replication");
  const std::string runs = grouped_count(summary.replications, "run");
  BarChartSpec spec;
  for (std::size_t band = 0; band < means.size(); ++band) {
    const std::string label = quota_band_label(band);
    const double share = 100 * means[band] / ramped;
    spec.labels.push_back(label);
    spec.values.push_back(std::round(10 * share) / 10);  // labelled to 0.1%
    spec.hover_texts.push_back(fmt::format("{} of quota: {:.1f}% of ramped AEs ({} of {} a run)",
                                           label, share, format_grouped(means[band], 1),
                                           format_grouped(ramped, 1)));
    const bool below_quota = model::kQuotaBandLowerEdges[band] < 1.0;
    spec.colours.emplace_back(chart_style::series_colour(below_quota ? 1 : 0));
  }
  spec.title = "Quota attainment across account executives";
  spec.subtitle = fmt::format("{} · {}, {}", summary.scenario_name,
                              summary.month_names().phrase(summary.horizon_months), replications);
  spec.y_label = fmt::format("share of the ramped account executives ({} a run on average)",
                             format_grouped(ramped, 1));
  spec.x_label = "bookings over the last 12 months as % of quota";
  spec.value_suffix = "%";
  spec.value_decimals = 1;  // "12.0%" beside "39.8%", as the values are rounded
  spec.width = kReportChartWidth;
  spec.height = kReportChartHeight;
  std::string note = fmt::format(
      "Where the ramped account executives stand against quota at {}: the share of them "
      "(over all {}) whose bookings over the last 12 months, or the months since their ramp "
      "ended when fewer, reached that part of the quota for those months. Orange bars are below "
      "quota; on quota counts as 100–120%.",
      summary.month_names().phrase(summary.horizon_months), runs);
  const MetricSummary* p10 = summary.find("quota_attainment_p10");
  const MetricSummary* p50 = summary.find("quota_attainment_p50");
  const MetricSummary* p90 = summary.find("quota_attainment_p90");
  if (p10 != nullptr && p50 != nullptr && p90 != nullptr) {
    // quota_attainment_p10 .. _p90 are percentiles among one run's own ramped AEs. In a team of
    // two or three they lie between its reps' attainments, so "the 10th percentile at 81%" must
    // not read as "a tenth of all AEs are below 81%" beside bars that put 29% below 80%.
    note += fmt::format(
        " Among one run's own ramped AEs ({} on average), the median AE is typically at {} of "
        "quota, the 10th percentile at {} and the 90th at {} (each the median over the runs)",
        format_grouped(ramped, 1), attainment_percent(*p50, last), attainment_percent(*p10, last),
        attainment_percent(*p90, last));
    note += ramped < kFewRampedAes
                ? "; with so few AEs a run's percentiles fall between its reps' attainments and "
                  "are no shares of all AEs: the bars give those."
                : ".";
  }
  return ReportChart{"quota_attainment", spec.title, note, render_bar_chart(spec)};
}

std::optional<ReportChart> quota_chart(const RunSummary& summary) {
  if (auto bands = quota_band_chart(summary)) return bands;
  return quota_spread_chart(summary);
}

}  // namespace

ReportChart histogram_chart(const RunSummary& summary, const HistogramSummary& h) {
  const MetricSummary* metric = summary.find(h.metric);
  const bool money = metric != nullptr && metric->info.unit == "currency";
  const std::string symbol = money ? currency_symbol(summary.currency) : "";
  const std::string title = metric_title(h.metric);
  const MonthNames names = summary.month_names();
  const sim::Histogram& bins = h.histogram;
  const std::size_t runs = bins.total() + bins.missing;
  const double replications = static_cast<double>(runs);
  BarChartSpec spec;
  spec.title = fmt::format("{} at {}: distribution", title, names.phrase(h.month));
  spec.subtitle = fmt::format("{} · {}", grouped_count(runs, "replication"), summary.scenario_name);
  if (metric != nullptr && h.month >= 1 && h.month <= metric->stats.percentiles.rows()) {
    const auto& p = metric->stats.percentiles;
    const auto value = [&](Eigen::Index column) {
      return format_metric_value(metric->info, p(h.month - 1, column), symbol);
    };
    // In the metric's unit, as the axis: "median 7.41 months, 80% of runs between 5.2 and 9.9
    // months"; the range's unit once, after it, as one says it.
    const std::string& unit = metric->info.unit;
    spec.subtitle = naming_the_plan(
        summary, fmt::format("median {}, 80% of runs between {} and {} · {}",
                             with_unit_word(value(sim::kColumnP50), unit), value(sim::kColumnP10),
                             with_unit_word(value(sim::kColumnP90), unit),
                             grouped_count(runs, "replication")));
  }
  spec.y_label = "replications";
  spec.x_label = metric != nullptr
                     ? metric_axis_label(h.metric, metric->info.unit, summary.currency)
                     : metric_y_label(h.metric);
  spec.whole_numbers = true;
  spec.value_labels = false;
  // Counts in bins of one: the value under each bar; otherwise the edges between bars. A ratio's
  // edges in per cent, as its subtitle and tables write it ("20%", not "0.2").
  const bool per_value = metric != nullptr && metric->info.unit == "count" && bins.bin_width == 1;
  const bool ratio = metric != nullptr && metric->info.unit == "ratio";
  const auto edge_text = [&](double value) {
    return ratio ? fmt::format("{}%", format_compact(100 * value)) : format_compact(value, symbol);
  };
  for (std::size_t i = 0; i < bins.counts.size(); ++i) {
    const double count = static_cast<double>(bins.counts[i]);
    spec.values.push_back(count);
    const std::string from = edge_text(bins.edge(i));
    const std::string to = edge_text(bins.edge(i + 1));
    spec.labels.push_back(per_value ? from : "");
    spec.hover_texts.push_back(
        fmt::format("{}: {} {} ({:.1f}%)", per_value ? from : fmt::format("{} to {}", from, to),
                    format_grouped(count, 0), noun(bins.counts[i], "replication"),
                    replications > 0 ? 100 * count / replications : 0.0));
  }
  if (!per_value) {
    for (std::size_t i = 0; i <= bins.counts.size(); ++i) {
      spec.edge_labels.push_back(edge_text(bins.edge(i)));
    }
  }
  spec.width = kReportChartWidth;
  spec.height = kReportChartHeight;
  const std::string rule = bins.rule == sim::BinRule::kFreedmanDiaconis
                               ? "Freedman–Diaconis rule, rounded to a round number"
                           : bins.rule == sim::BinRule::kSturges
                               ? "Sturges' rule, as most runs give the same value"
                               : "every run gives the same value";
  // A share's last bar ends at its bound and holds it: 100% is in the bar from 80% to 100%.
  const std::string closed =
      bins.last_closed && !bins.counts.empty()
          ? fmt::format(
                " Each bar holds its lower edge, the last also its upper one, {}: the most "
                "the metric can be.",
                edge_text(bins.edge(bins.counts.size())))
          : "";
  return {
      fmt::format("histogram.{}.m{}", h.metric, h.month), spec.title,
      fmt::format("How the simulated outcomes of {} at {} spread: each bar counts the "
                  "runs in a bin {} wide ({}).{}",
                  title, names.phrase(h.month),
                  ratio ? fmt::format("{} percentage points", format_compact(100 * bins.bin_width))
                  : metric != nullptr
                      ? with_unit_word(format_compact(bins.bin_width, symbol), metric->info.unit)
                      : format_compact(bins.bin_width, symbol),
                  rule, closed),
      render_bar_chart(spec)};
}

FanSeries fan_series(const std::string& label, const sim::ColumnSummary& stats) {
  const auto column = [&](Eigen::Index p) {
    const Eigen::VectorXd values = stats.percentiles.col(p);
    return std::vector<double>(values.data(), values.data() + values.size());
  };
  return {label,
          column(sim::kColumnP5),
          column(sim::kColumnP25),
          column(sim::kColumnP50),
          column(sim::kColumnP75),
          column(sim::kColumnP95)};
}

std::string metric_y_label(const std::string& metric_name) {
  if (const KnownMetric* known = find_known(metric_name)) return known->y_label;
  if (metric_name.rfind("headcount", 0) == 0) return "people";
  // The title's first letter in lower case, unless it begins an acronym ("CAC", "NRR").
  return in_sentence(metric_title(metric_name));
}

std::string with_unit(std::string label, const std::string& unit, const std::string& currency) {
  if (unit == "currency") return currency.empty() ? label : fmt::format("{} ({})", label, currency);
  if (!is_duration_unit(unit)) return label;
  if (ends_with(label, " (" + unit + ")")) return label;  // metric_title said it already
  if (ends_with(label, " " + unit)) label.resize(label.size() - unit.size() - 1);
  return fmt::format("{} ({})", label, unit);
}

std::string metric_axis_label(const std::string& metric_name, const std::string& unit,
                              const std::string& currency) {
  return with_unit(metric_y_label(metric_name), unit, currency);
}

bool ever_positive(const MetricSummary& metric) {
  return (metric.stats.percentiles.array() > 0).any();
}

namespace {

/// Metrics of one role each, "<family>.<role>", titled "Headcount: AEs".
constexpr const char* kPerRoleFamilies[] = {"headcount", "hired_to_date", "recruiting_queue"};

/// Metrics of one named entity each, "<family>.<name>.<measure>", titled "Wins: events channel";
/// a territory's without the family's word, as the territory charts say "Bookings: emea".
struct EntityFamily {
  const char* family;
  const char* noun;
};
constexpr EntityFamily kEntityFamilies[] = {
    {"territory", ""}, {"channel", "channel"}, {"product", "product"}, {"segment", "segment"}};

/// `words` with the acronyms in capitals, as the known metrics write them ("CAC payback", not
/// "Cac"), "avg" in full, and the first letter in capitals.
std::string sentence_with_acronyms(const std::string& words) {
  std::string title;
  std::size_t start = 0;
  while (start <= words.size()) {
    const std::size_t end = std::min(words.find(' ', start), words.size());
    std::string word = words.substr(start, end - start);
    if (word == "cac" || word == "arr" || word == "mrr" || word == "nrr" || word == "grr" ||
        word == "ae") {
      for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (word == "aes") {
      word = "AEs";
    } else if (word == "avg") {
      word = "average";
    }
    title += (start == 0 ? "" : " ") + word;
    start = end + 1;
  }
  if (!title.empty()) title[0] = static_cast<char>(std::toupper(title[0]));
  return title;
}

}  // namespace

std::string metric_title(const std::string& metric_name) {
  if (const KnownMetric* known = find_known(metric_name)) return known->title;
  for (const char* family : kPerRoleFamilies) {
    const std::string prefix = std::string(family) + ".";
    if (starts_with(metric_name, prefix)) {
      return fmt::format("{}: {}", sentence_with_acronyms(humanize(family)),
                         role_noun(metric_name.substr(prefix.size())).many);
    }
  }
  for (const EntityFamily& entity : kEntityFamilies) {
    const std::string prefix = std::string(entity.family) + ".";
    const auto dot = metric_name.rfind('.');
    if (!starts_with(metric_name, prefix) || dot <= prefix.size()) continue;
    const std::string name = humanize(metric_name.substr(prefix.size(), dot - prefix.size()));
    const std::string measure = sentence_with_acronyms(humanize(metric_name.substr(dot + 1)));
    if (measure.empty()) break;
    return *entity.noun == '\0' ? fmt::format("{}: {}", measure, name)
                                : fmt::format("{}: {} {}", measure, name, entity.noun);
  }
  if (starts_with(metric_name, kQuotaAttainmentPrefix)) {
    const std::string band = metric_name.substr(std::string(kQuotaAttainmentPrefix).size());
    for (std::size_t b = 0; b < std::size(model::kQuotaBandNames); ++b) {
      if (band == model::kQuotaBandNames[b]) {
        return fmt::format("Ramped AEs at {} of quota", quota_band_label(b));
      }
    }
  }
  // A last word naming the unit is the unit in brackets, as the axes say it: "CAC payback
  // (months) at month 24", not "CAC payback months at month 24".
  std::string title = sentence_with_acronyms(humanize(metric_name));
  for (const std::string_view duration : kDurationUnits) {
    if (const std::string unit(duration); ends_with(title, " " + unit)) {
      title.resize(title.size() - unit.size() - 1);
      return fmt::format("{} ({})", title, unit);
    }
  }
  return title;
}

std::string unit_in_words(std::string title) {
  for (const std::string_view unit : kDurationUnits) {
    if (const std::string bracketed = fmt::format(" ({})", unit); ends_with(title, bracketed)) {
      title.resize(title.size() - bracketed.size());
      return fmt::format("{} in {}", title, unit);
    }
  }
  return title;
}

std::vector<ReportChart> report_charts(const RunSummary& summary) {
  std::vector<ReportChart> charts;
  const auto add_known = [&](const KnownMetric& known) {
    if (const MetricSummary* metric = summary.find(known.name)) {
      charts.push_back(fan_chart(summary, *metric, known.title, known.y_label, known.note));
    }
  };
  for (const KnownMetric& known : kFanMetrics) add_known(known);
  for (const MetricSummary& metric : summary.metrics) {
    if (!starts_with(metric.info.name, "headcount.") || !ever_positive(metric)) continue;
    const std::string role = role_noun(metric.info.name.substr(10)).one;
    charts.push_back(fan_chart(summary, metric, metric_title(metric.info.name), "people",
                               fmt::format("People in the {} role at month end.", role)));
  }
  for (const KnownMetric& known : kLateFanMetrics) add_known(known);
  for (const HistogramSummary& histogram : summary.histograms) {
    charts.push_back(histogram_chart(summary, histogram));
  }
  for (const TerritoryMeasure& measure : kTerritoryMeasures) {
    if (auto chart = territory_chart(summary, measure)) charts.push_back(std::move(*chart));
  }
  if (auto chart = quota_chart(summary)) charts.push_back(std::move(*chart));
  return charts;
}

}  // namespace teamsim::app
