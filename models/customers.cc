// The customer base: monthly and annual renewals, churn and expansion, customer-success coverage.
#include <algorithm>
#include <cassert>
#include <cmath>

#include "models/random_draws.h"
#include "models/replication.h"

namespace teamsim::model {
namespace {

std::uint32_t kind_of(EventKind kind) { return static_cast<std::uint32_t>(kind); }

double term_days(bool annual) { return annual ? kDaysPerYear : kDaysPerMonth; }

}  // namespace

void Replication::add_customer(double mrr, sim::Rng rng, std::size_t territory,
                               std::size_t segment) {
  if (customers_.size() >= limits_.customers) [[unlikely]] {
    fail_limit("customers won or started with by one replication", limits_.customers,
               "lower customers.initial or the lead flow");
  }
  Customer customer;
  // The customer's own draws: contract term, then its place in customer-success coverage.
  customer.annual = uniform01(rng) < spec_.customers.annual_contract_share;
  customer.upfront = customer.annual && spec_.customers.annual_billing == AnnualBilling::kUpfront;
  customer.coverage_draw = uniform01(rng);
  customer.rng = rng;
  customer.mrr = mrr;
  customer.active = true;
  customer.territory = territory;
  customer.segment = segment;
  const bool at_day_zero = months_recorded_ == 0 && simulator_.now() == 0;
  customer.first_month = at_day_zero ? 0 : static_cast<int>(months_recorded_) + 1;
  if (at_day_zero) customer.mrr_at[0] = mrr;
  const auto index = static_cast<std::uint32_t>(customers_.size());
  customers_.push_back(customer);
  ++active_customers_;
  total_mrr_ += mrr;
  if (customer.upfront) prepaid_mrr_ += mrr;
  set_revenue_rates();
  start_term(index);
}

void Replication::set_revenue_rates() {
  ledger_.set_revenue_rate(total_mrr_ / kDaysPerMonth);
  ledger_.set_prepaid_rate(prepaid_mrr_ / kDaysPerMonth);
}

void Replication::start_term(std::uint32_t index) {
  Customer& customer = customers_[index];
  const double term = term_days(customer.annual);
  customer.renews_at = simulator_.now() + term;
  // A year billed upfront is the twelve months of MRR the term will earn: 365.25 / 30.4375 = 12.
  if (customer.upfront) ledger_.collect(12.0 * customer.mrr);
  simulator_.schedule_in(term, priority::kRenewal, kind_of(EventKind::kCustomerRenewal), index);
}

double Replication::coverage_share() const {
  if (active_customers_ == 0) return 1.0;
  return std::min(1.0, static_cast<double>(csr_accounts_) / static_cast<double>(active_customers_));
}

void Replication::renew_customer(std::uint32_t index) {
  Customer& customer = customers_[index];
  assert(customer.active);
  const CustomerSpec& spec = spec_.customers;
  const bool covered = customer.coverage_draw < coverage_share();
  double churn = (customer.annual ? spec.annual_churn : spec.monthly_churn) *
                 (covered ? spec.covered_churn_factor : 1.0);
  if (customer.segment != kUnassigned) churn *= spec_.segments[customer.segment].churn_factor;
  if (bernoulli(customer.rng, churn)) {
    customer.active = false;
    customer.churn_month = static_cast<int>(months_recorded_) + 1;
    --active_customers_;
    total_mrr_ -= customer.mrr;
    if (customer.upfront) prepaid_mrr_ -= customer.mrr;
    set_revenue_rates();
    ++month_.churned;
    if (customer.segment != kUnassigned) segment_month_[customer.segment][4] += 1;
    if (customer.territory != kUnassigned && accounts_[customer.territory].total > 0) {
      --accounts_[customer.territory].in_use;
      cool_off_account(customer.territory);
    }
    return;
  }
  ++month_.renewals;
  const double change =
      draw(spec.monthly_expansion, customer.rng) + (covered ? spec.covered_expansion_bonus : 0.0);
  const double growth = std::max(0.0, 1.0 + change);
  const double new_mrr = customer.mrr * (customer.annual ? std::pow(growth, 12) : growth);
  total_mrr_ += new_mrr - customer.mrr;
  if (customer.upfront) prepaid_mrr_ += new_mrr - customer.mrr;
  customer.mrr = new_mrr;
  set_revenue_rates();
  start_term(index);
}

}  // namespace teamsim::model
