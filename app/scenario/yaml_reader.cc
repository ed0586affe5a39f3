#include "app/scenario/yaml_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "app/common/number_format.h"
#include "app/common/suggestions.h"
#include "app/scenario/number_hints.h"

namespace teamsim::app {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Three digits: what is left of "1,500,000" after a flow map's commas split it.
bool is_thousands_group(std::string_view key) {
  return key.size() == 3 && std::all_of(key.begin(), key.end(), is_digit);
}

// A plain scalar that passed the syntax check.
struct ScannedNumber {
  double value = 0;
  bool negative = false;
  bool integer_literal = false;  // digits only: no fraction, exponent or %
  std::string integer_digits;    // the digits before any '.', underscores removed
};

// Reads digits with single underscores between them; false when there is no digit to start.
bool scan_digits(std::string_view text, std::size_t& i, std::string& out) {
  if (i >= text.size() || !is_digit(text[i])) return false;
  while (i < text.size()) {
    if (is_digit(text[i])) {
      out += text[i++];
    } else if (text[i] == '_' && i + 1 < text.size() && is_digit(text[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return true;
}

// A plain scalar read as [-]digits[.digits][e[+-]digits][%], before it is converted.
struct Literal {
  ScannedNumber number;         // its sign, integer digits and whether it is an integer literal
  std::string clean;            // what from_chars reads: sign, digits, fraction and exponent
  std::size_t integer_end = 0;  // where the integer digits end in the text
  bool percent = false;
};

// Scans `text` as a decimal literal; nothing when it is not one.
std::optional<Literal> scan_literal(std::string_view text, bool allow_percent) {
  Literal literal;
  ScannedNumber& result = literal.number;
  std::string& clean = literal.clean;
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') {
    result.negative = true;
    clean = "-";
    ++i;
  }
  if (!scan_digits(text, i, result.integer_digits)) return std::nullopt;
  clean += result.integer_digits;
  literal.integer_end = i;
  bool has_fraction = false;
  bool has_exponent = false;
  if (i < text.size() && text[i] == '.') {
    has_fraction = true;
    clean += text[i++];
    if (!scan_digits(text, i, clean)) return std::nullopt;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    has_exponent = true;
    clean += text[i++];
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) clean += text[i++];
    const std::size_t digits_start = i;
    while (i < text.size() && is_digit(text[i])) clean += text[i++];
    if (i == digits_start) return std::nullopt;
  }
  if (allow_percent && i < text.size() && text[i] == '%') {
    literal.percent = true;
    ++i;
  }
  if (i != text.size()) return std::nullopt;
  result.integer_literal = !has_fraction && !has_exponent && !literal.percent;
  return literal;
}

// Reports the words YAML 1.1 reads as numbers that this format does not: infinities and NaN, and
// hexadecimal, octal and binary literals. False when there was nothing to report.
bool report_non_decimal(const YamlNode& node, const std::string& key_path, DiagnosticSink& sink) {
  const std::string_view text = node.text;
  const std::string lower = lowercase(text);
  static constexpr std::array<std::string_view, 9> kNonFinite = {
      ".nan", ".inf", "-.inf", "+.inf", "nan", "inf", "-inf", "+inf", "infinity"};
  if (std::find(kNonFinite.begin(), kNonFinite.end(), lower) != kNonFinite.end()) {
    sink.error(node.mark, key_path, fmt::format("must be a finite number, got '{}'", text));
    return true;
  }
  const std::string_view unsigned_lower =
      std::string_view(lower).substr(text.starts_with('-') ? 1 : 0);
  if (unsigned_lower.starts_with("0x") || unsigned_lower.starts_with("0o") ||
      unsigned_lower.starts_with("0b")) {
    sink.error(node.mark, key_path,
               fmt::format("hexadecimal, octal and binary numbers are not supported; write '{}' "
                           "as a decimal number",
                           text));
    return true;
  }
  return false;
}

// Reports integer digits with a leading zero (which YAML 1.1 may read as octal); false when there
// is none.
bool report_leading_zeros(const YamlNode& node, const std::string& key_path, DiagnosticSink& sink,
                          const Literal& literal) {
  const std::string_view text = node.text;
  const ScannedNumber& result = literal.number;
  const std::string& digits = result.integer_digits;
  if (digits.size() <= 1 || digits[0] != '0') return false;
  const std::size_t first_nonzero = std::min(digits.find_first_not_of('0'), digits.size() - 1);
  const std::string sign = result.negative ? "-" : "";
  const std::string fixed =
      sign + digits.substr(first_nonzero) + std::string(text.substr(literal.integer_end));
  const bool octal = result.integer_literal &&
                     digits.find_first_not_of("01234567") == std::string::npos &&
                     digits.size() <= 21;
  if (octal) {
    std::uint64_t octal_value = 0;
    for (char c : digits) octal_value = octal_value * 8 + static_cast<std::uint64_t>(c - '0');
    sink.error(node.mark, key_path,
               fmt::format("ambiguous: YAML 1.1 reads {} as octal {}{}; write {}", text, sign,
                           octal_value, fixed));
  } else {
    sink.error(node.mark, key_path, fmt::format("leading zeros are not allowed; write {}", fixed));
  }
  return true;
}

// Parses a plain scalar as a number or reports why not. `expected` names what was wanted.
std::optional<ScannedNumber> scan_number(const YamlNode& node, const std::string& key_path,
                                         DiagnosticSink& sink, std::string_view expected,
                                         bool allow_percent) {
  if (!node.is_scalar() || node.quoted) {
    std::string message = fmt::format("expected {}, got {}", expected, describe_yaml_node(node));
    if (node.quoted) {
      std::vector<Diagnostic> ignored;
      DiagnosticSink quiet(ignored);
      YamlNode plain = node;
      plain.quoted = false;
      if (scan_number(plain, key_path, quiet, expected, allow_percent)) {
        message += "; remove the quotes";
      } else {
        // "1,000,000" or "$1.5M" quoted: the number to write, without quotes.
        const std::string hint = human_number_hint(node.text);
        message += hint.empty() ? unit_hint(node.text, allow_percent) : hint;
      }
    }
    sink.error(node.mark, key_path, std::move(message));
    return std::nullopt;
  }
  if (report_non_decimal(node, key_path, sink)) return std::nullopt;
  std::optional<Literal> literal = scan_literal(node.text, allow_percent);
  if (!literal) {
    const std::string hint = human_number_hint(node.text);
    sink.error(node.mark, key_path,
               fmt::format("expected {}, got {}{}", expected, describe_yaml_node(node),
                           hint.empty() ? unit_hint(node.text, allow_percent) : hint));
    return std::nullopt;
  }
  if (report_leading_zeros(node, key_path, sink, *literal)) return std::nullopt;
  ScannedNumber& result = literal->number;
  const char* const first = literal->clean.data();
  const char* const last = literal->clean.data() + literal->clean.size();
  const auto [end, error] = std::from_chars(first, last, result.value);
  if (error != std::errc() || end != last || !std::isfinite(result.value)) {
    sink.error(node.mark, key_path, fmt::format("must be a finite number, got '{}'", node.text));
    return std::nullopt;
  }
  if (literal->percent) result.value /= 100.0;
  return result;
}

}  // namespace

std::string key_path_join(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return fmt::format("{}.{}", parent, key);
}

std::string key_path_index(std::string_view parent, std::size_t index) {
  return fmt::format("{}[{}]", parent, index);
}

std::optional<double> read_number(const YamlNode& node, const std::string& key_path,
                                  DiagnosticSink& sink, std::string_view expected) {
  const auto scanned = scan_number(node, key_path, sink, expected, true);
  if (!scanned) return std::nullopt;
  return scanned->value;
}

std::optional<std::int64_t> read_integer(const YamlNode& node, const std::string& key_path,
                                         DiagnosticSink& sink, std::int64_t min, std::int64_t max) {
  const auto scanned = scan_number(node, key_path, sink, "a whole number", false);
  if (!scanned) return std::nullopt;
  const auto out_of_range = [&] {
    sink.error(node.mark, key_path,
               fmt::format("must be between {} and {}, got {}", min, max, node.text));
    return std::nullopt;
  };
  std::int64_t value = 0;
  if (scanned->integer_literal) {
    std::uint64_t magnitude = 0;
    const std::string& digits = scanned->integer_digits;
    const auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), magnitude);
    constexpr auto kMaxMagnitude =
        static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (error != std::errc() || magnitude > kMaxMagnitude) return out_of_range();
    value = static_cast<std::int64_t>(magnitude);
    if (scanned->negative) value = -value;
  } else {
    if (scanned->value != std::trunc(scanned->value)) {
      sink.error(node.mark, key_path, fmt::format("must be a whole number, got {}", node.text));
      return std::nullopt;
    }
    if (std::fabs(scanned->value) >= 9.2e18) return out_of_range();
    value = static_cast<std::int64_t>(scanned->value);
  }
  if (value < min || value > max) return out_of_range();
  return value;
}

std::optional<std::uint64_t> read_uint64(const YamlNode& node, const std::string& key_path,
                                         DiagnosticSink& sink) {
  const auto scanned = scan_number(node, key_path, sink, "a whole number", false);
  if (!scanned) return std::nullopt;
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  const auto out_of_range = [&] {
    sink.error(node.mark, key_path,
               fmt::format("must be between 0 and {}, got {}", kMax, node.text));
    return std::nullopt;
  };
  if (scanned->integer_literal) {
    std::uint64_t value = 0;
    const std::string& digits = scanned->integer_digits;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || (scanned->negative && value != 0)) return out_of_range();
    return value;
  }
  if (scanned->value != std::trunc(scanned->value)) {
    sink.error(node.mark, key_path, fmt::format("must be a whole number, got {}", node.text));
    return std::nullopt;
  }
  // 2^64 is exactly representable; every double below it converts exactly.
  if (scanned->value < 0 || scanned->value >= 18446744073709551616.0) return out_of_range();
  return static_cast<std::uint64_t>(scanned->value);
}

std::optional<bool> read_bool(const YamlNode& node, const std::string& key_path,
                              DiagnosticSink& sink) {
  if (node.is_scalar() && !node.quoted) {
    if (node.text == "true") return true;
    if (node.text == "false") return false;
    static constexpr std::array<std::string_view, 8> kBooleanLike = {"yes", "no", "on",   "off",
                                                                     "y",   "n",  "true", "false"};
    const std::string lower = lowercase(node.text);
    if (std::find(kBooleanLike.begin(), kBooleanLike.end(), lower) != kBooleanLike.end()) {
      sink.error(node.mark, key_path,
                 fmt::format("'{}' is not accepted as a boolean; write true or false", node.text));
      return std::nullopt;
    }
  }
  sink.error(node.mark, key_path,
             fmt::format("expected true or false, got {}", describe_yaml_node(node)));
  return std::nullopt;
}

std::optional<std::string> read_text(const YamlNode& node, const std::string& key_path,
                                     DiagnosticSink& sink) {
  if (node.is_scalar()) return node.text;
  sink.error(node.mark, key_path, fmt::format("expected text, got {}", describe_yaml_node(node)));
  return std::nullopt;
}

bool check_range(double value, double min, double max, const YamlNode& node,
                 const std::string& key_path, DiagnosticSink& sink, std::string_view note) {
  if (value >= min && value <= max) return true;
  std::string message;
  if (std::isfinite(min) && std::isfinite(max)) {
    message = fmt::format("must be between {} and {}, got {}", format_number(min),
                          format_number(max), format_number(value));
    if (min == 0 && max == 1) message += percent_hint(value);
  } else if (std::isfinite(min)) {
    message = fmt::format("must be at least {}, got {}", format_number(min), format_number(value));
  } else {
    message = fmt::format("must be at most {}, got {}", format_number(max), format_number(value));
  }
  message += note;
  sink.error(node.mark, key_path, std::move(message));
  return false;
}

ObjectReader::ObjectReader(const YamlNode& node, std::string key_path, DiagnosticSink& sink)
    : node_(node), key_path_(std::move(key_path)), sink_(sink) {
  check_map();
}

ObjectReader::ObjectReader(const YamlNode& node, std::string key_path, const SectionDoc& keys,
                           DiagnosticSink& sink)
    : node_(node), key_path_(std::move(key_path)), sink_(sink), keys_(&keys) {
  check_map();
}

void ObjectReader::check_map() {
  if (node_.is_map() || node_.is_null()) return;
  std::string message = fmt::format("expected a map, got {}", describe_yaml_node(node_));
  // An entry of named maps (a territory, a role) named as one of the entries' keys: a key that
  // lost its indentation under the entry's name ('all:' then 'inbound_leads_per_month: 20').
  const std::size_t dot = key_path_.rfind('.');
  if (keys_ != nullptr && dot != std::string::npos && !key_path_.ends_with(']')) {
    const std::string_view name = std::string_view(key_path_).substr(dot + 1);
    if (keys_->find(name) != nullptr) {
      message += fmt::format(
          "; '{}' is a key inside each entry of '{}', not an entry's name: indent it under the "
          "entry it belongs to",
          name, std::string_view(key_path_).substr(0, dot));
    }
  }
  sink_.error(node_.mark, key_path_, std::move(message));
  valid_ = false;
}

void ObjectReader::allow(std::string_view key) {
  if (keys_ != nullptr && keys_->find(key) == nullptr) {
    throw std::logic_error(
        fmt::format("the loader reads '{}' in section '{}', which "
                    "app/scenario/scenario_keys.cc does not list",
                    key, keys_->name));
  }
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
}

const YamlNode* ObjectReader::get(std::string_view key) {
  allow(key);
  return node_.find(key);
}

const YamlNode* ObjectReader::require(std::string_view key) {
  const YamlNode* value = get(key);
  if (value == nullptr && valid_) {
    sink_.error(node_.mark, key_path_, fmt::format("missing required key '{}'", key));
  }
  return value;
}

std::optional<double> ObjectReader::number(std::string_view key) {
  const YamlNode* value = get(key);
  if (value == nullptr) return std::nullopt;
  return read_number(*value, path_of(key), sink_);
}

std::optional<std::int64_t> ObjectReader::integer(std::string_view key, std::int64_t min,
                                                  std::int64_t max) {
  const YamlNode* value = get(key);
  if (value == nullptr) return std::nullopt;
  return read_integer(*value, path_of(key), sink_, min, max);
}

std::optional<bool> ObjectReader::boolean(std::string_view key) {
  const YamlNode* value = get(key);
  if (value == nullptr) return std::nullopt;
  return read_bool(*value, path_of(key), sink_);
}

std::optional<std::string> ObjectReader::text(std::string_view key) {
  const YamlNode* value = get(key);
  if (value == nullptr) return std::nullopt;
  return read_text(*value, path_of(key), sink_);
}

bool ObjectReader::finish() {
  bool clean = true;
  for (const YamlEntry& entry : node_.entries) {
    if (std::find(known_.begin(), known_.end(), entry.key) != known_.end()) continue;
    clean = false;
    sink_.error(
        entry.key_mark, key_path_,
        is_thousands_group(entry.key)
            ? fmt::format("unknown key '{}': inside {{ }} a comma separates entries, so "
                          "1,500,000 reads as 1 and the keys 500 and 000; write "
                          "1_500_000",
                          entry.key)
        // A word for what teamsim works out ("arr", "burn"): what to write instead, where a
        // "did you mean" would name a key that has nothing to do with it.
        : keys_ != nullptr && keys_->derived_word(entry.key) != nullptr
            ? fmt::format("unknown key '{}': {}", entry.key,
                          keys_->derived_word(entry.key)->instead)
        : !entry.value.anchor.empty() &&
                close_matches(entry.key, keys_ != nullptr ? keys_->key_names() : known_).empty()
            // A key made to hold an anchor for later aliases (`defaults: &lead {...}`), as
            // other tools allow, and not a misspelt key: the anchor works where the value is
            // first used.
            ? fmt::format(
                  "unknown key '{0}'; a key that only holds an anchor (&{1}) is not read: set the "
                  "anchor where its value is first used, and repeat the value with *{1} (a: &{1} "
                  "{{...}}, then b: *{1})",
                  entry.key, entry.value.anchor)
            : !section_holding(entry.key).empty() &&
                      close_matches(entry.key, keys_->key_names()).empty()
                  // A section's key written at its section's level: its indentation was lost.
                  ? fmt::format(
                        "unknown key '{0}' here; it is a key of '{1}' ({2}): indent it under "
                        "'{1}:'",
                        entry.key, section_holding(entry.key),
                        key_path_join(path_of(section_holding(entry.key)), entry.key))
                  : fmt::format(
                        "unknown key '{}'{}", entry.key,
                        suggestion(entry.key, keys_ != nullptr ? keys_->key_names() : known_)));
  }
  return clean;
}

std::string ObjectReader::section_holding(std::string_view key) const {
  if (keys_ == nullptr) return "";
  for (const KeyDoc& doc : keys_->keys) {
    if (doc.kind == ValueKind::kSection && scenario_section(doc.section).find(key) != nullptr) {
      return std::string(doc.name);
    }
  }
  return "";
}

}  // namespace teamsim::app
