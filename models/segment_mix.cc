#include "models/segment_mix.h"

#include "models/events.h"
#include "models/random_draws.h"

namespace teamsim::model {

SegmentMix::SegmentMix(const ScenarioSpec& spec) {
  if (spec.segments.empty()) return;
  for (const TerritorySpec& territory : spec.territories) {
    std::vector<double> shares;
    for (const SegmentSpec& segment : spec.segments) {
      shares.push_back(segment.share_in(territory.name));
    }
    shares_.emplace_back(shares);
  }
  std::vector<double> overall;
  for (const SegmentSpec& segment : spec.segments) overall.push_back(segment.share);
  shares_.emplace_back(overall);
}

std::size_t SegmentMix::pick(std::size_t territory, double u) const {
  return shares_[territory == kUnassigned ? shares_.size() - 1 : territory](u);
}

}  // namespace teamsim::model
