#include "sim/simulator.h"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace teamsim::sim {
namespace {

struct Recorder {
  std::vector<std::pair<Time, std::uint32_t>> seen;
  void operator()(const Event& event) { seen.emplace_back(event.time, event.kind); }
};

TEST(SimulatorTest, StepHandlesEventsInOrderAndAdvancesTheClock) {
  Simulator sim;
  sim.schedule_at(2.0, 0, 2);
  sim.schedule_in(1.0, 0, 1);
  Recorder recorder;
  EXPECT_TRUE(sim.step(recorder));
  EXPECT_EQ(sim.now(), 1.0);
  EXPECT_TRUE(sim.step(recorder));
  EXPECT_EQ(sim.now(), 2.0);
  EXPECT_FALSE(sim.step(recorder));
  EXPECT_EQ(sim.now(), 2.0);
  EXPECT_EQ(sim.events_handled(), 2u);
  EXPECT_EQ(recorder.seen, (std::vector<std::pair<Time, std::uint32_t>>{{1.0, 1}, {2.0, 2}}));
}

TEST(SimulatorTest, CountsEventsByKindAndThePendingEventsEachFound) {
  Simulator sim;
  sim.schedule_at(1.0, 0, 3);
  sim.schedule_at(2.0, 0, 3);
  sim.schedule_at(3.0, 0, 0);
  sim.schedule_at(4.0, 0, 1000);  // beyond the counted kinds: shares the last counter
  Recorder recorder;
  sim.run_until(10.0, recorder);
  EXPECT_EQ(sim.events_by_kind()[3], 2u);
  EXPECT_EQ(sim.events_by_kind()[0], 1u);
  EXPECT_EQ(sim.events_by_kind()[Simulator::kCountedKinds - 1], 1u);
  // Each event was taken with 4, 3, 2 and 1 events pending (itself included).
  EXPECT_EQ(sim.pending_sum(), 4u + 3u + 2u + 1u);
}

TEST(SimulatorTest, EventsCountedInBulkAreCountedApartFromThoseTheLoopTook) {
  Simulator sim;
  sim.schedule_at(1.0, 0, 3);
  Recorder recorder;
  sim.run_until(10.0, recorder);
  sim.count_handled(3, 5);     // five of kind 3 replayed in bulk
  sim.count_handled(1000, 2);  // beyond the counted kinds: the last counter, as for events
  EXPECT_EQ(sim.events_handled(), 1u + 5u + 2u);
  EXPECT_EQ(sim.events_by_kind()[3], 1u + 5u);
  EXPECT_EQ(sim.bulk_by_kind()[3], 5u);
  EXPECT_EQ(sim.events_by_kind()[Simulator::kCountedKinds - 1], 2u);
  EXPECT_EQ(sim.bulk_by_kind()[Simulator::kCountedKinds - 1], 2u);
  // Only the event the loop took found anything pending (itself).
  EXPECT_EQ(sim.pending_sum(), 1u);
}

TEST(SimulatorTest, RunUntilIncludesEventsAtExactlyUntilAndSetsTheClock) {
  Simulator sim;
  sim.schedule_at(1.0, 0, 1);
  sim.schedule_at(5.0, 0, 5);
  sim.schedule_at(5.0000001, 0, 6);
  Recorder recorder;
  sim.run_until(5.0, recorder);
  EXPECT_EQ(recorder.seen, (std::vector<std::pair<Time, std::uint32_t>>{{1.0, 1}, {5.0, 5}}));
  EXPECT_EQ(sim.now(), 5.0);
  EXPECT_EQ(sim.pending(), 1u);

  sim.run_until(30.0, recorder);
  EXPECT_EQ(sim.now(), 30.0);
  EXPECT_EQ(sim.pending(), 0u);
  EXPECT_EQ(sim.events_handled(), 3u);
}

TEST(SimulatorTest, RunUntilWithAStopAsksEveryIntervalAndGivesUpWhenTold) {
  // Three intervals' worth of events, one a day; the stop says yes at its second question, so
  // exactly two intervals are handled and the clock stays at the last one.
  constexpr std::uint64_t kInterval = Simulator::kStopCheckInterval;
  Simulator sim;
  for (std::uint64_t i = 1; i <= 3 * kInterval; ++i) sim.schedule_at(static_cast<Time>(i), 0, 1);
  int questions = 0;
  const auto noop = [](const Event&) {};
  EXPECT_FALSE(sim.run_until(1e9, noop, [&] { return ++questions == 2; }));
  EXPECT_EQ(questions, 2);
  EXPECT_EQ(sim.events_handled(), 2 * kInterval);
  EXPECT_EQ(sim.now(), static_cast<Time>(2 * kInterval));

  // Never told to stop: runs to the end like run_until and moves the clock to `until`.
  EXPECT_TRUE(sim.run_until(1e9, noop, [] { return false; }));
  EXPECT_EQ(sim.events_handled(), 3 * kInterval);
  EXPECT_EQ(sim.now(), 1e9);
}

TEST(SimulatorTest, RunUntilOnAnEmptyQueueMovesTheClock) {
  Simulator sim;
  Recorder recorder;
  sim.run_until(12.0, recorder);
  EXPECT_EQ(sim.now(), 12.0);
  EXPECT_TRUE(recorder.seen.empty());
}

TEST(SimulatorTest, ScheduleInIsRelativeToNow) {
  Simulator sim;
  Recorder recorder;
  sim.run_until(10.0, recorder);
  sim.schedule_in(2.5, 0, 1);
  sim.step(recorder);
  EXPECT_EQ(sim.now(), 12.5);
}

TEST(SimulatorTest, HandlerMayScheduleAndCancelWhileHandling) {
  Simulator sim;
  std::vector<Time> times;
  EventId doomed = sim.schedule_at(2.5, 0, 99);
  sim.schedule_at(1.0, 0, 0);
  auto handler = [&](const Event& event) {
    EXPECT_NE(event.kind, 99u);
    times.push_back(event.time);
    if (event.kind == 0) sim.cancel(doomed);
    if (event.kind < 3) sim.schedule_in(1.0, 0, event.kind + 1);
  };
  sim.run_until(100.0, handler);
  EXPECT_EQ(times, (std::vector<Time>{1.0, 2.0, 3.0, 4.0}));
  EXPECT_EQ(sim.events_handled(), 4u);
}

TEST(SimulatorTest, SameTimeEventsRunByPriorityThenSchedulingOrder) {
  Simulator sim;
  sim.schedule_at(1.0, 2, 1);
  sim.schedule_at(1.0, 1, 2);
  sim.schedule_at(1.0, 2, 3);
  Recorder recorder;
  sim.run_until(1.0, recorder);
  EXPECT_EQ(recorder.seen,
            (std::vector<std::pair<Time, std::uint32_t>>{{1.0, 2}, {1.0, 1}, {1.0, 3}}));
}

TEST(SimulatorTest, HandlerExceptionIsRethrownWithTheTimeAndKind) {
  Simulator sim;
  sim.schedule_at(12.5, 0, 3);
  auto handler = [](const Event&) { throw std::runtime_error("rep has no territory"); };
  try {
    sim.run_until(20.0, handler);
    FAIL() << "expected SimulationError";
  } catch (const SimulationError& e) {
    EXPECT_EQ(e.time(), 12.5);
    EXPECT_EQ(e.kind(), 3u);
    EXPECT_EQ(std::string(e.what()), "at day 12.5 (event kind 3)");
    EXPECT_THROW(std::rethrow_if_nested(e), std::runtime_error);
  }
  EXPECT_EQ(sim.now(), 12.5);
}

/// A handler's own exception type, to find again inside the SimulationError.
struct HandlerFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
  int code = 42;
};

TEST(SimulatorTest, SimulationErrorKeepsTheHandlersExceptionNestedWithItsType) {
  Simulator sim;
  sim.schedule_at(3.0, 0, 5);
  auto handler = [](const Event&) { throw HandlerFailure("boom"); };
  try {
    sim.step(handler);
    FAIL() << "expected SimulationError";
  } catch (const SimulationError& e) {
    EXPECT_EQ(e.kind(), 5u);
    try {
      std::rethrow_if_nested(e);
      FAIL() << "expected the handler's exception nested";
    } catch (const HandlerFailure& inner) {
      EXPECT_STREQ(inner.what(), "boom");
      EXPECT_EQ(inner.code, 42);
    }
  }
}

TEST(SimulatorTest, RethrowNestedThrowsOnlyTheAskedType) {
  Simulator sim;
  sim.schedule_at(1.0, 0, 1);
  sim.schedule_at(2.0, 0, 1);
  auto handler = [](const Event& event) {
    if (event.time < 1.5) throw HandlerFailure("typed");
    throw std::logic_error("other");
  };
  try {
    sim.step(handler);
  } catch (const SimulationError& e) {
    EXPECT_THROW(rethrow_nested<HandlerFailure>(e), HandlerFailure);
  }
  try {
    sim.step(handler);
  } catch (const SimulationError& e) {
    EXPECT_NO_THROW(rethrow_nested<HandlerFailure>(e));
  }
}

TEST(SimulatorTest, SimulationErrorFromAHandlerIsNotWrappedTwice) {
  Simulator sim;
  sim.schedule_at(4.0, 0, 8);
  auto handler = [](const Event&) { throw SimulationError(1.0, 2); };
  try {
    sim.step(handler);
    FAIL() << "expected SimulationError";
  } catch (const SimulationError& e) {
    EXPECT_EQ(e.time(), 1.0);
    EXPECT_EQ(std::string(e.what()), "at day 1 (event kind 2)");
  }
}

TEST(SimulatorTest, InvalidScheduleArgumentsThrow) {
  Simulator sim;
  Recorder recorder;
  sim.run_until(10.0, recorder);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_THROW(sim.schedule_in(-0.5, 0, 1), std::invalid_argument);
  EXPECT_THROW(sim.schedule_in(nan, 0, 1), std::invalid_argument);
  EXPECT_THROW(sim.schedule_in(inf, 0, 1), std::invalid_argument);
  EXPECT_THROW(sim.schedule_at(9.5, 0, 1), std::invalid_argument);
  EXPECT_THROW(sim.schedule_at(nan, 0, 1), std::invalid_argument);
  EXPECT_THROW(sim.schedule_at(inf, 0, 1), std::invalid_argument);
  EXPECT_EQ(sim.pending(), 0u);
  sim.schedule_in(0.0, 0, 1);
  sim.schedule_at(10.0, 0, 1);
  EXPECT_EQ(sim.pending(), 2u);
}

TEST(SimulatorTest, InvalidScheduleMessagesNameTheValue) {
  Simulator sim;
  try {
    sim.schedule_in(-0.5, 0, 1);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("negative"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("-0.5"), std::string::npos) << e.what();
  }
  Recorder recorder;
  sim.run_until(3.0, recorder);
  try {
    sim.schedule_at(2.0, 0, 1);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("got 2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("(3)"), std::string::npos) << e.what();
  }
}

TEST(SimulatorTest, LaneEventsRunWhereTheQueueWouldHaveRunThem) {
  // By hand: a queued event at day 2 (priority 1), then lane events at days 2 (priority 0), 2
  // (priority 1, scheduled after the queued one: runs after it) and 3; a queued event at day 3
  // scheduled after the lane's day-3 event runs after it.
  Simulator sim;
  const Simulator::LaneId lane = sim.add_lane();
  sim.schedule_at(2.0, 1, 10);
  sim.schedule_in_lane(lane, 2.0, 0, 20);
  sim.schedule_in_lane(lane, 2.0, 1, 21);
  sim.schedule_in_lane(lane, 3.0, 0, 22);
  sim.schedule_at(3.0, 0, 11);
  EXPECT_EQ(sim.pending(), 5u);
  Recorder recorder;
  sim.run_until(2.5, recorder);
  EXPECT_EQ(recorder.seen,
            (std::vector<std::pair<Time, std::uint32_t>>{{2.0, 20}, {2.0, 10}, {2.0, 21}}));
  sim.run_until(10, recorder);
  EXPECT_EQ(recorder.seen.size(), 5u);
  EXPECT_EQ(recorder.seen[3], (std::pair<Time, std::uint32_t>{3.0, 22}));
  EXPECT_EQ(recorder.seen[4], (std::pair<Time, std::uint32_t>{3.0, 11}));
  EXPECT_EQ(sim.pending_sum(), 5u + 4u + 3u + 2u + 1u);
  EXPECT_THROW(sim.schedule_in_lane(lane, -1, 0, 0), std::invalid_argument);
  sim.schedule_in_lane(lane, 5, 0, 0);
  EXPECT_THROW(sim.schedule_in_lane(lane, 4, 0, 0), std::invalid_argument);  // before the last
}

/// A 64-bit linear congruential generator's high bits: the tests' own reproducible numbers.
struct TestRandom {
  std::uint64_t state;
  std::uint64_t operator()() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  }
};

/// Renewal-like traffic: handlers schedule fixed-term follow-ups, into two lanes (terms 30 and
/// 365) or into the queue, among random one-off events; the order must be the same either way.
std::vector<std::tuple<Time, std::uint32_t, std::uint32_t>> renewal_order(bool use_lanes,
                                                                          bool busy = false) {
  Simulator sim;
  const Simulator::LaneId monthly = busy ? sim.add_busy_lane() : sim.add_lane();
  const Simulator::LaneId annual = busy ? sim.add_busy_lane() : sim.add_lane();
  TestRandom next_random{12345};
  for (std::uint32_t i = 0; i < 200; ++i) {
    sim.schedule_at(static_cast<double>(next_random() % 400) / 4, 1, i % 3, i);
  }
  std::vector<std::tuple<Time, std::uint32_t, std::uint32_t>> order;
  const auto handle = [&](const Event& event) {
    order.emplace_back(event.time, event.kind, event.subject);
    if (event.kind == 0) return;  // a one-off
    const bool is_annual = event.kind == 2;
    const Time term = is_annual ? 365.0 : 30.0;
    if (next_random() % 10 == 0) sim.schedule_in(static_cast<double>(next_random() % 50), 1, 0, 9);
    if (use_lanes) {
      sim.schedule_in_lane(is_annual ? annual : monthly, term, 1, event.kind, event.subject);
    } else {
      sim.schedule_in(term, 1, event.kind, event.subject);
    }
  };
  sim.run_until(2000, handle);
  return order;
}

TEST(SimulatorTest, LanesGiveTheOrderOfOneQueue) {
  const auto queued = renewal_order(false);
  EXPECT_GT(queued.size(), 5000u);
  EXPECT_EQ(renewal_order(true), queued);
  EXPECT_EQ(renewal_order(true, /*busy=*/true), queued);
}

TEST(SimulatorTest, LanesRunByTheirHeadsAmongEachOtherAndTheQueue) {
  // By hand, sequence numbers in order of scheduling: b's day 1 (priority 4) is 0, a's day 1 is
  // 1, the queue's day 1 is 2, c's day 0.5 is 3, a's day 2 (priority 0) is 4, b's day 1
  // (priority 6) is 5. So: c's (earliest), then the three at (1, 4) by sequence (b, a, queue),
  // then b's priority 6, then a's day 2.
  Simulator sim;
  const Simulator::LaneId a = sim.add_lane();
  const Simulator::LaneId b = sim.add_lane();
  const Simulator::LaneId c = sim.add_lane();
  sim.schedule_in_lane(b, 1.0, 4, 1);
  sim.schedule_in_lane(a, 1.0, 4, 2);
  sim.schedule_at(1.0, 4, 3);
  sim.schedule_at_in_lane(c, 0.5, 4, 4);
  sim.schedule_in_lane(a, 2.0, 0, 5);
  sim.schedule_at_in_lane(b, 1.0, 6, 6);
  std::vector<std::uint32_t> kinds;
  sim.run_until(10, [&](const Event& event) { kinds.push_back(event.kind); });
  EXPECT_EQ(kinds, (std::vector<std::uint32_t>{4, 1, 2, 3, 6, 5}));
  EXPECT_EQ(sim.pending(), 0u);
}

TEST(SimulatorTest, ClearLaneDropsItsPendingEventsAsCancelDoes) {
  Simulator sim;
  const Simulator::LaneId a = sim.add_lane();
  const Simulator::LaneId b = sim.add_lane();
  sim.schedule_in_lane(a, 1.0, 0, 1);
  sim.schedule_in_lane(a, 2.0, 0, 2);
  sim.schedule_in_lane(b, 1.5, 0, 3);
  sim.schedule_at(3.0, 0, 4);
  EXPECT_EQ(sim.pending(), 4u);
  EXPECT_EQ(sim.clear_lane(a), 2u);
  EXPECT_EQ(sim.pending(), 2u);
  EXPECT_EQ(sim.clear_lane(a), 0u);
  // A cleared lane takes new events, in any order against what it held before.
  sim.schedule_in_lane(a, 0.5, 0, 5);
  std::vector<std::uint32_t> kinds;
  const auto handle = [&](const Event& event) {
    kinds.push_back(event.kind);
    // While handling: b's second event is scheduled, then the whole lane b stops.
    if (event.kind == 5) {
      sim.schedule_in_lane(b, 1.5, 0, 6);
      EXPECT_EQ(sim.clear_lane(b), 2u);
    }
  };
  sim.run_until(10, handle);
  EXPECT_EQ(kinds, (std::vector<std::uint32_t>{5, 4}));
  EXPECT_EQ(sim.events_handled(), 2u);
  EXPECT_THROW(sim.clear_lane(7), std::out_of_range);
}

TEST(SimulatorTest, AReleasedLaneIsReusedAndBusyLanesMeetTheOthers) {
  Simulator sim;
  const Simulator::LaneId a = sim.add_lane();
  const Simulator::LaneId b = sim.add_lane();
  const Simulator::LaneId busy = sim.add_busy_lane();
  sim.schedule_in_lane(a, 1.0, 0, 1);
  sim.release_lane(a);  // its event is dropped
  EXPECT_EQ(sim.add_lane(), a);
  EXPECT_NE(sim.add_busy_lane(), a);
  EXPECT_THROW(sim.release_lane(busy), std::invalid_argument);
  // By hand: the busy lane's day 2 (sequence 1) before b's day 2 (sequence 2); a's day 1.5 first.
  sim.schedule_in_lane(busy, 2.0, 0, 2);
  sim.schedule_in_lane(b, 2.0, 0, 3);
  sim.schedule_in_lane(a, 1.5, 0, 4);
  sim.schedule_in_lane(busy, 2.5, 0, 5);
  std::vector<std::uint32_t> kinds;
  sim.run_until(10, [&](const Event& event) { kinds.push_back(event.kind); });
  EXPECT_EQ(kinds, (std::vector<std::uint32_t>{4, 2, 3, 5}));
}

TEST(SimulatorTest, ScheduleAtInLaneTakesAnAbsoluteTimeNotBeforeNow) {
  Simulator sim;
  const Simulator::LaneId lane = sim.add_lane();
  sim.schedule_at(2.0, 0, 1);
  sim.run_until(2.0, [](const Event&) {});
  sim.schedule_at_in_lane(lane, 2.25, 0, 2);
  EXPECT_THROW(sim.schedule_at_in_lane(lane, 1.0, 0, 3), std::invalid_argument);
  EXPECT_THROW(sim.schedule_at_in_lane(lane, std::numeric_limits<double>::infinity(), 0, 3),
               std::invalid_argument);
  // Before the lane's last: the error names the function the caller called.
  try {
    sim.schedule_at_in_lane(lane, 2.125, 0, 3);
    ADD_FAILURE() << "an event before the lane's last was accepted";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "Simulator::schedule_at_in_lane: an event before the lane's last");
  }
  std::vector<std::pair<Time, std::uint32_t>> seen;
  sim.run_until(10, [&](const Event& event) { seen.emplace_back(event.time, event.kind); });
  EXPECT_EQ(seen, (std::vector<std::pair<Time, std::uint32_t>>{{2.25, 2}}));
}

/// Arrival-like traffic: sources (a territory's inbound leads, a seller's own) each with one
/// arrival pending, scheduled when the previous one runs, at delays on a quarter-day grid so that
/// sources tie with each other and with one-off events of the same priority; handlers start new
/// sources and stop some (release_lane, or cancel in the queue). In lanes, one per source, or all
/// in the queue, the order must be the same.
std::vector<std::tuple<Time, std::uint32_t, std::uint32_t>> arrival_order(bool use_lanes) {
  Simulator sim;
  TestRandom next_random{987654321};
  constexpr std::uint32_t kArrival = 1;
  constexpr std::uint32_t kOneOff = 0;
  std::vector<Simulator::LaneId> lanes;
  std::vector<EventId> pending;
  std::vector<bool> stopped;
  const auto arrive = [&](std::uint32_t source, Time delay) {
    if (use_lanes) {
      sim.schedule_in_lane(lanes[source], delay, 4, kArrival, source);
    } else {
      pending[source] = sim.schedule_in(delay, 4, kArrival, source);
    }
  };
  const auto start_source = [&] {
    const auto source = static_cast<std::uint32_t>(stopped.size());
    lanes.push_back(sim.add_lane());
    pending.emplace_back();
    stopped.push_back(false);
    arrive(source, static_cast<double>(next_random() % 8) / 4);
  };
  for (int i = 0; i < 40; ++i) start_source();
  for (std::uint32_t i = 0; i < 100; ++i) {
    sim.schedule_at(static_cast<double>(next_random() % 800) / 4, 4, kOneOff, i);
  }
  std::vector<std::tuple<Time, std::uint32_t, std::uint32_t>> order;
  const auto handle = [&](const Event& event) {
    order.emplace_back(event.time, event.kind, event.subject);
    if (event.kind == kOneOff) {
      if (next_random() % 4 == 0) start_source();
      const auto victim = static_cast<std::uint32_t>(next_random() % stopped.size());
      if (next_random() % 3 == 0 && !stopped[victim]) {
        stopped[victim] = true;
        if (use_lanes) {
          sim.release_lane(lanes[victim]);  // a later source may get it
        } else {
          sim.cancel(pending[victim]);
        }
      }
      return;
    }
    arrive(event.subject, static_cast<double>(next_random() % 12) / 4);
  };
  sim.run_until(200, handle);
  return order;
}

TEST(SimulatorTest, ALanePerSourceGivesTheOrderOfOneQueue) {
  const auto queued = arrival_order(false);
  EXPECT_GT(queued.size(), 3000u);
  EXPECT_EQ(arrival_order(true), queued);
}

}  // namespace
}  // namespace teamsim::sim
