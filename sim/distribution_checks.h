#pragma once

#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <numbers>
#include <string>
#include <utility>

// Shared by sim/distribution.cc (the families) and sim/distribution_fitting.cc (fitting a family
// to a median and p90, a mean and sd, or a 90 % interval): the parameter checks with their
// messages, and the standard normal and gamma quantiles. Not part of the sim library's interface.

namespace teamsim::sim::distribution_checks {

/// `x` as printf's %g writes it, for messages.
std::string num(double x);
/// Throws std::invalid_argument "family: message".
[[noreturn]] void fail(const std::string& family, const std::string& message);
using Named = std::pair<const char*, double>;
/// Rejects NaN and infinities, listing every parameter so the user sees which one is wrong.
void require_finite(const std::string& family, std::initializer_list<Named> params);
/// Rejects a value that is not above 0; `hint` is appended to the message.
void require_positive(const std::string& family, const char* name, double value,
                      const char* hint = "");
/// Rejects `upper` unless it is greater than `lower`.
void require_greater(const std::string& family, const char* upper_name, double upper,
                     const char* lower_name, double lower);

/// Appended to a message rejecting a zero spread.
inline constexpr const char* kUseConstant = " (for a fixed value, use a constant)";

/// Standard normal quantile; exact to double precision in both tails.
inline double phi_quantile(double q) {
  if (q <= 0) return -std::numeric_limits<double>::infinity();
  if (q >= 1) return std::numeric_limits<double>::infinity();
  return -std::numbers::sqrt2 * boost::math::erfc_inv(2 * q);
}

/// The gamma(shape, 1) quantile at p.
inline double gamma_quantile(double shape, double p) { return boost::math::gamma_p_inv(shape, p); }

}  // namespace teamsim::sim::distribution_checks
