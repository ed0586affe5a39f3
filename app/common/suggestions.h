#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// "Did you mean": the name a user most likely meant when they wrote one that does not exist (a
// scenario key, a metric, a command-line value).

namespace teamsim::app {

/// `text` with its ASCII letters in lower case (other bytes as they are), for comparing names
/// and words regardless of case.
std::string lowercase(std::string_view text);
/// Levenshtein distance (insertions, deletions, substitutions), case-sensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);
/// The candidates `word` most likely meant, ignoring case: the closest one within edit distance 2;
/// else up to two, in candidate order, that `word` is a prefix of (or that are a prefix of
/// `word`), that end in `word` after a '_' or '.' ("new_bookings" for "bookings") or that have
/// its words in another order ("headcount_total" for "total_headcount"), then abbreviations (`word`
/// keeps the first letter and the order of the others: "sales_mgr"), then, for a single word (no
/// '.', '_' or space), names sharing a stem of at least three letters and half the shorter name,
/// closest first ("hiring" and "hires"). Empty when none is close.
std::vector<std::string> close_matches(std::string_view word,
                                       const std::vector<std::string>& candidates);
/// The first of close_matches, or "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
/// "; did you mean 'x'?" (or "'x' or 'y'?") for the close matches, or "; expected one of: a, b, c"
/// (or `expected_label` instead of "expected one of") when nothing is close.
std::string suggestion(std::string_view word, const std::vector<std::string>& candidates,
                       std::string_view expected_label = "expected one of");
/// The same close matches, or "; `where`" when nothing is close: for names too many to list in a
/// message (a scenario's 140 metrics), `where` says where to find them ("the metrics are the rows
/// of summary.csv (docs/metrics.md)").
std::string suggestion_or_where(std::string_view word, const std::vector<std::string>& candidates,
                                std::string_view where);

}  // namespace teamsim::app
