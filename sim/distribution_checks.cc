#include "sim/distribution_checks.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace teamsim::sim::distribution_checks {

std::string num(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

[[noreturn]] void fail(const std::string& family, const std::string& message) {
  throw std::invalid_argument(family + ": " + message);
}

void require_finite(const std::string& family, std::initializer_list<Named> params) {
  bool ok = true;
  for (const auto& [name, value] : params) ok = ok && std::isfinite(value);
  if (ok) return;
  std::string got;
  for (const auto& [name, value] : params) {
    if (!got.empty()) got += ", ";
    got += std::string(name) + " " + num(value);
  }
  fail(family, "all parameters must be finite (got " + got + ")");
}

void require_positive(const std::string& family, const char* name, double value, const char* hint) {
  if (!(value > 0))
    fail(family, std::string(name) + " (" + num(value) + ") must be positive" + hint);
}

void require_greater(const std::string& family, const char* upper_name, double upper,
                     const char* lower_name, double lower) {
  if (!(upper > lower)) {
    fail(family, std::string(upper_name) + " (" + num(upper) + ") must be greater than " +
                     lower_name + " (" + num(lower) + ")");
  }
}

}  // namespace teamsim::sim::distribution_checks
