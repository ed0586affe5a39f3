#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/analysis/run_summary.h"

// Why a run's result is what it is, from its summary alone (so that `teamsim report` rebuilds it
// from summary.json): the funnel per year, how hard each constraint binds, and the hires made
// against the plan's dated hires. Year sums are sums of the monthly means (the mean of a sum is
// the sum of the means); a quantity no replication defines is NaN, shown as "—", never 0.

namespace teamsim::app {

/// One year of the funnel (months first_month..last_month; the last year may be short): the
/// mean over replications of each count summed over the year's months.
struct FunnelYear {
  int year = 0;
  int first_month = 0;
  int last_month = 0;
  double leads = 0;
  double disqualified = 0;   ///< screened out by sales ops
  double unworked = 0;       ///< no seller with room
  double worked = 0;         ///< leads - disqualified - unworked
  double not_converted = 0;  ///< worked, but no opportunity through their channel
  double opportunities = 0;  ///< worked - not converted
  double won = 0;            ///< deals closed won in the year (opened then or earlier)
  double lost = 0;
};

/// How much each constraint bound in one year; NaN where the year does not define it.
struct ConstraintYear {
  double unworked_share = 0;    ///< leads unworked for lack of capacity / leads
  double recruiting_queue = 0;  ///< requisitions waiting for a search, mean over the months
  /// Days from a requisition's opening to the first day, per hire started in the year, over
  /// every replication's hires; NaN without hires.
  double time_to_hire_days = 0;
  double onboarding_queue = 0;     ///< new hires waiting for a trainer, mean over the months
  double management_coverage = 0;  ///< mean over the months
  /// Days a complex deal waited for the specialist it was granted in the year, per grant, over
  /// every replication's grants; NaN without them.
  double specialist_wait_days = 0;
  /// The lowest territory's accounts available / accounts at the year's last month; NaN when
  /// every territory is unlimited.
  double accounts_available_share = 0;
  /// The constraints the run could not judge because --metrics left out what measures them
  /// ("capacity", "recruiting", "training", "management", "specialists", "accounts"): the
  /// binding text names them rather than saying that nothing binds.
  std::vector<std::string> not_kept;
};

/// Some of a role's dated hires: how many people, and the first and last of their months.
struct DatedHires {
  int people = 0;
  int first_month = 0;
  int last_month = 0;
};

/// One role's dated hires against the hires made by the horizon.
struct RoleHiring {
  std::string role;
  int requested = 0;  ///< people the dated hires ask for: opened + to_start
  /// Those dated by `month`: their requisitions open at the start of that month (and wait for a
  /// search slot if none is free).
  DatedHires opened;
  /// Those dated by `start_month`: the month the people should start.
  DatedHires to_start;
  int month = 0;         ///< the horizon, where the rest is read
  double hired_p10 = 0;  ///< people of the role hired so far (backfills and rule hires included)
  double hired_p50 = 0;
  double hired_p90 = 0;
  double waiting_for_search = 0;  ///< mean requisitions of the role waiting for a search
  double employed_p50 = 0;        ///< median headcount of the role
  bool backfilled = true;  ///< its leavers are replaced (or not known): the hires count backfills
  bool rule_hired = true;  ///< a hiring rule hires it (or not known): the hires count its hires
};

/// The thresholds above which a constraint is said to bind.
inline constexpr double kUnworkedShareBinds = 0.05;
inline constexpr double kQueueBinds = 0.5;
inline constexpr double kCoverageBinds = 0.9;
inline constexpr double kSpecialistWaitBinds = 7;
inline constexpr double kAccountsAvailableBinds = 0.25;

/// What binds in a year none of whose constraint quantities is defined (every one of them left
/// out by --metrics): not "no constraint", which the run did not measure.
inline constexpr std::string_view kBindingUnknown =
    "not known: none of the quantities above was kept (--metrics) or defined";

/// The month a plan runs out of cash in a share of the replications.
struct CashRunout {
  int month = 0;
  double share = 0;  ///< P(cash < 0 by the month): the mean of cash_ever_negative
};

/// The explanation of a run.
struct RunExplanation {
  std::vector<FunnelYear> funnel;
  std::vector<ConstraintYear> constraints;  ///< one per funnel year
  /// Per year, what binds, e.g. "capacity: 23% of leads unworked; recruiting: 1.8 requisitions
  /// waiting for a search"; "no constraint; demand sets the pace" when none passes its threshold.
  std::vector<std::string> binding;
  std::vector<RoleHiring> hiring;  ///< each role with dated hires, in order of first appearance
  bool has_specialists = false;    ///< some year has complex opportunities
  bool has_accounts = false;       ///< some territory has finite accounts
  MonthNames months;               ///< how the run names its months (summary.month_names())
  /// The end of the runway (app/analysis/cash_risk.h): the first month by which cash has gone
  /// below zero in kRunwayRisk of the replications or more, and that share; nullopt when it never
  /// does or the run did not keep cash_ever_negative. Nothing in the model stops at zero cash.
  std::optional<CashRunout> cash_runs_out;
};

/// Explains `summary`; a metric the summary lacks (a run with --metrics) leaves its numbers NaN.
RunExplanation explain_run(const RunSummary& summary);

}  // namespace teamsim::app
