#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "models/account_pool.h"
#include "models/model_context.h"
#include "models/organisation.h"
#include "models/renewal_schedule.h"
#include "models/segment_mix.h"

// The customer base: the customers started with and those won, their monthly or annual terms,
// renewals with churn and expansion (lower churn and more expansion when customer success covers
// them), upfront billing, MRR and the revenue rates of the ledger. Renewals are replayed at each
// month end (replay_renewals) where that is exact, simulator events (renew) elsewhere; both take
// the same draws in the same order through one renewal body.

namespace teamsim::model {

/// Each territory's weight in placing the initial customers: its inbound lead flow, or 1 each
/// when no territory has any (a customer lands in territory t with probability weight / sum).
std::vector<double> initial_customer_weights(const std::vector<TerritorySpec>& territories);

/// Whether the territories say how many initial customers each has (their `initial_customers`):
/// then the first n1 initial customers are in the first territory listed, the next n2 in the
/// second, and so on, instead of being spread by the weights above.
bool initial_customers_placed(const std::vector<TerritorySpec>& territories);

/// How renewals run. kReplayWhenExact: replayed at month ends when the accounts allow it
/// (AccountPool::late_release_exact), else events. kEvents: always events (tests compare).
enum class RenewalMode { kReplayWhenExact, kEvents };

class CustomerBase final : public CoverageListener {
 public:
  /// One cache line: a renewal, which reaches customers in no order the hardware can foresee,
  /// loads one line, not the two or three of the 184 bytes it was with the MRR history inside
  /// (docs/performance.md). The history is kept by month instead (mrr_at).
  struct alignas(64) Customer {
    sim::Rng rng;  ///< renewal draws: churn, expansion
    double mrr = 0;
    double renews_at = 0;                 ///< end of the current term (days)
    double coverage_draw = 0;             ///< covered when below the coverage share at a renewal
    std::size_t territory = kUnassigned;  ///< where it is; every customer has one
    std::size_t segment = kUnassigned;
    /// Months fit 16 bits: a horizon is at most 600 months (scenario-reference.md).
    std::int16_t first_month = 0;          ///< first month-end snapshot (0: day 0) it was active at
    std::int16_t churn_month = INT16_MAX;  ///< month in which it churned
    bool active = false;
    bool annual = false;
    bool upfront = false;  ///< an annual contract billed a year at a time
  };
  static_assert(sizeof(Customer) == 64);

  /// `accounts`: a churned customer's account cools off.
  CustomerBase(ModelContext& context, AccountPool& accounts,
               RenewalMode mode = RenewalMode::kReplayWhenExact);

  /// Day 0: the initial customers, each from its own stream: its MRR, territory (in proportion
  /// to the territories' inbound lead flow, or by their own counts when initial_customers_placed:
  /// the uniform is drawn all the same; it takes one of a finite territory's accounts), segment,
  /// then how far into its current term it is (uniform: anniversaries spread over the term, and
  /// an upfront customer has paid for the current term already).
  void add_initial(const SegmentMix& segments);
  /// A new customer paying `mrr`, drawing its term and renewals from `rng`.
  void add(double mrr, sim::Rng rng, std::size_t territory, std::size_t segment);

  /// The customer's term ends: it churns or renews, with the coverage that customer success's
  /// `covered_accounts` give. The event path (!replays_renewals()).
  void renew(std::uint32_t customer, std::int64_t covered_accounts);
  /// Whether renewals are replayed at month ends instead of being simulator events: when a
  /// churn's account, released late, changes nothing seen meanwhile. Fixed at construction.
  bool replays_renewals() const { return replay_; }
  /// The renewals due by `month_end` (now), replayed in the order the simulator would have run
  /// them, each seeing the wins and changes of customer success's accounts at or before its
  /// time (renewals run after both at the same instant) and the churns before it; the revenue
  /// the rates did not accrue is added to the ledger. Returns how many were replayed (events
  /// they stand for). Call first at the month end, before anything reads the customers.
  std::uint64_t replay_renewals(double month_end);
  /// CoverageListener: kept for the replay (ignored on the event path).
  void customer_success_changed(double now, std::int64_t accounts) override;
  /// Month `month` ends: MRR is summed afresh (so rounding from many small updates never
  /// accumulates) and each active customer's MRR is kept for the retention cohorts.
  void close_month(int month);

  /// In the order they came: first_month never decreases along it.
  const std::vector<Customer>& customers() const { return customers_; }
  /// The customers' MRR at the month-end snapshot of `month` (0: day 0), by index, for those
  /// active then (of the others it holds anything): kept for the 13 months up to the last
  /// closed, for the retention cohorts a year back.
  const std::vector<double>& mrr_at(int month) const {
    return mrr_at_[static_cast<std::size_t>(month) % kMonthsKept];
  }
  std::size_t active() const { return active_; }
  double mrr() const { return total_mrr_; }
  /// Share of active customers customer success covers with `covered_accounts`, at most 1.
  double coverage_share(std::int64_t covered_accounts) const;

 private:
  /// A customer whose current term ends in `term_left` days (a new one: a whole term), billed
  /// upfront for it already when `paid`.
  void add_customer(double mrr, sim::Rng& rng, std::size_t territory, std::size_t segment,
                    double term_left_share, bool paid);
  /// Schedules the renewal `days` from now.
  void schedule_renewal(std::uint32_t index, double days);
  /// The renewal body both paths share: with coverage share `coverage`, the customer churns
  /// (marked, the month's churn tallies counted) or renews (expanded). Returns the change of its
  /// MRR. The caller counts renewals and updates the totals, the account and the next term.
  struct Renewal {
    bool churned;
    double mrr_change;
  };
  inline Renewal renew_customer(Customer& customer,
                                double coverage);  // defined, forced inline, in the .cc
  /// Starts the next term at `now` (a win's or a renewal's time): it ends at renews_at, and
  /// when billed upfront its invoice is collected. The caller schedules its renewal.
  inline void start_term_at(Customer& customer, double now);
  /// start_term_at now, and the renewal scheduled: an event, or into the won lists.
  inline void start_term(Customer& customer,
                         std::uint32_t index);  // defined, forced inline, in the .cc
  /// The MRR factor of a renewed term whose monthly expansion (with any coverage bonus) is
  /// `change`: the month's growth, never below 0, compounded twelve times for a year.
  static double mrr_factor(double change, bool annual);
  void set_revenue_rates();

  ModelContext& context_;
  const ScenarioSpec& spec_;
  AccountPool& accounts_;
  /// Renewals of whole terms, scheduled a fixed term after now as each term starts, are in time
  /// order already: they wait in the simulator's lanes, one per term length, not in its queue.
  /// None when replaying.
  sim::Simulator::LaneId monthly_renewals_ = sim::Simulator::kNoLane;
  sim::Simulator::LaneId annual_renewals_ = sim::Simulator::kNoLane;
  /// The monthly expansion when it is a constant no probe may pin: drawn without sampling.
  std::optional<double> fixed_expansion_;
  /// What a renewal takes from the spec, by term (annual) and coverage (covered), worked out
  /// once with renew's own expressions: the churn probability before a segment's factor and,
  /// with fixed_expansion_, the term's MRR factor (growth, or growth^12 for a year). Every
  /// renewal multiplied them out again, and an annual one called pow (docs/performance.md).
  struct RenewalTerms {
    double churn_probability = 0;
    double mrr_factor = 1;  ///< only with fixed_expansion_
  };
  std::array<std::array<RenewalTerms, 2>, 2> renewal_terms_{};  ///< [annual][covered]
  std::vector<Customer> customers_;
  /// MRR at month-end snapshots by month modulo 13, then by customer: the month end writes one
  /// column in order, eight customers a cache line, and the retention scan reads one. A column
  /// grows to the customers there are when its month closes.
  static constexpr std::size_t kMonthsKept = 13;
  std::array<std::vector<double>, kMonthsKept> mrr_at_;
  std::size_t active_ = 0;
  /// coverage_share(coverage_accounts_) with the active customers now, kept for renew: the
  /// division was 4 % of a renewal (docs/performance.md). kCoverageUnknown once active_ changes.
  double coverage_ = 1.0;
  std::int64_t coverage_accounts_ = kCoverageUnknown;
  static constexpr std::int64_t kCoverageUnknown = -1;
  double total_mrr_ = 0;
  double prepaid_mrr_ = 0;  ///< MRR of customers billed upfront: earned without cash coming in

  /// The replay's state (replay_ only): the pending renewals, then what happened during the
  /// month that renewals see: customers added (times, in order) and customer success's accounts
  /// (changes, in order: time and accounts after).
  bool replay_ = false;
  RenewalSchedule schedule_;
  std::vector<double> added_at_;
  std::vector<std::pair<double, std::int64_t>> coverage_changes_;
  std::size_t active_at_month_start_ = 0;       ///< active customers after the last replay
  std::int64_t covered_accounts_at_start_ = 0;  ///< customer success's accounts then
  std::int64_t covered_accounts_now_ = 0;       ///< after the last change
};

}  // namespace teamsim::model
