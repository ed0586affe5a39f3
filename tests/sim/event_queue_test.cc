#include "sim/event_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace teamsim::sim {
namespace {

std::vector<std::uint32_t> drain_kinds(EventQueue& queue) {
  std::vector<std::uint32_t> kinds;
  while (!queue.empty()) kinds.push_back(queue.pop().kind);
  return kinds;
}

TEST(EventQueueTest, OrdersByTimeThenPriorityThenSchedulingOrder) {
  EventQueue queue;
  queue.push(2.0, 0, 1, 0);
  queue.push(1.0, 5, 2, 0);
  queue.push(1.0, -1, 3, 0);
  queue.push(1.0, 5, 4, 0);
  queue.push(0.5, 9, 5, 0);
  queue.push(1.0, 5, 6, 0);
  EXPECT_EQ(drain_kinds(queue), (std::vector<std::uint32_t>{5, 3, 2, 4, 6, 1}));
}

TEST(EventQueueTest, PopReturnsTheScheduledFields) {
  EventQueue queue;
  queue.push(3.5, 7, 11, 42);
  const Event& top = queue.top();
  EXPECT_EQ(top.time, 3.5);
  const Event event = queue.pop();
  EXPECT_EQ(event.time, 3.5);
  EXPECT_EQ(event.priority, 7);
  EXPECT_EQ(event.kind, 11u);
  EXPECT_EQ(event.subject, 42u);
  EXPECT_EQ(event.sequence, 0u);
}

TEST(EventQueueTest, SizeAndEmptyCountLiveEvents) {
  EventQueue queue;
  EXPECT_TRUE(queue.empty());
  EXPECT_EQ(queue.size(), 0u);
  const EventId a = queue.push(1.0, 0, 1, 0);
  queue.push(2.0, 0, 2, 0);
  EXPECT_FALSE(queue.empty());
  EXPECT_EQ(queue.size(), 2u);
  EXPECT_TRUE(queue.cancel(a));
  EXPECT_EQ(queue.size(), 1u);
  queue.pop();
  EXPECT_TRUE(queue.empty());
  EXPECT_EQ(queue.size(), 0u);
}

TEST(EventQueueTest, CancelledEventIsSkipped) {
  EventQueue queue;
  queue.push(1.0, 0, 1, 0);
  const EventId b = queue.push(2.0, 0, 2, 0);
  queue.push(3.0, 0, 3, 0);
  EXPECT_TRUE(queue.cancel(b));
  EXPECT_EQ(drain_kinds(queue), (std::vector<std::uint32_t>{1, 3}));
}

TEST(EventQueueTest, CancelledTopIsSkippedByTop) {
  EventQueue queue;
  const EventId a = queue.push(1.0, 0, 1, 0);
  queue.push(2.0, 0, 2, 0);
  EXPECT_TRUE(queue.cancel(a));
  EXPECT_EQ(queue.top().kind, 2u);
  EXPECT_EQ(queue.pop().kind, 2u);
}

TEST(EventQueueTest, ALaterPushKeepsThePeekedEventForDropPeeked) {
  // Later events pushed between peek and drop_peeked: one at the peeked tick (today's heap), one
  // a few ticks on (a bucket), one beyond the wheel (overflow). drop_peeked still removes the
  // peeked event, whether peek found it in today's run or in today's heap.
  EventQueue queue;
  queue.push(1.0, 0, 1, 0);
  queue.push(1.0, 0, 2, 0);
  EXPECT_EQ(queue.peek().kind, 1u);  // in today's run
  queue.push(1.0, 1, 3, 0);
  queue.push(1.5, 0, 4, 0);
  queue.push(9'000.0, 0, 5, 0);
  queue.drop_peeked();
  EXPECT_EQ(queue.peek().kind, 2u);
  queue.drop_peeked();
  EXPECT_EQ(queue.peek().kind, 3u);  // in today's heap
  queue.push(1.0, 2, 6, 0);
  queue.drop_peeked();
  EXPECT_EQ(drain_kinds(queue), (std::vector<std::uint32_t>{6, 4, 5}));
}

TEST(EventQueueTest, CancelTwiceReturnsFalse) {
  EventQueue queue;
  const EventId a = queue.push(1.0, 0, 1, 0);
  EXPECT_TRUE(queue.cancel(a));
  EXPECT_FALSE(queue.cancel(a));
  EXPECT_TRUE(queue.empty());
}

TEST(EventQueueTest, CancelAfterPopReturnsFalse) {
  EventQueue queue;
  const EventId a = queue.push(1.0, 0, 1, 0);
  queue.push(2.0, 0, 2, 0);
  queue.pop();
  EXPECT_FALSE(queue.cancel(a));
  EXPECT_EQ(queue.size(), 1u);
}

TEST(EventQueueTest, InvalidAndUnknownIdsAreIgnored) {
  EventQueue queue;
  queue.push(1.0, 0, 1, 0);
  EXPECT_FALSE(queue.cancel(EventId{}));
  EXPECT_FALSE(queue.cancel(EventId{1000, 0}));
  EXPECT_EQ(queue.size(), 1u);
}

TEST(EventQueueTest, ReusedSlotIsNotCancelledByAnOldId) {
  EventQueue queue;
  const EventId old_popped = queue.push(1.0, 0, 1, 0);
  queue.pop();
  const EventId reused = queue.push(2.0, 0, 2, 0);
  ASSERT_EQ(reused.slot, old_popped.slot);
  EXPECT_NE(reused.generation, old_popped.generation);
  EXPECT_FALSE(queue.cancel(old_popped));
  EXPECT_EQ(queue.size(), 1u);

  const EventId old_cancelled = queue.push(0.5, 0, 3, 0);
  EXPECT_TRUE(queue.cancel(old_cancelled));
  EXPECT_EQ(queue.pop().kind, 2u);  // drops the cancelled entry and frees its slot
  const EventId again = queue.push(4.0, 0, 4, 0);
  EXPECT_FALSE(queue.cancel(old_cancelled));
  EXPECT_EQ(queue.size(), 1u);
  EXPECT_TRUE(queue.cancel(again));
}

TEST(EventQueueTest, ClearDropsEverythingAndInvalidatesIds) {
  EventQueue queue;
  const EventId a = queue.push(1.0, 0, 1, 0);
  queue.push(2.0, 0, 2, 0);
  queue.clear();
  EXPECT_TRUE(queue.empty());
  EXPECT_FALSE(queue.cancel(a));
  queue.push(5.0, 0, 7, 0);
  EXPECT_FALSE(queue.cancel(a));
  const Event event = queue.pop();
  EXPECT_EQ(event.kind, 7u);
  EXPECT_EQ(event.sequence, 0u);
}

TEST(EventQueueTest, NonFiniteTimeThrows) {
  EventQueue queue;
  EXPECT_THROW(queue.push(std::numeric_limits<double>::quiet_NaN(), 0, 1, 0),
               std::invalid_argument);
  EXPECT_THROW(queue.push(std::numeric_limits<double>::infinity(), 0, 1, 0), std::invalid_argument);
  EXPECT_THROW(queue.push(-std::numeric_limits<double>::infinity(), 0, 1, 0),
               std::invalid_argument);
  EXPECT_TRUE(queue.empty());
}

// Runs 20,000 random pushes, pops and cancels against a std::set of (time, priority, sequence)
// keys; `delay(gen)` gives how far after the last popped time each new event is scheduled.
template <class Delay>
void expect_reference_order(Delay delay) {
  using Key = std::tuple<double, Priority, std::uint64_t>;
  std::mt19937_64 gen(12345);
  std::uniform_int_distribution<Priority> priority(-2, 2);
  std::uniform_int_distribution<int> action(0, 9);

  EventQueue queue;
  std::set<Key> reference;
  std::vector<std::pair<EventId, Key>> handles;
  std::uint64_t sequence = 0;
  double now = 0;
  for (int op = 0; op < 20000; ++op) {
    const int a = action(gen);
    if (a < 5 || reference.empty()) {
      const double time = now + delay(gen);
      const Priority p = priority(gen);
      const EventId id = queue.push(time, p, static_cast<std::uint32_t>(sequence), 0);
      const Key key{time, p, sequence++};
      reference.insert(key);
      handles.emplace_back(id, key);
    } else if (a < 8) {
      const Event event = queue.pop();
      ASSERT_FALSE(reference.empty());
      const Key expected = *reference.begin();
      reference.erase(reference.begin());
      ASSERT_EQ((Key{event.time, event.priority, event.sequence}), expected);
      ASSERT_EQ(event.kind, static_cast<std::uint32_t>(std::get<2>(expected)));
      now = event.time;
    } else {
      std::uniform_int_distribution<std::size_t> pick(0, handles.size() - 1);
      const auto& [id, key] = handles[pick(gen)];
      const bool pending = reference.count(key) > 0;
      ASSERT_EQ(queue.cancel(id), pending);
      reference.erase(key);
    }
    ASSERT_EQ(queue.size(), reference.size());
  }
  while (!reference.empty()) {
    const Event event = queue.pop();
    ASSERT_EQ((Key{event.time, event.priority, event.sequence}), *reference.begin());
    reference.erase(reference.begin());
  }
  EXPECT_TRUE(queue.empty());
}

TEST(EventQueueTest, MatchesAReferenceOrderingUnderRandomOperations) {
  std::uniform_int_distribution<int> coarse_time(0, 50);  // many ties on purpose
  expect_reference_order([&](std::mt19937_64& gen) { return coarse_time(gen) * 0.5; });
}

TEST(EventQueueTest, MatchesTheReferenceAcrossTheWheelAndBeyondIt) {
  // Delays from a fraction of a tick (half a day) to many wheel turns (the wheel spans 8,192
  // days), so events land in the current tick's heap, in buckets, and in the overflow, and move
  // between them as it turns.
  std::uniform_int_distribution<int> which(0, 4);
  std::uniform_real_distribution<double> fraction(0, 1);
  std::uniform_int_distribution<int> days(1, 10000);
  std::uniform_int_distribution<int> far(8000, 120000);
  expect_reference_order([&](std::mt19937_64& gen) {
    switch (which(gen)) {
      case 0:
        return fraction(gen);
      case 1:
        return static_cast<double>(days(gen));
      case 2:
        return days(gen) + fraction(gen);
      case 3:
        return 0.5 * fraction(gen);
      default:
        return static_cast<double>(far(gen));
    }
  });
}

TEST(EventQueueTest, OrdersNegativeHugeAndEarlierThanTodayTimes) {
  EventQueue queue;
  queue.push(1e300, 0, 1, 0);
  queue.push(5e15, 0, 2, 0);  // beyond the clamped tick: ordered by exact time all the same
  queue.push(4.6e15, 0, 3, 0);
  queue.push(10'000.5, 0, 4, 0);
  queue.push(3.25, 0, 5, 0);
  EXPECT_EQ(queue.pop().kind, 5u);
  queue.push(-7.5, 0, 6, 0);  // earlier than the tick being run: still comes first
  queue.push(3.0, 0, 7, 0);
  EXPECT_EQ(drain_kinds(queue), (std::vector<std::uint32_t>{6, 7, 4, 3, 2, 1}));
}

TEST(EventQueueTest, CancelledEventsInBucketsAndOverflowAreSkipped) {
  EventQueue queue;
  const EventId in_bucket = queue.push(10.0, 0, 1, 0);
  const EventId in_overflow = queue.push(9'000.0, 0, 2, 0);
  queue.push(11.0, 0, 3, 0);
  queue.push(9'001.0, 0, 4, 0);
  EXPECT_TRUE(queue.cancel(in_bucket));
  EXPECT_TRUE(queue.cancel(in_overflow));
  EXPECT_EQ(queue.size(), 2u);
  EXPECT_EQ(drain_kinds(queue), (std::vector<std::uint32_t>{3, 4}));
  // Every slot came back: new events reuse them and old ids stay stale.
  queue.push(1.0, 0, 5, 0);
  EXPECT_FALSE(queue.cancel(in_bucket));
  EXPECT_EQ(drain_kinds(queue), (std::vector<std::uint32_t>{5}));
}

}  // namespace
}  // namespace teamsim::sim
