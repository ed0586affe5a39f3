#include "models/replication.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "models/random_draws.h"

namespace teamsim::model {
namespace {

std::uint32_t kind_of(EventKind kind) { return static_cast<std::uint32_t>(kind); }

}  // namespace

Replication::Replication(const ScenarioSpec& spec, const MetricLayout& layout, std::uint64_t seed,
                         std::uint64_t replication, const InputProbe* probe)
    : spec_(spec),
      layout_(layout),
      seed_(seed),
      replication_(replication),
      probe_(probe),
      input_draws_(probe != nullptr ? probe->make_totals() : InputDrawTotals{}),
      inbound_leads_(spec.territories.size(), 0),
      ledger_(spec.money.starting_cash, spec.money.other_monthly_costs / kDaysPerMonth),
      open_requisitions_by_role_(spec.roles.size(), 0),
      sellers_by_territory_(spec.territories.size()),
      account_executives_by_territory_(spec.territories.size(), 0),
      headcount_by_role_(spec.roles.size(), 0),
      territory_month_(spec.territories.size()),
      product_month_(spec.products.size()),
      channel_month_(spec.channels.size()),
      segment_month_(spec.segments.size()),
      monthly_(
          Eigen::MatrixXd::Zero(spec.horizon_months, static_cast<Eigen::Index>(layout.size()))) {
  for (std::size_t t = 0; t < spec.territories.size(); ++t) {
    inbound_arrivals_.push_back(sim::make_stream(
        seed, replication,
        static_cast<sim::StreamId>(Stream::kInboundArrivals) + static_cast<sim::StreamId>(t)));
    TerritoryAccounts accounts;
    accounts.total = spec.territories[t].accounts;
    accounts_.push_back(accounts);
  }
  requisitions_by_role_.assign(spec.roles.size(), 0);
  people_by_role_.assign(spec.roles.size(), 0);
  for (const RoleSpec& role : spec.roles) {
    // A probability a of leaving within a year is a constant hazard -ln(1 - a) per year.
    attrition_hazard_per_day_.push_back(-std::log1p(-role.annual_attrition) / kDaysPerYear);
  }
  if (!spec.segments.empty()) {
    for (const TerritorySpec& territory : spec.territories) {
      std::vector<double> shares;
      for (const SegmentSpec& segment : spec.segments) {
        shares.push_back(segment.share_in(territory.name));
      }
      segment_shares_.push_back(std::move(shares));
    }
    std::vector<double> overall;
    for (const SegmentSpec& segment : spec.segments) overall.push_back(segment.share);
    segment_shares_.push_back(std::move(overall));
  }
  season_max_ = *std::max_element(spec.seasonality.leads.begin(), spec.seasonality.leads.end());
}

std::uint64_t Replication::entity_key(std::vector<std::uint32_t>& counts, std::size_t role) {
  return (std::uint64_t{role} << 32) | counts[role]++;
}

sim::Rng Replication::substream(Stream stream, std::uint64_t index) const {
  return sim::make_substream(seed_, replication_, static_cast<sim::StreamId>(stream), index);
}

double Replication::draw(const sim::Distribution& input, sim::Rng& rng) {
  const double drawn = input.sample(rng);
  return probe_ == nullptr ? drawn : probe_->observe(input, drawn, input_draws_);
}

double Replication::draw_nonnegative(const sim::Distribution& input, sim::Rng& rng) {
  return std::max(0.0, draw(input, rng));
}

std::size_t Replication::role_index(const std::string& name) const {
  return static_cast<std::size_t>(spec_.find_role(name) - spec_.roles.data());
}

std::size_t Replication::territory_index(const std::string& name) const {
  for (std::size_t t = 0; t < spec_.territories.size(); ++t)
    if (spec_.territories[t].name == name) return t;
  return kUnassigned;
}

std::size_t Replication::source_index(const std::string& name) const {
  for (std::size_t s = 0; s < spec_.hire_sources.size(); ++s)
    if (spec_.hire_sources[s].name == name) return s;
  return 0;
}

int Replication::current_month() const {
  return std::min(spec_.horizon_months - 1,
                  static_cast<int>(std::floor(simulator_.now() / kDaysPerMonth)));
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
    const std::size_t role = role_index(staff.role);
    const std::size_t territory =
        staff.territory.empty() ? kUnassigned : territory_index(staff.territory);
    for (int i = 0; i < staff.count; ++i) add_person(role, territory, 0, /*ramped=*/true);
  }
  for (int i = 0; i < spec_.customers.initial_customers; ++i) {
    sim::Rng rng = substream(Stream::kInitialCustomer, static_cast<std::uint64_t>(i));
    const double mrr = draw_nonnegative(spec_.customers.initial_mrr, rng);
    const std::size_t segment =
        spec_.segments.empty() ? kUnassigned : pick_segment(kUnassigned, uniform01(rng));
    add_customer(mrr, rng, kUnassigned, segment);
  }
  for (const HireSpec& hire : spec_.hires) {
    const std::size_t role = role_index(hire.role);
    const std::size_t territory = territory_index(hire.territory);
    const std::size_t source = source_index(hire.source);
    for (int i = 0; i < hire.count; ++i) {
      requisitions_.push_back(
          {role, territory, source, 0, entity_key(requisitions_by_role_, role)});
      simulator_.schedule_at((hire.start_month - 1) * kDaysPerMonth, priority::kRequisition,
                             kind_of(EventKind::kRequisitionOpened),
                             static_cast<std::uint32_t>(requisitions_.size() - 1));
    }
  }
  for (std::size_t t = 0; t < spec_.territories.size(); ++t) schedule_next_inbound(t);
  for (int month = 1; month <= spec_.horizon_months; ++month) {
    simulator_.schedule_at((month - 1) * kDaysPerMonth, priority::kMonthStart,
                           kind_of(EventKind::kMonthStart), static_cast<std::uint32_t>(month));
    simulator_.schedule_at(month * kDaysPerMonth, priority::kMonthEnd,
                           kind_of(EventKind::kMonthEnd));
  }
}

void Replication::operator()(const sim::Event& event) {
  ledger_.accrue_to(event.time);
  current_priority_ = event.priority;
  switch (static_cast<EventKind>(event.kind)) {
    case EventKind::kRequisitionOpened:
      requisition_opened(event.subject);
      break;
    case EventKind::kHireStarted:
      start_hire(event.subject);
      break;
    case EventKind::kOnboardingDone:
      finish_onboarding(event.subject);
      break;
    case EventKind::kEmployeeLeaves:
      leave(event.subject);
      break;
    case EventKind::kInboundLead:
      inbound_lead(event.subject);
      break;
    case EventKind::kProspectedLead: {
      const std::uint32_t person = event.subject;
      // mix64 is a bijection, so keys of different people differ in their high bits and the
      // lead number only flips low ones: a clash needs a 2^-32 coincidence.
      const std::uint64_t key = sim::mix64(people_[person].key) ^ people_[person].prospected++;
      const std::size_t territory = people_[person].territory;
      route_lead(territory, person, draw_lead(substream(Stream::kProspectedLead, key), territory));
      schedule_next_prospect(person);
      break;
    }
    case EventKind::kOpportunityClosed:
      close_opportunity(event.subject);
      break;
    case EventKind::kSpecialistReleased:
      release_specialist();
      break;
    case EventKind::kCustomerRenewal:
      renew_customer(event.subject);
      break;
    case EventKind::kMonthStart:
      month_start(static_cast<int>(event.subject));
      break;
    case EventKind::kMonthEnd:
      if (spec_.management.underperformance_threshold > 0) {
        review_performance(static_cast<int>(months_recorded_) + 1);
      }
      snapshot_month();
      break;
  }
}

}  // namespace teamsim::model
