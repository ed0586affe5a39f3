#pragma once

#include <Eigen/Core>
#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <limits>
#include <string>
#include <vector>

#include "models/input_probe.h"
#include "models/ledger.h"
#include "models/limits.h"
#include "models/metrics.h"
#include "models/scenario_spec.h"
#include "sim/capacity_queue.h"
#include "sim/random_streams.h"
#include "sim/simulator.h"

// One replication is one event loop (replication.cc) over a state split by job: the organisation
// (organisation.cc: hiring, searches, training, management, departures, hiring rules, territory
// rebalancing), the pipeline (pipeline.cc: leads, qualification, opportunities, specialists,
// accounts), the customers (customers.cc: renewals, coverage, churn) and the month-end snapshot
// (monthly_snapshot.cc: every metric).

namespace teamsim::model {

/// The named random streams of a replication. Most are keyed per entity (sim::make_substream):
/// a lead's fate and its customer's renewals come from that lead's own engine, a person's
/// onboarding, ramp, tenure, performance and backfill from that person's, so two plans run with
/// the same seed see the same leads arrive at the same moments and the same customers churn on
/// the same draws (common random numbers), however differently their teams handle them. A
/// lead's fate is drawn in full when it arrives (product, channel, win draw, cycle, size,
/// complexity, specialist help, qualification, conversion, account availability), worked or not.
enum class Stream : sim::StreamId {
  kRequisition = 1,      ///< per requisition: time to fill
  kPerson = 2,           ///< per person: onboarding, ramp, tenure, performance, backfill
  kProspecting = 3,      ///< per (person, month of the horizon): when they find their own leads
  kProspectedLead = 4,   ///< per (person, month, lead number): what routing needs of the lead
  kInitialCustomer = 5,  ///< per initial customer: MRR and renewals
  kInboundArrivals = 0x10000,  ///< + territory: inbound lead arrival times (and seasonal thinning)
  kInboundLead = 0x20000,      ///< + territory, per lead number: what routing needs of the lead
  kProspectedDeal = 6,  ///< per (person, month, lead number): the lead's deal, then its customer's
  kInboundDeal = 0x30000,  ///< + territory, per lead number: the lead's deal, then its customer's
};

/// The kinds of events of the sales model.
enum class EventKind : std::uint32_t {
  kRequisitionOpened,
  kHireStarted,
  kOnboardingDone,
  kEmployeeLeaves,
  kInboundLead,
  kProspectedLead,
  kOpportunityClosed,
  kSpecialistReleased,
  kCustomerRenewal,
  kMonthStart,
  kMonthEnd,
};

/// Same-time events run in this order: people leave before anyone is hired, the team is settled
/// before leads are routed, deals close and customers renew before the month-end snapshot reads
/// the state. Hiring rules and rebalancing run at each month start, after the previous month's
/// snapshot and the requisitions dated that instant.
namespace priority {
inline constexpr sim::Priority kDeparture = 0;
inline constexpr sim::Priority kRequisition = 1;
inline constexpr sim::Priority kHire = 2;
inline constexpr sim::Priority kOnboarding = 3;
inline constexpr sim::Priority kLead = 4;
inline constexpr sim::Priority kDealClose = 5;
inline constexpr sim::Priority kRelease = 5;
inline constexpr sim::Priority kRenewal = 6;
inline constexpr sim::Priority kMonthEnd = 9;
inline constexpr sim::Priority kMonthStart = 10;
}  // namespace priority

/// One simulated history of the organisation over the horizon. Owns its simulator, random
/// streams and state, so replications run in parallel without sharing anything mutable.
class Replication {
 public:
  /// `spec` must have passed validation and outlive the replication. With a `probe` (built from
  /// this same `spec`), draws of uncertain inputs may be pinned and are recorded.
  Replication(const ScenarioSpec& spec, const MetricLayout& layout, std::uint64_t seed,
              std::uint64_t replication, const InputProbe* probe = nullptr,
              const ReplicationLimits& limits = {});
  /// Its capacity queues call back into it: it stays where it was made.
  Replication(const Replication&) = delete;
  Replication& operator=(const Replication&) = delete;

  /// Runs the whole horizon and returns the results: row m (of horizon_months) holds the metrics
  /// of month m + 1, in the columns of the layout. Call once. When `stop_requested` becomes true
  /// the run gives up within a few thousand events by throwing sim::ReplicationStopped, so Ctrl-C
  /// does not wait for a long replication to end.
  const Eigen::MatrixXd& run(const std::atomic<bool>* stop_requested = nullptr);

  /// Events handled so far.
  std::uint64_t events_handled() const { return simulator_.events_handled(); }
  /// The replication's simulator, for its event statistics (bench/).
  const sim::Simulator& simulator() const { return simulator_; }

  /// What each uncertain input drew so far (empty unless the probe records).
  const InputDrawTotals& input_draws() const { return input_draws_; }

  /// Handles one event (the simulator calls this).
  void operator()(const sim::Event& event);

 private:
  static constexpr std::uint32_t kNobody = UINT32_MAX;
  static constexpr std::size_t kUnassigned = SIZE_MAX;
  static constexpr double kNever = std::numeric_limits<double>::infinity();

  struct Person {
    sim::Rng rng;  ///< onboarding, ramp, tenure, performance and backfill draws
    /// Self-sourced leads are a Poisson process in calendar time, drawn month by month: month m's
    /// arrivals come from the person's engine for month m (see schedule_next_prospect).
    sim::Rng prospect_rng;
    int prospect_month = -1;       ///< the month prospect_rng draws for (0-based; -1: none yet)
    double prospect_time = 0;      ///< the latest arrival drawn in that month, or its start
    std::uint32_t prospected = 0;  ///< arrivals drawn in that month: keys each lead's own stream
    std::uint64_t key = 0;         ///< keys the person's random streams: see entity_key
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
    int open_opportunities = 0;
    int plan_month = 0;  ///< month (1-based) a performance plan started; 0: not on a plan
    sim::EventId next_prospect;
    /// The attrition departure drawn at hire; cancelled if the person leaves another way first
    /// (a performance exit), so nobody leaves twice.
    sim::EventId attrition;
    std::array<double, 12> bookings{};  ///< by month of the horizon modulo 12
  };
  /// Everything about a lead that does not depend on the team, drawn from the lead's own engine
  /// in a fixed order (what routing needs when it arrives, the deal once it becomes an
  /// opportunity), so its fate is the same in every plan.
  struct Lead {
    Stream deal_stream = Stream::kProspectedDeal;  ///< with `key`, where draw_deal draws from
    std::uint64_t key = 0;
    sim::Rng rng;  ///< the deal's engine after draw_deal; continues as the customer's if won
    std::size_t product = kUnassigned;
    std::size_t channel = kUnassigned;
    std::size_t segment = kUnassigned;
    bool unqualified = false;
    double screen_draw = 0;   ///< screened out if below accuracy x screening coverage
    double convert_draw = 0;  ///< converted if below the channel's conversion
    double account_draw = 0;  ///< exists if below the territory's available share of accounts
    // The deal, drawn by draw_deal only once the lead becomes an opportunity.
    double win_rate = 0;  ///< for a fully productive rep
    double win_draw = 0;  ///< uniform(0, 1): won if below the deal's win probability
    double cycle_days = 0;
    double acv = 0;
    bool complex = false;
    double help_days = 0;
  };
  struct Opportunity {
    Lead lead;
    std::uint32_t owner = kNobody;
    std::size_t territory = 0;
    double win_probability = 0;
    double opened_at = 0;
    double waiting_since = 0;
    bool open = false;
  };
  struct Customer {
    sim::Rng rng;  ///< renewal draws: churn, expansion
    double mrr = 0;
    bool active = false;
    bool annual = false;
    bool upfront = false;      ///< an annual contract billed a year at a time
    double renews_at = 0;      ///< end of the current term (days)
    double coverage_draw = 0;  ///< covered when below the coverage share at a renewal
    std::size_t territory = kUnassigned;
    std::size_t segment = kUnassigned;
    int first_month = 0;              ///< first month-end snapshot (0: day 0) it was active at
    int churn_month = INT32_MAX;      ///< month in which it churned
    std::array<double, 13> mrr_at{};  ///< MRR at month-end snapshots, by month modulo 13
  };
  struct Requisition {
    std::size_t role;
    std::size_t territory;
    std::size_t source;
    double opened_at = 0;
    std::uint64_t key = 0;  ///< keys its random stream: see entity_key
  };
  struct MonthCounters {
    double hires = 0, departures = 0, leads = 0, leads_unworked = 0, opportunities = 0, won = 0,
           lost = 0, bookings = 0, churned = 0, commission = 0, hiring_cost = 0, channel_cost = 0,
           cycle_days_sum = 0, complex = 0, specialist_grants = 0, specialist_wait_sum = 0,
           disqualified = 0, not_converted = 0, time_to_hire_sum = 0, moves = 0, renewals = 0,
           performance_exits = 0;
  };
  struct TerritoryCounters {
    double leads = 0, opportunities = 0, wins = 0, bookings = 0;
  };
  struct TerritoryAccounts {
    int total = 0;  ///< 0: unlimited
    int in_use = 0;
    /// When each account cooling off becomes available again, earliest first: the cool-off
    /// length is fixed per territory, so they end in the order they began. Read through
    /// accounts_available(), which lets the ended ones go: no event per cool-off.
    std::deque<double> cooling_until;
  };

  // replication.cc
  /// Throws LimitExceeded saying the replication passed a limit (events, requisitions or
  /// customers), when it did it and what to change.
  [[noreturn]] void fail_limit(const std::string& what, std::uint64_t limit,
                               const std::string& advice) const;
  void check_event_limit() const {
    if (simulator_.events_handled() > limits_.events) [[unlikely]] {
      fail_event_limit();
    }
    if (work_ > limits_.work) [[unlikely]] {
      fail_work_limit();
    }
  }
  [[noreturn]] void fail_work_limit() const;
  [[noreturn]] void fail_event_limit() const;
  void check_requisition_limit() const {
    if (requisitions_.size() >= limits_.requisitions) [[unlikely]] {
      fail_requisition_limit();
    }
  }
  [[noreturn]] void fail_requisition_limit() const;
  sim::Rng substream(Stream stream, std::uint64_t index) const;
  /// One draw of the uncertain input `input` (a Distribution field of spec_): every sample of a
  /// scenario's distributions goes through here, so sensitivity analysis can pin and record it.
  double draw(const sim::Distribution& input, sim::Rng& rng);
  /// draw(), never below zero (validated at load; clamped for safety against a user-specified
  /// empirical list with a negative entry slipping through).
  double draw_nonnegative(const sim::Distribution& input, sim::Rng& rng);
  /// A stream key for the next requisition or person of `role`: (role, how many came before in
  /// that role). Keyed this way, the second AE hired gets the same time to fill, ramp and tenure
  /// in every plan, whichever order the plan lists its roles in; keying by overall index would
  /// hand every AE another AE's draws as soon as a manager is hired earlier or later.
  std::uint64_t entity_key(std::vector<std::uint32_t>& counts, std::size_t role);
  std::size_t role_index(const std::string& name) const;
  std::size_t territory_index(const std::string& name) const;
  std::size_t source_index(const std::string& name) const;
  void schedule_initial_events();
  int current_month() const;  ///< 0-based month of the horizon containing now

  // organisation.cc
  const RoleSpec& role_of(const Person& person) const { return spec_.roles[person.role]; }
  double management_factor() const;
  double enablement_coverage() const;
  double productivity(const Person& person) const;
  void open_requisition(std::size_t role, std::size_t territory, std::size_t source);
  void requisition_opened(std::uint32_t requisition);
  std::int64_t search_capacity() const;
  /// A search slot was granted to the requisition: draws its time to fill.
  void start_search(std::uint32_t requisition);
  void start_hire(std::uint32_t requisition);
  std::uint32_t add_person(std::size_t role, std::size_t territory, std::size_t source,
                           bool ramped);
  /// Recruiting: a manager or assistant runs searches from the first day.
  void change_searches(const Person& person, int sign);
  /// Everything else a role adds (span, trainer slots, accounts, specialist slots, screening,
  /// enablement): from the end of onboarding for new hires of kinds other than AE.
  void change_capacities(const Person& person, int sign);
  std::int64_t trainer_capacity() const;
  /// A trainer slot was granted to the person: schedules the end of their onboarding.
  void start_training(std::uint32_t person_index);
  void finish_onboarding(std::uint32_t person_index);
  void start_selling(std::uint32_t person_index);
  void leave(std::uint32_t person_index);
  std::size_t least_staffed_territory() const;
  void month_start(int month);
  /// Whole months since the person's ramp ended, at most `month` (months so far) and 12.
  int months_ramped(const Person& person, int month) const;
  /// The person's bookings over the last `months` months up to `month` (months <= 12).
  double trailing_bookings(const Person& person, int month, int months) const;
  /// Month-end performance management: plans for sellers below the threshold, exits at a
  /// plan's end. Runs before the month's snapshot.
  void review_performance(int month);
  void apply_hiring_rules(int month);
  void rebalance_territories();
  void move_rep(std::uint32_t person_index, std::size_t territory);

  // pipeline.cc
  /// What routing needs (product, channel, qualification, conversion, account, segment), from
  /// stream (routing, key); the deal will come from stream (deal, key).
  Lead draw_lead(Stream routing, Stream deal, std::uint64_t key, std::size_t territory);
  /// The deal (win rate and draw, cycle, size, complexity, help) from the lead's own deal stream:
  /// the same values whenever it is called, in every plan, whatever routing drew.
  void draw_deal(Lead& lead);
  /// The segment picked by a uniform draw `u` among the shares of `territory` (kUnassigned: the
  /// segments' overall shares).
  std::size_t pick_segment(std::size_t territory, double u) const;
  void schedule_next_inbound(std::size_t territory);
  void inbound_lead(std::size_t territory);
  /// Schedules the person's next self-sourced lead: the next arrival of their calendar-time
  /// process after now. Arrivals before they sell are drawn and skipped, so the same person
  /// (role and ordinal) finds the same leads at the same moments in every plan that has them
  /// selling then, whenever each plan hired them.
  void schedule_next_prospect(std::uint32_t person_index);
  /// The stream index of the lead the person's pending arrival brings.
  std::uint64_t prospected_lead_key(const Person& person) const;
  void route_lead(std::size_t territory, std::uint32_t preferred_owner, Lead lead);
  std::uint32_t least_loaded_seller(std::size_t territory, bool need_capacity) const;
  std::uint32_t store_opportunity(const Opportunity& opportunity);
  void schedule_close(std::uint32_t index);
  /// A specialist slot was granted to the opportunity: its cycle starts.
  void grant_specialist(std::uint32_t index);
  /// The opportunity goes on without a specialist (none employed): its cycle starts.
  void close_unassisted(std::uint32_t index);
  void close_opportunity(std::uint32_t index);
  void cool_off_account(std::size_t territory);
  /// Accounts of a finite territory neither customers, in an open opportunity nor cooling off.
  int accounts_available(std::size_t territory);

  // customers.cc
  void add_customer(double mrr, sim::Rng rng, std::size_t territory, std::size_t segment);
  double coverage_share() const;
  void renew_customer(std::uint32_t index);
  /// Starts a customer's next term: schedules its renewal and, when billed upfront, collects the
  /// term's invoice.
  void start_term(std::uint32_t index);
  void set_revenue_rates();

  // monthly_snapshot.cc
  void snapshot_month();
  void record_retention(int month);
  void record_quota(int month);

  const ScenarioSpec& spec_;
  ReplicationLimits limits_;
  /// Steps of searches through sellers and opportunities so far (ReplicationLimits::work).
  std::uint64_t work_ = 0;
  const MetricLayout& layout_;
  sim::Simulator simulator_;
  std::uint64_t seed_;
  std::uint64_t replication_;
  const InputProbe* probe_;
  InputDrawTotals input_draws_;
  std::vector<sim::Rng> inbound_arrivals_;    ///< by territory
  std::vector<std::uint64_t> inbound_leads_;  ///< leads arrived so far, by territory
  double season_max_ = 1;                     ///< largest lead-seasonality multiplier
  Ledger ledger_;
  std::vector<double> attrition_hazard_per_day_;  ///< by role

  // Organisation.
  std::vector<Person> people_;
  std::vector<Requisition> requisitions_;
  std::vector<std::uint32_t> requisitions_by_role_;  ///< requisitions opened so far, by role
  std::vector<std::uint32_t> people_by_role_;        ///< people hired so far, by role
  sim::CapacityQueue searches_;  ///< search slots, held by requisitions until they are filled
  sim::CapacityQueue trainers_;  ///< trainer slots, held by new hires until onboarded
  std::size_t open_requisitions_ = 0;
  std::vector<int> open_requisitions_by_role_;
  std::vector<std::vector<std::uint32_t>> sellers_by_territory_;  ///< selling, by joining order
  std::vector<int> account_executives_by_territory_;  ///< employed sellers (any ramp state)
  std::vector<int> headcount_by_role_;
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
  std::int64_t csr_accounts_ = 0;
  std::int64_t specialist_slots_ = 0;
  double screening_per_month_ = 0;

  // Pipeline.
  std::vector<Opportunity> opportunities_;
  std::vector<std::uint32_t> free_opportunities_;
  std::size_t open_opportunities_ = 0;
  sim::CapacityQueue specialist_help_;  ///< specialist slots, held by complex opportunities
  std::vector<TerritoryAccounts> accounts_;
  double leads_last_month_ = 0;

  // Customers.
  std::vector<Customer> customers_;
  std::size_t active_customers_ = 0;
  double total_mrr_ = 0;
  double prepaid_mrr_ = 0;  ///< MRR of customers billed upfront: earned without cash coming in

  sim::Priority current_priority_ = 0;  ///< of the event being handled

  MonthCounters month_;
  std::vector<TerritoryCounters> territory_month_;
  std::vector<std::array<double, 2>> product_month_;  ///< wins, bookings
  std::vector<std::array<double, 4>> channel_month_;  ///< leads, opportunities, wins, cost
  /// Leads, opportunities, wins, bookings, churned customers, by segment.
  std::vector<std::array<double, 5>> segment_month_;
  /// Segment shares by territory, then the overall shares (for customers without a territory).
  std::vector<std::vector<double>> segment_shares_;
  bool cash_was_negative_ = false;
  Eigen::Index months_recorded_ = 0;
  Eigen::MatrixXd monthly_;
};

}  // namespace teamsim::model
