#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace teamsim::app {

/// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms,
/// no surrogates, nothing above U+10FFFF), or nullopt when all of `text` is valid. Scenario text
/// ends up in JSON and HTML, which need valid UTF-8, so it is checked once on the way in.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// The columns `text` takes in a terminal: one per code point ("€", "±", "Î"), two for East
/// Asian wide and fullwidth characters and emoji ("東京" takes four), none for combining marks and
/// zero-width characters, so tables of names in any script line up.
std::size_t utf8_width(std::string_view text);

/// `text` cut at spaces into lines of at most `width` columns (utf8_width); a word longer
/// than that stays whole on its own line; `width` 0 keeps one line.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

}  // namespace teamsim::app
