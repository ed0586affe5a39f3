#pragma once

#include <cstdint>
#include <vector>

#include "models/least_loaded_index.h"
#include "models/organisation.h"

// Which seller of a territory a lead goes to (pipeline.routing), and which open opportunities each
// seller holds: the rules of docs/scenario-reference.md, "Lead routing".

namespace teamsim::model {

class LeadRouter {
 public:
  LeadRouter(const Organisation& organisation, LeadRouting rule, std::size_t territories);

  /// Open opportunities the person owns.
  int load(std::uint32_t person) const {
    return person < seats_.size() ? static_cast<int>(seats_[person].opportunities.size()) : 0;
  }
  /// The person now owns the open opportunity.
  void assign(std::uint32_t person, std::uint32_t opportunity);
  /// The person no longer owns the opportunity (it closed).
  void unassign(std::uint32_t person, std::uint32_t opportunity);
  /// Fewer open opportunities than the role's max_open_opportunities. Inline: every prospected
  /// lead and every routing scan asks it (docs/performance.md).
  bool has_room(std::uint32_t person) const {
    return load(person) <
           organisation_.role_of(organisation_.person(person)).max_open_opportunities;
  }

  /// The seller joined the sellers of their territory (started selling, or moved there).
  void joined(std::uint32_t person);
  /// The seller left their territory's sellers by moving to another: joined there.
  void moved(std::uint32_t person);
  /// The seller left: their open opportunities, in increasing index order, which they no longer
  /// own.
  std::vector<std::uint32_t> left(std::uint32_t person);

  /// The seller of the territory a lead goes to under the rule, among those with room; kNobody
  /// when nobody has room. `route_draw` is the lead's own uniform draw (productivity_weighted);
  /// `now` the simulation time (days).
  std::uint32_t route(std::size_t territory, double route_draw, double now);
  /// The seller of another territory who takes a lead of a territory nobody sells in
  /// (pipeline.vacant_territory_leads: company): among every seller of the company with room,
  /// the highest ramp value, then the fewest open opportunities, then the territory listed
  /// first, then the earliest to join it (successors' rule, with room); kNobody when nobody
  /// has room anywhere.
  std::uint32_t company_seller_with_room() const;
  /// The seller route() chooses under ramped_first or least_loaded, found by looking through
  /// every seller of the territory instead of the index (what the index must agree with).
  std::uint32_t route_by_scan(std::size_t territory) const;
  /// Who takes over each of a leaver's `count` open opportunities, handed over one by one: the
  /// most ramped seller of the territory, the fewest open opportunities among equals (counting
  /// the ones handed over before), ties to the earliest joiner, room or not. With nobody left
  /// selling in the territory, the same among every seller of the company (ties to the territory
  /// listed first); kNobody when nobody sells anywhere. One look through the sellers for all of
  /// them, not one per deal.
  std::vector<std::uint32_t> successors(std::size_t territory, std::size_t count) const;

 private:
  enum class SeatState { kOut, kRamping, kIndexed };
  /// A seller's place in their territory.
  struct Seat {
    std::vector<std::uint32_t> opportunities;  ///< open ones the seller owns
    std::uint64_t order = 0;                   ///< joining order in the territory
    std::size_t territory = 0;
    SeatState state = SeatState::kOut;
    int max_open = 0;
  };
  /// The sellers of a territory as the least-loaded index sees them (ramped_first, least_loaded).
  struct Territory {
    /// ramped_first: sellers whose ramp has ended; least_loaded: every seller; with room only.
    LeastLoadedIndex with_room;
    std::vector<std::uint32_t> ramping;  ///< ramped_first: sellers still ramping
    /// No seller of `ramping` can have a ramp value of 1 before this time (days).
    double next_watch = kNever;
    std::uint64_t joined = 0;  ///< sellers that joined so far
    /// round robin: the joining order after which the turn goes on (that of the last seller
    /// given a lead, who may have left since; 0 before the first lead, as orders start at 1).
    std::uint64_t turn_after = 0;
  };

  Seat& seat(std::uint32_t person);
  /// Takes an indexed seller with room out of the index (leaving) or puts them in (joining, or
  /// their ramp ended).
  void unindex(std::uint32_t person);
  void reindex(std::uint32_t person);
  /// The seller's load went from `old_load` to their number of open opportunities: their place
  /// in the index moves (or they leave or enter it as they fill up or get room again).
  void load_changed(std::uint32_t person, int old_load);
  void leave_territory(std::uint32_t person);
  /// Moves the sellers whose ramp has ended into the index; true when a seller still ramping may
  /// have a ramp value of 1 already (S-curve rounding at the very end of the ramp).
  bool promote_ramped(std::size_t territory, double now);
  /// The time from which the seller's ramp value might round to 1: a millionth of their ramp
  /// before it ends.
  double watch_time(std::uint32_t person) const;
  std::uint32_t ramped_first(std::size_t territory, double now);
  std::uint32_t best_ramping(std::size_t territory) const;

  /// True when `candidate` (ramp value `ramp`) goes before `best` (kNobody: nobody yet) as the
  /// most ramped, least loaded seller: a higher ramp value, or an equal one and fewer open
  /// opportunities. Equals keep `best`, the one met first.
  bool ranks_before(std::uint32_t candidate, double ramp, std::uint32_t best,
                    double best_ramp) const;
  /// The most ramped sellers first, the fewest open opportunities among equals, ties to the
  /// earliest joiner: a scan of the territory's sellers.
  std::uint32_t most_ramped(std::size_t territory, bool need_room) const;
  /// successors() among `sellers`, listed in the order that breaks ties.
  std::vector<std::uint32_t> most_ramped_least_loaded(const std::vector<std::uint32_t>& sellers,
                                                      std::size_t count) const;
  /// The seller's ramp value now (1 once their ramp has ended).
  double ramp_now(std::uint32_t seller) const;
  std::uint32_t least_loaded(std::size_t territory) const;
  std::uint32_t next_in_turn(std::size_t territory);
  std::uint32_t weighted_by_productivity(std::size_t territory, double route_draw) const;

  const Organisation& organisation_;
  LeadRouting rule_;
  /// ramped_first and least_loaded keep an index of sellers with room: no scan per lead.
  bool indexed_;
  std::vector<Seat> seats_;  ///< by person index
  std::vector<Territory> territories_;
};

}  // namespace teamsim::model
