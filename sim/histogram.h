#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace teamsim::sim {

/// How a histogram's bin width was chosen.
enum class BinRule {
  kFreedmanDiaconis,  ///< 2 IQR n^(-1/3), the default
  kSturges,           ///< range / (ceil(log2 n) + 1), when the IQR is zero
  kSingleValue,       ///< every sample has the same value: one bin
};

/// Counts of samples in equal-width bins: bin i holds the samples in [edge(i), edge(i + 1)); a
/// sample within 1e-9 bin widths of an edge (rounding: 0.15 / 0.05 is 2.9999999999999996) is on it.
/// With `last_closed` the last bin also holds its right edge (numpy's convention), the largest
/// value a bounded metric can take (a share at 100 %).
struct Histogram {
  double first_edge = 0;            ///< the lower edge of bin 0, a whole multiple of bin_width
  double bin_width = 1;             ///< a "nice" width: 1, 2, 2.5 or 5 times a power of ten
  std::vector<std::size_t> counts;  ///< samples per bin
  std::size_t missing = 0;          ///< samples left out because they were NaN or infinite
  bool last_closed = false;         ///< the last bin is [edge, edge + bin_width], not half-open
  BinRule rule = BinRule::kFreedmanDiaconis;

  /// The lower edge of bin i (the upper edge of bin i - 1).
  double edge(std::size_t i) const { return first_edge + bin_width * static_cast<double>(i); }
  /// The samples counted in the bins: the input size minus `missing`.
  std::size_t total() const;
};

/// Bins a histogram has at most unless asked otherwise.
inline constexpr std::size_t kMaxHistogramBins = 40;

/// The histogram of `samples` with the Freedman-Diaconis bin width 2 IQR n^(-1/3) (IQR by
/// quantile_sorted, as the reported percentiles), rounded up to a nice width so edges read as
/// round numbers. Freedman-Diaconis rather than Sturges' log2(n) + 1 bins: it uses the IQR, so
/// the long right tail of revenue outcomes does not widen every bin, and its width shrinks as
/// n^(-1/3), so 10,000 replications show more detail than 200 where Sturges would give 15 bins
/// to both. Sturges is the fallback when the IQR is zero (most samples equal). With
/// `whole_numbers` (counts) the width is a whole number, so every bin holds as many integers.
/// If more than `max_bins` bins would be needed, the width grows until they fit. With an
/// `upper_bound` (1 for a share) that is the largest sample and an edge, the last bin ends there
/// and holds it (last_closed): 100 % counts in the bin from 80 % to 100 %, not in one from 100 %
/// to 120 % of values no sample can take. Not with `whole_numbers` (invalid_argument): a count's
/// bins of one must each hold one whole number.
Histogram make_histogram(std::vector<double> samples, bool whole_numbers,
                         std::size_t max_bins = kMaxHistogramBins,
                         std::optional<double> upper_bound = std::nullopt);

}  // namespace teamsim::sim
