#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/scenario/scenario_keys.h"
#include "models/scenario_spec.h"

// The numbers of a resolved scenario that are assumptions (their key has a label in
// scenario_keys.cc), and any number shown in its unit, for the tables, files and charts that name
// an assumption in the user's words.

namespace teamsim::app {

/// One assumption of a resolved scenario given as a single number.
struct ScenarioNumber {
  std::string key_path;  ///< as --set takes it: "territories.east.inbound_leads_per_month"
  std::string label;     ///< number_label(key_path): "Inbound leads a month (east)"
  ValueUnit unit = ValueUnit::kNone;
  bool whole = false;  ///< the key takes whole numbers only
  /// The key takes a distribution and was given one number (a constant distribution).
  bool distribution = false;
  double value = 0;
};

/// Every labelled number of `spec`'s resolved scenario (scenario_to_json, so defaults the file did
/// not write are included), in its key order. A key given as a real distribution, or drawn per
/// replication, is not a single number and is not listed; nor is customers.initial when the
/// territories give their initial_customers (it is then their sum).
std::vector<ScenarioNumber> scenario_numbers(const model::ScenarioSpec& spec);

/// `value` in `unit`, about three significant digits: "$5.6k", "25%", "45 days", "4.5 months",
/// "×1.2", "12". Not finite: "n/a".
std::string format_in_unit(double value, ValueUnit unit, std::string_view currency_symbol);

/// Two values of one unit: "30 .. 120 days" (the noun once), "$4,800 .. $30k", "20% .. 30%".
std::string format_range_in_unit(double low, double high, ValueUnit unit,
                                 std::string_view currency_symbol);

/// The name of a unit in files ("money", "probability", ...; "" for kNone), and back (kNone for
/// a name not in the list).
std::string_view unit_name(ValueUnit unit);
ValueUnit unit_from_name(std::string_view name);

}  // namespace teamsim::app
