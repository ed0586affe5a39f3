#include "app/common/xml_escape.h"

namespace teamsim::app {
namespace {

/// A control character XML 1.0 cannot carry at all.
bool is_forbidden_control(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

/// What `c` becomes in XML character data (`attribute` false) or a double-quoted attribute value:
/// an entity or character reference, "" when it is dropped, nullptr when it stays itself.
const char* escape_of(char c, bool attribute) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return attribute ? "&quot;" : nullptr;
    case '\t':
      return attribute ? "&#9;" : nullptr;
    case '\n':
      return attribute ? "&#10;" : nullptr;
    case '\r':
      return attribute ? "&#13;" : "";
    default:
      return is_forbidden_control(c) ? "" : nullptr;
  }
}

std::string escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (const char* escaped = escape_of(c, attribute)) {
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string xml_escape_text(std::string_view text) { return escape(text, /*attribute=*/false); }

std::string xml_escape_attribute(std::string_view text) { return escape(text, /*attribute=*/true); }

std::string url_path_escape(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string url;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                            byte == '_' || byte == '~' || byte == '/';
    if (unreserved) {
      url += c;
    } else {
      url += '%';
      url += kHex[byte >> 4];
      url += kHex[byte & 0x0F];
    }
  }
  return url;
}

}  // namespace teamsim::app
