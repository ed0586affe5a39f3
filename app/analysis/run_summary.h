#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/calendar_month.h"
#include "app/common/diagnostics.h"
#include "app/scenario/assumptions.h"
#include "app/scenario/expectations.h"
#include "models/metrics.h"
#include "models/projection.h"
#include "models/scenario_spec.h"
#include "sim/histogram.h"
#include "sim/statistics.h"

namespace teamsim::app {

/// One metric's statistics over replications, month by month.
struct MetricSummary {
  model::MetricInfo info;
  sim::ColumnSummary stats;  ///< one entry per month (index 0 = month 1)
};

/// A histogram of one metric at one month, over the replications.
struct HistogramSummary {
  std::string metric;  ///< a metric name, e.g. "arr"
  int month = 0;       ///< 1-based
  sim::Histogram histogram;
};

/// Which histogram to compute: a metric at a month.
struct HistogramRequest {
  std::string metric;  ///< a metric name of the run
  int month = 0;       ///< 1-based, within the horizon
};

/// The histograms every run reports (when their metric was kept): ARR, the key metric, at the
/// last month.
std::vector<HistogramRequest> key_histograms(int horizon_months);

/// A dated hire of the plan, as the scenario's `hires` (and `hires_csv`) list it.
struct PlannedHire {
  std::string role;
  int count = 1;
  int month = 1;  ///< when the search opens, or with by_start_month when they start
  bool by_start_month = false;
};

/// A territory with a finite number of accounts.
struct TerritoryAccounts {
  std::string territory;
  int accounts = 0;
};

/// Everything a run reports: what was run, and each metric's summary.
struct RunSummary {
  std::string scenario_name;
  std::string scenario_hash;
  std::uint64_t seed = 0;
  std::size_t replications = 0;
  int horizon_months = 0;
  /// The calendar month of month 1, when the scenario gives start_date: outputs then name the
  /// months Jan 2027, ... instead of M1, ...
  std::optional<CalendarMonth> start_date;
  std::string currency;
  std::uint64_t events = 0;
  std::vector<MetricSummary> metrics;
  /// Distributions over the replications of a metric at a month: the key histograms, then those
  /// asked for. Computed from the samples at run time and kept in summary.json, because the
  /// report is rebuilt from that file (teamsim report) when the samples are gone.
  std::vector<HistogramSummary> histograms;
  /// The plan's main assumptions in the user's units, defaults marked (scenario_assumptions):
  /// set by the command that ran the scenario, kept in summary.json for the report.
  std::vector<Assumption> assumptions;
  /// The plan's dated hires, to set against the hires made (explain_run).
  std::vector<PlannedHire> planned_hires;
  /// The roles some hiring rule hires, in the order of hiring_rules, and the roles whose leavers
  /// are not replaced (backfill: false): what a role's hires counts beside its dated hires
  /// (explain_run). nullopt: not known (a summary.json written before they were kept).
  std::optional<std::vector<std::string>> roles_hired_by_rules;
  std::optional<std::vector<std::string>> roles_without_backfill;
  /// The territories with finite accounts, to tell how far they were exhausted (explain_run).
  std::vector<TerritoryAccounts> territory_accounts;
  /// The scenario's `expect:` list: set by the command that ran it, kept in summary.json so that
  /// a report rebuilt from that file checks them again.
  std::vector<Expectation> expectations;
  /// The scenario's plausibility warnings: set by the command that ran it, kept in summary.json
  /// (key path and message; not where they were written, which is the scenario file's and would
  /// make the same run from its scenario.yaml differ) so that a rebuilt report lists them.
  std::vector<Diagnostic> warnings;

  /// The metric with this name, or nullptr.
  const MetricSummary* find(const std::string& name) const;
  /// How outputs name the months of this run.
  MonthNames month_names() const { return MonthNames(start_date); }
};

/// Reduces the samples of a finished projection to their summaries (in metric order) and
/// histograms: key_histograms() of the metrics kept, then `extra_histograms`; one asked for twice
/// is computed once. An extra histogram whose metric was not kept or whose month is outside the
/// horizon throws std::invalid_argument. Columns are summarised on `threads` threads (0: every
/// hardware thread), the same bytes whatever the count.
RunSummary summarize_run(const model::ScenarioSpec& spec, const model::Projection& projection,
                         std::uint64_t seed,
                         const std::vector<HistogramRequest>& extra_histograms = {},
                         unsigned threads = 1);

}  // namespace teamsim::app
