#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

// A count and its noun in messages, tables and reports: "1 replication", "40 replications",
// "2 territories". One place decides the plural, so no message says "1 replications".

namespace teamsim::app {

/// `one` for a count of 1, else `many` ("" for `one` + "s"): noun(3, "point") is "points",
/// noun(1, "territory", "territories") is "territory".
std::string noun(std::uint64_t count, std::string_view one, std::string_view many = {});

/// The count, a space and its noun: counted(1, "replication") is "1 replication",
/// counted(0, "file") is "0 files". The count is written plainly (no separators).
std::string counted(std::uint64_t count, std::string_view one, std::string_view many = {});

/// The same with thousands separators, for reports: grouped_count(4000, "replication") is
/// "4,000 replications".
std::string grouped_count(std::uint64_t count, std::string_view one, std::string_view many = {});

/// Items as a sentence lists them: "a", "a and b", "a, b and c"; "" for none. Past `shown`
/// items, the first `shown` then "and N more": listed({"a", "b", "c"}, 2) is "a, b and 1 more".
std::string listed(const std::vector<std::string>& items,
                   std::size_t shown = std::numeric_limits<std::size_t>::max());

}  // namespace teamsim::app
