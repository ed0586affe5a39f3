#pragma once

#include <string>
#include <string_view>

// How a role is named in sentences, tables and chart titles, where its key (account_executive,
// sdr) reads like code: "4 AEs", "a CS rep per 80 customers", "People in the SDR role".

namespace teamsim::app {

struct RoleNoun {
  std::string one;   ///< "AE", "manager", "SDR", "solutions engineer"
  std::string many;  ///< "AEs", "managers", "SDRs", "solutions engineers"
};

/// The built-in roles by their usual names in a sales team (account_executive: AE, sales_manager:
/// manager, customer_success: CS rep, ...); a role whose name is a common sales acronym (sdr, bdr,
/// csm, se, ...) in capitals; any other by its name with underscores as spaces. The plural adds
/// "s" unless the name already ends in one.
RoleNoun role_noun(std::string_view role_name);

/// "1 AE", "4 AEs", "0 SDRs".
std::string count_of(int count, const RoleNoun& noun);

}  // namespace teamsim::app
