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
  /// A whole term started by a win at `now` ends at `time`. The term's length is fixed by
  /// `annual`, so each list stays in time order.
  void add_won(bool annual, double time, double now, std::uint32_t index) {
    lists_[annual ? kWonAnnual : kWonMonthly].items.push_back({time, now, order_++, index});
  }

  class Merge;
  /// Starts a merge of the renewals due at or before `until`: take them with Merge::next.
  inline Merge merge(double until);
  /// Ends a merge: lists mostly taken drop what was taken.
  void compact();

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
  /// Of the lists whose heads are at `time` (two or more), the one whose head comes first.
  std::size_t first_by_key(std::array<double, kLists> heads, double time) const;

  std::array<List, kLists> lists_;
  std::uint32_t order_ = 0;
};

/// A merge in progress: the lists' heads and where the last renewal came from, in a local of
/// the caller (in registers and its own stack, which the customers' stores cannot alias).
class RenewalSchedule::Merge {
 public:
  Merge(RenewalSchedule& schedule, double until) : schedule_(schedule), until_(until) {
    for (std::size_t l = 0; l < kLists; ++l) {
      const List& list = schedule.lists_[l];
      head_[l] = list.empty() ? kNone : list.items[list.next].time;
    }
  }
  /// The next renewal, the earliest in the simulator's order, into `due`; false when none is
  /// due by `until`. The list the last one came from keeps giving while its head is earlier
  /// than every other list's (bound_): the heads are compared again only when another list's
  /// turn may have come (docs/performance.md).
  bool next(Entry& due) {
    if (!(head_[from_] < bound_)) choose();
    if (head_[from_] > until_) return false;
    List& list = schedule_.lists_[from_];
    due = list.items[list.next];
    ++list.next;
    head_[from_] = list.empty() ? kNone : list.items[list.next].time;
    return true;
  }
  /// A term started by the renewal just taken (at `now`) ends at `time`: into the renewed
  /// lists, and into this merge if due by its end.
  void add_renewed(bool annual, double time, double now, std::uint32_t index) {
    const std::size_t to = annual ? kRenewedAnnual : kRenewedMonthly;
    List& list = schedule_.lists_[to];
    if (list.empty()) {
      head_[to] = time;
      if (to != from_) bound_ = std::min(bound_, time);
    }
    list.items.push_back({time, now, schedule_.order_++, index});
  }

 private:
  /// Picks from_ and bound_ afresh: the earliest head by time; equal heads by the whole key,
  /// one renewal at a time. Inline: the merge's state stays a local no store can alias.
  void choose() {
    from_ = 0;
    double first = head_[0];
    double second = kNone;
    for (std::size_t l = 1; l < kLists; ++l) {
      const double h = head_[l];
      if (h < first) {
        second = first;
        first = h;
        from_ = l;
      } else if (h < second) {
        second = h;
      }
    }
    bound_ = second;
    if (first == second && first <= until_) [[unlikely]] {
      from_ = schedule_.first_by_key(head_, first);
      bound_ = -kNone;
    }
  }

  RenewalSchedule& schedule_;
  std::array<double, kLists> head_{};  ///< each list's next time, kNone when it has none
  std::size_t from_ = 0;
  double bound_ = -kNone;
  double until_;
};

inline RenewalSchedule::Merge RenewalSchedule::merge(double until) { return Merge(*this, until); }

}  // namespace teamsim::model
