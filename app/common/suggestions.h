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
/// The candidate `word` was most likely a typo of: the closest one within edit distance 2
/// (ignoring case), else one that `word` is a prefix of (or that is a prefix of `word`), else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
/// "; did you mean 'x'?" for the closest candidate, or "; expected one of: a, b, c" (or
/// `expected_label` instead of "expected one of") when nothing is close.
std::string suggestion(std::string_view word, const std::vector<std::string>& candidates,
                       std::string_view expected_label = "expected one of");

}  // namespace teamsim::app
