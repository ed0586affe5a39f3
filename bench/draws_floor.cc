#include "bench/draws_floor.h"

#include "models/events.h"
#include "models/random_draws.h"

namespace teamsim::bench {
namespace {

using model::EventKind;
using model::Stream;

constexpr auto share_of = [](const auto& entry) { return entry.share; };

std::uint64_t events_of(const sim::Simulator& simulator, EventKind kind) {
  return simulator.events_by_kind()[model::kind_of(kind)];
}

sim::StreamId id_of(Stream stream) { return static_cast<sim::StreamId>(stream); }

/// The product and channel picks of a lead (Pipeline's, made once a run).
struct LeadPicks {
  explicit LeadPicks(const model::ScenarioSpec& spec)
      : product(spec.products, share_of), channel(spec.channels, share_of) {}
  model::WeightedPick product;
  model::WeightedPick channel;
};

/// What routing needs of a lead, from its own engine (Pipeline::draw_lead).
double lead_draws(const model::ScenarioSpec& spec, const LeadPicks& picks, sim::Rng& rng) {
  double sum = 0;
  if (!picks.product.empty()) sum += static_cast<double>(picks.product(model::uniform01(rng)));
  if (!picks.channel.empty()) sum += static_cast<double>(picks.channel(model::uniform01(rng)));
  for (int i = 0; i < 4; ++i) sum += model::uniform01(rng);  // qualified, screen, convert, account
  if (!spec.segments.empty()) sum += model::uniform01(rng);
  return sum + model::uniform01(rng);  // route
}

/// A deal, from its own engine (Pipeline::draw_deal).
double deal_draws(const model::ScenarioSpec& spec, std::uint64_t deal, sim::Rng& rng) {
  const model::PipelineSpec& pipeline = spec.pipeline;
  const sim::Distribution* win_rate = &pipeline.win_rate;
  const sim::Distribution* cycle = &pipeline.sales_cycle_days;
  const sim::Distribution* size = &pipeline.deal_size_acv;
  if (!spec.products.empty()) {
    const model::ProductSpec& product = spec.products[deal % spec.products.size()];
    win_rate = &product.win_rate;
    cycle = &product.sales_cycle_days;
    size = &product.deal_size_acv;
  }
  return win_rate->sample(rng) + model::uniform01(rng) + cycle->sample(rng) + size->sample(rng) +
         model::uniform01(rng) + pipeline.specialist_help_days.sample(rng);
}

}  // namespace

DrawCounts draw_counts_of(const model::ScenarioSpec& spec, const sim::Simulator& simulator) {
  DrawCounts counts;
  counts.inbound_leads = events_of(simulator, EventKind::kInboundLead);
  counts.prospected_leads = events_of(simulator, EventKind::kProspectedLead);
  counts.opportunities = events_of(simulator, EventKind::kOpportunityClosed);
  counts.renewals = events_of(simulator, EventKind::kCustomerRenewal);
  if (spec.pipeline.warm_start) {
    double per_month = 0;
    for (const model::TerritorySpec& territory : spec.territories) {
      per_month += territory.inbound_leads_per_month;
    }
    for (const model::StartingStaffSpec& staff : spec.starting_staff) {
      per_month += staff.count * spec.find_role(staff.role)->prospecting_leads_per_month;
    }
    counts.warm_leads = static_cast<std::uint64_t>(12 * per_month);
  }
  return counts;
}

double run_draws_floor(const model::ScenarioSpec& spec, const DrawCounts& counts,
                       std::uint64_t replication) {
  const std::uint64_t seed = spec.seed;
  const LeadPicks picks(spec);
  double sum = 0;
  sim::Rng arrivals = sim::make_stream(seed, replication, id_of(Stream::kInboundArrivals));
  for (std::uint64_t i = 0; i < counts.inbound_leads; ++i) {
    sum += model::exponential_wait(arrivals, 1.0) + model::uniform01(arrivals);
    sim::Rng rng = sim::make_substream(seed, replication, id_of(Stream::kInboundLead), i);
    sum += lead_draws(spec, picks, rng);
  }
  sim::Rng prospecting = sim::make_stream(seed, replication, id_of(Stream::kProspecting));
  for (std::uint64_t i = 0; i < counts.prospected_leads; ++i) {
    sum += model::exponential_wait(prospecting, 1.0);
    sim::Rng rng = sim::make_substream(seed, replication, id_of(Stream::kProspectedLead), i);
    sum += lead_draws(spec, picks, rng);
  }
  for (std::uint64_t i = 0; i < counts.warm_leads; ++i) {
    sum += model::exponential_wait(prospecting, 1.0);
    sim::Rng rng = sim::make_substream(seed, replication, id_of(Stream::kWarmInboundLead), i);
    sum += lead_draws(spec, picks, rng);
  }
  for (std::uint64_t i = 0; i < counts.opportunities; ++i) {
    sim::Rng rng = sim::make_substream(seed, replication, id_of(Stream::kInboundDeal), i);
    sum += deal_draws(spec, i, rng);
  }
  sim::Rng renewals = sim::make_stream(seed, replication, id_of(Stream::kInitialCustomer));
  const model::CustomerSpec& customers = spec.customers;
  for (std::uint64_t i = 0; i < counts.renewals; ++i) {
    sum += model::bernoulli(renewals, customers.monthly_churn) ? 1.0 : 0.0;
    sum += customers.monthly_expansion.sample(renewals);
  }
  return sum;
}

}  // namespace teamsim::bench
