#include "sim/simulator.h"

#include <algorithm>
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
  forget_peek_unless_later(now_ + delay);
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
  forget_peek_unless_later(time);
  return queue_.push(time, priority, kind, subject);
}

void Simulator::reject_lane_delay(Time delay) {
  if (!std::isfinite(delay)) {
    throw_invalid("Simulator::schedule_in_lane: delay must be finite", delay);
  }
  throw_invalid("Simulator::schedule_in_lane: delay must not be negative", delay);
}

void Simulator::reject_lane_time(Time time) const {
  if (!std::isfinite(time)) {
    throw_invalid("Simulator::schedule_at_in_lane: time must be finite", time);
  }
  std::ostringstream message;
  message.precision(std::numeric_limits<double>::max_digits10);
  message << "Simulator::schedule_at_in_lane: time must not be before now (" << now_ << "), got "
          << time;
  throw std::invalid_argument(message.str());
}

void Simulator::reject_lane(LaneId lane) const {
  // The same std::out_of_range as lanes_.at(lane).
  static_cast<void>(lanes_.at(lane));
  throw std::out_of_range("Simulator: no such lane");
}

void Simulator::reject_before_last(const char* caller) {
  throw std::invalid_argument(std::string(caller) + ": an event before the lane's last");
}

Simulator::LaneId Simulator::add_lane() {
  if (!free_lanes_.empty()) {
    const LaneId lane = free_lanes_.back();
    free_lanes_.pop_back();
    return lane;
  }
  return new_lane();
}

Simulator::LaneId Simulator::add_busy_lane() {
  const LaneId lane = new_lane();
  lanes_[lane].busy = static_cast<std::uint32_t>(busy_heads_.size());
  busy_heads_.push_back(lane_head(lanes_[lane], static_cast<std::uint32_t>(lane)));
  busy_count_ = busy_heads_.size();
  return lane;
}

Simulator::LaneId Simulator::new_lane() {
  if (lanes_.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("Simulator::add_lane: too many lanes");
  }
  lanes_.emplace_back();
  lane_count_ = lanes_.size();
  if (lanes_.size() > leaves_) grow_tournament();
  return lanes_.size() - 1;
}

void Simulator::release_lane(LaneId lane) {
  if (lanes_.at(lane).busy != kNotBusy)
    throw std::invalid_argument("Simulator::release_lane: a busy lane");
  clear_lane(lane);
  free_lanes_.push_back(lane);
}

void Simulator::grow_tournament() {
  replay_taken();
  leaves_ = std::max<std::size_t>(1, 2 * leaves_);
  const std::size_t old_keys = keys_.size();
  keys_.resize(leaves_, kNoHead);
  for (std::size_t i = old_keys; i < leaves_; ++i) keys_[i].lane = static_cast<std::uint32_t>(i);
  tree_time_.assign(2 * leaves_, 0);
  tree_lane_.assign(2 * leaves_, 0);
  for (std::size_t i = 0; i < leaves_; ++i) {
    tree_time_[leaves_ + i] = keys_[i].time;
    tree_lane_[leaves_ + i] = static_cast<std::uint32_t>(i);
  }
  for (std::size_t n = leaves_ - 1; n >= 1; --n) {
    const std::size_t left = 2 * n;
    const std::size_t won =
        earlier(keys_[tree_lane_[left + 1]], keys_[tree_lane_[left]]) ? left + 1 : left;
    tree_time_[n] = tree_time_[won];
    tree_lane_[n] = tree_lane_[won];
  }
}

// Inline into replay and new_head, the lead arrivals' way in: a call there cost more than the
// loop's second copy (docs/performance.md).
[[gnu::always_inline]] inline void Simulator::play(LaneId lane) {
  const auto id = static_cast<std::uint32_t>(lane);
  // Which side wins a match is as good as a coin toss: the times decide it by a min and a
  // conditional move, not a branch; equal times (rare: ties, or two empty lanes) take the whole
  // key.
  Time* const times = tree_time_.data();
  std::uint32_t* const winners = tree_lane_.data();
  Time time = keys_[lane].time;
  std::uint32_t winner = id;
  std::size_t n = leaves_ + lane;
  times[n] = time;  // its lane, winners[n], is this lane's for good (grow_tournament)
  for (; n > 1; n /= 2) {
    const Time rival_time = times[n ^ 1];
    const std::uint32_t rival = winners[n ^ 1];
    if (rival_time == time) [[unlikely]] {
      if (earlier(keys_[rival], keys_[winner])) winner = rival;
    } else {
      winner = rival_time < time ? rival : winner;
      time = std::min(rival_time, time);
    }
    times[n / 2] = time;
    winners[n / 2] = winner;
  }
}

void Simulator::replay(LaneId lane) {
  keys_[lane] = lane_head(lanes_[lane], static_cast<std::uint32_t>(lane));
  play(lane);
}

void Simulator::new_head(LaneId lane, Time time, Priority priority, std::uint64_t sequence) {
  const Head head{time, priority, static_cast<std::uint32_t>(lane), sequence};
  const Lane& target = lanes_[lane];
  if (target.busy != kNotBusy) {
    busy_heads_[target.busy] = head;
    if (earlier(head, busy_heads_[busy_first_])) busy_first_ = target.busy;
    return;
  }
  // Its head changed: play its matches again (once, if a step just took its last event).
  if (taken_lane_ == lane) taken_lane_ = kNoLane;
  keys_[lane] = head;
  play(lane);
}

void Simulator::compact(Lane& lane) {
  if (lane.next >= 3 * (lane.events.size() - lane.next)) {
    // Three quarters of the lane have run: drop them, so its storage stays within four times
    // what is pending and each drop moves at most a third of an event per event taken since the
    // last. (Dropping at a half moved up to one per event taken: at 4.3x the reference's team,
    // 1.7 % of the time in memmove, perf of BM_ScalingTeamPeople/500.)
    lane.events.erase(lane.events.begin(),
                      lane.events.begin() + static_cast<std::ptrdiff_t>(lane.next));
    lane.next = 0;
  }
}

std::size_t Simulator::clear_lane(LaneId lane) {
  Lane& target = lanes_.at(lane);
  const std::size_t dropped = target.events.size() - target.next;
  target.events.clear();
  target.next = 0;
  in_lanes_ -= dropped;
  if (target.busy != kNotBusy) {
    set_busy_head(target);
    return dropped;
  }
  if (taken_lane_ == lane) taken_lane_ = kNoLane;
  replay(lane);
  return dropped;
}

}  // namespace teamsim::sim
