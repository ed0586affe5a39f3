#include "models/ledger.h"

#include <cassert>

namespace teamsim::model {

Ledger::Ledger(double starting_cash, double other_costs_per_day)
    : cash_(starting_cash), other_costs_per_day_(other_costs_per_day) {}

void Ledger::accrue_to(double now) {
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

void Ledger::start_period() {
  period_payroll_ = 0;
  period_other_costs_ = 0;
  period_revenue_ = 0;
  period_collections_ = 0;
  period_one_off_ = 0;
  period_funding_ = 0;
}

}  // namespace teamsim::model
