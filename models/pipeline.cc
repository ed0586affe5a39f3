#include "models/pipeline.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <deque>
#include <optional>
#include <string>

#include "models/random_draws.h"
#include "sim/replication_runner.h"

namespace teamsim::model {
namespace {

/// A product's or channel's weight when a lead picks one.
constexpr auto share_of = [](const auto& entry) { return entry.share; };

/// The stream index of (person, month): mix64 is a bijection, so different people's keys differ
/// in their high bits and the month only flips low ones.
std::uint64_t person_month_key(std::uint64_t person_key, int month) {
  return sim::mix64(person_key) ^ static_cast<std::uint64_t>(month);
}

/// Sorts `items` stably by `before`, given that they are runs each sorted already: run i is
/// [bounds[i], bounds[i + 1]), and bounds ends with items.size(). Neighbouring runs merge pairwise
/// (std::merge takes the left run's element first on equal keys), so the order is a stable
/// sort's, in log2(runs) passes.
template <class T, class Before>
void merge_sorted_runs(std::vector<T>& items, std::vector<std::size_t> bounds, Before before) {
  std::vector<T> merged(items.size());
  const auto at = [](std::vector<T>& v, std::size_t i) {
    return v.begin() + static_cast<std::ptrdiff_t>(i);
  };
  while (bounds.size() > 2) {
    std::vector<std::size_t> merged_bounds;
    std::size_t run = 0;
    for (; run + 2 < bounds.size(); run += 2) {
      std::merge(at(items, bounds[run]), at(items, bounds[run + 1]), at(items, bounds[run + 1]),
                 at(items, bounds[run + 2]), at(merged, bounds[run]), before);
      merged_bounds.push_back(bounds[run]);
    }
    if (run + 1 < bounds.size()) {  // the last run, without a neighbour this pass
      std::copy(at(items, bounds[run]), at(items, bounds[run + 1]), at(merged, bounds[run]));
      merged_bounds.push_back(bounds[run]);
    }
    merged_bounds.push_back(items.size());
    items.swap(merged);
    bounds = std::move(merged_bounds);
  }
}

/// A millionth of a day: a time this far inside a month's ends (m x kDaysPerMonth and
/// (m + 1) x kDaysPerMonth) is in month m by floor(time / kDaysPerMonth), which rounding moves by
/// about 1e-14 of a month at most; so its month is known without the division
/// (docs/performance.md).
constexpr double kMonthMargin = 1e-6;

Stream plus_territory(Stream stream, std::size_t territory) {
  return static_cast<Stream>(static_cast<sim::StreamId>(stream) +
                             static_cast<sim::StreamId>(territory));
}

}  // namespace

Pipeline::Pipeline(ModelContext& context, Organisation& organisation, CustomerBase& customers,
                   AccountPool& accounts, const SegmentMix& segments)
    : context_(context),
      spec_(context.spec),
      organisation_(organisation),
      customers_(customers),
      accounts_(accounts),
      segments_(segments),
      product_pick_(spec_.products, share_of),
      channel_pick_(spec_.channels, share_of),
      inbound_leads_(spec_.territories.size(), 0),
      router_(organisation, spec_.pipeline.routing, spec_.territories.size()) {
  for (std::size_t t = 0; t < spec_.territories.size(); ++t) {
    inbound_arrivals_.push_back(context.stream(plus_territory(Stream::kInboundArrivals, t)));
    inbound_lanes_.push_back(context.simulator.add_lane());
    inbound_streams_.push_back(lead_streams(plus_territory(Stream::kInboundLead, t),
                                            plus_territory(Stream::kInboundDeal, t)));
  }
  prospected_streams_ = lead_streams(Stream::kProspectedLead, Stream::kProspectedDeal);
  season_max_ = *std::max_element(spec_.seasonality.leads.begin(), spec_.seasonality.leads.end());
  grant_when_served();
}

void Pipeline::start() {
  if (spec_.pipeline.warm_start) warm_start();
  for (std::size_t t = 0; t < spec_.territories.size(); ++t) schedule_next_inbound(t);
}

std::vector<Pipeline::PastLead> Pipeline::past_leads() const {
  std::vector<PastLead> leads;
  // Every past lead is held until the replay sorts them: a huge team prospecting at the limit
  // of its rate would otherwise fill memory before the first event.
  const auto keep = [&](const PastLead& lead) {
    if (leads.size() == context_.limits.warm_start_leads) [[unlikely]] {
      context_.fail_limit("leads of the year before day 0 replayed by the warm start",
                          context_.limits.warm_start_leads,
                          "lower the starting_staff counts or the prospecting and lead rates, "
                          "or set pipeline.warm_start: false");
    }
    leads.push_back(lead);
  };
  // Each source's leads come in time order: where each source's run starts.
  std::vector<std::size_t> runs;
  for (std::size_t t = 0; t < spec_.territories.size(); ++t) {
    if (organisation_.sellers_in(t).empty()) continue;
    runs.push_back(leads.size());
    sim::Rng rng = context_.stream(plus_territory(Stream::kWarmInboundArrivals, t));
    const double rate = spec_.territories[t].inbound_leads_per_month / kDaysPerMonth;
    std::uint64_t number = 0;
    for (double time = -kWarmUpDays + exponential_wait(rng, rate); time < 0;
         time += exponential_wait(rng, rate)) {
      keep({time, t, kNobody, number++});
    }
  }
  for (std::uint32_t i = 0; i < organisation_.people().size(); ++i) {
    const Organisation::Person& person = organisation_.person(i);
    if (!person.selling || organisation_.sellers_in(person.territory).empty()) continue;
    runs.push_back(leads.size());
    sim::Rng rng = context_.substream(Stream::kWarmProspecting, person.key);
    const double rate = organisation_.role_of(person).prospecting_leads_per_month / kDaysPerMonth;
    std::uint64_t number = 0;
    for (double time = -kWarmUpDays + exponential_wait(rng, rate); time < 0;
         time += exponential_wait(rng, rate)) {
      keep({time, person.territory, i, sim::mix64(person.key) ^ number++});
    }
  }
  // In time order, ties in the order generated: merging the sources' runs gives what a stable
  // sort by time gave, in log2(sources) passes instead of log2(leads) (docs/performance.md).
  runs.push_back(leads.size());
  merge_sorted_runs(leads, std::move(runs),
                    [](const PastLead& a, const PastLead& b) { return a.time < b.time; });
  return leads;
}

void Pipeline::fail_work_limit() const {
  // ramped_first and least_loaded route from an index; the other rules look at the sellers.
  const LeadRouting rule = spec_.pipeline.routing;
  const bool leads_scan = rule != LeadRouting::kRampedFirst && rule != LeadRouting::kLeastLoaded;
  const std::string sellers = grouped(organisation_.largest_territory_team());
  const std::string open = grouped(opportunities_.size());
  std::string advice = "the team is too large for the simulation to keep up: ";
  advice += leads_scan ? "every lead looks through the sellers of its territory (" + sellers +
                             " in the largest now) and every departure through the open "
                             "opportunities (" +
                             open
                       : "every departure hands its open opportunities (" + open +
                             " open now) one by one to a colleague, looking through the sellers "
                             "of its territory (" +
                             sellers + " in the largest now";
  advice +=
      "); lower the starting_staff and hires counts, max_open_opportunities or the "
      "prospecting and lead rates, or split the team over more territories";
  context_.fail_limit("steps of work by one replication", context_.limits.work, advice);
}

void Pipeline::warm_start() {
  // Opportunities by close time, earliest first: they free their owner's slot as the replay
  // passes them.
  std::vector<std::pair<double, std::uint32_t>> closes;
  const auto later = [](const auto& a, const auto& b) { return a.first > b.first; };
  const auto add_close = [&](double time, std::uint32_t index) {
    closes.push_back({time, index});
    std::push_heap(closes.begin(), closes.end(), later);
  };
  // Specialists as after day 0: a complex deal waits, first come first served, for one of day
  // 0's slots, which it holds for its help days; its odds are lifted and its cycle starts when
  // it is granted (grant_specialist).
  const std::int64_t specialist_slots = specialists_ > 0 ? specialist_help_.capacity() : 0;
  std::vector<std::pair<double, std::uint32_t>> helping;  // (end of the help, deal), a heap
  std::deque<std::uint32_t> waiting;                      // complex deals waiting for a slot
  const auto grant = [&](std::uint32_t index, double time) {
    Opportunity& deal = opportunities_[index];
    deal.odds *= spec_.pipeline.specialist_win_rate_factor;
    add_close(time + deal.lead.cycle_days, index);
    helping.push_back({time + deal.lead.help_days, index});
    std::push_heap(helping.begin(), helping.end(), later);
  };
  const auto help_until = [&](double time) {
    while (!helping.empty() && helping.front().first <= time) {
      std::pop_heap(helping.begin(), helping.end(), later);
      const double end = helping.back().first;
      helping.pop_back();
      if (!waiting.empty()) {
        grant(waiting.front(), end);
        waiting.pop_front();
      }
    }
  };
  // Accounts of each finite territory free for the replay: those the initial customers leave
  // (nothing cools off before day 0), less the replayed deals open at the moment.
  std::vector<int> free_accounts(spec_.territories.size(), 0);
  for (std::size_t t = 0; t < free_accounts.size(); ++t) {
    if (accounts_.finite(t)) free_accounts[t] = accounts_.available_after(t, 0);
  }
  std::vector<int> past_open(spec_.territories.size(), 0);
  const auto close_until = [&](double time) {
    while (!closes.empty() && closes.front().first <= time) {
      std::pop_heap(closes.begin(), closes.end(), later);
      const std::uint32_t index = closes.back().second;
      closes.pop_back();
      Opportunity& done = opportunities_[index];
      done.open = false;
      free_opportunities_.push_back(index);
      --open_opportunities_;
      --past_open[done.territory];
      router_.unassign(done.owner, index);
    }
  };
  // Screening as at day 0's sales operations, against the lead flow of a month.
  double monthly_leads = 0;
  for (const TerritorySpec& territory : spec_.territories) {
    monthly_leads += territory.inbound_leads_per_month;
  }
  const double coverage =
      std::min(1.0, organisation_.screening_per_month() / std::max(1.0, monthly_leads));
  const double screened_share = spec_.pipeline.qualification_accuracy * coverage;
  // The keys of the past leads' streams, computed once per source as after day 0, not per lead.
  std::vector<LeadStreams> inbound_streams;
  for (std::size_t t = 0; t < spec_.territories.size(); ++t) {
    inbound_streams.push_back(lead_streams(plus_territory(Stream::kWarmInboundLead, t),
                                           plus_territory(Stream::kWarmInboundDeal, t)));
  }
  const LeadStreams prospected_streams =
      lead_streams(Stream::kWarmProspectedLead, Stream::kWarmProspectedDeal);
  std::size_t replayed = 0;
  for (const PastLead& past : past_leads()) {
    // Outside the event loop: the work limit and Ctrl-C are checked here.
    if (context_.work > context_.limits.work) [[unlikely]] {
      fail_work_limit();
    }
    if (++replayed % 256 == 0 && context_.stop_requested_now()) throw sim::ReplicationStopped();
    help_until(past.time);
    close_until(past.time);
    const std::size_t t = past.territory;
    const std::optional<std::uint32_t> opened =
        open_past_lead(past, past.prospector == kNobody ? inbound_streams[t] : prospected_streams,
                       screened_share, free_accounts[t] - past_open[t]);
    if (!opened) continue;
    ++past_open[t];
    const Opportunity& deal = opportunities_[*opened];
    if (!deal.lead.complex || specialists_ == 0) {
      add_close(past.time + deal.lead.cycle_days, *opened);
    } else if (static_cast<std::int64_t>(helping.size()) < specialist_slots) {
      grant(*opened, past.time);
    } else {
      waiting.push_back(*opened);
    }
  }
  help_until(0);
  close_until(0);
  // Still open at day 0: they take their accounts and close when their cycle ends.
  for (const auto& [close_time, index] : closes) {
    accounts_.occupy(opportunities_[index].territory);
    context_.schedule_at(close_time, priority::kDealClose, EventKind::kOpportunityClosed, index);
  }
  // Help still given at day 0 holds its slot until it ends; the deals still waiting queue for the
  // slots in their order, their wait counted from day 0 (nothing before day 0 is counted).
  specialist_help_.set_serve([](std::uint32_t) {});
  for (const auto& [end, index] : helping) {
    specialist_help_.request(index);
    context_.schedule_at(end, priority::kRelease, EventKind::kSpecialistReleased);
  }
  grant_when_served();
  for (const std::uint32_t index : waiting) {
    accounts_.occupy(opportunities_[index].territory);
    opportunities_[index].waiting_since = 0;
    specialist_help_.request(index);
  }
}

std::optional<std::uint32_t> Pipeline::open_past_lead(const PastLead& past,
                                                      const LeadStreams& streams,
                                                      double screened_share, int free_accounts) {
  const std::size_t t = past.territory;
  Lead lead = draw_lead(streams, past.number, t);
  // As after day 0 (count_lead), a lead of a finite territory comes from a free account.
  if (accounts_.finite(t) && !finds_free_account(t, lead, free_accounts)) return std::nullopt;
  if (lead.unqualified && organisation_.sales_ops() > 0 && lead.screen_draw < screened_share) {
    return std::nullopt;
  }
  const std::uint32_t owner = choose_owner(t, past.prospector, lead.route_draw);
  if (owner == kNobody) return std::nullopt;
  if (lead.channel != kUnassigned &&
      lead.convert_draw >= spec_.channels[lead.channel].lead_conversion) {
    return std::nullopt;
  }
  draw_deal(lead);
  const std::uint32_t index = store_opportunity(t, owner, lead, past.time);
  // Without a specialist at day 0 a complex deal went on unassisted; with one, warm_start
  // queues it for their help.
  if (lead.complex && specialists_ == 0) {
    opportunities_[index].odds *= spec_.pipeline.unassisted_win_rate_factor;
  }
  router_.assign(owner, index);
  ++open_opportunities_;
  return index;
}

void Pipeline::add_sellers(std::uint32_t person) { sellers_.resize(person + 1); }

Pipeline::LeadStreams Pipeline::lead_streams(Stream routing, Stream deal) const {
  return {context_.stream_key(routing), context_.stream_key(deal)};
}

Pipeline::Lead Pipeline::draw_lead(const LeadStreams& streams, std::uint64_t key,
                                   std::size_t territory) {
  // Always the same draws in the same order, whatever happens to the lead afterwards.
  sim::Rng rng = ModelContext::substream_of(streams.routing, key);
  Lead lead;
  lead.deal_stream = streams.deal;
  lead.key = key;
  if (!product_pick_.empty()) lead.product = product_pick_(uniform01(rng));
  if (!channel_pick_.empty()) lead.channel = channel_pick_(uniform01(rng));
  lead.unqualified = uniform01(rng) < spec_.pipeline.unqualified_lead_share;
  lead.screen_draw = uniform01(rng);
  lead.convert_draw = uniform01(rng);
  lead.account_draw = uniform01(rng);
  if (!segments_.empty()) lead.segment = segments_.pick(territory, uniform01(rng));
  lead.route_draw = uniform01(rng);
  return lead;
}

void Pipeline::draw_deal(Lead& lead) {
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
  lead.rng = ModelContext::substream_of(lead.deal_stream, lead.key);
  sim::Rng& rng = lead.rng;
  lead.win_rate = std::clamp(context_.draw(*win_rate, rng), 0.0, 1.0);
  lead.win_draw = uniform01(rng);
  lead.cycle_days = context_.draw_nonnegative(*cycle, rng);
  lead.acv = context_.draw_nonnegative(*size, rng);
  lead.complex = uniform01(rng) < complex_share;
  lead.help_days = context_.draw_nonnegative(pipeline.specialist_help_days, rng);
}

void Pipeline::schedule_next_inbound(std::size_t territory) {
  // Arrivals at the peak seasonal rate, thinned to the rate of the month each falls in. The
  // thinning draw follows its arrival's wait in the territory's engine, so an arrival the month
  // rejects is drawn and skipped here, never scheduled: the same draws in the same order as
  // rejecting it when it arrives, without the event (about a fifth of reference.yaml's inbound
  // arrivals). Arrivals after the horizon would never run.
  const double rate_per_day =
      spec_.territories[territory].inbound_leads_per_month * season_max_ / kDaysPerMonth;
  const double horizon_days = spec_.horizon_months * kDaysPerMonth;
  sim::Rng& rng = inbound_arrivals_[territory];
  double time = context_.now();
  for (std::uint64_t rejected = 0;; ++rejected) {
    // A seasonality whose months lie far below its peak rejects most arrivals: outside the
    // event loop's own checks, Ctrl-C is heard here too.
    if (rejected % 4096 == 4095 && context_.stop_requested_now()) [[unlikely]] {
      throw sim::ReplicationStopped();
    }
    const double wait = exponential_wait(rng, rate_per_day);
    if (!std::isfinite(wait)) return;
    time += wait;
    if (time > horizon_days) return;
    const double multiplier = spec_.seasonality.leads[calendar_month_at(time)];
    if (multiplier >= season_max_ || uniform01(rng) * season_max_ < multiplier) break;
  }
  context_.simulator.schedule_at_in_lane(inbound_lanes_[territory], time, priority::kLead,
                                         kind_of(EventKind::kInboundLead),
                                         static_cast<std::uint32_t>(territory));
}

void Pipeline::inbound_lead(std::size_t territory) {
  const std::uint64_t number = inbound_leads_[territory]++;
  Lead lead = draw_lead(inbound_streams_[territory], number, territory);
  route_lead(territory, kNobody, lead);
  schedule_next_inbound(territory);
}

void Pipeline::prospected_lead(std::uint32_t person) {
  // A seller with every opportunity slot taken prospects no more until a deal closes: the
  // arrival is drawn (so every later one is the same in every plan) but finds no lead. Counted,
  // it would read as a lead lost for want of capacity that no hire could have worked.
  const Organisation::Person& finder = organisation_.person(person);
  if (!finder.seller || router_.has_room(person)) {
    Lead lead = draw_lead(prospected_streams_, prospected_lead_key(person), finder.territory);
    route_lead(finder.territory, person, lead);
  }
  schedule_next_prospect(person);
}

std::uint64_t Pipeline::prospected_lead_key(std::uint32_t person) const {
  // The arrival's number within the month flips low bits of a mixed (person, month) key: a clash
  // needs a 2^-32 coincidence.
  const Seller& state = sellers_[person];
  return state.lead_key_base ^ (state.prospected - 1);
}

void Pipeline::started_selling(std::uint32_t person) {
  seller(person);
  const Organisation::Person& joining = organisation_.person(person);
  if (joining.seller) {
    router_.joined(person);
    // Deals are left without an owner only while nobody sells anywhere, so this seller is the
    // company's only one. They start their ramp now: their productivity at the hand-over is 0 on
    // every ramp curve, so each deal is closed at the productivity they have reached by its close
    // instead.
    std::vector<std::uint32_t> waiting = std::move(waiting_for_a_seller_);
    waiting_for_a_seller_.clear();
    for (const std::uint32_t opportunity : waiting) {
      hand_over(opportunity, person);
      opportunities_[opportunity].productivity_at_close = true;
    }
  }
  schedule_next_prospect(person);
}

void Pipeline::schedule_next_prospect(std::uint32_t index) {
  // A Poisson process of rate r restarted at each month start from that month's own engine is
  // still a Poisson process of rate r (independent increments), and its arrivals after the day a
  // person starts selling are the Poisson process they would have drawn from that day on: the
  // same distribution as one engine started when they start selling. What changes is that the
  // draws belong to calendar months, not to time since hire: a rep hired in month 1 in one plan
  // and in month 4 in another finds the same leads from month 4 on.
  const Organisation::Person& person = organisation_.person(index);
  Seller& state = seller(index);
  const double rate_per_day =
      organisation_.role_of(person).prospecting_leads_per_month / kDaysPerMonth;
  if (rate_per_day <= 0) return;
  const double now = context_.now();
  const auto start_month = [&](int month) {
    state.prospect_month = month;
    state.prospect_month_end = (month + 1) * kDaysPerMonth;
    state.prospect_time = month * kDaysPerMonth;
    state.prospected = 0;
    const std::uint64_t key = person_month_key(person.key, month);
    state.lead_key_base = sim::mix64(key);
    state.prospect_rng = context_.substream(Stream::kProspecting, key);
  };
  // Before the end of the month drawn for, less kMonthMargin, now is in that month or an earlier
  // one: only past it can a later month have begun, and its number is divided out.
  if (!(now < state.prospect_month_end - kMonthMargin)) {
    const int month_now = static_cast<int>(std::floor(now / kDaysPerMonth));
    if (state.prospect_month < month_now) start_month(month_now);
  }
  for (;;) {
    const double next = state.prospect_time + exponential_wait(state.prospect_rng, rate_per_day);
    const int month_end = state.prospect_month + 1;
    if (next >= state.prospect_month_end) {
      // Nothing more this month; past the horizon nothing would run.
      if (month_end >= spec_.horizon_months) return;
      start_month(month_end);
      continue;
    }
    state.prospect_time = next;
    ++state.prospected;
    if (next < now) continue;  // before they were selling: skipped, as in every plan
    if (state.prospect_lane == sim::Simulator::kNoLane)
      state.prospect_lane = context_.simulator.add_lane();
    context_.simulator.schedule_at_in_lane(state.prospect_lane, next, priority::kLead,
                                           kind_of(EventKind::kProspectedLead), index);
    return;
  }
}

void Pipeline::left(std::uint32_t index) {
  Seller& state = seller(index);
  // Their pending arrival is dropped, and their lane goes back to the simulator for the next.
  if (state.prospect_lane != sim::Simulator::kNoLane) {
    context_.simulator.release_lane(state.prospect_lane);
    state.prospect_lane = sim::Simulator::kNoLane;
  }
  const Organisation::Person& person = organisation_.person(index);
  if (!person.seller) return;
  // Open opportunities pass one by one, in the order they were opened (the earliest first; at
  // one instant, in the order opened), to the most ramped colleague in the territory (the least
  // loaded among equals), or in the company when the territory has nobody left, at the new
  // owner's productivity; with nobody selling anywhere they wait for the next seller. Their
  // slots' order means nothing: closed deals' slots are reused last freed first.
  std::vector<std::uint32_t> open = router_.left(index);
  std::sort(open.begin(), open.end(), [this](std::uint32_t a, std::uint32_t b) {
    const Opportunity& first = opportunities_[a];
    const Opportunity& second = opportunities_[b];
    if (first.opened_at != second.opened_at) return first.opened_at < second.opened_at;
    return first.opening < second.opening;
  });
  const std::vector<std::uint32_t> takers = router_.successors(person.territory, open.size());
  context_.work += open.size() + organisation_.sellers_in(person.territory).size();
  for (std::size_t i = 0; i < open.size(); ++i) hand_over(open[i], takers[i]);
}

void Pipeline::hand_over(std::uint32_t index, std::uint32_t owner) {
  Opportunity& opportunity = opportunities_[index];
  opportunity.owner = owner;
  opportunity.productivity_at_close = false;
  if (owner == kNobody) {
    opportunity.owner_productivity = 0;
    waiting_for_a_seller_.push_back(index);
    return;
  }
  opportunity.owner_productivity = organisation_.productivity(organisation_.person(owner));
  router_.assign(owner, index);
}

void Pipeline::specialists_changed(std::int64_t slots, int specialists) {
  specialists_ = specialists;
  specialist_help_.set_capacity(slots);
  // Nobody left to help: queued deals go on unassisted.
  if (specialists_ == 0) {
    specialist_help_.withdraw_all([this](std::uint32_t i) { close_unassisted(i); });
  }
}

int Pipeline::accounts_available(std::size_t territory) {
  // An account whose cool-off ends now is available to what runs after releases at this
  // instant (priority::kRelease), as if its end were an event of that priority.
  return accounts_.available(territory, context_.now(),
                             context_.current_priority > priority::kRelease);
}

std::size_t Pipeline::find_calendar_month(double time) {
  const std::size_t calendar = context_.calendar_month_at(time);
  const double month = std::floor(time / kDaysPerMonth);
  // Strictly between the month's ends moved in by kMonthMargin, the quotient's floor is this
  // month again. Past the horizon the context's month stops at the last: nothing is kept there.
  if (month >= 0 && month <= spec_.horizon_months - 1) {
    known_month_from_ = month * kDaysPerMonth + kMonthMargin;
    known_month_to_ = (month + 1) * kDaysPerMonth - kMonthMargin;
    known_calendar_month_ = calendar;
  }
  return calendar;
}

bool Pipeline::finds_free_account(std::size_t territory, const Lead& lead, int available) const {
  return lead.account_draw * accounts_.total(territory) < static_cast<double>(available);
}

bool Pipeline::count_lead(std::size_t territory, const Lead& lead) {
  if (accounts_.finite(territory) &&
      !finds_free_account(territory, lead, accounts_available(territory))) {
    return false;
  }
  MonthTally& month = context_.month;
  ++month.leads;
  ++month.territory[territory].leads;
  if (lead.segment != kUnassigned) month.segment[lead.segment].leads += 1;
  if (lead.channel != kUnassigned) {
    const double cost = spec_.channels[lead.channel].cost_per_lead;
    month.channel[lead.channel].leads += 1;
    if (cost > 0) {
      month.channel[lead.channel].cost += cost;
      month.channel_cost += cost;
      context_.ledger.pay(cost);
    }
  }
  if (lead.unqualified && organisation_.sales_ops() > 0) {
    const double coverage =
        std::min(1.0, organisation_.screening_per_month() / std::max(1.0, leads_last_month_));
    if (lead.screen_draw < spec_.pipeline.qualification_accuracy * coverage) {
      ++month.disqualified;
      return false;
    }
  }
  return true;
}

std::uint32_t Pipeline::choose_owner(std::size_t territory, std::uint32_t preferred_owner,
                                     double route_draw) {
  // A seller works the leads they find themselves while they have room; everything else (inbound
  // leads, an SDR's hand-offs) goes to a seller of the territory by the routing rule.
  if (preferred_owner != kNobody && organisation_.person(preferred_owner).seller) {
    return router_.has_room(preferred_owner) ? preferred_owner : kNobody;
  }
  // The work the routing does: ramped_first and least_loaded take the front of the router's
  // index, the other rules look through the territory's sellers.
  const LeadRouting rule = spec_.pipeline.routing;
  context_.work += rule == LeadRouting::kRampedFirst || rule == LeadRouting::kLeastLoaded
                       ? 1
                       : organisation_.sellers_in(territory).size();
  const std::uint32_t chosen = router_.route(territory, route_draw, context_.now());
  if (chosen != kNobody ||
      spec_.pipeline.vacant_territory_leads != VacantTerritoryLeads::kCompany ||
      !organisation_.sellers_in(territory).empty()) {
    return chosen;
  }
  // Nobody sells in the territory: a seller of another covers its leads, as one covers a lone
  // leaver's deals (the deal stays in its territory, as those do).
  context_.work += static_cast<std::uint64_t>(organisation_.sellers());
  return router_.company_seller_with_room();
}

void Pipeline::route_lead(std::size_t territory, std::uint32_t preferred_owner, Lead& lead) {
  if (!count_lead(territory, lead)) return;
  const std::uint32_t owner = choose_owner(territory, preferred_owner, lead.route_draw);
  if (owner == kNobody) {
    ++context_.month.leads_unworked;
    return;
  }
  if (lead.channel != kUnassigned &&
      lead.convert_draw >= spec_.channels[lead.channel].lead_conversion) {
    ++context_.month.not_converted;
    return;
  }
  draw_deal(lead);
  open_opportunity(territory, owner, lead);
}

[[gnu::always_inline]] inline std::uint32_t Pipeline::store_opportunity(std::size_t territory,
                                                                        std::uint32_t owner,
                                                                        const Lead& lead,
                                                                        double opened_at) {
  std::uint32_t index;
  if (free_opportunities_.empty()) {
    index = static_cast<std::uint32_t>(opportunities_.size());
    opportunities_.emplace_back();
  } else {
    index = free_opportunities_.back();
    free_opportunities_.pop_back();
  }
  // Made in its slot, every member set (a reused slot holds a closed deal's values), and forced
  // inline into its two callers: made on the stack and copied in, its 200 bytes were copied
  // twice; in its slot but called, the call cost more than the copy (docs/performance.md).
  Opportunity& opportunity = opportunities_[index];
  opportunity.owner = owner;
  opportunity.territory = static_cast<std::uint32_t>(territory);
  opportunity.opening = openings_++;
  opportunity.open = true;
  opportunity.productivity_at_close = false;
  opportunity.opened_at = opened_at;
  opportunity.waiting_since = 0;
  opportunity.lead = lead;
  // A ramping rep wins in proportion to their productivity: the ramp is what they still learn.
  // An unqualified lead that slipped through takes the slot for its cycle and is never won.
  opportunity.odds =
      lead.unqualified ? 0.0 : lead.win_rate * spec_.territories[territory].win_rate_factor;
  opportunity.owner_productivity = organisation_.productivity(organisation_.person(owner));
  if (lead.channel != kUnassigned) {
    const ChannelSpec& channel = spec_.channels[lead.channel];
    opportunity.odds *= channel.win_rate_factor;
    opportunity.lead.cycle_days *= channel.cycle_factor;
  }
  if (lead.segment != kUnassigned) {
    const SegmentSpec& segment = spec_.segments[lead.segment];
    opportunity.odds *= segment.win_rate_factor;
    opportunity.lead.cycle_days *= segment.cycle_factor;
  }
  return index;
}

void Pipeline::open_opportunity(std::size_t territory, std::uint32_t owner, const Lead& lead) {
  MonthTally& month = context_.month;
  const std::uint32_t index = store_opportunity(territory, owner, lead, context_.now());
  if (lead.channel != kUnassigned) month.channel[lead.channel].opportunities += 1;
  if (lead.segment != kUnassigned) month.segment[lead.segment].opportunities += 1;
  accounts_.occupy(territory);
  router_.assign(owner, index);
  ++open_opportunities_;
  ++month.opportunities;
  ++month.territory[territory].opportunities;
  if (!lead.complex) {
    schedule_close(index);
    return;
  }
  ++month.complex;
  if (specialists_ == 0) {
    opportunities_[index].odds *= spec_.pipeline.unassisted_win_rate_factor;
    schedule_close(index);
    return;
  }
  opportunities_[index].waiting_since = context_.now();
  specialist_help_.request(index);
}

void Pipeline::schedule_close(std::uint32_t index) {
  // A complex deal's cycle starts once a specialist is granted: waiting delays the close.
  context_.schedule_in(opportunities_[index].lead.cycle_days, priority::kDealClose,
                       EventKind::kOpportunityClosed, index);
}

void Pipeline::close_unassisted(std::uint32_t index) {
  opportunities_[index].odds *= spec_.pipeline.unassisted_win_rate_factor;
  schedule_close(index);
}

void Pipeline::grant_when_served() {
  specialist_help_.set_serve([this](std::uint32_t opportunity) { grant_specialist(opportunity); });
}

void Pipeline::grant_specialist(std::uint32_t index) {
  Opportunity& opportunity = opportunities_[index];
  ++context_.month.specialist_grants;
  context_.month.specialist_wait_sum += context_.now() - opportunity.waiting_since;
  opportunity.odds *= spec_.pipeline.specialist_win_rate_factor;
  schedule_close(index);
  context_.schedule_in(opportunity.lead.help_days, priority::kRelease,
                       EventKind::kSpecialistReleased);
}

void Pipeline::close_opportunity(std::uint32_t index) {
  Opportunity& opportunity = opportunities_[index];
  assert(opportunity.open);
  opportunity.open = false;
  free_opportunities_.push_back(index);
  --open_opportunities_;
  if (opportunity.owner != kNobody) router_.unassign(opportunity.owner, index);
  context_.month.cycle_days_sum += context_.now() - opportunity.opened_at;
  // A deal that waited for a new seller is closed at the productivity they have reached now.
  if (opportunity.productivity_at_close && opportunity.owner != kNobody) {
    opportunity.owner_productivity =
        organisation_.productivity(organisation_.person(opportunity.owner));
  }
  // Nobody owns it (its seller left while nobody sold anywhere, and nobody has started selling
  // since): nobody closes it.
  const double probability =
      opportunity.owner == kNobody
          ? 0.0
          : std::min(1.0, opportunity.odds * opportunity.owner_productivity *
                              spec_.seasonality.closing[calendar_month_at(context_.now())]);
  if (opportunity.owner == kNobody) std::erase(waiting_for_a_seller_, index);
  if (opportunity.lead.win_draw < probability) {
    book_win(opportunity);
  } else {
    ++context_.month.lost;
    accounts_.release(opportunity.territory, context_.now());
  }
}

void Pipeline::book_win(const Opportunity& opportunity) {
  MonthTally& month = context_.month;
  const std::size_t territory = opportunity.territory;
  const Lead& lead = opportunity.lead;
  double acv = lead.acv * spec_.territories[territory].deal_size_factor;
  if (lead.segment != kUnassigned) {
    acv *= spec_.segments[lead.segment].deal_size_factor;
    month.segment[lead.segment].wins += 1;
    month.segment[lead.segment].bookings += acv;
  }
  ++month.won;
  month.bookings += acv;
  ++month.territory[territory].wins;
  month.territory[territory].bookings += acv;
  if (lead.product != kUnassigned) {
    month.product[lead.product].wins += 1;
    month.product[lead.product].bookings += acv;
  }
  if (lead.channel != kUnassigned) month.channel[lead.channel].wins += 1;
  if (opportunity.owner != kNobody) {
    const double commission = organisation_.book_win(opportunity.owner, acv);
    if (commission > 0) {
      month.commission += commission;
      context_.ledger.pay(commission);
    }
  }
  customers_.add(acv / 12.0, lead.rng, territory, lead.segment);
}

}  // namespace teamsim::model
