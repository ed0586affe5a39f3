#include "app/scenario/plausibility_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

#include "app/common/number_format.h"
#include "app/common/plural.h"
#include "app/common/role_noun.h"
#include "app/scenario/plan_calendar.h"
#include "app/scenario/quota_reach.h"

namespace teamsim::app::loader {
namespace {

using model::RoleKind;
using model::RoleSpec;
using model::ScenarioSpec;

constexpr double kDaysPerMonth = 365.25 / 12;
// A dated search that waits longer than this for a recruiting slot is flagged.
constexpr double kTolerableWaitDays = 3 * kDaysPerMonth;
// No dated hire: the starting staff.
constexpr std::size_t kNoHire = static_cast<std::size_t>(-1);

class Warnings {
 public:
  explicit Warnings(std::vector<Diagnostic>& out) : out_(out) {}
  void add(const YamlMark& mark, std::string key_path, std::string message) {
    Diagnostic d{mark.file, mark.line, mark.column, std::move(key_path), std::move(message)};
    d.warning = true;
    out_.push_back(std::move(d));
  }

 private:
  std::vector<Diagnostic>& out_;
};

// The mark of `roles.<role>.<key>` as written, else of the role, else of the whole file.
YamlMark role_key_mark(const YamlNode& root, const std::string& role, std::string_view key) {
  const YamlNode* roles = root.find("roles");
  const YamlNode* node = roles != nullptr ? roles->find(role) : nullptr;
  if (node == nullptr) return root.mark;
  const YamlNode* value = node->find(key);
  return value != nullptr ? value->mark : node->mark;
}

// The mark of the dated hire `hires[index]`; past the file's own hires, one of a `hires_csv`
// (which the loader appends), marked at that key; else the whole file.
YamlMark hire_mark(const YamlNode& root, std::size_t index) {
  const YamlNode* hires = root.find("hires");
  const std::size_t own = hires != nullptr && hires->is_sequence() ? hires->items.size() : 0;
  if (index < own) return hires->items[index].mark;
  const YamlNode* csv = root.find("hires_csv");
  return csv != nullptr ? csv->mark : root.mark;
}

// --- a probability written as the whole number 1 ------------------------------------------------

// Keys whose value 1 means 100 %, with what that does: written as `1` they are far more often
// a percentage without its sign than a certainty.
// (annual_attrition: 1 and monthly_expansion: 1 are errors already; complex_share: 1 is a
// motion where every deal needs a specialist, a real choice.)
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kPercentLikeKeys = {{
    {"monthly_churn", "every customer leaves at its first renewal, so ARR falls to 0"},
    {"annual_churn", "every annual customer leaves at its first renewal"},
    {"win_rate", "every opportunity is won"},
}};

// A monthly churn written as a decimal that reads as a per cent ('monthly_churn: 0.5', meant as
// 0.5 %): above kChurnLikeAPercent a month, nearly every customer is gone within the year.
constexpr double kChurnLikeAPercent = 0.15;

void check_monthly_churn_like_a_percentage(const YamlEntry& entry, const std::string& path,
                                           Warnings& warnings) {
  const YamlNode& value = entry.value;
  if (entry.key != "monthly_churn" || !value.is_scalar() || value.quoted ||
      value.text.ends_with('%')) {
    return;
  }
  double churn = 0;
  const auto [end, error] =
      std::from_chars(value.text.data(), value.text.data() + value.text.size(), churn);
  if (error != std::errc() || end != value.text.data() + value.text.size() ||
      !(churn > kChurnLikeAPercent && churn < 1)) {
    return;
  }
  const double kept_a_year = std::pow(1 - churn, 12);
  warnings.add(value.mark, path,
               fmt::format("{0} means {1} % of the customers leave at each monthly renewal: "
                           "{2} % of them are gone within a year. If you meant {0} %, write {0}%",
                           value.text, format_number(100 * churn),
                           format_number(std::floor(1000 * (1 - kept_a_year)) / 10)));
}

void check_percent_like(const YamlNode& node, const std::string& path, Warnings& warnings) {
  if (node.is_map()) {
    for (const YamlEntry& entry : node.entries) {
      const std::string child = path.empty() ? entry.key : path + "." + entry.key;
      if (entry.value.is_scalar() && !entry.value.quoted && entry.value.text == "1") {
        for (const auto& [key, consequence] : kPercentLikeKeys) {
          if (entry.key != key) continue;
          warnings.add(
              entry.value.mark, child,
              fmt::format("1 means 100 %: {}. If you meant 1 %, write 1% or 0.01", consequence));
        }
      }
      check_monthly_churn_like_a_percentage(entry, child, warnings);
      check_percent_like(entry.value, child, warnings);
    }
  } else if (node.is_sequence()) {
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      check_percent_like(node.items[i], fmt::format("{}[{}]", path, i), warnings);
    }
  }
}

// --- a quota beyond reach ----------------------------------------------------------------------

void check_quotas(const ScenarioSpec& spec, const YamlNode& root, Warnings& warnings) {
  const std::string money = currency_symbol(spec.money.currency);
  for (const QuotaReach& reach : quota_reach(spec)) {
    const RoleSpec* role = &spec.roles[reach.role_index];
    if (reach.bookings >= kReachableShare * role->annual_quota) continue;
    const std::string where = reach.territory.empty() ? "" : " in " + reach.territory;
    const std::string why =
        reach.by_capacity
            ? fmt::format("{} open opportunities ÷ a {:.0f}-day mean cycle",
                          role->max_open_opportunities, reach.cycle_days)
            : fmt::format(
                  "12 months × about {:.1f} leads a month per rep{}: {} inbound and SDR "
                  "leads over {} {}, plus {} prospected each",
                  reach.leads_per_rep, where, format_number(reach.shared_leads),
                  format_number(reach.sellers), noun(reach.sellers == 1 ? 1 : 2, "seller"),
                  format_number(role->prospecting_leads_per_month));
    warnings.add(
        role_key_mark(root, role->name, "annual_quota"),
        fmt::format("roles.{}.annual_quota", role->name),
        fmt::format(
            "a ramped {} can book about {} a year ({}; × {:.0f} % mean win rate × {} mean "
            "ACV{}{}{}), {:.0f} % of the quota of {}: few reps will reach it, and commission "
            "is paid per unit of quota. Lower annual_quota, or raise the lead flow or "
            "max_open_opportunities",
            role_noun(role->name).one, format_compact(reach.bookings, money), why,
            100 * reach.win_rate, format_compact(reach.deal_size, money),
            reach.conversion < 1
                ? fmt::format(" × {:.0f} % lead conversion", 100 * reach.conversion)
                : "",
            reach.qualified < 1 ? fmt::format(" × {:.0f} % qualified leads", 100 * reach.qualified)
                                : "",
            reach.performance != 1
                ? fmt::format(" × {} mean performance", format_number(reach.performance))
                : "",
            100 * reach.bookings / role->annual_quota, format_compact(role->annual_quota, money)));
  }
}

// --- dated hires beyond the recruiting bandwidth -----------------------------------------------

// The month in which day `day` falls, rounded, as the plan names its months: "month 17", or
// "Jan 2029" with a start_date (where the user wrote the hire's month as a date).
std::string month_near(const ScenarioSpec& spec, double day) {
  return month_names_of(spec).phrase(static_cast<int>(std::lround(1 + day / kDaysPerMonth)));
}

// Sales managers and assistants: they recruit, train and manage.
bool manages(const RoleSpec& role) {
  return role.kind == RoleKind::kSalesManager || role.kind == RoleKind::kAssistantManager;
}

bool runs_searches(const RoleSpec& role) { return manages(role) && role.concurrent_searches > 0; }

// A deterministic sketch of the recruiting queue with mean times: searches start first come,
// first served, as slots free up; the founder's slots (and slower searches) until a manager's
// first day, the managers' afterwards. Warns at the dated hire that waits longest, if it waits
// more than kTolerableWaitDays. Returns each dated hire's expected first day (its last person's).
std::vector<double> check_recruiting_bandwidth(const ScenarioSpec& spec, const YamlNode& root,
                                               Warnings& warnings) {
  std::vector<double> first_days(spec.hires.size(), 0.0);
  struct Search {
    double open_day;
    std::size_t hire;
  };
  std::vector<Search> searches;
  for (std::size_t i = 0; i < spec.hires.size(); ++i) {
    const auto& hire = spec.hires[i];
    const RoleSpec* role = spec.find_role(hire.role);
    if (role == nullptr) continue;
    double open = (hire.month - 1) * kDaysPerMonth;
    if (hire.by_start_month) open -= role->time_to_fill_days.mean();
    for (int k = 0; k < hire.count; ++k) searches.push_back({std::max(0.0, open), i});
  }
  std::stable_sort(searches.begin(), searches.end(),
                   [](const Search& a, const Search& b) { return a.open_day < b.open_day; });

  // The managing people, from their first day, as the model's search capacity counts them
  // (Organisation::search_capacity): while a sales manager is employed and the managers and
  // assistants run searches between them, theirs; otherwise the founder's plus the assistants'.
  struct Managing {
    double first_day;
    long long searches;  ///< concurrent_searches × count
    long long managers;  ///< sales managers (not assistants)
  };
  std::vector<Managing> managing;
  const auto add_managing = [&](const RoleSpec& role, double first_day, long long count) {
    if (!manages(role)) return;
    managing.push_back({first_day, role.concurrent_searches * count,
                        role.kind == RoleKind::kSalesManager ? count : 0});
  };
  for (const auto& staff : spec.starting_staff) {
    if (const RoleSpec* role = spec.find_role(staff.role)) add_managing(*role, 0.0, staff.count);
  }
  struct Slots {
    long long count;
    bool founder;  ///< the founder recruits: its time_to_fill_factor applies
  };
  const auto slots_at = [&](double day) {
    long long their_searches = 0, assistant_searches = 0, managers = 0;
    for (const Managing& m : managing) {
      if (m.first_day > day) continue;
      their_searches += m.searches;
      managers += m.managers;
      if (m.managers == 0) assistant_searches += m.searches;
    }
    if (managers > 0 && their_searches > 0) return Slots{their_searches, false};
    return Slots{spec.founder.concurrent_searches + assistant_searches, true};
  };

  std::vector<double> busy_until;  // end days of the searches started so far
  double longest_wait = 0;
  std::size_t longest_hire = 0;
  for (const Search& search : searches) {
    const auto& hire = spec.hires[search.hire];
    const RoleSpec& role = *spec.find_role(hire.role);
    double start = search.open_day;
    for (;;) {
      const long long slots = slots_at(start).count;
      if (slots >= model::kUnlimited) break;
      const auto busy = std::count_if(busy_until.begin(), busy_until.end(),
                                      [&](double end) { return end > start; });
      if (busy < slots) break;
      double next = INFINITY;  // the next search to end after `start`
      for (const double end : busy_until) next = end > start ? std::min(next, end) : next;
      if (!std::isfinite(next)) break;  // no slot will ever free up: not this check's concern
      start = next;
    }
    const model::HireSourceSpec* source = spec.find_source(hire.source);
    double length = role.time_to_fill_days.mean() * (source ? source->time_to_fill_factor : 1);
    if (slots_at(start).founder) length *= spec.founder.time_to_fill_factor;
    busy_until.push_back(start + length);
    first_days[search.hire] = std::max(first_days[search.hire], start + length);
    add_managing(role, start + length, 1);
    if (start - search.open_day > longest_wait) {
      longest_wait = start - search.open_day;
      longest_hire = search.hire;
    }
  }
  if (longest_wait <= kTolerableWaitDays) return first_days;
  const YamlMark mark = hire_mark(root, longest_hire);
  const auto& hire = spec.hires[longest_hire];
  // The first day a planned manager's search opens: advice to open it earlier is no advice when
  // it opens on day 0 already.
  double manager_open_day = INFINITY;
  for (const Search& search : searches) {
    const RoleSpec* role = spec.find_role(spec.hires[search.hire].role);
    if (role != nullptr && runs_searches(*role)) {
      manager_open_day = std::min(manager_open_day, search.open_day);
    }
  }
  const std::string advice =
      !std::isfinite(manager_open_day)
          ? "Hire a sales manager first, raise founder.concurrent_searches, or spread the hires"
      : manager_open_day > 0
          ? "Open the manager's search earlier, raise founder.concurrent_searches, or spread the "
            "hires"
          : "The manager's search opens in month 1 already: raise founder.concurrent_searches, "
            "or spread the hires";
  warnings.add(
      mark, fmt::format("hires[{}]", longest_hire),
      fmt::format("the recruiting bandwidth starts this search about {:.0f} months late: "
                  "{} dated searches wait for the recruiting slots (the founder runs {} "
                  "at a time until a manager starts), so with mean times to fill its "
                  "people start around {}, not {}. {}",
                  longest_wait / kDaysPerMonth, searches.size(), spec.founder.concurrent_searches,
                  month_near(spec, first_days[longest_hire]),
                  month_names_of(spec).phrase(
                      hire.by_start_month
                          ? hire.month
                          : hire.month + static_cast<int>(std::lround(
                                             spec.find_role(hire.role)->time_to_fill_days.mean() /
                                             kDaysPerMonth))),
                  advice));
  return first_days;
}

// --- a hire that cannot be trained within the horizon ------------------------------------------

// Warns at the first dated hire whose people, starting on their expected first day (from the
// recruiting sketch), cannot finish the mean onboarding before the last month ends: they never
// sell or count in this run.
void check_onboarding(const ScenarioSpec& spec, const YamlNode& root,
                      const std::vector<double>& first_days, Warnings& warnings) {
  const double horizon_days = spec.horizon_months * kDaysPerMonth;
  const MonthNames names = month_names_of(spec);
  for (std::size_t i = 0; i < spec.hires.size(); ++i) {
    const RoleSpec* role = spec.find_role(spec.hires[i].role);
    if (role == nullptr) continue;
    const double onboarding = role->onboarding_days.mean();
    const double trained = first_days[i] + onboarding;
    if (onboarding <= 0 || trained <= horizon_days) continue;
    warnings.add(
        hire_mark(root, i), fmt::format("hires[{}]", i),
        fmt::format(
            "this {} cannot be trained within the run: expected to start around "
            "{} and to finish {:.0f} days of onboarding around {}, after the "
            "last month ({}), so {}. Open the search earlier, shorten "
            "onboarding_days, or extend horizon_months",
            role->name, month_near(spec, first_days[i]), onboarding, month_near(spec, trained),
            names.start() ? names.label(spec.horizon_months) : std::to_string(spec.horizon_months),
            // A manager or a CS rep never sells: what it adds after onboarding
            // (span, trainer slots, accounts covered, ...) is what never counts.
            role->kind == RoleKind::kAccountExecutive
                ? "it never sells in the run"
                : "what it adds once onboarded (span, trainer slots, accounts "
                  "covered, ...) never counts in the run"));
    return;  // one is enough: later hires are in the same position
  }
}

// --- a team beyond its management span ---------------------------------------------------------

// Coverage at the end of the dated plan, as the model measures it (docs/scenario-reference.md,
// "Management"): the reps of AE kinds employed, SDRs included, against the onboarded managers'
// and assistants' spans, or the founder's while there is no manager or their spans add up to 0.
// Warns at the hire (or the starting staff) after which the team stays beyond that span, with the
// productivity every rep keeps. Skipped when a rule hires managers as the reps grow.
void check_management_span(const ScenarioSpec& spec, const YamlNode& root,
                           const std::vector<double>& first_days, Warnings& warnings) {
  const double penalty = spec.management.under_management_penalty;
  if (penalty <= 0) return;
  for (const model::HiringRuleSpec& rule : spec.hiring_rules) {
    const RoleSpec* role = spec.find_role(rule.role);
    if (role != nullptr && manages(*role)) return;
  }
  struct Change {
    double day;
    long long reps = 0;
    long long span = 0;
    long long managers = 0;
    std::size_t hire = kNoHire;  ///< the dated hire it comes from; kNoHire: the starting staff
  };
  std::vector<Change> changes;
  const auto add = [&](const RoleSpec& role, long long count, double first_day, std::size_t hire) {
    if (role.kind == RoleKind::kAccountExecutive) {
      changes.push_back({first_day, count, 0, 0, hire});
    } else if (manages(role)) {
      // A manager covers reps once onboarded; the starting staff from day 0.
      const double onboarded = hire == kNoHire ? 0 : first_day + role.onboarding_days.mean();
      changes.push_back({onboarded, 0, count * role.span_of_control,
                         role.kind == RoleKind::kSalesManager ? count : 0, hire});
    }
  };
  for (const auto& staff : spec.starting_staff) {
    if (const RoleSpec* role = spec.find_role(staff.role)) add(*role, staff.count, 0, kNoHire);
  }
  for (std::size_t i = 0; i < spec.hires.size(); ++i) {
    if (const RoleSpec* role = spec.find_role(spec.hires[i].role)) {
      add(*role, spec.hires[i].count, first_days[i], i);
    }
  }
  // What happens after the last month is not in the run.
  const double horizon_days = spec.horizon_months * kDaysPerMonth;
  std::erase_if(changes, [&](const Change& change) { return change.day >= horizon_days; });
  std::stable_sort(changes.begin(), changes.end(),
                   [](const Change& a, const Change& b) { return a.day < b.day; });
  long long reps = 0, span = 0, managers = 0;
  const auto span_in_force = [&] {
    return managers == 0 || span == 0 ? span + spec.founder.span_of_control : span;
  };
  std::size_t since = 0;  // the change after which the team has stayed beyond its span
  bool beyond = false;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    reps += changes[i].reps;
    span += changes[i].span;
    managers += changes[i].managers;
    const bool now_beyond = reps > span_in_force();
    if (now_beyond && !beyond) since = i;
    beyond = now_beyond;
  }
  if (!beyond) return;
  const double coverage = static_cast<double>(span_in_force()) / static_cast<double>(reps);
  const std::size_t hire = changes[since].hire;
  const YamlNode* staff = root.find("starting_staff");
  const YamlMark mark = hire != kNoHire    ? hire_mark(root, hire)
                        : staff != nullptr ? staff->mark
                                           : root.mark;
  const bool founder_manages = managers == 0 || span == 0;
  const std::string whose = !founder_manages ? "its managers'"
                            : managers > 0   ? "the founder's: its managers' spans add up to 0"
                            : span > 0       ? "the founder's and the assistants', no sales manager"
                                             : "the founder's, no sales manager";
  const double kept = 1 - penalty * (1 - coverage);
  // Rounded down, so that a team just beyond its span never reads as fully covered.
  warnings.add(
      mark, hire != kNoHire ? fmt::format("hires[{}]", hire) : "starting_staff",
      fmt::format(
          "{} the plan's {} reps (starting staff and dated hires) outgrow its management span "
          "({}: {}): coverage {:.0f} %, so every rep's productivity is × {:.3f} "
          "(management.under_management_penalty {:.0f} % of the uncovered share), and a rep added "
          "beyond the span can lower bookings when leads are short. Hire a sales manager (or one "
          "more), raise their span_of_control (founder.span_of_control while none is onboarded), "
          "or add a hiring rule with when_reps_per_manager_above",
          hire != kNoHire ? "from this hire on," : "from day 0,", reps, span_in_force(), whose,
          std::floor(100 * coverage), std::floor(1000 * kept) / 1000, 100 * penalty));
}

// --- a plan that employs no one ---------------------------------------------------------------

void check_someone_employed(const ScenarioSpec& spec, const YamlNode& root, Warnings& warnings) {
  const auto people = [](const auto& entries) {
    int total = 0;
    for (const auto& entry : entries) total += entry.count;
    return total;
  };
  if (people(spec.starting_staff) > 0 || people(spec.hires) > 0 || !spec.hiring_rules.empty()) {
    return;
  }
  // At `hires:` (or `starting_staff:`) as written, where the team goes; else the whole file.
  const YamlNode* hires = root.find("hires");
  const YamlNode* staff = root.find("starting_staff");
  const YamlMark mark = hires != nullptr ? hires->mark : staff != nullptr ? staff->mark : root.mark;
  warnings.add(mark, "hires",
               "the plan employs no one (no starting_staff, hires or hiring_rules), so no lead "
               "is worked and no deal is won: bookings, new customers, headcount and payroll "
               "stay 0 in every month. Add the salespeople you have today under starting_staff "
               "(- {role: account_executive, count: 2}) or the people you will hire under hires "
               "(- {role: account_executive, month: 3})");
}

}  // namespace

void check_plausibility(const ScenarioSpec& spec, const YamlNode& root,
                        std::vector<Diagnostic>& warnings, bool base_of_variants) {
  Warnings sink(warnings);
  if (!base_of_variants) check_someone_employed(spec, root, sink);
  check_percent_like(root, "", sink);
  check_quotas(spec, root, sink);
  const std::vector<double> first_days = check_recruiting_bandwidth(spec, root, sink);
  check_onboarding(spec, root, first_days, sink);
  check_management_span(spec, root, first_days, sink);
}

}  // namespace teamsim::app::loader
