#pragma once

#include <string>
#include <vector>

namespace teamsim::app::testing {

/// A small XML well-formedness check for test output: one root, tags balanced and properly
/// nested, attribute values quoted, entities among the five predefined or numeric. Returns ""
/// when well-formed, else what is wrong.
inline std::string xml_problem(const std::string& xml) {
  std::vector<std::string> open;
  bool seen_root = false;
  std::size_t i = 0;
  if (xml.rfind("<?xml", 0) == 0) i = xml.find("?>") + 2;
  while (i < xml.size()) {
    const char c = xml[i];
    if (c == '&') {
      const std::size_t end = xml.find(';', i);
      if (end == std::string::npos) return "unterminated entity";
      const std::string name = xml.substr(i + 1, end - i - 1);
      if (name != "amp" && name != "lt" && name != "gt" && name != "quot" && name != "apos" &&
          (name.empty() || name[0] != '#')) {
        return "unknown entity &" + name + ";";
      }
      i = end + 1;
      continue;
    }
    if (c != '<') {
      if (open.empty() && c != '\n' && c != ' ') return "text outside the root";
      ++i;
      continue;
    }
    const std::size_t end = xml.find('>', i);
    if (end == std::string::npos) return "unterminated tag";
    std::string tag = xml.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty()) return "empty tag";
    int quotes = 0;
    for (const char q : tag) quotes += q == '"';
    if (quotes % 2 != 0) return "unbalanced quotes in <" + tag + ">";
    if (tag.find('<') != std::string::npos) return "'<' inside a tag";
    if (tag[0] == '/') {
      const std::string name = tag.substr(1);
      if (open.empty() || open.back() != name) return "unexpected </" + name + ">";
      open.pop_back();
      continue;
    }
    const bool self_closing = tag.back() == '/';
    const std::string name = tag.substr(0, tag.find_first_of(" /\n\t"));
    if (open.empty()) {
      if (seen_root) return "a second root <" + name + ">";
      seen_root = true;
    }
    if (!self_closing) open.push_back(name);
  }
  if (!open.empty()) return "<" + open.back() + "> is never closed";
  return seen_root ? "" : "no root element";
}

}  // namespace teamsim::app::testing
