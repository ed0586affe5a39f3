#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/projection.h"

// Limits checked before a run starts, so that a run too large for the machine is refused with a
// message that says what to change instead of exhausting memory halfway through.
// See docs/reliability.md.

namespace teamsim::app {

/// The environment variable that overrides the memory limit, e.g. TEAMSIM_MEMORY_LIMIT=40G.
inline constexpr const char* kMemoryLimitVariable = "TEAMSIM_MEMORY_LIMIT";

/// The most memory a run may allocate for its samples, and where that figure comes from.
struct MemoryLimit {
  double bytes = 0;
  std::string origin;  ///< e.g. "half of this machine's 24 GB" or "TEAMSIM_MEMORY_LIMIT=40G"
};

/// A byte count written as a number with an optional unit: "500M", "40G", "1.5T", "40GB",
/// "123456" (bytes). Units are decimal (K = 1e3, M = 1e6, G = 1e9, T = 1e12), as in the messages
/// teamsim prints; nullopt for anything else, zero or a negative number.
std::optional<double> parse_byte_count(std::string_view text);

/// A byte count for people: "850 kB", "48 GB", "1.2 TB" (decimal units, two significant digits
/// at most after the point for small values).
std::string human_bytes(double bytes);

/// The physical memory of the machine, or the memory limit of its control group when lower, in
/// bytes; 0 when it cannot be found.
double usable_physical_memory();

/// The limit from `variable_value` (the value of TEAMSIM_MEMORY_LIMIT, or nullptr when unset)
/// or else half of `physical_bytes`. Throws std::runtime_error with a teaching message when the
/// variable is set to something that is not a byte count.
MemoryLimit memory_limit(const char* variable_value, double physical_bytes);

/// memory_limit for this process: its environment and this machine.
MemoryLimit memory_limit();

/// Returns when `need` fits within `limit`; else throws UsageError with the refusal, e.g. "this
/// run needs ~48 GB for exact percentiles (2,000,000 replications × 120 months × 25 metrics × 8
/// bytes), more than the limit of 12 GB (half of this machine's 24 GB); use fewer replications or
/// ...". `what` starts the sentence ("this run"); `remedies` completes "use fewer replications"
/// with what else the command offers (may be empty).
void refuse_above_memory_limit(const model::SampleMemory& need, const MemoryLimit& limit,
                               std::string_view what, std::string_view remedies);

/// model::project; a model::LimitExceeded it throws is nested in an Error "cannot run WHICH" (e.g.
/// "cannot run plan \"hire-early\"" or "cannot run sweep point ramp_months=6"): a command that
/// runs several projections says which one passed a limit, and the cause keeps its type.
model::Projection project_or_name_the_failure(const std::string& which,
                                              const model::ScenarioSpec& spec,
                                              const model::ProjectionOptions& options);

}  // namespace teamsim::app
