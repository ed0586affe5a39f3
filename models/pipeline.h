#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "models/account_pool.h"
#include "models/customer_base.h"
#include "models/lead_router.h"
#include "models/model_context.h"
#include "models/organisation.h"
#include "models/random_draws.h"
#include "models/segment_mix.h"
#include "sim/capacity_queue.h"

// The pipeline: lead arrivals (inbound with seasonality, and each seller's own prospecting),
// finite accounts, qualification, routing to sellers with capacity, channel conversion, the
// specialist queue and deal closes. A won deal books to its owner in the organisation and becomes
// a customer of the customer base.

namespace teamsim::model {

class Pipeline final : public TeamListener {
 public:
  /// Everything about a lead that does not depend on the team, drawn from the lead's own engine
  /// in a fixed order (what routing needs when it arrives, the deal once it becomes an
  /// opportunity), so its fate is the same in every plan.
  struct Lead {
    // First what a deal's close reads (its odds' draw, then a win's size, tallies and engine):
    // within an Opportunity they share its first two cache lines with the deal's own fields.
    sim::Rng rng;         ///< the deal's engine after draw_deal; continues as the customer's if won
    double win_draw = 0;  ///< uniform(0, 1): won if below the deal's win probability
    double acv = 0;
    std::size_t product = kUnassigned;
    std::size_t channel = kUnassigned;
    std::size_t segment = kUnassigned;
    bool unqualified = false;
    bool complex = false;
    /// The key (ModelContext::stream_key) of the stream draw_deal draws from, entity `key`.
    std::uint64_t deal_stream = 0;
    std::uint64_t key = 0;
    double screen_draw = 0;   ///< screened out if below accuracy x screening coverage
    double convert_draw = 0;  ///< converted if below the channel's conversion
    double account_draw = 0;  ///< exists if below the territory's available share of accounts
    double route_draw = 0;    ///< picks the seller under productivity-weighted routing
    // The rest of the deal, drawn by draw_deal only once the lead becomes an opportunity (with
    // win_draw, acv and complex above).
    double win_rate = 0;  ///< for a fully productive rep
    double cycle_days = 0;
    double help_days = 0;
  };

  Pipeline(ModelContext& context, Organisation& organisation, CustomerBase& customers,
           AccountPool& accounts, const SegmentMix& segments);
  /// Its specialist queue calls back into it: it stays where it was made.
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  /// Day 0: the open pipeline the starting sellers already have (warm_start), then the first
  /// inbound arrival of each territory.
  void start();

  /// How long before day 0 the warm start replays the lead flow: a year.
  static constexpr double kWarmUpDays = kDaysPerYear;

  // Events.
  void inbound_lead(std::size_t territory);
  void prospected_lead(std::uint32_t person);
  void close_opportunity(std::uint32_t opportunity);
  void release_specialist() { specialist_help_.release(); }
  /// After a month end: screening coverage next month is measured against this month's leads.
  void start_next_month() { leads_last_month_ = context_.month.leads; }

  // TeamListener.
  void started_selling(std::uint32_t person) override;
  void left(std::uint32_t person) override;
  void moved(std::uint32_t person) override { router_.moved(person); }
  void specialists_changed(std::int64_t slots, int specialists) override;

  // Reads.
  std::size_t open_opportunities() const { return open_opportunities_; }
  /// Opportunities a seller owns and has open.
  int open_opportunities_of(std::uint32_t person) const { return router_.load(person); }
  std::size_t specialist_queue() const { return specialist_help_.waiting(); }
  /// Throws LimitExceeded for passing ReplicationLimits::work, naming what the work is spent on:
  /// routing leads through a territory's sellers and handing a leaver's deals on.
  [[noreturn]] void fail_work_limit() const;

 private:
  /// store_opportunity sets every member (it reuses closed deals' slots): a new one must be set
  /// there too.
  /// Three cache lines, a close reading two of them: closes reach deals in no order the
  /// hardware foresees, and at 200 bytes unaligned a close touched three or four lines
  /// (docs/performance.md).
  struct alignas(64) Opportunity {
    std::uint32_t owner = kNobody;
    std::uint32_t territory = 0;  ///< index in the scenario's territories
    /// Its number in the order the replication opened opportunities (the warm start's first):
    /// with opened_at, the order a leaver hands their deals over in. 32 bits, to fit beside
    /// owner and territory: each is a lead's, and ReplicationLimits keep leads far below 2^32.
    std::uint32_t opening = 0;
    bool open = false;
    /// Waited without an owner for a new seller, who closes it at their productivity then (at
    /// the hand-over they are at the very start of their ramp).
    bool productivity_at_close = false;
    /// Win probability with a fully productive owner: the deal's win rate times the territory's,
    /// channel's, segment's and specialist factors (0 for an unqualified lead).
    double odds = 0;
    /// The owner's productivity when they took the deal over (opened it or inherited it).
    double owner_productivity = 0;
    /// When it was first opened (days; before 0 for the warm start's), kept through hand-overs.
    double opened_at = 0;
    double waiting_since = 0;
    Lead lead;
  };
  static_assert(sizeof(Opportunity) == 192);
  /// A seller's self-sourced leads.
  struct Seller {
    /// Self-sourced leads are a Poisson process in calendar time, drawn month by month: month m's
    /// arrivals come from the person's engine for month m (see schedule_next_prospect).
    sim::Rng prospect_rng;
    int prospect_month = -1;        ///< the month prospect_rng draws for (0-based; -1: none yet)
    double prospect_month_end = 0;  ///< (prospect_month + 1) x kDaysPerMonth: its end (days)
    double prospect_time = 0;       ///< the latest arrival drawn in that month, or its start
    std::uint32_t prospected = 0;   ///< arrivals drawn in that month: keys each lead's own stream
    /// What every lead of that month's key starts from (prospected_lead_key), mixed once a month.
    std::uint64_t lead_key_base = 0;
    /// Their pending arrival waits in a lane of its own (created with their first), not in the
    /// queue: one arrival at a time, each scheduled when the previous one runs.
    sim::Simulator::LaneId prospect_lane = sim::Simulator::kNoLane;
  };

  /// The keys (ModelContext::stream_key) of a source's two streams of leads, computed once: a
  /// lead's engines are seeded from them without mixing the stream in again.
  struct LeadStreams {
    std::uint64_t routing = 0;
    std::uint64_t deal = 0;
  };
  LeadStreams lead_streams(Stream routing, Stream deal) const;
  /// What routing needs (product, channel, qualification, conversion, account, segment), from
  /// stream (streams.routing, key); the deal will come from stream (streams.deal, key).
  Lead draw_lead(const LeadStreams& streams, std::uint64_t key, std::size_t territory);
  /// The deal (win rate and draw, cycle, size, complexity, help) from the lead's own deal stream:
  /// the same values whenever it is called, in every plan, whatever routing drew.
  void draw_deal(Lead& lead);
  void schedule_next_inbound(std::size_t territory);
  /// A company that exists has deals in flight: the starting sellers work the lead flow of the
  /// year before day 0 (inbound at each territory's rate, without seasonality, and their own
  /// prospecting) under the same routing and capacity, complex deals waiting for day 0's
  /// specialists as they would after it, and the deals still open at day 0 stay open (waiting for
  /// a specialist, or closing when their cycle ends), each in an account of a finite territory that
  /// neither a customer nor another open deal holds. Nothing before day 0 is counted or paid.
  void warm_start();
  struct PastLead {
    double time;
    std::size_t territory;
    std::uint32_t prospector;  ///< kNobody for an inbound lead
    std::uint64_t number;
  };
  std::vector<PastLead> past_leads() const;
  /// The past lead, drawn from `streams` (its source's: kWarmInboundLead and kWarmInboundDeal of
  /// its territory, or kWarmProspectedLead and kWarmProspectedDeal), becomes an opportunity of
  /// the warm start (or not): its index if so, open and assigned, its close left to warm_start. An
  /// unqualified lead is screened out when its screen draw is below `screened_share`; in a
  /// territory with finite accounts, the lead exists only with probability `free_accounts` (those
  /// neither customers nor in a replayed deal open at its time) / accounts.
  std::optional<std::uint32_t> open_past_lead(const PastLead& past, const LeadStreams& streams,
                                              double screened_share, int free_accounts);
  /// Schedules the person's next self-sourced lead: the next arrival of their calendar-time
  /// process after now. Arrivals before they sell are drawn and skipped, so the same person
  /// (role and ordinal) finds the same leads at the same moments in every plan that has them
  /// selling then, whenever each plan hired them.
  void schedule_next_prospect(std::uint32_t person);
  /// The stream index of the lead the person's pending arrival brings.
  std::uint64_t prospected_lead_key(std::uint32_t person) const;
  /// Inline, growing out of line: every prospected lead asks for its seller.
  Seller& seller(std::uint32_t person) {
    if (person >= sellers_.size()) [[unlikely]] {
      add_sellers(person);
    }
    return sellers_[person];
  }
  /// Makes room for the seller `person`.
  void add_sellers(std::uint32_t person);
  /// Counts the lead and routes it; its deal is drawn into it if it becomes an opportunity. By
  /// reference: by value, each lead's 144 bytes were copied from draw_lead's result
  /// (docs/performance.md).
  void route_lead(std::size_t territory, std::uint32_t preferred_owner, Lead& lead);
  /// False when the lead is lost before an owner is chosen: no account for it, or screened out.
  bool count_lead(std::size_t territory, const Lead& lead);
  /// With finite accounts a lead exists only if it comes from a free account: its account draw
  /// picks one of the territory's accounts, `available` of which are free (count_lead after day
  /// 0, the warm start's replay before it).
  bool finds_free_account(std::size_t territory, const Lead& lead, int available) const;
  std::uint32_t choose_owner(std::size_t territory, std::uint32_t preferred_owner,
                             double route_draw);
  /// The opportunity passes to `owner` (kNobody: it waits for the company's next seller), at
  /// the new owner's productivity now.
  void hand_over(std::uint32_t opportunity, std::uint32_t owner);
  /// Stores the opportunity `owner` opens on `lead` at `opened_at` in a free slot and returns
  /// its index: its odds with the territory's, channel's and segment's win-rate factors (not the
  /// specialist's), its cycle stretched by the channel's and segment's cycle factors. Used by
  /// live leads and the warm start alike.
  inline std::uint32_t store_opportunity(std::size_t territory, std::uint32_t owner,
                                         const Lead& lead,
                                         double opened_at);  // forced inline, in pipeline.cc
  void open_opportunity(std::size_t territory, std::uint32_t owner, const Lead& lead);
  void schedule_close(std::uint32_t index);
  /// A specialist slot was granted to the opportunity: its cycle starts.
  void grant_specialist(std::uint32_t index);
  /// A deal the specialists' queue serves is granted its help (the warm start holds the slots of
  /// help given before day 0 with another callback for a moment).
  void grant_when_served();
  /// The opportunity goes on without a specialist (none employed): its cycle starts.
  void close_unassisted(std::uint32_t index);
  void book_win(const Opportunity& opportunity);
  /// Accounts of the territory available to a lead arriving now.
  int accounts_available(std::size_t territory);
  /// context_.calendar_month_at(time), the seasonality's month: every inbound arrival and every
  /// deal close asks. Kept for the month last found, and given again without the division and
  /// floor while `time` lies well inside it (docs/performance.md).
  std::size_t calendar_month_at(double time) {
    if (time > known_month_from_ && time < known_month_to_) [[likely]] {
      return known_calendar_month_;
    }
    return find_calendar_month(time);
  }
  /// calendar_month_at from the context, keeping its month for the next.
  std::size_t find_calendar_month(double time);

  ModelContext& context_;
  const ScenarioSpec& spec_;
  Organisation& organisation_;
  CustomerBase& customers_;
  AccountPool& accounts_;
  const SegmentMix& segments_;
  WeightedPick product_pick_;               ///< by the products' shares; empty without products
  WeightedPick channel_pick_;               ///< by the channels' shares; empty without channels
  std::vector<sim::Rng> inbound_arrivals_;  ///< by territory
  /// By territory: the lane of its pending inbound arrival (one at a time, each scheduled when
  /// the previous one runs), so arrivals cost no queue work.
  std::vector<sim::Simulator::LaneId> inbound_lanes_;
  /// By territory: the keys of its inbound leads' streams.
  std::vector<LeadStreams> inbound_streams_;
  /// The keys of the prospected leads' streams.
  LeadStreams prospected_streams_;
  std::vector<std::uint64_t> inbound_leads_;  ///< leads arrived so far, by territory
  double season_max_ = 1;                     ///< largest lead-seasonality multiplier
  std::vector<Seller> sellers_;               ///< by person index (AE kinds that sold)
  LeadRouter router_;                         ///< routing, and each seller's open opportunities
  std::vector<Opportunity> opportunities_;
  std::vector<std::uint32_t> free_opportunities_;
  std::uint32_t openings_ = 0;  ///< opportunities opened so far: the next one's `opening`
  std::size_t open_opportunities_ = 0;
  /// Open opportunities whose owner left while nobody else sold in any territory.
  std::vector<std::uint32_t> waiting_for_a_seller_;
  int specialists_ = 0;
  sim::CapacityQueue specialist_help_;  ///< specialist slots, held by complex opportunities
  double leads_last_month_ = 0;
  /// The month calendar_month_at last found: times strictly between these two (days) are in it,
  /// and its calendar month. Empty at first.
  double known_month_from_ = 0;
  double known_month_to_ = 0;
  std::size_t known_calendar_month_ = 0;
};

}  // namespace teamsim::model
