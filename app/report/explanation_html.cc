#include "app/report/explanation_html.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/common/xml_escape.h"
#include "app/results/assumptions_table.h"
#include "app/results/explanation_table.h"

namespace teamsim::app {

std::string assumptions_html(const std::vector<Assumption>& assumptions) {
  if (assumptions.empty()) return "";
  std::string html =
      "<div class=\"table-wrap\"><table class=\"assumptions\">\n<thead><tr><th></th>"
      "<th>Assumption</th><th>Value</th><th>Where a default comes from</th></tr></thead>\n"
      "<tbody>\n";
  std::string group;
  for (const Assumption& a : assumptions) {
    std::string badges;
    if (a.uses_default()) {
      badges +=
          fmt::format(" <span class=\"badge\" title=\"left at the default: {}\">{}</span>",
                      xml_escape_attribute(fmt::format("{}", fmt::join(a.default_keys, ", "))),
                      xml_escape_text(default_tag(a)));
    }
    if (a.uncertain) {
      badges +=
          " <span class=\"badge uncertain\" title=\"drawn once per replication\">"
          "uncertain</span>";
    }
    html += fmt::format(
        "<tr><td class=\"group\">{}</td><td title=\"{}\">{}</td><td class=\"value\">{}{}</td>"
        "<td class=\"source\">{}</td></tr>\n",
        a.group == group ? "" : xml_escape_text(a.group),
        xml_escape_attribute(fmt::format("{}", fmt::join(a.keys, ", "))), xml_escape_text(a.label),
        xml_escape_text(a.value), badges, a.uses_default() ? xml_escape_text(a.source) : "");
    group = a.group;
  }
  return html + "</tbody></table></div>\n";
}

std::string assumptions_comparison_html(const std::vector<std::string>& labels,
                                        const std::vector<std::vector<Assumption>>& plans) {
  std::vector<AssumptionAcrossPlans> rows = align_assumptions(plans);
  if (rows.empty()) return "";
  std::stable_partition(rows.begin(), rows.end(),
                        [](const AssumptionAcrossPlans& r) { return r.differs; });
  std::string html =
      "<div class=\"table-wrap\"><table class=\"assumptions\">\n<thead><tr><th>Assumption</th>";
  for (std::size_t i = 0; i < labels.size(); ++i) {
    html += fmt::format("<th>{} = {}</th>", static_cast<char>('A' + i % 26),
                        xml_escape_text(labels[i]));
  }
  html += "</tr></thead>\n<tbody>\n";
  for (const AssumptionAcrossPlans& row : rows) {
    html += fmt::format("<tr><td>{}{}</td>", xml_escape_text(row.label),
                        row.differs ? " <span class=\"badge uncertain\">differs</span>" : "");
    for (const Assumption* a : row.per_plan) {
      html += fmt::format("<td>{}{}</td>", xml_escape_text(a ? a->value : "—"),
                          a && a->uses_default() ? fmt::format(" <span class=\"badge\">{}</span>",
                                                               xml_escape_text(default_tag(*a)))
                                                 : "");
    }
    html += "</tr>\n";
  }
  return html + "</tbody></table></div>\n";
}

namespace {

// A row of the why tables: a label and one cell per year, those that bind in bold.
std::string year_row(std::string_view label, const std::vector<std::string>& cells,
                     const std::vector<bool>& binds = {}, bool sub = false) {
  std::string html = fmt::format("<tr{}><th scope=\"row\">{}</th>", sub ? " class=\"sub\"" : "",
                                 xml_escape_text(label));
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const bool bound = i < binds.size() && binds[i];
    html +=
        fmt::format("<td{}>{}</td>", bound ? " class=\"binds\"" : "", xml_escape_text(cells[i]));
  }
  return html + "</tr>\n";
}

}  // namespace

std::string explanation_html(const RunExplanation& explanation) {
  if (explanation.funnel.empty()) return "";
  const auto cells = [&](auto&& value) {
    std::vector<std::string> out;
    for (std::size_t y = 0; y < explanation.funnel.size(); ++y) out.push_back(value(y));
    return out;
  };
  const auto binds = [&](auto&& test) {
    std::vector<bool> out;
    for (const ConstraintYear& c : explanation.constraints) out.push_back(test(c));
    return out;
  };
  std::string html = "<div class=\"table-wrap\"><table class=\"why\">\n<thead><tr><th></th>";
  for (const FunnelYear& f : explanation.funnel) {
    const MonthNames& names = explanation.months;
    html += fmt::format("<th>Year {} <small>({})</small></th>", f.year,
                        names.span(f.first_month, f.last_month));
  }
  html += "</tr></thead>\n<tbody>\n";
  const auto funnel = [&](std::string_view label, double FunnelYear::*field, bool sub) {
    html += year_row(label, cells([&](std::size_t y) {
                       return explanation_count(explanation.funnel[y].*field);
                     }),
                     {}, sub);
  };
  funnel("Leads", &FunnelYear::leads, false);
  if (std::any_of(explanation.funnel.begin(), explanation.funnel.end(),
                  [](const FunnelYear& f) { return f.disqualified > 0; })) {
    funnel("screened out by sales ops", &FunnelYear::disqualified, true);
  }
  funnel("unworked: no seller with room", &FunnelYear::unworked, true);
  funnel("worked", &FunnelYear::worked, true);
  funnel("→ opportunities opened", &FunnelYear::opportunities, true);
  funnel("→ deals won (closed in the year)", &FunnelYear::won, true);
  const auto constraint = [&](std::string_view label, double ConstraintYear::*field,
                              std::string (*format)(double), auto&& test) {
    html += year_row(
        label, cells([&](std::size_t y) { return format(explanation.constraints[y].*field); }),
        binds(test));
  };
  constraint("Share of leads unworked for lack of room", &ConstraintYear::unworked_share,
             explanation_percent,
             [](const ConstraintYear& c) { return c.unworked_share >= kUnworkedShareBinds; });
  constraint("Requisitions waiting for a search (mean)", &ConstraintYear::recruiting_queue,
             explanation_count,
             [](const ConstraintYear& c) { return c.recruiting_queue >= kQueueBinds; });
  constraint("Time to hire, days per hire", &ConstraintYear::time_to_hire_days, explanation_days,
             [](const ConstraintYear&) { return false; });
  constraint("New hires waiting for a trainer (mean)", &ConstraintYear::onboarding_queue,
             explanation_count,
             [](const ConstraintYear& c) { return c.onboarding_queue >= kQueueBinds; });
  constraint("Management coverage", &ConstraintYear::management_coverage, explanation_percent_down,
             [](const ConstraintYear& c) { return c.management_coverage < kCoverageBinds; });
  if (explanation.has_specialists) {
    constraint("Specialist wait, days per deal helped", &ConstraintYear::specialist_wait_days,
               explanation_days, [](const ConstraintYear& c) {
                 return c.specialist_wait_days >= kSpecialistWaitBinds;
               });
  }
  if (explanation.has_accounts) {
    constraint("Accounts left to approach (emptiest territory)",
               &ConstraintYear::accounts_available_share, explanation_percent,
               [](const ConstraintYear& c) {
                 return c.accounts_available_share < kAccountsAvailableBinds;
               });
  }
  html += "</tbody></table></div>\n<ul class=\"why\">\n";
  for (const auto& [when, text] : binding_by_years(explanation)) {
    html += fmt::format("<li><strong>What binds in {}:</strong> {}</li>\n", xml_escape_text(when),
                        xml_escape_text(text));
  }
  if (const std::string cash = cash_sentence(explanation, "the P(cash < 0) card above");
      !cash.empty()) {
    html += fmt::format("<li><strong>Cash</strong> {}</li>\n", xml_escape_text(cash));
  }
  const std::vector<std::string> hiring = hiring_sentences(explanation);
  if (!hiring.empty()) {
    html += "<li><strong>Hires against the plan:</strong>\n<ul>\n";
    for (const std::string& sentence : hiring) {
      html += fmt::format("<li>{}</li>\n", xml_escape_text(sentence));
    }
    html += "</ul></li>\n";
  }
  return html + "</ul>\n";
}

}  // namespace teamsim::app
