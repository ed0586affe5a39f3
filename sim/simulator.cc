#include "sim/simulator.h"

#include <cmath>
#include <limits>
#include <sstream>

namespace teamsim::sim {

namespace {

std::string describe_failure(Time time, std::uint32_t kind) {
  std::ostringstream message;
  message.precision(10);
  message << "at day " << time << " (event kind " << kind << ")";
  return message.str();
}

[[noreturn]] void throw_invalid(const char* what, double value) {
  std::ostringstream message;
  message.precision(std::numeric_limits<double>::max_digits10);
  message << what << ", got " << value;
  throw std::invalid_argument(message.str());
}

}  // namespace

SimulationError::SimulationError(Time time, std::uint32_t kind)
    : std::runtime_error(describe_failure(time, kind)), time_(time), kind_(kind) {}

EventId Simulator::schedule_in(Time delay, Priority priority, std::uint32_t kind,
                               std::uint32_t subject) {
  if (!std::isfinite(delay)) throw_invalid("Simulator::schedule_in: delay must be finite", delay);
  if (delay < 0) throw_invalid("Simulator::schedule_in: delay must not be negative", delay);
  return queue_.push(now_ + delay, priority, kind, subject);
}

EventId Simulator::schedule_at(Time time, Priority priority, std::uint32_t kind,
                               std::uint32_t subject) {
  if (!std::isfinite(time)) throw_invalid("Simulator::schedule_at: time must be finite", time);
  if (time < now_) {
    std::ostringstream message;
    message.precision(std::numeric_limits<double>::max_digits10);
    message << "Simulator::schedule_at: time must not be before now (" << now_ << "), got " << time;
    throw std::invalid_argument(message.str());
  }
  return queue_.push(time, priority, kind, subject);
}

void Simulator::schedule_in_lane(LaneId lane, Time delay, Priority priority, std::uint32_t kind,
                                 std::uint32_t subject) {
  if (!std::isfinite(delay))
    throw_invalid("Simulator::schedule_in_lane: delay must be finite", delay);
  if (delay < 0) throw_invalid("Simulator::schedule_in_lane: delay must not be negative", delay);
  Lane& target = lanes_.at(lane);
  const Event event{now_ + delay, priority, queue_.take_sequence(), kind, subject};
  if (target.next < target.events.size()) {
    const Event& last = target.events.back();
    if (event.time < last.time || (event.time == last.time && event.priority < last.priority)) {
      throw std::invalid_argument("Simulator::schedule_in_lane: an event before the lane's last");
    }
  }
  if (target.next == target.events.size()) {
    target.events.clear();
    target.next = 0;
  } else if (target.next >= 4096 && 2 * target.next >= target.events.size()) {
    // Most of the lane has run: drop it, so its storage stays about the size of what is pending.
    target.events.erase(target.events.begin(),
                        target.events.begin() + static_cast<std::ptrdiff_t>(target.next));
    target.next = 0;
  }
  target.events.push_back(event);
  ++in_lanes_;
}

bool Simulator::take_next(Time until, Event& event) {
  // The earliest by (time, priority, sequence) of the queue's head and the lanes' heads.
  const auto before = [](const Event& a, const Event& b) {
    if (a.time != b.time) return a.time < b.time;
    if (a.priority != b.priority) return a.priority < b.priority;
    return a.sequence < b.sequence;
  };
  Lane* earliest_lane = nullptr;
  for (Lane& lane : lanes_) {
    if (lane.next < lane.events.size() &&
        (earliest_lane == nullptr ||
         before(lane.events[lane.next], earliest_lane->events[earliest_lane->next]))) {
      earliest_lane = &lane;
    }
  }
  const Event* queued = queue_.empty() ? nullptr : &queue_.peek();
  if (earliest_lane != nullptr &&
      (queued == nullptr || before(earliest_lane->events[earliest_lane->next], *queued))) {
    const Event& head = earliest_lane->events[earliest_lane->next];
    if (head.time > until) return false;
    pending_sum_ += queue_.size() + in_lanes_;
    event = head;
    ++earliest_lane->next;
    --in_lanes_;
    return true;
  }
  if (queued == nullptr || queued->time > until) return false;
  pending_sum_ += queue_.size() + in_lanes_;
  event = *queued;
  queue_.drop_peeked();
  return true;
}

}  // namespace teamsim::sim
