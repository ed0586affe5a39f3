#pragma once

#include <string>
#include <string_view>

// Text for XML documents (SVG charts, JUnit files) and HTML pages, which read the same escapes.

namespace teamsim::app {

/// Text escaped for XML character data: & < > become entities, other control characters than
/// tab and newline are dropped (XML 1.0 cannot carry them).
std::string xml_escape_text(std::string_view text);

/// Text escaped for a double-quoted XML attribute value: & < > " become entities, and tab,
/// newline and carriage return become character references so they survive normalisation.
std::string xml_escape_attribute(std::string_view text);

}  // namespace teamsim::app
