#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "models/ledger.h"
#include "models/metrics.h"
#include "models/scenario_spec.h"
#include "sim/random_streams.h"
#include "sim/simulator.h"

namespace teamsim::model {

/// The named random streams of a replication. Most are keyed per entity (sim::make_substream):
/// a lead's fate and its customer's renewals come from that lead's own engine, a person's
/// onboarding, ramp, tenure and backfill from that person's, so two plans run with the same seed
/// see the same leads arrive at the same moments and the same customers churn on the same draws
/// (common random numbers), however differently their teams handle them.
enum class Stream : sim::StreamId {
  kRequisition = 1,            ///< per requisition: time to fill
  kPerson = 2,                 ///< per person: onboarding, ramp, tenure, backfill delay
  kProspecting = 3,            ///< per person: when they find their own leads
  kProspectedLead = 4,         ///< per (person, lead number): the lead's fate, then its customer's
  kInitialCustomer = 5,        ///< per initial customer: MRR and renewals
  kInboundArrivals = 0x10000,  ///< + territory: inbound lead arrival times
  kInboundLead = 0x20000,  ///< + territory, per lead number: the lead's fate, then its customer's
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
  kCustomerRenewal,
  kMonthEnd,
};

/// Same-time events run in this order: people leave before anyone is hired, the team is settled
/// before leads are routed, deals close and customers renew before the month-end snapshot reads
/// the state.
namespace priority {
inline constexpr sim::Priority kDeparture = 0;
inline constexpr sim::Priority kRequisition = 1;
inline constexpr sim::Priority kHire = 2;
inline constexpr sim::Priority kOnboarding = 3;
inline constexpr sim::Priority kLead = 4;
inline constexpr sim::Priority kDealClose = 5;
inline constexpr sim::Priority kRenewal = 6;
inline constexpr sim::Priority kMonthEnd = 9;
}  // namespace priority

/// One simulated history of the organisation over the horizon. Owns its simulator, random
/// streams and state, so replications run in parallel without sharing anything mutable.
class Replication {
 public:
  /// `spec` must have passed validation and outlive the replication.
  Replication(const ScenarioSpec& spec, const MetricLayout& layout, std::uint64_t seed,
              std::uint64_t replication);

  /// Runs the whole horizon and returns the results: row m (of horizon_months) holds the metrics
  /// of month m + 1, in the columns of the layout. Call once.
  const Eigen::MatrixXd& run();

  /// Events handled so far.
  std::uint64_t events_handled() const { return simulator_.events_handled(); }

  /// Handles one event (the simulator calls this).
  void operator()(const sim::Event& event);

 private:
  struct Person {
    sim::Rng rng;                  ///< onboarding, ramp, tenure and backfill draws
    sim::Rng prospect_rng;         ///< waiting times between self-sourced leads
    std::uint32_t prospected = 0;  ///< leads found so far: keys each lead's own stream
    std::size_t role = 0;
    std::size_t territory = 0;
    bool active = true;
    bool selling = false;  ///< onboarding finished (AE roles)
    double selling_from = 0;
    double ramp_days = 0;
    int open_opportunities = 0;
    sim::EventId next_prospect;
  };
  /// Everything about a lead that does not depend on the team, drawn from the lead's own engine
  /// when it arrives, worked or not, so its fate is the same in every plan.
  struct Lead {
    sim::Rng rng;         ///< continues as the customer's engine if the deal is won
    double win_rate = 0;  ///< for a fully productive rep
    double win_draw = 0;  ///< uniform(0, 1): won if below win_rate x owner productivity
    double cycle_days = 0;
    double acv = 0;
  };
  struct Opportunity {
    Lead lead;
    std::uint32_t owner = kNobody;
    std::size_t territory = 0;
    double win_probability = 0;
    bool open = false;
  };
  struct Customer {
    sim::Rng rng;  ///< renewal draws: churn, expansion
    double mrr = 0;
    bool active = false;
  };
  struct MonthCounters {
    double hires = 0, departures = 0, leads = 0, leads_unworked = 0, opportunities = 0, won = 0,
           lost = 0, bookings = 0, churned = 0;
  };
  static constexpr std::uint32_t kNobody = UINT32_MAX;

  sim::Rng substream(Stream stream, std::uint64_t index) const;
  Lead draw_lead(sim::Rng rng) const;
  bool is_account_executive(const Person& person) const;
  double productivity(const Person& person) const;

  void schedule_initial_events();
  void open_requisition(std::size_t role, std::size_t territory);
  void start_hire(std::uint32_t requisition);
  std::uint32_t add_person(std::size_t role, std::size_t territory, bool ramped);
  void finish_onboarding(std::uint32_t person_index);
  void leave(std::uint32_t person_index);
  void schedule_next_inbound(std::size_t territory);
  void schedule_next_prospect(std::uint32_t person_index);
  void route_lead(std::size_t territory, std::uint32_t preferred_owner, Lead lead);
  std::uint32_t least_loaded_seller(std::size_t territory, bool need_capacity) const;
  void close_opportunity(std::uint32_t index);
  void add_customer(double mrr, sim::Rng rng);
  void renew_customer(std::uint32_t index);
  void snapshot_month();
  std::size_t least_staffed_territory() const;

  const ScenarioSpec& spec_;
  const MetricLayout& layout_;
  sim::Simulator simulator_;
  std::uint64_t seed_;
  std::uint64_t replication_;
  std::vector<sim::Rng> inbound_arrivals_;    ///< by territory
  std::vector<std::uint64_t> inbound_leads_;  ///< leads arrived so far, by territory
  Ledger ledger_;
  std::vector<double> attrition_hazard_per_day_;  ///< by role

  std::vector<Person> people_;
  /// Requisitions in flight: the role and territory (or kUnassigned) each will fill.
  struct Requisition {
    std::size_t role;
    std::size_t territory;
  };
  std::vector<Requisition> requisitions_;
  static constexpr std::size_t kUnassigned = SIZE_MAX;
  std::size_t open_requisitions_ = 0;
  std::vector<std::vector<std::uint32_t>> sellers_by_territory_;
  std::vector<int> account_executives_by_territory_;
  std::vector<int> headcount_by_role_;

  std::vector<Opportunity> opportunities_;
  std::vector<std::uint32_t> free_opportunities_;
  std::size_t open_opportunities_ = 0;

  std::vector<Customer> customers_;
  std::vector<std::uint32_t> free_customers_;
  std::size_t active_customers_ = 0;
  double total_mrr_ = 0;

  MonthCounters month_;
  Eigen::Index months_recorded_ = 0;
  Eigen::MatrixXd monthly_;
};

}  // namespace teamsim::model
