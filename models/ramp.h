#pragma once

#include <algorithm>

#include "models/scenario_spec.h"

namespace teamsim::model {

/// Productivity (0..1) of a person who starts selling at `selling_from` (days) and ramps linearly
/// to full productivity over `ramp_days`: 0 before selling_from, 1 after selling_from + ramp_days.
inline double linear_ramp_productivity(double now, double selling_from, double ramp_days) {
  if (now < selling_from) return 0.0;
  if (ramp_days <= 0.0) return 1.0;
  return std::min(1.0, (now - selling_from) / ramp_days);
}

/// Productivity (0..1) along a ramp curve at fraction x = elapsed / ramp of the ramp; x is
/// clamped to [0, 1]. Linear: x. Step: 0 until x = 1, then 1. S-curve: 3x^2 - 2x^3.
inline double ramp_curve_value(RampCurve curve, double x) {
  x = std::clamp(x, 0.0, 1.0);
  switch (curve) {
    case RampCurve::kLinear:
      return x;
    case RampCurve::kStep:
      return x >= 1.0 ? 1.0 : 0.0;
    case RampCurve::kSCurve:
      return x * x * (3.0 - 2.0 * x);
  }
  return x;
}

}  // namespace teamsim::model
