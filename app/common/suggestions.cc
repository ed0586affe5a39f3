#include "app/common/suggestions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <utility>

namespace teamsim::app {
std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

namespace {

// Whether `word` keeps `candidate`'s first letter and the rest of its letters in order: how people
// shorten names ("sales_mgr" for "sales_manager", "cust_success" for "customer_success").
bool is_abbreviation(std::string_view word, std::string_view candidate) {
  if (word.size() < 3 || word.size() >= candidate.size() || word[0] != candidate[0]) return false;
  std::size_t at = 0;
  for (const char c : word) {
    at = candidate.find(c, at);
    if (at == std::string_view::npos) return false;
    ++at;
  }
  return true;
}

// The words of a name split at '_' and '.', sorted: "total_headcount" and "headcount_total"
// have the same.
std::vector<std::string_view> sorted_words(std::string_view name) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find_first_of("_.", start), name.size());
    words.push_back(name.substr(start, end - start));
    start = end + 1;
  }
  std::sort(words.begin(), words.end());
  return words;
}

// Whether `candidate` is `word` after words of its own ("cycle_days" of "avg_cycle_days",
// "bookings" of "new_bookings") or the words of `word` in another order ("total_headcount").
bool is_tail_or_reordering(std::string_view word, std::string_view candidate) {
  if (candidate.size() > word.size() && candidate.ends_with(word)) {
    const char before = candidate[candidate.size() - word.size() - 1];
    if (before == '_' || before == '.') return true;
  }
  return word.find_first_of("_.") != std::string_view::npos && word.size() == candidate.size() &&
         sorted_words(word) == sorted_words(candidate);
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

}  // namespace

std::vector<std::string> close_matches(std::string_view word,
                                       const std::vector<std::string>& candidates) {
  const std::string lower_word = lowercase(word);
  std::string best;
  std::size_t best_distance = 3;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = edit_distance(lower_word, lowercase(candidate));
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  if (!best.empty()) return {best};
  std::vector<std::string> matches;
  if (lower_word.size() < 3) return matches;
  const auto add_where = [&](const auto& matches_word) {
    for (const std::string& candidate : candidates) {
      if (matches.size() == 2) return;
      if (std::find(matches.begin(), matches.end(), candidate) != matches.end()) continue;
      if (matches_word(lowercase(candidate))) matches.push_back(candidate);
    }
  };
  // A prefix either way ("horizon" for "horizon_months"), the end of a longer name or the same
  // words in another order ("bookings" for "new_bookings", "total_headcount" for
  // "headcount_total"), an abbreviation, then a shared stem of at least three letters and half
  // the shorter name ("hiring" for "hires").
  add_where([&](const std::string& c) {
    return c.starts_with(lower_word) || (c.size() >= 3 && lower_word.starts_with(c)) ||
           is_tail_or_reordering(lower_word, c);
  });
  add_where([&](const std::string& c) { return is_abbreviation(lower_word, c); });
  // Stems only for single words: "territory.emea.leads" shares "territory." with every
  // territory metric without meaning any of them. The closest stems first.
  if (lower_word.find_first_of("._ ") != std::string::npos) return matches;
  std::vector<std::string> stems;
  for (const std::string& candidate : candidates) {
    const std::string c = lowercase(candidate);
    const std::size_t stem = common_prefix(lower_word, c);
    if (stem >= 3 && 2 * stem >= std::min(lower_word.size(), c.size())) stems.push_back(candidate);
  }
  std::stable_sort(stems.begin(), stems.end(), [&](const std::string& a, const std::string& b) {
    return edit_distance(lower_word, lowercase(a)) < edit_distance(lower_word, lowercase(b));
  });
  for (const std::string& stem : stems) {
    if (matches.size() == 2) break;
    if (std::find(matches.begin(), matches.end(), stem) == matches.end()) matches.push_back(stem);
  }
  return matches;
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  const std::vector<std::string> matches = close_matches(word, candidates);
  return matches.empty() ? "" : matches.front();
}

std::string suggestion(std::string_view word, const std::vector<std::string>& candidates,
                       std::string_view expected_label) {
  const std::vector<std::string> matches = close_matches(word, candidates);
  if (matches.size() == 1) return fmt::format("; did you mean '{}'?", matches[0]);
  if (matches.size() == 2) {
    return fmt::format("; did you mean '{}' or '{}'?", matches[0], matches[1]);
  }
  if (candidates.empty()) return "";
  return fmt::format("; {}: {}", expected_label, fmt::join(candidates, ", "));
}

std::string suggestion_or_where(std::string_view word, const std::vector<std::string>& candidates,
                                std::string_view where) {
  if (close_matches(word, candidates).empty()) return fmt::format("; {}", where);
  return suggestion(word, candidates);
}

}  // namespace teamsim::app
