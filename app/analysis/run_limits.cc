#include "app/analysis/run_limits.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <limits>
#include <stdexcept>

#include "app/common/errors.h"
#include "app/common/number_format.h"

namespace teamsim::app {
namespace {

// The memory limit of this process's control group (v2, then v1), or 0 when there is none.
double control_group_limit() {
  for (const char* path :
       {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
    std::ifstream in(path);
    std::string text;
    if (!(in >> text)) continue;
    double bytes = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), bytes);
    if (error == std::errc() && end == text.data() + text.size() && bytes > 0) return bytes;
  }
  return 0;
}

// A value of TEAMSIM_MEMORY_LIMIT just above `bytes`, in whole units: "350G", "3M".
std::string limit_above(double bytes) {
  const std::pair<const char*, double> units[] = {{"G", 1e9}, {"M", 1e6}, {"K", 1e3}};
  for (const auto& [name, scale] : units) {
    if (bytes >= scale || scale == 1e3) return fmt::format("{}{}", std::ceil(bytes / scale), name);
  }
  return {};
}

}  // namespace

std::optional<double> parse_byte_count(std::string_view text) {
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end == text.data() || !std::isfinite(number) || number <= 0) {
    return std::nullopt;
  }
  std::string unit(end, text.data() + text.size());
  std::transform(unit.begin(), unit.end(), unit.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (unit.size() == 2 && unit[1] == 'B') unit.pop_back();
  if (unit.empty() || unit == "B") return number;
  const std::pair<const char*, double> units[] = {{"K", 1e3}, {"M", 1e6}, {"G", 1e9}, {"T", 1e12}};
  for (const auto& [name, scale] : units) {
    if (unit == name) return number * scale;
  }
  return std::nullopt;
}

std::string human_bytes(double bytes) {
  const std::pair<const char*, double> units[] = {
      {"TB", 1e12}, {"GB", 1e9}, {"MB", 1e6}, {"kB", 1e3}};
  for (const auto& [name, scale] : units) {
    if (bytes >= scale || scale == 1e3) {
      const double value = bytes / scale;
      // One decimal below 10 ("1.5 GB"), none when it would be 0 ("8 GB") or above.
      const bool decimal = value < 10 && std::abs(value - std::round(value)) >= 0.05;
      return fmt::format("{} {}", format_grouped(value, decimal ? 1 : 0), name);
    }
  }
  return {};
}

double usable_physical_memory() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGE_SIZE);
  double physical =
      pages > 0 && page_size > 0 ? static_cast<double>(pages) * static_cast<double>(page_size) : 0;
  const double group = control_group_limit();
  if (group > 0 && (physical <= 0 || group < physical)) physical = group;
  return physical;
}

MemoryLimit memory_limit(const char* variable_value, double physical_bytes) {
  if (variable_value != nullptr && *variable_value != '\0') {
    const std::optional<double> bytes = parse_byte_count(variable_value);
    if (!bytes) {
      throw std::runtime_error(
          fmt::format("{}={} is not a memory size; write a number of bytes with an optional "
                      "unit K, M, G or T, e.g. {}=40G",
                      kMemoryLimitVariable, variable_value, kMemoryLimitVariable));
    }
    return {*bytes, fmt::format("{}={}", kMemoryLimitVariable, variable_value)};
  }
  if (physical_bytes <= 0) {
    return {std::numeric_limits<double>::infinity(), "this machine's memory size is unknown"};
  }
  return {physical_bytes / 2,
          fmt::format("half of this machine's {}", human_bytes(physical_bytes))};
}

MemoryLimit memory_limit() {
  return memory_limit(std::getenv(kMemoryLimitVariable), usable_physical_memory());
}

void refuse_above_memory_limit(const model::SampleMemory& need, const MemoryLimit& limit,
                               std::string_view what, std::string_view remedies) {
  if (need.bytes <= limit.bytes) return;
  const auto count = [](std::size_t n) { return format_grouped(static_cast<double>(n), 0); };
  throw UsageError(fmt::format(
      "{} needs ~{} for exact percentiles ({} replications × {} months × {} metrics × 8 "
      "bytes), more than the limit of {} ({}); use fewer replications{}, or set {}={} if the "
      "machine has the memory",
      what, human_bytes(need.bytes), count(need.replications), count(need.months),
      count(need.metrics), human_bytes(limit.bytes), limit.origin, remedies, kMemoryLimitVariable,
      limit_above(need.bytes)));
}

model::Projection project_or_name_the_failure(const std::string& which,
                                              const model::ScenarioSpec& spec,
                                              const model::ProjectionOptions& options) {
  try {
    return model::project(spec, options);
  } catch (const model::LimitExceeded&) {
    std::throw_with_nested(Error(fmt::format("cannot run {}", which)));
  }
}

}  // namespace teamsim::app
