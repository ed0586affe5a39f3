#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>

namespace teamsim::model {

/// What one replication may grow to. A scenario that needs more stops with an error naming the
/// limit, the month and what to change, instead of running for hours or filling memory. The
/// loader's limits on rates and counts keep realistic scenarios far below these; they catch
/// what only the run shows (a hiring rule feeding on the team it grows, say).
struct ReplicationLimits {
  /// Events handled (some 15 seconds of one core's work at the engine's measured rates).
  std::uint64_t events = 100'000'000;
  /// Requisitions opened, dated hires and backfills included (each becomes a person of some
  /// 250 bytes: at most ~125 MB per replication).
  std::size_t requisitions = 500'000;
  /// Customers ever active, initial ones included (some 180 bytes each: at most ~360 MB per
  /// replication).
  std::size_t customers = 2'000'000;
  /// Steps of the searches events make through the team and its open opportunities: a lead
  /// looking for the least-loaded seller of its territory, a leaver's opportunities handed on.
  /// Bounds what the event limit cannot, a huge team whose every event costs as much as its size
  /// (a step reads a person or an opportunity from memory: some 10-30 seconds of one core).
  std::uint64_t work = 500'000'000;
  /// Leads of the year before day 0 replayed by the warm start, all drawn before the replay
  /// sorts them (32 bytes each: at most ~320 MB per replication).
  std::size_t warm_start_leads = 10'000'000;
};

/// Thrown by a replication that passes one of its ReplicationLimits: the scenario, not the
/// machine, is at fault. The message names the limit, the replication, the month and what to
/// change.
class LimitExceeded : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace teamsim::model
