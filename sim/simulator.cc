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

}  // namespace teamsim::sim
