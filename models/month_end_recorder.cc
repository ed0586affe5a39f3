#include "models/month_end_recorder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <vector>

#include "sim/statistics.h"

namespace teamsim::model {
namespace {

constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

/// The months the retention metrics look back: their cohort is the snapshot this long ago.
constexpr int kRetentionMonths = 12;

/// a / b, or undefined (NaN) when there is nothing to divide by: a month without hires has no
/// mean time to hire, and reporting 0 days would drag every average down (docs/metrics.md).
double ratio(double a, double b) { return b > 0 ? a / b : kUndefined; }

}  // namespace

MonthEndRecorder::MonthEndRecorder(const ModelContext& context, const Organisation& organisation,
                                   const Pipeline& pipeline, const CustomerBase& customers,
                                   const AccountPool& accounts, const MetricLayout& layout,
                                   std::uint64_t replication, std::span<const std::size_t> kept)
    : context_(context),
      spec_(context.spec),
      organisation_(organisation),
      pipeline_(pipeline),
      customers_(customers),
      accounts_(accounts),
      layout_(layout),
      replication_(replication),
      lowest_cash_(context.spec.money.starting_cash),
      monthly_(Eigen::MatrixXd::Zero(context.spec.horizon_months,
                                     static_cast<Eigen::Index>(layout.size()))) {
  for (std::size_t m = 0; m < std::size(kFixedMetrics); ++m) {
    if (kFixedMetrics[m].defined_from_month > 1) {
      not_from_month_1_.push_back(static_cast<Metric>(m));
    }
  }
  if (!kept.empty()) choose_scans(kept);
}

void MonthEndRecorder::choose_scans(std::span<const std::size_t> kept) {
  std::vector<bool> wanted(layout_.size(), false);
  for (const std::size_t column : kept) wanted[column] = true;
  const auto any = [&](std::initializer_list<Metric> metrics) {
    return std::any_of(metrics.begin(), metrics.end(),
                       [&](Metric m) { return wanted[MetricLayout::index(m)]; });
  };
  customer_scan_ = any({Metric::kDeferredRevenue, Metric::kCoveredCustomers});
  for (std::size_t s = 0; s < spec_.segments.size(); ++s) {
    customer_scan_ = customer_scan_ ||
                     wanted[layout_.segment_index(s, SegmentMetric::kCustomers)] ||
                     wanted[layout_.segment_index(s, SegmentMetric::kArr)];
  }
  for (std::size_t t = 0; t < spec_.territories.size(); ++t) {
    customer_scan_ = customer_scan_ ||
                     wanted[layout_.territory_index(t, TerritoryMetric::kCustomers)] ||
                     wanted[layout_.territory_index(t, TerritoryMetric::kArr)];
  }
  retention_scan_ = any({Metric::kGrrT12m, Metric::kNrrT12m, Metric::kLogoRetentionT12m,
                         Metric::kEmployeeRetentionT12m});
  quota_scan_ =
      any({Metric::kRampedAes, Metric::kRepsOnPlan, Metric::kTeamQuotaAttainment,
           Metric::kQuotaAttainmentMean, Metric::kQuotaAttainmentP10, Metric::kQuotaAttainmentP50,
           Metric::kQuotaAttainmentP90, Metric::kShareAtQuota});
  for (std::size_t band = 0; band < static_cast<std::size_t>(QuotaBand::kCount); ++band) {
    quota_scan_ =
        quota_scan_ || wanted[MetricLayout::quota_band_index(static_cast<QuotaBand>(band))];
  }
  std::erase_if(not_from_month_1_, [&](Metric m) { return !wanted[MetricLayout::index(m)]; });
}

void MonthEndRecorder::set(Row& row, Metric metric, double value) const {
  row(static_cast<Eigen::Index>(MetricLayout::index(metric))) = value;
}

void MonthEndRecorder::record(int month) {
  Row row = monthly_.row(month - 1);
  record_team(row);
  record_pipeline(row);
  record_money(row);
  record_customers(row, month);
  if (retention_scan_) record_employee_retention(row, month);
  if (quota_scan_) record_quota(row, month);
  record_cac(row, month);
  record_breakdowns(row);
  // Before its first month (models/metrics.def) a metric has no value in any history.
  for (const Metric metric : not_from_month_1_) {
    if (month < defined_from_month(metric)) set(row, metric, kUndefined);
  }
#ifndef NDEBUG
  // Every metric of the month is recorded by now; a NaN or an infinity is a bug in the model (or
  // an input the loader should have refused), named with its metric and month.
  assert_finite_metrics(layout_, row, month, replication_);
#endif
}

void MonthEndRecorder::record_team(Row& row) const {
  const MonthTally& tally = context_.month;
  double ramped_capacity = 0;
  int headcount = 0;
  for (const Organisation::Person& person : organisation_.people()) {
    if (!person.active) continue;
    ++headcount;
    if (person.seller) ramped_capacity += organisation_.productivity(person);
  }
  set(row, Metric::kHeadcountTotal, headcount);
  set(row, Metric::kRampedCapacity, ramped_capacity);
  set(row, Metric::kOpenRequisitions, static_cast<double>(organisation_.open_requisitions()));
  set(row, Metric::kHires, tally.hires);
  set(row, Metric::kDepartures, tally.departures);
  set(row, Metric::kManagementCoverage, organisation_.management_coverage());
  set(row, Metric::kRecruitingQueue, static_cast<double>(organisation_.recruiting_queue()));
  set(row, Metric::kAvgTimeToHireDays, ratio(tally.time_to_hire_sum, tally.hires));
  set(row, Metric::kOnboardingQueue, static_cast<double>(organisation_.onboarding_queue()));
  set(row, Metric::kPlannedStarts, organisation_.planned_starts(context_.months_closed + 1));
  set(row, Metric::kDatedHiresLate, organisation_.dated_hires_late());
  set(row, Metric::kTerritoryMoves, tally.moves);
  set(row, Metric::kPerformanceExits, tally.performance_exits);
  const std::vector<int>& headcount_by_role = organisation_.headcount_by_role();
  for (std::size_t r = 0; r < headcount_by_role.size(); ++r) {
    row(static_cast<Eigen::Index>(layout_.headcount_index(r))) = headcount_by_role[r];
    row(static_cast<Eigen::Index>(layout_.role_index(r, RoleMetric::kHiredToDate))) =
        organisation_.hired_by_role()[r];
    row(static_cast<Eigen::Index>(layout_.role_index(r, RoleMetric::kRecruitingQueue))) =
        organisation_.awaiting_search_by_role()[r];
  }
}

void MonthEndRecorder::record_pipeline(Row& row) const {
  const MonthTally& tally = context_.month;
  const double closed = tally.won + tally.lost;
  set(row, Metric::kLeads, tally.leads);
  set(row, Metric::kLeadsUnworked, tally.leads_unworked);
  set(row, Metric::kOpportunitiesOpened, tally.opportunities);
  set(row, Metric::kDealsWon, tally.won);
  set(row, Metric::kDealsLost, tally.lost);
  set(row, Metric::kOpenOpportunities, static_cast<double>(pipeline_.open_opportunities()));
  set(row, Metric::kNewBookings, tally.bookings);
  set(row, Metric::kWinRate, ratio(tally.won, closed));
  set(row, Metric::kAvgCycleDays, ratio(tally.cycle_days_sum, closed));
  set(row, Metric::kComplexOpportunities, tally.complex);
  set(row, Metric::kSpecialistQueue, static_cast<double>(pipeline_.specialist_queue()));
  set(row, Metric::kSpecialistGrants, tally.specialist_grants);
  set(row, Metric::kSpecialistQueueWaitDays,
      ratio(tally.specialist_wait_sum, tally.specialist_grants));
  set(row, Metric::kLeadsDisqualified, tally.disqualified);
  set(row, Metric::kLeadsNotConverted, tally.not_converted);
  set(row, Metric::kBookingsPerAe, ratio(tally.bookings, organisation_.sellers()));
}

void MonthEndRecorder::record_money(Row& row) {
  const MonthTally& tally = context_.month;
  const Ledger& ledger = context_.ledger;
  const double total_cost =
      ledger.period_payroll() + ledger.period_other_costs() + ledger.period_one_off();
  set(row, Metric::kRevenue, ledger.period_revenue());
  set(row, Metric::kCollections, ledger.period_collections());
  set(row, Metric::kPayroll, ledger.period_payroll());
  set(row, Metric::kTotalCost, total_cost);
  set(row, Metric::kCash, ledger.cash());
  set(row, Metric::kCommission, tally.commission);
  set(row, Metric::kHiringCost, tally.hiring_cost);
  set(row, Metric::kChannelCost, tally.channel_cost);
  set(row, Metric::kCumulativeBurn,
      spec_.money.starting_cash + ledger.funding_so_far() - ledger.cash());
  set(row, Metric::kFunding, ledger.period_funding());
  cash_was_negative_ = cash_was_negative_ || ledger.cash() < 0;
  set(row, Metric::kCashEverNegative, cash_was_negative_ ? 1.0 : 0.0);
  lowest_cash_ = std::min(lowest_cash_, ledger.cash());
  set(row, Metric::kCashLow, lowest_cash_);
}

void MonthEndRecorder::record_customers(Row& row, int month) const {
  const MonthTally& tally = context_.month;
  set(row, Metric::kCustomers, static_cast<double>(customers_.active()));
  set(row, Metric::kLogoChurn, tally.churned);
  set(row, Metric::kMrr, customers_.mrr());
  set(row, Metric::kArr, 12.0 * customers_.mrr());
  set(row, Metric::kRenewals, tally.renewals);
  // The cohort of the retention metrics is the state at the snapshot 12 months earlier (day 0 at
  // month 12). Before month 12 there is no such snapshot: a retention over fewer months would
  // read as a better annual one, so models/metrics.def defines these metrics from month 12 on,
  // and record() leaves them undefined before it.
  static_assert(defined_from_month(Metric::kGrrT12m) == kRetentionMonths &&
                defined_from_month(Metric::kNrrT12m) == kRetentionMonths &&
                defined_from_month(Metric::kLogoRetentionT12m) == kRetentionMonths);
  const bool retention = retention_scan_ && month >= kRetentionMonths;
  if (!customer_scan_ && !retention) return;
  // One pass over the customers for both scans, the cohort's customers first: two passes cost
  // the loop and the customer's loads twice (docs/performance.md). Each sum still adds its terms
  // in the customers' order.
  const double now = context_.now();
  double deferred_revenue = 0;  // billed upfront, not yet earned: MRR x months left in the term
  const double coverage = customers_.coverage_share(organisation_.customer_success_accounts());
  // Customers are counted in integers, converted once: as sums of doubles the counts took a
  // select of 1 or 0, or a load, add and store, per customer.
  std::size_t covered = 0;
  std::vector<std::size_t> segment_customers(spec_.segments.size());
  std::vector<double> segment_mrr(spec_.segments.size());
  std::vector<std::size_t> territory_customers(spec_.territories.size());
  std::vector<double> territory_mrr(spec_.territories.size());
  const auto count_active = [&](const CustomerBase::Customer& customer) {
    if (!customer.active) return;
    if (customer.upfront) {
      deferred_revenue += customer.mrr * (customer.renews_at - now) / kDaysPerMonth;
    }
    if (customer.segment != kUnassigned) {
      ++segment_customers[customer.segment];
      segment_mrr[customer.segment] += customer.mrr;
    }
    ++territory_customers[customer.territory];
    territory_mrr[customer.territory] += customer.mrr;
    covered += customer.coverage_draw < coverage ? 1 : 0;
  };
  const std::vector<CustomerBase::Customer>& customers = customers_.customers();
  std::size_t next = 0;
  if (retention) {
    const int cohort = month - kRetentionMonths;
    double mrr_then = 0, mrr_now = 0, mrr_kept = 0;
    std::size_t logos_then = 0, logos_now = 0;  // counted in integers, as the customers above
    const std::vector<double>& mrr_at_cohort = customers_.mrr_at(cohort);
    // Customers are in the order they came: those from after the cohort are the last ones.
    for (; next < customers.size() && customers[next].first_month <= cohort; ++next) {
      const CustomerBase::Customer& customer = customers[next];
      if (customer_scan_) count_active(customer);
      if (customer.churn_month <= cohort) continue;
      const double then = mrr_at_cohort[next];
      const double mrr = customer.active ? customer.mrr : 0.0;
      mrr_then += then;
      mrr_now += mrr;
      mrr_kept += std::min(mrr, then);
      logos_then += 1;
      logos_now += customer.active ? 1 : 0;
    }
    set(row, Metric::kGrrT12m, ratio(mrr_kept, mrr_then));
    set(row, Metric::kNrrT12m, ratio(mrr_now, mrr_then));
    set(row, Metric::kLogoRetentionT12m,
        ratio(static_cast<double>(logos_now), static_cast<double>(logos_then)));
  }
  if (!customer_scan_) return;
  for (; next < customers.size(); ++next) count_active(customers[next]);
  set(row, Metric::kDeferredRevenue, deferred_revenue);
  set(row, Metric::kCoveredCustomers, static_cast<double>(covered));
  for (std::size_t s = 0; s < spec_.segments.size(); ++s) {
    row(static_cast<Eigen::Index>(layout_.segment_index(s, SegmentMetric::kCustomers))) =
        static_cast<double>(segment_customers[s]);
    row(static_cast<Eigen::Index>(layout_.segment_index(s, SegmentMetric::kArr))) =
        12.0 * segment_mrr[s];
  }
  for (std::size_t t = 0; t < spec_.territories.size(); ++t) {
    row(static_cast<Eigen::Index>(layout_.territory_index(t, TerritoryMetric::kCustomers))) =
        static_cast<double>(territory_customers[t]);
    row(static_cast<Eigen::Index>(layout_.territory_index(t, TerritoryMetric::kArr))) =
        12.0 * territory_mrr[t];
  }
}

void MonthEndRecorder::record_employee_retention(Row& row, int month) const {
  // As the customers' retention (record_customers), defined from month 12 on.
  static_assert(defined_from_month(Metric::kEmployeeRetentionT12m) == kRetentionMonths);
  if (month < kRetentionMonths) return;
  const double cohort_time = (month - kRetentionMonths) * kDaysPerMonth;
  double employed_then = 0, still_employed = 0;
  for (const Organisation::Person& person : organisation_.people()) {
    if (person.start_time > cohort_time || person.leave_time <= cohort_time) continue;
    employed_then += 1;
    still_employed += person.active ? 1 : 0;
  }
  set(row, Metric::kEmployeeRetentionT12m, ratio(still_employed, employed_then));
}

void MonthEndRecorder::record_quota(Row& row, int month) const {
  // Attainment of each ramped seller with a quota: bookings over the last k whole months since
  // the ramp ended (k <= 12) divided by the quota pro-rated to k months.
  // The team's attainment is the managers' number: the same bookings over the same pro-rated
  // quotas, summed before dividing.
  std::vector<double> attainment;
  double team_bookings = 0, team_quota = 0;
  int on_plan = 0;
  for (const Organisation::Person& person : organisation_.people()) {
    if (!person.active || !person.seller || !person.selling) continue;
    const RoleSpec& role = organisation_.role_of(person);
    if (role.annual_quota <= 0) continue;
    if (person.plan_month > 0) ++on_plan;
    const int k = organisation_.months_ramped(person, month);
    if (k < 1) continue;
    const double bookings = organisation_.trailing_bookings(person, month, k);
    attainment.push_back(bookings / (role.annual_quota * k / 12.0));
    team_bookings += bookings;
    team_quota += role.annual_quota * k / 12.0;
  }
  set(row, Metric::kRampedAes, static_cast<double>(attainment.size()));
  set(row, Metric::kRepsOnPlan, on_plan);
  set(row, Metric::kTeamQuotaAttainment, ratio(team_bookings, team_quota));
  std::array<double, static_cast<std::size_t>(QuotaBand::kCount)> bands{};
  for (const double a : attainment) bands[static_cast<std::size_t>(quota_band(a))] += 1;
  for (std::size_t band = 0; band < bands.size(); ++band) {
    row(static_cast<Eigen::Index>(MetricLayout::quota_band_index(static_cast<QuotaBand>(band)))) =
        bands[band];
  }
  if (attainment.empty()) {
    for (const Metric metric :
         {Metric::kQuotaAttainmentMean, Metric::kQuotaAttainmentP10, Metric::kQuotaAttainmentP50,
          Metric::kQuotaAttainmentP90, Metric::kShareAtQuota}) {
      set(row, metric, kUndefined);
    }
    return;
  }
  std::sort(attainment.begin(), attainment.end());
  double sum = 0;
  for (const double a : attainment) sum += a;
  // On quota or above: the bands from 100% up, with quota_band's rule for an edge.
  const double at_quota = bands[static_cast<std::size_t>(QuotaBand::k100To120)] +
                          bands[static_cast<std::size_t>(QuotaBand::k120Plus)];
  const double n = static_cast<double>(attainment.size());
  const auto quantile = [&](double p) {
    return sim::quantile_sorted(attainment.data(), attainment.size(), p);
  };
  set(row, Metric::kQuotaAttainmentMean, sum / n);
  set(row, Metric::kQuotaAttainmentP10, quantile(0.1));
  set(row, Metric::kQuotaAttainmentP50, quantile(0.5));
  set(row, Metric::kQuotaAttainmentP90, quantile(0.9));
  set(row, Metric::kShareAtQuota, at_quota / n);
}

void MonthEndRecorder::record_cac(Row& row, int month) const {
  const Eigen::Index window = std::min<Eigen::Index>(12, month);
  // Summed oldest first, one by one. Eigen's vectorised sum starts its pairs where the column
  // happens to be aligned in memory, which moves with the column's length, the horizon: the
  // same months summed in another order, so a month's CAC payback changed in its last bits with
  // horizon_months (ProjectionTest.ALongerHorizonLeavesTheMonthsBeforeItUnchanged).
  const auto trailing = [&](Metric metric) {
    const auto column = monthly_.col(static_cast<Eigen::Index>(MetricLayout::index(metric)));
    double sum = 0;
    for (Eigen::Index m = month - window; m < month; ++m) sum += column(m);
    return sum;
  };
  const double cost = trailing(Metric::kTotalCost);
  set(row, Metric::kCac, ratio(cost, trailing(Metric::kDealsWon)));
  set(row, Metric::kCacPaybackMonths, ratio(cost, trailing(Metric::kNewBookings) / 12.0));
}

void MonthEndRecorder::record_breakdowns(Row& row) const {
  const MonthTally& tally = context_.month;
  const double now = context_.now();
  for (std::size_t t = 0; t < spec_.territories.size(); ++t) {
    const MonthTally::Territory& counters = tally.territory[t];
    const auto put = [&](TerritoryMetric metric, double value) {
      row(static_cast<Eigen::Index>(layout_.territory_index(t, metric))) = value;
    };
    const int reps = organisation_.account_executives_in(t);
    put(TerritoryMetric::kLeads, counters.leads);
    put(TerritoryMetric::kOpportunities, counters.opportunities);
    put(TerritoryMetric::kWins, counters.wins);
    put(TerritoryMetric::kBookings, counters.bookings);
    put(TerritoryMetric::kBookingsPerRep, ratio(counters.bookings, reps));
    put(TerritoryMetric::kReps, reps);
    put(TerritoryMetric::kAccountsAvailable,
        accounts_.finite(t) ? accounts_.available_after(t, now) : 0.0);
  }
  for (std::size_t p = 0; p < spec_.products.size(); ++p) {
    row(static_cast<Eigen::Index>(layout_.product_index(p, ProductMetric::kWins))) =
        tally.product[p].wins;
    row(static_cast<Eigen::Index>(layout_.product_index(p, ProductMetric::kBookings))) =
        tally.product[p].bookings;
  }
  for (std::size_t c = 0; c < spec_.channels.size(); ++c) {
    const MonthTally::Channel& channel = tally.channel[c];
    const auto put = [&](ChannelMetric metric, double value) {
      row(static_cast<Eigen::Index>(layout_.channel_index(c, metric))) = value;
    };
    put(ChannelMetric::kLeads, channel.leads);
    put(ChannelMetric::kOpportunities, channel.opportunities);
    put(ChannelMetric::kWins, channel.wins);
    put(ChannelMetric::kCost, channel.cost);
  }
  for (std::size_t s = 0; s < spec_.segments.size(); ++s) {
    const MonthTally::Segment& segment = tally.segment[s];
    const auto put = [&](SegmentMetric metric, double value) {
      row(static_cast<Eigen::Index>(layout_.segment_index(s, metric))) = value;
    };
    put(SegmentMetric::kLeads, segment.leads);
    put(SegmentMetric::kOpportunities, segment.opportunities);
    put(SegmentMetric::kWins, segment.wins);
    put(SegmentMetric::kBookings, segment.bookings);
    put(SegmentMetric::kLogoChurn, segment.churned);
  }
}

}  // namespace teamsim::model
