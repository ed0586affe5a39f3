#pragma once

#include <cstdint>
#include <vector>

#include "models/organisation.h"

// Which seller of a territory a lead goes to (pipeline.routing), and how many open
// opportunities each seller holds: the rules of docs/scenario-reference.md, "Lead routing".

namespace teamsim::model {

class LeadRouter {
 public:
  LeadRouter(const Organisation& organisation, LeadRouting rule, std::size_t territories);

  /// Open opportunities the person owns.
  int load(std::uint32_t person) const { return person < load_.size() ? load_[person] : 0; }
  void add_load(std::uint32_t person, int delta);
  /// Fewer open opportunities than the role's max_open_opportunities.
  bool has_room(std::uint32_t person) const;

  /// The seller of the territory a lead goes to under the rule, among those with room; kNobody
  /// when nobody has room. `route_draw` is the lead's own uniform draw (productivity_weighted).
  std::uint32_t route(std::size_t territory, double route_draw);
  /// Who takes over a leaver's open opportunity: the most ramped seller of the territory, the
  /// fewest open opportunities among equals, room or not; kNobody without sellers.
  std::uint32_t successor(std::size_t territory) const;

 private:
  /// The most ramped sellers first, the fewest open opportunities among equals, ties to the
  /// earliest joiner.
  std::uint32_t most_ramped(std::size_t territory, bool need_room) const;
  std::uint32_t least_loaded(std::size_t territory) const;
  std::uint32_t next_in_turn(std::size_t territory);
  std::uint32_t weighted_by_productivity(std::size_t territory, double route_draw) const;

  const Organisation& organisation_;
  LeadRouting rule_;
  std::vector<int> load_;          ///< open opportunities, by person index
  std::vector<std::size_t> turn_;  ///< round robin: the next position in each territory's sellers
};

}  // namespace teamsim::model
