#include "app/analysis/run_explanation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>

#include "app/analysis/cash_risk.h"
#include "sim/statistics.h"

namespace teamsim::app {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Months are 1-based and inclusive.
struct Months {
  int first = 0;
  int last = 0;
};

// Σ of the monthly means over the months; NaN when the metric is missing.
double sum_of_means(const MetricSummary* metric, Months months) {
  if (metric == nullptr) return kNaN;
  double sum = 0;
  for (int m = months.first; m <= months.last; ++m) {
    const double mean = metric->stats.mean(m - 1);
    if (std::isfinite(mean)) sum += mean;
  }
  return sum;
}

// The mean of the monthly means the months define (NaN ones skipped); NaN when none does.
double mean_of_means(const MetricSummary* metric, Months months) {
  if (metric == nullptr) return kNaN;
  double sum = 0;
  int defined = 0;
  for (int m = months.first; m <= months.last; ++m) {
    const double mean = metric->stats.mean(m - 1);
    if (!std::isfinite(mean)) continue;
    sum += mean;
    ++defined;
  }
  return defined == 0 ? kNaN : sum / defined;
}

// The mean per event over the months of a metric whose monthly mean is already weighted by its
// events (docs/metrics.md, "Means per event"): that mean is Σ days / Σ events of the month over
// the replications, so times the mean events it is the month's mean Σ days, and
// Σₘ mean xₘ · mean wₘ / Σₘ mean wₘ is the mean per event over every event of the months. NaN
// when nothing happened.
double mean_per_event(const MetricSummary* mean_per_month, const MetricSummary* events,
                      Months months) {
  if (mean_per_month == nullptr || events == nullptr) return kNaN;
  double total = 0, count = 0;
  for (int m = months.first; m <= months.last; ++m) {
    const double mean = mean_per_month->stats.mean(m - 1);
    const double events_in_month = events->stats.mean(m - 1);
    if (!std::isfinite(mean) || !(events_in_month > 0)) continue;
    total += mean * events_in_month;
    count += events_in_month;
  }
  return count > 0 ? total / count : kNaN;
}

double ratio(double numerator, double denominator) {
  return denominator > 0 && std::isfinite(numerator) ? numerator / denominator : kNaN;
}

FunnelYear funnel_year(const RunSummary& summary, int year, Months months) {
  const auto sum = [&](const char* name) { return sum_of_means(summary.find(name), months); };
  FunnelYear f;
  f.year = year;
  f.first_month = months.first;
  f.last_month = months.last;
  f.leads = sum("leads");
  f.disqualified = sum("leads_disqualified");
  f.unworked = sum("leads_unworked");
  f.worked = f.leads - f.disqualified - f.unworked;
  f.not_converted = sum("leads_not_converted");
  f.opportunities = sum("opportunities_opened");
  f.won = sum("deals_won");
  f.lost = sum("deals_lost");
  return f;
}

ConstraintYear constraint_year(const RunSummary& summary, const FunnelYear& funnel, Months months) {
  const auto find = [&](const char* name) { return summary.find(name); };
  ConstraintYear c;
  // What --metrics left out, so that a year whose kept quantities are under their thresholds is
  // not said to have no constraint at all.
  const auto kept = [&](std::initializer_list<const char*> names) {
    return std::all_of(names.begin(), names.end(),
                       [&](const char* name) { return find(name) != nullptr; });
  };
  if (!kept({"leads", "leads_unworked"})) c.not_kept.emplace_back("capacity");
  if (!kept({"recruiting_queue"})) c.not_kept.emplace_back("recruiting");
  if (!kept({"onboarding_queue"})) c.not_kept.emplace_back("training");
  if (!kept({"management_coverage"})) c.not_kept.emplace_back("management");
  // Specialists matter only where complex deals were opened; not knowing that, they may.
  const MetricSummary* complex = find("complex_opportunities");
  const bool maybe_complex = complex == nullptr || sum_of_means(complex, months) > 0;
  if (maybe_complex && !kept({"specialist_queue_wait_days", "specialist_grants"})) {
    c.not_kept.emplace_back("specialists");
  }
  const bool accounts_kept = std::all_of(
      summary.territory_accounts.begin(), summary.territory_accounts.end(),
      [&](const TerritoryAccounts& t) {
        return summary.find("territory." + t.territory + ".accounts_available") != nullptr;
      });
  if (!accounts_kept) c.not_kept.emplace_back("accounts");
  c.unworked_share = ratio(funnel.unworked, funnel.leads);
  c.recruiting_queue = mean_of_means(find("recruiting_queue"), months);
  c.time_to_hire_days = mean_per_event(find("avg_time_to_hire_days"), find("hires"), months);
  c.onboarding_queue = mean_of_means(find("onboarding_queue"), months);
  c.management_coverage = mean_of_means(find("management_coverage"), months);
  c.specialist_wait_days =
      mean_per_event(find("specialist_queue_wait_days"), find("specialist_grants"), months);
  c.accounts_available_share = kNaN;
  for (const TerritoryAccounts& t : summary.territory_accounts) {
    const MetricSummary* available =
        summary.find("territory." + t.territory + ".accounts_available");
    if (available == nullptr) continue;
    const double share = available->stats.mean(months.last - 1) / t.accounts;
    if (std::isfinite(share) &&
        (!std::isfinite(c.accounts_available_share) || share < c.accounts_available_share)) {
      c.accounts_available_share = share;
    }
  }
  return c;
}

std::string percent(double share) { return fmt::format("{:.0f}%", 100 * share); }

std::string binding_text(const ConstraintYear& c) {
  std::vector<std::string> parts;
  // NaN compares false: an undefined quantity never binds.
  if (c.unworked_share >= kUnworkedShareBinds) {
    parts.push_back(fmt::format("capacity ({} of leads found no seller with room, or none yet)",
                                percent(c.unworked_share)));
  }
  if (c.recruiting_queue >= kQueueBinds) {
    parts.push_back(fmt::format("recruiting ({:.1f} requisitions waiting for a search on average)",
                                c.recruiting_queue));
  }
  if (c.onboarding_queue >= kQueueBinds) {
    parts.push_back(fmt::format("training ({:.1f} new hires waiting for a trainer on average)",
                                c.onboarding_queue));
  }
  if (c.management_coverage < kCoverageBinds) {
    // Rounded down: a coverage of 89.7 % binds, and must not read as 90 %.
    parts.push_back(
        fmt::format("management (coverage {:.0f}%: reps beyond the span lose productivity)",
                    std::floor(100 * c.management_coverage)));
  }
  if (c.specialist_wait_days >= kSpecialistWaitBinds) {
    parts.push_back(
        fmt::format("specialists (complex deals wait {:.0f} days)", c.specialist_wait_days));
  }
  if (c.accounts_available_share < kAccountsAvailableBinds) {
    parts.push_back(fmt::format("accounts ({} of a territory's accounts left to approach)",
                                percent(c.accounts_available_share)));
  }
  // Nothing to judge by (a run with --metrics that kept none of the quantities): saying that
  // nothing binds would claim what the run did not measure.
  const bool unknown = std::isnan(c.unworked_share) && std::isnan(c.recruiting_queue) &&
                       std::isnan(c.onboarding_queue) && std::isnan(c.management_coverage) &&
                       std::isnan(c.specialist_wait_days) && std::isnan(c.accounts_available_share);
  if (unknown) return std::string(kBindingUnknown);
  // Some quantities were kept, others not: what was not kept may bind, so it is named.
  const std::string not_kept =
      c.not_kept.empty()
          ? ""
          : fmt::format("not known: {} (not kept with --metrics)", fmt::join(c.not_kept, ", "));
  if (parts.empty()) {
    if (!not_kept.empty()) return "none of the constraints kept binds; " + not_kept;
    return "no constraint; demand sets the pace (lead flow, conversion, win rate, deal size)";
  }
  if (!not_kept.empty()) parts.push_back(not_kept);
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::vector<RoleHiring> role_hiring(const RunSummary& summary) {
  std::vector<RoleHiring> roles;
  const int month = summary.horizon_months;
  for (const PlannedHire& hire : summary.planned_hires) {
    // A hire of nobody (`count: 0`, e.g. `--set 'hires[1].count=0'` to switch one off) requests
    // no one: its month would read "to start in month 0", its role "0 requested".
    if (hire.count <= 0) continue;
    auto it = std::find_if(roles.begin(), roles.end(),
                           [&](const RoleHiring& r) { return r.role == hire.role; });
    if (it == roles.end()) {
      RoleHiring role;
      role.role = hire.role;
      role.month = month;
      const auto at = [&](const std::string& name, Eigen::Index column) {
        const MetricSummary* metric = summary.find(name);
        if (metric == nullptr) return kNaN;
        return column < 0 ? metric->stats.mean(month - 1)
                          : metric->stats.percentiles(month - 1, column);
      };
      role.hired_p10 = at("hired_to_date." + hire.role, sim::kColumnP10);
      role.hired_p50 = at("hired_to_date." + hire.role, sim::kColumnP50);
      role.hired_p90 = at("hired_to_date." + hire.role, sim::kColumnP90);
      role.waiting_for_search = at("recruiting_queue." + hire.role, -1);
      role.employed_p50 = at("headcount." + hire.role, sim::kColumnP50);
      const auto named = [&](const std::optional<std::vector<std::string>>& names) {
        return std::find(names->begin(), names->end(), hire.role) != names->end();
      };
      if (summary.roles_hired_by_rules) role.rule_hired = named(summary.roles_hired_by_rules);
      if (summary.roles_without_backfill) role.backfilled = !named(summary.roles_without_backfill);
      roles.push_back(std::move(role));
      it = roles.end() - 1;
    }
    it->requested += hire.count;
    DatedHires& dated = hire.by_start_month ? it->to_start : it->opened;
    dated.first_month = dated.people == 0 ? hire.month : std::min(dated.first_month, hire.month);
    dated.last_month = std::max(dated.last_month, hire.month);
    dated.people += hire.count;
  }
  return roles;
}

}  // namespace

RunExplanation explain_run(const RunSummary& summary) {
  RunExplanation explanation;
  const MetricSummary* complex = summary.find("complex_opportunities");
  for (int first = 1, year = 1; first <= summary.horizon_months; first += 12, ++year) {
    const Months months{first, std::min(first + 11, summary.horizon_months)};
    explanation.funnel.push_back(funnel_year(summary, year, months));
    explanation.constraints.push_back(constraint_year(summary, explanation.funnel.back(), months));
    explanation.binding.push_back(binding_text(explanation.constraints.back()));
    if (sum_of_means(complex, months) > 0) explanation.has_specialists = true;
  }
  explanation.has_accounts = !summary.territory_accounts.empty();
  explanation.hiring = role_hiring(summary);
  explanation.months = summary.month_names();
  if (const std::optional<int> month = first_month_at_risk(summary, kRunwayRisk)) {
    const MetricSummary* ever_negative = summary.find(kCashEverNegativeMetric);
    explanation.cash_runs_out = CashRunout{*month, ever_negative->stats.mean(*month - 1)};
  }
  return explanation;
}

}  // namespace teamsim::app
