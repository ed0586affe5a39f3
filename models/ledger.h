#pragma once

#include <cassert>

namespace teamsim::model {

/// Money over continuous time: payroll, other costs and recurring revenue accrue at their current
/// daily rates between changes, so a hire on day 10 of a month costs exactly the remaining days.
/// Revenue is earned at the revenue rate; cash comes in at that rate less the part already billed
/// upfront (the prepaid rate), plus invoices collected at once.
///
/// The rates accrue when one of them changes (each setter takes the time of the change) and when
/// the totals are read (accrue_to first): never per event, so the money sums do not depend on
/// how many events ran in between, only on when the rates changed.
class Ledger {
 public:
  Ledger(double starting_cash, double other_costs_per_day);

  /// Accrues every rate from the last accrual up to `now` (days, non-decreasing): call it before
  /// reading the totals or cash. Inline: every renewal and churn sets the revenue rates, and the
  /// call, with what the caller saved and loaded again around it, was 0.8 % of a reference
  /// replication (docs/performance.md).
  void accrue_to(double now) {
    assert(now >= last_time_);
    const double days = now - last_time_;
    if (days <= 0) return;
    const double payroll = payroll_per_day_ * days;
    const double other = other_costs_per_day_ * days;
    const double revenue = revenue_per_day_ * days;
    const double collected = (revenue_per_day_ - prepaid_per_day_) * days;
    period_payroll_ += payroll;
    period_other_costs_ += other;
    period_revenue_ += revenue;
    period_collections_ += collected;
    cash_ += collected - payroll - other;
    last_time_ = now;
  }
  /// Changes the payroll rate by `delta_per_day` from `now` on.
  void add_payroll_rate(double now, double delta_per_day) {
    accrue_to(now);
    payroll_per_day_ += delta_per_day;
  }
  /// Pays a one-off cost now (commission, recruiting, lead costs): counted in period_one_off.
  void pay(double amount) {
    cash_ -= amount;
    period_one_off_ += amount;
  }
  /// Sets the revenue rate, and the part of it billed upfront (earned, but no cash comes in),
  /// from `now` on.
  void set_revenue_rates(double now, double revenue_per_day, double prepaid_per_day) {
    accrue_to(now);
    revenue_per_day_ = revenue_per_day;
    prepaid_per_day_ = prepaid_per_day;
  }
  /// Receives money raised now (a funding round): counted in period_funding, not revenue.
  void receive_funding(double amount) {
    cash_ += amount;
    period_funding_ += amount;
    funding_so_far_ += amount;
  }
  /// Sets the rate of the costs outside the sales team from `now` on.
  void set_other_costs_rate(double now, double per_day) {
    accrue_to(now);
    other_costs_per_day_ = per_day;
  }
  /// Collects an invoice now (e.g. a year of an annual contract billed upfront).
  void collect(double amount) {
    cash_ += amount;
    period_collections_ += amount;
  }

  /// Revenue earned and cash collected that the rates did not accrue (changes of rate that took
  /// effect earlier, added after the fact: renewals replayed at a month end), into the period's
  /// totals and the cash.
  void add_accrued(double revenue, double collected) {
    period_revenue_ += revenue;
    period_collections_ += collected;
    cash_ += collected;
  }

  double cash() const { return cash_; }
  double payroll_per_day() const { return payroll_per_day_; }
  double revenue_per_day() const { return revenue_per_day_; }

  /// Totals since the last call to start_period (e.g. the month), then cash.
  double period_payroll() const { return period_payroll_; }
  double period_other_costs() const { return period_other_costs_; }
  double period_revenue() const { return period_revenue_; }
  /// Cash from customers: revenue billed as it is earned plus invoices collected at once.
  double period_collections() const { return period_collections_; }
  double period_one_off() const { return period_one_off_; }
  double period_funding() const { return period_funding_; }
  /// Every funding amount received since day 0.
  double funding_so_far() const { return funding_so_far_; }
  void start_period();

 private:
  double cash_;
  double other_costs_per_day_;
  double payroll_per_day_ = 0;
  double revenue_per_day_ = 0;
  double prepaid_per_day_ = 0;
  double last_time_ = 0;
  double period_payroll_ = 0;
  double period_other_costs_ = 0;
  double period_revenue_ = 0;
  double period_collections_ = 0;
  double period_one_off_ = 0;
  double period_funding_ = 0;
  double funding_so_far_ = 0;
};

}  // namespace teamsim::model
