#include "models/lead_router.h"

#include <algorithm>
#include <cassert>
#include <queue>
#include <utility>
#include <vector>

namespace teamsim::model {

LeadRouter::LeadRouter(const Organisation& organisation, LeadRouting rule, std::size_t territories)
    : organisation_(organisation),
      rule_(rule),
      indexed_(rule == LeadRouting::kRampedFirst || rule == LeadRouting::kLeastLoaded),
      territories_(territories) {}

LeadRouter::Seat& LeadRouter::seat(std::uint32_t person) {
  if (person >= seats_.size()) seats_.resize(person + 1);
  return seats_[person];
}

void LeadRouter::unindex(std::uint32_t person) {
  const Seat& held = seats_[person];
  const int held_load = static_cast<int>(held.opportunities.size());
  if (held.state == SeatState::kIndexed && held_load < held.max_open) {
    territories_[held.territory].with_room.erase(held.order, held_load);
  }
}

void LeadRouter::reindex(std::uint32_t person) {
  const Seat& held = seats_[person];
  const int held_load = static_cast<int>(held.opportunities.size());
  if (held.state == SeatState::kIndexed && held_load < held.max_open) {
    territories_[held.territory].with_room.insert(held.order, person, held_load);
  }
}

void LeadRouter::load_changed(std::uint32_t person, int old_load) {
  const Seat& held = seats_[person];
  if (held.state != SeatState::kIndexed) return;
  const int new_load = static_cast<int>(held.opportunities.size());
  LeastLoadedIndex& with_room = territories_[held.territory].with_room;
  const bool had_room = old_load < held.max_open;
  const bool has_room = new_load < held.max_open;
  if (had_room && has_room) {
    with_room.change_load(held.order, new_load);
  } else if (had_room) {
    with_room.erase(held.order, old_load);
  } else if (has_room) {
    with_room.insert(held.order, person, new_load);
  }
}

void LeadRouter::assign(std::uint32_t person, std::uint32_t opportunity) {
  Seat& held = seat(person);
  held.opportunities.push_back(opportunity);
  load_changed(person, static_cast<int>(held.opportunities.size()) - 1);
}

void LeadRouter::unassign(std::uint32_t person, std::uint32_t opportunity) {
  // The owner has a seat since assign: looked up directly, not through seat(), which GCC called
  // out of line here with its growth path (0.4 % of a reference replication, docs/performance.md).
  assert(person < seats_.size());
  Seat& held = seats_[person];
  const auto found = std::find(held.opportunities.begin(), held.opportunities.end(), opportunity);
  assert(found != held.opportunities.end());
  *found = held.opportunities.back();
  held.opportunities.pop_back();
  load_changed(person, static_cast<int>(held.opportunities.size()) + 1);
}

void LeadRouter::joined(std::uint32_t person) {
  const Organisation::Person& joining = organisation_.person(person);
  Seat& held = seat(person);
  Territory& territory = territories_[joining.territory];
  held.territory = joining.territory;
  held.order = ++territory.joined;
  held.max_open = organisation_.role_of(joining).max_open_opportunities;
  if (!indexed_) {
    held.state = SeatState::kOut;
  } else if (rule_ == LeadRouting::kLeastLoaded || organisation_.ramp_ended(joining)) {
    held.state = SeatState::kIndexed;
    reindex(person);
  } else {
    held.state = SeatState::kRamping;
    territory.ramping.push_back(person);
    territory.next_watch = std::min(territory.next_watch, watch_time(person));
  }
}

void LeadRouter::leave_territory(std::uint32_t person) {
  if (person >= seats_.size()) return;
  Seat& held = seats_[person];
  unindex(person);
  if (held.state == SeatState::kRamping) std::erase(territories_[held.territory].ramping, person);
  held.state = SeatState::kOut;
}

void LeadRouter::moved(std::uint32_t person) {
  leave_territory(person);
  joined(person);
}

std::vector<std::uint32_t> LeadRouter::left(std::uint32_t person) {
  leave_territory(person);
  if (person >= seats_.size()) return {};
  std::vector<std::uint32_t> open = std::move(seats_[person].opportunities);
  seats_[person].opportunities.clear();
  std::sort(open.begin(), open.end());
  return open;
}

double LeadRouter::watch_time(std::uint32_t person) const {
  const Organisation::Person& ramping = organisation_.person(person);
  return ramping.selling_from + ramping.ramp_days * (1 - 1e-6);
}

bool LeadRouter::promote_ramped(std::size_t territory, double now) {
  Territory& sellers = territories_[territory];
  bool near_the_end = false;
  double next_watch = kNever;
  for (std::size_t i = 0; i < sellers.ramping.size();) {
    const std::uint32_t person = sellers.ramping[i];
    if (organisation_.ramp_ended(organisation_.person(person))) {
      sellers.ramping[i] = sellers.ramping.back();
      sellers.ramping.pop_back();
      seats_[person].state = SeatState::kIndexed;
      reindex(person);
      continue;
    }
    const double watch = watch_time(person);
    near_the_end = near_the_end || watch <= now;
    next_watch = std::min(next_watch, watch);
    ++i;
  }
  sellers.next_watch = next_watch;
  return near_the_end;
}

std::uint32_t LeadRouter::best_ramping(std::size_t territory) const {
  // Ramping sellers in no particular order: ties in ramp and load go to the earliest joiner.
  std::uint32_t best = kNobody;
  double best_ramp = -1;
  for (const std::uint32_t candidate : territories_[territory].ramping) {
    if (!has_room(candidate)) continue;
    const double ramp = organisation_.ramp_value(organisation_.person(candidate));
    if (best == kNobody || ramp > best_ramp ||
        (ramp == best_ramp &&
         (load(candidate) < load(best) ||
          (load(candidate) == load(best) && seats_[candidate].order < seats_[best].order)))) {
      best = candidate;
      best_ramp = ramp;
    }
  }
  return best;
}

std::uint32_t LeadRouter::ramped_first(std::size_t territory, double now) {
  // A seller whose ramp has ended (ramp value 1) beats every seller still ramping, whose value is
  // below 1 until a millionth of their ramp before its end: only then is the scan needed.
  if (now >= territories_[territory].next_watch && promote_ramped(territory, now)) {
    return most_ramped(territory, /*need_room=*/true);
  }
  const LeastLoadedIndex& with_room = territories_[territory].with_room;
  return with_room.empty() ? best_ramping(territory) : with_room.front();
}

std::uint32_t LeadRouter::route(std::size_t territory, double route_draw, double now) {
  std::uint32_t chosen = kNobody;
  switch (rule_) {
    case LeadRouting::kRampedFirst:
      chosen = ramped_first(territory, now);
      assert(chosen == route_by_scan(territory));
      return chosen;
    case LeadRouting::kLeastLoaded:
      chosen = territories_[territory].with_room.front();
      assert(chosen == route_by_scan(territory));
      return chosen;
    case LeadRouting::kRoundRobin:
      return next_in_turn(territory);
    case LeadRouting::kProductivityWeighted:
      return weighted_by_productivity(territory, route_draw);
  }
  return chosen;
}

std::uint32_t LeadRouter::route_by_scan(std::size_t territory) const {
  return rule_ == LeadRouting::kLeastLoaded ? least_loaded(territory)
                                            : most_ramped(territory, /*need_room=*/true);
}

std::uint32_t LeadRouter::company_seller_with_room() const {
  // Each territory's best (ties there to the earliest joiner), then the best of those: a later
  // territory's only when strictly better, so ties go to the territory listed first.
  std::uint32_t best = kNobody;
  double best_ramp = -1;
  for (std::size_t t = 0; t < territories_.size(); ++t) {
    const std::uint32_t candidate = most_ramped(t, /*need_room=*/true);
    if (candidate == kNobody) continue;
    const double ramp = ramp_now(candidate);
    if (ranks_before(candidate, ramp, best, best_ramp)) {
      best = candidate;
      best_ramp = ramp;
    }
  }
  return best;
}

std::vector<std::uint32_t> LeadRouter::successors(std::size_t territory, std::size_t count) const {
  const std::vector<std::uint32_t>& colleagues = organisation_.sellers_in(territory);
  if (!colleagues.empty()) return most_ramped_least_loaded(colleagues, count);
  // Nobody left selling in the territory: a seller of another territory covers the deals, as a
  // sales leader would have one do, rather than leave them to die unworked. Territories in the
  // order listed, each one's sellers in joining order, so ties go to the first listed.
  std::vector<std::uint32_t> company;
  for (std::size_t t = 0; t < territories_.size(); ++t) {
    const std::vector<std::uint32_t>& sellers = organisation_.sellers_in(t);
    company.insert(company.end(), sellers.begin(), sellers.end());
  }
  if (company.empty()) return std::vector<std::uint32_t>(count, kNobody);
  return most_ramped_least_loaded(company, count);
}

std::vector<std::uint32_t> LeadRouter::most_ramped_least_loaded(
    const std::vector<std::uint32_t>& sellers, std::size_t count) const {
  // Time stands still while a leaver's deals pass on, so the ramp values do too: the takers are
  // always the sellers with the highest ramp value, and each hand-over adds one to its taker's
  // load. A heap of (load, position in `sellers`) over them gives, deal after deal, the most
  // ramped, least loaded, earliest listed seller.
  using Candidate = std::pair<int, std::size_t>;  // (load, position among the sellers)
  std::vector<Candidate> most_ramped;
  double best_ramp = -1;
  for (std::size_t i = 0; i < sellers.size(); ++i) {
    const double ramp = ramp_now(sellers[i]);
    if (ramp > best_ramp) {
      best_ramp = ramp;
      most_ramped.clear();
    }
    if (ramp == best_ramp) most_ramped.emplace_back(load(sellers[i]), i);
  }
  std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> candidates(
      std::greater<>{}, std::move(most_ramped));
  std::vector<std::uint32_t> takers;
  takers.reserve(count);
  for (std::size_t deal = 0; deal < count; ++deal) {
    const auto [taker_load, position] = candidates.top();
    candidates.pop();
    takers.push_back(sellers[position]);
    candidates.emplace(taker_load + 1, position);
  }
  return takers;
}

double LeadRouter::ramp_now(std::uint32_t seller) const {
  // Most of a territory's sellers have usually ramped: their value is 1 without the curve.
  const Organisation::Person& person = organisation_.person(seller);
  return organisation_.ramp_ended(person) ? 1.0 : organisation_.ramp_value(person);
}

bool LeadRouter::ranks_before(std::uint32_t candidate, double ramp, std::uint32_t best,
                              double best_ramp) const {
  return best == kNobody || ramp > best_ramp || (ramp == best_ramp && load(candidate) < load(best));
}

std::uint32_t LeadRouter::most_ramped(std::size_t territory, bool need_room) const {
  std::uint32_t best = kNobody;
  double best_ramp = -1;
  for (const std::uint32_t candidate : organisation_.sellers_in(territory)) {
    if (need_room && !has_room(candidate)) continue;
    const double ramp = ramp_now(candidate);
    // Sellers are kept in order of joining the territory, so ties go to the earliest.
    if (ranks_before(candidate, ramp, best, best_ramp)) {
      best = candidate;
      best_ramp = ramp;
    }
  }
  return best;
}

std::uint32_t LeadRouter::least_loaded(std::size_t territory) const {
  std::uint32_t best = kNobody;
  for (const std::uint32_t candidate : organisation_.sellers_in(territory)) {
    if (!has_room(candidate)) continue;
    // Ties go to the earliest joiner.
    if (best == kNobody || load(candidate) < load(best)) best = candidate;
  }
  return best;
}

std::uint32_t LeadRouter::next_in_turn(std::size_t territory) {
  // The territory's sellers are listed in joining order. The turn goes to the first who joined
  // after the last one given a lead; found by joining order, not by position, because sellers
  // before that one in the list may have left since (their going shifts the positions).
  const std::vector<std::uint32_t>& sellers = organisation_.sellers_in(territory);
  std::uint64_t& turn_after = territories_[territory].turn_after;
  const auto first = static_cast<std::size_t>(
      std::find_if(sellers.begin(), sellers.end(),
                   [&](std::uint32_t person) { return seats_[person].order > turn_after; }) -
      sellers.begin());
  for (std::size_t tried = 0; tried < sellers.size(); ++tried) {
    const std::size_t position = (first + tried) % sellers.size();
    if (has_room(sellers[position])) {
      turn_after = seats_[sellers[position]].order;
      return sellers[position];
    }
  }
  return kNobody;
}

std::uint32_t LeadRouter::weighted_by_productivity(std::size_t territory, double route_draw) const {
  double total = 0;
  for (const std::uint32_t candidate : organisation_.sellers_in(territory)) {
    if (has_room(candidate)) total += organisation_.productivity(organisation_.person(candidate));
  }
  // Nobody productive yet (everyone at the start of a step ramp): the least loaded.
  if (total <= 0) return least_loaded(territory);
  double cumulative = 0;
  std::uint32_t last = kNobody;
  for (const std::uint32_t candidate : organisation_.sellers_in(territory)) {
    if (!has_room(candidate)) continue;
    cumulative += organisation_.productivity(organisation_.person(candidate));
    last = candidate;
    if (route_draw * total < cumulative) return candidate;
  }
  return last;
}

}  // namespace teamsim::model
