#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

// The limits the scenario loader enforces. Those on the inputs that drive how many events a
// replication handles keep a scenario from running for hours or filling memory; those on magnitudes
// keep sums and products of inputs finite. Each is in docs/scenario-reference.md ("Limits") and
// docs/reliability.md.

namespace teamsim::app::loader {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr int kMaxHorizonMonths = 600;
inline constexpr std::int64_t kMaxReplications = 1'000'000;
inline constexpr std::int64_t kMaxCount = 100'000;
inline constexpr std::int64_t kMaxCustomers = 10'000'000;

inline constexpr double kMaxInboundLeadsPerMonth = 100'000;    ///< per territory
inline constexpr double kMaxProspectingLeadsPerMonth = 1'000;  ///< per person
inline constexpr std::int64_t kMaxInitialCustomers = 1'000'000;
inline constexpr std::int64_t kMaxPlannedPeople = 100'000;  ///< starting staff plus dated hires
inline constexpr double kMaxSeasonalMultiplier = 10;
inline constexpr double kMaxMoney = 1e15;  ///< any amount, in the scenario's currency
/// Any multiplier of a rate, a size, a duration or a chance.
inline constexpr double kMaxFactor = 100;
inline constexpr double kMaxShare = 1e6;  ///< relative weights (shares are normalised)
/// Leads one sales-operations person screens a month: summed over the team (and subtracted when
/// someone leaves), a huge value would become infinite or swallow the others.
inline constexpr double kMaxScreenedLeadsPerMonth = 1e6;
inline constexpr double kMaxCoolOffMonths = 1'200;  ///< a century
/// Roles, territories, products, channels, segments and hire sources each: the model loops over
/// territories for every unassigned hire and keeps metrics per entry.
inline constexpr std::size_t kMaxNamedEntries = 1'000;
/// A renewal can at most lose all of a customer's MRR. The model clamps MRR at 0, so a distribution
/// with a far tail below -1 (a normal) is fine; a constant below -1 is a mistake. Growth compounds
/// every month: +50 % at most for each, and for their sum (check_combinations), gives at most
/// 1.5^600 (about 1e106) over the longest horizon, so MRR, cash and their squares in the summary's
/// variances stay finite (a squared 2^600, as +50 % each would allow, overflows).
inline constexpr double kMaxMonthlyExpansion = 0.5;

/// The reasons given after "must be at most ...".
inline constexpr std::string_view kEventsNote =
    " (a limit that keeps a replication from running for minutes; see \"Limits\" in "
    "docs/scenario-reference.md)";
inline constexpr std::string_view kMoneyNote = " (larger amounts are surely a typo)";
inline constexpr std::string_view kFactorNote = " (a multiplier above 100 is surely a typo)";

}  // namespace teamsim::app::loader
