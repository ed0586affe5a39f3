// The month-end snapshot: every metric of the month, in the columns of the MetricLayout.
// Formulas are in docs/metrics.md.
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "models/replication.h"
#include "sim/statistics.h"

namespace teamsim::model {

void Replication::record_retention(int month) {
  auto row = monthly_.row(months_recorded_);
  // The cohort is the state at the snapshot 12 months earlier (day 0 in the first year).
  const int cohort = std::max(0, month - 12);
  double mrr_then = 0, mrr_now = 0, mrr_kept = 0, logos_then = 0, logos_now = 0;
  for (const Customer& customer : customers_) {
    if (customer.first_month > cohort || customer.churn_month <= cohort) continue;
    const double then = customer.mrr_at[static_cast<std::size_t>(cohort % 13)];
    const double now = customer.active ? customer.mrr : 0.0;
    mrr_then += then;
    mrr_now += now;
    mrr_kept += std::min(now, then);
    logos_then += 1;
    logos_now += customer.active ? 1 : 0;
  }
  const auto set = [&](Metric metric, double value) {
    row(static_cast<Eigen::Index>(MetricLayout::index(metric))) = value;
  };
  set(Metric::kGrrT12m, mrr_then > 0 ? mrr_kept / mrr_then : 0.0);
  set(Metric::kNrrT12m, mrr_then > 0 ? mrr_now / mrr_then : 0.0);
  set(Metric::kLogoRetentionT12m, logos_then > 0 ? logos_now / logos_then : 0.0);

  const double cohort_time = cohort * kDaysPerMonth;
  double employed_then = 0, still_employed = 0;
  for (const Person& person : people_) {
    if (person.start_time > cohort_time || person.leave_time <= cohort_time) continue;
    employed_then += 1;
    still_employed += person.active ? 1 : 0;
  }
  set(Metric::kEmployeeRetentionT12m, employed_then > 0 ? still_employed / employed_then : 0.0);
}

void Replication::record_quota(int month) {
  auto row = monthly_.row(months_recorded_);
  // Attainment of each ramped seller with a quota: bookings over the last k whole months since
  // the ramp ended (k <= 12) divided by the quota pro-rated to k months.
  // The team's attainment is the managers' number: the same bookings over the same pro-rated
  // quotas, summed before dividing.
  std::vector<double> attainment;
  double team_bookings = 0, team_quota = 0;
  int on_plan = 0;
  for (const Person& person : people_) {
    if (!person.active || !person.seller || !person.selling) continue;
    const RoleSpec& role = role_of(person);
    if (role.annual_quota <= 0) continue;
    if (person.plan_month > 0) ++on_plan;
    const int k = months_ramped(person, month);
    if (k < 1) continue;
    const double bookings = trailing_bookings(person, month, k);
    attainment.push_back(bookings / (role.annual_quota * k / 12.0));
    team_bookings += bookings;
    team_quota += role.annual_quota * k / 12.0;
  }
  const auto set = [&](Metric metric, double value) {
    row(static_cast<Eigen::Index>(MetricLayout::index(metric))) = value;
  };
  set(Metric::kRampedAes, static_cast<double>(attainment.size()));
  set(Metric::kRepsOnPlan, on_plan);
  set(Metric::kTeamQuotaAttainment, team_quota > 0 ? team_bookings / team_quota : 0.0);
  std::array<double, static_cast<std::size_t>(QuotaBand::kCount)> bands{};
  for (const double a : attainment) bands[static_cast<std::size_t>(quota_band(a))] += 1;
  for (std::size_t band = 0; band < bands.size(); ++band) {
    row(static_cast<Eigen::Index>(MetricLayout::quota_band_index(static_cast<QuotaBand>(band)))) =
        bands[band];
  }
  if (attainment.empty()) return;
  std::sort(attainment.begin(), attainment.end());
  double sum = 0;
  for (const double a : attainment) sum += a;
  // On quota or above: the bands from 100% up, with quota_band's rule for an edge.
  const double at_quota = bands[static_cast<std::size_t>(QuotaBand::k100To120)] +
                          bands[static_cast<std::size_t>(QuotaBand::k120Plus)];
  const double n = static_cast<double>(attainment.size());
  set(Metric::kQuotaAttainmentMean, sum / n);
  set(Metric::kQuotaAttainmentP10, sim::quantile_sorted(attainment.data(), attainment.size(), 0.1));
  set(Metric::kQuotaAttainmentP50, sim::quantile_sorted(attainment.data(), attainment.size(), 0.5));
  set(Metric::kQuotaAttainmentP90, sim::quantile_sorted(attainment.data(), attainment.size(), 0.9));
  set(Metric::kShareAtQuota, at_quota / n);
}

void Replication::snapshot_month() {
  const int month = static_cast<int>(months_recorded_) + 1;
  // Re-sum MRR so rounding from many small updates never accumulates across months.
  total_mrr_ = 0;
  prepaid_mrr_ = 0;
  double deferred_revenue = 0;  // billed upfront, not yet earned: MRR x months left in the term
  const double coverage = coverage_share();
  double covered = 0;
  std::vector<std::array<double, 2>> by_segment(spec_.segments.size());  // customers, MRR
  for (Customer& customer : customers_) {
    if (!customer.active) continue;
    total_mrr_ += customer.mrr;
    if (customer.upfront) {
      prepaid_mrr_ += customer.mrr;
      deferred_revenue += customer.mrr * (customer.renews_at - simulator_.now()) / kDaysPerMonth;
    }
    if (customer.segment != kUnassigned) {
      by_segment[customer.segment][0] += 1;
      by_segment[customer.segment][1] += customer.mrr;
    }
    customer.mrr_at[static_cast<std::size_t>(month % 13)] = customer.mrr;
    covered += customer.coverage_draw < coverage ? 1 : 0;
  }
  set_revenue_rates();
  double ramped_capacity = 0;
  int headcount = 0;
  for (const Person& person : people_) {
    if (!person.active) continue;
    ++headcount;
    if (person.seller) ramped_capacity += productivity(person);
  }
  auto row = monthly_.row(months_recorded_);
  auto set = [&](Metric metric, double value) {
    row(static_cast<Eigen::Index>(MetricLayout::index(metric))) = value;
  };
  const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
  const double closed = month_.won + month_.lost;
  const double total_cost =
      ledger_.period_payroll() + ledger_.period_other_costs() + ledger_.period_one_off();
  set(Metric::kHeadcountTotal, headcount);
  set(Metric::kRampedCapacity, ramped_capacity);
  set(Metric::kOpenRequisitions, static_cast<double>(open_requisitions_));
  set(Metric::kHires, month_.hires);
  set(Metric::kDepartures, month_.departures);
  set(Metric::kLeads, month_.leads);
  set(Metric::kLeadsUnworked, month_.leads_unworked);
  set(Metric::kOpportunitiesOpened, month_.opportunities);
  set(Metric::kDealsWon, month_.won);
  set(Metric::kDealsLost, month_.lost);
  set(Metric::kOpenOpportunities, static_cast<double>(open_opportunities_));
  set(Metric::kNewBookings, month_.bookings);
  set(Metric::kCustomers, static_cast<double>(active_customers_));
  set(Metric::kLogoChurn, month_.churned);
  set(Metric::kMrr, total_mrr_);
  set(Metric::kArr, 12.0 * total_mrr_);
  set(Metric::kRevenue, ledger_.period_revenue());
  set(Metric::kCollections, ledger_.period_collections());
  set(Metric::kDeferredRevenue, deferred_revenue);
  set(Metric::kPayroll, ledger_.period_payroll());
  set(Metric::kTotalCost, total_cost);
  set(Metric::kCash, ledger_.cash());
  set(Metric::kCommission, month_.commission);
  set(Metric::kHiringCost, month_.hiring_cost);
  set(Metric::kChannelCost, month_.channel_cost);
  set(Metric::kCumulativeBurn, spec_.money.starting_cash - ledger_.cash());
  cash_was_negative_ = cash_was_negative_ || ledger_.cash() < 0;
  set(Metric::kCashEverNegative, cash_was_negative_ ? 1.0 : 0.0);
  set(Metric::kWinRate, ratio(month_.won, closed));
  set(Metric::kAvgCycleDays, ratio(month_.cycle_days_sum, closed));
  set(Metric::kComplexOpportunities, month_.complex);
  set(Metric::kSpecialistQueue, static_cast<double>(specialist_help_.waiting()));
  set(Metric::kSpecialistQueueWaitDays,
      ratio(month_.specialist_wait_sum, month_.specialist_grants));
  set(Metric::kLeadsDisqualified, month_.disqualified);
  set(Metric::kLeadsNotConverted, month_.not_converted);
  set(Metric::kBookingsPerAe, ratio(month_.bookings, sellers_));
  const double span =
      static_cast<double>(span_) + (managers_ == 0 ? spec_.founder.span_of_control : 0);
  set(Metric::kManagementCoverage, reps_ == 0 ? 1.0 : std::min(1.0, span / reps_));
  set(Metric::kRecruitingQueue, static_cast<double>(searches_.waiting()));
  set(Metric::kAvgTimeToHireDays, ratio(month_.time_to_hire_sum, month_.hires));
  set(Metric::kOnboardingQueue, static_cast<double>(trainers_.waiting()));
  set(Metric::kTerritoryMoves, month_.moves);
  set(Metric::kCoveredCustomers, covered);
  set(Metric::kRenewals, month_.renewals);
  set(Metric::kPerformanceExits, month_.performance_exits);
  record_retention(month);
  record_quota(month);

  // CAC over the trailing 12 months (fewer in the first year), this month included.
  const Eigen::Index window = std::min<Eigen::Index>(12, month);
  const auto trailing = [&](Metric metric) {
    return monthly_.col(static_cast<Eigen::Index>(MetricLayout::index(metric)))
        .segment(months_recorded_ + 1 - window, window)
        .sum();
  };
  const double cost = trailing(Metric::kTotalCost);
  set(Metric::kCac, ratio(cost, trailing(Metric::kDealsWon)));
  set(Metric::kCacPaybackMonths, ratio(cost, trailing(Metric::kNewBookings) / 12.0));

  for (std::size_t t = 0; t < spec_.territories.size(); ++t) {
    const TerritoryCounters& counters = territory_month_[t];
    const auto put = [&](TerritoryMetric metric, double value) {
      row(static_cast<Eigen::Index>(layout_.territory_index(t, metric))) = value;
    };
    put(TerritoryMetric::kLeads, counters.leads);
    put(TerritoryMetric::kOpportunities, counters.opportunities);
    put(TerritoryMetric::kWins, counters.wins);
    put(TerritoryMetric::kBookings, counters.bookings);
    put(TerritoryMetric::kBookingsPerRep,
        ratio(counters.bookings, account_executives_by_territory_[t]));
    put(TerritoryMetric::kReps, account_executives_by_territory_[t]);
    put(TerritoryMetric::kAccountsAvailable, accounts_[t].total > 0 ? accounts_available(t) : 0.0);
  }
  for (std::size_t p = 0; p < spec_.products.size(); ++p) {
    row(static_cast<Eigen::Index>(layout_.product_index(p, ProductMetric::kWins))) =
        product_month_[p][0];
    row(static_cast<Eigen::Index>(layout_.product_index(p, ProductMetric::kBookings))) =
        product_month_[p][1];
  }
  for (std::size_t c = 0; c < spec_.channels.size(); ++c) {
    const ChannelMetric metrics[] = {ChannelMetric::kLeads, ChannelMetric::kOpportunities,
                                     ChannelMetric::kWins, ChannelMetric::kCost};
    for (std::size_t i = 0; i < 4; ++i) {
      row(static_cast<Eigen::Index>(layout_.channel_index(c, metrics[i]))) = channel_month_[c][i];
    }
  }
  for (std::size_t s = 0; s < spec_.segments.size(); ++s) {
    const auto put = [&](SegmentMetric metric, double value) {
      row(static_cast<Eigen::Index>(layout_.segment_index(s, metric))) = value;
    };
    put(SegmentMetric::kLeads, segment_month_[s][0]);
    put(SegmentMetric::kOpportunities, segment_month_[s][1]);
    put(SegmentMetric::kWins, segment_month_[s][2]);
    put(SegmentMetric::kBookings, segment_month_[s][3]);
    put(SegmentMetric::kCustomers, by_segment[s][0]);
    put(SegmentMetric::kArr, 12.0 * by_segment[s][1]);
    put(SegmentMetric::kLogoChurn, segment_month_[s][4]);
  }
  for (std::size_t r = 0; r < headcount_by_role_.size(); ++r) {
    row(static_cast<Eigen::Index>(layout_.headcount_index(r))) = headcount_by_role_[r];
  }
#ifndef NDEBUG
  // Every metric of the month is recorded by now; a NaN or an infinity is a bug in the model (or
  // an input the loader should have refused), named with its metric and month.
  assert_finite_metrics(layout_, row, month, replication_);
#endif

  // Start the next month.
  for (Person& person : people_) person.bookings[static_cast<std::size_t>(month % 12)] = 0;
  leads_last_month_ = month_.leads;
  ++months_recorded_;
  month_ = MonthCounters{};
  std::fill(territory_month_.begin(), territory_month_.end(), TerritoryCounters{});
  std::fill(product_month_.begin(), product_month_.end(), std::array<double, 2>{});
  std::fill(channel_month_.begin(), channel_month_.end(), std::array<double, 4>{});
  std::fill(segment_month_.begin(), segment_month_.end(), std::array<double, 5>{});
  ledger_.start_period();
}

}  // namespace teamsim::model
