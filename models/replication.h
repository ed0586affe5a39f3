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

/// The named random streams of a replication. Each is seeded from (seed, replication, stream), so
/// a mechanism's draws do not shift when another mechanism draws more or less — the basis of
/// common random numbers between plans. Inbound leads get one stream per territory.
enum class Stream : sim::StreamId {
  kHiring = 1,
  kAttrition = 2,
  kProspecting = 3,
  kDeals = 4,
  kCustomers = 5,
  kInboundLeadsBase = 100,  ///< + territory index
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
    std::size_t role = 0;
    std::size_t territory = 0;
    bool active = true;
    bool selling = false;  ///< onboarding finished (AE roles)
    double selling_from = 0;
    double ramp_days = 0;
    int open_opportunities = 0;
    sim::EventId next_prospect;
  };
  struct Opportunity {
    std::uint32_t owner = kNobody;
    std::size_t territory = 0;
    double win_probability = 0;
    bool open = false;
  };
  struct Customer {
    double mrr = 0;
    bool active = false;
  };
  struct MonthCounters {
    double hires = 0, departures = 0, leads = 0, leads_unworked = 0, opportunities = 0, won = 0,
           lost = 0, bookings = 0, churned = 0;
  };
  static constexpr std::uint32_t kNobody = UINT32_MAX;

  sim::Rng& stream(Stream s) { return streams_[static_cast<std::size_t>(s)]; }
  sim::Rng& inbound_stream(std::size_t territory) { return inbound_streams_[territory]; }
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
  void route_lead(std::size_t territory, std::uint32_t preferred_owner);
  std::uint32_t least_loaded_seller(std::size_t territory, bool need_capacity) const;
  void close_opportunity(std::uint32_t index);
  void add_customer(double mrr);
  void renew_customer(std::uint32_t index);
  void snapshot_month();
  std::size_t least_staffed_territory() const;

  const ScenarioSpec& spec_;
  const MetricLayout& layout_;
  sim::Simulator simulator_;
  std::vector<sim::Rng> streams_;
  std::vector<sim::Rng> inbound_streams_;
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
