#include "app/scenario/assumptions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "app/common/number_format.h"
#include "app/common/plural.h"
#include "app/common/role_noun.h"
#include "app/scenario/plan_calendar.h"
#include "app/scenario/scenario_numbers.h"
#include "app/scenario/yaml_reader.h"
#include "models/customer_base.h"

namespace teamsim::app {
namespace {

using model::RoleKind;
using model::RoleSpec;
using model::ScenarioSpec;
using Formatter = std::function<std::string(double)>;

void collect_paths(const YamlNode& node, const std::string& prefix, std::vector<std::string>& out) {
  if (!node.is_map()) return;
  for (const YamlEntry& entry : node.entries) {
    const std::string path = key_path_join(prefix, entry.key);
    out.push_back(path);
    collect_paths(entry.value, path, out);
  }
}

// The keys a sales_motion preset sets: written by the scenario when it names a motion.
constexpr std::string_view kSalesMotionKeys[] = {
    "pipeline.win_rate",       "pipeline.deal_size_acv",          "pipeline.sales_cycle_days",
    "customers.monthly_churn", "customers.annual_contract_share", "customers.annual_churn",
};

std::string plain(double value) { return format_compact(value); }

std::string percent(double value) { return format_in_unit(value, ValueUnit::kProbability, ""); }

std::string signed_percent(double value) {
  return value > 0 ? fmt::format("+{}", percent(value)) : percent(value);
}

// "AE", "manager", "SDR": how a sales leader names the role (app/common/role_noun.h).
std::string role_label(const RoleSpec& role) { return role_noun(role.name).one; }

// "1 AE", "4 AEs" for the role named `role_name`.
std::string counted_role(int count, const std::string& role_name) {
  return count_of(count, role_noun(role_name));
}

// "a manager", "an assistant manager", "an AE": the article by the label's first letter.
std::string one(const std::string& label) {
  const bool vowel =
      !label.empty() && std::string_view("aeiouAEIOU").find(label[0]) != std::string_view::npos;
  return fmt::format("{} {}", vowel ? "an" : "a", label);
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator = ", ") {
  return fmt::format("{}", fmt::join(parts, separator));
}

// Builds the rows: each value helper records the keys it reads, and add() makes a row of them.
class Table {
 public:
  Table(const ScenarioSpec& spec, const std::vector<std::string>& written)
      : spec_(spec), written_(written) {
    for (const model::StartingStaffSpec& staff : spec.starting_staff) use_role(staff.role);
    for (const model::HireSpec& hire : spec.hires) use_role(hire.role);
    for (const model::HiringRuleSpec& rule : spec.hiring_rules) use_role(rule.role);
  }

  /// The roles the plan employs, in scenario order.
  std::vector<const RoleSpec*> roles_used() const {
    std::vector<const RoleSpec*> roles;
    for (const RoleSpec& role : spec_.roles) {
      if (std::find(used_.begin(), used_.end(), role.name) != used_.end()) roles.push_back(&role);
    }
    return roles;
  }
  /// The sellers among them (AE kinds that work deals); the built-in AE when there is none.
  std::vector<const RoleSpec*> sellers() const {
    std::vector<const RoleSpec*> sellers;
    for (const RoleSpec* role : roles_used()) {
      if (role->kind == RoleKind::kAccountExecutive && !role->hands_off_leads) {
        sellers.push_back(role);
      }
    }
    if (sellers.empty()) {
      if (const RoleSpec* ae = spec_.find_role("account_executive")) sellers.push_back(ae);
    }
    return sellers;
  }

  /// Records `key` as shown by the row being built.
  void key(const std::string& key) { keys_.push_back(key); }

  /// A number key: its value, or when drawn once per replication, its distribution.
  std::string number(const std::string& key, double value, const Formatter& format,
                     std::string_view unit) {
    this->key(key);
    if (const model::ReplicationInput* input = replication_input(key)) {
      uncertain_ = true;
      return describe_for_people(input->distribution, format, unit) + " (one level per run)";
    }
    return format(value) + std::string(unit);
  }

  /// A distribution key, with any of its parameters drawn once per replication.
  std::string distribution(const std::string& key, const sim::Distribution& distribution,
                           const Formatter& format, std::string_view unit) {
    if (replication_input(key) != nullptr) return number(key, 0, format, unit);
    this->key(key);
    std::string text = describe_for_people(distribution, format, unit);
    for (const model::ReplicationInput& input : spec_.replication_inputs) {
      if (!input.key_path.starts_with(key + ".")) continue;
      uncertain_ = true;
      text += fmt::format("; {} {} (one level per run)", input.key_path.substr(key.size() + 1),
                          describe_for_people(input.distribution, format, ""));
    }
    return text;
  }

  void add(std::string group, std::string label, std::string value, std::string source) {
    Assumption row;
    row.group = std::move(group);
    row.label = std::move(label);
    row.value = std::move(value);
    row.source = std::move(source);
    row.uncertain = uncertain_;
    for (std::string& key : keys_) {
      if (std::find(row.keys.begin(), row.keys.end(), key) != row.keys.end()) continue;
      if (!is_written(key)) row.default_keys.push_back(key);
      row.keys.push_back(std::move(key));
    }
    keys_.clear();
    uncertain_ = false;
    rows_.push_back(std::move(row));
  }

  std::vector<Assumption> take() { return std::move(rows_); }

 private:
  void use_role(const std::string& name) {
    if (std::find(used_.begin(), used_.end(), name) == used_.end()) used_.push_back(name);
  }
  bool is_written(const std::string& key) const { return scenario_wrote(written_, key); }
  const model::ReplicationInput* replication_input(const std::string& key) const {
    for (const model::ReplicationInput& input : spec_.replication_inputs) {
      if (input.key_path == key) return &input;
    }
    return nullptr;
  }

  const ScenarioSpec& spec_;
  const std::vector<std::string>& written_;
  std::vector<std::string> used_;
  std::vector<std::string> keys_;
  bool uncertain_ = false;
  std::vector<Assumption> rows_;
};

std::string role_key(const RoleSpec& role, std::string_view key) {
  return fmt::format("roles.{}.{}", role.name, key);
}

// "manager: month 1; 3 AEs: months 3, 6, 9"; with a start date "manager: Jan 2027; 3 AEs: Mar
// 2027, Jun 2027, Sep 2027".
// " (europe, referral)": a hire's territory, when the scenario has several, and its source, when
// not the default; empty when neither sets it apart.
std::string hire_place(const std::string& territory, const std::string& source,
                       const ScenarioSpec& spec) {
  std::vector<std::string> apart;
  if (spec.territories.size() > 1 && !territory.empty()) apart.push_back(territory);
  if (source != model::HireSpec{}.source) apart.push_back(source);
  return apart.empty() ? "" : fmt::format(" ({})", joined(apart));
}

// One group of dated hires: a role, with what sets them apart from the role's other hires.
struct HireGroup {
  std::string role;
  std::string place;  ///< hire_place's text
  int count = 0;
  std::vector<std::string> months;
  std::vector<int> counts;  ///< each dated entry's count
};

// "1 manager: month 1; 2 AEs (north_america): months 3, 9; 1 AE (europe, referral): month 6".
// The hires are read in date order, whatever order the scenario lists them in, so that two plans
// with the same hires read the same; hires of one month keep the scenario's order, in which they
// queue for the recruiting slots ("1 manager: month 1; 6 AEs: month 1" is manager first). The
// territory and source are shown wherever they can differ, so that plans whose hires differ
// only there do not.
std::string dated_hires(const ScenarioSpec& spec) {
  const MonthNames names = month_names_of(spec);
  std::vector<const model::HireSpec*> by_date;
  // A hire of nobody (`count: 0`, a hire switched off by --set) is no hire: it read "0 AEs:
  // month 3".
  for (const model::HireSpec& hire : spec.hires) {
    if (hire.count > 0) by_date.push_back(&hire);
  }
  if (by_date.empty()) return "none";
  std::stable_sort(by_date.begin(), by_date.end(), [](const auto* a, const auto* b) {
    return std::tie(a->month, a->by_start_month) < std::tie(b->month, b->by_start_month);
  });
  std::vector<HireGroup> groups;
  for (const model::HireSpec* hire : by_date) {
    HireGroup key;
    key.role = hire->role;
    key.place = hire_place(hire->territory, hire->source, spec);
    auto group = std::find_if(groups.begin(), groups.end(), [&](const HireGroup& g) {
      return g.role == key.role && g.place == key.place;
    });
    if (group == groups.end()) group = groups.insert(groups.end(), std::move(key));
    group->count += hire->count;
    std::string month = names.start() ? names.label(hire->month) : std::to_string(hire->month);
    if (hire->by_start_month) month.insert(0, "start ");
    group->months.push_back(std::move(month));
    group->counts.push_back(hire->count);
  }
  std::vector<std::string> parts;
  for (HireGroup& group : groups) {
    std::vector<std::string>& months = group.months;
    // "4 AEs: month 3", not "(×4)" again; "3 AEs: months 3 (×2), 6" when the dates differ.
    for (std::size_t i = 0; group.counts.size() > 1 && i < group.counts.size(); ++i) {
      if (group.counts[i] != 1) months[i] += fmt::format(" (×{})", group.counts[i]);
    }
    const std::size_t dates = months.size();
    if (months.size() > 6) {
      months = {months[0], months[1], "…", months.back()};
    }
    const std::string word = names.start() ? "" : noun(dates, "month") + " ";
    parts.push_back(fmt::format("{}{}: {}{}", counted_role(group.count, group.role), group.place,
                                word, joined(months)));
  }
  return joined(parts, "; ");
}

// What a rule hires, without where, when or how far: "2 AEs every 3 months", "a CS rep per 80
// customers".
std::string hiring_rule_target(const model::HiringRuleSpec& rule) {
  const std::string label = role_noun(rule.role).one;
  switch (rule.basis) {
    case model::RuleBasis::kNone:
      return fmt::format("{} every {}", counted_role(rule.count, rule.role),
                         counted(static_cast<std::uint64_t>(rule.every_months), "month"));
    case model::RuleBasis::kCustomers:
      return fmt::format("{} per {} customers", one(label), format_compact(rule.ratio));
    case model::RuleBasis::kReps:
      return fmt::format("{} per {} AEs", one(label), format_compact(rule.ratio));
    case model::RuleBasis::kRepsPerManagerAbove:
      return fmt::format("{} per {} reps", one(label), format_compact(rule.ratio));
  }
  return label;
}

// "an AE every 3 months from month 6 to month 30, up to 4 AEs (europe, agency)": every field
// that changes what the rule hires, so that two plans whose rules differ do not read the same.
std::string hiring_rule(const model::HiringRuleSpec& rule, const ScenarioSpec& spec,
                        const MonthNames& names) {
  std::string text = hiring_rule_target(rule);
  const bool from = rule.from_month > 1;
  const bool until = rule.until_month < spec.horizon_months;
  if (from) text += " from " + names.phrase(rule.from_month);
  if (until) text += (from ? " to " : " until ") + names.phrase(rule.until_month);
  if (rule.max_count != model::kUnlimited) {
    text += ", up to " + counted_role(rule.max_count, rule.role);
  }
  return text + hire_place(rule.territory, rule.source, spec);
}

void team_rows(const ScenarioSpec& spec, Table& table) {
  // One count per role, in the order the roles are defined, split by territory where the
  // scenario has several and the entries name them: "3 AEs (1 east, 2 west), 1 manager". Read in
  // that order whatever order the entries are listed in, as the dated hires are.
  std::vector<std::string> staff;
  for (const RoleSpec& role : spec.roles) {
    int count = 0;
    std::map<std::string, int> by_territory;  // "" for people placed by the load on day 0
    for (const model::StartingStaffSpec& entry : spec.starting_staff) {
      if (entry.role != role.name) continue;
      count += entry.count;
      by_territory[spec.territories.size() > 1 ? entry.territory : ""] += entry.count;
    }
    if (count == 0) continue;
    std::vector<std::string> split;
    for (const model::TerritorySpec& territory : spec.territories) {
      if (const auto it = by_territory.find(territory.name); it != by_territory.end()) {
        split.push_back(fmt::format("{} {}", it->second, territory.name));
      }
    }
    if (!split.empty() && by_territory.contains("")) {
      split.push_back(fmt::format("{} where fewest sell", by_territory[""]));
    }
    staff.push_back(counted_role(count, role.name) +
                    (split.empty() ? "" : fmt::format(" ({})", joined(split))));
  }
  table.key("starting_staff");
  table.add("Team", "Starting team", staff.empty() ? "none" : joined(staff),
            "none: the founders who sell today are not modelled (scenario-reference: "
            "starting_staff)");
  table.key("hires");
  table.add("Team", "Dated hires", dated_hires(spec), "none (scenario-reference: hires)");
  if (!spec.hiring_rules.empty()) {
    const MonthNames names = month_names_of(spec);
    std::vector<std::string> rules;
    for (const model::HiringRuleSpec& rule : spec.hiring_rules) {
      rules.push_back(hiring_rule(rule, spec, names));
    }
    table.key("hiring_rules");
    table.add("Team", "Hiring rules", joined(rules, "; "),
              "none (scenario-reference: hiring_rules)");
  }
  std::vector<std::string> fill;
  for (const RoleSpec* role : table.roles_used()) {
    fill.push_back(role_label(*role) + " " +
                   table.distribution(role_key(*role, "time_to_fill_days"), role->time_to_fill_days,
                                      plain, " days"));
  }
  if (!fill.empty()) {
    table.add("Team", "Time to fill", joined(fill, "; "),
              "AE: recruiting time-to-hire surveys for sales roles (≈ 41-50 days); other roles: "
              "assumption (scenario-reference: roles)");
  }
  const model::FounderSpec& founder = spec.founder;
  const std::string searches =
      table.number("founder.concurrent_searches", founder.concurrent_searches, plain, "");
  const std::string slower =
      table.number("founder.time_to_fill_factor", founder.time_to_fill_factor, plain, "");
  const std::string span =
      table.number("founder.span_of_control", founder.span_of_control, plain, "");
  // An assistant manager adds searches and span beside the founder's (docs/scenario-reference.md,
  // recruiting bandwidth and management), so the line must not read as the founder alone.
  const std::vector<const RoleSpec*> used = table.roles_used();
  const bool assistants = std::any_of(used.begin(), used.end(), [](const RoleSpec* role) {
    return role->kind == RoleKind::kAssistantManager;
  });
  table.add("Team", "Until a manager starts",
            fmt::format("the founder recruits ({} at once, {}× as long) and manages {} reps{}",
                        searches, slower, span,
                        assistants ? ", beside the assistant managers' own searches and span" : ""),
            "assumption: a founder recruits and coaches beside the day job (scenario-reference: "
            "founder)");
}

void lead_rows(const ScenarioSpec& spec, Table& table) {
  std::vector<std::string> inbound;
  std::vector<std::string> per_territory;
  double total = 0;
  bool uncertain = false;
  for (const model::TerritorySpec& territory : spec.territories) {
    const std::string key = fmt::format("territories.{}.inbound_leads_per_month", territory.name);
    const std::string text = table.number(key, territory.inbound_leads_per_month, plain, "");
    uncertain = uncertain || text.find("per run") != std::string::npos;
    total += territory.inbound_leads_per_month;
    inbound.push_back(territory.name + " " + text);
    per_territory.push_back(
        table.number(key, territory.inbound_leads_per_month, plain, " a month"));
  }
  std::string value = per_territory.front();
  if (spec.territories.size() > 1) {
    std::vector<std::string> named;
    for (std::size_t t = 0; t < spec.territories.size(); ++t) {
      named.push_back(spec.territories[t].name + " " + per_territory[t]);
    }
    value = uncertain ? joined(named, "; ")
                      : fmt::format("{} a month ({})", format_compact(total), joined(inbound));
  }
  table.add("Leads", "Inbound leads", value,
            "assumption: an early-stage inbound flow of 20 a month per territory "
            "(scenario-reference: territories)");
  std::vector<std::string> prospecting;
  for (const RoleSpec* role : table.roles_used()) {
    if (role->kind != RoleKind::kAccountExecutive) continue;
    prospecting.push_back(fmt::format("{} per {} a month{}",
                                      table.number(role_key(*role, "prospecting_leads_per_month"),
                                                   role->prospecting_leads_per_month, plain, ""),
                                      role_label(*role),
                                      role->hands_off_leads ? " (handed to the AEs)" : ""));
  }
  if (!prospecting.empty()) {
    table.add("Leads", "Prospected leads", joined(prospecting, "; "),
              "assumption: 4 self-sourced leads per AE-month (scenario-reference: roles)");
  }
  std::vector<std::string> accounts;
  for (const model::TerritorySpec& territory : spec.territories) {
    if (territory.accounts > 0) {
      table.key(fmt::format("territories.{}.accounts", territory.name));
      accounts.push_back(
          fmt::format("{} {}", territory.name, format_grouped(territory.accounts, 0)));
    }
  }
  if (!accounts.empty()) {
    table.add("Leads", "Addressable accounts", joined(accounts),
              "unlimited (scenario-reference: territories)");
  }
}

void deal_rows(const ScenarioSpec& spec, Table& table, const Formatter& money) {
  const model::PipelineSpec& pipeline = spec.pipeline;
  table.add(
      "Deals", "Win rate",
      table.distribution("pipeline.win_rate", pipeline.win_rate, percent, "") + " of opportunities",
      "typical B2B SaaS opportunity-to-close rates of 15-25 % (scenario-reference: "
      "pipeline)");
  table.add("Deals", "Deal size (ACV)",
            table.distribution("pipeline.deal_size_acv", pipeline.deal_size_acv, money, " a year"),
            "SMB / mid-market SaaS ACVs (scenario-reference: pipeline)");
  table.add(
      "Deals", "Sales cycle",
      table.distribution("pipeline.sales_cycle_days", pipeline.sales_cycle_days, plain, " days"),
      "SMB / mid-market B2B cycles of 1-3 months (scenario-reference: pipeline)");
  std::vector<std::string> open;
  for (const RoleSpec* role : table.sellers()) {
    open.push_back(fmt::format("{} per {}",
                               table.number(role_key(*role, "max_open_opportunities"),
                                            role->max_open_opportunities, plain, ""),
                               role_label(*role)));
  }
  table.add("Deals", "Open deals at most", joined(open, "; "),
            "calibrated: 40 open deals let a ramped AE with enough leads make the default quota "
            "(scenario-reference: roles; validation.md)");
  // Each entry's share of the leads when there are several ("segment mid_market 66.7%, segment
  // enterprise 33.3%"): plans that mix the same names in other proportions differ here.
  const auto share_text = [](double share, double total, std::size_t entries) {
    return entries > 1 && total > 0 ? fmt::format(" {} of leads", percent(share / total))
                                    : std::string();
  };
  std::vector<std::string> mix;
  const auto total_share = [](const auto& entries) {
    double total = 0;
    for (const auto& entry : entries) total += entry.share;
    return total;
  };
  const double products = total_share(spec.products);
  for (const model::ProductSpec& product : spec.products) {
    mix.push_back(fmt::format("product {}{}", product.name,
                              share_text(product.share, products, spec.products.size())));
  }
  const double channels = total_share(spec.channels);
  for (const model::ChannelSpec& channel : spec.channels) {
    mix.push_back(fmt::format("channel {}{} ({} of leads convert)", channel.name,
                              share_text(channel.share, channels, spec.channels.size()),
                              percent(channel.lead_conversion)));
  }
  const double segments = total_share(spec.segments);
  for (const model::SegmentSpec& segment : spec.segments) {
    mix.push_back(fmt::format(
        "segment {}{}{}", segment.name, share_text(segment.share, segments, spec.segments.size()),
        segment.share_by_territory.empty() ? "" : " (other shares by territory)"));
  }
  if (!mix.empty()) {
    table.key("products");
    table.key("channels");
    table.key("segments");
    table.add("Deals", "Mix", joined(mix),
              "see the resolved scenario for each entry's odds, sizes and cycles");
  }
}

void people_rows(Table& table, const Formatter& money) {
  const std::vector<const RoleSpec*> sellers = table.sellers();
  std::vector<std::string> ramp;
  for (const RoleSpec* role : sellers) {
    const std::string onboarding = table.distribution(role_key(*role, "onboarding_days"),
                                                      role->onboarding_days, plain, " days");
    const std::string months =
        table.distribution(role_key(*role, "ramp_months"), role->ramp_months, plain, " months");
    table.key(role_key(*role, "ramp_curve"));
    ramp.push_back(fmt::format(
        "{}{}onboarding {}, then ramp {} ({})", sellers.size() > 1 ? role_label(*role) : "",
        sellers.size() > 1 ? ": " : "", onboarding, months, name_of(role->ramp_curve)));
  }
  table.add("People", "AE ramp", joined(ramp, "; "),
            "The Bridge Group's SaaS AE Metrics: about 5 months to full speed (scenario-reference: "
            "roles; validation.md)");
  std::vector<std::string> attrition;
  std::vector<std::string> salaries;
  for (const RoleSpec* role : table.roles_used()) {
    attrition.push_back(
        role_label(*role) + " " +
        table.number(role_key(*role, "annual_attrition"), role->annual_attrition, percent, ""));
  }
  if (!attrition.empty()) {
    table.add("People", "Attrition", joined(attrition) + " a year",
              "The Bridge Group: AE turnover ≈ 35 %/year; other roles: assumption "
              "(scenario-reference: roles)");
  }
  std::vector<std::string> quota;
  std::vector<std::string> pay;
  const auto prefix = [&](const RoleSpec& role) {
    return sellers.size() > 1 ? role_label(role) + " " : std::string();
  };
  for (const RoleSpec* role : sellers) {
    quota.push_back(prefix(*role) + table.number(role_key(*role, "annual_quota"),
                                                 role->annual_quota, money, " a year"));
  }
  table.add("People", "Quota", joined(quota, "; "),
            "The Bridge Group: quota ≈ 4-5 × on-target earnings (scenario-reference: roles)");
  for (const RoleSpec* role : sellers) {
    pay.push_back(prefix(*role) + table.number(role_key(*role, "on_target_earnings"),
                                               role->on_target_earnings, money, " a year"));
  }
  table.add("People", "On-target earnings", joined(pay, "; "),
            "The Bridge Group: 50/50 pay mix, 2 × salary (scenario-reference: roles)");
  for (const RoleSpec* role : table.roles_used()) {
    salaries.push_back(
        role_label(*role) + " " +
        table.number(role_key(*role, "annual_salary"), role->annual_salary, money, ""));
  }
  if (!salaries.empty()) {
    table.add("People", "Base salaries", joined(salaries) + " a year",
              "US SaaS compensation surveys, base excluding commission (scenario-reference: "
              "roles)");
  }
}

void customer_rows(const ScenarioSpec& spec, Table& table, const Formatter& money) {
  const model::CustomerSpec& customers = spec.customers;
  std::string initial = table.number("customers.initial", customers.initial_customers, plain, "");
  if (model::initial_customers_placed(spec.territories)) {
    std::vector<std::string> placed;
    for (const model::TerritorySpec& territory : spec.territories) {
      placed.push_back(territory.name + " " +
                       table.number(fmt::format("territories.{}.initial_customers", territory.name),
                                    territory.initial_customers.value_or(0), plain, ""));
    }
    initial += " (" + joined(placed) + ")";
  }
  if (customers.initial_customers > 0) {
    initial += ", MRR " + table.distribution("customers.initial_mrr", customers.initial_mrr, money,
                                             " a month each");
    // The ARR the plan starts from, to hold against the founder's own: 100 customers at the
    // default MRR (median $1,000, mean $1,444) start at $1.73M, not the $1.2M the median
    // suggests. Left out when a level of it is drawn per replication or a draw can be negative
    // (drawn as 0), where the mean is no longer the count times the distribution's mean.
    const sim::Distribution& mrr = customers.initial_mrr;
    const bool drawn_per_replication =
        std::any_of(spec.replication_inputs.begin(), spec.replication_inputs.end(),
                    [](const model::ReplicationInput& input) {
                      return input.key_path == "customers.initial" ||
                             input.key_path.starts_with("customers.initial_mrr");
                    });
    if (!drawn_per_replication && mrr.support_min() >= 0) {
      initial +=
          fmt::format(": ARR today {}{}", money(12.0 * customers.initial_customers * mrr.mean()),
                      mrr.is_constant() ? "" : " on average");
    }
  }
  table.add("Customers", "Initial customers", initial, "none (scenario-reference: customers)");
  std::string churn =
      table.number("customers.monthly_churn", customers.monthly_churn, percent, " a month");
  if (customers.annual_contract_share > 0) {
    // One statement each: table.number records its key, and the order of a call's arguments is
    // the compiler's choice (GCC listed the keys in one order, Clang in the other).
    const std::string annual_share = table.number("customers.annual_contract_share",
                                                  customers.annual_contract_share, percent, "");
    const std::string annual_churn =
        table.number("customers.annual_churn", customers.annual_churn, percent, " a year");
    churn += fmt::format("; {} on annual contracts, {}", annual_share, annual_churn);
  }
  table.add("Customers", "Churn", churn,
            "mid-market SaaS gross logo churn of ≈ 10-15 %/year; an assumption "
            "(scenario-reference: customers)");
  table.add("Customers", "Expansion",
            table.distribution("customers.monthly_expansion", customers.monthly_expansion,
                               signed_percent, " a month") +
                " on staying customers",
            "SaaS Capital 2023 retention benchmarks: median NRR 100 % below $12k ACV "
            "(scenario-reference: customers)");
}

void money_rows(const ScenarioSpec& spec, Table& table, const Formatter& money) {
  const model::MoneySpec& spec_money = spec.money;
  const MonthNames names = month_names_of(spec);
  table.add("Money", "Starting cash",
            table.number("money.starting_cash", spec_money.starting_cash, money, ""),
            "assumption: a seed-stage company after its round (scenario-reference: money)");
  std::string costs =
      table.number("money.other_monthly_costs", spec_money.other_monthly_costs, money, " a month");
  std::vector<std::string> steps;
  for (std::size_t i = 0; i < spec_money.cost_schedule.size(); ++i) {
    const model::CostStepSpec& step = spec_money.cost_schedule[i];
    steps.push_back(
        fmt::format("{} from {}",
                    table.number(fmt::format("money.cost_schedule[{}].other_monthly_costs", i),
                                 step.other_monthly_costs, money, ""),
                    names.phrase(step.from_month)));
  }
  if (!steps.empty()) {
    table.key("money.cost_schedule");
    costs += ", then " + joined(steps);
  }
  table.add("Money", "Other costs", costs,
            "assumption: seed-stage rent, tools and marketing (scenario-reference: money)");
  std::vector<std::string> rounds;
  for (std::size_t i = 0; i < spec_money.funding.size(); ++i) {
    const model::FundingSpec& round = spec_money.funding[i];
    rounds.push_back(fmt::format(
        "{} in {}",
        table.number(fmt::format("money.funding[{}].amount", i), round.amount, money, ""),
        names.phrase(round.month)));
  }
  table.key("money.funding");
  table.add("Money", "Funding", rounds.empty() ? "none" : joined(rounds),
            "none (scenario-reference: money)");
}

}  // namespace

bool scenario_wrote(const std::vector<std::string>& written, const std::string& key) {
  // A key inside a list ("money.funding[0].amount") is written with its list.
  const std::string whole = key.substr(0, key.find('['));
  if (std::binary_search(written.begin(), written.end(), whole)) return true;
  return std::binary_search(written.begin(), written.end(), "sales_motion") &&
         std::find(std::begin(kSalesMotionKeys), std::end(kSalesMotionKeys), key) !=
             std::end(kSalesMotionKeys);
}

std::vector<std::string> written_key_paths(const YamlNode& root) {
  std::vector<std::string> paths;
  collect_paths(root, "", paths);
  if (std::find(paths.begin(), paths.end(), "hires_csv") != paths.end()) paths.push_back("hires");
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return paths;
}

std::vector<Assumption> scenario_assumptions(const ScenarioSpec& spec,
                                             const std::vector<std::string>& written) {
  const std::string symbol = currency_symbol(spec.money.currency);
  const Formatter money = [&](double value) { return format_compact(value, symbol); };
  Table table(spec, written);
  team_rows(spec, table);
  lead_rows(spec, table);
  deal_rows(spec, table, money);
  people_rows(table, money);
  customer_rows(spec, table, money);
  money_rows(spec, table, money);
  return table.take();
}

std::string describe_for_people(const sim::Distribution& distribution, const Formatter& number,
                                std::string_view unit) {
  using D = sim::Distribution;
  const std::string text = std::visit(
      [&](const auto& d) -> std::string {
        using T = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<T, D::Constant>) {
          return number(d.value);
        } else if constexpr (std::is_same_v<T, D::Uniform>) {
          return number(d.min) + "–" + number(d.max);
        } else if constexpr (std::is_same_v<T, D::Triangular>) {
          return fmt::format("{}–{}{}, most likely {}", number(d.min), number(d.max), unit,
                             number(d.mode));
        } else if constexpr (std::is_same_v<T, D::LogNormal> || std::is_same_v<T, D::Gamma>) {
          return fmt::format("median {}, p90 {}", number(distribution.quantile(0.5)),
                             number(distribution.quantile(0.9)));
        } else if constexpr (std::is_same_v<T, D::Poisson>) {
          return "mean " + number(d.mean);
        } else if constexpr (std::is_same_v<T, D::Empirical>) {
          const auto [low, high] = std::minmax_element(d.values.begin(), d.values.end());
          return fmt::format("median {}, {}–{} ({} values)", number(distribution.quantile(0.5)),
                             number(*low), number(*high), d.values.size());
        } else {
          return fmt::format("mean {}, 80% within {}–{}", number(distribution.mean()),
                             number(distribution.quantile(0.1)),
                             number(distribution.quantile(0.9)));
        }
      },
      distribution.params());
  return distribution.family() == sim::Family::kTriangular ? text : text + std::string(unit);
}

}  // namespace teamsim::app
