#include "app/results/assumptions_table.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/common/utf8.h"

namespace teamsim::app {
namespace {

constexpr std::size_t kLabelWidth = 26;
constexpr std::size_t kNarrowest = 40;  // below this the value column would be too thin to read

}  // namespace

std::string default_tag(const Assumption& assumption) {
  if (!assumption.uses_default()) return "";
  return assumption.all_default() ? "default" : "partly default";
}

std::string assumptions_table(const std::vector<Assumption>& assumptions, std::size_t max_columns) {
  if (assumptions.empty()) return "";
  std::string out;
  for (const std::string& line :
       wrap_words("Assumptions ([default]: not set by the scenario; where each default comes from: "
                  "docs/scenario-reference.md, or the report)",
                  max_columns)) {
    out += line + '\n';
  }
  const std::size_t width = max_columns == 0 ? 0 : std::max(kNarrowest, max_columns) - kLabelWidth;
  for (const Assumption& a : assumptions) {
    const std::vector<std::string> lines = wrap_words(tagged_value(&a), width);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::string label = i == 0 ? "  " + a.label : "";
      out += label + std::string(kLabelWidth - utf8_width(label), ' ') + lines[i] + '\n';
    }
  }
  return out;
}

std::vector<AssumptionAcrossPlans> align_assumptions(
    const std::vector<std::vector<Assumption>>& plans) {
  std::vector<AssumptionAcrossPlans> rows;
  for (const std::vector<Assumption>& plan : plans) {
    for (const Assumption& a : plan) {
      const bool known = std::any_of(rows.begin(), rows.end(), [&](const AssumptionAcrossPlans& r) {
        return r.label == a.label;
      });
      if (!known) rows.push_back({a.label, {}, false});
    }
  }
  for (AssumptionAcrossPlans& row : rows) {
    for (const std::vector<Assumption>& plan : plans) {
      const auto it = std::find_if(plan.begin(), plan.end(),
                                   [&](const Assumption& a) { return a.label == row.label; });
      row.per_plan.push_back(it == plan.end() ? nullptr : &*it);
    }
    // The values decide: the same value set in one file and left to its default in another is
    // the same assumption (the [default] tags still say which is which where a row differs).
    const auto value = [](const Assumption* a) {
      return a == nullptr ? std::string("—") : a->value;
    };
    for (const Assumption* a : row.per_plan) {
      if (value(a) != value(row.per_plan.front())) row.differs = true;
    }
  }
  return rows;
}

std::string tagged_value(const Assumption* assumption) {
  if (assumption == nullptr) return "—";
  const std::string tag = default_tag(*assumption);
  return tag.empty() ? assumption->value : assumption->value + " [" + tag + "]";
}

std::string assumption_differences_table(const std::vector<std::string>& labels,
                                         const std::vector<std::vector<Assumption>>& plans,
                                         std::size_t max_columns) {
  std::string out;
  const std::size_t width = max_columns == 0 ? 0 : std::max(kNarrowest, max_columns) - 7;
  for (const AssumptionAcrossPlans& row : align_assumptions(plans)) {
    if (!row.differs) continue;
    out += "  " + row.label + '\n';
    for (std::size_t i = 0; i < row.per_plan.size(); ++i) {
      const std::vector<std::string> lines = wrap_words(tagged_value(row.per_plan[i]), width);
      for (std::size_t l = 0; l < lines.size(); ++l) {
        out +=
            (l == 0 ? fmt::format("    {}: ", static_cast<char>('A' + std::min<std::size_t>(i, 25)))
                    : std::string(7, ' ')) +
            lines[l] + '\n';
      }
    }
  }
  if (out.empty()) {
    return fmt::format("The {} plans share every assumption.\n\n", labels.size());
  }
  return "Assumptions that differ between the plans ([default]: not set by the scenario):\n" + out +
         '\n';
}

}  // namespace teamsim::app
