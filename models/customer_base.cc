#include "models/customer_base.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "models/random_draws.h"

namespace teamsim::model {
namespace {

double term_days(bool annual) { return annual ? kDaysPerYear : kDaysPerMonth; }

// The share of `active` customers that `covered_accounts` cover, at most 1.
double coverage_of(std::int64_t covered_accounts, std::size_t active) {
  if (active == 0) return 1.0;
  return std::min(1.0, static_cast<double>(covered_accounts) / static_cast<double>(active));
}

}  // namespace

CustomerBase::CustomerBase(ModelContext& context, AccountPool& accounts, RenewalMode mode)
    : context_(context),
      spec_(context.spec),
      accounts_(accounts),
      fixed_expansion_(context.fixed_value(spec_.customers.monthly_expansion)),
      replay_(mode == RenewalMode::kReplayWhenExact && accounts.late_release_exact()) {
  if (!replay_) {
    monthly_renewals_ = context.simulator.add_busy_lane();
    annual_renewals_ = context.simulator.add_busy_lane();
  }
  const CustomerSpec& spec = spec_.customers;
  for (const bool annual : {false, true}) {
    for (const bool covered : {false, true}) {
      RenewalTerms& terms = renewal_terms_[annual][covered];
      terms.churn_probability = (annual ? spec.annual_churn : spec.monthly_churn) *
                                (covered ? spec.covered_churn_factor : 1.0);
      if (fixed_expansion_) {
        terms.mrr_factor =
            mrr_factor(*fixed_expansion_ + (covered ? spec.covered_expansion_bonus : 0.0), annual);
      }
    }
  }
}

double CustomerBase::mrr_factor(double change, bool annual) {
  const double growth = std::max(0.0, 1.0 + change);
  return annual ? std::pow(growth, 12) : growth;
}

std::vector<double> initial_customer_weights(const std::vector<TerritorySpec>& territories) {
  std::vector<double> weights;
  for (const TerritorySpec& territory : territories) {
    weights.push_back(territory.inbound_leads_per_month);
  }
  double total_weight = 0;
  for (const double weight : weights) total_weight += weight;
  if (total_weight <= 0) std::fill(weights.begin(), weights.end(), 1.0);
  return weights;
}

bool initial_customers_placed(const std::vector<TerritorySpec>& territories) {
  return std::any_of(territories.begin(), territories.end(),
                     [](const TerritorySpec& t) { return t.initial_customers.has_value(); });
}

void CustomerBase::add_initial(const SegmentMix& segments) {
  const WeightedPick pick_territory(initial_customer_weights(spec_.territories));
  const bool placed = initial_customers_placed(spec_.territories);
  // Placed: customer i is in territory t while i < the territories' counts up to t's, in order.
  std::size_t placed_territory = 0;
  int placed_before_next = 0;
  for (int i = 0; i < spec_.customers.initial_customers; ++i) {
    sim::Rng rng = context_.substream(Stream::kInitialCustomer, static_cast<std::uint64_t>(i));
    const double mrr = context_.draw_nonnegative(spec_.customers.initial_mrr, rng);
    // Drawn even when placed, so that the segment, term and later draws stay where they are.
    const double territory_draw = uniform01(rng);
    std::size_t territory = 0;
    if (placed) {
      while (i >= placed_before_next) {
        placed_before_next += spec_.territories.at(placed_territory++).initial_customers.value();
      }
      territory = placed_territory - 1;
    } else {
      territory = pick_territory(territory_draw);
    }
    const std::size_t segment =
        segments.empty() ? kUnassigned : segments.pick(territory, uniform01(rng));
    const double term_left_share = 1.0 - uniform01(rng);  // in (0, 1]
    accounts_.occupy(territory);
    add_customer(mrr, rng, territory, segment, term_left_share, /*paid=*/true);
  }
  if (replay_) {
    schedule_.sort_initial();
    active_at_month_start_ = active_;
  }
}

void CustomerBase::add(double mrr, sim::Rng rng, std::size_t territory, std::size_t segment) {
  if (replay_) added_at_.push_back(context_.now());
  add_customer(mrr, rng, territory, segment, 1.0, /*paid=*/false);
}

void CustomerBase::add_customer(double mrr, sim::Rng& rng, std::size_t territory,
                                std::size_t segment, double term_left_share, bool paid) {
  if (customers_.size() >= context_.limits.customers) [[unlikely]] {
    context_.fail_limit("customers won or started with by one replication",
                        context_.limits.customers, "lower customers.initial or the lead flow");
  }
  // Every customer is in a territory: placed there at day 0, or won there.
  assert(territory < spec_.territories.size());
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
  const bool at_day_zero = context_.months_closed == 0 && context_.now() == 0;
  customer.first_month = static_cast<std::int16_t>(at_day_zero ? 0 : context_.months_closed + 1);
  const auto index = static_cast<std::uint32_t>(customers_.size());
  customers_.push_back(customer);
  if (at_day_zero) {
    mrr_at_[0].resize(customers_.size());
    mrr_at_[0][index] = mrr;
  }
  ++active_;
  coverage_accounts_ = kCoverageUnknown;
  total_mrr_ += mrr;
  if (customer.upfront) prepaid_mrr_ += mrr;
  set_revenue_rates();
  if (paid) {
    const double left = term_days(customer.annual) * term_left_share;
    customers_[index].renews_at = context_.now() + left;
    if (replay_) {
      schedule_.add_initial(context_.now() + left, index);
    } else {
      schedule_renewal(index, left);
    }
  } else {
    start_term(customers_[index], index);
  }
}

void CustomerBase::set_revenue_rates() {
  context_.ledger.set_revenue_rates(context_.now(), total_mrr_ / kDaysPerMonth,
                                    prepaid_mrr_ / kDaysPerMonth);
}

// Inline, into renew and the replay above all (half the events): the call, its saved registers
// and finding the customer again were 0.9 % of a reference replication (docs/performance.md).
[[gnu::always_inline]] inline void CustomerBase::start_term_at(Customer& customer, double now) {
  customer.renews_at = now + term_days(customer.annual);
  // A year billed upfront is the twelve months of MRR the term will earn: 365.25 / 30.4375 = 12.
  if (customer.upfront) context_.ledger.collect(12.0 * customer.mrr);
}

[[gnu::always_inline]] inline void CustomerBase::start_term(Customer& customer,
                                                            std::uint32_t index) {
  start_term_at(customer, context_.now());
  if (replay_) {
    schedule_.add_won(customer.annual, customer.renews_at, context_.now(), index);
  } else {
    context_.simulator.schedule_in_lane(customer.annual ? annual_renewals_ : monthly_renewals_,
                                        term_days(customer.annual), priority::kRenewal,
                                        kind_of(EventKind::kCustomerRenewal), index);
  }
}

void CustomerBase::schedule_renewal(std::uint32_t index, double days) {
  context_.schedule_in(days, priority::kRenewal, EventKind::kCustomerRenewal, index);
}

double CustomerBase::coverage_share(std::int64_t covered_accounts) const {
  return coverage_of(covered_accounts, active_);
}

[[gnu::always_inline]] inline CustomerBase::Renewal CustomerBase::renew_customer(Customer& customer,
                                                                                 double coverage) {
  assert(customer.active);
  const CustomerSpec& spec = spec_.customers;
  const bool covered = customer.coverage_draw < coverage;
  const RenewalTerms& terms = renewal_terms_[customer.annual][covered];
  double churn_probability = terms.churn_probability;
  if (customer.segment != kUnassigned) {
    churn_probability *= spec_.segments[customer.segment].churn_factor;
  }
  if (bernoulli(customer.rng, churn_probability)) {
    customer.active = false;
    customer.churn_month = static_cast<std::int16_t>(context_.months_closed + 1);
    ++context_.month.churned;
    if (customer.segment != kUnassigned) context_.month.segment[customer.segment].churned += 1;
    return {true, -customer.mrr};
  }
  const double factor = fixed_expansion_
                            ? terms.mrr_factor
                            : mrr_factor(context_.draw(spec.monthly_expansion, customer.rng) +
                                             (covered ? spec.covered_expansion_bonus : 0.0),
                                         customer.annual);
  const double new_mrr = customer.mrr * factor;
  const double change = new_mrr - customer.mrr;
  customer.mrr = new_mrr;
  return {false, change};
}

void CustomerBase::renew(std::uint32_t index, std::int64_t covered_accounts) {
  assert(!replay_);
  Customer& customer = customers_[index];
  // The share changes only when customer success's accounts or the active customers do: it is
  // divided out again then, not at every renewal (a churn and add_customer forget it).
  assert(covered_accounts >= 0);
  if (covered_accounts != coverage_accounts_) [[unlikely]] {
    coverage_ = coverage_share(covered_accounts);
    coverage_accounts_ = covered_accounts;
  }
  const Renewal renewal = renew_customer(customer, coverage_);
  total_mrr_ += renewal.mrr_change;
  if (customer.upfront) prepaid_mrr_ += renewal.mrr_change;
  set_revenue_rates();
  if (renewal.churned) {
    --active_;
    coverage_accounts_ = kCoverageUnknown;
    accounts_.release(customer.territory, context_.now());
    return;
  }
  ++context_.month.renewals;
  start_term(customer, index);
}

void CustomerBase::customer_success_changed(double now, std::int64_t accounts) {
  if (!replay_) return;
  coverage_changes_.emplace_back(now, accounts);
  covered_accounts_now_ = accounts;
}

std::uint64_t CustomerBase::replay_renewals(double month_end) {
  if (!replay_) return 0;
  // What the revenue rates accrued this month leaves out: each renewal's change of MRR over the
  // days from it to the month end (the ledger accrues the rest up to here first).
  context_.ledger.accrue_to(month_end);
  double mrr_days = 0, prepaid_mrr_days = 0;
  double mrr_change = 0, prepaid_change = 0;  // summed in locals, added to the members once
  // The month's wins and changes of coverage, walked with pointers in registers. A win at
  // infinity ends the wins.
  std::size_t active = active_at_month_start_;
  added_at_.push_back(std::numeric_limits<double>::infinity());
  const double* next_add = added_at_.data();
  const auto* next_change = coverage_changes_.data();
  const auto* const changes_end = next_change + coverage_changes_.size();
  std::int64_t covered_accounts = covered_accounts_at_start_;
  std::size_t coverage_active = std::numeric_limits<std::size_t>::max();
  std::int64_t coverage_accounts = kCoverageUnknown;
  double coverage = 1.0;
  std::size_t churned = 0;
  std::uint64_t replayed = 0;  // churned or renewed
  RenewalSchedule::Merge merge = schedule_.merge(month_end);
  RenewalSchedule::Entry due{};
  while (merge.next(due)) {
    ++replayed;
    const double now = due.time;
    // What the simulator would have run before it: every win and every change of customer
    // success at or before its time (their priorities come before kRenewal).
    while (*next_add <= now) {
      ++active;
      ++next_add;
    }
    while (next_change != changes_end && next_change->first <= now) {
      covered_accounts = next_change->second;
      ++next_change;
    }
    if (covered_accounts != coverage_accounts || active != coverage_active) {
      coverage = coverage_of(covered_accounts, active);
      coverage_accounts = covered_accounts;
      coverage_active = active;
    }
    Customer& customer = customers_[due.index];
    const Renewal renewal = renew_customer(customer, coverage);
    const double days_left = month_end - now;
    mrr_change += renewal.mrr_change;
    mrr_days += renewal.mrr_change * days_left;
    if (customer.upfront) {
      prepaid_change += renewal.mrr_change;
      prepaid_mrr_days += renewal.mrr_change * days_left;
    }
    if (renewal.churned) {
      --active;
      ++churned;
      accounts_.release_in_order(customer.territory, now);
      continue;
    }
    start_term_at(customer, now);
    merge.add_renewed(customer.annual, customer.renews_at, now, due.index);
  }
  schedule_.compact();
  context_.month.renewals += static_cast<double>(replayed - churned);
  // Every customer added this month (added_at_ ends with the infinity), less the churned.
  assert(active_at_month_start_ + added_at_.size() - 1 == active_);
  active_ -= churned;
  total_mrr_ += mrr_change;
  prepaid_mrr_ += prepaid_change;
  active_at_month_start_ = active_;
  coverage_accounts_ = kCoverageUnknown;
  added_at_.clear();
  coverage_changes_.clear();
  covered_accounts_at_start_ = covered_accounts_now_;
  context_.ledger.add_accrued(mrr_days / kDaysPerMonth,
                              (mrr_days - prepaid_mrr_days) / kDaysPerMonth);
  set_revenue_rates();
  return replayed;
}

void CustomerBase::close_month(int month) {
  // The total in a local: in the member, each customer's mrr_at store (a double too) made the
  // compiler store the total and load it again. Not the prepaid total as well: with both in
  // locals GCC paired them in one vector register, two shuffles per customer (measured worse).
  double total_mrr = 0;
  prepaid_mrr_ = 0;
  std::vector<double>& mrr_now = mrr_at_[static_cast<std::size_t>(month) % kMonthsKept];
  mrr_now.resize(customers_.size());
  double* mrr_of = mrr_now.data();
  for (const Customer& customer : customers_) {
    const double mrr = customer.mrr;
    if (customer.active) {
      total_mrr += mrr;
      if (customer.upfront) prepaid_mrr_ += mrr;
      *mrr_of = mrr;
    }
    ++mrr_of;
  }
  total_mrr_ = total_mrr;
  set_revenue_rates();
}

}  // namespace teamsim::model
