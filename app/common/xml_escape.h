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

/// A relative file path as a URL path for an href: each byte but letters, digits, "-._~" and "/"
/// written %XX (UTF-8 bytes too), so that "q3 #1/report.html" is "q3%20%231/report.html" and a
/// browser opens that folder's file rather than reading "#1/..." as a fragment.
std::string url_path_escape(std::string_view path);

}  // namespace teamsim::app
