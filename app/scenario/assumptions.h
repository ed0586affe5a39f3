#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/scenario/yaml_tree.h"
#include "models/scenario_spec.h"

// The assumptions a founder needs to see beside a run's results: the main drivers of the plan in
// the user's units ("deal size: median $14k, p90 $32k a year"), each marked when the scenario left
// it at its default, with where that default comes from (docs/scenario-reference.md). Not every
// key: the resolved scenario (summary.json) holds them all.

namespace teamsim::app {

/// One row of the assumptions table.
struct Assumption {
  std::string group;  ///< "Team", "Leads", "Deals", "People", "Customers" or "Money"
  std::string label;  ///< e.g. "Deal size (ACV)"
  std::string value;  ///< in the user's units, e.g. "median $14k, p90 $32k a year"
  /// The scenario keys the row shows, as in diagnostics ("pipeline.deal_size_acv").
  std::vector<std::string> keys;
  /// Those of `keys` the scenario left at their defaults (none: every value was written).
  std::vector<std::string> default_keys;
  /// Where the defaults come from, e.g. "The Bridge Group's SaaS AE Metrics", and the section
  /// of docs/scenario-reference.md that documents them.
  std::string source;
  bool uncertain = false;  ///< some number of the row is drawn once per replication

  /// True when some of the row's keys were left at their defaults.
  bool uses_default() const { return !default_keys.empty(); }
  /// True when all of them were.
  bool all_default() const { return !keys.empty() && default_keys.size() == keys.size(); }
};

/// The key paths a merged scenario tree writes, sorted: every map key at every depth, joined with
/// dots ("pipeline.win_rate", "roles.account_executive.annual_quota"); a list is one key ("hires")
/// and `hires_csv` writes "hires" too.
std::vector<std::string> written_key_paths(const YamlNode& root);

/// Whether the scenario wrote `key` (a key path, as --set takes it), given the keys it wrote
/// (written_key_paths): the key itself, its list for a key inside one ("hires[0].month" is
/// written with "hires"), or a key a `sales_motion` preset sets when the scenario names one.
/// Every other value is teamsim's default.
bool scenario_wrote(const std::vector<std::string>& written, const std::string& key);

/// The assumptions table of `spec`, whose scenario wrote the keys `written` (written_key_paths):
/// the team and its hires, lead flow and prospecting, win rate, cycle, deal size, capacity, ramp,
/// attrition, quota and pay, customers, churn and expansion, cash, costs and funding.
std::vector<Assumption> scenario_assumptions(const model::ScenarioSpec& spec,
                                             const std::vector<std::string>& written);

/// A distribution as a person reads it, each number through `number` and `unit` after them:
/// "median $14k, p90 $32k a year", "1.5-4 months, most likely 2.5", "mean 22%, 80% within
/// 16%-29%"; a constant is its value.
std::string describe_for_people(const sim::Distribution& distribution,
                                const std::function<std::string(double)>& number,
                                std::string_view unit);

}  // namespace teamsim::app
