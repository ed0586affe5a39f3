#include "app/charts/svg_writer.h"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "app/common/xml_escape.h"

namespace teamsim::app {
namespace {

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

void check_name(std::string_view name) {
  bool ok = !name.empty() && is_name_start(name.front());
  for (char c : name) ok = ok && is_name_char(c);
  if (!ok) throw std::logic_error(fmt::format("invalid XML name '{}'", name));
}

}  // namespace

std::string svg_number(double value) {
  if (!std::isfinite(value)) throw std::invalid_argument("svg_number: not a finite number");
  std::string s = fmt::format("{:.2f}", value);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string svg_points(const std::vector<std::pair<double, double>>& points) {
  std::string out;
  for (const auto& [x, y] : points) {
    if (!out.empty()) out += ' ';
    out += svg_number(x);
    out += ',';
    out += svg_number(y);
  }
  return out;
}

SvgAttribute::SvgAttribute(std::string_view attribute_name, std::string attribute_value)
    : name(attribute_name), value(std::move(attribute_value)) {}
SvgAttribute::SvgAttribute(std::string_view attribute_name, std::string_view attribute_value)
    : name(attribute_name), value(attribute_value) {}
SvgAttribute::SvgAttribute(std::string_view attribute_name, const char* attribute_value)
    : name(attribute_name), value(attribute_value) {}
SvgAttribute::SvgAttribute(std::string_view attribute_name, double attribute_value)
    : name(attribute_name), value(svg_number(attribute_value)) {}
SvgAttribute::SvgAttribute(std::string_view attribute_name, int attribute_value)
    : name(attribute_name), value(fmt::format("{}", attribute_value)) {}

SvgWriter::SvgWriter(double width, double height, const SvgAttributes& root_attributes) {
  SvgAttributes attributes = {
      {"xmlns", "http://www.w3.org/2000/svg"},
      {"width", width},
      {"height", height},
      {"viewBox", fmt::format("0 0 {} {}", svg_number(width), svg_number(height))}};
  attributes.insert(attributes.end(), root_attributes.begin(), root_attributes.end());
  open("svg", attributes);
}

void SvgWriter::indent() { out_.append(2 * open_.size(), ' '); }

void SvgWriter::start_tag(std::string_view tag, const SvgAttributes& attributes) {
  check_name(tag);
  indent();
  out_ += '<';
  out_ += tag;
  for (const SvgAttribute& a : attributes) {
    check_name(a.name);
    out_ += ' ';
    out_ += a.name;
    out_ += "=\"";
    out_ += xml_escape_attribute(a.value);
    out_ += '"';
  }
}

void SvgWriter::open(std::string_view tag, const SvgAttributes& attributes) {
  start_tag(tag, attributes);
  out_ += ">\n";
  open_.emplace_back(tag);
}

void SvgWriter::close() {
  // The root <svg> is closed by finish() only.
  if (open_.size() <= 1) throw std::logic_error("SvgWriter::close without a matching open");
  std::string tag = std::move(open_.back());
  open_.pop_back();
  indent();
  out_ += "</" + tag + ">\n";
}

void SvgWriter::element(std::string_view tag, const SvgAttributes& attributes) {
  start_tag(tag, attributes);
  out_ += "/>\n";
}

void SvgWriter::text_element(std::string_view tag, const SvgAttributes& attributes,
                             std::string_view text) {
  start_tag(tag, attributes);
  out_ += '>';
  out_ += xml_escape_text(text);
  out_ += "</";
  out_ += tag;
  out_ += ">\n";
}

void SvgWriter::element_with_title(std::string_view tag, const SvgAttributes& attributes,
                                   std::string_view title) {
  start_tag(tag, attributes);
  out_ += "><title>";
  out_ += xml_escape_text(title);
  out_ += "</title></";
  out_ += tag;
  out_ += ">\n";
}

std::string SvgWriter::finish() {
  while (open_.size() > 1) close();
  if (!open_.empty()) {
    open_.pop_back();
    out_ += "</svg>\n";
  }
  return std::exchange(out_, std::string());
}

}  // namespace teamsim::app
