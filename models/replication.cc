#include "models/replication.h"

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <cassert>
#include <cmath>

#include "models/ramp.h"

namespace teamsim::model {
namespace {

std::uint32_t kind_of(EventKind kind) { return static_cast<std::uint32_t>(kind); }

/// Exponential waiting time with the given rate (events per day); +inf when the rate is 0.
double exponential_wait(sim::Rng& rng, double rate_per_day) {
  if (rate_per_day <= 0) return INFINITY;
  return boost::random::exponential_distribution<double>(rate_per_day)(rng);
}

bool bernoulli(sim::Rng& rng, double p) {
  if (p <= 0) return false;
  if (p >= 1) return true;
  return boost::random::bernoulli_distribution<double>(p)(rng);
}

/// Draws from a distribution that must not go below zero (validated at load; clamped for safety
/// against a user-specified empirical list with a negative entry slipping through).
double sample_nonnegative(const sim::Distribution& d, sim::Rng& rng) {
  return std::max(0.0, d.sample(rng));
}

}  // namespace

Replication::Replication(const ScenarioSpec& spec, const MetricLayout& layout, std::uint64_t seed,
                         std::uint64_t replication)
    : spec_(spec),
      layout_(layout),
      seed_(seed),
      replication_(replication),
      inbound_leads_(spec.territories.size(), 0),
      ledger_(spec.money.starting_cash, spec.money.other_monthly_costs / kDaysPerMonth),
      sellers_by_territory_(spec.territories.size()),
      account_executives_by_territory_(spec.territories.size(), 0),
      headcount_by_role_(spec.roles.size(), 0),
      monthly_(
          Eigen::MatrixXd::Zero(spec.horizon_months, static_cast<Eigen::Index>(layout.size()))) {
  for (std::size_t t = 0; t < spec.territories.size(); ++t) {
    inbound_arrivals_.push_back(sim::make_stream(
        seed, replication,
        static_cast<sim::StreamId>(Stream::kInboundArrivals) + static_cast<sim::StreamId>(t)));
  }
  for (const RoleSpec& role : spec.roles) {
    // A probability a of leaving within a year is a constant hazard -ln(1 - a) per year.
    attrition_hazard_per_day_.push_back(-std::log1p(-role.annual_attrition) / kDaysPerYear);
  }
}

sim::Rng Replication::substream(Stream stream, std::uint64_t index) const {
  return sim::make_substream(seed_, replication_, static_cast<sim::StreamId>(stream), index);
}

Replication::Lead Replication::draw_lead(sim::Rng rng) const {
  // Always the same draws in the same order, whatever happens to the lead afterwards.
  Lead lead;
  lead.win_rate = std::clamp(spec_.pipeline.win_rate.sample(rng), 0.0, 1.0);
  lead.win_draw = boost::random::uniform_01<double>()(rng);
  lead.cycle_days = sample_nonnegative(spec_.pipeline.sales_cycle_days, rng);
  lead.acv = sample_nonnegative(spec_.pipeline.deal_size_acv, rng);
  lead.rng = rng;
  return lead;
}

bool Replication::is_account_executive(const Person& person) const {
  return spec_.roles[person.role].kind == RoleKind::kAccountExecutive;
}

double Replication::productivity(const Person& person) const {
  if (!person.active || !person.selling) return 0.0;
  return linear_ramp_productivity(simulator_.now(), person.selling_from, person.ramp_days);
}

const Eigen::MatrixXd& Replication::run() {
  schedule_initial_events();
  const double horizon_days = spec_.horizon_months * kDaysPerMonth;
  simulator_.run_until(horizon_days, *this);
  assert(months_recorded_ == spec_.horizon_months);
  return monthly_;
}

void Replication::schedule_initial_events() {
  for (const StartingStaffSpec& staff : spec_.starting_staff) {
    const std::size_t role =
        static_cast<std::size_t>(spec_.find_role(staff.role) - spec_.roles.data());
    const std::size_t territory = staff.territory.empty() ? kUnassigned : [&] {
      for (std::size_t t = 0; t < spec_.territories.size(); ++t)
        if (spec_.territories[t].name == staff.territory) return t;
      return kUnassigned;
    }();
    for (int i = 0; i < staff.count; ++i) add_person(role, territory, /*ramped=*/true);
  }
  for (int i = 0; i < spec_.customers.initial_customers; ++i) {
    sim::Rng rng = substream(Stream::kInitialCustomer, static_cast<std::uint64_t>(i));
    const double mrr = sample_nonnegative(spec_.customers.initial_mrr, rng);
    add_customer(mrr, rng);
  }
  for (const HireSpec& hire : spec_.hires) {
    const std::size_t role =
        static_cast<std::size_t>(spec_.find_role(hire.role) - spec_.roles.data());
    std::size_t territory = kUnassigned;
    for (std::size_t t = 0; t < spec_.territories.size(); ++t)
      if (spec_.territories[t].name == hire.territory) territory = t;
    for (int i = 0; i < hire.count; ++i) {
      requisitions_.push_back({role, territory});
      simulator_.schedule_at((hire.start_month - 1) * kDaysPerMonth, priority::kRequisition,
                             kind_of(EventKind::kRequisitionOpened),
                             static_cast<std::uint32_t>(requisitions_.size() - 1));
    }
  }
  for (std::size_t t = 0; t < spec_.territories.size(); ++t) schedule_next_inbound(t);
  for (int month = 1; month <= spec_.horizon_months; ++month) {
    simulator_.schedule_at(month * kDaysPerMonth, priority::kMonthEnd,
                           kind_of(EventKind::kMonthEnd));
  }
}

void Replication::operator()(const sim::Event& event) {
  ledger_.accrue_to(event.time);
  switch (static_cast<EventKind>(event.kind)) {
    case EventKind::kRequisitionOpened: {
      ++open_requisitions_;
      const Requisition& requisition = requisitions_[event.subject];
      sim::Rng rng = substream(Stream::kRequisition, event.subject);
      const double wait = sample_nonnegative(spec_.roles[requisition.role].time_to_fill_days, rng);
      simulator_.schedule_in(wait, priority::kHire, kind_of(EventKind::kHireStarted),
                             event.subject);
      break;
    }
    case EventKind::kHireStarted:
      start_hire(event.subject);
      break;
    case EventKind::kOnboardingDone:
      finish_onboarding(event.subject);
      break;
    case EventKind::kEmployeeLeaves:
      leave(event.subject);
      break;
    case EventKind::kInboundLead: {
      const std::size_t territory = event.subject;
      const std::uint64_t number = inbound_leads_[territory]++;
      const auto stream = static_cast<Stream>(static_cast<sim::StreamId>(Stream::kInboundLead) +
                                              static_cast<sim::StreamId>(territory));
      route_lead(territory, kNobody, draw_lead(substream(stream, number)));
      schedule_next_inbound(territory);
      break;
    }
    case EventKind::kProspectedLead: {
      const std::uint32_t person = event.subject;
      const std::uint64_t key = (std::uint64_t{person} << 32) | people_[person].prospected++;
      route_lead(people_[person].territory, person,
                 draw_lead(substream(Stream::kProspectedLead, key)));
      schedule_next_prospect(person);
      break;
    }
    case EventKind::kOpportunityClosed:
      close_opportunity(event.subject);
      break;
    case EventKind::kCustomerRenewal:
      renew_customer(event.subject);
      break;
    case EventKind::kMonthEnd:
      snapshot_month();
      break;
  }
}

void Replication::open_requisition(std::size_t role, std::size_t territory) {
  requisitions_.push_back({role, territory});
  simulator_.schedule_in(0, priority::kRequisition, kind_of(EventKind::kRequisitionOpened),
                         static_cast<std::uint32_t>(requisitions_.size() - 1));
}

void Replication::start_hire(std::uint32_t requisition) {
  --open_requisitions_;
  ++month_.hires;
  const Requisition& filled = requisitions_[requisition];
  add_person(filled.role, filled.territory, /*ramped=*/false);
}

std::size_t Replication::least_staffed_territory() const {
  std::size_t best = 0;
  for (std::size_t t = 1; t < account_executives_by_territory_.size(); ++t) {
    if (account_executives_by_territory_[t] < account_executives_by_territory_[best]) best = t;
  }
  return best;
}

std::uint32_t Replication::add_person(std::size_t role, std::size_t territory, bool ramped) {
  const RoleSpec& spec = spec_.roles[role];
  const auto index = static_cast<std::uint32_t>(people_.size());
  Person person;
  person.rng = substream(Stream::kPerson, index);
  person.prospect_rng = substream(Stream::kProspecting, index);
  person.role = role;
  const bool seller = spec.kind == RoleKind::kAccountExecutive;
  person.territory = (territory == kUnassigned && seller) ? least_staffed_territory() : territory;
  if (ramped) {
    person.selling = seller;
    person.selling_from = simulator_.now();
    person.ramp_days = 0;
  } else {
    person.ramp_days = sample_nonnegative(spec.ramp_months, person.rng) * kDaysPerMonth;
  }
  people_.push_back(person);
  ++headcount_by_role_[role];
  ledger_.add_payroll_rate(spec.annual_salary / kDaysPerYear);
  if (seller) {
    ++account_executives_by_territory_[person.territory];
    if (ramped) {
      sellers_by_territory_[person.territory].push_back(index);
      schedule_next_prospect(index);
    } else {
      const double onboarding = sample_nonnegative(spec.onboarding_days, people_[index].rng);
      simulator_.schedule_in(onboarding, priority::kOnboarding, kind_of(EventKind::kOnboardingDone),
                             index);
    }
  }
  const double tenure = exponential_wait(people_[index].rng, attrition_hazard_per_day_[role]);
  if (std::isfinite(tenure)) {
    simulator_.schedule_in(tenure, priority::kDeparture, kind_of(EventKind::kEmployeeLeaves),
                           index);
  }
  return index;
}

void Replication::finish_onboarding(std::uint32_t person_index) {
  Person& person = people_[person_index];
  if (!person.active) return;
  person.selling = true;
  person.selling_from = simulator_.now();
  sellers_by_territory_[person.territory].push_back(person_index);
  schedule_next_prospect(person_index);
}

void Replication::leave(std::uint32_t person_index) {
  Person& person = people_[person_index];
  assert(person.active);
  person.active = false;
  ++month_.departures;
  --headcount_by_role_[person.role];
  const RoleSpec& role = spec_.roles[person.role];
  ledger_.add_payroll_rate(-role.annual_salary / kDaysPerYear);
  if (role.kind == RoleKind::kAccountExecutive) {
    --account_executives_by_territory_[person.territory];
    simulator_.cancel(person.next_prospect);
    auto& sellers = sellers_by_territory_[person.territory];
    std::erase(sellers, person_index);
    // Open opportunities pass to the least-loaded colleague in the territory; with nobody left
    // they stay open unowned and close on schedule with the odds they had.
    for (Opportunity& opportunity : opportunities_) {
      if (!opportunity.open || opportunity.owner != person_index) continue;
      opportunity.owner = least_loaded_seller(person.territory, /*need_capacity=*/false);
      if (opportunity.owner != kNobody) ++people_[opportunity.owner].open_opportunities;
    }
    person.open_opportunities = 0;
  }
  if (role.backfill) {
    const double delay = sample_nonnegative(role.backfill_delay_days, person.rng);
    requisitions_.push_back({person.role, person.territory});
    simulator_.schedule_in(delay, priority::kRequisition, kind_of(EventKind::kRequisitionOpened),
                           static_cast<std::uint32_t>(requisitions_.size() - 1));
  }
}

void Replication::schedule_next_inbound(std::size_t territory) {
  const double rate_per_day = spec_.territories[territory].inbound_leads_per_month / kDaysPerMonth;
  const double wait = exponential_wait(inbound_arrivals_[territory], rate_per_day);
  if (std::isfinite(wait)) {
    simulator_.schedule_in(wait, priority::kLead, kind_of(EventKind::kInboundLead),
                           static_cast<std::uint32_t>(territory));
  }
}

void Replication::schedule_next_prospect(std::uint32_t person_index) {
  Person& person = people_[person_index];
  const double rate_per_day = spec_.roles[person.role].prospecting_leads_per_month / kDaysPerMonth;
  const double wait = exponential_wait(person.prospect_rng, rate_per_day);
  if (std::isfinite(wait)) {
    person.next_prospect = simulator_.schedule_in(
        wait, priority::kLead, kind_of(EventKind::kProspectedLead), person_index);
  }
}

std::uint32_t Replication::least_loaded_seller(std::size_t territory, bool need_capacity) const {
  std::uint32_t best = kNobody;
  for (const std::uint32_t candidate : sellers_by_territory_[territory]) {
    const Person& person = people_[candidate];
    if (need_capacity &&
        person.open_opportunities >= spec_.roles[person.role].max_open_opportunities) {
      continue;
    }
    // Sellers are kept in order of joining the territory, so ties go to the earliest.
    if (best == kNobody || person.open_opportunities < people_[best].open_opportunities) {
      best = candidate;
    }
  }
  return best;
}

void Replication::route_lead(std::size_t territory, std::uint32_t preferred_owner, Lead lead) {
  ++month_.leads;
  std::uint32_t owner = kNobody;
  if (preferred_owner != kNobody) {
    const Person& person = people_[preferred_owner];
    if (person.open_opportunities < spec_.roles[person.role].max_open_opportunities) {
      owner = preferred_owner;
    }
  } else {
    owner = least_loaded_seller(territory, /*need_capacity=*/true);
  }
  if (owner == kNobody) {
    ++month_.leads_unworked;
    return;
  }
  Opportunity opportunity;
  opportunity.owner = owner;
  opportunity.territory = territory;
  opportunity.open = true;
  // A ramping rep wins in proportion to their productivity: the ramp is what they still learn.
  opportunity.win_probability = lead.win_rate * productivity(people_[owner]);
  const double cycle = lead.cycle_days;
  opportunity.lead = lead;
  std::uint32_t index;
  if (free_opportunities_.empty()) {
    index = static_cast<std::uint32_t>(opportunities_.size());
    opportunities_.push_back(opportunity);
  } else {
    index = free_opportunities_.back();
    free_opportunities_.pop_back();
    opportunities_[index] = opportunity;
  }
  ++people_[owner].open_opportunities;
  ++open_opportunities_;
  ++month_.opportunities;
  simulator_.schedule_in(cycle, priority::kDealClose, kind_of(EventKind::kOpportunityClosed),
                         index);
}

void Replication::close_opportunity(std::uint32_t index) {
  Opportunity& opportunity = opportunities_[index];
  assert(opportunity.open);
  opportunity.open = false;
  free_opportunities_.push_back(index);
  --open_opportunities_;
  if (opportunity.owner != kNobody) --people_[opportunity.owner].open_opportunities;
  if (opportunity.lead.win_draw < opportunity.win_probability) {
    const double acv = opportunity.lead.acv;
    ++month_.won;
    month_.bookings += acv;
    add_customer(acv / 12.0, opportunity.lead.rng);
  } else {
    ++month_.lost;
  }
}

void Replication::add_customer(double mrr, sim::Rng rng) {
  std::uint32_t index;
  if (free_customers_.empty()) {
    index = static_cast<std::uint32_t>(customers_.size());
    customers_.push_back({rng, mrr, true});
  } else {
    index = free_customers_.back();
    free_customers_.pop_back();
    customers_[index] = {rng, mrr, true};
  }
  ++active_customers_;
  total_mrr_ += mrr;
  ledger_.set_revenue_rate(total_mrr_ / kDaysPerMonth);
  simulator_.schedule_in(kDaysPerMonth, priority::kRenewal, kind_of(EventKind::kCustomerRenewal),
                         index);
}

void Replication::renew_customer(std::uint32_t index) {
  Customer& customer = customers_[index];
  assert(customer.active);
  sim::Rng& rng = customer.rng;
  if (bernoulli(rng, spec_.customers.monthly_churn)) {
    customer.active = false;
    free_customers_.push_back(index);
    --active_customers_;
    total_mrr_ -= customer.mrr;
    ledger_.set_revenue_rate(total_mrr_ / kDaysPerMonth);
    ++month_.churned;
    return;
  }
  const double change = spec_.customers.monthly_expansion.sample(rng);
  const double new_mrr = std::max(0.0, customer.mrr * (1.0 + change));
  total_mrr_ += new_mrr - customer.mrr;
  ledger_.set_revenue_rate(total_mrr_ / kDaysPerMonth);
  customer.mrr = new_mrr;
  simulator_.schedule_in(kDaysPerMonth, priority::kRenewal, kind_of(EventKind::kCustomerRenewal),
                         index);
}

void Replication::snapshot_month() {
  // Re-sum MRR so rounding from many small updates never accumulates across months.
  total_mrr_ = 0;
  for (const Customer& customer : customers_) {
    if (customer.active) total_mrr_ += customer.mrr;
  }
  ledger_.set_revenue_rate(total_mrr_ / kDaysPerMonth);
  double ramped_capacity = 0;
  int headcount = 0;
  for (const Person& person : people_) {
    if (!person.active) continue;
    ++headcount;
    if (is_account_executive(person)) ramped_capacity += productivity(person);
  }
  auto row = monthly_.row(months_recorded_);
  auto set = [&](Metric metric, double value) {
    row(static_cast<Eigen::Index>(MetricLayout::index(metric))) = value;
  };
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
  set(Metric::kPayroll, ledger_.period_payroll());
  set(Metric::kTotalCost, ledger_.period_payroll() + ledger_.period_other_costs());
  set(Metric::kCash, ledger_.cash());
  for (std::size_t r = 0; r < headcount_by_role_.size(); ++r) {
    row(static_cast<Eigen::Index>(layout_.headcount_index(r))) = headcount_by_role_[r];
  }
  ++months_recorded_;
  month_ = MonthCounters{};
  ledger_.start_period();
}

}  // namespace teamsim::model
