#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

// The customers' pending renewals when they are replayed at month ends instead of being
// simulator events (CustomerBase::replay_renewals): five lists, each in time order, merged in
// the order the simulator would have run them.

namespace teamsim::model {

class RenewalSchedule {
 public:
  /// A renewal due at `time`. Ties in time are broken as the simulator's sequence numbers
  /// would: by the time it was scheduled, then the order scheduled (`order`, one count for all).
  struct Entry {
    double time;
    double scheduled_at;
    std::uint32_t order;  ///< wraps after 2^32 renewals: far beyond any replication's limits
    std::uint32_t index;  ///< the customer
  };
  static bool earlier(const Entry& a, const Entry& b) {
    if (a.time != b.time) return a.time < b.time;
    if (a.scheduled_at != b.scheduled_at) return a.scheduled_at < b.scheduled_at;
    return a.order < b.order;
  }

  /// An initial customer's first renewal, scheduled at day 0 (any order of times: sort_initial).
  void add_initial(double time, std::uint32_t index) {
    lists_[kInitial].items.push_back({time, 0.0, order_++, index});
  }
  /// Puts the initial renewals in time order: once, after the last add_initial.
  void sort_initial();
  /// A whole term started at `now` ends at `time`: by a win (`renewed` false) or a renewal,
  /// while the month is replayed (`renewed`). The term's length is fixed by `annual`, so each of
  /// the four lists stays in time order. During a replay the merge sees it at once.
  void add(bool annual, bool renewed, double time, double now, std::uint32_t index) {
    const std::size_t to = renewed ? (annual ? kRenewedAnnual : kRenewedMonthly)
                                   : (annual ? kWonAnnual : kWonMonthly);
    List& list = lists_[to];
    if (list.empty()) {
      head_[to] = time;
      if (to != from_) bound_ = std::min(bound_, time);
    }
    list.items.push_back({time, now, order_++, index});
  }

  /// Starts a merge of the renewals due at or before `until`.
  void start(double until);
  /// The next renewal of the merge, the earliest by the simulator's order, into `due`; false
  /// when none is due by `until`. The list the last one came from keeps giving while its head
  /// is earlier than every other list's (bound_): the heads are compared again only when another
  /// list's turn may have come (docs/performance.md).
  bool next(Entry& due) {
    if (!(head_[from_] < bound_)) choose();
    if (head_[from_] > until_) return false;
    List& list = lists_[from_];
    due = list.items[list.next];
    ++list.next;
    head_[from_] = list.empty() ? kNone : list.items[list.next].time;
    return true;
  }
  /// Ends the merge: lists mostly taken drop what was taken.
  void finish();

  /// Renewals pending.
  std::size_t pending() const;

 private:
  static constexpr double kNone = std::numeric_limits<double>::infinity();
  /// 0: the initial customers' first renewals (sorted once); 1, 2: monthly and annual terms
  /// started by wins; 3, 4: by replayed renewals.
  enum : std::size_t { kInitial, kWonMonthly, kWonAnnual, kRenewedMonthly, kRenewedAnnual, kLists };
  /// Entries in time order, those before `next` taken.
  struct List {
    std::vector<Entry> items;
    std::size_t next = 0;
    bool empty() const { return next == items.size(); }
  };
  /// Picks from_ and bound_ afresh: the earliest head by time; equal heads by the whole key,
  /// one renewal at a time.
  void choose();

  std::array<List, kLists> lists_;
  std::array<double, kLists> head_{};  ///< each list's next time, kNone when it has none
  std::size_t from_ = 0;
  double bound_ = -kNone;
  double until_ = -kNone;  ///< outside a merge nothing is due
  std::uint32_t order_ = 0;
};

}  // namespace teamsim::model
