#pragma once

#include <string>

namespace teamsim::app {

/// `text` as one CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a
/// quote or a newline; unchanged otherwise.
std::string csv_field(const std::string& text);

/// A number as one CSV field: the shortest text that reads back as the same double; NaN (an
/// undefined value) as an empty field, which pandas and R read as missing.
std::string csv_number(double value);

}  // namespace teamsim::app
