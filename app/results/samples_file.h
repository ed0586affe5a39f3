#pragma once

#include <string>
#include <vector>

#include "models/projection.h"

// OUT/samples.csv.gz: the per-replication values of chosen metrics, for users who analyse the
// distribution themselves.

namespace teamsim::app {

/// The samples of `metrics` (names of metrics the projection kept, in the column order wanted)
/// as gzip-compressed CSV: a header `replication,month,<metric>,...` and one row per replication
/// (numbered from `first_replication`, as in teamsim's messages: 0 is the first) and month
/// (from 1), values at full precision. Compressed as it is written, so the uncompressed text is
/// never held whole. The same samples give the same bytes (no time stamp in the gzip header).
/// Throws std::invalid_argument when a metric was not kept.
std::string samples_csv_gz(const model::Projection& projection,
                           const std::vector<std::string>& metrics,
                           std::size_t first_replication = 0);

}  // namespace teamsim::app
