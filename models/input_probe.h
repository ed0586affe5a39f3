#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "models/scenario_spec.h"
#include "sim/distribution.h"

// Instruments the draws of a scenario's uncertain inputs (models/uncertain_inputs.h) for
// sensitivity analysis. Every draw of an input still samples its distribution, consuming its
// random stream exactly as an uninstrumented run does, and only then is the value replaced by the
// pinned one: so a run with an input pinned stays on common random numbers with the base run in
// every other draw, and an input the metric cannot depend on changes nothing at all.

namespace teamsim::model {

/// What to do with the uncertain inputs of a projection.
struct InputProbeOptions {
  /// By input index (list_uncertain_inputs order): a value every draw of that input gives instead
  /// of its sample. Shorter than the input list, or nullopt: the input is drawn as usual.
  std::vector<std::optional<double>> pinned;
  /// Record, per replication, the mean of the values each input gave.
  bool record = false;
};

/// One replication's draws of each input: their sum and how many there were.
struct InputDrawTotals {
  std::vector<double> sum;
  std::vector<std::uint64_t> count;
};

/// The uncertain inputs of one scenario, found by address, with what to do to their draws.
/// Built once per projection and shared read-only by its replications.
class InputProbe {
 public:
  /// `spec` must outlive the probe and be the very object the replications draw from.
  InputProbe(const ScenarioSpec& spec, InputProbeOptions options);

  /// Number of uncertain inputs.
  std::size_t size() const { return index_.size(); }
  /// Empty totals for one replication.
  InputDrawTotals make_totals() const;
  /// The value the model uses for a draw `drawn` of `input`: the pinned value if there is one,
  /// else `drawn`; recorded in `totals` when recording. Throws std::logic_error when `input` is
  /// not one of the scenario's uncertain inputs (a Distribution field missing from the visitor).
  double observe(const sim::Distribution& input, double drawn, InputDrawTotals& totals) const;

 private:
  std::unordered_map<const sim::Distribution*, std::size_t> index_;
  InputProbeOptions options_;
};

}  // namespace teamsim::model
