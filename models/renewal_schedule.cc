#include "models/renewal_schedule.h"

namespace teamsim::model {

void RenewalSchedule::sort_initial() {
  std::vector<Entry>& initial = lists_[kInitial].items;
  std::sort(initial.begin() + static_cast<std::ptrdiff_t>(lists_[kInitial].next), initial.end(),
            earlier);
}

std::size_t RenewalSchedule::first_by_key(std::array<double, kLists> heads, double time) const {
  std::size_t first = kLists;
  for (std::size_t l = 0; l < kLists; ++l) {
    if (heads[l] != time) continue;
    if (first == kLists ||
        earlier(lists_[l].items[lists_[l].next], lists_[first].items[lists_[first].next])) {
      first = l;
    }
  }
  return first;
}

void RenewalSchedule::compact() {
  for (List& list : lists_) {
    if (list.next > 1024 && list.next * 4 > list.items.size() * 3) {
      list.items.erase(list.items.begin(),
                       list.items.begin() + static_cast<std::ptrdiff_t>(list.next));
      list.next = 0;
    }
  }
}

std::size_t RenewalSchedule::pending() const {
  std::size_t pending = 0;
  for (const List& list : lists_) pending += list.items.size() - list.next;
  return pending;
}

}  // namespace teamsim::model
