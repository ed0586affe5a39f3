#pragma once

#include <cstdint>
#include <limits>

#include "sim/random_streams.h"
#include "sim/simulator.h"

// The sales model's event kinds, their order at one instant, and its named random streams: what
// every component of a replication schedules and draws with.

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
  // The warm start: the year before day 0, whose leads are the open pipeline at day 0.
  kWarmInboundArrivals = 0x40000,  ///< + territory: inbound arrival times before day 0
  kWarmInboundLead = 0x50000,      ///< + territory, per lead number
  kWarmInboundDeal = 0x60000,      ///< + territory, per lead number
  kWarmProspecting = 7,            ///< per person: their own leads' arrival times before day 0
  kWarmProspectedLead = 8,         ///< per (person, lead number)
  kWarmProspectedDeal = 9,         ///< per (person, lead number)
  kReplicationInput = 10,  ///< per replication input: hash of its key path (replication_inputs.h)
};

/// The kinds of events of the sales model; the replication hands each to its component.
enum class EventKind : std::uint32_t {
  kRequisitionOpened,   ///< organisation
  kHireStarted,         ///< organisation
  kOnboardingDone,      ///< organisation
  kEmployeeLeaves,      ///< organisation
  kPlannedHire,         ///< organisation (a dated hire's requisitions open)
  kInboundLead,         ///< pipeline
  kProspectedLead,      ///< pipeline
  kOpportunityClosed,   ///< pipeline
  kSpecialistReleased,  ///< pipeline
  kCustomerRenewal,     ///< customer base
  kMonthStart,          ///< organisation (hiring rules, rebalancing)
  kMonthEnd,            ///< performance reviews, the customers' month close, the recorder
};

inline std::uint32_t kind_of(EventKind kind) { return static_cast<std::uint32_t>(kind); }

/// Same-time events run in this order: people leave before anyone is hired, the team is settled
/// before leads are routed, deals close and customers renew before the month-end snapshot reads
/// the state. A month starts after the previous month's snapshot: first the requisitions of the
/// hires dated that month (`month: m`), then the month start (rebalancing, hiring rules), which
/// sees them; the searches of both open right after, at the same instant (kRequisition).
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
inline constexpr sim::Priority kPlannedHire = 10;
inline constexpr sim::Priority kMonthStart = 11;
}  // namespace priority

/// No person (an opportunity without an owner, a lead nobody prospected).
inline constexpr std::uint32_t kNobody = UINT32_MAX;
/// No territory, product, channel or segment.
inline constexpr std::size_t kUnassigned = SIZE_MAX;
inline constexpr double kNever = std::numeric_limits<double>::infinity();

}  // namespace teamsim::model
