#include "app/scenario/starter_scenario.h"

#include <fmt/format.h>

#include <cmath>
#include <string_view>

#include "app/common/number_format.h"
#include "app/common/version.h"
#include "app/scenario/number_hints.h"
#include "app/scenario/quota_reach.h"
#include "app/scenario/scenario_loader.h"
#include "models/defaults.h"
#include "sim/distribution.h"

namespace teamsim::app {
namespace {

/// A number as a person writes it in YAML: whole numbers from 10,000 up grouped with
/// underscores (2_000_000, as scenario_number writes them), others as short as they read back
/// (4.5, 0.2).
std::string yaml_number(double value) {
  if (std::fabs(value) >= 10'000 && value == std::round(value)) return scenario_number(value);
  return fmt::format("{:.10g}", value);
}

/// A number for a comment: whole numbers with thousands separators (2,000,000), others as
/// short as they read back.
std::string people_number(double value) {
  return value == std::round(value) ? format_grouped(value, 0) : format_number(value);
}

/// A probability as a percentage: 0.35 -> "35%".
std::string percent(double share) { return fmt::format("{:.10g}%", share * 100); }

/// Where an answer's value came from, for its comment.
std::string origin(bool answered, std::string_view source) {
  return answered ? "You gave this (teamsim init option)." : fmt::format("Default: {}", source);
}

/// `text` wrapped as `#` comment lines of at most 100 columns, indented by `indent` spaces.
std::string comment(std::string_view text, int indent = 0) {
  const std::string prefix = std::string(static_cast<std::size_t>(indent), ' ') + "# ";
  std::string out, line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    if (!line.empty() && prefix.size() + line.size() + 1 + word.size() > 100) {
      out += prefix + line + "\n";
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    start = end + 1;
  }
  if (!line.empty()) out += prefix + line + "\n";
  return out;
}

/// Double quotes around `text` for YAML, with `"` and `\` escaped.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// A quota an average ramped AE of the answered plan can reach: what they book a year at its lead
/// flow, to two significant figures.
struct ReachableQuota {
  double quota = 0;
  QuotaReach reach;
};

/// The starter scenario; with `reachable`, its AE quota in place of the default.
std::string starter_yaml(const StarterAnswers& answers, const ReachableQuota* reachable) {
  const model::ScenarioSpec defaults = model::default_scenario();
  const model::RoleSpec ae = model::default_role(model::RoleKind::kAccountExecutive, "");
  const model::RoleSpec manager = model::default_role(model::RoleKind::kSalesManager, "");
  const model::TerritorySpec territory = model::default_territory();
  const int horizon = answers.horizon_months.value_or(defaults.horizon_months);
  std::string y;
  y += comment(fmt::format(
      "A starter sales plan written by `teamsim init` (teamsim {}). Every key below is "
      "optional: delete one and teamsim uses the default named in its comment. Each comment says "
      "what the key means and where its default comes from; docs/scenario-reference.md lists "
      "every key, including the many not written here (sales managers' duties, hiring rules, "
      "products, channels, segments, seasonality). Amounts are in the currency below.",
      kVersion));
  y += "#\n#   teamsim validate FILE      checks it (every problem at once, with line numbers)\n";
  y += "#   teamsim run FILE --report  simulates it: OUT/summary.csv and OUT/report.html\n\n";

  y += comment("The plan's name, shown in reports and tables.");
  y += fmt::format("name: {}\n\n", quoted(answers.name));
  y += comment(fmt::format("How many months to simulate from today. {}",
                           origin(answers.horizon_months.has_value(),
                                  fmt::format("{} months (teamsim's default horizon: three "
                                              "years).",
                                              defaults.horizon_months))));
  y += fmt::format("horizon_months: {}\n\n", horizon);
  const MonthNames names(answers.start_date);
  if (answers.start_date) {
    y += comment(fmt::format(
        "The calendar month of month 1: months below may be written as dates (2027-03) as well "
        "as numbers, and tables, charts and the report say {} instead of M1. Your answer.",
        names.label(1)));
    y += fmt::format("start_date: {}\n\n", iso_month(*answers.start_date));
  }
  y += comment(fmt::format(
      "How many times the plan is played out with different luck (hires that take longer, deals "
      "that slip). More gives steadier percentiles and takes longer. Default: {} (teamsim's "
      "default; `teamsim run -n N` overrides it).",
      defaults.replications));
  y += fmt::format("replications: {}\n\n", defaults.replications);

  y += "money:\n";
  y += comment("Only a label: teamsim converts nothing. Default: " + defaults.money.currency + ".",
               2);
  y += fmt::format("  currency: {}\n", defaults.money.currency);
  y += comment(
      fmt::format("Cash in the bank today. {}",
                  origin(answers.starting_cash.has_value(),
                         fmt::format("{} (an assumption: a seed-stage company after its round).",
                                     people_number(defaults.money.starting_cash)))),
      2);
  y += fmt::format("  starting_cash: {}\n",
                   yaml_number(answers.starting_cash.value_or(defaults.money.starting_cash)));
  // The pay of the rest of the team belongs here: the model pays only the roles below, so a
  // founder who read "rent, tools, marketing" left their engineers out of the burn.
  y += comment(
      fmt::format("Everything you spend a month besides the sales team's pay (the roles below): "
                  "the pay of everyone outside sales (engineering, product, support, the "
                  "founders), rent, tools, marketing. {}",
                  origin(answers.other_monthly_costs.has_value(),
                         fmt::format("{} (an assumption: seed-stage rent, tools and marketing, "
                                     "without other people's pay: add theirs).",
                                     people_number(defaults.money.other_monthly_costs)))),
      2);
  y += fmt::format(
      "  other_monthly_costs: {}\n\n",
      yaml_number(answers.other_monthly_costs.value_or(defaults.money.other_monthly_costs)));

  y += comment(
      "Who you hire. The values below are teamsim's defaults, written out so you can "
      "change them; every other key of a role keeps its default.");
  y += "roles:\n  account_executive:\n";
  y += comment(fmt::format("Base salary a year, without commission. Default: {} (US SaaS "
                           "compensation surveys).",
                           people_number(ae.annual_salary)),
               4);
  y += fmt::format("    annual_salary: {}\n", yaml_number(ae.annual_salary));
  const std::string quota_source =
      fmt::format("{} (The Bridge Group: quota about 4-5 x on-target earnings)",
                  people_number(ae.annual_quota));
  if (reachable == nullptr) {
    y += comment(fmt::format("New annual contract value an AE is expected to sign a year; "
                             "commission is paid on it. Default: {}.",
                             quota_source),
                 4);
  } else {
    const QuotaReach& reach = reachable->reach;
    y += comment(
        fmt::format(
            "New annual contract value an AE is expected to sign a year; commission is paid on "
            "it. Set from your answers: {}, an average ramped AE "
            "books about {} a year here ({:.1f} leads a month each{} × {:.0f}% mean win rate × "
            "{} mean ACV); teamsim's default, {}, would be out of reach. Commission is then "
            "(on-target earnings − salary) ÷ quota = {:.1f}% of each deal's ACV. Raise the quota "
            "as the lead flow grows.",
            reach.sellers == 1
                ? std::string("with the plan's one AE")
                : fmt::format("once the plan's {} AEs are hired", people_number(reach.sellers)),
            people_number(std::round(reach.bookings / 1000) * 1000), reach.leads_per_rep,
            reach.territory.empty() ? "" : " in " + reach.territory, 100 * reach.win_rate,
            people_number(std::round(reach.deal_size / 100) * 100), quota_source,
            100 * (ae.on_target_earnings - ae.annual_salary) / reachable->quota),
        4);
  }
  y += fmt::format("    annual_quota: {}\n",
                   yaml_number(reachable != nullptr ? reachable->quota : ae.annual_quota));
  y += comment(fmt::format("Salary plus commission at 100% of quota. Default: {} (The Bridge "
                           "Group: a 50/50 pay mix for SaaS AEs).",
                           people_number(ae.on_target_earnings)),
               4);
  y += fmt::format("    on_target_earnings: {}\n", yaml_number(ae.on_target_earnings));
  y += comment(
      "Days from opening the search to the new AE's first day, different for each "
      "hire: half take under 45 days, one in ten over 90. Default: those numbers "
      "(recruiting time-to-hire surveys for sales roles, about 41-50 days).",
      4);
  y += "    time_to_fill_days: {dist: lognormal, median: 45, p90: 90}\n";
  const auto& ramp = std::get<sim::Distribution::Triangular>(ae.ramp_months.params());
  y += comment(
      fmt::format("Months after onboarding until a new AE sells at full speed: between {} "
                  "and {}, most often {}; bookings follow about one sales cycle later. "
                  "Default: those numbers (The Bridge Group's SaaS AE Metrics: about 5 "
                  "months until a new AE books at full speed; docs/validation.md).",
                  people_number(ramp.min), people_number(ramp.max), people_number(ramp.mode)),
      4);
  y += fmt::format("    ramp_months: {{dist: triangular, min: {}, mode: {}, max: {}}}\n",
                   yaml_number(ramp.min), yaml_number(ramp.mode), yaml_number(ramp.max));
  y += comment(fmt::format("Chance an AE leaves within a year (the seat is refilled). Default: "
                           "{} (The Bridge Group's SaaS AE Metrics: AE turnover about 35% a "
                           "year).",
                           percent(ae.annual_attrition)),
               4);
  y += fmt::format("    annual_attrition: {}\n", percent(ae.annual_attrition));
  y += "  sales_manager:\n";
  y += comment(fmt::format("A sales manager hires, trains and coaches the AEs; until you hire "
                           "one, you (the founder) do. Base salary a year. Default: {} (US SaaS "
                           "compensation surveys).",
                           people_number(manager.annual_salary)),
               4);
  y += fmt::format("    annual_salary: {}\n\n", yaml_number(manager.annual_salary));

  y += comment("Where leads come from. One territory here; add more by name (e.g. europe).");
  y += "territories:\n";
  y += fmt::format("  {}:\n", territory.name);
  y +=
      comment(fmt::format("Inbound leads a month (website, referrals, marketing), on average. Each "
                          "one an AE has room for becomes a sales opportunity, won at the win "
                          "rate below: count the leads that get a first sales call, not every "
                          "sign-up. {}",
                          origin(answers.inbound_leads_per_month.has_value(),
                                 fmt::format("{} (an assumption: an early-stage inbound flow).",
                                             people_number(territory.inbound_leads_per_month)))),
              4);
  y += fmt::format(
      "    inbound_leads_per_month: {}\n\n",
      yaml_number(answers.inbound_leads_per_month.value_or(territory.inbound_leads_per_month)));

  const int aes_today = answers.account_executives_today.value_or(0);
  y += comment(fmt::format(
      "Salespeople you employ today, already fully up to speed (founders who sell are not "
      "listed). {}",
      origin(answers.account_executives_today.has_value(), "none (teamsim's default).")));
  if (aes_today > 0) {
    y += fmt::format("starting_staff:\n  - {{role: account_executive, count: {}}}\n\n", aes_today);
  } else {
    y += "starting_staff: []\n\n";
  }

  y += comment(fmt::format(
      "Your hiring plan: each entry opens the search for one person at the start of that month "
      "(1 = the first month); the hire starts when the search ends. {} Add a manager with "
      "`- {{role: sales_manager, month: 1}}`.",
      origin(!answers.ae_hire_months.empty(), "no hires (teamsim's default).")));
  if (answers.ae_hire_months.empty()) {
    y += "hires: []\n\n";
  } else {
    y += "hires:\n";
    for (const int month : answers.ae_hire_months) {
      y += fmt::format("  - {{role: account_executive, month: {}}}\n",
                       answers.start_date ? names.iso(month) : std::to_string(month));
    }
    y += "\n";
  }

  y += comment("How leads become customers. Each value is a range: every deal draws its own.");
  y += "pipeline:\n";
  y += comment(
      "Share of opportunities an AE at full speed wins: about 20% on average, varying "
      "between deals. Default: mean 0.20, sd 0.05 (typical B2B SaaS opportunity-to-close "
      "rates of 15-25%).",
      2);
  y += "  win_rate: {dist: beta, mean: 0.20, sd: 0.05}\n";
  y += comment(
      "Annual contract value of a won deal: half under 12,000, one in ten over "
      "30,000. Default: those numbers (SMB / mid-market SaaS ACVs).",
      2);
  y += "  deal_size_acv: {dist: lognormal, median: 12_000, p90: 30_000}\n";
  y += comment(
      "Days from first meeting to signature: half under 60, one in ten over 120. "
      "Default: those numbers (SMB / mid-market B2B cycles of 1-3 months).",
      2);
  y += "  sales_cycle_days: {dist: lognormal, median: 60, p90: 120}\n\n";

  y += "customers:\n";
  const int customers_today =
      answers.customers_today.value_or(defaults.customers.initial_customers);
  y += comment(fmt::format("Paying customers you have today. {}",
                           origin(answers.customers_today.has_value(),
                                  fmt::format("{} (teamsim's default).",
                                              defaults.customers.initial_customers))),
               2);
  y += fmt::format("  initial: {}\n", customers_today);
  if (answers.arr_today && customers_today > 0) {
    // The ARR the founder knows, spread evenly: their ARR today is then exactly theirs in every
    // run, where a distribution's draws would add up to more or less.
    const double mrr = std::round(*answers.arr_today / 12 / customers_today * 100) / 100;
    y += comment(fmt::format("Monthly recurring revenue of each customer you have today: your ARR "
                             "today, {}, ÷ 12 ÷ your {} customers, so the plan starts from your "
                             "ARR. You gave this (teamsim init options --arr-today and "
                             "--customers-today).",
                             people_number(*answers.arr_today), people_number(customers_today)),
                 2);
    y += fmt::format("  initial_mrr: {}\n", yaml_number(mrr));
  } else {
    const sim::Distribution& mrr = defaults.customers.initial_mrr;
    const double median = std::round(mrr.quantile(0.5));
    const double p90 = std::round(mrr.quantile(0.9));
    y += comment(
        fmt::format(
            "Monthly recurring revenue of each customer you have today, different for each: "
            "half pay under {} a month, one in ten over {}, {} on average. Default: those "
            "numbers (an assumption, consistent with the default deal size).{}",
            people_number(median), people_number(p90), people_number(std::round(mrr.mean())),
            customers_today > 0
                ? fmt::format(
                      " Your {} customers then start the plan at an ARR of about {}; to "
                      "start from yours, write it ÷ 12 ÷ {} here (or give init "
                      "--arr-today).",
                      people_number(customers_today),
                      people_number(std::round(12 * customers_today * mrr.mean() / 1000) * 1000),
                      people_number(customers_today))
                : std::string()),
        2);
    y += fmt::format("  initial_mrr: {{dist: lognormal, median: {}, p90: {}}}\n",
                     yaml_number(median), yaml_number(p90));
  }
  y += comment(fmt::format("Chance a customer cancels at each monthly renewal. Default: {} "
                           "(mid-market SaaS logo churn of about 10-15% a year; an assumption).",
                           percent(defaults.customers.monthly_churn)),
               2);
  y += fmt::format("  monthly_churn: {}\n", percent(defaults.customers.monthly_churn));
  return y;
}

}  // namespace

std::string starter_scenario_yaml(const StarterAnswers& answers) {
  std::string yaml = starter_yaml(answers, nullptr);
  // The default quota assumes a lead flow the answers may not give: when a ramped AE could book
  // less than kReachableShare of it, the quota warning would fire on the starter plan itself.
  const LoadResult loaded = load_scenario_string(yaml, "starter.yaml");
  if (!loaded.spec) return yaml;
  for (const QuotaReach& reach : quota_reach(*loaded.spec)) {
    const model::RoleSpec ae = model::default_role(model::RoleKind::kAccountExecutive, "");
    if (reach.role != "account_executive" || !(reach.bookings > 0) ||
        reach.bookings >= kReachableShare * ae.annual_quota) {
      continue;
    }
    const double scale = std::pow(10.0, std::floor(std::log10(reach.bookings)) - 1);
    const ReachableQuota reachable{std::round(reach.bookings / scale) * scale, reach};
    yaml = starter_yaml(answers, &reachable);
  }
  return yaml;
}

}  // namespace teamsim::app
