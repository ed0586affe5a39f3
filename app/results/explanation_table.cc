#include "app/results/explanation_table.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "app/common/number_format.h"
#include "app/common/plural.h"
#include "app/common/role_noun.h"
#include "app/common/sentence_case.h"
#include "app/common/utf8.h"

namespace teamsim::app {
namespace {

constexpr std::size_t kLabelWidth = 36;
constexpr std::size_t kCellWidth = 10;

// The years shown: all of them when they fit, else the first ones and the last.
std::vector<std::size_t> shown_years(std::size_t years, std::size_t max_columns) {
  std::size_t fit = years;
  if (max_columns > 0) {
    fit = std::max<std::size_t>(
        1, max_columns > kLabelWidth ? (max_columns - kLabelWidth) / kCellWidth : 1);
  }
  std::vector<std::size_t> shown;
  for (std::size_t y = 0; y < years; ++y) {
    if (shown.size() + 1 < fit || y + 1 == years) shown.push_back(y);
  }
  return shown;
}

std::string row(std::string_view label, const std::vector<std::string>& cells) {
  std::string out = fmt::format("{:<{}}", label, kLabelWidth);
  for (const std::string& cell : cells) out += fmt::format("{:>{}}", cell, kCellWidth);
  return out + '\n';
}

}  // namespace

std::string explanation_count(double value) {
  return std::isfinite(value) ? format_compact(std::round(value * 10) / 10) : "—";
}

std::string explanation_percent(double share) {
  return std::isfinite(share) ? fmt::format("{:.0f}%", 100 * share) : "—";
}

std::string explanation_percent_down(double share) {
  return std::isfinite(share) ? fmt::format("{:.0f}%", std::floor(100 * share)) : "—";
}

std::string explanation_days(double days) {
  return std::isfinite(days) ? fmt::format("{:.0f}", days) : "—";
}

std::vector<std::pair<std::string, std::string>> binding_by_years(
    const RunExplanation& explanation) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::vector<std::string>& binding = explanation.binding;
  for (std::size_t first = 0; first < binding.size();) {
    std::size_t last = first;
    while (last + 1 < binding.size() && binding[last + 1] == binding[first]) ++last;
    out.emplace_back(first == last ? fmt::format("year {}", first + 1)
                                   : fmt::format("years {}-{}", first + 1, last + 1),
                     binding[first]);
    first = last + 1;
  }
  return out;
}

namespace {

// When dated hires fall: "in month 6", "in months 3-9", "in Sep 2027", "from Jan 2028 to Jan 2029".
std::string dated_months(const DatedHires& dated, const MonthNames& names) {
  if (dated.first_month == dated.last_month) return "in " + names.phrase(dated.first_month);
  return names.start() ? fmt::format("from {} to {}", names.label(dated.first_month),
                                     names.label(dated.last_month))
                       : fmt::format("in months {}-{}", dated.first_month, dated.last_month);
}

// What the months of a role's dated hires mean: when their requisitions open (`month`), or when
// the people should start (`start_month`); "2 with requisitions opening in months 1-3, 3 to
// start in month 6" when the role has both.
std::string dated_when(const RoleHiring& r, const MonthNames& names) {
  const std::string to_start = "to start " + dated_months(r.to_start, names);
  if (r.opened.people == 0) return to_start;
  if (r.to_start.people == 0) {
    return fmt::format("{} {}", r.opened.people == 1 ? "requisition opens" : "requisitions open",
                       dated_months(r.opened, names));
  }
  return fmt::format("{} with {} opening {}, {} {}", r.opened.people,
                     r.opened.people == 1 ? "a requisition" : "requisitions",
                     dated_months(r.opened, names), r.to_start.people, to_start);
}

// A percentile of a count of people, whole as the key-metric table writes one: a median of 97.5
// hires (two middle histories of 97 and 98) reads 98, a p10 of 88.9 reads 89.
std::string whole_people(double value) {
  return std::isfinite(value) ? format_compact(std::round(value)) : "—";
}

}  // namespace

std::vector<std::string> hiring_sentences(const RunExplanation& explanation) {
  std::vector<std::string> out;
  for (const RoleHiring& r : explanation.hiring) {
    const MonthNames& names = explanation.months;
    const std::string months = dated_when(r, names);
    // Counts --metrics did not keep are NaN: said in words, not as dashes.
    std::vector<std::string> known;
    std::vector<std::string> unknown;
    if (std::isfinite(r.hired_p50)) {
      // What the hires count beside the dated ones: the role's backfills, its rules' hires.
      std::vector<std::string> also;
      if (r.backfilled) also.emplace_back("backfills");
      if (r.rule_hired) also.emplace_back("rule hires");
      known.push_back(
          fmt::format("median {} hired ({}-{}{})", whole_people(r.hired_p50),
                      whole_people(r.hired_p10), whole_people(r.hired_p90),
                      also.empty() ? "" : fmt::format(", {} included", fmt::join(also, " and "))));
    } else {
      unknown.emplace_back("hires");
    }
    if (std::isfinite(r.employed_p50)) {
      known.push_back(fmt::format("{} employed", whole_people(r.employed_p50)));
    } else {
      unknown.emplace_back("headcount");
    }
    if (std::isfinite(r.waiting_for_search)) {
      known.push_back(fmt::format("{} waiting for a search on average",
                                  explanation_count(r.waiting_for_search)));
    } else {
      unknown.emplace_back("requisitions waiting for a search");
    }
    std::string facts = fmt::format("{}", fmt::join(known, ", "));
    if (!unknown.empty()) {
      const std::string missing = listed(unknown);
      facts += fmt::format("{}not known: {} {} not kept (--metrics)", known.empty() ? "" : "; ",
                           missing, missing == "headcount" ? "was" : "were");
    }
    out.push_back(fmt::format("{}: {} requested ({}); by {} {}",
                              capitalised(role_noun(r.role).many), r.requested, months,
                              names.phrase(r.month), facts));
  }
  return out;
}

std::string cash_sentence(const RunExplanation& explanation, std::string_view where) {
  if (!explanation.cash_runs_out) return "";
  const CashRunout& out = *explanation.cash_runs_out;
  const std::string month = explanation.months.phrase(out.month);
  // Rounded down, as 99.6 % is not every replication; k / n x 100 can fall a hair below k.
  return fmt::format(
      "runs out by {} in {:.0f}% of the replications ({}). The model does not stop a plan that "
      "runs out: it keeps hiring, paying and selling, so in those replications the results "
      "from then on count on cash the plan does not have.",
      month, std::floor(100 * out.share + 1e-9), where);
}

std::string explanation_table(const RunExplanation& explanation, std::size_t max_columns) {
  if (explanation.funnel.empty()) return "";
  const std::vector<std::size_t> years = shown_years(explanation.funnel.size(), max_columns);
  const auto cells = [&](auto&& value) {
    std::vector<std::string> out;
    for (const std::size_t y : years) out.push_back(value(y));
    return out;
  };
  std::string out = "Why (means over the replications, summed over each year)\n";
  const MonthNames& names = explanation.months;
  if (names.start()) {  // each year's first and last calendar month, on two lines
    out += row(
        "", cells([&](std::size_t y) { return names.label(explanation.funnel[y].first_month); }));
    out += row("", cells([&](std::size_t y) {
                 return "–" + names.label(explanation.funnel[y].last_month);
               }));
  } else {
    out += row("", cells([&](std::size_t y) {
                 const FunnelYear& f = explanation.funnel[y];
                 return f.last_month - f.first_month == 11
                            ? fmt::format("year {}", f.year)
                            : fmt::format("m{}-{}", f.first_month, f.last_month);
               }));
  }
  const auto funnel = [&](std::string_view label, double FunnelYear::*field) {
    out +=
        row(label,
            cells([&](std::size_t y) { return explanation_count(explanation.funnel[y].*field); }));
  };
  funnel("Leads", &FunnelYear::leads);
  const bool screened = std::any_of(explanation.funnel.begin(), explanation.funnel.end(),
                                    [](const FunnelYear& f) { return f.disqualified > 0; });
  if (screened) funnel("  screened out by sales ops", &FunnelYear::disqualified);
  funnel("  unworked (no seller with room)", &FunnelYear::unworked);
  funnel("  worked", &FunnelYear::worked);
  funnel("  → opportunities", &FunnelYear::opportunities);
  funnel("  → won (closed in the year)", &FunnelYear::won);
  const auto constraint = [&](std::string_view label, double ConstraintYear::*field,
                              std::string (*format)(double)) {
    out +=
        row(label, cells([&](std::size_t y) { return format(explanation.constraints[y].*field); }));
  };
  constraint("Leads unworked for lack of room", &ConstraintYear::unworked_share,
             explanation_percent);
  constraint("Requisitions waiting for a search", &ConstraintYear::recruiting_queue,
             explanation_count);
  constraint("Time to hire (days per hire)", &ConstraintYear::time_to_hire_days, explanation_days);
  constraint("New hires waiting for a trainer", &ConstraintYear::onboarding_queue,
             explanation_count);
  constraint("Management coverage", &ConstraintYear::management_coverage, explanation_percent_down);
  if (explanation.has_specialists) {
    constraint("Specialist wait (days per deal helped)", &ConstraintYear::specialist_wait_days,
               explanation_days);
  }
  if (explanation.has_accounts) {
    constraint("Accounts left (emptiest territory)", &ConstraintYear::accounts_available_share,
               explanation_percent);
  }
  const auto paragraph = [&](const std::string& text, std::size_t indent) {
    const std::vector<std::string> lines =
        wrap_words(text, max_columns > indent + 20 ? max_columns - indent : 0);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out += std::string(i == 0 ? indent - 2 : indent, ' ') + lines[i] + '\n';
    }
  };
  for (const auto& [when, text] : binding_by_years(explanation)) {
    paragraph(fmt::format("Binds in {}: {}", when, text), 2);
  }
  if (const std::string cash = cash_sentence(explanation, "the runway line above"); !cash.empty()) {
    paragraph("Cash " + cash, 2);
  }
  const std::vector<std::string> hiring = hiring_sentences(explanation);
  if (!hiring.empty()) {
    out += "Hires against the plan:\n";
    for (const std::string& sentence : hiring) paragraph(sentence, 4);
  }
  return out;
}

}  // namespace teamsim::app
