#include "app/common/plural.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/common/number_format.h"

namespace teamsim::app {

std::string noun(std::uint64_t count, std::string_view one, std::string_view many) {
  if (count == 1) return std::string(one);
  return many.empty() ? std::string(one) + "s" : std::string(many);
}

std::string counted(std::uint64_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, noun(count, one, many));
}

std::string grouped_count(std::uint64_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", format_grouped(static_cast<double>(count), 0),
                     noun(count, one, many));
}

std::string listed(const std::vector<std::string>& items, std::size_t shown) {
  const std::size_t written = std::min(items.size(), shown);
  std::string out;
  for (std::size_t i = 0; i < written; ++i) {
    if (i > 0) out += i + 1 == written && items.size() <= shown ? " and " : ", ";
    out += items[i];
  }
  if (items.size() > shown) out += fmt::format(" and {} more", items.size() - shown);
  return out;
}

}  // namespace teamsim::app
