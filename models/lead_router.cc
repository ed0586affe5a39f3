#include "models/lead_router.h"

namespace teamsim::model {

LeadRouter::LeadRouter(const Organisation& organisation, LeadRouting rule, std::size_t territories)
    : organisation_(organisation), rule_(rule), turn_(territories, 0) {}

void LeadRouter::add_load(std::uint32_t person, int delta) {
  if (person >= load_.size()) load_.resize(person + 1, 0);
  load_[person] += delta;
}

bool LeadRouter::has_room(std::uint32_t person) const {
  return load(person) < organisation_.role_of(organisation_.person(person)).max_open_opportunities;
}

std::uint32_t LeadRouter::route(std::size_t territory, double route_draw) {
  switch (rule_) {
    case LeadRouting::kRampedFirst:
      return most_ramped(territory, /*need_room=*/true);
    case LeadRouting::kLeastLoaded:
      return least_loaded(territory);
    case LeadRouting::kRoundRobin:
      return next_in_turn(territory);
    case LeadRouting::kProductivityWeighted:
      return weighted_by_productivity(territory, route_draw);
  }
  return kNobody;
}

std::uint32_t LeadRouter::successor(std::size_t territory) const {
  return most_ramped(territory, /*need_room=*/false);
}

std::uint32_t LeadRouter::most_ramped(std::size_t territory, bool need_room) const {
  std::uint32_t best = kNobody;
  double best_ramp = -1;
  for (const std::uint32_t candidate : organisation_.sellers_in(territory)) {
    if (need_room && !has_room(candidate)) continue;
    // Most of a territory's sellers have usually ramped: their value is 1 without the curve.
    const Organisation::Person& person = organisation_.person(candidate);
    const double ramp = organisation_.ramp_ended(person) ? 1.0 : organisation_.ramp_value(person);
    // Sellers are kept in order of joining the territory, so ties go to the earliest.
    if (best == kNobody || ramp > best_ramp ||
        (ramp == best_ramp && load(candidate) < load(best))) {
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
  const std::vector<std::uint32_t>& sellers = organisation_.sellers_in(territory);
  for (std::size_t tried = 0; tried < sellers.size(); ++tried) {
    const std::size_t position = (turn_[territory] + tried) % sellers.size();
    if (has_room(sellers[position])) {
      turn_[territory] = position + 1;
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
