#pragma once

#include <algorithm>

namespace teamsim::model {

/// Productivity (0..1) of a person who starts selling at `selling_from` (days) and ramps linearly
/// to full productivity over `ramp_days`: 0 before selling_from, 1 after selling_from + ramp_days.
inline double linear_ramp_productivity(double now, double selling_from, double ramp_days) {
  if (now < selling_from) return 0.0;
  if (ramp_days <= 0.0) return 1.0;
  return std::min(1.0, (now - selling_from) / ramp_days);
}

}  // namespace teamsim::model
