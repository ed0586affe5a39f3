#include "models/replication.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <exception>
#include <stdexcept>
#include <string>

#include "models/random_draws.h"
#include "sim/replication_runner.h"

namespace teamsim::model {
namespace {

std::uint32_t kind_of(EventKind kind) { return static_cast<std::uint32_t>(kind); }

// 1234567 as "1,234,567".
std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), 1, ',');
  }
  return digits;
}

// What an event kind is, for people, and what drives it.
struct KindText {
  const char* events;
  const char* advice;
};

KindText kind_text(EventKind kind) {
  switch (kind) {
    case EventKind::kInboundLead:
      return {"inbound lead arrivals",
              "lower territories.*.inbound_leads_per_month or seasonality.leads"};
    case EventKind::kProspectedLead:
      return {"prospected leads", "lower roles.*.prospecting_leads_per_month or the team's size"};
    case EventKind::kOpportunityClosed:
    case EventKind::kSpecialistReleased:
      return {"deal closes", "lower the lead flow"};
    case EventKind::kCustomerRenewal:
      return {"customer renewals", "lower customers.initial or the lead flow that wins customers"};
    case EventKind::kRequisitionOpened:
    case EventKind::kHireStarted:
    case EventKind::kOnboardingDone:
    case EventKind::kEmployeeLeaves:
      return {"hires and departures",
              "check hiring_rules, annual_attrition and the hire sources' attrition_factor"};
    case EventKind::kMonthStart:
    case EventKind::kMonthEnd:
      break;
  }
  return {"month starts and ends", "shorten horizon_months"};
}

}  // namespace

Replication::Replication(const ScenarioSpec& spec, const MetricLayout& layout, std::uint64_t seed,
                         std::uint64_t replication, const InputProbe* probe,
                         const ReplicationLimits& limits)
    : spec_(spec),
      limits_(limits),
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
  searches_.set_serve([this](std::uint32_t requisition) { start_search(requisition); });
  searches_.set_capacity(search_capacity());
  trainers_.set_serve([this](std::uint32_t person) { start_training(person); });
  trainers_.set_capacity(trainer_capacity());
  specialist_help_.set_serve([this](std::uint32_t opportunity) { grant_specialist(opportunity); });
}

void Replication::fail_limit(const std::string& what, std::uint64_t limit,
                             const std::string& advice) const {
  std::string message = "replication ";
  message += std::to_string(replication_);
  message += " passed the limit of ";
  message += grouped(limit);
  message += " ";
  message += what;
  message += " in month ";
  message += std::to_string(current_month() + 1);
  message += " of ";
  message += std::to_string(spec_.horizon_months);
  message += "; ";
  message += advice;
  throw LimitExceeded(message);
}

void Replication::fail_requisition_limit() const {
  fail_limit("requisitions opened by one replication", limits_.requisitions,
             "a hiring rule that grows with the team it hires (per_reps on the role it counts) or "
             "heavy attrition with immediate backfill does this: check hiring_rules, "
             "annual_attrition and the hire sources' attrition_factor");
}

void Replication::fail_work_limit() const {
  std::size_t sellers = 0;
  for (const auto& in_territory : sellers_by_territory_) {
    sellers = std::max(sellers, in_territory.size());
  }
  std::string advice =
      "the team is too large for the simulation to keep up: every lead looks "
      "through the sellers of its territory (";
  advice += grouped(sellers);
  advice += " in the largest now) and every departure through the open opportunities (";
  advice += grouped(opportunities_.size());
  advice +=
      "); lower the starting_staff and hires counts, max_open_opportunities or the "
      "prospecting and lead rates, or split the team over more territories";
  fail_limit("steps of work by one replication", limits_.work, advice);
}

void Replication::fail_event_limit() const {
  const auto& by_kind = simulator_.events_by_kind();
  std::size_t top = 0;
  for (std::size_t k = 1; k <= kind_of(EventKind::kMonthEnd); ++k) {
    if (by_kind[k] > by_kind[top]) top = k;
  }
  const KindText text = kind_text(static_cast<EventKind>(top));
  std::string advice = "most were ";
  advice += text.events;
  advice += " (";
  advice += grouped(by_kind[top]);
  advice += "): ";
  advice += text.advice;
  fail_limit("events handled by one replication", limits_.events, advice);
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

const Eigen::MatrixXd& Replication::run(const std::atomic<bool>* stop_requested) {
  schedule_initial_events();
  const double horizon_days = spec_.horizon_months * kDaysPerMonth;
  const auto stop = [stop_requested] {
    return stop_requested != nullptr && stop_requested->load(std::memory_order_relaxed);
  };
  try {
    if (!simulator_.run_until(horizon_days, *this, stop)) throw sim::ReplicationStopped();
  } catch (const sim::SimulationError& error) {
    // The simulator prefixes what a handler throws with the day and the event kind. A passed
    // limit is the scenario's doing and its message already says when: rethrow it as it was.
    sim::rethrow_nested<LimitExceeded>(error);
    throw;
  }
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
      check_requisition_limit();
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
  check_event_limit();
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
      const std::uint64_t key = prospected_lead_key(people_[person]);
      const std::size_t territory = people_[person].territory;
      route_lead(territory, person,
                 draw_lead(Stream::kProspectedLead, Stream::kProspectedDeal, key, territory));
      schedule_next_prospect(person);
      break;
    }
    case EventKind::kOpportunityClosed:
      close_opportunity(event.subject);
      break;
    case EventKind::kSpecialistReleased:
      specialist_help_.release();
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
