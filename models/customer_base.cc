#include "models/customer_base.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "models/random_draws.h"

namespace teamsim::model {
namespace {

double term_days(bool annual) { return annual ? kDaysPerYear : kDaysPerMonth; }

}  // namespace

CustomerBase::CustomerBase(ModelContext& context, AccountPool& accounts)
    : context_(context),
      spec_(context.spec),
      accounts_(accounts),
      monthly_renewals_(context.simulator.add_busy_lane()),
      annual_renewals_(context.simulator.add_busy_lane()),
      fixed_expansion_(context.fixed_value(spec_.customers.monthly_expansion)) {
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
}

void CustomerBase::add(double mrr, sim::Rng rng, std::size_t territory, std::size_t segment) {
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
    schedule_renewal(index, left);
  } else {
    start_term(customers_[index], index);
  }
}

void CustomerBase::set_revenue_rates() {
  context_.ledger.set_revenue_rates(context_.now(), total_mrr_ / kDaysPerMonth,
                                    prepaid_mrr_ / kDaysPerMonth);
}

// Inline, into renew above all (half the events): the call, its saved registers and finding the
// customer again were 0.9 % of a reference replication (docs/performance.md).
[[gnu::always_inline]] inline void CustomerBase::start_term(Customer& customer,
                                                            std::uint32_t index) {
  const double term = term_days(customer.annual);
  customer.renews_at = context_.now() + term;
  // A year billed upfront is the twelve months of MRR the term will earn: 365.25 / 30.4375 = 12.
  if (customer.upfront) context_.ledger.collect(12.0 * customer.mrr);
  context_.simulator.schedule_in_lane(customer.annual ? annual_renewals_ : monthly_renewals_, term,
                                      priority::kRenewal, kind_of(EventKind::kCustomerRenewal),
                                      index);
}

void CustomerBase::schedule_renewal(std::uint32_t index, double days) {
  context_.schedule_in(days, priority::kRenewal, EventKind::kCustomerRenewal, index);
}

double CustomerBase::coverage_share(std::int64_t covered_accounts) const {
  if (active_ == 0) return 1.0;
  return std::min(1.0, static_cast<double>(covered_accounts) / static_cast<double>(active_));
}

void CustomerBase::renew(std::uint32_t index, std::int64_t covered_accounts) {
  Customer& customer = customers_[index];
  assert(customer.active);
  const CustomerSpec& spec = spec_.customers;
  // The share changes only when customer success's accounts or the active customers do: it is
  // divided out again then, not at every renewal (churn and add_customer forget it).
  assert(covered_accounts >= 0);
  if (covered_accounts != coverage_accounts_) [[unlikely]] {
    coverage_ = coverage_share(covered_accounts);
    coverage_accounts_ = covered_accounts;
  }
  const bool covered = customer.coverage_draw < coverage_;
  const RenewalTerms& terms = renewal_terms_[customer.annual][covered];
  double churn_probability = terms.churn_probability;
  if (customer.segment != kUnassigned) {
    churn_probability *= spec_.segments[customer.segment].churn_factor;
  }
  if (bernoulli(customer.rng, churn_probability)) {
    churn(customer);
    return;
  }
  ++context_.month.renewals;
  const double factor = fixed_expansion_
                            ? terms.mrr_factor
                            : mrr_factor(context_.draw(spec.monthly_expansion, customer.rng) +
                                             (covered ? spec.covered_expansion_bonus : 0.0),
                                         customer.annual);
  const double new_mrr = customer.mrr * factor;
  total_mrr_ += new_mrr - customer.mrr;
  if (customer.upfront) prepaid_mrr_ += new_mrr - customer.mrr;
  customer.mrr = new_mrr;
  set_revenue_rates();
  start_term(customer, index);
}

void CustomerBase::churn(Customer& customer) {
  customer.active = false;
  customer.churn_month = static_cast<std::int16_t>(context_.months_closed + 1);
  --active_;
  coverage_accounts_ = kCoverageUnknown;
  total_mrr_ -= customer.mrr;
  if (customer.upfront) prepaid_mrr_ -= customer.mrr;
  set_revenue_rates();
  ++context_.month.churned;
  if (customer.segment != kUnassigned) context_.month.segment[customer.segment].churned += 1;
  accounts_.release(customer.territory, context_.now());
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
