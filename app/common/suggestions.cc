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

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
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
  if (!best.empty()) return best;
  if (lower_word.size() < 3) return "";
  for (const std::string& candidate : candidates) {
    const std::string lower_candidate = lowercase(candidate);
    if (lower_candidate.starts_with(lower_word) ||
        (lower_candidate.size() >= 3 && lower_word.starts_with(lower_candidate))) {
      return candidate;
    }
  }
  return "";
}

std::string suggestion(std::string_view word, const std::vector<std::string>& candidates,
                       std::string_view expected_label) {
  const std::string match = closest_match(word, candidates);
  if (!match.empty()) return fmt::format("; did you mean '{}'?", match);
  if (candidates.empty()) return "";
  return fmt::format("; {}: {}", expected_label, fmt::join(candidates, ", "));
}

}  // namespace teamsim::app
