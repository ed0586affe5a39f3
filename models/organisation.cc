#include "models/organisation.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "models/ramp.h"
#include "models/random_draws.h"

namespace teamsim::model {
namespace {

bool is_ae_kind(const RoleSpec& role) { return role.kind == RoleKind::kAccountExecutive; }

}  // namespace

Organisation::Organisation(ModelContext& context, const AccountPool& accounts)
    : context_(context),
      spec_(context.spec),
      accounts_(accounts),
      requisitions_by_role_(spec_.roles.size(), 0),
      people_by_role_(spec_.roles.size(), 0),
      unfilled_by_role_(spec_.roles.size(), 0),
      sellers_by_territory_(spec_.territories.size()),
      account_executives_by_territory_(spec_.territories.size(), 0),
      hand_off_reps_by_territory_(spec_.territories.size(), 0),
      headcount_by_role_(spec_.roles.size(), 0),
      hired_by_role_(spec_.roles.size(), 0),
      awaiting_search_by_role_(spec_.roles.size(), 0),
      enablement_support_by_role_(spec_.roles.size(), 0.0) {
  for (std::size_t r = 0; r < spec_.roles.size(); ++r) {
    const RoleSpec& role = spec_.roles[r];
    // A probability a of leaving within a year is a constant hazard -ln(1 - a) per year.
    attrition_hazard_per_day_.push_back(-std::log1p(-role.annual_attrition) / kDaysPerYear);
    if (role.kind == RoleKind::kSalesEnablement) enablers_by_uplift_.push_back(r);
  }
  enablers_by_ramp_reduction_ = enablers_by_uplift_;
  const auto by_falling = [this](double RoleSpec::*field) {
    return [this, field](std::size_t a, std::size_t b) {
      return spec_.roles[a].*field > spec_.roles[b].*field;
    };
  };
  std::stable_sort(enablers_by_uplift_.begin(), enablers_by_uplift_.end(),
                   by_falling(&RoleSpec::productivity_uplift));
  std::stable_sort(enablers_by_ramp_reduction_.begin(), enablers_by_ramp_reduction_.end(),
                   by_falling(&RoleSpec::ramp_reduction));
  searches_.set_serve([this](std::uint32_t requisition) { start_search(requisition); });
  searches_.set_capacity(search_capacity());
  trainers_.set_serve([this](std::uint32_t person) { start_training(person); });
  trainers_.set_capacity(trainer_capacity());
}

void Organisation::add_starting_staff() {
  for (const StartingStaffSpec& staff : spec_.starting_staff) {
    const std::size_t role = context_.role_index(staff.role);
    const std::size_t territory =
        staff.territory.empty() ? kUnassigned : context_.territory_index(staff.territory);
    for (int i = 0; i < staff.count; ++i) add_person(role, territory, 0, /*ramped=*/true);
  }
}

void Organisation::schedule_planned_hires() {
  for (std::uint32_t i = 0; i < spec_.hires.size(); ++i) {
    context_.schedule_at(planned_opening_day(spec_.hires[i]), priority::kPlannedHire,
                         EventKind::kPlannedHire, i);
  }
}

double Organisation::expected_fill_days(const HireSpec& hire) const {
  return spec_.roles[context_.role_index(hire.role)].time_to_fill_days.mean() *
         spec_.hire_sources[context_.source_index(hire.source)].time_to_fill_factor;
}

double Organisation::planned_opening_day(const HireSpec& hire) const {
  const double month_start = (hire.month - 1) * kDaysPerMonth;
  if (!hire.by_start_month) return month_start;
  return std::max(0.0, month_start - expected_fill_days(hire));
}

double Organisation::planned_start_day(const HireSpec& hire) const {
  return planned_opening_day(hire) + expected_fill_days(hire);
}

int Organisation::planned_starts(int month) const {
  int people = 0;
  for (const HireSpec& hire : spec_.hires) {
    if (static_cast<int>(std::floor(planned_start_day(hire) / kDaysPerMonth)) + 1 == month) {
      people += hire.count;
    }
  }
  return people;
}

int Organisation::dated_hires_late() const {
  int people = 0;
  for (const std::uint32_t requisition : dated_unfilled_) {
    if (context_.now() - requisitions_[requisition].planned_start > kDaysPerMonth) ++people;
  }
  return people;
}

void Organisation::open_planned_hire(std::uint32_t index) {
  const HireSpec& hire = spec_.hires[index];
  const std::size_t role = context_.role_index(hire.role);
  const std::size_t territory = context_.territory_index(hire.territory);
  const std::size_t source = context_.source_index(hire.source);
  const double planned_start = planned_start_day(hire);
  for (int i = 0; i < hire.count; ++i) {
    const std::uint32_t requisition = open_requisition_now(role, territory, source);
    requisitions_[requisition].planned_start = planned_start;
    dated_unfilled_.push_back(requisition);
  }
}

double Organisation::managing_span() const {
  // The founder manages while no manager is onboarded, and also while the onboarded managers and
  // assistants have no span between them (span_of_control 0).
  return static_cast<double>(span_) +
         (managers_ == 0 || span_ == 0 ? spec_.founder.span_of_control : 0);
}

double Organisation::management_coverage() const {
  if (reps_ == 0) return 1.0;
  return std::min(1.0, managing_span() / reps_);
}

double Organisation::management_factor() const {
  if (reps_ == 0) return 1.0;
  return 1.0 - spec_.management.under_management_penalty * (1.0 - management_coverage());
}

double Organisation::enablement_coverage() const {
  if (reps_ == 0 || enablement_support_ <= 0) return 0.0;
  return std::min(1.0, enablement_support_ / reps_);
}

double Organisation::enablement_effect(double weighted, double RoleSpec::*field,
                                       const std::vector<std::size_t>& best_first) const {
  if (enablement_support_ <= reps_) return weighted / enablement_support_ * enablement_coverage();
  if (reps_ == 0) return 0.0;
  // More support than reps: a rep is helped by one enablement person, the most effective free.
  double left = reps_;
  double effect = 0;
  for (const std::size_t role : best_first) {
    const double covered = std::min(left, enablement_support_by_role_[role]);
    effect += covered / reps_ * (spec_.roles[role].*field);
    left -= covered;
    if (left <= 0) break;
  }
  return effect;
}

double Organisation::ramp_value(const Person& person) const {
  if (!person.active || !person.selling) return 0.0;
  const double x =
      person.ramp_days <= 0 ? 1.0 : (context_.now() - person.selling_from) / person.ramp_days;
  return ramp_curve_value(role_of(person).ramp_curve, x);
}

double Organisation::productivity(const Person& person) const {
  if (!person.active || !person.selling) return 0.0;
  // Most sellers have ramped: their ramp value is 1 on every curve (ramp_ended), without the
  // division and the curve.
  const double ramp = ramp_ended(person) ? 1.0 : ramp_value(person);
  double value = ramp * person.performance * productivity_management_;
  if (enablement_support_ > 0) value *= productivity_uplift_;
  return value;
}

void Organisation::refresh_productivity_factors() {
  productivity_management_ = management_factor();
  if (enablement_support_ > 0) {
    productivity_uplift_ =
        1.0 + enablement_effect(enablement_uplift_weighted_, &RoleSpec::productivity_uplift,
                                enablers_by_uplift_);
  }
}

std::uint64_t Organisation::entity_key(std::vector<std::uint32_t>& counts, std::size_t role) {
  return (std::uint64_t{role} << 32) | counts[role]++;
}

void Organisation::check_requisition_limit() const {
  if (requisitions_.size() >= context_.limits.requisitions) [[unlikely]] {
    context_.fail_limit(
        "requisitions opened by one replication", context_.limits.requisitions,
        "a hiring rule that grows with the team it hires (per_reps on the role it counts) or "
        "heavy attrition with immediate backfill does this: check hiring_rules, "
        "annual_attrition and the hire sources' attrition_factor");
  }
}

std::uint32_t Organisation::add_requisition(std::size_t role, std::size_t territory,
                                            std::size_t source) {
  check_requisition_limit();
  ++unfilled_by_role_[role];
  requisitions_.push_back({role, territory, source, 0, entity_key(requisitions_by_role_, role)});
  return static_cast<std::uint32_t>(requisitions_.size() - 1);
}

std::uint32_t Organisation::open_requisition_now(std::size_t role, std::size_t territory,
                                                 std::size_t source) {
  const std::uint32_t requisition = add_requisition(role, territory, source);
  context_.schedule_in(0, priority::kRequisition, EventKind::kRequisitionOpened, requisition);
  return requisition;
}

void Organisation::requisition_opened(std::uint32_t requisition) {
  ++open_requisitions_;
  requisitions_[requisition].opened_at = context_.now();
  ++awaiting_search_by_role_[requisitions_[requisition].role];
  searches_.request(requisition);
}

bool Organisation::founder_recruits() const {
  // Managers (and assistants) run the searches from their first day; before any manager is
  // employed the founder does, and also while the managers and assistants run none between
  // them (concurrent_searches 0): as for training, a team whose managers do not recruit is still
  // recruited for by someone.
  return managers_employed_ == 0 || manager_searches_ == 0;
}

std::int64_t Organisation::search_capacity() const {
  if (!founder_recruits()) return manager_searches_;
  return spec_.founder.concurrent_searches + assistant_searches_;
}

void Organisation::start_search(std::uint32_t index) {
  const Requisition& requisition = requisitions_[index];
  --awaiting_search_by_role_[requisition.role];
  sim::Rng rng = context_.substream(Stream::kRequisition, requisition.key);
  double factor = spec_.hire_sources[requisition.source].time_to_fill_factor;
  if (founder_recruits()) factor *= spec_.founder.time_to_fill_factor;
  const double wait =
      context_.draw_nonnegative(spec_.roles[requisition.role].time_to_fill_days, rng) * factor;
  context_.schedule_in(wait, priority::kHire, EventKind::kHireStarted, index);
}

void Organisation::start_hire(std::uint32_t requisition) {
  --open_requisitions_;
  const Requisition filled = requisitions_[requisition];
  --unfilled_by_role_[filled.role];
  if (filled.planned_start != kNever) std::erase(dated_unfilled_, requisition);
  MonthTally& month = context_.month;
  ++month.hires;
  ++hired_by_role_[filled.role];
  month.time_to_hire_sum += context_.now() - filled.opened_at;
  const double cost = spec_.hire_sources[filled.source].cost_per_hire;
  if (cost > 0) {
    context_.ledger.pay(cost);
    month.hiring_cost += cost;
  }
  add_person(filled.role, filled.territory, filled.source, /*ramped=*/false);
  // The search slot is freed once the hire counts: a manager's own searches (and the end of the
  // founder's time-to-fill factor) apply to the next requisition served.
  searches_.release();
}

std::size_t least_staffed(const std::vector<int>& staff) {
  std::size_t best = 0;
  for (std::size_t t = 1; t < staff.size(); ++t) {
    if (staff[t] < staff[best]) best = t;
  }
  return best;
}

std::size_t Organisation::least_staffed_territory(bool seller) const {
  return least_staffed(seller ? account_executives_by_territory_ : hand_off_reps_by_territory_);
}

std::size_t Organisation::largest_territory_team() const {
  std::size_t sellers = 0;
  for (const auto& in_territory : sellers_by_territory_) {
    sellers = std::max(sellers, in_territory.size());
  }
  return sellers;
}

void Organisation::change_searches(const Person& person, int sign) {
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

void Organisation::change_capacities(const Person& person, int sign) {
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
      if (coverage_listener_ != nullptr) {
        coverage_listener_->customer_success_changed(context_.now(), csr_accounts_);
      }
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
      enablement_support_by_role_[person.role] += sign * role.reps_supported;
      enablement_ramp_weighted_ += sign * role.reps_supported * role.ramp_reduction;
      enablement_uplift_weighted_ += sign * role.reps_supported * role.productivity_uplift;
      break;
  }
  refresh_productivity_factors();
  trainers_.set_capacity(trainer_capacity());
  if (listener_ != nullptr) listener_->specialists_changed(specialist_slots_, specialists_);
}

std::uint32_t Organisation::add_person(std::size_t role, std::size_t territory, std::size_t source,
                                       bool ramped) {
  const RoleSpec& spec = spec_.roles[role];
  const HireSourceSpec& from = spec_.hire_sources[source];
  const auto index = static_cast<std::uint32_t>(people_.size());
  Person person;
  person.key = entity_key(people_by_role_, role);
  person.rng = context_.substream(Stream::kPerson, person.key);
  person.role = role;
  person.source = source;
  const bool ae_kind = is_ae_kind(spec);
  person.seller = ae_kind && !spec.hands_off_leads;
  person.territory =
      (territory == kUnassigned && ae_kind) ? least_staffed_territory(person.seller) : territory;
  person.start_time = context_.now();
  person.salary = spec.annual_salary * from.salary_factor;
  // The person's draws, always in this order: ramp and onboarding (new AE-kind hires), tenure,
  // performance (AE kinds), onboarding (new hires of other kinds: drawn last, so that it left
  // their earlier draws as they were before other kinds onboarded).
  if (!ramped) {
    person.ramp_days =
        context_.draw_nonnegative(spec.ramp_months, person.rng) * kDaysPerMonth * from.ramp_factor;
    if (ae_kind) {
      person.onboarding_days = context_.draw_nonnegative(spec.onboarding_days, person.rng);
    }
  }
  const double tenure =
      exponential_wait(person.rng, attrition_hazard_per_day_[role] * from.attrition_factor);
  if (ae_kind) {
    person.performance =
        context_.draw_nonnegative(spec.performance, person.rng) * from.productivity;
  }
  if (!ramped && !ae_kind) {
    person.onboarding_days = context_.draw_nonnegative(spec.onboarding_days, person.rng);
  }
  // A new hire of another kind with an onboarding needs a trainer, and its capacities count once
  // it is onboarded; AE kinds always pass through the trainer queue and sell once onboarded.
  person.contributing = ae_kind || ramped || person.onboarding_days <= 0;
  people_.push_back(person);
  ++headcount_by_role_[role];
  context_.ledger.add_payroll_rate(context_.now(), person.salary / kDaysPerYear);
  change_searches(people_[index], +1);
  if (person.contributing) {
    change_capacities(people_[index], +1);
  } else {
    trainers_.request(index);
  }
  if (ae_kind) {
    ++reps_;
    refresh_productivity_factors();
    if (person.seller) {
      ++sellers_;
      ++account_executives_by_territory_[person.territory];
    } else if (person.territory != kUnassigned) {
      ++hand_off_reps_by_territory_[person.territory];
    }
    if (ramped) {
      people_[index].ramp_days = 0;
      start_selling(index);
    } else {
      trainers_.request(index);
    }
  }
  if (std::isfinite(tenure)) {
    people_[index].attrition =
        context_.schedule_in(tenure, priority::kDeparture, EventKind::kEmployeeLeaves, index);
  }
  return index;
}

std::int64_t Organisation::trainer_capacity() const {
  // The founder trains while no manager is onboarded, and also while the onboarded managers,
  // assistants and enablement have no trainer slot between them: a team whose managers do not
  // train is still trained by someone.
  const std::int64_t others = manager_trainees_ + enablement_trainees_;
  return (managers_ == 0 || others == 0 ? spec_.founder.trainees_at_once : 0) + others;
}

void Organisation::start_training(std::uint32_t index) {
  Person& person = people_[index];
  assert(person.active);
  person.training = true;
  person.onboarded = context_.schedule_in(person.onboarding_days, priority::kOnboarding,
                                          EventKind::kOnboardingDone, index);
}

void Organisation::finish_onboarding(std::uint32_t index) {
  Person& person = people_[index];
  if (person.active && !person.contributing) {
    // Another kind's new hire: its capacities count from now, and may unblock queues.
    person.contributing = true;
    change_capacities(person, +1);
  } else if (person.active) {
    // Enablement shortens the ramp; too little management slows it.
    if (enablement_support_ > 0) {
      person.ramp_days *=
          1.0 - enablement_effect(enablement_ramp_weighted_, &RoleSpec::ramp_reduction,
                                  enablers_by_ramp_reduction_);
    }
    // With no management at all and the full penalty the factor is 0: a ramp never ends (and
    // no ramp stays none, rather than 0 / 0).
    if (person.ramp_days > 0) person.ramp_days /= management_factor();
    start_selling(index);
  }
  // The trainer slot is freed after the new hire's own capacities count (a trainer's included).
  if (person.training) {
    person.training = false;
    trainers_.release();
  }
}

void Organisation::start_selling(std::uint32_t index) {
  Person& person = people_[index];
  person.selling = true;
  person.selling_from = context_.now();
  if (person.seller) sellers_by_territory_[person.territory].push_back(index);
  if (listener_ != nullptr) listener_->started_selling(index);
}

void Organisation::leave(std::uint32_t index) {
  Person& person = people_[index];
  assert(person.active);
  person.active = false;
  person.leave_time = context_.now();
  context_.simulator.cancel(person.attrition);
  ++context_.month.departures;
  --headcount_by_role_[person.role];
  const RoleSpec& role = role_of(person);
  context_.ledger.add_payroll_rate(context_.now(), -person.salary / kDaysPerYear);
  // Waiting for a trainer, they leave the queue; holding a slot, they free it at once, and their
  // onboarding's end is cancelled.
  trainers_.cancel(index);
  if (person.training) {
    person.training = false;
    context_.simulator.cancel(person.onboarded);
    trainers_.release();
  }
  change_searches(person, -1);
  if (person.contributing) change_capacities(person, -1);
  if (is_ae_kind(role)) {
    --reps_;
    refresh_productivity_factors();
  }
  if (is_ae_kind(role) && !person.seller && person.territory != kUnassigned) {
    --hand_off_reps_by_territory_[person.territory];
  }
  if (person.seller) {
    --sellers_;
    --account_executives_by_territory_[person.territory];
    context_.work += sellers_by_territory_[person.territory].size();
    std::erase(sellers_by_territory_[person.territory], index);
  }
  // The pipeline stops their prospecting and passes their open opportunities on.
  if (is_ae_kind(role) && listener_ != nullptr) listener_->left(index);
  if (role.backfill) {
    const double delay = context_.draw_nonnegative(role.backfill_delay_days, person.rng);
    const std::uint32_t requisition =
        add_requisition(person.role, person.territory, context_.source_index(role.backfill_source));
    context_.schedule_in(delay, priority::kRequisition, EventKind::kRequisitionOpened, requisition);
  }
}

double Organisation::book_win(std::uint32_t index, double acv) {
  Person& person = people_[index];
  person.bookings[static_cast<std::size_t>(context_.months_closed % 12)] += acv;
  const RoleSpec& role = role_of(person);
  if (role.annual_quota <= 0 || role.on_target_earnings <= role.annual_salary) return 0;
  return acv * (role.on_target_earnings - role.annual_salary) / role.annual_quota;
}

void Organisation::start_next_month(int month) {
  for (Person& person : people_) person.bookings[static_cast<std::size_t>(month % 12)] = 0;
}

int Organisation::months_ramped(const Person& person, int month) const {
  const double ramped_days = context_.now() - (person.selling_from + person.ramp_days);
  if (ramped_days < 0) return 0;
  return std::min({12, month, static_cast<int>(std::floor(ramped_days / kDaysPerMonth + 1e-9))});
}

double Organisation::trailing_bookings(const Person& person, int month, int months) const {
  double bookings = 0;
  for (int j = 0; j < months; ++j) {
    bookings += person.bookings[static_cast<std::size_t>((month - 1 - j + 12) % 12)];
  }
  return bookings;
}

void Organisation::review_performance(int month) {
  // Reviews are a manager's duty: they need someone managing (managers and assistants, or the
  // founder while no manager is employed).
  if (managing_span() <= 0) return;
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
      ++context_.month.performance_exits;
      leave(i);
    }
  }
}

void Organisation::month_start(int month, std::size_t active_customers) {
  const int every = spec_.pipeline.rebalance_every_months;
  if (month > 1 && every > 0 && sales_ops_ > 0 && (month - 1) % every == 0) {
    rebalance_territories();
  }
  apply_hiring_rules(month, active_customers);
}

int Organisation::planned_in_role(std::size_t role) const {
  return headcount_by_role_[role] + unfilled_by_role_[role];
}

int Organisation::planned_managers() const {
  int managers = 0;
  for (std::size_t r = 0; r < spec_.roles.size(); ++r) {
    if (spec_.roles[r].kind == RoleKind::kSalesManager) managers += planned_in_role(r);
  }
  return managers;
}

void Organisation::apply_hiring_rules(int month, std::size_t active_customers) {
  for (const HiringRuleSpec& rule : spec_.hiring_rules) {
    if (month < rule.from_month || month > rule.until_month) continue;
    const std::size_t role = context_.role_index(rule.role);
    // Employed plus every requisition made and not filled: a backfill still in its delay, and
    // what an earlier rule or dated hire opened this instant, hold their seat already.
    const int current = planned_in_role(role);
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
        target = std::floor(static_cast<double>(active_customers) / rule.ratio);
        break;
      case RuleBasis::kReps:
        target = std::floor(sellers_ / rule.ratio);
        break;
      case RuleBasis::kRepsPerManagerAbove: {
        // One managing person (the managers plus the rule's role) per `ratio` reps, SDRs
        // included as in management coverage; managers counted once even when the rule's role
        // is a manager role itself.
        const int others =
            planned_managers() -
            (spec_.roles[role].kind == RoleKind::kSalesManager ? planned_in_role(role) : 0);
        target = std::max(0.0, std::ceil(reps_ / rule.ratio) - others);
        break;
      }
    }
    const int wanted =
        static_cast<int>(std::min(target, static_cast<double>(rule.max_count))) - current;
    const std::size_t territory = context_.territory_index(rule.territory);
    const std::size_t source = context_.source_index(rule.source);
    for (int i = 0; i < wanted; ++i) open_requisition_now(role, territory, source);
  }
}

void Organisation::rebalance_territories() {
  // Sales operations assigns sellers in proportion to each territory's lead potential: its
  // inbound rate times the share of its accounts still available. Largest remainder rounding.
  const std::size_t n = spec_.territories.size();
  std::vector<double> weight(n);
  double total_weight = 0;
  for (std::size_t t = 0; t < n; ++t) {
    const int total = accounts_.total(t);
    const double available =
        total > 0 ? static_cast<double>(accounts_.available_after(t, context_.now())) / total : 1.0;
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

void Organisation::move_rep(std::uint32_t index, std::size_t territory) {
  Person& person = people_[index];
  --account_executives_by_territory_[person.territory];
  ++account_executives_by_territory_[territory];
  if (person.selling) {
    std::erase(sellers_by_territory_[person.territory], index);
    sellers_by_territory_[territory].push_back(index);
  }
  person.territory = territory;
  ++context_.month.moves;
  if (person.selling && listener_ != nullptr) listener_->moved(index);
}

}  // namespace teamsim::model
