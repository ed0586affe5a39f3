#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "models/account_pool.h"
#include "models/model_context.h"
#include "sim/capacity_queue.h"

// The organisation: requisitions and recruiting bandwidth, hiring, training capacity, ramp,
// management coverage, departures and backfill, performance reviews, hiring rules and territory
// rebalancing. It owns the people; the pipeline learns who sells through TeamListener and reads
// the sellers back through the const accessors.

namespace teamsim::model {

/// Where a person without a territory goes: the territory with the fewest of their kind
/// (`staff`: sellers, or SDRs, per territory), the first in scenario order on a tie.
std::size_t least_staffed(const std::vector<int>& staff);

/// What the organisation tells the pipeline.
class TeamListener {
 public:
  /// The person (an AE kind) starts selling: prospecting, and leads if a seller.
  virtual void started_selling(std::uint32_t person) = 0;
  /// The person (an AE kind) left; a seller is already out of their territory's sellers.
  virtual void left(std::uint32_t person) = 0;
  /// The seller, selling, was moved to another territory (now person.territory) by rebalancing.
  virtual void moved(std::uint32_t person) = 0;
  /// The specialists' slots (`concurrent_deals` summed) or their number changed.
  virtual void specialists_changed(std::int64_t slots, int specialists) = 0;

 protected:
  ~TeamListener() = default;
};

/// What the organisation tells whoever needs customer success's covered accounts as they change
/// (the customer base, when it replays renewals at month ends).
class CoverageListener {
 public:
  /// customer_success_accounts() became `accounts` at day `now`.
  virtual void customer_success_changed(double now, std::int64_t accounts) = 0;

 protected:
  ~CoverageListener() = default;
};

class Organisation {
 public:
  struct Person {
    sim::Rng rng;           ///< onboarding, ramp, tenure, performance and backfill draws
    std::uint64_t key = 0;  ///< keys the person's random streams: see entity_key
    std::size_t role = 0;
    std::size_t territory = 0;
    std::size_t source = 0;
    bool active = true;
    bool seller = false;    ///< an AE-kind role that works opportunities (not an SDR)
    bool selling = false;   ///< onboarding finished (AE-kind roles)
    bool training = false;  ///< holds a trainer slot
    /// The role's capacities (span, trainer slots, accounts, …; searches always count) count:
    /// from the first day for AE kinds and starting staff, from the end of onboarding for other
    /// new hires.
    bool contributing = false;
    double start_time = 0;
    double leave_time = kNever;
    double salary = 0;  ///< currency per year
    double performance = 1;
    double onboarding_days = 0;
    double ramp_days = 0;  ///< as drawn; fixed when onboarding ends
    double selling_from = kNever;
    int plan_month = 0;  ///< month (1-based) a performance plan started; 0: not on a plan
    /// The attrition departure drawn at hire; cancelled if the person leaves another way first
    /// (a performance exit), so nobody leaves twice.
    sim::EventId attrition;
    sim::EventId onboarded;  ///< the end of onboarding, while the person holds a trainer slot
    std::array<double, 12> bookings{};  ///< by month of the horizon modulo 12
  };

  /// `accounts` is read when rebalancing territories.
  Organisation(ModelContext& context, const AccountPool& accounts);
  /// Its capacity queues call back into it: it stays where it was made.
  Organisation(const Organisation&) = delete;
  Organisation& operator=(const Organisation&) = delete;

  void set_listener(TeamListener& listener) { listener_ = &listener; }
  /// Told each change of customer_success_accounts(), from the next one on.
  void set_coverage_listener(CoverageListener& listener) { coverage_listener_ = &listener; }

  /// Day 0: the starting staff, ramped.
  void add_starting_staff();
  /// Day 0: schedules each dated hire's kPlannedHire event (its index in spec.hires) for the
  /// day its requisitions open.
  void schedule_planned_hires();
  /// The day a dated hire's requisitions open: month m's start, (m - 1) x kDaysPerMonth; by
  /// start month, that day less the role's mean time to fill x the source's time_to_fill_factor,
  /// not before day 0.
  double planned_opening_day(const HireSpec& hire) const;
  /// The role's mean time to fill x the hire source's time_to_fill_factor, in days.
  double expected_fill_days(const HireSpec& hire) const;
  /// The day a dated hire's people are planned to start: its opening day plus
  /// expected_fill_days (month m's start for `start_month: m` unless clamped at day 0).
  double planned_start_day(const HireSpec& hire) const;
  /// People of dated hires whose planned start falls in `month` (1-based).
  int planned_starts(int month) const;
  /// People of dated hires not started now, more than kDaysPerMonth after their planned start.
  int dated_hires_late() const;

  // Events.
  /// A dated hire (index in spec.hires) is due: its requisitions are made and open now.
  void open_planned_hire(std::uint32_t hire);
  void requisition_opened(std::uint32_t requisition);
  void start_hire(std::uint32_t requisition);
  void finish_onboarding(std::uint32_t person);
  void leave(std::uint32_t person);
  /// Month start: rebalancing (with sales operations), then the hiring rules, which count
  /// `active_customers`.
  void month_start(int month, std::size_t active_customers);
  /// Month-end performance management: plans for sellers below the threshold, exits at a
  /// plan's end. Runs before the month's snapshot.
  void review_performance(int month);
  /// A won deal of `acv` booked by `person` this month: returns the commission it earns.
  double book_win(std::uint32_t person, double acv);
  /// After month `month`'s end: the bookings slot of month + 1 starts empty.
  void start_next_month(int month);

  // Reads.
  const std::vector<Person>& people() const { return people_; }
  const Person& person(std::uint32_t index) const { return people_[index]; }
  const RoleSpec& role_of(const Person& person) const { return context_.spec.roles[person.role]; }
  /// Ramp x performance x management x enablement, now; 0 unless active and selling.
  double productivity(const Person& person) const;
  /// The ramp curve's value now: 0 at the start of selling, 1 once ramped (or not selling: 0).
  double ramp_value(const Person& person) const;
  /// True once the person, active and selling, has finished their ramp (no ramp, or ramp_days
  /// since they started selling): ramp_value is then 1 on every curve, without evaluating it.
  bool ramp_ended(const Person& person) const {
    return person.active && person.selling &&
           (person.ramp_days <= 0 || context_.now() - person.selling_from >= person.ramp_days);
  }
  /// Sellers selling in the territory, in the order they joined it.
  const std::vector<std::uint32_t>& sellers_in(std::size_t territory) const {
    return sellers_by_territory_[territory];
  }
  /// Employed sellers of the territory (any ramp state).
  int account_executives_in(std::size_t territory) const {
    return account_executives_by_territory_[territory];
  }
  std::size_t largest_territory_team() const;
  int sellers() const { return sellers_; }
  const std::vector<int>& headcount_by_role() const { return headcount_by_role_; }
  std::size_t open_requisitions() const { return open_requisitions_; }
  std::size_t recruiting_queue() const { return searches_.waiting(); }
  /// People hired since day 0 by role (starting staff excluded), in ScenarioSpec::roles order.
  const std::vector<int>& hired_by_role() const { return hired_by_role_; }
  /// Requisitions waiting for a search slot by role; they add up to recruiting_queue().
  const std::vector<int>& awaiting_search_by_role() const { return awaiting_search_by_role_; }
  std::size_t onboarding_queue() const { return trainers_.waiting(); }
  /// Span of managers and assistants (the founder's while no manager is onboarded) over the reps
  /// (AE kinds, SDRs included), at most 1; 1 without reps.
  double management_coverage() const;
  int sales_ops() const { return sales_ops_; }
  double screening_per_month() const { return screening_per_month_; }
  std::int64_t customer_success_accounts() const { return csr_accounts_; }
  /// Whole months since the person's ramp ended, at most `month` (months so far) and 12.
  int months_ramped(const Person& person, int month) const;
  /// The person's bookings over the last `months` months up to `month` (months <= 12).
  double trailing_bookings(const Person& person, int month, int months) const;

 private:
  struct Requisition {
    std::size_t role;
    std::size_t territory;
    std::size_t source;
    double opened_at = 0;
    std::uint64_t key = 0;          ///< keys its random stream: see entity_key
    double planned_start = kNever;  ///< a dated hire's planned start day
  };

  /// Reps the managing people can manage: managers' and assistants' span, plus the founder's
  /// while no manager is onboarded or their spans add up to 0.
  double managing_span() const;
  double management_factor() const;
  /// Sets the factors every seller's productivity shares (productivity_management_ and
  /// productivity_uplift_) from the team as it is: after each change of what they depend on.
  void refresh_productivity_factors();
  double enablement_coverage() const;
  /// The enablement effect a rep receives, `field` being productivity_uplift or ramp_reduction
  /// (docs/scenario-reference.md, "Enablement"): with no more support than reps, the people's
  /// average weighted by reps_supported (`weighted` is that sum) × coverage; with more, the
  /// people with the largest effect cover the reps first (`best_first`: the enablement roles by
  /// falling `field`), so one more enablement person never dilutes those already there.
  double enablement_effect(double weighted, double RoleSpec::*field,
                           const std::vector<std::size_t>& best_first) const;
  /// A stream key for the next requisition or person of `role`: (role, how many came before in
  /// that role). Keyed this way, the second AE hired gets the same time to fill, ramp and tenure
  /// in every plan, whichever order the plan lists its roles in; keying by overall index would
  /// hand every AE another AE's draws as soon as a manager is hired earlier or later.
  static std::uint64_t entity_key(std::vector<std::uint32_t>& counts, std::size_t role);
  void check_requisition_limit() const;
  /// A requisition for `role`; its kRequisitionOpened event, scheduled by the caller, starts
  /// its search.
  std::uint32_t add_requisition(std::size_t role, std::size_t territory, std::size_t source);
  std::uint32_t open_requisition_now(std::size_t role, std::size_t territory, std::size_t source);
  /// The founder runs the searches: no sales manager employed, or the managers and assistants
  /// run none between them.
  bool founder_recruits() const;
  std::int64_t search_capacity() const;
  /// A search slot was granted to the requisition: draws its time to fill.
  void start_search(std::uint32_t requisition);
  std::uint32_t add_person(std::size_t role, std::size_t territory, std::size_t source,
                           bool ramped);
  /// Recruiting: a manager or assistant runs searches from the first day.
  void change_searches(const Person& person, int sign);
  /// Everything else a role adds (span, trainer slots, accounts, specialist slots, screening,
  /// enablement): from the end of onboarding for new hires of kinds other than AE.
  void change_capacities(const Person& person, int sign);
  std::int64_t trainer_capacity() const;
  /// A trainer slot was granted to the person: schedules the end of their onboarding.
  void start_training(std::uint32_t person);
  void start_selling(std::uint32_t person);
  /// For a seller, the territory with the fewest sellers; for an SDR, the one with the fewest
  /// SDRs. Ties go to the first in scenario order.
  std::size_t least_staffed_territory(bool seller) const;
  void apply_hiring_rules(int month, std::size_t active_customers);
  /// Employed people of `role` plus its unfilled requisitions.
  int planned_in_role(std::size_t role) const;
  /// planned_in_role summed over the roles of kind sales manager.
  int planned_managers() const;
  void rebalance_territories();
  void move_rep(std::uint32_t person, std::size_t territory);

  ModelContext& context_;
  const ScenarioSpec& spec_;
  const AccountPool& accounts_;
  TeamListener* listener_ = nullptr;
  CoverageListener* coverage_listener_ = nullptr;
  std::vector<double> attrition_hazard_per_day_;  ///< by role

  std::vector<Person> people_;
  std::vector<Requisition> requisitions_;
  std::vector<std::uint32_t> requisitions_by_role_;  ///< requisitions opened so far, by role
  std::vector<std::uint32_t> people_by_role_;        ///< people hired so far, by role
  sim::CapacityQueue searches_;  ///< search slots, held by requisitions until they are filled
  sim::CapacityQueue trainers_;  ///< trainer slots, held by new hires until onboarded
  std::size_t open_requisitions_ = 0;
  /// Requisitions made and not yet filled, by role: open ones and backfills still in their
  /// delay. What a hiring rule counts beside the headcount, from the moment a rule, a dated hire
  /// or a departure makes them.
  std::vector<int> unfilled_by_role_;
  std::vector<std::uint32_t> dated_unfilled_;  ///< dated hires' requisitions not yet filled
  std::vector<std::vector<std::uint32_t>> sellers_by_territory_;  ///< selling, by joining order
  std::vector<int> account_executives_by_territory_;  ///< employed sellers (any ramp state)
  std::vector<int> hand_off_reps_by_territory_;       ///< employed SDRs (any ramp state)
  std::vector<int> headcount_by_role_;
  std::vector<int> hired_by_role_;            ///< hires since day 0, by role
  std::vector<int> awaiting_search_by_role_;  ///< requisitions waiting for a search slot, by role
  int managers_ = 0;  ///< onboarded people of kind sales manager: they take over from the founder
  int managers_employed_ = 0;  ///< employed people of kind sales manager, onboarded or not
  int reps_ = 0;               ///< employed people of AE kinds (SDRs included)
  int sellers_ = 0;            ///< employed sellers (AE kinds, SDRs excluded)
  int specialists_ = 0;
  int sales_ops_ = 0;
  std::int64_t span_ = 0;              ///< reps managers and assistants can manage
  std::int64_t manager_searches_ = 0;  ///< of employed managers and assistants
  std::int64_t assistant_searches_ = 0;
  std::int64_t manager_trainees_ = 0;  ///< trainer slots of managers and assistants
  std::int64_t enablement_trainees_ = 0;
  double enablement_support_ = 0;        ///< reps supported
  double enablement_ramp_weighted_ = 0;  ///< sum of reps_supported x ramp_reduction
  double enablement_uplift_weighted_ = 0;
  std::vector<double> enablement_support_by_role_;       ///< reps supported, by role
  std::vector<std::size_t> enablers_by_uplift_;          ///< enablement roles, best uplift first
  std::vector<std::size_t> enablers_by_ramp_reduction_;  ///< and best ramp reduction first
  std::int64_t csr_accounts_ = 0;
  std::int64_t specialist_slots_ = 0;
  double screening_per_month_ = 0;
  /// management_factor() and, while enablement_support_ > 0, 1 + the enablement effect on
  /// productivity, as the team is now: productivity() is asked for every deal opened and closed,
  /// and computed them afresh each time (docs/performance.md).
  double productivity_management_ = 1.0;
  double productivity_uplift_ = 1.0;
};

}  // namespace teamsim::model
