#include "models/replication.h"

#include <algorithm>
#include <cassert>
#include <string>

#include "sim/replication_runner.h"

namespace teamsim::model {
namespace {

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
    case EventKind::kPlannedHire:
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
                         const ReplicationLimits& limits, std::span<const std::size_t> kept,
                         RenewalMode renewals)
    : context_(spec, simulator_, seed, replication, probe, limits),
      accounts_(spec.territories),
      segments_(spec),
      customers_(context_, accounts_, renewals),
      organisation_(context_, accounts_),
      pipeline_(context_, organisation_, customers_, accounts_, segments_),
      recorder_(context_, organisation_, pipeline_, customers_, accounts_, layout, replication,
                kept) {
  organisation_.set_listener(pipeline_);
  if (customers_.replays_renewals()) organisation_.set_coverage_listener(customers_);
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
  context_.fail_limit("events handled by one replication", context_.limits.events, advice);
}

const Eigen::MatrixXd& Replication::run(const std::atomic<bool>* stop_requested) {
  context_.stop_requested = stop_requested;
  schedule_initial_events();
  const double horizon_days = context_.spec.horizon_months * kDaysPerMonth;
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
  assert(context_.months_closed == context_.spec.horizon_months);
  return recorder_.monthly();
}

void Replication::schedule_initial_events() {
  organisation_.add_starting_staff();
  customers_.add_initial(segments_);
  organisation_.schedule_planned_hires();
  pipeline_.start();
  for (int month = 1; month <= context_.spec.horizon_months; ++month) {
    context_.schedule_at((month - 1) * kDaysPerMonth, priority::kMonthStart, EventKind::kMonthStart,
                         static_cast<std::uint32_t>(month));
    context_.schedule_at(month * kDaysPerMonth, priority::kMonthEnd, EventKind::kMonthEnd);
  }
}

void Replication::apply_money_plan(int month) {
  const MoneySpec& money = context_.spec.money;
  // Accrue only when something changes, so a plan without funding or cost steps keeps its
  // ledger's accrual intervals (and its cash to the last bit) as before these keys existed.
  const auto due_round = [&](const FundingSpec& round) { return round.month == month; };
  const auto due_step = [&](const CostStepSpec& step) { return step.from_month == month; };
  if (std::none_of(money.funding.begin(), money.funding.end(), due_round) &&
      std::none_of(money.cost_schedule.begin(), money.cost_schedule.end(), due_step)) {
    return;
  }
  Ledger& ledger = context_.ledger;
  ledger.accrue_to(context_.now());
  for (const FundingSpec& round : money.funding) {
    if (due_round(round)) ledger.receive_funding(round.amount);
  }
  for (const CostStepSpec& step : money.cost_schedule) {
    if (due_step(step)) {
      ledger.set_other_costs_rate(context_.now(), step.other_monthly_costs / kDaysPerMonth);
    }
  }
}

void Replication::end_month() {
  const int month = context_.months_closed + 1;
  // Replayed renewals count as the events they stand for: towards the events limit (checked at
  // the next event) and in events_by_kind, for the limit's advice and projections' estimates.
  simulator_.count_handled(kind_of(EventKind::kCustomerRenewal),
                           customers_.replay_renewals(context_.now()));
  if (context_.spec.management.underperformance_threshold > 0) {
    organisation_.review_performance(month);
  }
  customers_.close_month(month);
  // The month's totals and cash, read by the recorder, accrue to its end.
  context_.ledger.accrue_to(context_.now());
  recorder_.record(month);
  // A new month.
  organisation_.start_next_month(month);
  pipeline_.start_next_month();
  ++context_.months_closed;
  context_.month.reset();
  context_.ledger.start_period();
}

// Forced inline into run: once take_next was inline there, GCC called this out of line instead.
[[gnu::always_inline]] inline void Replication::operator()(const sim::Event& event) {
  check_limits();
  context_.current_priority = event.priority;
  switch (static_cast<EventKind>(event.kind)) {
    case EventKind::kRequisitionOpened:
      organisation_.requisition_opened(event.subject);
      break;
    case EventKind::kHireStarted:
      organisation_.start_hire(event.subject);
      break;
    case EventKind::kOnboardingDone:
      organisation_.finish_onboarding(event.subject);
      break;
    case EventKind::kEmployeeLeaves:
      organisation_.leave(event.subject);
      break;
    case EventKind::kPlannedHire:
      organisation_.open_planned_hire(event.subject);
      break;
    case EventKind::kInboundLead:
      pipeline_.inbound_lead(event.subject);
      break;
    case EventKind::kProspectedLead:
      pipeline_.prospected_lead(event.subject);
      break;
    case EventKind::kOpportunityClosed:
      pipeline_.close_opportunity(event.subject);
      break;
    case EventKind::kSpecialistReleased:
      pipeline_.release_specialist();
      break;
    case EventKind::kCustomerRenewal:
      customers_.renew(event.subject, organisation_.customer_success_accounts());
      break;
    case EventKind::kMonthStart:
      apply_money_plan(static_cast<int>(event.subject));
      organisation_.month_start(static_cast<int>(event.subject), customers_.active());
      break;
    case EventKind::kMonthEnd:
      end_month();
      break;
  }
}

}  // namespace teamsim::model
