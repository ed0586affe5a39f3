#pragma once

#include <string>
#include <string_view>

// What a person typed, without the spaces and tabs around it: a CSV cell ("  3 "), an item of a
// comma-separated option ("arr, cash" is "arr" and " cash").

namespace teamsim::app {

/// `text` without its leading and trailing spaces and tabs; "" when it holds nothing else.
std::string trimmed(std::string_view text);

}  // namespace teamsim::app
