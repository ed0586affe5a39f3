#pragma once

// A scenario, a clock and a ModelContext for testing one component of the model on its own,
// without a Replication or a projection: the test decides which events reach which component.

#include <functional>
#include <utility>

#include "models/model_context.h"
#include "models/organisation.h"
#include "sim/simulator.h"
#include "tests/models/test_scenarios.h"

namespace teamsim::model {

struct ComponentHarness {
  explicit ComponentHarness(ScenarioSpec scenario)
      : spec(std::move(scenario)), context(spec, simulator, 7, 0, nullptr, ReplicationLimits{}) {}

  /// Runs events up to `day`, handing each to `handle` as the replication would: the context
  /// knows its priority first. (The ledger accrues when a rate changes; a test reading its
  /// totals accrues to the time it reads them, as a month end does.)
  void run_until(double day, const std::function<void(EventKind, std::uint32_t)>& handle) {
    simulator.run_until(day, [&](const sim::Event& event) {
      context.current_priority = event.priority;
      handle(static_cast<EventKind>(event.kind), event.subject);
    });
  }

  ScenarioSpec spec;
  sim::Simulator simulator;
  ModelContext context;
};

/// Hands an organisation event (requisitions, hires, onboarding, departures, dated hires) to
/// `organisation` as the replication would; false, handling nothing, for any other kind.
inline bool route_organisation_event(Organisation& organisation, EventKind kind,
                                     std::uint32_t subject) {
  switch (kind) {
    case EventKind::kRequisitionOpened:
      organisation.requisition_opened(subject);
      return true;
    case EventKind::kHireStarted:
      organisation.start_hire(subject);
      return true;
    case EventKind::kOnboardingDone:
      organisation.finish_onboarding(subject);
      return true;
    case EventKind::kEmployeeLeaves:
      organisation.leave(subject);
      return true;
    case EventKind::kPlannedHire:
      organisation.open_planned_hire(subject);
      return true;
    default:
      return false;
  }
}

}  // namespace teamsim::model
