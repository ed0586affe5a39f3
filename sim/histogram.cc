#include "sim/histogram.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "sim/statistics.h"

namespace teamsim::sim {
namespace {

/// The smallest width of the form m x 10^k, m in {1, 2, 2.5, 5}, at or above `width`; whole
/// numbers only (m = 2.5 skipped below 10) when `whole_numbers`.
double nice_width(double width, bool whole_numbers) {
  if (whole_numbers && width <= 1) return 1;
  const double power = std::pow(10.0, std::floor(std::log10(width)));
  for (const double mantissa : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    const double candidate = mantissa * power;
    if (whole_numbers && candidate != std::floor(candidate)) continue;
    // A relative tolerance, so a width that is already nice up to rounding stays as it is.
    if (candidate >= width * (1 - 1e-12)) return candidate;
  }
  return 10 * power;
}

/// True when `position` (a value's distance from an edge in bin widths) is a whole number up
/// to rounding: 0.15 / 0.05 is 2.9999999999999996, and 0.15 is on an edge.
bool on_edge(double position) {
  const double nearest = std::round(position);
  return std::abs(position - nearest) <= 1e-9 * std::max(1.0, std::abs(nearest));
}

/// floor((x - first) / width), except that a value on an edge up to rounding (x = 0.15 with
/// width 0.05 gives 2.9999999999999996) counts in the bin above it, as its label says.
double bin_position(double x, double first, double width) {
  const double position = (x - first) / width;
  return on_edge(position) ? std::round(position) : std::floor(position);
}

}  // namespace

std::size_t Histogram::total() const {
  return std::accumulate(counts.begin(), counts.end(), std::size_t{0});
}

Histogram make_histogram(std::vector<double> samples, bool whole_numbers, std::size_t max_bins,
                         std::optional<double> upper_bound) {
  if (max_bins == 0) throw std::invalid_argument("make_histogram: max_bins must be positive");
  if (whole_numbers && upper_bound) {
    throw std::invalid_argument("make_histogram: a count's bins are never closed at a bound");
  }
  Histogram histogram;
  const std::size_t given = samples.size();
  std::erase_if(samples, [](double x) { return !std::isfinite(x); });
  histogram.missing = given - samples.size();
  if (samples.empty()) return histogram;
  std::sort(samples.begin(), samples.end());
  const std::size_t n = samples.size();
  const double lo = samples.front(), hi = samples.back();

  double width = 0;
  if (lo == hi) {
    histogram.rule = BinRule::kSingleValue;
    width = nice_width(std::max(std::abs(lo), 1.0) / 10, whole_numbers);
  } else {
    const double iqr =
        quantile_sorted(samples.data(), n, 0.75) - quantile_sorted(samples.data(), n, 0.25);
    if (iqr > 0) {
      histogram.rule = BinRule::kFreedmanDiaconis;
      width = 2 * iqr / std::cbrt(static_cast<double>(n));
    } else {
      histogram.rule = BinRule::kSturges;
      width = (hi - lo) / (std::ceil(std::log2(static_cast<double>(n))) + 1);
    }
    width = nice_width(width, whole_numbers);
  }
  // The largest sample is the bound and an edge: the bin below that edge is the last and holds
  // it. When every sample is the bound, that bin is the one ending at it.
  const auto closed_at_bound = [&](double w) {
    return upper_bound && hi == *upper_bound && on_edge(hi / w);
  };
  // The first edge and the number of bins from it to the one holding hi.
  const auto layout = [&](double w) {
    double first = bin_position(lo, 0, w) * w;
    double last = bin_position(hi, first, w);
    if (closed_at_bound(w)) {
      if (last == 0) {
        first -= w;
      } else {
        last -= 1;
      }
    }
    return std::pair{first, last + 1};
  };
  // Widen until the bins from the first edge at or below lo to the one holding hi fit. Counted
  // in double: with a tiny IQR and a far outlier the count can exceed any integer type. Start
  // at a width that could fit, so an outlier costs a few steps rather than one per decade.
  const auto bins_needed = [&](double w) { return layout(w).second; };
  const double cap = static_cast<double>(max_bins);
  if (bins_needed(width) > cap) width = nice_width(std::max(width, (hi - lo) / cap), whole_numbers);
  while (bins_needed(width) > cap) width = nice_width(width * 1.000001, whole_numbers);

  const auto [first_edge, bins] = layout(width);
  histogram.bin_width = width;
  histogram.first_edge = first_edge == 0 ? 0 : first_edge;  // no -0
  histogram.last_closed = closed_at_bound(width);
  histogram.counts.assign(static_cast<std::size_t>(bins), 0);
  for (const double x : samples) {
    const double position = bin_position(x, histogram.first_edge, width);
    const auto bin =
        std::min(static_cast<std::size_t>(std::max(position, 0.0)), histogram.counts.size() - 1);
    ++histogram.counts[bin];
  }
  return histogram;
}

}  // namespace teamsim::sim
