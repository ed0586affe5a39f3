#include "models/scenario_spec.h"

namespace teamsim::model {

const RoleSpec* ScenarioSpec::find_role(const std::string& role_name) const {
  for (const RoleSpec& role : roles) {
    if (role.name == role_name) return &role;
  }
  return nullptr;
}

const HireSourceSpec* ScenarioSpec::find_source(const std::string& source_name) const {
  for (const HireSourceSpec& source : hire_sources) {
    if (source.name == source_name) return &source;
  }
  return nullptr;
}

double SegmentSpec::share_in(const std::string& territory) const {
  for (const auto& [territory_name, value] : share_by_territory) {
    if (territory_name == territory) return value;
  }
  return share;
}

}  // namespace teamsim::model
