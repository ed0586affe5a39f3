#pragma once

#include <cstddef>
#include <vector>

#include "models/random_draws.h"
#include "models/scenario_spec.h"

// Which customer segment a lead or an initial customer belongs to: the segments' shares in its
// territory (`segments[].territory_share`), or their overall shares without a territory.

namespace teamsim::model {

class SegmentMix {
 public:
  explicit SegmentMix(const ScenarioSpec& spec);

  bool empty() const { return shares_.empty(); }
  /// The segment picked by a uniform draw `u` among the shares of `territory` (kUnassigned: the
  /// segments' overall shares).
  std::size_t pick(std::size_t territory, double u) const;

 private:
  /// Picks by the shares of each territory, then by the overall shares.
  std::vector<WeightedPick> shares_;
};

}  // namespace teamsim::model
