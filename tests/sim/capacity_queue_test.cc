#include "sim/capacity_queue.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace teamsim::sim {
namespace {

/// A queue that records whom it served, in order.
struct Recorded {
  std::vector<CapacityQueue::Id> served;
  CapacityQueue queue;
  explicit Recorded(std::int64_t capacity)
      : queue(capacity, [this](CapacityQueue::Id id) { served.push_back(id); }) {}
};

using Ids = std::vector<CapacityQueue::Id>;

TEST(CapacityQueueTest, ServesARequestAtOnceWhileASlotIsFree) {
  Recorded r(2);
  r.queue.request(7);
  r.queue.request(8);
  EXPECT_EQ(r.served, (Ids{7, 8}));
  EXPECT_EQ(r.queue.in_use(), 2);
  EXPECT_EQ(r.queue.waiting(), 0u);
}

TEST(CapacityQueueTest, ServesWaitingIdsFirstComeFirstServed) {
  Recorded r(1);
  for (CapacityQueue::Id id : {5, 3, 9, 1}) r.queue.request(id);
  EXPECT_EQ(r.served, (Ids{5}));
  EXPECT_EQ(r.queue.waiting(), 3u);
  r.queue.release();
  r.queue.release();
  r.queue.release();
  EXPECT_EQ(r.served, (Ids{5, 3, 9, 1}));
  EXPECT_EQ(r.queue.in_use(), 1);
}

TEST(CapacityQueueTest, RaisingTheCapacityServesTheQueueItself) {
  Recorded r(0);
  r.queue.request(1);
  r.queue.request(2);
  r.queue.request(3);
  EXPECT_TRUE(r.served.empty());
  r.queue.set_capacity(2);
  EXPECT_EQ(r.served, (Ids{1, 2}));
  r.queue.add_capacity(1);
  EXPECT_EQ(r.served, (Ids{1, 2, 3}));
}

TEST(CapacityQueueTest, LoweringTheCapacityWhileSlotsAreHeldServesNobodyUntilEnoughAreReleased) {
  Recorded r(3);
  for (CapacityQueue::Id id : {1, 2, 3, 4, 5}) r.queue.request(id);
  EXPECT_EQ(r.served, (Ids{1, 2, 3}));
  r.queue.set_capacity(1);
  EXPECT_EQ(r.queue.in_use(), 3);  // held slots are not taken back
  r.queue.release();
  r.queue.release();
  EXPECT_EQ(r.served, (Ids{1, 2, 3}));  // 1 held of 1
  r.queue.release();
  EXPECT_EQ(r.served, (Ids{1, 2, 3, 4}));
  r.queue.add_capacity(-1);
  r.queue.release();
  EXPECT_EQ(r.served, (Ids{1, 2, 3, 4}));
  EXPECT_EQ(r.queue.in_use(), 0);
  EXPECT_EQ(r.queue.waiting(), 1u);
}

TEST(CapacityQueueTest, ACancelledIdIsNeverServed) {
  Recorded r(1);
  r.queue.request(1);
  r.queue.request(2);
  r.queue.request(3);
  EXPECT_TRUE(r.queue.cancel(2));  // a trainee who leaves while queued
  EXPECT_FALSE(r.queue.cancel(2));
  EXPECT_FALSE(r.queue.cancel(1));  // holds a slot: not waiting
  r.queue.release();
  r.queue.release();
  EXPECT_EQ(r.served, (Ids{1, 3}));
}

TEST(CapacityQueueTest, WithdrawAllEmptiesTheQueueInOrderWithoutServing) {
  Recorded r(0);
  for (CapacityQueue::Id id : {4, 2, 6}) r.queue.request(id);
  Ids withdrawn;
  r.queue.withdraw_all([&](CapacityQueue::Id id) { withdrawn.push_back(id); });
  EXPECT_EQ(withdrawn, (Ids{4, 2, 6}));
  r.queue.set_capacity(3);
  EXPECT_TRUE(r.served.empty());
  EXPECT_EQ(r.queue.in_use(), 0);
}

TEST(CapacityQueueTest, RequestsMadeWhileServingJoinTheSameLoopInOrder) {
  Ids served;
  CapacityQueue queue(2);
  queue.set_serve([&](CapacityQueue::Id id) {
    served.push_back(id);
    if (id == 1) queue.request(10);
  });
  queue.request(1);
  queue.request(2);
  EXPECT_EQ(served, (Ids{1, 10}));
  queue.release();
  EXPECT_EQ(served, (Ids{1, 10, 2}));
}

TEST(CapacityQueueTest, MisuseThrows) {
  Recorded r(1);
  EXPECT_THROW(r.queue.release(), std::logic_error);
  EXPECT_THROW(r.queue.set_capacity(-1), std::invalid_argument);
}

}  // namespace
}  // namespace teamsim::sim
