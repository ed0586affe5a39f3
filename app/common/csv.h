#pragma once

#include <string>

namespace teamsim::app {

/// `text` as one CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a
/// quote or a newline; unchanged otherwise.
std::string csv_field(const std::string& text);

}  // namespace teamsim::app
