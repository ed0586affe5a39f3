#include "app/common/role_noun.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "app/common/plural.h"
#include "app/common/suggestions.h"

namespace teamsim::app {
namespace {

struct BuiltinNoun {
  std::string_view role;
  std::string_view one;
};

// The seven built-in roles (models/scenario_spec.h, kRoleKinds), named as a sales leader says them.
constexpr std::array<BuiltinNoun, 7> kBuiltinNouns = {{
    {"account_executive", "AE"},
    {"sales_manager", "manager"},
    {"assistant_manager", "assistant manager"},
    {"customer_success", "CS rep"},
    {"sales_specialist", "specialist"},
    {"sales_operations", "sales ops analyst"},
    {"sales_enablement", "enablement lead"},
}};

// Role names that are acronyms in sales teams: written in capitals ("sdr" is an SDR).
constexpr std::array<std::string_view, 14> kAcronyms = {
    "adr", "ae", "am", "ase", "bdr", "cam", "csm", "cse", "kam", "mdr", "sa", "sdr", "se", "tam"};

std::string plural(const std::string& one) { return one.ends_with('s') ? one : one + "s"; }

}  // namespace

RoleNoun role_noun(std::string_view role_name) {
  for (const BuiltinNoun& builtin : kBuiltinNouns) {
    if (builtin.role == role_name)
      return {std::string(builtin.one), plural(std::string(builtin.one))};
  }
  const std::string lowered = lowercase(role_name);
  if (std::find(kAcronyms.begin(), kAcronyms.end(), lowered) != kAcronyms.end()) {
    std::string upper(role_name);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return {upper, upper + "s"};
  }
  std::string one(role_name);
  std::replace(one.begin(), one.end(), '_', ' ');
  return {one, plural(one)};
}

std::string count_of(int count, const RoleNoun& noun) {
  return fmt::format("{} {}", count,
                     app::noun(static_cast<std::uint64_t>(count), noun.one, noun.many));
}

}  // namespace teamsim::app
