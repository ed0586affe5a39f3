// RenewalSchedule on its own: the merge of its lists in the simulator's order (time, then the
// time scheduled, then the order scheduled), renewals added during a merge, and nothing taken
// past the merge's end. Expected orders by hand.
#include "models/renewal_schedule.h"

#include <gtest/gtest.h>

#include <vector>

namespace teamsim::model {
namespace {

std::vector<std::uint32_t> merge(RenewalSchedule& schedule, double until) {
  std::vector<std::uint32_t> order;
  RenewalSchedule::Merge merge = schedule.merge(until);
  RenewalSchedule::Entry due{};
  while (merge.next(due)) order.push_back(due.index);
  schedule.compact();
  return order;
}

TEST(RenewalScheduleTest, TheListsMergeInTimeOrderUpToTheEnd) {
  RenewalSchedule schedule;
  schedule.add_initial(20, 0);
  schedule.add_initial(5, 1);
  schedule.add_initial(40, 2);
  schedule.sort_initial();
  schedule.add_won(/*annual=*/false, 12, 1, 3);
  schedule.add_won(/*annual=*/true, 25, 2, 4);
  schedule.add_won(/*annual=*/false, 30, 3, 5);
  EXPECT_EQ(merge(schedule, 30), (std::vector<std::uint32_t>{1, 3, 0, 4, 5}));
  EXPECT_EQ(schedule.pending(), 1u);
  EXPECT_EQ(merge(schedule, 39), std::vector<std::uint32_t>{});
  EXPECT_EQ(merge(schedule, 40), std::vector<std::uint32_t>{2});
  EXPECT_EQ(schedule.pending(), 0u);
}

// Equal times: the earlier scheduled first; scheduled at the same time, the first scheduled.
TEST(RenewalScheduleTest, EqualTimesGoByWhenAndInWhatOrderTheyWereScheduled) {
  RenewalSchedule schedule;
  schedule.add_initial(10, 0);  // scheduled at day 0, first of all
  schedule.sort_initial();
  schedule.add_won(/*annual=*/true, 10, 4, 1);
  schedule.add_won(/*annual=*/false, 10, 3, 2);
  schedule.add_won(/*annual=*/false, 11, 4, 3);
  schedule.add_won(/*annual=*/true, 11, 4, 4);  // after 3, at the same time
  EXPECT_EQ(merge(schedule, 11), (std::vector<std::uint32_t>{0, 2, 1, 3, 4}));
}

// A renewal replayed at day 3 whose next term ends at day 8, before the month end: taken in
// the same merge, in its place among the others.
TEST(RenewalScheduleTest, ARenewalAddedDuringTheMergeIsTakenInItsPlace) {
  RenewalSchedule schedule;
  schedule.add_initial(3, 0);
  schedule.add_initial(9, 1);
  schedule.sort_initial();
  std::vector<std::uint32_t> order;
  RenewalSchedule::Merge merge = schedule.merge(10);
  RenewalSchedule::Entry due{};
  while (merge.next(due)) {
    order.push_back(due.index);
    if (due.index == 0) merge.add_renewed(/*annual=*/false, 8, due.time, 2);
  }
  schedule.compact();
  EXPECT_EQ(order, (std::vector<std::uint32_t>{0, 2, 1}));
}

}  // namespace
}  // namespace teamsim::model
