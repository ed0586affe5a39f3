// The organisation: requisitions and recruiting bandwidth, hiring, training capacity, ramp,
// management coverage, departures and backfill, hiring rules and territory rebalancing.
#include <algorithm>
#include <cassert>
#include <cmath>

#include "models/ramp.h"
#include "models/random_draws.h"
#include "models/replication.h"

namespace teamsim::model {
namespace {

std::uint32_t kind_of(EventKind kind) { return static_cast<std::uint32_t>(kind); }

bool is_ae_kind(const RoleSpec& role) { return role.kind == RoleKind::kAccountExecutive; }

}  // namespace

double Replication::management_factor() const {
  if (reps_ == 0) return 1.0;
  const double span =
      static_cast<double>(span_) + (managers_ == 0 ? spec_.founder.span_of_control : 0);
  const double coverage = std::min(1.0, span / reps_);
  return 1.0 - spec_.management.under_management_penalty * (1.0 - coverage);
}

double Replication::enablement_coverage() const {
  if (reps_ == 0 || enablement_support_ <= 0) return 0.0;
  return std::min(1.0, enablement_support_ / reps_);
}

double Replication::productivity(const Person& person) const {
  if (!person.active || !person.selling) return 0.0;
  const double x =
      person.ramp_days <= 0 ? 1.0 : (simulator_.now() - person.selling_from) / person.ramp_days;
  double value =
      ramp_curve_value(role_of(person).ramp_curve, x) * person.performance * management_factor();
  if (enablement_support_ > 0) {
    value *= 1.0 + enablement_uplift_weighted_ / enablement_support_ * enablement_coverage();
  }
  return value;
}

void Replication::open_requisition(std::size_t role, std::size_t territory, std::size_t source) {
  check_requisition_limit();
  requisitions_.push_back(
      {role, territory, source, simulator_.now(), entity_key(requisitions_by_role_, role)});
  simulator_.schedule_in(0, priority::kRequisition, kind_of(EventKind::kRequisitionOpened),
                         static_cast<std::uint32_t>(requisitions_.size() - 1));
}

void Replication::requisition_opened(std::uint32_t requisition) {
  ++open_requisitions_;
  ++open_requisitions_by_role_[requisitions_[requisition].role];
  requisitions_[requisition].opened_at = simulator_.now();
  searches_.request(requisition);
}

std::int64_t Replication::search_capacity() const {
  // Managers (and assistants) run the searches from their first day; before any manager is
  // employed the founder does, with the assistants' help.
  if (managers_employed_ > 0) return manager_searches_;
  return spec_.founder.concurrent_searches + assistant_searches_;
}

void Replication::start_search(std::uint32_t index) {
  const Requisition& requisition = requisitions_[index];
  sim::Rng rng = substream(Stream::kRequisition, requisition.key);
  double factor = spec_.hire_sources[requisition.source].time_to_fill_factor;
  if (managers_employed_ == 0) factor *= spec_.founder.time_to_fill_factor;
  const double wait =
      draw_nonnegative(spec_.roles[requisition.role].time_to_fill_days, rng) * factor;
  simulator_.schedule_in(wait, priority::kHire, kind_of(EventKind::kHireStarted), index);
}

void Replication::start_hire(std::uint32_t requisition) {
  --open_requisitions_;
  const Requisition filled = requisitions_[requisition];
  --open_requisitions_by_role_[filled.role];
  ++month_.hires;
  month_.time_to_hire_sum += simulator_.now() - filled.opened_at;
  const double cost = spec_.hire_sources[filled.source].cost_per_hire;
  if (cost > 0) {
    ledger_.pay(cost);
    month_.hiring_cost += cost;
  }
  add_person(filled.role, filled.territory, filled.source, /*ramped=*/false);
  // The search slot is freed once the hire counts: a manager's own searches (and the end of the
  // founder's time-to-fill factor) apply to the next requisition served.
  searches_.release();
}

std::size_t Replication::least_staffed_territory() const {
  std::size_t best = 0;
  for (std::size_t t = 1; t < account_executives_by_territory_.size(); ++t) {
    if (account_executives_by_territory_[t] < account_executives_by_territory_[best]) best = t;
  }
  return best;
}

void Replication::change_searches(const Person& person, int sign) {
  const RoleSpec& role = role_of(person);
  const std::int64_t s = sign;
  if (role.kind == RoleKind::kSalesManager) {
    managers_employed_ += sign;
    manager_searches_ += s * role.concurrent_searches;
  } else if (role.kind == RoleKind::kAssistantManager) {
    manager_searches_ += s * role.concurrent_searches;
    assistant_searches_ += s * role.concurrent_searches;
  }
  searches_.set_capacity(search_capacity());
}

void Replication::change_capacities(const Person& person, int sign) {
  const RoleSpec& role = role_of(person);
  const std::int64_t s = sign;
  switch (role.kind) {
    case RoleKind::kAccountExecutive:
      break;
    case RoleKind::kSalesManager:
      managers_ += sign;
      span_ += s * role.span_of_control;
      manager_trainees_ += s * role.trainees_at_once;
      break;
    case RoleKind::kAssistantManager:
      span_ += s * role.span_of_control;
      manager_trainees_ += s * role.trainees_at_once;
      break;
    case RoleKind::kCustomerSuccess:
      csr_accounts_ += s * role.accounts_per_rep;
      break;
    case RoleKind::kSpecialist:
      specialists_ += sign;
      specialist_slots_ += s * role.concurrent_deals;
      break;
    case RoleKind::kSalesOperations:
      sales_ops_ += sign;
      screening_per_month_ += sign * role.leads_screened_per_month;
      break;
    case RoleKind::kSalesEnablement:
      enablement_trainees_ += s * role.trainees_at_once;
      enablement_support_ += sign * role.reps_supported;
      enablement_ramp_weighted_ += sign * role.reps_supported * role.ramp_reduction;
      enablement_uplift_weighted_ += sign * role.reps_supported * role.productivity_uplift;
      break;
  }
  trainers_.set_capacity(trainer_capacity());
  specialist_help_.set_capacity(specialist_slots_);
  // Nobody left to help: queued deals go on unassisted.
  if (specialists_ == 0)
    specialist_help_.withdraw_all([this](std::uint32_t i) { close_unassisted(i); });
}

std::uint32_t Replication::add_person(std::size_t role, std::size_t territory, std::size_t source,
                                      bool ramped) {
  const RoleSpec& spec = spec_.roles[role];
  const HireSourceSpec& from = spec_.hire_sources[source];
  const auto index = static_cast<std::uint32_t>(people_.size());
  Person person;
  person.key = entity_key(people_by_role_, role);
  person.rng = substream(Stream::kPerson, person.key);
  person.role = role;
  person.source = source;
  const bool ae_kind = is_ae_kind(spec);
  person.seller = ae_kind && !spec.hands_off_leads;
  person.territory = (territory == kUnassigned && ae_kind) ? least_staffed_territory() : territory;
  person.start_time = simulator_.now();
  person.salary = spec.annual_salary * from.salary_factor;
  // The person's draws, always in this order: ramp and onboarding (new AE-kind hires), tenure,
  // performance (AE kinds), onboarding (new hires of other kinds: drawn last, so that it left
  // their earlier draws as they were before other kinds onboarded).
  if (!ramped) {
    person.ramp_days =
        draw_nonnegative(spec.ramp_months, person.rng) * kDaysPerMonth * from.ramp_factor;
    if (ae_kind) person.onboarding_days = draw_nonnegative(spec.onboarding_days, person.rng);
  }
  const double tenure =
      exponential_wait(person.rng, attrition_hazard_per_day_[role] * from.attrition_factor);
  if (ae_kind)
    person.performance = draw_nonnegative(spec.performance, person.rng) * from.productivity;
  if (!ramped && !ae_kind) {
    person.onboarding_days = draw_nonnegative(spec.onboarding_days, person.rng);
  }
  // A new hire of another kind with an onboarding needs a trainer, and its capacities count once
  // it is onboarded; AE kinds always pass through the trainer queue and sell once onboarded.
  person.contributing = ae_kind || ramped || person.onboarding_days <= 0;
  people_.push_back(person);
  ++headcount_by_role_[role];
  ledger_.add_payroll_rate(person.salary / kDaysPerYear);
  change_searches(people_[index], +1);
  if (person.contributing) {
    change_capacities(people_[index], +1);
  } else {
    trainers_.request(index);
  }
  if (ae_kind) {
    ++reps_;
    if (person.seller) {
      ++sellers_;
      ++account_executives_by_territory_[person.territory];
    }
    if (ramped) {
      people_[index].ramp_days = 0;
      start_selling(index);
    } else {
      trainers_.request(index);
    }
  }
  if (std::isfinite(tenure)) {
    people_[index].attrition = simulator_.schedule_in(tenure, priority::kDeparture,
                                                      kind_of(EventKind::kEmployeeLeaves), index);
  }
  return index;
}

std::int64_t Replication::trainer_capacity() const {
  return (managers_ == 0 ? spec_.founder.trainees_at_once : 0) + manager_trainees_ +
         enablement_trainees_;
}

void Replication::start_training(std::uint32_t index) {
  Person& person = people_[index];
  assert(person.active);
  person.training = true;
  simulator_.schedule_in(person.onboarding_days, priority::kOnboarding,
                         kind_of(EventKind::kOnboardingDone), index);
}

void Replication::finish_onboarding(std::uint32_t person_index) {
  Person& person = people_[person_index];
  if (person.active && !person.contributing) {
    // Another kind's new hire: its capacities count from now, and may unblock queues.
    person.contributing = true;
    change_capacities(person, +1);
  } else if (person.active) {
    // Enablement shortens the ramp; too little management slows it.
    if (enablement_support_ > 0) {
      person.ramp_days *=
          1.0 - enablement_ramp_weighted_ / enablement_support_ * enablement_coverage();
    }
    // With no management at all and the full penalty the factor is 0: a ramp never ends (and
    // no ramp stays none, rather than 0 / 0).
    if (person.ramp_days > 0) person.ramp_days /= management_factor();
    start_selling(person_index);
  }
  // The trainer slot is freed after the new hire's own capacities count (a trainer's included).
  if (person.training) {
    person.training = false;
    trainers_.release();
  }
}

void Replication::start_selling(std::uint32_t person_index) {
  Person& person = people_[person_index];
  person.selling = true;
  person.selling_from = simulator_.now();
  if (person.seller) sellers_by_territory_[person.territory].push_back(person_index);
  schedule_next_prospect(person_index);
}

void Replication::leave(std::uint32_t person_index) {
  Person& person = people_[person_index];
  assert(person.active);
  person.active = false;
  person.leave_time = simulator_.now();
  simulator_.cancel(person.attrition);
  ++month_.departures;
  --headcount_by_role_[person.role];
  const RoleSpec& role = role_of(person);
  ledger_.add_payroll_rate(-person.salary / kDaysPerYear);
  trainers_.cancel(person_index);
  change_searches(person, -1);
  if (person.contributing) change_capacities(person, -1);
  if (is_ae_kind(role)) {
    --reps_;
    simulator_.cancel(person.next_prospect);
  }
  if (person.seller) {
    --sellers_;
    --account_executives_by_territory_[person.territory];
    work_ += sellers_by_territory_[person.territory].size() + opportunities_.size();
    std::erase(sellers_by_territory_[person.territory], person_index);
    // Open opportunities pass to the least-loaded colleague in the territory; with nobody left
    // they stay open unowned and close on schedule with the odds they had.
    for (Opportunity& opportunity : opportunities_) {
      if (!opportunity.open || opportunity.owner != person_index) continue;
      work_ += sellers_by_territory_[person.territory].size();
      opportunity.owner = least_loaded_seller(person.territory, /*need_capacity=*/false);
      if (opportunity.owner != kNobody) ++people_[opportunity.owner].open_opportunities;
    }
    person.open_opportunities = 0;
  }
  if (role.backfill) {
    const double delay = draw_nonnegative(role.backfill_delay_days, person.rng);
    check_requisition_limit();
    requisitions_.push_back({person.role, person.territory, source_index(role.backfill_source), 0,
                             entity_key(requisitions_by_role_, person.role)});
    simulator_.schedule_in(delay, priority::kRequisition, kind_of(EventKind::kRequisitionOpened),
                           static_cast<std::uint32_t>(requisitions_.size() - 1));
  }
}

int Replication::months_ramped(const Person& person, int month) const {
  const double ramped_days = simulator_.now() - (person.selling_from + person.ramp_days);
  if (ramped_days < 0) return 0;
  return std::min({12, month, static_cast<int>(std::floor(ramped_days / kDaysPerMonth + 1e-9))});
}

double Replication::trailing_bookings(const Person& person, int month, int months) const {
  double bookings = 0;
  for (int j = 0; j < months; ++j) {
    bookings += person.bookings[static_cast<std::size_t>((month - 1 - j + 12) % 12)];
  }
  return bookings;
}

void Replication::review_performance(int month) {
  // Reviews are a manager's duty: they need someone managing (managers and assistants, or the
  // founder while no manager is employed).
  const double span =
      static_cast<double>(span_) + (managers_ == 0 ? spec_.founder.span_of_control : 0);
  if (span <= 0) return;
  const ManagementSpec& policy = spec_.management;
  const auto below = [&](const Person& person, int months) {
    const double quota = role_of(person).annual_quota * months / 12.0;
    return trailing_bookings(person, month, months) < policy.underperformance_threshold * quota;
  };
  for (std::uint32_t i = 0; i < people_.size(); ++i) {
    Person& person = people_[i];
    if (!person.active || !person.seller || !person.selling) continue;
    if (role_of(person).annual_quota <= 0) continue;
    bool let_go = false;
    if (person.plan_month > 0) {
      const int on_plan = month - person.plan_month;
      if (on_plan < policy.improvement_plan_months) continue;
      let_go = below(person, on_plan);
      person.plan_month = 0;
    } else if (months_ramped(person, month) >= policy.underperformance_months &&
               below(person, policy.underperformance_months)) {
      person.plan_month = month;
      let_go = policy.improvement_plan_months == 0;
    }
    if (let_go) {
      person.plan_month = 0;
      ++month_.performance_exits;
      leave(i);
    }
  }
}

void Replication::month_start(int month) {
  const int every = spec_.pipeline.rebalance_every_months;
  if (month > 1 && every > 0 && sales_ops_ > 0 && (month - 1) % every == 0) {
    rebalance_territories();
  }
  apply_hiring_rules(month);
}

void Replication::apply_hiring_rules(int month) {
  for (const HiringRuleSpec& rule : spec_.hiring_rules) {
    if (month < rule.from_month || month > rule.until_month) continue;
    const std::size_t role = role_index(rule.role);
    const int current = headcount_by_role_[role] + open_requisitions_by_role_[role];
    // Targets in floating point, capped at max_count (at most kUnlimited) before they become an
    // int: a small ratio times many customers must not overflow. Runaway growth is stopped by
    // the requisition limit of the replication (ReplicationLimits), with an error.
    double target = 0;
    switch (rule.basis) {
      case RuleBasis::kNone:
        if (rule.every_months > 0 && (month - rule.from_month) % rule.every_months == 0) {
          target = current + rule.count;
        }
        break;
      case RuleBasis::kCustomers:
        target = std::floor(static_cast<double>(active_customers_) / rule.ratio);
        break;
      case RuleBasis::kReps:
        target = std::floor(sellers_ / rule.ratio);
        break;
      case RuleBasis::kRepsPerManagerAbove:
        target = std::max(0.0, std::ceil(sellers_ / rule.ratio) - managers_employed_);
        break;
    }
    const int wanted =
        static_cast<int>(std::min(target, static_cast<double>(rule.max_count))) - current;
    const std::size_t territory = territory_index(rule.territory);
    const std::size_t source = source_index(rule.source);
    for (int i = 0; i < wanted; ++i) open_requisition(role, territory, source);
  }
}

void Replication::rebalance_territories() {
  // Sales operations assigns sellers in proportion to each territory's lead potential: its
  // inbound rate times the share of its accounts still available. Largest remainder rounding.
  const std::size_t n = spec_.territories.size();
  std::vector<double> weight(n);
  double total_weight = 0;
  for (std::size_t t = 0; t < n; ++t) {
    const int total = accounts_[t].total;
    const double available = total > 0 ? static_cast<double>(accounts_available(t)) / total : 1.0;
    weight[t] = spec_.territories[t].inbound_leads_per_month * available;
    total_weight += weight[t];
  }
  if (total_weight <= 0 || sellers_ == 0) return;
  std::vector<int> target(n);
  std::vector<std::pair<double, std::size_t>> remainders;
  int assigned = 0;
  for (std::size_t t = 0; t < n; ++t) {
    const double exact = sellers_ * weight[t] / total_weight;
    target[t] = static_cast<int>(std::floor(exact));
    assigned += target[t];
    remainders.push_back({-(exact - target[t]), t});
  }
  std::sort(remainders.begin(), remainders.end());
  for (int i = 0; i < sellers_ - assigned; ++i) ++target[remainders[i].second];

  std::vector<std::uint32_t> surplus;
  for (std::size_t t = 0; t < n; ++t) {
    int extra = account_executives_by_territory_[t] - target[t];
    // The most recent joiners move: they have the fewest relationships to lose.
    for (std::size_t i = people_.size(); i-- > 0 && extra > 0;) {
      const Person& person = people_[i];
      if (person.active && person.seller && person.territory == t) {
        surplus.push_back(static_cast<std::uint32_t>(i));
        --extra;
      }
    }
  }
  std::size_t next = 0;
  for (std::size_t t = 0; t < n; ++t) {
    while (account_executives_by_territory_[t] < target[t] && next < surplus.size()) {
      move_rep(surplus[next++], t);
    }
  }
}

void Replication::move_rep(std::uint32_t person_index, std::size_t territory) {
  Person& person = people_[person_index];
  --account_executives_by_territory_[person.territory];
  ++account_executives_by_territory_[territory];
  if (person.selling) {
    std::erase(sellers_by_territory_[person.territory], person_index);
    sellers_by_territory_[territory].push_back(person_index);
  }
  person.territory = territory;
  ++month_.moves;
}

}  // namespace teamsim::model
