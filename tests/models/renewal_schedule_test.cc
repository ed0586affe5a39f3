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
  schedule.start(until);
  RenewalSchedule::Entry due{};
  while (schedule.next(due)) order.push_back(due.index);
  schedule.finish();
  return order;
}

TEST(RenewalScheduleTest, TheListsMergeInTimeOrderUpToTheEnd) {
  RenewalSchedule schedule;
  schedule.add_initial(20, 0);
  schedule.add_initial(5, 1);
  schedule.add_initial(40, 2);
  schedule.sort_initial();
  schedule.add(/*annual=*/false, /*renewed=*/false, 12, 1, 3);
  schedule.add(/*annual=*/true, /*renewed=*/false, 25, 2, 4);
  schedule.add(/*annual=*/false, /*renewed=*/false, 30, 3, 5);
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
  schedule.add(/*annual=*/true, /*renewed=*/false, 10, 4, 1);
  schedule.add(/*annual=*/false, /*renewed=*/false, 10, 3, 2);
  schedule.add(/*annual=*/false, /*renewed=*/false, 11, 4, 3);
  schedule.add(/*annual=*/true, /*renewed=*/false, 11, 4, 4);  // after 3, at the same time
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
  schedule.start(10);
  RenewalSchedule::Entry due{};
  while (schedule.next(due)) {
    order.push_back(due.index);
    if (due.index == 0) schedule.add(/*annual=*/false, /*renewed=*/true, 8, due.time, 2);
  }
  schedule.finish();
  EXPECT_EQ(order, (std::vector<std::uint32_t>{0, 2, 1}));
}

}  // namespace
}  // namespace teamsim::model
