#pragma once

#include <string>
#include <string_view>

#include "app/scenario/scenario_resolver.h"

// How a fuzz input reaches the command-line part of the scenario path. The input is a scenario
// file whose leading comment lines may also ask for a variant and overrides:
//   #variant NAME        -> --variant NAME (the last one wins)
//   #set key.path=VALUE  -> --set key.path=VALUE (any number, in order)
// Shared by the fuzzer and the test that replays fuzz/regressions/, so both take the same path.

namespace teamsim::fuzz {

/// The request a fuzz input stands for; its path is left empty (the text is resolved as a string).
inline app::ScenarioRequest request_from_fuzz_input(std::string_view text) {
  constexpr std::string_view kVariant = "#variant ";
  constexpr std::string_view kSet = "#set ";
  app::ScenarioRequest request;
  while (!text.empty() && text.front() == '#') {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (line.starts_with(kVariant)) request.variant = std::string(line.substr(kVariant.size()));
    if (line.starts_with(kSet)) request.overrides.emplace_back(line.substr(kSet.size()));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return request;
}

}  // namespace teamsim::fuzz
