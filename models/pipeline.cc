// The pipeline: lead arrivals (with seasonality and finite accounts), qualification, routing to
// reps with capacity, channel conversion, the specialist queue, and deal closes.
#include <algorithm>
#include <cassert>
#include <cmath>

#include "models/random_draws.h"
#include "models/replication.h"

namespace teamsim::model {
namespace {

std::uint32_t kind_of(EventKind kind) { return static_cast<std::uint32_t>(kind); }

/// The index chosen by a uniform draw among entries weighted by their share.
template <class T>
std::size_t pick_by_share(const std::vector<T>& entries, double u) {
  double total = 0;
  for (const T& entry : entries) total += entry.share;
  double cumulative = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    cumulative += entries[i].share;
    if (u * total < cumulative) return i;
  }
  return entries.size() - 1;
}

}  // namespace

std::size_t Replication::pick_segment(std::size_t territory, double u) const {
  const std::vector<double>& shares =
      segment_shares_[territory == kUnassigned ? segment_shares_.size() - 1 : territory];
  double total = 0;
  for (const double share : shares) total += share;
  double cumulative = 0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    cumulative += shares[i];
    if (u * total < cumulative) return i;
  }
  return shares.size() - 1;
}

Replication::Lead Replication::draw_lead(Stream routing, Stream deal, std::uint64_t key,
                                         std::size_t territory) {
  // Always the same draws in the same order, whatever happens to the lead afterwards.
  sim::Rng rng = substream(routing, key);
  Lead lead;
  lead.deal_stream = deal;
  lead.key = key;
  if (!spec_.products.empty()) lead.product = pick_by_share(spec_.products, uniform01(rng));
  if (!spec_.channels.empty()) lead.channel = pick_by_share(spec_.channels, uniform01(rng));
  lead.unqualified = uniform01(rng) < spec_.pipeline.unqualified_lead_share;
  lead.screen_draw = uniform01(rng);
  lead.convert_draw = uniform01(rng);
  lead.account_draw = uniform01(rng);
  if (!spec_.segments.empty()) lead.segment = pick_segment(territory, uniform01(rng));
  return lead;
}

void Replication::draw_deal(Lead& lead) {
  // Most leads never become opportunities (no account left, screened out, nobody free, not
  // converted): drawing their deals only when they do skips the costliest draws (a beta win
  // rate, lognormal sizes and cycles) for them. The deal has its own stream, so it is the same
  // whenever it is drawn, in every plan, and whatever routing drew (a scenario with segments
  // draws one more uniform there).
  const PipelineSpec& pipeline = spec_.pipeline;
  const sim::Distribution* win_rate = &pipeline.win_rate;
  const sim::Distribution* cycle = &pipeline.sales_cycle_days;
  const sim::Distribution* size = &pipeline.deal_size_acv;
  double complex_share = pipeline.complex_share;
  if (lead.product != kUnassigned) {
    const ProductSpec& product = spec_.products[lead.product];
    win_rate = &product.win_rate;
    cycle = &product.sales_cycle_days;
    size = &product.deal_size_acv;
    complex_share = product.complex_share;
  }
  lead.rng = substream(lead.deal_stream, lead.key);
  sim::Rng& rng = lead.rng;
  lead.win_rate = std::clamp(draw(*win_rate, rng), 0.0, 1.0);
  lead.win_draw = uniform01(rng);
  lead.cycle_days = draw_nonnegative(*cycle, rng);
  lead.acv = draw_nonnegative(*size, rng);
  lead.complex = uniform01(rng) < complex_share;
  lead.help_days = draw_nonnegative(pipeline.specialist_help_days, rng);
}

void Replication::schedule_next_inbound(std::size_t territory) {
  // Arrivals at the peak seasonal rate, thinned to each month's rate when they arrive.
  const double rate_per_day =
      spec_.territories[territory].inbound_leads_per_month * season_max_ / kDaysPerMonth;
  const double wait = exponential_wait(inbound_arrivals_[territory], rate_per_day);
  if (std::isfinite(wait)) {
    simulator_.schedule_in(wait, priority::kLead, kind_of(EventKind::kInboundLead),
                           static_cast<std::uint32_t>(territory));
  }
}

void Replication::inbound_lead(std::size_t territory) {
  const SeasonalitySpec& season = spec_.seasonality;
  const int calendar = (season.start_month_of_year - 1 + current_month()) % 12;
  const double multiplier = season.leads[static_cast<std::size_t>(calendar)];
  const bool accepted = multiplier >= season_max_ ||
                        uniform01(inbound_arrivals_[territory]) * season_max_ < multiplier;
  if (accepted) {
    const std::uint64_t number = inbound_leads_[territory]++;
    const auto plus_territory = [territory](Stream stream) {
      return static_cast<Stream>(static_cast<sim::StreamId>(stream) +
                                 static_cast<sim::StreamId>(territory));
    };
    route_lead(territory, kNobody,
               draw_lead(plus_territory(Stream::kInboundLead), plus_territory(Stream::kInboundDeal),
                         number, territory));
  }
  schedule_next_inbound(territory);
}

namespace {

/// The stream index of (person, month): mix64 is a bijection, so different people's keys differ
/// in their high bits and the month only flips low ones.
std::uint64_t person_month_key(std::uint64_t person_key, int month) {
  return sim::mix64(person_key) ^ static_cast<std::uint64_t>(month);
}

}  // namespace

std::uint64_t Replication::prospected_lead_key(const Person& person) const {
  // The arrival's number within the month flips low bits of a mixed (person, month) key: a clash
  // needs a 2^-32 coincidence.
  return sim::mix64(person_month_key(person.key, person.prospect_month)) ^ (person.prospected - 1);
}

void Replication::schedule_next_prospect(std::uint32_t person_index) {
  // A Poisson process of rate r restarted at each month start from that month's own engine is
  // still a Poisson process of rate r (independent increments), and its arrivals after the day a
  // person starts selling are the Poisson process they would have drawn from that day on: the
  // same distribution as one engine started when they start selling. What changes is that the
  // draws belong to calendar months, not to time since hire: a rep hired in month 1 in one plan
  // and in month 4 in another finds the same leads from month 4 on.
  Person& person = people_[person_index];
  const double rate_per_day = role_of(person).prospecting_leads_per_month / kDaysPerMonth;
  if (rate_per_day <= 0) return;
  const double now = simulator_.now();
  const int month_now = static_cast<int>(std::floor(now / kDaysPerMonth));
  const auto start_month = [&](int month) {
    person.prospect_month = month;
    person.prospect_time = month * kDaysPerMonth;
    person.prospected = 0;
    person.prospect_rng =
        substream(Stream::kProspecting, person_month_key(person.key, person.prospect_month));
  };
  if (person.prospect_month < month_now) start_month(month_now);
  for (;;) {
    const double next = person.prospect_time + exponential_wait(person.prospect_rng, rate_per_day);
    const int month_end = person.prospect_month + 1;
    if (next >= month_end * kDaysPerMonth) {
      // Nothing more this month; past the horizon nothing would run.
      if (month_end >= spec_.horizon_months) return;
      start_month(month_end);
      continue;
    }
    person.prospect_time = next;
    ++person.prospected;
    if (next < now) continue;  // before they were selling: skipped, as in every plan
    person.next_prospect = simulator_.schedule_at(
        next, priority::kLead, kind_of(EventKind::kProspectedLead), person_index);
    return;
  }
}

std::uint32_t Replication::least_loaded_seller(std::size_t territory, bool need_capacity) const {
  std::uint32_t best = kNobody;
  for (const std::uint32_t candidate : sellers_by_territory_[territory]) {
    const Person& person = people_[candidate];
    if (need_capacity && person.open_opportunities >= role_of(person).max_open_opportunities) {
      continue;
    }
    // Sellers are kept in order of joining the territory, so ties go to the earliest.
    if (best == kNobody || person.open_opportunities < people_[best].open_opportunities) {
      best = candidate;
    }
  }
  return best;
}

void Replication::route_lead(std::size_t territory, std::uint32_t preferred_owner, Lead lead) {
  TerritoryAccounts& accounts = accounts_[territory];
  // With finite accounts, a lead exists only if it comes from an account still available.
  if (accounts.total > 0 &&
      lead.account_draw * accounts.total >= static_cast<double>(accounts_available(territory))) {
    return;
  }
  ++month_.leads;
  ++territory_month_[territory].leads;
  if (lead.segment != kUnassigned) segment_month_[lead.segment][0] += 1;
  if (lead.channel != kUnassigned) {
    const double cost = spec_.channels[lead.channel].cost_per_lead;
    channel_month_[lead.channel][0] += 1;
    if (cost > 0) {
      channel_month_[lead.channel][3] += cost;
      month_.channel_cost += cost;
      ledger_.pay(cost);
    }
  }
  if (lead.unqualified && sales_ops_ > 0) {
    const double coverage = std::min(1.0, screening_per_month_ / std::max(1.0, leads_last_month_));
    if (lead.screen_draw < spec_.pipeline.qualification_accuracy * coverage) {
      ++month_.disqualified;
      return;
    }
  }
  std::uint32_t owner = kNobody;
  if (preferred_owner != kNobody && people_[preferred_owner].seller) {
    const Person& person = people_[preferred_owner];
    if (person.open_opportunities < role_of(person).max_open_opportunities) {
      owner = preferred_owner;
    }
  } else {
    work_ += sellers_by_territory_[territory].size();
    owner = least_loaded_seller(territory, /*need_capacity=*/true);
  }
  if (owner == kNobody) {
    ++month_.leads_unworked;
    return;
  }
  const ChannelSpec* channel =
      lead.channel != kUnassigned ? &spec_.channels[lead.channel] : nullptr;
  if (channel != nullptr && lead.convert_draw >= channel->lead_conversion) {
    ++month_.not_converted;
    return;
  }
  draw_deal(lead);
  Opportunity opportunity;
  opportunity.owner = owner;
  opportunity.territory = territory;
  opportunity.open = true;
  opportunity.opened_at = simulator_.now();
  // A ramping rep wins in proportion to their productivity: the ramp is what they still learn.
  // An unqualified lead that slipped through takes the slot for its cycle and is never won.
  opportunity.win_probability = lead.unqualified ? 0.0
                                                 : lead.win_rate * productivity(people_[owner]) *
                                                       spec_.territories[territory].win_rate_factor;
  if (channel != nullptr) {
    opportunity.win_probability *= channel->win_rate_factor;
    lead.cycle_days *= channel->cycle_factor;
    channel_month_[lead.channel][1] += 1;
  }
  if (lead.segment != kUnassigned) {
    const SegmentSpec& segment = spec_.segments[lead.segment];
    opportunity.win_probability *= segment.win_rate_factor;
    lead.cycle_days *= segment.cycle_factor;
    segment_month_[lead.segment][1] += 1;
  }
  opportunity.lead = lead;
  const std::uint32_t index = store_opportunity(opportunity);
  if (accounts.total > 0) ++accounts.in_use;
  ++people_[owner].open_opportunities;
  ++open_opportunities_;
  ++month_.opportunities;
  ++territory_month_[territory].opportunities;
  if (!lead.complex) {
    schedule_close(index);
    return;
  }
  ++month_.complex;
  if (specialists_ == 0) {
    opportunities_[index].win_probability *= spec_.pipeline.unassisted_win_rate_factor;
    schedule_close(index);
    return;
  }
  opportunities_[index].waiting_since = simulator_.now();
  specialist_help_.request(index);
}

std::uint32_t Replication::store_opportunity(const Opportunity& opportunity) {
  std::uint32_t index;
  if (free_opportunities_.empty()) {
    index = static_cast<std::uint32_t>(opportunities_.size());
    opportunities_.push_back(opportunity);
  } else {
    index = free_opportunities_.back();
    free_opportunities_.pop_back();
    opportunities_[index] = opportunity;
  }
  return index;
}

void Replication::schedule_close(std::uint32_t index) {
  // A complex deal's cycle starts once a specialist is granted: waiting delays the close.
  simulator_.schedule_in(opportunities_[index].lead.cycle_days, priority::kDealClose,
                         kind_of(EventKind::kOpportunityClosed), index);
}

void Replication::close_unassisted(std::uint32_t index) {
  opportunities_[index].win_probability *= spec_.pipeline.unassisted_win_rate_factor;
  schedule_close(index);
}

void Replication::grant_specialist(std::uint32_t index) {
  Opportunity& opportunity = opportunities_[index];
  ++month_.specialist_grants;
  month_.specialist_wait_sum += simulator_.now() - opportunity.waiting_since;
  opportunity.win_probability *= spec_.pipeline.specialist_win_rate_factor;
  schedule_close(index);
  simulator_.schedule_in(opportunity.lead.help_days, priority::kRelease,
                         kind_of(EventKind::kSpecialistReleased));
}

void Replication::close_opportunity(std::uint32_t index) {
  Opportunity& opportunity = opportunities_[index];
  assert(opportunity.open);
  opportunity.open = false;
  free_opportunities_.push_back(index);
  --open_opportunities_;
  if (opportunity.owner != kNobody) --people_[opportunity.owner].open_opportunities;
  month_.cycle_days_sum += simulator_.now() - opportunity.opened_at;
  const SeasonalitySpec& season = spec_.seasonality;
  const int calendar = (season.start_month_of_year - 1 + current_month()) % 12;
  const double probability = std::min(
      1.0, opportunity.win_probability * season.closing[static_cast<std::size_t>(calendar)]);
  const std::size_t territory = opportunity.territory;
  const Lead& lead = opportunity.lead;
  if (lead.win_draw < probability) {
    double acv = lead.acv * spec_.territories[territory].deal_size_factor;
    if (lead.segment != kUnassigned) {
      acv *= spec_.segments[lead.segment].deal_size_factor;
      segment_month_[lead.segment][2] += 1;
      segment_month_[lead.segment][3] += acv;
    }
    ++month_.won;
    month_.bookings += acv;
    ++territory_month_[territory].wins;
    territory_month_[territory].bookings += acv;
    if (lead.product != kUnassigned) {
      product_month_[lead.product][0] += 1;
      product_month_[lead.product][1] += acv;
    }
    if (lead.channel != kUnassigned) channel_month_[lead.channel][2] += 1;
    if (opportunity.owner != kNobody) {
      Person& owner = people_[opportunity.owner];
      owner.bookings[static_cast<std::size_t>(months_recorded_ % 12)] += acv;
      const RoleSpec& role = role_of(owner);
      if (role.annual_quota > 0 && role.on_target_earnings > role.annual_salary) {
        const double commission =
            acv * (role.on_target_earnings - role.annual_salary) / role.annual_quota;
        month_.commission += commission;
        ledger_.pay(commission);
      }
    }
    add_customer(acv / 12.0, lead.rng, territory, lead.segment);
  } else {
    ++month_.lost;
    if (accounts_[territory].total > 0) {
      --accounts_[territory].in_use;
      cool_off_account(territory);
    }
  }
}

void Replication::cool_off_account(std::size_t territory) {
  const double days = spec_.territories[territory].cool_off_months * kDaysPerMonth;
  if (days <= 0) return;
  accounts_[territory].cooling_until.push_back(simulator_.now() + days);
}

int Replication::accounts_available(std::size_t territory) {
  TerritoryAccounts& accounts = accounts_[territory];
  // An account whose cool-off ends now is available to what runs after releases at this
  // instant (priority::kRelease), as if its end were an event of that priority.
  const double now = simulator_.now();
  const bool released_now = current_priority_ > priority::kRelease;
  while (!accounts.cooling_until.empty() &&
         (accounts.cooling_until.front() < now ||
          (accounts.cooling_until.front() == now && released_now))) {
    accounts.cooling_until.pop_front();
  }
  return accounts.total - accounts.in_use - static_cast<int>(accounts.cooling_until.size());
}

}  // namespace teamsim::model
