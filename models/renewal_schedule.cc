#include "models/renewal_schedule.h"

namespace teamsim::model {

void RenewalSchedule::sort_initial() {
  std::vector<Entry>& initial = lists_[kInitial].items;
  std::sort(initial.begin() + static_cast<std::ptrdiff_t>(lists_[kInitial].next), initial.end(),
            earlier);
}

void RenewalSchedule::start(double until) {
  for (std::size_t l = 0; l < kLists; ++l) {
    head_[l] = lists_[l].empty() ? kNone : lists_[l].items[lists_[l].next].time;
  }
  until_ = until;
  from_ = 0;
  bound_ = -kNone;
}

void RenewalSchedule::choose() {
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
    for (std::size_t l = 0; l < kLists; ++l) {
      if (l != from_ && head_[l] == first &&
          earlier(lists_[l].items[lists_[l].next], lists_[from_].items[lists_[from_].next])) {
        from_ = l;
      }
    }
    bound_ = -kNone;
  }
}

void RenewalSchedule::finish() {
  until_ = -kNone;
  for (List& list : lists_) {
    if (list.next > 1024 && list.next * 4 > list.items.size() * 3) {
      list.items.erase(list.items.begin(), list.items.begin() + static_cast<std::ptrdiff_t>(list.next));
      list.next = 0;
    }
  }
  from_ = 0;
  bound_ = -kNone;
}

std::size_t RenewalSchedule::pending() const {
  std::size_t pending = 0;
  for (const List& list : lists_) pending += list.items.size() - list.next;
  return pending;
}

}  // namespace teamsim::model
