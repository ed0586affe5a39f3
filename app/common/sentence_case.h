#pragma once

#include <string>

// A title's first letter as a sentence needs it, acronyms kept: "Win rate" inside a sentence
// is "win rate", "ARR" stays "ARR"; a role's plural starts a sentence as "Managers".

namespace teamsim::app {

/// `title` inside a sentence: its first letter in lower case when the second is in lower case
/// ("Win rate" is "win rate"), as it is when the title begins with an acronym ("ARR", "AE ramp").
std::string in_sentence(std::string title);

/// `text` beginning a sentence: its first letter in capitals ("managers" is "Managers").
std::string capitalised(std::string text);

}  // namespace teamsim::app
